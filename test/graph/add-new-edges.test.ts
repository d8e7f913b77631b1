// Many new edges at once (index mode's parts) must leave the store as adding them one at a time does: the
// same runs, sorted, with the same counts, over runs that exist, runs that must grow and runs that are new.
import { describe, expect, it } from 'vitest';
import { addNewEdges, type NewEdges } from '../../src/graph/add-new-edges.js';
import { createCooccurrenceGraph } from '../../src/graph/create-cooccurrence-graph.js';
import { addToPair, edgeCount, edgeListOf, pairCounts } from '../../src/graph/edge-lists.js';
import { placeEntity } from '../../src/graph/entity-table.js';
import type { CooccurrenceGraph } from '../../src/graph/types.js';

/** A store of `entities` entities with `edges` random edges added one at a time, from a seed. */
function seeded(seed: number, entities: number, edges: number) {
  let state = seed;
  const next = (n: number): number => (state = (state * 48271) % 2147483647) % n;
  const store = createCooccurrenceGraph();
  const place = (count: number): void => {
    for (let i = 0; i < count; i++) {
      const id = `e${store.entities.ids.length}`;
      placeEntity(store, { id, name: id, type: 'person' }, { articles: 1, mentions: 1 });
    }
  };
  place(entities);
  // Low numbers far more often: hubs whose runs are long.
  const end = (): number =>
    next(next(2) === 0 ? Math.min(6, store.entities.ids.length) : store.entities.ids.length);
  for (let k = 0; k < edges; k++) {
    const [x, y] = [end(), end()];
    if (x !== y) addToPair(store, x, y, 1 + next(3), next(3));
  }
  /** `count` new edges (none in the store, none twice), some to entities placed for them. */
  const fresh = (count: number, placed: number) => {
    place(placed);
    const added = {
      xs: [] as number[],
      ys: [] as number[],
      articles: [] as number[],
      sentences: [] as number[],
    };
    const taken = new Set<string>();
    while (added.xs.length < count) {
      const [x, y] = [end(), end()];
      const key = x < y ? `${x} ${y}` : `${y} ${x}`;
      if (x === y || taken.has(key) || pairCounts(store, x, y)) continue;
      taken.add(key);
      added.xs.push(x);
      added.ys.push(y);
      added.articles.push(1 + next(4));
      added.sentences.push(next(4));
    }
    return added satisfies NewEdges;
  };
  return { store, fresh };
}

/** Every entity's run and the edge count. */
function runsOf(store: CooccurrenceGraph) {
  const runs = store.entities.ids.map((_, number) => {
    const list = edgeListOf(store, number);
    return list ? [Array.from(list.others), Array.from(list.articles), Array.from(list.sentences)] : [];
  });
  return { count: edgeCount(store), runs };
}

describe('new edges added at once', () => {
  it('leave the store as adding them one at a time does', () => {
    for (const [seed, entities, edges, added, placed] of [
      [1, 40, 200, 300, 10],
      [7, 500, 3_000, 5_000, 200],
      [13, 3, 0, 2, 0],
    ] as const) {
      const once = seeded(seed, entities, edges);
      const each = seeded(seed, entities, edges);
      const batch = once.fresh(added, placed);
      expect(each.fresh(added, placed)).toEqual(batch);
      addNewEdges(once.store, batch);
      batch.xs.forEach((x, i) => {
        addToPair(
          each.store,
          x,
          batch.ys[i] as number,
          batch.articles[i] as number,
          batch.sentences[i] as number,
        );
      });
      expect(runsOf(once.store)).toEqual(runsOf(each.store));
      // And the store goes on as before: a change of an edge added at once, and more edges one at a time.
      addToPair(once.store, batch.xs[0] as number, batch.ys[0] as number, 2, 1);
      addToPair(each.store, batch.xs[0] as number, batch.ys[0] as number, 2, 1);
      const more = once.fresh(Math.min(20, added), 1);
      each.fresh(Math.min(20, added), 1);
      more.xs.forEach((x, i) => {
        for (const store of [once.store, each.store]) addToPair(store, x, more.ys[i] as number, 1, 0);
      });
      expect(runsOf(once.store)).toEqual(runsOf(each.store));
    }
  });
});
