// Decides which Meilisearch newsgraph talks to: the user's (MEILI_URL, or the first of MEILI_REMOTES), the
// one an API or indexer already runs on the same data directory (found through its state file), or a new
// embedded one. Only the process that started Meilisearch stops it.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { MeiliConfig } from '../config.js';
import { ConfigError } from '../errors.js';
import type { Logger } from '../logger.js';
import { findMeiliBinary } from './find-binary.js';
import { loadOrCreateMasterKey } from './master-key.js';
import { startMeilisearch } from './start-meilisearch.js';

export interface MeiliConnection {
  url: string;
  apiKey: string | undefined;
  mode: 'external' | 'remotes' | 'shared' | 'embedded';
  /** PID of the embedded meilisearch process, where this process started it. */
  pid(): number | undefined;
  close(): Promise<void>;
}

export const STATE_FILE = 'meili.json';

interface State {
  url: string;
  ownerPid: number;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

/** Makes sure the data directory exists and is writable, with a message that says what to do if not. */
export function prepareDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
    const probe = path.join(dataDir, `.write-test-${process.pid}`);
    writeFileSync(probe, 'ok');
    rmSync(probe);
  } catch (cause) {
    throw new ConfigError(
      `data directory ${dataDir} is not usable (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}): ` +
        'check its permissions and free disk space, or set DATA_DIR to another folder',
    );
  }
}

/** Connects to (or starts) Meilisearch as configured. */
export async function openMeilisearch(
  config: MeiliConfig,
  dataDir: string,
  logger: Logger,
): Promise<MeiliConnection> {
  const [first] = config.remotes;
  if (first !== undefined) {
    // Sharded (MEILI_REMOTES): the first instance receives the federated searches; none is started here.
    return {
      url: first.url,
      apiKey: first.key,
      mode: 'remotes',
      pid: () => undefined,
      close: async () => {},
    };
  }
  if (config.url !== undefined) {
    return {
      url: config.url,
      apiKey: config.masterKey,
      mode: 'external',
      pid: () => undefined,
      close: async () => {},
    };
  }
  const binary = findMeiliBinary(config.binary);
  prepareDataDir(dataDir);
  const masterKey = loadOrCreateMasterKey(dataDir);
  const stateFile = path.join(dataDir, STATE_FILE);
  try {
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as State;
    if (state.ownerPid !== process.pid && alive(state.ownerPid) && (await healthy(state.url))) {
      logger.info(`meili: using the Meilisearch of process ${state.ownerPid} at ${state.url}`);
      return {
        url: state.url,
        apiKey: masterKey,
        mode: 'shared',
        pid: () => undefined,
        close: async () => {},
      };
    }
  } catch {
    // no state file, or a stale one: start our own
  }
  const embedded = await startMeilisearch({ binary, dataDir, masterKey, logger });
  writeFileSync(stateFile, JSON.stringify({ url: embedded.url, ownerPid: process.pid } satisfies State));
  logger.info(
    `meili: started embedded Meilisearch 1.21 at ${embedded.url} (data in ${path.join(dataDir, 'meili')})`,
  );
  return {
    url: embedded.url,
    apiKey: masterKey,
    mode: 'embedded',
    pid: embedded.pid,
    close: async () => {
      await embedded.stop();
      try {
        const state = JSON.parse(readFileSync(stateFile, 'utf8')) as State;
        if (state.ownerPid === process.pid) rmSync(stateFile);
      } catch {
        // already gone
      }
    },
  };
}
