// The indexer's exit codes as the README states them: 0 when everything was indexed, 1 when a record was
// rejected (processes.test.ts), 2 on a fatal error, such as a Meilisearch it cannot reach, or no input.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { closedPort } from '../helpers/closed-port.js';
import { startMeiliProxy } from '../helpers/meili-proxy.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

function runIndexer(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/index.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'newsgraph-cli-')), ...env },
    encoding: 'utf8',
  });
}

describe('indexer exit codes', () => {
  it('exits 2 and says why when Meilisearch cannot be reached', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-cli-'));
    const file = path.join(dir, 'one.jsonl');
    writeFileSync(file, JSON.stringify({ id: 'a', body: 'Olaf Scholz in Berlin.' }));
    const cli = runIndexer([file], {
      MEILI_URL: `http://127.0.0.1:${await closedPort()}`,
      MEILI_MASTER_KEY: 'cli-test-master-key',
      MEILI_TIMEOUT_MS: '1000',
    });
    expect(cli.status, cli.stderr).toBe(2);
    expect(cli.stderr).toMatch(/^newsgraph index: /m);
    expect(cli.stderr).not.toContain('cli-test-master-key');
    expect(cli.stdout).not.toMatch(/^read /m);
  });

  it('waits for a Meilisearch busy indexing as long as for a write, unless MEILI_TIMEOUT_MS says otherwise', async () => {
    // Every document look-up (duplicates are looked up before each batch is written) is held back 2.5 s, longer
    // than the API's MEILI_TIMEOUT_MS default. The child runs asynchronously: the proxy lives in this process.
    const proxy = await startMeiliProxy(inject('meiliUrl'), (req) =>
      req.method === 'POST' && /\/documents\/fetch/.test(req.url ?? '') ? { delayMs: 2_500 } : undefined,
    );
    try {
      const dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-cli-'));
      const file = path.join(dir, 'one.jsonl');
      writeFileSync(
        file,
        JSON.stringify({ id: 'slow-lookup', body: 'Olaf Scholz traf Emmanuel Macron in Berlin.' }),
      );
      const env: Record<string, string | undefined> = {
        ...process.env,
        DATA_DIR: mkdtempSync(path.join(tmpdir(), 'newsgraph-cli-')),
        MEILI_URL: proxy.url,
        MEILI_MASTER_KEY: inject('meiliKey'),
        MEILI_INDEX_PREFIX: `cli_slow_${process.pid}_`,
      };
      delete env.MEILI_TIMEOUT_MS;
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/index.ts', file], {
        cwd: ROOT,
        env,
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(proxy.seen.some((line) => line.includes('/documents/fetch'))).toBe(true);
      expect(status, stderr).toBe(0);
    } finally {
      await proxy.close();
    }
  });

  it('exits 2 with the usage line when given no input', () => {
    const cli = runIndexer([]);
    expect(cli.status).toBe(2);
    expect(cli.stderr).toMatch(/^usage: npm run index -- \[options\] <file, folder or URL>/);
  });
});
