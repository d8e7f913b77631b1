// Corrections live in the curation log, so they outlast the process that made them: a restart (a second
// API on the same index) and a graph rebuilt from the index show them, articles indexed afterwards (by the
// API, or by `npm run index` in another process) get them, and `npm run kb -- export` writes a
// knowledge-base file that KB_FILES loads, and `import` replays into another installation.
import { hasEntity } from '../../src/graph/entity-table.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { describe, expect, inject, it } from 'vitest';
import { apiDeps } from '../../src/api-deps.js';
import { createApp } from '../../src/http/create-app.js';
import { loadGraphState } from '../../src/load-graph-state.js';
import { createLogger } from '../../src/logger.js';
import { openSearch } from '../../src/open-search.js';
import type { SearchIndex } from '../../src/search/create-search-index.js';
import { catchUpGraph, rebuildGraph } from '../../src/sync-graph.js';
import { graphShape } from '../helpers/graph-shape.js';
import { openTestNewsgraph } from '../helpers/test-newsgraph.js';
import { admin, ARTICLES, KEY, openCurationNewsgraph, visibleState } from './curation-helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const LATER = { id: 'a7', lang: 'de', body: 'Michael Müller besuchte den Weihnachtsmann in Berlin.' };

function run(script: string, args: string[], prefix: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      ...process.env,
      MEILI_URL: inject('meiliUrl'),
      MEILI_MASTER_KEY: inject('meiliKey'),
      MEILI_INDEX_PREFIX: prefix,
      MEILI_TIMEOUT_MS: '30000',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'newsgraph-kb-')),
      NER: 'off',
      EXTRACT_THREADS: '0',
      LOG_LEVEL: 'warn',
      ...env,
    },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const entitiesOf = async (search: SearchIndex, id: string): Promise<string[]> => {
  const [doc] = await search.getArticles([id], ['entities']);
  return [...(doc?.entities ?? [])].sort();
};

describe('corrections outlast their process', () => {
  it('survive a restart and a rebuild, and apply to articles indexed later here and by npm run index', async () => {
    const ng = await openCurationNewsgraph('cur_persist');
    await admin(ng).post('/entities/prov-michael-mueller/merge', { into: 'olaf-scholz' }).expect(200);
    await admin(ng)
      .patch('/entities/emmanuel-macron', { aliases: { add: ['Weihnachtsmann'] } })
      .expect(200);

    // A second API on the same index, started afresh: its graph comes from the index.
    const logger = createLogger('warn');
    const reopened = await openSearch(ng.config, logger);
    try {
      const store = await loadGraphState({
        search: reopened.search,
        file: path.join(mkdtempSync(path.join(tmpdir(), 'ng-')), 'none.json'),
        source: 'test',
        logger,
      });
      expect(graphShape(store)).toEqual(graphShape(ng.store));
      const deps = apiDeps(reopened, store, ng.config, logger);
      const app = ng.record(createApp(deps));
      await request(app).post('/articles').set('Authorization', `Bearer ${KEY}`).send(LATER).expect(200);
      expect(await entitiesOf(reopened.search, 'a7')).toEqual(['berlin', 'emmanuel-macron', 'olaf-scholz']);
      const old = await request(app).get('/entities/prov-michael-mueller').expect(200);
      expect(old.body.mergedInto).toBe('olaf-scholz');
    } finally {
      await reopened.close();
    }

    // npm run index in another process.
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ng-later-')), 'later.jsonl');
    writeFileSync(file, JSON.stringify({ ...LATER, id: 'a8' }) + '\n');
    const indexed = run('scripts/index.ts', [file], ng.config.meili.indexPrefix);
    expect(indexed.code, indexed.stderr).toBe(0);
    expect(await entitiesOf(ng.opened.search, 'a8')).toEqual(['berlin', 'emmanuel-macron', 'olaf-scholz']);
    await catchUpGraph(ng.store, ng.opened.search, 0);
    expect(graphShape(ng.store)).toEqual(graphShape(await rebuildGraph(ng.opened.search)));
    expect(hasEntity(ng.store, 'prov-michael-mueller')).toBe(false);
  }, 180_000);

  it('npm run kb merges, lists, exports a file KB_FILES loads, and imports into another installation', async () => {
    const ng = await openCurationNewsgraph('cur_cli');
    const prefix = ng.config.meili.indexPrefix;
    const merged = run('scripts/kb.ts', ['merge', 'prov-michael-mueller', 'olaf-scholz'], prefix);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toMatch(
      /done\s+merge prov-michael-mueller -> olaf-scholz\s+\(4 of 4 articles changed\)/,
    );
    expect(run('scripts/kb.ts', ['alias', 'emmanuel-macron', 'Weihnachtsmann'], prefix).code).toBe(0);
    const refused = run('scripts/kb.ts', ['rename', 'olaf-scholz', ' '], prefix);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/name: must be a non-empty name/);
    const listed = run('scripts/kb.ts', ['list'], prefix);
    expect(
      listed.stdout
        .trim()
        .split('\n')
        .map((line) => line.split(/\s+/)[3]),
    ).toEqual(['update', 'merge']);
    await catchUpGraph(ng.store, ng.opened.search, 0);
    await ng.deps.curator.refresh();

    const exported = run('scripts/kb.ts', ['export'], prefix);
    expect(exported.code, exported.stderr).toBe(0);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ng-export-')), 'corrections.json');
    writeFileSync(file, exported.stdout);

    // KB_FILES loads the export: the alias applies to a fresh index without any log.
    const withKb = await openTestNewsgraph('cur_kbfile', {
      KB_FILES: file,
      NER: 'off',
      EXTRACT_THREADS: '0',
      ADMIN_API_KEY: KEY,
    });
    await request(withKb.app)
      .post('/articles')
      .set('Authorization', `Bearer ${KEY}`)
      .send(ARTICLES)
      .expect(200);
    expect(await entitiesOf(withKb.opened.search, 'a4')).toEqual(await entitiesOf(ng.opened.search, 'a4'));

    // import replays the operations into another installation: the same state as the first.
    const other = await openCurationNewsgraph('cur_import');
    const imported = run('scripts/kb.ts', ['import', file], other.config.meili.indexPrefix);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/applied 2, skipped 0/);
    await catchUpGraph(other.store, other.opened.search, 0);
    await other.deps.curator.refresh();
    const strip = (state: Awaited<ReturnType<typeof visibleState>>) => ({
      ...state,
      docs: state.docs.map((doc) => doc.replace(/"curatedBy":\[[^\]]*\]/, '')),
    });
    expect(strip(await visibleState(other))).toEqual(strip(await visibleState(ng)));
  }, 300_000);
});
