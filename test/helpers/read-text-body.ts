// A supertest body parser that keeps a response as text, for the XML and CSV exports supertest does not
// parse itself: `.buffer(true).parse(readTextBody)`.
import type { Test } from 'supertest';

export const readTextBody: Parameters<Test['parse']>[0] = (response, done) => {
  let text = '';
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => (text += chunk));
  response.on('end', () => done(null, text));
};
