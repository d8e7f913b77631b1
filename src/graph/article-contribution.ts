// What one article adds to the graph: mention counts per entity, and for each pair of entities outside
// page furniture the number of sentences they share. Adding and removing use the same computation, so a
// removal takes back exactly what the addition gave.
import { MENTION_STRIDE, type StoredArticle } from './types.js';

export interface Contribution {
  /** entity id -> mentions in this article. */
  mentions: Map<string, number>;
  /** The entities mentioned outside page furniture, sorted. */
  related: string[];
  /** [a, b, shared sentences] for every related pair, a < b. */
  pairs: Array<[string, string, number]>;
}

/** The entities an article mentions outside page furniture: those it relates to each other. */
export function relatedEntities(article: StoredArticle): Set<string> {
  const related = new Set<string>();
  const { mentions } = article;
  for (let m = 0; m < mentions.length; m += MENTION_STRIDE) {
    const id = article.entityInfo[mentions[m] as number]?.id;
    if (id !== undefined && mentions[m + 2] === 0) related.add(id);
  }
  return related;
}

export function articleContribution(article: StoredArticle): Contribution {
  const mentions = new Map<string, number>();
  const bySentence = new Map<number, Set<string>>();
  const stored = article.mentions;
  for (let m = 0; m < stored.length; m += MENTION_STRIDE) {
    const id = article.entityInfo[stored[m] as number]?.id;
    if (id === undefined) continue;
    mentions.set(id, (mentions.get(id) ?? 0) + 1);
    if (stored[m + 2] !== 0) continue;
    const sentence = stored[m + 1] as number;
    let ids = bySentence.get(sentence);
    if (!ids) bySentence.set(sentence, (ids = new Set()));
    ids.add(id);
  }
  const shared = new Map<string, number>();
  for (const ids of bySentence.values()) {
    const sorted = [...ids].sort();
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const key = `${sorted[i]}\u0000${sorted[j]}`;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  const ids = [...relatedEntities(article)].sort();
  const pairs: Array<[string, string, number]> = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i] as string;
      const b = ids[j] as string;
      pairs.push([a, b, shared.get(`${a}\u0000${b}`) ?? 0]);
    }
  }
  return { mentions, related: ids, pairs };
}
