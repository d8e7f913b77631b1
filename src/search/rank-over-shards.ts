// The most mentioned entities over several instances, each of which ranks the totals of its own articles: an
// entity's total is the sum of its instances' (create-sharded-graph-index.ts). The instances' heads are read
// ever deeper until no entity outside them can reach the ranking's last place, so the answer is exact
// without reading any instance whole.
import { byMentions, type RankedTotal } from './create-totals-store.js';
import type { EntityTotal } from './to-total-deltas.js';

export const DEFAULTS = {
  /** Each instance's ranking is read this many times deeper until the order is final. */
  deeper: 4,
};

/**
 * The `depth` most mentioned entities (most mentions first, ties by id), from `heads(d)` (each instance's `d`
 * most mentioned, exactly) and `sums(ids)` (each entity's totals summed over the instances).
 */
export async function rankOverShards(
  depth: number,
  heads: (d: number) => Promise<RankedTotal[][]>,
  sums: (ids: readonly string[]) => Promise<EntityTotal[]>,
  limits = DEFAULTS,
): Promise<RankedTotal[]> {
  if (depth <= 0) return [];
  for (let d = depth; ; d *= limits.deeper) {
    const tops = await heads(d);
    // An entity in none of the heads has on each instance at most that instance's `d`-th count (none past
    // the end of a shorter head).
    const bound = tops.reduce((sum, top) => sum + (top.length < d ? 0 : (top[d - 1]?.mentions ?? 0)), 0);
    const seen = [...new Set(tops.flatMap((top) => top.map((entry) => entry.id)))];
    const totals = await sums(seen);
    const ranked = seen
      .map((id, i) => ({ id, ...(totals[i] as EntityTotal) }))
      .filter((entry) => entry.articles > 0)
      .sort(byMentions);
    const last = ranked[depth - 1];
    // Above the bound, the last place is final, ties included: an entity tied with it would have been seen.
    if (tops.every((top) => top.length < d) || (last && last.mentions > bound)) return ranked.slice(0, depth);
  }
}
