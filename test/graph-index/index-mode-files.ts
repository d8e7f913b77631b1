// The files both index-mode tests index: the fixtures (always), and the corpus where ../shared is present;
// and the day (UTC midnight, epoch ms) their date ranges are written in.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CORPUS, SAMPLE } from '../helpers/test-newsgraph.js';

export const FIXTURES = [
  path.resolve(import.meta.dirname, '../fixtures/index-mode/articles.jsonl'),
  path.resolve(import.meta.dirname, '../fixtures/sharding/articles.jsonl'),
  SAMPLE,
];
export const CORPUS_FILES = ['de-news.jsonl', 'en-news.jsonl'].map((name) => path.join(CORPUS, name));
export const corpusPresent = CORPUS_FILES.every((file) => existsSync(file));

/** Midnight UTC of a YYYY-MM-DD date, in epoch ms. */
export const day = (date: string): number => Date.parse(`${date}T00:00:00Z`);
