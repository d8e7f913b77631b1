// Two more real Meilisearch processes hold the articles split by id (MEILI_REMOTES); the test run's own
// instance holds them all. Both get the same files through the same pipeline, and every answer is compared:
// matching ids, totals, facet counts, entity look-up, recent articles, write order and the rebuilt graph.
// test/fixtures/sharding is synthetic (always present); ../shared/corpus is used too when it is there.
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeiliClient } from '../../src/search/create-meili-client.js';
import { createSearchIndex, type SearchIndex } from '../../src/search/create-search-index.js';
import { shardOf } from '../../src/search/shard-of.js';
import type { ArticleQuery, ArticleResults } from '../../src/search/types.js';
import { rebuildGraph } from '../../src/sync-graph.js';
import { graphShape } from '../helpers/graph-shape.js';
import {
  startExtraMeilisearch,
  stopExtraMeilisearch,
  type ExtraMeilisearch,
} from '../helpers/extra-meilisearch.js';
import { CORPUS, openTestNewsgraph, SAMPLE, type TestNewsgraph } from '../helpers/test-newsgraph.js';
import { articleCount } from '../../src/graph/article-table.js';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/sharding/articles.jsonl');
const CORPUS_FILES = ['de-news.jsonl', 'en-news.jsonl'].map((name) => path.join(CORPUS, name));
const corpusPresent = CORPUS_FILES.every((file) => existsSync(file));
if (!corpusPresent) {
  console.warn(
    `sharded search over the corpus skipped: ${CORPUS} is absent (it is not part of the repository)`,
  );
}

/** Every matching id (paged as the API pages), the total and the facets of a query. */
async function everything(search: SearchIndex, query: Omit<ArticleQuery, 'limit' | 'offset'>) {
  const ids: string[] = [];
  let first: ArticleResults | undefined;
  for (let offset = 0; ; offset += 1_000) {
    const page = await search.searchArticles({ ...query, limit: 1_000, offset });
    first ??= page;
    ids.push(...page.hits.map((hit) => hit.id));
    if (page.hits.length < 1_000) break;
  }
  return { ids: ids.sort(), total: first?.total, facets: first?.facets };
}

/**
 * Facet counts agree. Where a facet is cut at 100 values, values tied at the cut may differ (each side
 * breaks ties its own way), so values above the cut and every value both list are compared.
 */
function expectSameFacet(single: Record<string, number>, sharded: Record<string, number>): void {
  if (Object.keys(single).length < 100 && Object.keys(sharded).length < 100) {
    expect(sharded).toEqual(single);
    return;
  }
  const floor = Math.min(...Object.values(single));
  const above = (facet: Record<string, number>) =>
    Object.fromEntries(Object.entries(facet).filter(([, count]) => count > floor));
  expect(above(sharded)).toEqual(above(single));
  for (const [value, count] of Object.entries(sharded)) {
    if (value in single) expect([value, count]).toEqual([value, single[value]]);
  }
}

async function expectSameAnswers(
  single: SearchIndex,
  sharded: SearchIndex,
  queries: Array<Omit<ArticleQuery, 'limit' | 'offset'>>,
): Promise<void> {
  for (const query of queries) {
    const [a, b] = await Promise.all([everything(single, query), everything(sharded, query)]);
    expect({ query, ids: b.ids, total: b.total }).toEqual({ query, ids: a.ids, total: a.total });
    expect(b.total).toBe(a.ids.length);
    expect(b.facets?.lang).toEqual(a.facets?.lang);
    expect(b.facets?.source).toEqual(a.facets?.source);
    expectSameFacet(a.facets?.entity ?? {}, b.facets?.entity ?? {});
  }
}

/** Queries built from what the single index holds: its top entities, sources, and a date range. */
async function queriesFor(
  single: SearchIndex,
  words: string[],
  dates: { from: string; to: string },
  broad = true,
) {
  const all = await single.searchArticles({ q: '', limit: 1, offset: 0 });
  const entities = Object.keys(all.facets.entity).slice(0, 3);
  const sources = Object.keys(all.facets.source).slice(0, 2);
  const from = Date.parse(`${dates.from}T00:00:00Z`);
  const to = Date.parse(`${dates.to}T23:59:59Z`);
  return [
    // Over the corpus, matching everything costs seconds a query (every hit is cropped): one broad query.
    ...(broad ? [{ q: '' }, { q: '', lang: ['en'] }, { q: '', from }] : []),
    ...words.map((q) => ({ q })),
    { q: '', lang: ['de'] },
    { q: words[0] ?? '', lang: ['de', 'en'] },
    { q: '', source: sources },
    { q: '', source: sources.slice(0, 1), lang: ['de'] },
    { q: '', entity: entities.slice(0, 1) },
    { q: '', entity: entities.slice(0, 2) },
    { q: words[1] ?? '', entity: entities.slice(1, 2) },
    { q: '', from, to },
    { q: words[0] ?? '', to, lang: ['de'] },
    { q: 'zzzyxnotaword' },
  ];
}

async function expectSameEntities(single: SearchIndex, sharded: SearchIndex, words: string[]): Promise<void> {
  const lookups: Array<[string, string | undefined]> = [
    ...words.map((word) => [word, undefined] as [string, undefined]),
    ['a', 'person'],
  ];
  for (const [q, type] of lookups) {
    const [a, b] = await Promise.all(
      [single, sharded].map((search) => search.searchEntities(q, { type, limit: 1_000 })),
    );
    const ids = (hits: Array<{ id: string }>) => hits.map((hit) => hit.id).sort();
    expect({ q, ids: ids(b ?? []) }).toEqual({ q, ids: ids(a ?? []) });
    expect(new Set(ids(b ?? [])).size).toBe(b?.length);
    expect(b?.[0]?.id).toBe(a?.[0]?.id);
  }
}

describe('articles sharded over two Meilisearch instances', () => {
  const instances: ExtraMeilisearch[] = [];
  let single: TestNewsgraph;
  let sharded: TestNewsgraph;
  let shards: SearchIndex[];

  const open = async (files: string[]) => {
    // Sharding, not extraction, is under test: the knowledge base and rules extract fast and without ties
    // among the many provisional names the tagger adds, so both sides rank entity look-ups alike.
    single = await openTestNewsgraph('shard_single', { EXTRACT_THREADS: '0', NER: 'off' });
    sharded = await openTestNewsgraph('shard_sharded', {
      EXTRACT_THREADS: '0',
      NER: 'off',
      MEILI_URL: '',
      MEILI_MASTER_KEY: '',
      // JSON form: the keys hold a comma, # and a quote.
      MEILI_REMOTES: JSON.stringify(instances.map(({ meili, key }) => ({ url: meili.url, key }))),
    });
    shards = instances.map(({ meili, key }) =>
      createSearchIndex(
        createMeiliClient({ url: meili.url, apiKey: key, timeoutMs: 30_000 }),
        sharded.config.meili.indexPrefix,
      ),
    );
    expect(await single.index(files)).toEqual(await sharded.index(files));
  };

  beforeAll(async () => {
    instances.push(await startExtraMeilisearch(), await startExtraMeilisearch());
  }, 120_000);

  afterAll(async () => {
    await Promise.all([single?.opened.close(), sharded?.opened.close()]);
    await stopExtraMeilisearch(instances);
  });

  describe('the fixture', () => {
    beforeAll(() => open([FIXTURE, SAMPLE]), 300_000);

    it('each instance holds the articles whose id hashes to it, and both hold some', async () => {
      const counts = await Promise.all(shards.map((shard) => shard.countArticles()));
      expect(counts.every((count) => count > 0)).toBe(true);
      expect(counts.reduce((a, b) => a + b)).toBe(await single.opened.search.countArticles());
      expect(await sharded.opened.search.countArticles()).toBe(49);
      const first = (await shards[0]?.changedSince(0, 1_000)) ?? [];
      expect(first.every((article) => shardOf(article.id, 2) === 0)).toBe(true);
    });

    it('answers searches, filters and facets exactly as one instance', async () => {
      const queries = await queriesFor(single.opened.search, ['Putin', 'Kreml', 'sanctions', 'Gespräche'], {
        from: '2024-02-01',
        to: '2024-04-30',
      });
      await expectSameAnswers(single.opened.search, sharded.opened.search, queries);
    });

    it('pages as one instance: the same hits page by page, the same total', async () => {
      for (const search of [single, sharded].map((ng) => ng.opened.search)) {
        const pages = await Promise.all(
          [0, 7, 14, 21].map((offset) => search.searchArticles({ q: '', limit: 7, offset })),
        );
        expect(pages.flatMap((page) => page.hits).length).toBe(28);
        expect(new Set(pages.flatMap((page) => page.hits.map((hit) => hit.id))).size).toBe(28);
      }
      const beyond = await sharded.opened.search.searchArticles({ q: '', limit: 20, offset: 10_000 });
      expect(beyond).toMatchObject({ total: 49, hits: [] });
    });

    it('GET /search answers with the same JSON shape and counts', async () => {
      for (const query of [{ q: 'Putin' }, { q: '', lang: 'en', limit: '5' }]) {
        const a = await request(single.app).get('/search').query(query).expect(200);
        const b = await request(sharded.app).get('/search').query(query).expect(200);
        expect(Object.keys(b.body)).toEqual(Object.keys(a.body));
        expect(b.body.total).toBe(a.body.total);
        expect(Object.keys(b.body.hits[0]).sort()).toEqual(Object.keys(a.body.hits[0]).sort());
        expect(b.body.facets).toEqual(a.body.facets);
      }
    });

    it('finds the same entities, each once', async () => {
      await expectSameEntities(single.opened.search, sharded.opened.search, [
        'Putn',
        'Scholz',
        'Berlin',
        'Kreml',
      ]);
    });

    it('lists recent articles and writes in the same order across shards', async () => {
      for (const entity of ['vladimir-putin', 'kremlin', 'berlin']) {
        const [a, b] = await Promise.all(
          [single, sharded].map((ng) => ng.opened.search.recentArticles(entity, 10)),
        );
        expect(b?.map((hit) => hit.id)).toEqual(a?.map((hit) => hit.id));
        expect(b?.[0]).toEqual(a?.[0]);
      }
      const [a, b] = await Promise.all([single, sharded].map((ng) => ng.opened.search.changedSince(0, 20)));
      expect(b?.map((hit) => hit.id)).toEqual(a?.map((hit) => hit.id));
      const seqs = b?.map((hit) => hit.seq) ?? [];
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
      const after = await sharded.opened.search.changedSince(seqs[9] ?? 0, 5);
      expect(after.map((hit) => hit.id)).toEqual(b?.slice(10, 15).map((hit) => hit.id));
    });

    it('rebuilds from all shards the graph one instance gives', async () => {
      const rebuilt = await rebuildGraph(sharded.opened.search);
      expect(articleCount(rebuilt)).toBe(49);
      expect(graphShape(rebuilt)).toEqual(graphShape(await rebuildGraph(single.opened.search)));
      expect(graphShape(rebuilt)).toEqual(graphShape(single.store));
    });

    it('reads, re-indexes and deletes an article on the instance that holds it', async () => {
      const id = 'shard-en-05';
      const owner = shards[shardOf(id, 2)] as SearchIndex;
      const other = shards[1 - shardOf(id, 2)] as SearchIndex;
      expect((await sharded.opened.search.getArticle(id))?.id).toBe(id);
      expect(await other.getArticle(id)).toBeUndefined();
      const articles = await sharded.opened.search.getArticles(['shard-de-00', id, 'shard-de-01'], ['id']);
      expect(articles.map((article) => article.id).sort()).toEqual(['shard-de-00', 'shard-de-01', id]);
      await sharded.index([FIXTURE]);
      expect(await sharded.opened.search.countArticles()).toBe(49);
      expect(await sharded.opened.search.deleteArticle(id)).toBe(true);
      expect(await owner.getArticle(id)).toBeUndefined();
      expect(await sharded.opened.search.countArticles()).toBe(48);
    });

    it('finds a page by its URL to the letter, over both shards, as one instance does', async () => {
      const url = 'https://news.example/2024/Gipfel-in-Paris';
      const file = path.join(await mkdtemp(path.join(tmpdir(), 'url-case-')), 'urls.jsonl');
      const variants = [url, url, url.toLowerCase(), url.toUpperCase(), url, url.toLowerCase()];
      await writeFile(
        file,
        variants
          .map((variant, index) =>
            JSON.stringify({
              id: `url-case-${index}`,
              url: variant,
              body: `Gipfel in Paris, Bericht ${index}.`,
            }),
          )
          .join('\n'),
      );
      expect(await single.index([file])).toEqual(await sharded.index([file]));
      const expected = ['url-case-0', 'url-case-1', 'url-case-4'];
      expect(new Set(expected.map((id) => shardOf(id, 2))).size).toBe(2);
      for (const search of [single, sharded].map((ng) => ng.opened.search)) {
        const found = await everything(search, { q: '', url: [url] });
        expect([found.ids, found.total]).toEqual([expected, 3]);
        const lower = await everything(search, { q: '', url: [url.toLowerCase(), 'https://NEWS.example/x'] });
        expect([lower.ids, lower.total]).toEqual([['url-case-2', 'url-case-5'], 2]);
        const page = await search.searchArticles({ q: '', url: [url], limit: 2, offset: 2 });
        expect([page.hits.length, page.total]).toEqual([1, 3]);
      }
    });
  });

  describe.runIf(corpusPresent)('the corpus', () => {
    beforeAll(async () => {
      await Promise.all([single?.opened.close(), sharded?.opened.close()]);
      await open(CORPUS_FILES);
    }, 900_000);

    it('answers searches, filters and facets exactly as one instance', async () => {
      const counts = await Promise.all(shards.map((shard) => shard.countArticles()));
      expect(counts.every((count) => count > 1_000)).toBe(true);
      const queries = await queriesFor(
        single.opened.search,
        ['Regierung', 'government', 'Merkel', 'Wien'],
        { from: '2005-01-01', to: '2008-12-31' },
        false,
      );
      await expectSameAnswers(single.opened.search, sharded.opened.search, queries);
    });

    it('finds the same entities and rebuilds the same graph', async () => {
      await expectSameEntities(single.opened.search, sharded.opened.search, [
        'Mitterlehner',
        'Blair',
        'Wien',
      ]);
      expect(graphShape(await rebuildGraph(sharded.opened.search))).toEqual(graphShape(single.store));
    });
  });

  // Last: it stops one instance for good.
  describe('when a shard is down', () => {
    it("a search fails with search_unavailable instead of dropping that shard's articles", async () => {
      await instances[1]?.meili.stop();
      await expect(
        sharded.opened.search.searchArticles({ q: '', limit: 5, offset: 0 }),
      ).rejects.toMatchObject({
        code: 'search_unavailable',
      });
      const res = await request(sharded.app).get('/search').query({ q: 'Putin' }).expect(503);
      expect(res.body.error.code).toBe('search_unavailable');
      expect(JSON.stringify(res.body)).not.toContain(instances[1]?.key ?? '');
    });
  });
});
