// The scoring both ways of finding similar entities share (find-similar.ts in memory, find-index-similar.ts
// from the graph index): the candidates with name evidence, then the neighbour bonus, the cut at minScore and
// the order. Fed with candidates and a reader of neighbour vectors, so each mode only says where they come from.
import type { EntityType } from '../entities/types.js';
import { nameEvidence, nameKey, WEIGHTS, words, type Evidence } from './name-evidence.js';

export const DEFAULTS = {
  limit: 10,
  minCosine: 0.5,
  /** Suggestions scoring below this are left out: a bare surname or part of a name needs neighbours. */
  minScore: 0.5,
  /** In memory, entities of the type compared at most (index mode has no table to scan). */
  maxCandidates: 50_000,
};

export interface SimilarEntity {
  id: string;
  name: string;
  type: string;
  articles: number;
  score: number;
  reasons: string[];
}

/** An entity of the graph, as both modes read it: its name and type are the last written article's. */
export interface SimilarCandidate {
  id: string;
  name: string;
  type: EntityType;
  articles: number;
}

export interface NameMatch {
  candidate: SimilarCandidate;
  evidence: Evidence;
}

/** Neighbour -> articles relating both. */
export type NeighbourVector = ReadonlyMap<string, number>;

/**
 * The candidates of `self`'s type (but itself) with name evidence, in their order; at most `maxCandidates`
 * + 1 of that type are looked at.
 */
export function withNameEvidence(
  self: { id: string; name: string; type: EntityType },
  candidates: Iterable<SimilarCandidate>,
  aliasesOf: (id: string) => readonly string[],
  maxCandidates = Infinity,
): NameMatch[] {
  const own = {
    words: words(self.name),
    names: new Set([self.name, ...aliasesOf(self.id)].map(nameKey).filter(Boolean)),
  };
  const matches: NameMatch[] = [];
  let looked = 0;
  for (const candidate of candidates) {
    if (candidate.id === self.id || candidate.type !== self.type || looked++ > maxCandidates) continue;
    const names = [candidate.name, ...aliasesOf(candidate.id)].map(nameKey);
    const evidence = nameEvidence(self.type, own, { words: words(candidate.name), names });
    if (evidence) matches.push({ candidate, evidence });
  }
  return matches;
}

/** Cosine of two neighbour vectors, leaving out the keys in `skip` (the two entities themselves). */
export function cosine(a: NeighbourVector, b: NeighbourVector, skip: readonly string[]): number {
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

/**
 * The suggestions for `id` among its name matches, best first: the evidence's weight plus the neighbour
 * bonus where the cosine of the neighbour vectors reaches `minCosine`, those under `minScore` left out.
 */
export function rankSimilar(
  id: string,
  matches: readonly NameMatch[],
  vectorOf: (id: string) => NeighbourVector,
  options: Partial<typeof DEFAULTS> = {},
): SimilarEntity[] {
  const { limit, minCosine, minScore } = { ...DEFAULTS, ...options };
  const own = vectorOf(id);
  const found: SimilarEntity[] = [];
  for (const { candidate, evidence } of matches) {
    const reasons = [evidence.reason];
    let score = evidence.weight;
    // Zero when they share no neighbour but each other: no bonus, whatever minCosine says.
    const similarity = cosine(own, vectorOf(candidate.id), [id, candidate.id]);
    if (similarity > 0 && similarity >= minCosine) {
      reasons.push(`same neighbours (cosine ${similarity.toFixed(2)})`);
      score += WEIGHTS.neighbours * similarity;
    }
    score = Math.round(Math.min(1, score) * 1000) / 1000;
    if (score < minScore) continue;
    const { name, type, articles } = candidate;
    found.push({ id: candidate.id, name, type, articles, score, reasons });
  }
  return found
    .sort((a, b) => b.score - a.score || b.articles - a.articles || a.id.localeCompare(b.id))
    .slice(0, limit);
}
