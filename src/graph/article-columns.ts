// The stored articles of a snapshot as columns (persist-graph.ts): ids and titles as JSON string arrays,
// write sequences and dates as Float64Arrays, and each article's entities and mentions as runs of integers
// over one table of the EntityInfo they share. Reading them back builds each record from numbers, with no
// JSON per article to parse: at 500k articles a JSON section took most of a snapshot's load.
import type { EntityInfo, EntityType } from '../entities/types.js';
import { ENTITY_TYPES } from '../entities/types.js';
import { internInfo } from './entity-table.js';
import { MENTION_STRIDE, type CooccurrenceGraph } from './types.js';

/** What the snapshot reader hands this file: the next section as JSON, Int32Array or Float64Array. */
export interface ColumnReader {
  json(): unknown;
  int32(count: number): Int32Array;
  float64(count: number): Float64Array;
}

/** The article columns of `store`, in section order: JSON values and typed arrays. */
export function articleColumns(store: CooccurrenceGraph): Array<Buffer | string | object> {
  const ids: string[] = [];
  const titles: Array<string | null> = [];
  const seq = new Float64Array(store.articles.size);
  const published = new Float64Array(store.articles.size);
  const infoIndex = new Map<EntityInfo, number>();
  const infos: Array<[string, string, number]> = [];
  const infoCounts = new Int32Array(store.articles.size);
  const refs: number[] = [];
  const mentionCounts = new Int32Array(store.articles.size);
  let mentionTotal = 0;
  for (const [id, article] of store.articles) {
    const i = ids.length;
    ids.push(id);
    titles.push(article.title);
    seq[i] = article.seq;
    published[i] = article.publishedTs ?? NaN;
    infoCounts[i] = article.entityInfo.length;
    for (const info of article.entityInfo) {
      let at = infoIndex.get(info);
      if (at === undefined) {
        infoIndex.set(info, (at = infos.length));
        infos.push([info.id, info.name, ENTITY_TYPES.indexOf(info.type)]);
      }
      refs.push(at);
    }
    mentionCounts[i] = article.mentions.length / MENTION_STRIDE;
    mentionTotal += article.mentions.length / MENTION_STRIDE;
  }
  const mentions = new Int32Array(MENTION_STRIDE * mentionTotal);
  let at = 0;
  for (const article of store.articles.values()) {
    mentions.set(article.mentions, at);
    at += article.mentions.length;
  }
  return [
    { articles: ids.length, infos: infos.length, refs: refs.length, mentions: mentionTotal },
    ids,
    titles,
    seq,
    published,
    infos,
    infoCounts,
    Int32Array.from(refs),
    mentionCounts,
    mentions,
  ];
}

/** Reads the columns back into `store` (articles, postings, dates); throws when they do not hold together. */
export function restoreArticles(store: CooccurrenceGraph, read: ColumnReader): void {
  const counts = read.json() as { articles: number; infos: number; refs: number; mentions: number };
  const n = counts.articles;
  const ids = read.json() as string[];
  const titles = read.json() as Array<string | null>;
  const [seq, published] = [read.float64(n), read.float64(n)];
  const table = read.json() as Array<[string, string, number]>;
  const [infoCounts, refs, mentionCounts] = [read.int32(n), read.int32(counts.refs), read.int32(n)];
  const mentions = read.int32(MENTION_STRIDE * counts.mentions);
  if (ids.length !== n || titles.length !== n || table.length !== counts.infos)
    throw new Error('article columns disagree');
  const infos = table.map(([id, name, type]) => {
    const known = ENTITY_TYPES[type];
    if (known === undefined) throw new Error(`entity type ${type}`);
    return internInfo(store, { id, name, type: known as EntityType });
  });
  // Per article, which of its entities were already posted: the article number that last posted each info.
  const posted = new Int32Array(infos.length).fill(-1);
  let [ref, mention] = [0, 0];
  for (let i = 0; i < n; i++) {
    const id = ids[i] as string;
    const entityInfo: EntityInfo[] = [];
    for (const end = ref + (infoCounts[i] as number); ref < end; ref++) {
      const info = infos[refs[ref] as number];
      if (!info) throw new Error(`article ${id}: entity ${refs[ref]}`);
      entityInfo.push(info);
    }
    const number = store.articleIds.length;
    const first = mention;
    for (const end = mention + (mentionCounts[i] as number); mention < end; mention++) {
      const [index, furniture] = [mentions[MENTION_STRIDE * mention], mentions[MENTION_STRIDE * mention + 2]];
      const info = entityInfo[index as number];
      if (!info || (furniture !== 0 && furniture !== 1)) throw new Error(`article ${id}: mention ${mention}`);
      const at = refs[ref - entityInfo.length + (index as number)] as number;
      if (furniture === 1 || posted[at] === number) continue;
      posted[at] = number;
      const postings = store.postings.get(info.id);
      if (postings) postings.push(number);
      else store.postings.set(info.id, [number]);
    }
    const publishedTs = Number.isNaN(published[i]) ? null : (published[i] as number);
    store.articles.set(id, {
      seq: seq[i] as number,
      title: titles[i] as string | null,
      publishedTs,
      entityInfo,
      mentions: Array.from(mentions.subarray(MENTION_STRIDE * first, MENTION_STRIDE * mention)),
    });
    store.articleIds.push(id);
    store.articleDates.push(publishedTs ?? NaN);
    store.articleNumbers.set(id, number);
  }
  if (ref !== counts.refs || mention !== counts.mentions || store.articles.size !== n)
    throw new Error('article columns disagree');
}
