// Writes under load, against the test run's real Meilisearch behind a proxy that holds requests back or
// drops them: a document write may take longer than a search (MEILI_TIMEOUT_MS), a write failing while
// earlier ones are under way ends the run with its error (not a crash), and the graph keeps what
// Meilisearch accepted.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createCooccurrenceGraph } from '../../src/graph/create-cooccurrence-graph.js';
import { readInputs } from '../../src/ingest/read-inputs.js';
import { indexArticles } from '../../src/pipeline.js';
import { createSequence } from '../../src/search/to-article-document.js';
import { startMeiliProxy, type MeiliProxy } from '../helpers/meili-proxy.js';
import { openTestNewsgraph } from '../helpers/test-newsgraph.js';
import { articleIdsOf } from '../../src/graph/article-table.js';

const ARTICLES = [
  { id: 'w1', lang: 'de', body: 'Olaf Scholz traf Wladimir Putin im Kreml.' },
  { id: 'w2', lang: 'de', body: 'Angela Merkel sprach mit Emmanuel Macron in Paris.' },
  { id: 'w3', lang: 'en', body: 'Tony Blair met Gordon Brown in London.' },
];

const isArticleWrite = (method: string | undefined, url: string | undefined) =>
  method === 'POST' && /\/indexes\/[^/]*articles\/documents(\?|$)/.test(url ?? '');

let proxy: MeiliProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

describe('writes to a busy Meilisearch', () => {
  it('a document write slower than MEILI_TIMEOUT_MS still lands', async () => {
    proxy = await startMeiliProxy(inject('meiliUrl'), (req) =>
      isArticleWrite(req.method, req.url) ? { delayMs: 1_200 } : undefined,
    );
    const ng = await openTestNewsgraph('slowwrite', { MEILI_URL: proxy.url, MEILI_TIMEOUT_MS: '300' });
    try {
      const file = path.join(ng.config.dataDir, 'articles.json');
      writeFileSync(file, JSON.stringify(ARTICLES));
      const summary = await ng.index([file]);
      expect(summary).toMatchObject({ indexed: 3, rejected: 0 });
      expect(
        proxy.seen.filter((line) => isArticleWrite(...(line.split(' ') as [string, string]))),
      ).not.toEqual([]);
      const stored = await ng.opened.search.getArticles(['w1', 'w2', 'w3'], ['id']);
      expect(stored.map((doc) => doc.id).sort()).toEqual(['w1', 'w2', 'w3']);
    } finally {
      await ng.opened.close();
    }
  });

  it('a write failing while an earlier one is under way ends the run with search_unavailable, no crash, and the graph holds what was indexed', async () => {
    let writes = 0;
    proxy = await startMeiliProxy(inject('meiliUrl'), (req) => {
      if (!isArticleWrite(req.method, req.url)) return undefined;
      writes += 1;
      if (writes === 1) return { delayMs: 1_500 };
      return writes === 2 ? { drop: true } : undefined;
    });
    const ng = await openTestNewsgraph('failwrite', { MEILI_URL: proxy.url });
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const file = path.join(ng.config.dataDir, 'articles.json');
      writeFileSync(file, JSON.stringify(ARTICLES));
      const graph = createCooccurrenceGraph();
      const run = indexArticles(
        {
          extractMany: ng.opened.extractMany,
          search: ng.opened.search,
          nextSeq: createSequence(),
          graph,
          batchSize: 1,
        },
        readInputs([file], 1_000_000),
      );
      await expect(run).rejects.toMatchObject({ code: 'search_unavailable' });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(unhandled).toEqual([]);
      const stored = await ng.opened.search.getArticles(['w1', 'w2', 'w3'], ['id']);
      const indexed = stored.map((doc) => doc.id).sort();
      expect(indexed).toEqual(['w1', 'w3']);
      expect([...articleIdsOf(graph)].sort()).toEqual(indexed);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await ng.opened.close();
    }
  });
});
