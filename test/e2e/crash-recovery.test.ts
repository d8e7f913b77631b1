// Kill -9 the indexer halfway through, run it again: the index, and the graph built from it, equal those of
// a clean run (compared by checksum), and indexing an indexed corpus again changes nothing.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createMeiliClient } from '../../src/search/create-meili-client.js';
import { createSearchIndex, type SearchIndex } from '../../src/search/create-search-index.js';
import { rebuildGraph } from '../../src/sync-graph.js';
import { graphShape } from '../helpers/graph-shape.js';
import { SAMPLE, uniquePrefix } from '../helpers/test-newsgraph.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ARTICLES = 3_000;

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

    const crashPrefix = uniquePrefix('crash');
    const crashIndex = createSearchIndex(client, crashPrefix);
    const first = indexer(crashPrefix, file);
    const child = spawn(first.command, first.args, { ...first.options, stdio: 'ignore' });
    const deadline = Date.now() + 60_000;
    let seen = 0;
    while (Date.now() < deadline && seen < 500) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      seen = await crashIndex.countArticles().catch(() => 0);
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const partial = await crashIndex.countArticles();
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(ARTICLES);

    const again = indexer(crashPrefix, file);
    expect(spawnSync(again.command, again.args, again.options).status).toBe(0);
    expect(await checksum(crashIndex)).toEqual(expected);

    expect(spawnSync(clean.command, clean.args, clean.options).status).toBe(0);
    expect(await checksum(cleanIndex)).toEqual(expected);
  }, 300_000);
});
