// An entity's name and type come from the last written article that mentions it. The entity totals carry
// that article (latest-seen.ts) so that index mode names hundreds of entities in one read; where they
// cannot tell (the last article removed), the reader searches. Both must give what the search gives.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { EntityInfo } from '../../src/entities/types.js';
import { createGraphIndex, type GraphIndexWriter } from '../../src/search/create-graph-index.js';
import { createMeiliClient } from '../../src/search/create-meili-client.js';
import { latestOverInstances, latestSeen, type SeenDocument } from '../../src/search/latest-seen.js';
import type { GraphFields } from '../../src/search/types.js';

const seen = (seq: number, name = `n${seq}`) => ({ seq, name, type: 'person' as const });

describe('the last written article from the totals', () => {
  const base = (fields: Partial<SeenDocument>): SeenDocument => ({ id: 'b', kind: 'total', ...fields });
  const delta = (id: string, fields: Partial<SeenDocument>): SeenDocument => ({
    id,
    kind: 'totalDelta',
    gone: -1,
    ...fields,
  });

  it('is the newest article seen, unless a removed version is as new or newer', () => {
    expect(latestSeen([base({ seen: seen(5) })])).toEqual({ seen: seen(5), bound: 5 });
    expect(latestSeen([base({ seen: seen(5) }), delta('d1', { seen: seen(9) })]).seen).toEqual(seen(9));
    // The newest removed: the one before it is in no document.
    expect(latestSeen([base({ seen: seen(5) }), delta('d1', { gone: 5 })])).toEqual({ bound: 5 });
    // An older version removed and a newer one written in the same batch (an article written again).
    expect(latestSeen([base({ seen: seen(5) }), delta('d1', { seen: seen(9), gone: 5 })]).seen).toEqual(
      seen(9),
    );
    // Removed later than it was written, in another batch.
    expect(latestSeen([delta('d1', { seen: seen(9) }), delta('d2', { gone: 9 })])).toEqual({ bound: 9 });
  });

  it('knows nothing from documents written before they carried it, until a newer article is written', () => {
    expect(latestSeen([base({})])).toEqual({ bound: Infinity });
    const old: SeenDocument = { id: 'd0', kind: 'totalDelta' };
    expect(latestSeen([base({ seen: seen(5) }), old])).toEqual({ bound: Infinity });
    expect(latestSeen([base({}), delta('d1', { seen: seen(9) })]).seen).toEqual(seen(9));
    // A summed document that did not know: every article after its bound is newer than all it covered.
    expect(latestSeen([base({ bound: 7 })])).toEqual({ bound: 7 });
    expect(latestSeen([base({ bound: 7 }), delta('d1', { seen: seen(8) })]).seen).toEqual(seen(8));
  });

  it('skips the deltas the summed document covers, and tells an entity without documents apart', () => {
    const covered = delta('d1', { gone: 50 });
    expect(latestSeen([base({ seen: seen(5), covered: ['d1'] }), covered]).seen).toEqual(seen(5));
    expect(latestSeen([])).toEqual({ bound: -Infinity });
  });

  it('over several instances is the newest known, unless an instance that does not know may hold newer', () => {
    expect(
      latestOverInstances([
        { seen: seen(3), bound: 3 },
        { seen: seen(8), bound: 8 },
      ]).seen,
    ).toEqual(seen(8));
    expect(latestOverInstances([{ seen: seen(8), bound: 8 }, { bound: 6 }]).seen).toEqual(seen(8));
    expect(latestOverInstances([{ seen: seen(8), bound: 8 }, { bound: 9 }])).toEqual({ bound: 9 });
    expect(latestOverInstances([{ seen: seen(8), bound: 8 }, { bound: -Infinity }]).seen).toEqual(seen(8));
  });
});

describe('names from the totals of a real graph index', () => {
  let graph: GraphIndexWriter;
  const client = () =>
    createMeiliClient({ url: inject('meiliUrl'), apiKey: inject('meiliKey'), timeoutMs: 30_000 });

  /** An article mentioning each entity once, by the given name. */
  const article = (id: string, seq: number, names: Record<string, string>): GraphFields => ({
    id,
    seq,
    title: null,
    publishedTs: null,
    entityInfo: Object.entries(names).map(([entity, name]) => ({ id: entity, name, type: 'person' })),
    mentions: Object.entries(names).map(([entity, name]) => ({
      entityId: entity,
      text: name,
      start: 0,
      end: name.length,
      sentence: 0,
    })),
  });
  const names = (infos: Map<string, EntityInfo>) =>
    Object.fromEntries([...infos].map(([id, info]) => [id, info.name]).sort());
  /** Which of `ids` the totals name without a search. */
  const told = async (ids: string[]) =>
    ((await graph.latestSeen(ids)) ?? []).flatMap((latest, i) => (latest.seen ? [ids[i]] : []));

  beforeAll(async () => {
    graph = createGraphIndex(client(), `latest_seen_${Date.now().toString(36)}_`, { neighbourLists: true });
    await graph.setup();
  }, 120_000);

  afterAll(async () => {
    await graph?.reset();
  });

  it('follow writes, rewrites and removals as the last written article does', async () => {
    await graph.write([article('a1', 1, { merkel: 'Angela Dorothea Merkel', berlin: 'Berlin' })]);
    await graph.write([article('a2', 2, { merkel: 'Angela Merkel' })]);
    expect(names(await graph.latestInfo(['merkel', 'berlin', 'nobody']))).toEqual({
      berlin: 'Berlin',
      merkel: 'Angela Merkel',
    });
    expect(await told(['merkel', 'berlin', 'nobody'])).toEqual(['merkel', 'berlin']);

    // The last article removed: the one before it names the entity, found by a search.
    await graph.remove(['a2']);
    expect(names(await graph.latestInfo(['merkel']))).toEqual({ merkel: 'Angela Dorothea Merkel' });
    expect(await told(['merkel'])).toEqual([]);

    // Written again, and an older article written again with another name: each time the newest.
    await graph.write([article('a2', 3, { merkel: 'Merkel' })]);
    expect(names(await graph.latestInfo(['merkel']))).toEqual({ merkel: 'Merkel' });
    await graph.write([article('a1', 4, { merkel: 'A. Merkel', berlin: 'Berlin, Germany' })]);
    expect(names(await graph.latestInfo(['merkel', 'berlin']))).toEqual({
      berlin: 'Berlin, Germany',
      merkel: 'A. Merkel',
    });
    expect(await told(['merkel', 'berlin'])).toEqual(['merkel', 'berlin']);

    // Two articles of one batch: the later one.
    await graph.write([article('a3', 6, { scholz: 'Olaf Scholz' }), article('a4', 5, { scholz: 'Scholz' })]);
    expect(names(await graph.latestInfo(['scholz']))).toEqual({ scholz: 'Olaf Scholz' });
    expect(await told(['scholz'])).toEqual(['scholz']);
  }, 120_000);
});
