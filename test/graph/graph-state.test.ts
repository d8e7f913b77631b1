// The index is the single source of truth: a graph rebuilt from it equals the graph built while indexing,
// a snapshot is caught up with later writes, and a snapshot that disagrees with the index is replaced.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveGraph } from '../../src/graph/persist-graph.js';
import { removeArticle } from '../../src/graph/remove-article.js';
import { readInputs } from '../../src/ingest/read-inputs.js';
import { loadGraphState } from '../../src/load-graph-state.js';
import { createLogger } from '../../src/logger.js';
import { indexArticles } from '../../src/pipeline.js';
import { createSequence } from '../../src/search/to-article-document.js';
import { graphShape } from '../helpers/graph-shape.js';
import { openTestNewsgraph, SAMPLE } from '../helpers/test-newsgraph.js';

const logger = createLogger('error');

describe('graph state', () => {
  it('rebuilds from the index, catches a snapshot up, and replaces a snapshot that disagrees', async () => {
    const ng = await openTestNewsgraph('state');
    await ng.index([SAMPLE]);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'newsgraph-state-')), 'graph.json');
    const source = 'test';

    const rebuilt = await loadGraphState({ search: ng.opened.search, file, source, logger });
    expect(graphShape(rebuilt)).toEqual(graphShape(ng.store));

    await saveGraph(ng.store, file, source);
    // Another process (the CLI) indexes more, without a graph of its own.
    const cliWrites = async (records: object[], name: string) => {
      const target = path.join(path.dirname(file), `${name}.json`);
      writeFileSync(target, JSON.stringify(records));
      await indexArticles(
        { extractMany: ng.opened.extractMany, search: ng.opened.search, nextSeq: createSequence() },
        readInputs([target], 1_000_000),
      );
    };
    await cliWrites([{ id: 'later', body: 'Olaf Scholz traf Wladimir Putin.', lang: 'de' }], 'later');
    const caughtUp = await loadGraphState({ search: ng.opened.search, file, source, logger });
    expect(caughtUp.articles.has('later')).toBe(true);
    expect(caughtUp.graph.hasEdge('olaf-scholz', 'vladimir-putin')).toBe(true);

    // A snapshot holding an article the index no longer has is not trusted.
    const stale = await loadGraphState({ search: ng.opened.search, file, source, logger });
    removeArticle(stale, 'later');
    await saveGraph(stale, file, source);
    await ng.opened.search.deleteArticle('seed-article-de');
    const fresh = await loadGraphState({ search: ng.opened.search, file, source, logger });
    expect([...fresh.articles.keys()]).toEqual(['later']);
  });
});
