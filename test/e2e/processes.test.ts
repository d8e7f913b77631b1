// `npm start` and `npm run index` as a user runs them: real processes on one data directory. The API
// starts its embedded Meilisearch and indexes the sample; the CLI then writes through the API's
// Meilisearch and the API's graph picks the articles up; SIGTERM lets a write in flight finish, saves the
// graph that the next start loads, and leaves no process behind. No key reaches a command line or a log.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadGraph } from '../../src/graph/persist-graph.js';
import { snapshotSections } from '../helpers/snapshot-sections.js';
import { articleIdsOf } from '../../src/graph/article-table.js';

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

/** The command line of a process, as `ps` and every user of the machine can read it. */
function commandLine(pid: number): string {
  return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
}

function parentOf(pid: number): number {
  return Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
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
    // Debug logs every request: the admin key must still appear nowhere.
    LOG_LEVEL: 'debug',
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
    // A bound against hanging, not a timing check: start-up on a loaded two-core machine took over 60 s.
    const url = await until(async () => /listening on (http:\/\/\S+) with/.exec(log)?.[1], 150_000);
    expect(url, log).toBeDefined();
    expect(log).toMatch(/with 1 articles, \d+ entities and \d+ edges/);
    const masterKey = readFileSync(path.join(dataDir, 'meili-master-key'), 'utf8').trim();
    // The master key reaches Meilisearch through its environment, never its command line (nor the
    // watchdog's, nor ours).
    const [meiliPid] = meiliProcessesIn(dataDir);
    expect(meiliPid).toBeDefined();
    const lines = [meiliPid, parentOf(meiliPid as number), api.pid].map((pid) => commandLine(pid as number));
    expect(lines[0]).toMatch(/meilisearch/);
    expect(lines[1]).toMatch(/^\/bin\/sh -c/);
    for (const line of lines) expect(line).not.toContain(masterKey);
    expect(readFileSync(`/proc/${meiliPid}/environ`, 'utf8')).toContain(`MEILI_MASTER_KEY=${masterKey}`);

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
    expect(log).toMatch(/Meilisearch exited unexpectedly \(SIGKILL\); restart 1 in 500 ms/);
    // Search can answer before the supervisor's own health probe (every 100 ms) has logged the return.
    const logged = await until(async () => (/Meilisearch is back/.test(log) ? true : undefined), 30_000);
    expect(logged, log).toBe(true);

    const meili = meiliProcessesIn(dataDir);
    expect(meili).toHaveLength(1);
    expect(meili[0]).not.toBe(crashed);

    // SIGTERM while a write is in flight: the request has arrived (the debug log says so) but cannot end
    // before the test sends the rest of its body, which it does only once the API has begun to stop. The
    // write completes, the graph is saved, then the API and Meilisearch stop.
    const articles = Array.from({ length: 300 }, (_, i) => ({
      id: `late-${i}`,
      body: `Xi Jinping, Nummer ${i}.`,
    }));
    const payload = Buffer.from(JSON.stringify(articles));
    const { port } = new URL(url as string);
    const post = httpRequest({
      host: '127.0.0.1',
      port,
      path: '/articles',
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': payload.length,
        Authorization: `Bearer ${env.ADMIN_API_KEY}`,
      },
    });
    const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
      post.on('error', reject);
      post.on('response', (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (text: string) => (body += text));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
    });
    const arrivals = () => log.split('debug http: POST /articles').length;
    const before = arrivals();
    post.write(payload.subarray(0, 100));
    expect(await until(async () => (arrivals() > before ? true : undefined), 15_000)).toBe(true);
    api.kill('SIGTERM');
    expect(await until(async () => (log.includes('SIGTERM: finishing') ? true : undefined), 15_000)).toBe(
      true,
    );
    post.end(payload.subarray(100));
    const finished = await answered;
    expect(finished.status).toBe(200);
    expect((JSON.parse(finished.body) as { indexed: number }).indexed).toBe(300);
    const code = await new Promise<number | null>((resolve) =>
      api?.once('exit', (exitCode) => resolve(exitCode)),
    );
    expect(code, log).toBe(0);
    expect(await until(async () => (meiliProcessesIn(dataDir).length === 0 ? true : undefined), 10_000)).toBe(
      true,
    );
    // The snapshot was written at the stop: it holds the articles of the write that finished during it
    // (the periodic save had stopped before that write ended).
    const snapshot = path.join(dataDir, 'graph-newsgraph_.bin');
    const { header } = snapshotSections(readFileSync(snapshot));
    const { source } = JSON.parse(
      readFileSync(snapshot)
        .subarray(header.offset, header.offset + header.length)
        .toString(),
    ) as { source: string };
    const loaded = await loadGraph(snapshot, source);
    const saved = loaded ? [...articleIdsOf(loaded)] : [];
    expect(saved).toEqual(expect.arrayContaining(['late-0', 'late-299', 'cli-2']));
    expect(saved).toHaveLength(303);

    // The next start loads that snapshot. A snapshot it cannot write at its stop makes it exit 1.
    let second = '';
    api = spawn(process.execPath, [...TSX, 'src/main.ts'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    api.stderr?.setEncoding('utf8').on('data', (text: string) => (second += text));
    expect(await until(async () => (second.includes('newsgraph listening') ? true : undefined), 60_000)).toBe(
      true,
    );
    expect(second).toMatch(/graph: loaded snapshot of 303 articles/);
    expect(second).not.toMatch(/graph: built from the index/);
    rmSync(snapshot);
    mkdirSync(snapshot);
    try {
      const exited = new Promise<number | null>((resolve) =>
        api?.once('exit', (exitCode) => resolve(exitCode)),
      );
      api.kill('SIGTERM');
      expect(await exited, second).toBe(1);
      expect(second).toMatch(/error graph: cannot save snapshot at shutdown/);
    } finally {
      rmSync(snapshot, { recursive: true, force: true });
    }
    expect(await until(async () => (meiliProcessesIn(dataDir).length === 0 ? true : undefined), 10_000)).toBe(
      true,
    );

    for (const text of [log, second, cli.stderr, cli.stdout]) {
      expect(text).not.toContain(masterKey);
      expect(text).not.toContain(env.ADMIN_API_KEY);
    }
    expect(existsSync(snapshot)).toBe(false);
  }, 300_000);

  it('the CLI alone starts its own Meilisearch and stops it when done', () => {
    // A data directory of its own, so that an API left running by a failed test above cannot serve it.
    const ownDir = mkdtempSync(path.join(tmpdir(), 'newsgraph-proc-cli-'));
    const file = path.join(ownDir, 'one.jsonl');
    writeFileSync(file, JSON.stringify({ id: 'solo', body: 'Joe Biden in Washington.' }));
    const cli = spawnSync(process.execPath, [...TSX, 'scripts/index.ts', file], {
      cwd: ROOT,
      env: { ...env, DATA_DIR: ownDir },
      encoding: 'utf8',
    });
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stderr).toMatch(/started embedded Meilisearch/);
    expect(cli.stdout).toMatch(/read 1, indexed 1, rejected 0/);
    expect(meiliProcessesIn(ownDir)).toEqual([]);
    rmSync(ownDir, { recursive: true, force: true });
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
