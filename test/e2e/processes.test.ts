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
    ADMIN_API_KEY: 'process-test-key-0123456789',
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
    const masterKey = readFileSync(path.join(dataDir, 'meili-master-key'), 'utf8').trim();

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

    // Meilisearch dies under the API: search says so at once, the graph answers from memory, and the
    // supervisor brings Meilisearch back without an API restart.
    const [crashed] = meiliProcessesIn(dataDir);
    // A hung Meilisearch (stopped, not dead) costs a request MEILI_TIMEOUT_MS, then 503; nothing hangs.
    process.kill(crashed as number, 'SIGSTOP');
    try {
      const hung = await fetch(`${url}/search?q=Merkel`);
      expect(hung.status).toBe(503);
      expect((await fetch(`${url}/graph`)).status).toBe(200);
    } finally {
      process.kill(crashed as number, 'SIGCONT');
    }
    process.kill(crashed as number, 'SIGKILL');
    const down = await fetch(`${url}/search?q=Putin`);
    expect(down.status).toBe(503);
    expect(((await down.json()) as { error: { code: string } }).error.code).toBe('search_unavailable');
    expect((await fetch(`${url}/entities/vladimir-putin/neighbors`)).status).toBe(200);
    const back = await until(
      async () => ((await fetch(`${url}/search?q=Putin`)).ok ? true : undefined),
      30_000,
    );
    expect(back).toBe(true);
    expect(log).toMatch(/Meilisearch exited unexpectedly \(SIGKILL\); restart 1/);
    expect(log).toMatch(/Meilisearch is back/);

    const meili = meiliProcessesIn(dataDir);
    expect(meili).toHaveLength(1);
    expect(meili[0]).not.toBe(crashed);

    // SIGTERM while a write is in flight: the write completes, then the API and Meilisearch stop.
    const articles = Array.from({ length: 300 }, (_, i) => ({
      id: `late-${i}`,
      body: `Xi Jinping, Nummer ${i}.`,
    }));
    const inFlight = fetch(`${url}/articles`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${env.ADMIN_API_KEY}` },
      body: JSON.stringify(articles),
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    api.kill('SIGTERM');
    const finished = await inFlight;
    expect(finished.status).toBe(200);
    expect(((await finished.json()) as { indexed: number }).indexed).toBe(300);
    const code = await new Promise<number | null>((resolve) =>
      api?.once('exit', (exitCode) => resolve(exitCode)),
    );
    expect(code).toBe(0);
    expect(log).not.toContain(masterKey);
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

  it('a stop sent the moment the API says it is listening still shuts it down cleanly', async () => {
    // Whoever waits for that line (a supervisor, a script) may stop the API at once; the signal handlers
    // must already be there, or SIGTERM kills it without saving its graph. Three times, as it is a race.
    for (let run = 0; run < 3; run++) {
      const started = spawn(process.execPath, [...TSX, 'src/main.ts'], {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let said = '';
      started.stderr?.setEncoding('utf8').on('data', (text: string) => {
        said += text;
        if (said.includes('newsgraph listening') && !started.killed) started.kill('SIGTERM');
      });
      const [code, signal] = await new Promise<[number | null, string | null]>((resolve) =>
        started.once('exit', (exitCode, exitSignal) => resolve([exitCode, exitSignal])),
      );
      expect([code, signal], said).toEqual([0, null]);
      expect(said).toContain('SIGTERM: finishing requests in flight');
    }
  }, 120_000);
});
