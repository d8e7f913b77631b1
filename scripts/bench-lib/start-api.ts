// Starts the API as `npm start` does (node with tsx on src/main.ts) over an existing data directory and
// times it until it listens; reads its RSS from /proc. Used for the start-up figures of `npm run bench`.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config.js';

export interface StartedApi {
  readySeconds: number;
  pid: number | undefined;
  /** Where it listens, from its "listening" line. */
  url: string;
  /** What it logged up to now (and, after stop(), until it exited). */
  readonly log: string;
  rssMb(): number;
  /** The most RSS it has held since it started (VmHWM): what a machine must have for it. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

/** A field of /proc/<pid>/status, in MB. */
function statusMb(pid: number | undefined, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) / 1024);
}

export async function startApi(env: Record<string, string>): Promise<StartedApi> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'src', 'main.ts')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: '0', SAMPLE_DATA: '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      log += chunk.toString();
      if (log.includes('newsgraph listening')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`bench: the API exited with ${code}: ${log}`)));
  });
  const readySeconds = (performance.now() - started) / 1000;
  const url = /newsgraph listening on (http:\/\/\S+?:\d+)/.exec(log)?.[1] ?? '';
  return {
    readySeconds,
    pid: child.pid,
    url,
    get log() {
      return log;
    },
    rssMb: () => statusMb(child.pid, 'VmRSS'),
    peakRssMb: () => statusMb(child.pid, 'VmHWM'),
    stop: () =>
      new Promise((resolve) => {
        child.removeAllListeners('exit');
        // An API that died during the series (out of heap under --api-heap-mb) has no exit left to wait for.
        if (child.exitCode !== null || child.signalCode !== null) {
          log += `had exited with ${child.signalCode ?? child.exitCode}\n`;
          resolve();
          return;
        }
        child.once('exit', (code, signal) => {
          log += `exited with ${signal ?? code}\n`;
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
