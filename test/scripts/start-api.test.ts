// The bench's API starter: stopping an API that already died (out of heap under a cap, killed) returns
// instead of waiting for an exit that has happened; a run of bench:graph hung on it (session 17).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startApi } from '../../scripts/bench-lib/start-api.js';

describe('startApi', () => {
  it('stop() returns for an API process that has already exited', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'newsgraph-start-api-'));
    try {
      const api = await startApi({ DATA_DIR: dataDir, NER: 'off', EXTRACT_THREADS: '0' });
      const exited = new Promise<void>((resolve) => {
        const check = setInterval(() => {
          try {
            process.kill(api.pid as number, 0);
          } catch {
            clearInterval(check);
            resolve();
          }
        }, 50);
      });
      // SIGTERM: the API stops its embedded Meilisearch before it exits, so nothing is left writing here.
      process.kill(api.pid as number, 'SIGTERM');
      await exited;
      await api.stop();
      expect(api.log).toContain('had exited with');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
