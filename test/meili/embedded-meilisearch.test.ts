// The embedded Meilisearch as `npm start` and `npm run index` run it: key file, state file, sharing
// between processes on one data directory, and no process left behind.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { MASTER_KEY_FILE } from '../../src/meili/master-key.js';
import { openMeilisearch, STATE_FILE } from '../../src/meili/open-meilisearch.js';

const config = {
  url: undefined,
  remotes: [],
  masterKey: undefined,
  binary: undefined,
  indexPrefix: 'x_',
  requestTimeoutMs: 2_000,
};
const logger = createLogger('error');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(check: () => boolean, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

describe('embedded Meilisearch', () => {
  it('starts with a 0600 master key, is shared through its state file, and stops without orphans', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'newsgraph-embedded-'));
    const first = await openMeilisearch(config, dataDir, logger);
    expect(first.mode).toBe('embedded');
    expect(statSync(path.join(dataDir, MASTER_KEY_FILE)).mode & 0o777).toBe(0o600);
    const key = readFileSync(path.join(dataDir, MASTER_KEY_FILE), 'utf8').trim();
    const unauthorised = await fetch(`${first.url}/indexes`);
    expect(unauthorised.status).toBe(401);
    const authorised = await fetch(`${first.url}/indexes`, { headers: { Authorization: `Bearer ${key}` } });
    expect(authorised.status).toBe(200);

    const pid = first.pid();
    expect(pid && alive(pid)).toBe(true);
    await first.close();
    expect(await waitFor(() => !alive(pid as number))).toBe(true);
    expect(existsSync(path.join(dataDir, STATE_FILE))).toBe(false);
  });

  it('a second process on the same data directory uses the running Meilisearch', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'newsgraph-embedded-'));
    const owner = await openMeilisearch(config, dataDir, logger);
    // The state file names its owner; a reader in the same process must not treat itself as another.
    const state = JSON.parse(readFileSync(path.join(dataDir, STATE_FILE), 'utf8'));
    expect(state).toEqual({ url: owner.url, ownerPid: process.pid });
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    try {
      // Pretend the running Meilisearch belongs to another live process, as with an API and a CLI.
      writeFileSync(path.join(dataDir, STATE_FILE), JSON.stringify({ url: owner.url, ownerPid: child.pid }));
      const second = await openMeilisearch(config, dataDir, logger);
      expect(second.mode).toBe('shared');
      expect(second.url).toBe(owner.url);
      await second.close();
      expect((await fetch(`${owner.url}/health`)).ok).toBe(true);
    } finally {
      child.kill();
      await owner.close();
    }
  });

  it('a killed owner leaves no Meilisearch behind', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'newsgraph-embedded-'));
    const script = `
      import { openMeilisearch } from ${JSON.stringify(path.resolve('src/meili/open-meilisearch.ts'))};
      import { createLogger } from ${JSON.stringify(path.resolve('src/logger.ts'))};
      const m = await openMeilisearch(${JSON.stringify(config)}, ${JSON.stringify(dataDir)}, createLogger('error'));
      console.log('PID ' + m.pid());
      setInterval(() => {}, 1000);
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const meiliPid = await new Promise<number>((resolve) => {
      child.stdout.setEncoding('utf8').on('data', (text: string) => {
        const match = /PID (\d+)/.exec(text);
        if (match) resolve(Number(match[1]));
      });
    });
    expect(alive(meiliPid)).toBe(true);
    child.kill('SIGKILL');
    expect(await waitFor(() => !alive(meiliPid))).toBe(true);
  });

  it('an unusable data directory fails with a message saying what to do', async () => {
    // Tests run as root, who may write anywhere; a data directory under a plain file is unusable for all.
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'newsgraph-embedded-')), 'a-file');
    writeFileSync(file, '');
    await expect(openMeilisearch(config, path.join(file, 'data'), logger)).rejects.toThrow(
      /data directory .* is not usable .*DATA_DIR/,
    );
  });
});
