// Likely duplicates of an entity, each with a score and its reasons: an alias of one is the name of the
// other, the same surname with the same first-name initial ("W. Putin", "Wladimir Putin"), names a small
// edit distance apart, and the same neighbours (cosine similarity of their neighbour vectors, weighted by
// shared articles). Only entities of the same type are compared; neighbour similarity is computed for the
// entities that share a neighbour with it, so a hub's cost is its neighbours' degrees, not the graph's size.
import { slugify } from '../entities/entity-id.js';
import type { CooccurrenceGraph } from '../graph/types.js';

export const DEFAULTS = { limit: 10, maxEditDistance: 2, minCosine: 0.5, maxCandidates: 50_000 };

export interface SimilarEntity {
  id: string;
  name: string;
  type: string;
  articles: number;
  score: number;
  reasons: string[];
}

const words = (name: string): string[] => slugify(name).split('-').filter(Boolean);

function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}

function neighbourVector(store: CooccurrenceGraph, id: string): Map<string, number> {
  const vector = new Map<string, number>();
  store.graph.forEachEdge(id, (_key, edge, source, target) => {
    vector.set(source === id ? target : source, edge.articles);
  });
  return vector;
}

function cosine(a: Map<string, number>, b: Map<string, number>, skip: readonly string[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (const [key, value] of a) if (!skip.includes(key)) normA += value * value;
  for (const [key, value] of b) {
    if (skip.includes(key)) continue;
    normB += value * value;
    dot += value * (a.get(key) ?? 0);
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

/** Entities of the graph that are likely the same as `id`, best first; undefined when `id` is not in it. */
export function findSimilar(
  store: CooccurrenceGraph,
  id: string,
  aliasesOf: (id: string) => readonly string[],
  options: Partial<typeof DEFAULTS> = {},
): SimilarEntity[] | undefined {
  const { limit, maxEditDistance, minCosine, maxCandidates } = { ...DEFAULTS, ...options };
  const { graph } = store;
  if (!graph.hasNode(id)) return undefined;
  const self = graph.getNodeAttributes(id);
  const ownNames = new Set([self.name, ...aliasesOf(id)].map((name) => slugify(name)));
  const ownWords = words(self.name);
  const ownVector = neighbourVector(store, id);
  const sharingNeighbour = new Set<string>();
  for (const neighbour of ownVector.keys())
    graph.forEachNeighbor(neighbour, (other) => sharingNeighbour.add(other));

  const found: SimilarEntity[] = [];
  let looked = 0;
  graph.forEachNode((other, node) => {
    if (other === id || node.type !== self.type || looked++ > maxCandidates) return;
    const reasons: string[] = [];
    let score = 0;
    const otherNames = [node.name, ...aliasesOf(other)].map((name) => slugify(name));
    if (otherNames.some((name) => ownNames.has(name))) {
      reasons.push('an alias of one is a name of the other');
      score += 0.6;
    }
    const otherWords = words(node.name);
    const [ownLast, otherLast] = [ownWords.at(-1), otherWords.at(-1)];
    if (
      self.type === 'person' &&
      ownLast !== undefined &&
      ownLast === otherLast &&
      (ownWords.length === 1 || otherWords.length === 1 || ownWords[0]?.[0] === otherWords[0]?.[0])
    ) {
      reasons.push('same surname and first-name initial');
      score += 0.4;
    }
    const distance = editDistance(slugify(self.name), slugify(node.name), maxEditDistance);
    if (distance > 0 && distance <= maxEditDistance) {
      reasons.push(`names ${distance} edit${distance === 1 ? '' : 's'} apart`);
      score += 0.3;
    }
    if (sharingNeighbour.has(other)) {
      const similarity = cosine(ownVector, neighbourVector(store, other), [id, other]);
      if (similarity >= minCosine) {
        reasons.push(`same neighbours (cosine ${similarity.toFixed(2)})`);
        score += 0.5 * similarity;
      }
    }
    if (reasons.length === 0) return;
    found.push({
      id: other,
      name: node.name,
      type: node.type,
      articles: node.articles,
      score: Math.round(Math.min(1, score / 1.5) * 1000) / 1000,
      reasons,
    });
  });
  return found
    .sort((a, b) => b.score - a.score || b.articles - a.articles || a.id.localeCompare(b.id))
    .slice(0, limit);
}
