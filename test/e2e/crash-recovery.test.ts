// Kill -9 the indexer halfway through, run it again while the API runs: the index equals that of a clean
// run (compared by checksum), the API's live graph (caught up from the index as it runs, and saved at its
// stop) equals a graph rebuilt from the clean index, and indexing an indexed corpus again changes nothing.
// The indexer reads from a pipe the test feeds, so it is killed while it waits for more input, after
// indexing part of what it got, however fast the machine.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createMeiliClient } from '../../src/search/create-meili-client.js';
import { createSearchIndex, type SearchIndex } from '../../src/search/create-search-index.js';
import { loadGraph } from '../../src/graph/persist-graph.js';
import { snapshotFile } from '../../src/load-graph-state.js';
import { rebuildGraph } from '../../src/sync-graph.js';
import { graphShape } from '../helpers/graph-shape.js';
import { SAMPLE, uniquePrefix } from '../helpers/test-newsgraph.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ARTICLES = 3_000;
/** Lines fed to the indexer before it is killed: it can never have indexed more. */
const FED = 2_000;

/** Articles made of seeded choices of the sample's sentences, so that their graphs differ. */
function writeCorpus(file: string): void {
  const sentences = readFileSync(SAMPLE, 'utf8')
    .split('\n')
    .filter((line) => line.length > 40);
  let state = 1;
  const next = () => (state = (state * 48271) % 2147483647) / 2147483647;
  const lines = Array.from({ length: ARTICLES }, (_, i) => {
    const body = sentences.filter(() => next() < 0.3).join('\n') || (sentences[0] as string);
    return JSON.stringify({ id: `gen-${i}`, body, lang: 'de', published: `2022-0${1 + (i % 9)}-1${i % 10}` });
  });
  writeFileSync(file, lines.join('\n') + '\n');
}

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}

function indexer(prefix: string, file: string) {
  return {
    command: process.execPath,
    args: ['--import', 'tsx', 'scripts/index.ts', file],
    options: {
      cwd: ROOT,
      env: {
        ...process.env,
        MEILI_URL: inject('meiliUrl'),
        MEILI_MASTER_KEY: inject('meiliKey'),
        MEILI_INDEX_PREFIX: prefix,
        MEILI_TIMEOUT_MS: '30000',
        DATA_DIR: mkdtempSync(path.join(tmpdir(), 'newsgraph-crash-')),
      },
    },
  };
}

async function checksum(
  search: SearchIndex,
): Promise<{ articles: number; documents: string; graph: string }> {
  const docs: string[] = [];
  for await (const page of search.allArticles()) {
    for (const { seq: _seq, ...doc } of page) docs.push(JSON.stringify(doc));
  }
  const { nodes, edges } = graphShape(await rebuildGraph(search));
  const hash = (lines: string[]) => createHash('sha256').update(lines.sort().join('\n')).digest('hex');
  return { articles: docs.length, documents: hash(docs), graph: hash([...nodes, ...edges]) };
}

describe('crash and re-run', () => {
  it('an indexer killed halfway, run again, leaves what a clean run leaves', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'newsgraph-crash-')), 'corpus.jsonl');
    writeCorpus(file);
    const client = createMeiliClient({
      url: inject('meiliUrl'),
      apiKey: inject('meiliKey'),
      timeoutMs: 30_000,
    });

    const cleanPrefix = uniquePrefix('clean');
    const clean = indexer(cleanPrefix, file);
    expect(spawnSync(clean.command, clean.args, clean.options).status).toBe(0);
    const cleanIndex = createSearchIndex(client, cleanPrefix);
    const expected = await checksum(cleanIndex);
    expect(expected.articles).toBe(ARTICLES);

    const cleanGraph = graphShape(await rebuildGraph(cleanIndex));

    const crashPrefix = uniquePrefix('crash');
    const crashIndex = createSearchIndex(client, crashPrefix);
    const fifo = path.join(mkdtempSync(path.join(tmpdir(), 'newsgraph-crash-')), 'feed.jsonl');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const first = indexer(crashPrefix, fifo);
    const child = spawn(first.command, first.args, { ...first.options, stdio: 'ignore' });
    const feed = createWriteStream(fifo);
    feed.on('error', () => {}); // the reader is killed while the pipe is open
    const lines = readFileSync(file, 'utf8').split('\n').slice(0, FED);
    feed.write(lines.join('\n') + '\n');
    // Kill once the index holds some of what was fed; the pipe stays open, so the run cannot have ended.
    const observed = await until(async () => {
      const count = await crashIndex.countArticles();
      return count > 0 ? count : undefined;
    }, 120_000);
    expect(observed).toBeDefined();
    expect(child.exitCode).toBeNull();
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    feed.destroy();
    // Writes the indexer sent before it died still land; wait for them, then count.
    const { results } = await client.tasks.getTasks({ indexUids: [`${crashPrefix}articles`], limit: 1_000 });
    await client.tasks.waitForTasks(
      results.map((task) => task.uid),
      { timeout: 120_000 },
    );
    const partial = await crashIndex.countArticles();
    expect(partial).toBeGreaterThanOrEqual(observed as number);
    expect(partial).toBeLessThanOrEqual(FED);

    // The API starts over the partial index, and the indexer runs again beside it.
    const apiDir = mkdtempSync(path.join(tmpdir(), 'newsgraph-crash-api-'));
    const apiEnv = {
      ...indexer(crashPrefix, file).options.env,
      DATA_DIR: apiDir,
      PORT: '0',
      SAMPLE_DATA: '',
    };
    const api = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { ...apiEnv, GRAPH_SYNC_MS: '200', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    api.stderr?.setEncoding('utf8').on('data', (text: string) => (log += text));
    try {
      const url = await until(async () => /listening on (http:\/\/\S+) with/.exec(log)?.[1], 60_000);
      expect(url, log).toBeDefined();
      expect(log).toContain(`graph: built from the index (${partial} articles)`);

      const again = indexer(crashPrefix, file);
      expect(spawnSync(again.command, again.args, again.options).status).toBe(0);
      expect(await checksum(crashIndex)).toEqual(expected);

      // The re-run wrote every article again (new write sequence): the API picks all of them up.
      const pickedUp = () =>
        [...log.matchAll(/graph: picked up (\d+) article/g)].reduce((sum, m) => sum + Number(m[1]), 0);
      expect(await until(async () => (pickedUp() >= ARTICLES ? true : undefined), 60_000), log).toBe(true);
      const health = (await (await fetch(`${url}/health`)).json()) as Record<string, unknown>;
      expect(health).toMatchObject({
        articles: ARTICLES,
        entities: cleanGraph.nodes.length,
        edges: cleanGraph.edges.length,
      });
      const exited = new Promise((resolve) => api.once('exit', resolve));
      api.kill('SIGTERM');
      expect(await exited, log).toBe(0);
    } finally {
      api.kill('SIGKILL');
    }
    // The graph the API held, as it saved it at its stop, is the clean index's graph.
    const live = await loadGraph(snapshotFile(apiDir, crashPrefix), `${inject('meiliUrl')}|${crashPrefix}`);
    expect(live).toBeDefined();
    expect(graphShape(live as NonNullable<typeof live>)).toEqual(cleanGraph);

    expect(spawnSync(clean.command, clean.args, clean.options).status).toBe(0);
    expect(await checksum(cleanIndex)).toEqual(expected);
  }, 600_000);
});
