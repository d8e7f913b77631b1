// npm run load [-- --seconds 30 --connections 50 --runs 2]: starts the API as a user would (its own data
// directory and embedded Meilisearch), indexes ../shared/corpus, runs the mixed load --runs times, and reports
// requests/s, latency, non-2xx and errors, and the API's RSS before and after each run.
import { parseCli } from './parse-cli.js';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config.js';
import { runMixedLoad } from './mixed-load.js';

const { values } = parseCli({
  usage: 'npm run load -- [--seconds N] [--connections N] [--runs N]',
  description:
    'Starts the API as a user would, indexes ../shared/corpus, runs the mixed load and reports\n' +
    "requests/s, latency, non-2xx answers, errors and the API's RSS before and after each run.",
  options: {
    seconds: { type: 'string', value: 'N', default: '30', description: 'length of one run' },
    connections: { type: 'string', value: 'N', default: '50', description: 'concurrent connections' },
    runs: { type: 'string', value: 'N', default: '2', description: 'how many runs' },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const repeat = Number(values.runs);
const corpus = path.join(PROJECT_ROOT, '..', 'shared', 'corpus');
const files = ['de-news.jsonl', 'en-news.jsonl'].map((name) => path.join(corpus, name));

const rssMiB = (pid: number): number => {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0) / 1024;
};

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'newsgraph-load-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'warn',
    SAMPLE_DATA: '',
  };
  delete env.MEILI_URL;
  const api = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    api.stderr.setEncoding('utf8').on('data', (text: string) => {
      log += text;
      const match = /listening on (http:\/\/\S+) with/.exec(log);
      if (match?.[1]) resolve(match[1]);
    });
    api.once('exit', () => reject(new Error(`load: the API exited:\n${log}`)));
  });
  try {
    const indexed = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/index.ts', ...files], {
      cwd: PROJECT_ROOT,
      env,
      encoding: 'utf8',
    });
    process.stdout.write(indexed.stdout);
    for (let i = 0; i < 100; i++) {
      const health = (await (await fetch(`${url}/health`)).json()) as { articles: number };
      if (health.articles >= 4251) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const entities = (
      (await (await fetch(`${url}/entities?limit=100`)).json()) as { hits: Array<{ id: string }> }
    ).hits.map((hit) => hit.id);
    const words = [
      'Regierung',
      'Wahl',
      'election',
      'market',
      'Putin',
      'Europa',
      'Fußball',
      'music',
      'Wien',
      'shares',
    ];
    const pid = api.pid as number;
    const before = rssMiB(pid);
    const runs = [];
    const rss = [before];
    for (let run = 1; run <= repeat; run++) {
      runs.push(await runMixedLoad({ url, words, entities, connections, durationSeconds: seconds }));
      rss.push(rssMiB(pid));
    }
    for (const [i, r] of runs.entries()) {
      process.stdout.write(
        `run ${i + 1}: ${r.requestsPerSecond.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms, ` +
          `${r.requests} requests, ${r.non2xx} non-2xx, ${r.errors} errors\n`,
      );
    }
    const growth = rss
      .slice(2)
      .map((value, i) => `${((value / (rss[i + 1] ?? value) - 1) * 100).toFixed(1)}%`);
    process.stdout.write(
      `API RSS: ${rss.map((value) => `${value.toFixed(0)} MiB`).join(' -> ')} (before, then after each run); ` +
        `growth run to run: ${growth.join(', ')}\n`,
    );
  } finally {
    api.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
