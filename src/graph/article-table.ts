// The graph's articles as numbers: per article number its id, title, write sequence and date side by side,
// and its mentions as a run of integers in one shared slab (MENTION_INTS per mention, the entity by number).
// A snapshot holds the same columns, so that loading one copies them instead of building an object per
// article; removal, evidence, timelines and trending read the runs in place.
import {
  createArticleNumbers,
  deleteArticleNumber,
  getArticleNumber,
  setArticleNumber,
} from './article-numbers.js';
import { grown } from './grown.js';
import type { ArticleTable, CooccurrenceGraph } from './types.js';

export function createArticleTable(ints = 1024): ArticleTable {
  return {
    numbers: createArticleNumbers(),
    ids: [],
    titles: [],
    seqs: new Float64Array(16),
    dates: new Float64Array(16),
    start: new Int32Array(16),
    length: new Int32Array(16),
    mentions: new Int32Array(ints),
    count: 0,
    live: 0,
    used: 0,
    reserved: 0,
  };
}

/** Articles in the graph. */
export function articleCount(store: CooccurrenceGraph): number {
  return store.articles.live;
}

/** Article `id`'s number, or undefined when the graph does not hold it. */
export function articleNumberOf(store: CooccurrenceGraph, id: string): number | undefined {
  return getArticleNumber(store.articles.numbers, store.articles.ids, id);
}

/** Whether the graph holds article `id`. */
export function hasArticle(store: CooccurrenceGraph, id: string): boolean {
  return articleNumberOf(store, id) !== undefined;
}

/** The ids of the articles in the graph, in the order they were (last) added. */
export function* articleIdsOf(store: CooccurrenceGraph): Generator<string> {
  const { ids, count } = store.articles;
  for (let number = 0; number < count; number++) {
    const id = ids[number];
    if (id !== undefined) yield id;
  }
}

/** Article `id`'s write sequence, or undefined when the graph does not hold it. */
export function articleSeq(store: CooccurrenceGraph, id: string): number | undefined {
  const number = articleNumberOf(store, id);
  return number === undefined ? undefined : store.articles.seqs[number];
}

/** Article `id`'s title (null when it has none), or undefined when the graph does not hold it. */
export function articleTitle(store: CooccurrenceGraph, id: string): string | null | undefined {
  const number = articleNumberOf(store, id);
  return number === undefined ? undefined : (store.articles.titles[number] ?? null);
}

/** Article `id`'s `publishedTs`: null when undated, undefined when the graph does not hold it. */
export function articlePublished(store: CooccurrenceGraph, id: string): number | null | undefined {
  const number = articleNumberOf(store, id);
  if (number === undefined) return undefined;
  const published = store.articles.dates[number] as number;
  return Number.isNaN(published) ? null : published;
}

/** Article number -> `publishedTs`, NaN when undated or removed (a view, valid until the next addition). */
export function articleDates(store: CooccurrenceGraph): Float64Array {
  return store.articles.dates.subarray(0, store.articles.count);
}

/** Article `number`'s mentions (a view over the slab, valid until the graph next changes). */
export function mentionRun(store: CooccurrenceGraph, number: number): Int32Array {
  const { start, length, mentions } = store.articles;
  const from = start[number] as number;
  return mentions.subarray(from, from + (length[number] as number));
}

/** Adds an article record (not its counts, edges or postings); returns its number, above every earlier one. */
export function appendArticle(
  store: CooccurrenceGraph,
  article: { id: string; seq: number; title: string | null; publishedTs: number | null },
  mentions: ArrayLike<number>,
): number {
  const table = store.articles;
  const number = table.count;
  table.seqs = grown(table.seqs, number + 1);
  table.dates = grown(table.dates, number + 1);
  table.start = grown(table.start, number + 1);
  table.length = grown(table.length, number + 1);
  if (table.used + mentions.length > table.mentions.length) makeRoom(table, mentions.length);
  table.ids.push(article.id);
  table.titles.push(article.title);
  table.seqs[number] = article.seq;
  table.dates[number] = article.publishedTs ?? NaN;
  table.start[number] = table.used;
  table.length[number] = mentions.length;
  table.mentions.set(mentions, table.used);
  table.used += mentions.length;
  table.reserved += mentions.length;
  setArticleNumber(table.numbers, table.ids, article.id, number);
  table.count += 1;
  table.live += 1;
  return number;
}

/** Takes article `number`'s record out; its number stays unused and its run becomes a hole. */
export function deleteArticle(store: CooccurrenceGraph, number: number): void {
  const table = store.articles;
  const id = table.ids[number];
  if (id === undefined) return;
  deleteArticleNumber(table.numbers, table.ids, id);
  table.ids[number] = undefined;
  table.titles[number] = null;
  table.dates[number] = NaN;
  table.reserved -= table.length[number] as number;
  table.start[number] = table.length[number] = 0;
  table.live -= 1;
}

/** Room for `needed` more integers: holes squeezed out when they pass a quarter, else a larger slab. */
function makeRoom(table: ArticleTable, needed: number): void {
  if (table.used - table.reserved > table.used / 4) compactArticles(table);
  const size = table.used + needed;
  if (size > table.mentions.length) table.mentions = grown(table.mentions, size);
  else if (table.mentions.length > 2 * size + 1024)
    table.mentions = table.mentions.slice(0, size + (size >> 2));
}

/** Moves every run to the front of the slab, in number order (the order they were appended in). */
function compactArticles(table: ArticleTable): void {
  let at = 0;
  for (let number = 0; number < table.count; number++) {
    const [start, length] = [table.start[number] as number, table.length[number] as number];
    if (length === 0) continue;
    if (start !== at) table.mentions.copyWithin(at, start, start + length);
    table.start[number] = at;
    at += length;
  }
  table.used = at;
}
