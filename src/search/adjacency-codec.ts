// The text form of a neighbour list document's pairs (layout 3, docs/index-mode.md): neighbour ids in one
// string, one a line, and their counts in another, as signed decimals. Meilisearch hands a long string back
// faster than an array of as many values, and JSON.parse reads one string far faster than an array of small
// ones: at 100,000 articles a depth-2 view's 500 lists came back about 40 % sooner and parsed 6 times faster.
import { NewsgraphError } from '../errors.js';

/** Neighbours and their counts (changes, in a delta) in both windows, at the same position. */
export interface AdjacencyPairs {
  neighbors: string[];
  articles: ArrayLike<number>;
  sentences: ArrayLike<number>;
}

/** The stored form: `neighbors` one id a line (`\` and line breaks escaped), `counts` "a s a s …". */
export interface EncodedPairs {
  neighbors: string;
  counts: string;
}

const escapeId = (id: string): string =>
  /[\\\n]/.test(id) ? id.replace(/\\/g, '\\\\').replace(/\n/g, '\\n') : id;
const unescapeId = (id: string): string => id.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));

/** The stored form of these pairs. */
export function encodeAdjacency(pairs: AdjacencyPairs): EncodedPairs {
  const counts: string[] = [];
  for (let i = 0; i < pairs.neighbors.length; i++) {
    counts.push(`${pairs.articles[i] ?? 0} ${pairs.sentences[i] ?? 0}`);
  }
  return { neighbors: pairs.neighbors.map(escapeId).join('\n'), counts: counts.join(' ') };
}

/**
 * Calls `visit` with each pair of a stored form, in order, making no array: a hub's list is tens of thousands
 * of pairs, read hundreds at a time by a depth-2 view. A form whose two strings disagree on the number of
 * pairs is refused (after the pairs both hold).
 */
export function decodeAdjacency(
  encoded: EncodedPairs,
  visit: (neighbor: string, articles: number, sentences: number) => void,
): void {
  const { neighbors, counts } = encoded;
  const escaped = neighbors.includes('\\');
  let at = 0;
  // The next signed decimal of `counts` from `at`, or undefined past its end.
  const next = (): number | undefined => {
    while (at < counts.length && counts.charCodeAt(at) === 32) at++;
    if (at >= counts.length) return undefined;
    let sign = 1;
    if (counts.charCodeAt(at) === 45) [sign, at] = [-1, at + 1];
    let value = 0;
    for (let code = counts.charCodeAt(at); code >= 48 && code <= 57; code = counts.charCodeAt(++at)) {
      value = value * 10 + code - 48;
    }
    return sign * value;
  };
  const refuse = (): never => {
    throw new NewsgraphError('graph_list_format', "graph index: a neighbour list's ids and counts disagree");
  };
  if (counts.length === 0) {
    if (neighbors.length > 0) refuse();
    return;
  }
  for (let start = 0; start <= neighbors.length;) {
    const end = neighbors.indexOf('\n', start);
    const stop = end < 0 ? neighbors.length : end;
    const articles = next();
    const sentences = next();
    if (articles === undefined || sentences === undefined) return refuse();
    const id = neighbors.slice(start, stop);
    visit(escaped ? unescapeId(id) : id, articles, sentences);
    start = stop + 1;
  }
  if (next() !== undefined) refuse();
}
