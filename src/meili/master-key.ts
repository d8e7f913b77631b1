// The embedded Meilisearch's master key: generated on first start, kept in the data directory with mode
// 0600, and handed to Meilisearch through its environment, never its command line or a log.
import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';

export const MASTER_KEY_FILE = 'meili-master-key';

/** Reads the data directory's master key, creating it (mode 0600) when it does not exist yet. */
export function loadOrCreateMasterKey(dataDir: string): string {
  const file = path.join(dataDir, MASTER_KEY_FILE);
  try {
    const key = readFileSync(file, 'utf8').trim();
    if (key.length >= 16) return key;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new ConfigError(`meili: cannot read ${file}: ${(cause as Error).message}`);
    }
  }
  const key = randomBytes(32).toString('base64url');
  try {
    writeFileSync(file, key + '\n', { mode: 0o600 });
    chmodSync(file, 0o600);
  } catch (cause) {
    throw new ConfigError(`meili: cannot write ${file}: ${(cause as Error).message}`);
  }
  return key;
}
