// Likely duplicates of an entity in index mode, scored as in memory mode (score-similar.ts). With no entity
// table to scan, candidates are the entity index's hits for each name, alias and word (evidence that stands
// alone: same name, alias, surname and initial, typo) and the entities sharing a strong neighbour (evidence
// that needs the neighbours: parts, initials), found exactly by a cosine bound (docs/index-mode.md).
import type { SearchIndex } from '../search/create-search-index.js';
import type { GraphIndex } from '../search/create-graph-index.js';
import type { AdjacencyList } from '../search/sum-adjacency.js';
import { NOISE } from './name-evidence.js';
import {
  DEFAULTS as SCORING,
  rankSimilar,
  withNameEvidence,
  type NeighbourVector,
  type SimilarCandidate,
  type SimilarEntity,
} from './score-similar.js';

export const DEFAULTS = {
  limit: SCORING.limit,
  minCosine: SCORING.minCosine,
  minScore: SCORING.minScore,
  /**
   * Hits per look-up in the entity index: all it gives (its maxTotalHits). 50 missed a typo and a surname
   * with an initial beside common surnames on the corpus; 200 and 1,000 cost the same there.
   */
  searchLimit: 1_000,
  /** Words shorter than this are not looked up alone (no evidence that stands alone needs them). */
  minWord: 3,
  /**
   * The strongest neighbours' lists are read until the rest could add at most this share of minCosine to
   * a cosine: under 1 reads more lists and leaves fewer entities whose names must be read.
   */
  unread: 0.3,
  /** Entities sharing a neighbour whose names are read at most, those with the highest bound first. */
  maxSharing: 2_000,
};

const EMPTY: NeighbourVector = new Map();

/** A list's article counts without the entity itself. */
function vectorOf(list: AdjacencyList | undefined, id: string): NeighbourVector {
  const vector = new Map(list?.articles ?? []);
  vector.delete(id);
  return vector;
}

/** What is looked up in the entity index: each name and alias whole, and each word of them alone. */
export function lookups(names: readonly string[], minWord = DEFAULTS.minWord): string[] {
  const found = new Set<string>();
  for (const name of names) {
    if (name.trim() !== '') found.add(name);
    for (const word of name.split(/[^\p{L}\p{N}]+/u)) {
      if (word.length >= minWord && !NOISE.has(word.toLowerCase())) found.add(word);
    }
  }
  return [...found];
}

/**
 * The entities that may have a cosine of `minCosine` or more with `id` (at most `maxSharing`, the highest
 * bounds first): those sharing one of its strongest neighbours, taken in order until the squared counts of
 * the rest are under (unread × minCosine)² of what its norm can shrink to, so that an entity sharing none of
 * them stays under minCosine (Cauchy–Schwarz). Of those, an entity whose cosine cannot reach minCosine with
 * what the read lists show and the most the rest can add is left out.
 */
export async function sharingCandidates(
  graph: GraphIndex,
  id: string,
  own: NeighbourVector,
  options: { minCosine: number; unread: number; maxSharing: number },
): Promise<string[]> {
  const { minCosine, unread, maxSharing } = options;
  const ranked = [...own].sort((a, b) => b[1] - a[1]);
  const square = (count: number) => count * count;
  const total = ranked.reduce((sum, [, count]) => sum + square(count), 0);
  // The norm leaves out the other entity: at worst the strongest neighbour.
  const budget = square(Math.max(0, minCosine) * unread) * (total - square(ranked[0]?.[1] ?? 0));
  let rest = total;
  let strongest = 0;
  // A hair under the budget, so that rounding never reads one list too few.
  while (strongest < ranked.length && rest >= budget * (1 - 1e-9)) rest -= square(ranked[strongest++]![1]);
  const read = ranked.slice(0, strongest);
  const lists = await graph.adjacency(read.map(([neighbour]) => neighbour));
  const dot = new Map<string, number>();
  const norm = new Map<string, number>();
  read.forEach(([, count], i) => {
    for (const [other, shared] of lists[i]?.articles ?? []) {
      if (other === id || shared === 0) continue;
      dot.set(other, (dot.get(other) ?? 0) + count * shared);
      norm.set(other, (norm.get(other) ?? 0) + square(shared));
    }
  });
  const bounded = [...dot].flatMap(([other, known]) => {
    const ownNorm = total - square(own.get(other) ?? 0);
    if (ownNorm <= 0) return [];
    // The most the unread neighbours can add: cos <= sqrt(known² / |other's read part|² + rest) / |own|.
    const bound = Math.sqrt(square(known) / (norm.get(other) as number) + rest) / Math.sqrt(ownNorm);
    return bound >= minCosine * (1 - 1e-9) ? [{ other, bound }] : [];
  });
  return bounded
    .sort((a, b) => b.bound - a.bound || a.other.localeCompare(b.other))
    .slice(0, maxSharing)
    .map(({ other }) => other);
}

/** Entities of the graph index likely the same as `id`, best first; undefined when no article mentions it. */
export async function findIndexSimilar(
  search: Pick<SearchIndex, 'searchEntities'> & { graph: GraphIndex },
  id: string,
  aliasesOf: (id: string) => readonly string[],
  options: Partial<typeof DEFAULTS> = {},
): Promise<SimilarEntity[] | undefined> {
  const { searchLimit, minWord, unread, maxSharing, ...scoring } = { ...DEFAULTS, ...options };
  const { graph } = search;
  const [infos, [list]] = await Promise.all([graph.latestInfo([id]), graph.adjacency([id])]);
  const info = infos.get(id);
  if (!info) return undefined;
  const own = vectorOf(list, id);
  const self = { id, name: info.name, type: info.type };
  const [hits, sharing] = await Promise.all([
    Promise.all(
      // Also without the type: the entity index keeps the type an entity was first written with, the graph
      // the last article's ("US": an organisation there, a place here).
      lookups([self.name, ...aliasesOf(id)], minWord).flatMap((q) => [
        search.searchEntities(q, { type: self.type, limit: searchLimit }),
        search.searchEntities(q, { limit: searchLimit }),
      ]),
    ),
    sharingCandidates(graph, id, own, { minCosine: scoring.minCosine, unread, maxSharing }),
  ]);
  const ids = [...new Set([...hits.flat().map((hit) => hit.id), ...sharing])].filter((other) => other !== id);
  // Names and types as the graph has them (the last written article's), not as the entity index does.
  const names = await graph.latestInfo(ids);
  const named = ids.flatMap((other): SimilarCandidate[] => {
    const found = names.get(other);
    return found ? [{ id: other, name: found.name, type: found.type, articles: 0 }] : [];
  });
  const matches = withNameEvidence(self, named, aliasesOf);
  const matched = matches.map((match) => match.candidate.id);
  const [totals, lists] = await Promise.all([graph.entityTotals(matched), graph.adjacency(matched)]);
  const vectors = new Map<string, NeighbourVector>([[id, own]]);
  matched.forEach((other, i) => vectors.set(other, vectorOf(lists[i], other)));
  const counted = matches.map((match, i) => ({
    ...match,
    candidate: { ...match.candidate, articles: totals[i]?.articles ?? 0 },
  }));
  return rankSimilar(id, counted, (other) => vectors.get(other) ?? EMPTY, scoring);
}
