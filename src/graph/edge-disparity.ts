// The disparity filter (Serrano, Boguñá & Vespignani, PNAS 2009): under the null hypothesis that an
// entity's strength s (the sum of its links' weights) is spread uniformly at random over its k links, the
// probability that one link takes a share of at least w / s is p = (1 − w / s)^(k − 1). A link is kept in
// the backbone when p < alpha at one of its two ends: it is a large share of what at least one end has,
// which keeps a minor entity's strong tie to a hub while dropping the mass of a hub's incidental links.
// graphology-metrics' edge/disparity computes the same over a whole graphology graph; here it is needed
// for a few edges of a large graph at a time, with strengths read from the edge lists (edge-lists.ts).
import { edgeList } from './edge-lists.js';
import type { CooccurrenceGraph, Window } from './types.js';

/** p of a link of weight `weight` at an end of strength `strength` with `degree` links; 1 at degree 1. */
export function edgeDisparity(weight: number, strength: number, degree: number): number {
  if (degree <= 1 || strength <= 0) return 1;
  return Math.pow(Math.max(0, 1 - weight / strength), degree - 1);
}

export interface Strength {
  strength: number;
  degree: number;
}

/** Each entity's strength and degree over all its links in the window, computed once per entity asked. */
export function createStrengths(store: CooccurrenceGraph, window: Window): (id: string) => Strength {
  const known = new Map<string, Strength>();
  return (id) => {
    let found = known.get(id);
    if (found) return found;
    const list = edgeList(store, id);
    known.set(id, (found = strengthOf(list ? (window === 'article' ? list.articles : list.sentences) : [])));
    return found;
  };
}

/** The strength and degree of an entity with these link counts (links with a count of 0 do not count). */
export function strengthOf(counts: Iterable<number>): Strength {
  let strength = 0;
  let degree = 0;
  for (const count of counts) {
    if (count > 0) {
      strength += count;
      degree += 1;
    }
  }
  return { strength, degree };
}
