// Kill -9 `npm run kb -- merge` in the middle of rewriting thousands of articles: no article is left half
// rewritten, and the next start of the API completes the merge (the log still says running), after which
// the index and the API's graph equal those of a merge that ran without a crash.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { createCurationLog } from '../../src/curation/create-curation-log.js';
import { createMeiliClient } from '../../src/search/create-meili-client.js';
import { createSearchIndex, type SearchIndex } from '../../src/search/create-search-index.js';
import { rebuildGraph } from '../../src/sync-graph.js';
import { graphShape } from '../helpers/graph-shape.js';
import { uniquePrefix } from '../helpers/test-newsgraph.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ARTICLES = 4_000;
const FROM = 'prov-michael-mueller';
const INTO = 'olaf-scholz';

function writeCorpus(file: string): void {
  const sentences = [
    'Michael Müller traf Olaf Scholz in Berlin.',
    'Emmanuel Macron sprach mit Wladimir Putin.',
    'Die NATO tagte in Brüssel.',
    'Michael Müller sprach über Frankreich.',
    'Xi Jinping besuchte Russland.',
  ];
  let state = 7;
  const next = () => (state = (state * 48271) % 2147483647) / 2147483647;
  const lines = Array.from({ length: ARTICLES }, (_, i) => {
    const body = [sentences[0], ...sentences.slice(1).filter(() => next() < 0.5)].join(' ');
    return JSON.stringify({ id: `m-${i}`, body, lang: 'de', published: `2023-0${1 + (i % 9)}-1${i % 10}` });
  });
  writeFileSync(file, lines.join('\n') + '\n');
}

function env(prefix: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    MEILI_URL: inject('meiliUrl'),
    MEILI_MASTER_KEY: inject('meiliKey'),
    MEILI_INDEX_PREFIX: prefix,
    MEILI_TIMEOUT_MS: '30000',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'newsgraph-crash-kb-')),
    NER: 'off',
    EXTRACT_THREADS: '0',
    LOG_LEVEL: 'info',
  };
}

const script = (name: string, args: string[], prefix: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', name, ...args], {
    cwd: ROOT,
    env: env(prefix),
    encoding: 'utf8',
  });

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number, everyMs = 100) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return undefined;
}

async function documents(search: SearchIndex): Promise<string[]> {
  const docs: string[] = [];
  for await (const page of search.allArticles()) {
    for (const { seq: _seq, ...doc } of page) docs.push(JSON.stringify(doc));
  }
  return docs.sort();
}

const hash = (lines: string[]) => createHash('sha256').update(lines.join('\n')).digest('hex');

describe('a merge killed in the middle', () => {
  it('leaves no article half rewritten, and the next start completes it as a clean run would', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'newsgraph-crash-kb-')), 'corpus.jsonl');
    writeCorpus(file);
    const client = createMeiliClient({
      url: inject('meiliUrl'),
      apiKey: inject('meiliKey'),
      timeoutMs: 30_000,
    });

    const cleanPrefix = uniquePrefix('kbclean');
    expect(script('scripts/index.ts', [file], cleanPrefix).status).toBe(0);
    const merged = script('scripts/kb.ts', ['merge', FROM, INTO], cleanPrefix);
    expect(merged.status, merged.stderr).toBe(0);
    const cleanIndex = createSearchIndex(client, cleanPrefix);
    const expected = hash(await documents(cleanIndex));
    const expectedGraph = graphShape(await rebuildGraph(cleanIndex));

    const prefix = uniquePrefix('kbcrash');
    expect(script('scripts/index.ts', [file], prefix).status).toBe(0);
    const search = createSearchIndex(client, prefix);
    const log = createCurationLog(client, prefix);
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/kb.ts', 'merge', FROM, INTO], {
      cwd: ROOT,
      env: env(prefix),
      stdio: 'ignore',
    });
    // Killed once the log shows part of the articles rewritten.
    const midway = await until(
      async () => {
        const [curation] = await log.all();
        const { processed = 0, candidates = 0 } = curation?.counts ?? {};
        return processed > 0 && processed < candidates ? curation : undefined;
      },
      120_000,
      20,
    );
    expect(midway, 'the merge finished before the test could kill it').toBeDefined();
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const { results } = await client.tasks.getTasks({ indexUids: [`${prefix}articles`], limit: 1_000 });
    await client.tasks.waitForTasks(
      results.map((task) => task.uid),
      { timeout: 120_000 },
    );

    // Each article is either as before or fully merged; some of each.
    let old = 0;
    let moved = 0;
    for await (const page of search.allArticles()) {
      for (const doc of page) {
        const ids = new Set(doc.entityInfo.map((entity) => entity.id));
        expect(doc.mentions.every((mention) => ids.has(mention.entityId))).toBe(true);
        if (ids.has(FROM)) old += 1;
        else moved += 1;
      }
    }
    expect(old).toBeGreaterThan(0);
    expect(moved).toBeGreaterThan(0);
    expect((await log.all())[0]?.status).toBe('running');

    // The API starts: it completes the merge before it listens.
    const api = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { ...env(prefix), PORT: '0', SAMPLE_DATA: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let output = '';
    api.stderr?.setEncoding('utf8').on('data', (text: string) => (output += text));
    try {
      const url = await until(async () => /listening on (http:\/\/\S+) with/.exec(output)?.[1], 120_000);
      expect(url, output).toBeDefined();
      expect(output).toContain('curation: completed 1 interrupted curation(s)');
      expect((await log.all())[0]?.status).toBe('done');
      expect(hash(await documents(search))).toBe(expected);
      const health = (await (await fetch(`${url}/health`)).json()) as Record<string, unknown>;
      expect(health).toMatchObject({
        articles: ARTICLES,
        entities: expectedGraph.nodes.length,
        edges: expectedGraph.edges.length,
      });
      const card = (await (await fetch(`${url}/entities/${FROM}`)).json()) as Record<string, unknown>;
      expect(card).toEqual({ id: FROM, mergedInto: INTO });
    } finally {
      api.kill('SIGKILL');
    }
    expect(graphShape(await rebuildGraph(search))).toEqual(expectedGraph);
    expect(readFileSync(file, 'utf8').length).toBeGreaterThan(0);
  }, 600_000);
});
