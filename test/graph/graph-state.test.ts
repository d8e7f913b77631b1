// The index is the single source of truth: a graph rebuilt from it equals the graph built while indexing,
// a snapshot is caught up with later writes, and a snapshot that disagrees with the index is replaced.
import { edgeBetween } from '../../src/graph/edge-lists.js';
import { entityAttributes, renameEntity } from '../../src/graph/entity-table.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
import { snapshotSections } from '../helpers/snapshot-sections.js';
import { openTestNewsgraph, SAMPLE } from '../helpers/test-newsgraph.js';
import { articleIdsOf, hasArticle } from '../../src/graph/article-table.js';

const logger = createLogger('error');

describe('graph state', () => {
  it('rebuilds from the index, catches a snapshot up, and replaces a snapshot that disagrees', async () => {
    const ng = await openTestNewsgraph('state');
    await ng.index([SAMPLE]);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'newsgraph-state-')), 'graph.json');
    const source = 'test';

    const rebuilt = await loadGraphState({ search: ng.opened.search, file, source, logger });
    expect(graphShape(rebuilt)).toEqual(graphShape(ng.store));

    // A mark only the snapshot holds shows that the caught-up graph is the snapshot's, not a rebuild.
    renameEntity(ng.store, 'kremlin', 'Kremlin as the snapshot knows it');
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
    expect(hasArticle(caughtUp, 'later')).toBe(true);
    expect(edgeBetween(caughtUp, 'olaf-scholz', 'vladimir-putin') !== undefined).toBe(true);
    expect(entityAttributes(caughtUp, 'kremlin')?.name).toBe('Kremlin as the snapshot knows it');
    const rebuiltNow = await loadGraphState({
      search: ng.opened.search,
      file: `${file}.none`,
      source,
      logger,
    });
    expect(graphShape(caughtUp)).toEqual(graphShape(rebuiltNow));

    // A snapshot holding an article the index no longer has is not trusted.
    const stale = await loadGraphState({ search: ng.opened.search, file, source, logger });
    removeArticle(stale, 'later');
    await saveGraph(stale, file, source);
    await ng.opened.search.deleteArticle('seed-article-de');
    const fresh = await loadGraphState({ search: ng.opened.search, file, source, logger });
    expect([...articleIdsOf(fresh)]).toEqual(['later']);
  });

  it('loads a snapshot that matches the index instead of rebuilding, and rebuilds over a corrupt one', async () => {
    const ng = await openTestNewsgraph('state_read');
    await ng.index([SAMPLE]);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'newsgraph-state-')), 'graph.json');
    const source = 'test';
    const rebuilt = graphShape(await loadGraphState({ search: ng.opened.search, file, source, logger }));

    // A mark that only the snapshot holds: a graph loaded with it was read from the file, not the index.
    renameEntity(ng.store, 'vladimir-putin', 'Putin as the snapshot knows him');
    await saveGraph(ng.store, file, source);
    const loaded = await loadGraphState({ search: ng.opened.search, file, source, logger });
    expect(entityAttributes(loaded, 'vladimir-putin')?.name).toBe('Putin as the snapshot knows him');
    expect(graphShape(loaded)).toEqual(rebuilt);
    // A snapshot of another index is not used.
    const other = await loadGraphState({ search: ng.opened.search, file, source: 'another', logger });
    expect(entityAttributes(other, 'vladimir-putin')?.name).toBe('Vladimir Putin');

    const good = readFileSync(file);
    const noEntity = Buffer.from(good);
    noEntity.writeInt32LE(99_999, snapshotSections(good).others.offset);
    const corrupt = {
      'cut short': good.subarray(0, good.length / 2),
      'not a snapshot': 'graph?',
      'an edge naming no entity': noEntity,
      // An older version of the format (version 4 held articles as objects): rebuilt, not read.
      'an older version': Buffer.from(
        good.toString('latin1').replace('"version":5', '"version":4'),
        'latin1',
      ),
    };
    for (const [name, content] of Object.entries(corrupt)) {
      writeFileSync(file, content);
      const store = await loadGraphState({ search: ng.opened.search, file, source, logger });
      expect(graphShape(store), name).toEqual(rebuilt);
      expect(entityAttributes(store, 'vladimir-putin')?.name, name).toBe('Vladimir Putin');
    }
  });
});
