// The articles of `npm run bench:graph -- --realistic`: newsGrowth's entity draws (news-growth.ts) dressed as
// the documents the indexer writes, so that Meilisearch, the graph rebuild and both graph modes read what
// they read in production. The body is the entities' names in sentences of three, so that mentions have
// real offsets and sentence windows have something to count; it is short, because the bench is about the
// graph and indexing long bodies would only make the run longer.
import type { EntityInfo, EntityType, Mention } from '../../src/entities/types.js';
import type { ArticleDocument } from '../../src/search/types.js';
import { newsGrowth } from './news-growth.js';

const TYPES: EntityType[] = ['person', 'organization', 'location', 'other'];
const DAY = 86_400_000;
/** Articles are spread over a year ending here, in order: a year of a newsroom's archive. */
const END = Date.UTC(2026, 10, 30);

export const entityId = (n: number): string => `e${n}`;

/** `count` articles as indexer documents, a batch of `batchSize` at a time. */
export function* realisticArticles(count: number, batchSize: number, seed = 1): Generator<ArticleDocument[]> {
  let batch: ArticleDocument[] = [];
  let k = 0;
  for (const { entities } of newsGrowth(seed)) {
    if (k === count) break;
    const entityInfo: EntityInfo[] = entities.map((n) => ({
      id: entityId(n),
      name: `Entity ${n}`,
      type: TYPES[n % TYPES.length] as EntityType,
    }));
    let body = '';
    const mentions: Mention[] = [];
    const sentences: Array<[number, number]> = [];
    entityInfo.forEach((info, i) => {
      const sentence = Math.floor(i / 3);
      if (i % 3 === 0) {
        if (i > 0) body += '. ';
        sentences.push([body.length, body.length]);
      } else body += ' and ';
      mentions.push({
        entityId: info.id,
        text: info.name,
        start: body.length,
        end: body.length + info.name.length,
        sentence,
      });
      body += info.name;
      (sentences[sentence] as [number, number])[1] = body.length;
    });
    const publishedTs = END - Math.round(((count - k) / count) * 365 * DAY);
    batch.push({
      id: `r${k}`,
      title: `Story ${k}`,
      body: `${body}.`,
      lang: 'en',
      source: `source${k % 50}`,
      category: null,
      author: null,
      published: new Date(publishedTs).toISOString(),
      publishedTs,
      url: null,
      entities: entityInfo.map((info) => info.id),
      entityNames: entityInfo.map((info) => info.name),
      entityInfo,
      mentions,
      sentences,
      seq: k + 1,
      duplicateOf: null,
      firstSeq: k + 1,
      fingerprint: [],
      fingerprintBands: [],
    });
    k++;
    if (batch.length === batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
