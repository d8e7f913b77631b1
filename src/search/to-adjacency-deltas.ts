// Adjacency kept in the graph index (docs/index-mode.md): per write batch, one document per touched entity
// with the change of its neighbours' counts in both windows (negative for removed or replaced versions of
// articles). An entity's list is the sum of its documents, so a batch writes what it changes, not a hub's
// whole list.
import { createHash } from 'node:crypto';
import { encodeAdjacency, type EncodedPairs } from './adjacency-codec.js';
import type { GraphDocument } from './to-graph-documents.js';

export interface AdjacencyDocument extends EncodedPairs {
  /** `l_<sha1 of the entity id>_<batch>` for a delta, `l_<sha1>_base` for the compacted list. */
  id: string;
  kind: 'list';
  /** The one filterable field: whose list this is. */
  entity: string;
  // `neighbors` and `counts` (adjacency-codec.ts): neighbour ids with their article and sentence counts
  // (changes in a delta) in text form.
  /** The compacted list only: the deltas summed into it, which readers skip if a crash left them behind. */
  covered?: string[];
}

/** What an article's graph documents relate: the article window (`article`) and each sentence. */
export type RelatedDocument = Pick<GraphDocument, 'kind' | 'related'>;

/** The id prefix of an entity's list documents. */
export function adjacencyKey(entity: string): string {
  return `l_${createHash('sha1').update(entity).digest('hex')}`;
}

/** entity -> neighbour -> [articles, sentences] */
type PairChanges = Map<string, Map<string, [number, number]>>;

function addPairs(changes: PairChanges, doc: RelatedDocument, sign: 1 | -1): void {
  const slot = doc.kind === 'article' ? 0 : 1;
  for (const a of doc.related) {
    let row = changes.get(a);
    if (!row) changes.set(a, (row = new Map()));
    for (const b of doc.related) {
      if (a === b) continue;
      const counts = row.get(b) ?? [0, 0];
      counts[slot] += sign;
      row.set(b, counts);
    }
  }
}

/**
 * The delta documents of one batch: what `added` relates minus what `removed` related, one document per
 * entity whose counts change (an article written again unchanged adds none).
 */
export function toAdjacencyDeltas(
  removed: readonly RelatedDocument[],
  added: readonly RelatedDocument[],
  batch: string,
): AdjacencyDocument[] {
  const changes: PairChanges = new Map();
  for (const doc of removed) addPairs(changes, doc, -1);
  for (const doc of added) addPairs(changes, doc, 1);
  const docs: AdjacencyDocument[] = [];
  for (const [entity, row] of changes) {
    const pairs = { neighbors: [] as string[], articles: [] as number[], sentences: [] as number[] };
    for (const [other, [articles, sentences]] of row) {
      if (articles === 0 && sentences === 0) continue;
      pairs.neighbors.push(other);
      pairs.articles.push(articles);
      pairs.sentences.push(sentences);
    }
    if (pairs.neighbors.length === 0) continue;
    docs.push({ id: `${adjacencyKey(entity)}_${batch}`, kind: 'list', entity, ...encodeAdjacency(pairs) });
  }
  return docs;
}
