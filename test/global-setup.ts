// Starts one real Meilisearch (the npm binary, as `npm start` does) for the whole test run, in a fresh
// temporary data directory. Test files share it and keep apart by index-name prefix.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createLogger } from '../src/logger.js';
import { findMeiliBinary } from '../src/meili/find-binary.js';
import { startMeilisearch } from '../src/meili/start-meilisearch.js';

declare module 'vitest' {
  export interface ProvidedContext {
    meiliUrl: string;
    meiliKey: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'newsgraph-test-meili-'));
  const masterKey = 'test-master-key-' + Math.random().toString(36).slice(2);
  const meili = await startMeilisearch({
    binary: findMeiliBinary(process.env.MEILI_BINARY),
    dataDir,
    masterKey,
    logger: createLogger('warn'),
  });
  project.provide('meiliUrl', meili.url);
  project.provide('meiliKey', masterKey);
  return async () => {
    await meili.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
