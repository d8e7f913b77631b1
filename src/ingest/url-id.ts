// The id of a page read from a URL (fetched, or from a WARC record): "url-" and a hash of the URL, so
// reading the same page again replaces its article instead of adding a second one.
import { createHash } from 'node:crypto';

export function urlId(url: string): string {
  return `url-${createHash('sha256').update(url).digest('hex').slice(0, 24)}`;
}
