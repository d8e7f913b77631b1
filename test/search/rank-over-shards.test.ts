// The most mentioned over instances that each rank their own articles' totals: exact however the entities'
// mentions are spread, an entity first on no instance included, ties by id.
import { describe, expect, it } from 'vitest';
import { byMentions, type RankedTotal } from '../../src/search/create-totals-store.js';
import { rankOverShards } from '../../src/search/rank-over-shards.js';

/** Instances as entity -> mentions (articles equal to mentions); the functions rankOverShards reads. */
function shardsOf(instances: Array<Record<string, number>>) {
  const ranked = instances.map((counts) =>
    Object.entries(counts)
      .map(([id, mentions]) => ({ id, articles: mentions, mentions }))
      .sort(byMentions),
  );
  const depths: number[] = [];
  const heads = async (d: number): Promise<RankedTotal[][]> => {
    depths.push(d);
    return ranked.map((top) => top.slice(0, d));
  };
  const sums = async (ids: readonly string[]) =>
    ids.map((id) => {
      const mentions = instances.reduce((sum, counts) => sum + (counts[id] ?? 0), 0);
      return { articles: mentions, mentions };
    });
  const all = (depth: number) => {
    const merged = new Map<string, number>();
    for (const counts of instances) {
      for (const [id, n] of Object.entries(counts)) merged.set(id, (merged.get(id) ?? 0) + n);
    }
    return [...merged]
      .map(([id, mentions]) => ({ id, articles: mentions, mentions }))
      .sort(byMentions)
      .slice(0, depth);
  };
  return { heads, sums, all, depths };
}

describe('the most mentioned over several instances', () => {
  it('finds an entity that is first on no instance but first in sum, reading deeper', async () => {
    const shards = shardsOf([
      { x: 10, y: 9, a: 1, b: 1 },
      { w: 10, y: 9, c: 1, d: 1 },
    ]);
    expect(await rankOverShards(1, shards.heads, shards.sums)).toEqual(shards.all(1));
    expect((await rankOverShards(1, shards.heads, shards.sums))[0]?.id).toBe('y');
    expect(shards.depths).toContain(4);
  });

  it('equals ranking the summed totals at every depth, ties by id, with instances of any size', async () => {
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const instances = [0, 1, 2].map((shard) => {
      const counts: Record<string, number> = {};
      for (let i = 0; i < 40 + shard * 30; i++)
        counts[`e${Math.floor(random() * 90)}`] = 1 + Math.floor(random() * 6);
      return counts;
    });
    const shards = shardsOf(instances);
    for (const depth of [0, 1, 2, 3, 7, 20, 60, 200]) {
      expect({ depth, top: await rankOverShards(depth, shards.heads, shards.sums) }).toEqual({
        depth,
        top: shards.all(depth),
      });
    }
  });
});
