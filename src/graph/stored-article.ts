// The articles as the graph holds them, in the readable form of `StoredArticle` (their entities, and each
// mention as entity index, sentence, furniture): made when asked from each article's run of integers, for
// callers that compare the graph with another built from the same articles (the tests, against graphology).
import { MENTION_INTS, type CooccurrenceGraph, type StoredArticle } from './types.js';
import type { EntityType } from '../entities/types.js';
import { mentionRun } from './article-table.js';

/** Every article the graph holds, with its id, in the order they were (last) added. */
export function* storedArticles(store: CooccurrenceGraph): Generator<[string, StoredArticle]> {
  const { ids, count } = store.articles;
  for (let number = 0; number < count; number++) {
    const id = ids[number];
    if (id !== undefined) yield [id, articleAt(store, number)];
  }
}

function articleAt(store: CooccurrenceGraph, number: number): StoredArticle {
  const table = store.articles;
  const run = mentionRun(store, number);
  const entities: number[] = [];
  for (let m = 0; m < run.length; m += MENTION_INTS) {
    if (!entities.includes(run[m] as number)) entities.push(run[m] as number);
  }
  entities.sort((x, y) => x - y);
  const mentions: number[] = [];
  for (let m = 0; m < run.length; m += MENTION_INTS) {
    const value = run[m + 1] as number;
    mentions.push(entities.indexOf(run[m] as number), value >> 1, value & 1);
  }
  const { ids, names, types } = store.entities;
  const published = table.dates[number] as number;
  return {
    seq: table.seqs[number] as number,
    title: table.titles[number] ?? null,
    publishedTs: Number.isNaN(published) ? null : published,
    entityInfo: entities.map((entity) => ({
      id: ids[entity] as string,
      name: names[entity] as string,
      type: types[entity] as EntityType,
    })),
    mentions,
  };
}
