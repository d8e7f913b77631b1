// Runs the embedded Meilisearch as a supervised child process on 127.0.0.1 and a free port. A small sh
// watchdog holds a pipe from us: if this process dies, even by SIGKILL, the pipe closes and the watchdog
// stops Meilisearch, so no orphan keeps the database locked. Unexpected exits are restarted with back-off.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { constants } from 'node:os';
import path from 'node:path';
import { NewsgraphError } from '../errors.js';
import type { Logger } from '../logger.js';
import { restartDelay } from './restart-delay.js';

export interface EmbeddedMeilisearch {
  url: string;
  /** PID of the meilisearch process itself (not the watchdog). */
  pid(): number | undefined;
  stop(): Promise<void>;
}

export interface StartOptions {
  binary: string;
  dataDir: string;
  masterKey: string;
  logger: Logger;
  startTimeoutMs?: number;
}

export const DEFAULTS = { startTimeoutMs: 60_000 };

// $0 is the binary. Meilisearch runs in the background; a reader on our pipe (kept as fd 3, since a background
// job's stdin is /dev/null) kills it when the pipe closes: we stopped it, or we died. The shell prints
// Meilisearch's pid, then exits with its status.
const WATCHDOG = [
  'exec 3<&0',
  '"$0" <&- 3<&- & pid=$!',
  'echo "pid $pid"',
  '(read _ignored <&3; kill -TERM $pid 2>/dev/null) &',
  'exec 3<&-',
  'wait $pid',
].join('\n');

/** The watchdog shell reports a signal death of Meilisearch as exit status 128 + signal number. */
function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal) return signal;
  const name = Object.entries(constants.signals).find(
    ([, number]) => code !== null && code === 128 + number,
  )?.[0];
  return name ?? `code ${code}`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new NewsgraphError('meili_start_failed', 'meili: Meilisearch did not become healthy');
}

/** Starts Meilisearch, waits for /health, and returns a handle whose stop() ends it and its watchdog. */
export async function startMeilisearch(options: StartOptions): Promise<EmbeddedMeilisearch> {
  const { binary, dataDir, masterKey, logger } = options;
  const workDir = path.join(dataDir, 'meili');
  mkdirSync(workDir, { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let meiliPid: number | undefined;
  let stopping = false;
  let restarts = 0;
  let stderrTail = '';

  const launch = (): ChildProcess => {
    const launched = spawn('/bin/sh', ['-c', WATCHDOG, binary], {
      cwd: workDir,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH,
        MEILI_DB_PATH: path.join(workDir, 'data.ms'),
        MEILI_HTTP_ADDR: `127.0.0.1:${port}`,
        MEILI_MASTER_KEY: masterKey,
        MEILI_NO_ANALYTICS: 'true',
        MEILI_LOG_LEVEL: 'WARN',
        MEILI_ENV: 'production',
      },
    });
    launched.stdout?.setEncoding('utf8').on('data', (text: string) => {
      const match = /pid (\d+)/.exec(text);
      if (match) meiliPid = Number(match[1]);
    });
    launched.stderr?.setEncoding('utf8').on('data', (text: string) => {
      stderrTail = (stderrTail + text).slice(-4_000);
    });
    launched.on('exit', (code, signal) => {
      meiliPid = undefined;
      launched.stdin?.end();
      if (stopping) return;
      const delay = restartDelay(restarts);
      restarts += 1;
      logger.warn(
        `meili: Meilisearch exited unexpectedly (${describeExit(code, signal)}); restart ${restarts} in ${delay} ms`,
      );
      setTimeout(() => {
        if (stopping) return;
        child = launch();
        waitHealthy(url, child, options.startTimeoutMs ?? DEFAULTS.startTimeoutMs).then(
          () => {
            restarts = 0;
            logger.warn(`meili: Meilisearch is back on ${url}`);
          },
          () => logger.error(`meili: restart failed; last output:\n${stderrTail.trim()}`),
        );
      }, delay).unref();
    });
    return launched;
  };

  child = launch();
  try {
    await waitHealthy(url, child, options.startTimeoutMs ?? DEFAULTS.startTimeoutMs);
  } catch (cause) {
    stopping = true;
    child.kill('SIGKILL');
    throw new NewsgraphError(
      'meili_start_failed',
      `meili: Meilisearch did not start in ${workDir}. Its output:\n${stderrTail.trim()}`,
      { cause },
    );
  }

  return {
    url,
    pid: () => meiliPid,
    stop: async () => {
      stopping = true;
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      running.stdin?.end();
      const timer = setTimeout(() => {
        if (meiliPid !== undefined) process.kill(meiliPid, 'SIGKILL');
        running.kill('SIGKILL');
      }, 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
