// jsdom is loaded by the first page or fragment that needs it, not by importing the API: the import alone
// cost a process about 80 MB of RSS (docs/index-mode.md, session 17).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Runs `code` (an ES module) in a fresh Node with tsx, in the repository; its standard output. */
function runModule(code: string): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout.trim();
}

// Whether any of jsdom's own files is in Node's module cache (CommonJS, which ESM imports of it fill too).
const LOADED = `(await import('node:module')).createRequire(import.meta.url).cache`;
const jsdomLoaded = `Object.keys(${LOADED}).some((file) => file.includes('/node_modules/jsdom/'))`;

describe('loadJsdom', () => {
  it('the API modules load without jsdom, and a fragment with document tags loads it', () => {
    const out = runModule(
      [
        `await import('./src/api-deps.ts');`,
        `await import('./src/http/create-app.ts');`,
        `const before = ${jsdomLoaded};`,
        `const { htmlToText } = await import('./src/ingest/html-to-text.ts');`,
        `const text = htmlToText('<html><body><p>One</p><p>Two</p></body></html>');`,
        `console.log(JSON.stringify({ before, after: ${jsdomLoaded}, text }));`,
      ].join('\n'),
    );
    expect(JSON.parse(out)).toEqual({ before: false, after: true, text: 'One\n\nTwo' });
  });
});
