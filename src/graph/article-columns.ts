// The articles of a snapshot as columns (persist-graph.ts), the layout they have in memory (article-table.ts):
// ids and titles as JSON string arrays, write sequences and dates as Float64Arrays, each article's number of
// mentions, and every mention (entity number, sentence and furniture bit) in one Int32Array. Loading copies
// the columns into the table and builds the postings in two passes over the mentions: no object per article.
import { createArticleNumbers, getArticleNumber, setArticleNumber } from './article-numbers.js';
import { buildPostings } from './postings.js';
import { MENTION_INTS, type CooccurrenceGraph } from './types.js';

/** What the snapshot reader hands this file: the next section as JSON, Int32Array or Float64Array. */
export interface ColumnReader {
  json(): unknown;
  int32(count: number): Int32Array;
  float64(count: number): Float64Array;
}

/**
 * The article columns of `store`, in section order: JSON values and typed arrays. `renumber` maps the
 * graph's entity numbers to the snapshot's.
 */
export function articleColumns(store: CooccurrenceGraph, renumber: Int32Array): Array<object> {
  const table = store.articles;
  const live: number[] = [];
  let ints = 0;
  for (let number = 0; number < table.count; number++) {
    if (table.ids[number] === undefined) continue;
    live.push(number);
    ints += table.length[number] as number;
  }
  const mentions = new Int32Array(ints);
  let at = 0;
  for (const number of live) {
    const start = table.start[number] as number;
    const end = start + (table.length[number] as number);
    for (let m = start; m < end; m += MENTION_INTS) {
      mentions[at] = renumber[table.mentions[m] as number] as number;
      mentions[at + 1] = table.mentions[m + 1] as number;
      at += MENTION_INTS;
    }
  }
  return [
    { articles: live.length, mentions: ints / MENTION_INTS },
    live.map((number) => table.ids[number]),
    live.map((number) => table.titles[number] ?? null),
    Float64Array.from(live, (number) => table.seqs[number] as number),
    Float64Array.from(live, (number) => table.dates[number] as number),
    Int32Array.from(live, (number) => (table.length[number] as number) / MENTION_INTS),
    mentions,
  ];
}

/**
 * Reads the columns back into `store`, whose entities (`entities` of them) are already loaded, and builds the
 * postings; throws when the articles do not hold together with each other or with the entities' counts.
 */
export function restoreArticles(store: CooccurrenceGraph, read: ColumnReader, entities: number): void {
  const counts = read.json() as { articles: number; mentions: number };
  const n = counts.articles;
  const ids = read.json() as string[];
  const titles = read.json() as Array<string | null>;
  const [seqs, dates] = [read.float64(n), read.float64(n)];
  const lengths = read.int32(n);
  const mentions = read.int32(MENTION_INTS * counts.mentions);
  if (!Array.isArray(ids) || !Array.isArray(titles) || ids.length !== n || titles.length !== n)
    throw new Error('article columns disagree');
  const start = new Int32Array(n);
  const numbers = createArticleNumbers(n);
  // Each entity's mentions and articles, counted again from the articles: they must equal the entity table's.
  const [mentioned, articles, last] = [
    new Int32Array(entities),
    new Int32Array(entities),
    new Int32Array(entities),
  ];
  last.fill(-1);
  let at = 0;
  for (let number = 0; number < n; number++) {
    const id = ids[number];
    if (typeof id !== 'string' || getArticleNumber(numbers, ids, id) !== undefined)
      throw new Error(`article ${number}: id`);
    setArticleNumber(numbers, ids, id, number);
    start[number] = at;
    const length = MENTION_INTS * (lengths[number] as number);
    lengths[number] = length;
    if (length < 0 || at + length > mentions.length) throw new Error(`article ${ids[number]}: mentions`);
    for (const end = at + length; at < end; at += MENTION_INTS) {
      const entity = mentions[at] as number;
      if (!(entity >= 0 && entity < entities) || (mentions[at + 1] as number) < 0)
        throw new Error(`article ${ids[number]}: a mention of no entity`);
      mentioned[entity] = (mentioned[entity] as number) + 1;
      if (last[entity] !== number) articles[entity] = (articles[entity] as number) + 1;
      last[entity] = number;
    }
  }
  if (at !== mentions.length) throw new Error('article columns disagree');
  for (let entity = 0; entity < entities; entity++) {
    if (
      mentioned[entity] !== store.entities.mentions[entity] ||
      articles[entity] !== store.entities.articles[entity]
    )
      throw new Error(`entity ${entity}: counts disagree with the articles`);
  }
  store.articles = {
    numbers,
    ids,
    titles,
    seqs,
    dates,
    start,
    length: lengths,
    mentions,
    count: n,
    live: n,
    used: mentions.length,
    reserved: mentions.length,
  };
  buildPostings(store, entities);
}
