// Likely duplicates of an entity, each with a score and its reasons. A suggestion needs evidence from the
// names: the same name, an alias of one that is the name of the other, the same surname with the same
// first-name initial or start ("W. Putin", "Wladimir Putin"), one name the end or a part of the other
// ("Kerry", "John Kerry"; "Sun Grid", "The Sun Grid"; "MPC", "Monetary Policy Committee"), or a typo or
// inflection apart (each differing word keeps its first letter and is one edit away, two in words of 11
// letters or more: "Müler", "Süddeutscher"). The same neighbours (cosine similarity of their neighbour
// vectors, weighted by shared articles) add to that, and are what a bare surname, a part of a name or a
// short one-word typo needs to be suggested; alone they suggest nothing: entities named in the same few
// articles share all their neighbours without being one (measured on the corpus: docs/corrections.md).
// Only entities of the same type are compared: here every one in the graph's entity table, with the scoring
// that index mode shares (score-similar.ts; the evidence in name-evidence.ts).
import { edgeList } from '../graph/edge-lists.js';
import { entitiesOf, entityAttributes } from '../graph/entity-table.js';
import type { CooccurrenceGraph } from '../graph/types.js';
import {
  DEFAULTS,
  rankSimilar,
  withNameEvidence,
  type SimilarCandidate,
  type SimilarEntity,
} from './score-similar.js';

export { DEFAULTS, type SimilarEntity };

function neighbourVector(store: CooccurrenceGraph, id: string): Map<string, number> {
  const vector = new Map<string, number>();
  const list = edgeList(store, id);
  for (let slot = 0; list && slot < list.others.length; slot++) {
    vector.set(store.entities.ids[list.others[slot] as number] as string, list.articles[slot] as number);
  }
  return vector;
}

function* candidatesOf(store: CooccurrenceGraph): Generator<SimilarCandidate> {
  for (const [id, { name, type, articles }] of entitiesOf(store)) yield { id, name, type, articles };
}

/** Entities of the graph that are likely the same as `id`, best first; undefined when `id` is not in it. */
export function findSimilar(
  store: CooccurrenceGraph,
  id: string,
  aliasesOf: (id: string) => readonly string[],
  options: Partial<typeof DEFAULTS> = {},
): SimilarEntity[] | undefined {
  const self = entityAttributes(store, id);
  if (!self) return undefined;
  const maxCandidates = options.maxCandidates ?? DEFAULTS.maxCandidates;
  const matches = withNameEvidence({ id, ...self }, candidatesOf(store), aliasesOf, maxCandidates);
  return rankSimilar(id, matches, (other) => neighbourVector(store, other), options);
}
