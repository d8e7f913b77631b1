// `npm start` and `npm run index` as a user runs them: real processes on one data directory. The API
// starts its embedded Meilisearch and indexes the sample; the CLI then writes through the API's
// Meilisearch and the API's graph picks the articles up; SIGTERM leaves no process behind.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = ['--import', 'tsx'];

function meiliProcessesIn(dataDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const isMeili = readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'meilisearch';
      if (isMeili && readlinkSync(`/proc/${entry}/cwd`) === path.join(dataDir, 'meili'))
        pids.push(Number(entry));
    } catch {
      // gone, or not ours to read
    }
  }
  return pids;
}

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return undefined;
}

describe('API and CLI processes', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'newsgraph-proc-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'info',
    GRAPH_SYNC_MS: '500',
  };
  delete env.MEILI_URL;
  let api: ChildProcess | undefined;
  let log = '';

  afterAll(() => {
    api?.kill('SIGKILL');
  });

  it('serves the sample, picks up CLI writes within seconds, and stops cleanly', async () => {
    api = spawn(process.execPath, [...TSX, 'src/main.ts'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    api.stderr?.setEncoding('utf8').on('data', (text: string) => (log += text));
    const url = await until(async () => /listening on (http:\/\/\S+) with/.exec(log)?.[1], 60_000);
    expect(url, log).toBeDefined();
    expect(log).toMatch(/with 1 articles, \d+ entities and \d+ edges/);
    expect(log).not.toMatch(/master|key=/i);

    const file = path.join(dataDir, 'more.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'cli-1', body: 'Olaf Scholz traf Emmanuel Macron in Berlin.', lang: 'de' }),
        'not json',
        JSON.stringify({ id: 'cli-2', body: 'Emmanuel Macron sprach in Paris.', lang: 'de' }),
      ].join('\n'),
    );
    const cli = spawnSync(process.execPath, [...TSX, 'scripts/index.ts', file], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    expect(cli.status, cli.stderr).toBe(1);
    expect(cli.stderr).toMatch(/using the Meilisearch of process/);
    expect(cli.stderr).toContain(`rejected ${file}:2: not valid JSON`);
    expect(cli.stdout).toMatch(/read 3, indexed 2, rejected 1/);

    const health = await until(async () => {
      const body = (await (await fetch(`${url}/health`)).json()) as { articles: number };
      return body.articles === 3 ? body : undefined;
    }, 15_000);
    expect(health).toBeDefined();

    const meili = meiliProcessesIn(dataDir);
    expect(meili).toHaveLength(1);
    api.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) =>
      api?.once('exit', (exitCode) => resolve(exitCode)),
    );
    expect(code).toBe(0);
    expect(await until(async () => (meiliProcessesIn(dataDir).length === 0 ? true : undefined), 10_000)).toBe(
      true,
    );
  }, 120_000);

  it('the CLI alone starts its own Meilisearch and stops it when done', () => {
    const file = path.join(dataDir, 'one.jsonl');
    writeFileSync(file, JSON.stringify({ id: 'solo', body: 'Joe Biden in Washington.' }));
    const cli = spawnSync(process.execPath, [...TSX, 'scripts/index.ts', file], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stderr).toMatch(/started embedded Meilisearch/);
    expect(cli.stdout).toMatch(/read 1, indexed 1, rejected 0/);
    expect(meiliProcessesIn(dataDir)).toEqual([]);
  }, 120_000);
});
