// Entity totals kept in the graph index (docs/index-mode.md, "Entity totals in the graph index"): per write
// batch, one document per entity whose articles or mentions change, holding the change (negative for removed
// or replaced versions of articles), summed into one document per entity by the writer right after the batch.
// Readers fetch the totals of the entities they need instead of one facet of every entity's articles.
import { createHash } from 'node:crypto';
import { entityInfoIn, type Seen, type SeenDocument } from './latest-seen.js';
import { tierEntity, type GraphDocument } from './to-graph-documents.js';

/** Articles (the `mentioned` facet's count) and mentions (articles plus further mention tiers) of an entity. */
export interface EntityTotal {
  articles: number;
  mentions: number;
}

/**
 * `kind: "totalDelta"`, `t_<sha1 of the entity id>_<batch>`: a batch's change; `kind: "total"`,
 * `t_<sha1>_base`: the summed total, sortable by `mentions`, with the deltas summed into it (`covered`), which
 * readers skip if a crash left them behind.
 */
export interface TotalDocument extends Partial<EntityTotal>, SeenDocument {
  id: string;
  kind: 'total' | 'totalDelta';
  entity: string;
  /** A delta's change of articles and mentions: a field Meilisearch neither sorts nor filters, so that
   * writing and deleting deltas costs it less than a sortable `mentions` would. */
  change?: [number, number];
}

/**
 * What an article's graph documents count towards its entities' totals (sentence documents count nothing),
 * and which article last mentioned each (`info` only where the document is written, not where it is removed).
 */
export type CountedDocument = Pick<GraphDocument, 'kind' | 'mentioned' | 'tiers' | 'seq' | 'info'>;

/** The id prefix of an entity's total documents. */
export function totalKey(entity: string): string {
  return `t_${createHash('sha1').update(entity).digest('hex')}`;
}

/** A batch's change of one entity: its totals, its newest article written, its newest version removed. */
interface Change extends EntityTotal {
  seen?: Seen;
  gone: number;
}

function addCounts(changes: Map<string, Change>, doc: CountedDocument, sign: 1 | -1): void {
  if (doc.kind !== 'article') return;
  const changeOf = (id: string): Change => {
    let change = changes.get(id);
    if (!change) changes.set(id, (change = { articles: 0, mentions: 0, gone: -1 }));
    return change;
  };
  for (const id of doc.mentioned ?? []) {
    const change = changeOf(id);
    change.articles += sign;
    change.mentions += sign;
    if (sign < 0) change.gone = Math.max(change.gone, doc.seq);
    else if (doc.seq > (change.seen?.seq ?? -Infinity)) {
      const info = entityInfoIn(doc.info, id);
      if (info) change.seen = { seq: doc.seq, name: info.name, type: info.type };
      // No info here, so the newest article tells nothing: the reader searches (latest-seen.ts).
      else change.gone = Math.max(change.gone, doc.seq);
    }
  }
  // A tier `<id>#k` is one more mention of `<id>`.
  for (const tier of doc.tiers ?? []) changeOf(tierEntity(tier)).mentions += sign;
}

/**
 * The delta documents of one batch: what `added` counts minus what `removed` counted, one document per
 * entity an article of the batch mentions or mentioned (an article written again unchanged still moves its
 * entities' last written article).
 */
export function toTotalDeltas(
  removed: readonly CountedDocument[],
  added: readonly CountedDocument[],
  batch: string,
): TotalDocument[] {
  const changes = new Map<string, Change>();
  for (const doc of removed) addCounts(changes, doc, -1);
  for (const doc of added) addCounts(changes, doc, 1);
  const docs: TotalDocument[] = [];
  for (const [entity, { articles, mentions, seen, gone }] of changes) {
    docs.push({
      id: `${totalKey(entity)}_${batch}`,
      kind: 'totalDelta',
      entity,
      change: [articles, mentions],
      ...(seen && { seen }),
      gone,
    });
  }
  return docs;
}

/** One instance's total of one entity from its documents: the summed one plus every delta it does not cover. */
export function sumTotals(docs: readonly TotalDocument[]): EntityTotal & { deltas: string[] } {
  const base = docs.find((doc) => doc.kind === 'total');
  const covered = new Set(base?.covered ?? []);
  const sum = { articles: base?.articles ?? 0, mentions: base?.mentions ?? 0, deltas: [] as string[] };
  for (const doc of docs) {
    if (doc === base) continue;
    sum.deltas.push(doc.id);
    if (covered.has(doc.id)) continue;
    sum.articles += doc.change?.[0] ?? 0;
    sum.mentions += doc.change?.[1] ?? 0;
  }
  return sum;
}
