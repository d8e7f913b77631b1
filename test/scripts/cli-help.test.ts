// Every script a user runs with npm answers --help with its usage and options, and a wrong option with
// the reason, the usage and exit code 2, before doing any work.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { helpText } from '../../scripts/parse-cli.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const scripts = (
  JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts;
// npm run <name> -> scripts/<file>.ts, for the scripts a user runs. index.ts has its own help and tests;
// prepare and prestart run build-web, which is checked as build:web.
const commands = Object.entries(scripts)
  .filter(([name]) => !['index', 'prepare', 'prestart', 'start'].includes(name))
  .flatMap(([name, command]) => {
    const file = /scripts\/([\w-]+\.ts)/.exec(command)?.[1];
    return file ? [[name, file] as const] : [];
  });

const run = (file: string, args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', file), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('--help', () => {
  it('covers the scripts users run', () => {
    expect(commands.map(([name]) => name)).toEqual(
      expect.arrayContaining(['bench', 'bench:graph', 'eval:ner', 'train:ner', 'bench:read', 'load']),
    );
  });

  it.each(commands)('npm run %s -- --help prints usage and options and exits 0', (name, file) => {
    const result = run(file, ['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: npm run ${name}\\b`));
    expect(result.stdout).toContain('-h, --help');
  });

  it.each(commands)('npm run %s -- --no-such-option names it and exits 2', (_name, file) => {
    const result = run(file, ['--no-such-option']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/no-such-option/);
    expect(result.stderr).toMatch(/Usage: npm run/);
  });
});

describe('helpText', () => {
  it('lists every option with its value name, description and default', () => {
    const text = helpText({
      usage: 'npm run x',
      description: 'Does x.',
      options: {
        runs: { type: 'string', value: 'N', default: '2', description: 'how many runs' },
        json: { type: 'boolean', default: false, description: 'print JSON' },
      },
    });
    expect(text).toMatch(/--runs N\s+how many runs \(default: 2\)/);
    expect(text).toMatch(/--json\s+print JSON\n/);
  });
});
