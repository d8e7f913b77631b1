// Another real Meilisearch process for the sharding tests (MEILI_REMOTES), in a data folder of its own, with a
// master key that holds a comma, # and a quote (as a user's may, which the settings must survive).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger } from '../../src/logger.js';
import { findMeiliBinary } from '../../src/meili/find-binary.js';
import { startMeilisearch, type EmbeddedMeilisearch } from '../../src/meili/start-meilisearch.js';

export interface ExtraMeilisearch {
  meili: EmbeddedMeilisearch;
  dataDir: string;
  key: string;
}

export async function startExtraMeilisearch(): Promise<ExtraMeilisearch> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'newsgraph-test-shard-'));
  const key = `shard-master-key-${Math.random().toString(36).slice(2)},#|"x`;
  const meili = await startMeilisearch({
    binary: findMeiliBinary(process.env.MEILI_BINARY),
    dataDir,
    masterKey: key,
    logger: createLogger('warn'),
  });
  return { meili, dataDir, key };
}

/** Stops the instances and removes their data. */
export async function stopExtraMeilisearch(instances: readonly ExtraMeilisearch[]): Promise<void> {
  for (const { meili, dataDir } of instances) {
    await meili.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
