// The graph index's facet cache (index mode): a question asked again is answered without Meilisearch until
// the index changes, and a write or a delete makes the next answer a fresh one. Against the real graph
// index of the embedded Meilisearch, with a counter between the cache and it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { cacheGraphFacets, cacheLimits, DEFAULTS, VALUE_BYTES } from '../../src/search/cache-graph-facets.js';
import {
  createGraphIndex,
  type GraphFacetQuery,
  type GraphIndex,
} from '../../src/search/create-graph-index.js';
import { createMeiliClient } from '../../src/search/create-meili-client.js';
import { FIXTURES } from '../graph-index/index-mode-files.js';
import { openTestNewsgraph, type TestNewsgraph } from '../helpers/test-newsgraph.js';

describe('the graph index facet cache', () => {
  let ng: TestNewsgraph;
  let raw: GraphIndex;
  let sent: GraphFacetQuery[] = [];
  let named: string[] = [];
  let dated: Array<Parameters<GraphIndex['articleDates']>[0][number]> = [];
  let counted: GraphIndex;

  beforeAll(async () => {
    // Index mode: the writer keeps neighbour lists, which a list read for some neighbours needs.
    ng = await openTestNewsgraph('facet_cache', { EXTRACT_THREADS: '0', NER: 'off', GRAPH_MODE: 'index' });
    await ng.index(FIXTURES);
    const { url, apiKey } = ng.opened.meili;
    raw = createGraphIndex(
      createMeiliClient({ url, apiKey, timeoutMs: 30_000 }),
      ng.config.meili.indexPrefix,
    );
    counted = {
      ...raw,
      facets: (queries) => {
        sent.push(...queries);
        return raw.facets(queries);
      },
      latestInfo: (ids) => {
        named.push(...ids);
        return raw.latestInfo(ids);
      },
      articleDates: (queries) => {
        dated.push(...queries);
        return raw.articleDates(queries);
      },
    };
  }, 300_000);

  afterAll(async () => {
    await ng?.opened.close();
  });

  const scholz: GraphFacetQuery = { where: { kind: 'article', related: ['olaf-scholz'] }, facet: 'related' };
  const berlin: GraphFacetQuery = { where: { kind: 'sentence', related: ['berlin'] }, facet: 'related' };

  it('answers a question asked again from the cache, and asks again after a write and after a delete', async () => {
    sent = [];
    const cached = cacheGraphFacets(counted);
    const [first] = await cached.facets([scholz]);
    expect(first?.counts['berlin']).toBeGreaterThan(0);
    const [again, other] = await cached.facets([scholz, berlin]);
    expect(again).toEqual(first);
    expect(other).toEqual((await raw.facets([berlin]))[0]);
    expect(sent).toEqual([scholz, berlin]);

    // A delete changes the article count: the next answer is read anew and holds one article less.
    expect(await ng.deps.removeArticle('im-00')).toBe(true);
    const [afterDelete] = await cached.facets([scholz]);
    expect(sent).toEqual([scholz, berlin, scholz]);
    expect(afterDelete).toEqual((await raw.facets([scholz]))[0]);
    expect(afterDelete?.total).toBe((first?.total ?? 0) - 1);

    // Writes (the file again, im-00 back) take new write sequences: read anew again.
    await ng.index(FIXTURES.slice(0, 1));
    const [afterWrite] = await cached.facets([scholz]);
    expect(sent).toHaveLength(4);
    expect(afterWrite).toEqual(first);
  });

  it('keeps names until the index changes', async () => {
    named = [];
    const cached = cacheGraphFacets(counted);
    const first = await cached.latestInfo(['olaf-scholz', 'no-such-entity']);
    expect(first.get('olaf-scholz')?.name).toBeTruthy();
    expect(first.has('no-such-entity')).toBe(false);
    expect(await cached.latestInfo(['olaf-scholz', 'berlin'])).toEqual(
      await raw.latestInfo(['olaf-scholz', 'berlin']),
    );
    expect(named).toEqual(['olaf-scholz', 'no-such-entity', 'berlin']);
    await ng.index(FIXTURES.slice(0, 1));
    await cached.latestInfo(['olaf-scholz']);
    expect(named).toEqual(['olaf-scholz', 'no-such-entity', 'berlin', 'olaf-scholz']);
  });

  it('answers names it held when the names pass their share, and lets them go', async () => {
    named = [];
    const ids = ['olaf-scholz', 'berlin'];
    // Room for one name: the second call finds both held, past the share.
    const cached = cacheGraphFacets(counted, { maxBytes: VALUE_BYTES.name * 4 });
    const first = await cached.latestInfo(ids);
    expect(first.size).toBe(2);
    expect(await cached.latestInfo(ids)).toEqual(first);
    expect(await cached.latestInfo(ids)).toEqual(first);
    expect(named).toEqual([...ids, ...ids]);
  });

  it('keeps evidence dates until the index changes', async () => {
    dated = [];
    const cached = cacheGraphFacets(counted);
    const withScholz = { where: { kind: 'article' as const, related: ['olaf-scholz'] }, limit: 100 };
    const first = await cached.articleDates([withScholz]);
    expect(first[0]?.length).toBeGreaterThan(0);
    expect(await cached.articleDates([withScholz])).toEqual(first);
    expect(dated).toHaveLength(1);
    // A write (a new write sequence for im-00) is seen: asked again, and the answer holds the new sequence.
    await ng.index(FIXTURES.slice(0, 1));
    const afterWrite = await cached.articleDates([withScholz]);
    expect(dated).toHaveLength(2);
    expect(afterWrite).toEqual(await raw.articleDates([withScholz]));
    expect(afterWrite).not.toEqual(first);
  });

  it('keeps a list read for some neighbours apart from the whole list and from other neighbours', async () => {
    const listed: Array<{ ids: string[]; among?: string[] }> = [];
    const listing: GraphIndex = {
      ...raw,
      adjacency: (ids, among) => {
        listed.push({ ids: [...ids], ...(among && { among: [...among] }) });
        return raw.adjacency(ids, among);
      },
    };
    const cached = cacheGraphFacets(listing);
    const [whole] = await raw.adjacency(['olaf-scholz']);
    const others = [...(whole?.articles.keys() ?? [])];
    expect(others.length).toBeGreaterThan(2);
    const one = new Set(others.slice(0, 1));
    const two = new Set(others.slice(1, 2));
    // The same entity read for one neighbour, for another, for the first again (in another order), then whole.
    const [forOne] = await cached.adjacency(['olaf-scholz'], one);
    const [forTwo] = await cached.adjacency(['olaf-scholz'], two);
    const [forOneAgain] = await cached.adjacency(['olaf-scholz'], new Set([...one]));
    const [wholeAfter] = await cached.adjacency(['olaf-scholz']);
    expect([...(forOne?.articles.keys() ?? [])]).toEqual([...one]);
    expect([...(forTwo?.articles.keys() ?? [])]).toEqual([...two]);
    expect(forOneAgain).toEqual(forOne);
    expect(wholeAfter).toEqual(whole);
    expect(listed).toHaveLength(3);
  });

  it('lets the least recently used answers go once they take their share of its bytes', async () => {
    sent = [];
    const [scholzSize, berlinSize] = (await raw.facets([scholz, berlin])).map(
      (answer) => (1 + Object.keys(answer.counts).length) * VALUE_BYTES.facet,
    );
    // Room for the larger of the two in the answers' three quarters, not for both.
    const cached = cacheGraphFacets(counted, { maxBytes: (Math.max(scholzSize!, berlinSize!) * 4) / 3 });
    await cached.facets([scholz]);
    await cached.facets([berlin]);
    await cached.facets([berlin]);
    await cached.facets([scholz]);
    expect(sent).toEqual([scholz, berlin, scholz]);
  });

  it('keeps nothing with GRAPH_CACHE_MB=0', async () => {
    sent = [];
    const cached = cacheGraphFacets(counted, cacheLimits(0));
    await cached.facets([scholz]);
    await cached.facets([scholz]);
    expect(sent).toEqual([scholz, scholz]);
    expect(cacheLimits(undefined)).toEqual(DEFAULTS);
    expect(cacheLimits(2)).toEqual({ maxBytes: 2 * 1024 * 1024 });
    expect(loadConfig({ GRAPH_CACHE_MB: '0' }).graph.cacheMb).toBe(0);
    expect(loadConfig({}).graph.cacheMb).toBe(32);
    expect(() => loadConfig({ GRAPH_CACHE_MB: 'lots' })).toThrow(/GRAPH_CACHE_MB/);
  });
});
