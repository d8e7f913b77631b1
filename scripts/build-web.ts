// npm run build:web (also run by `npm ci` through "prepare"): bundles the explorer page (src/web) with
// esbuild into dist/web, which the API serves at /. Everything the page needs is in the bundle: it works
// without network.
import { parseCli } from './parse-cli.js';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { PROJECT_ROOT } from '../src/config.js';

/** Builds the page into `outdir` (dist/web by default). */
export async function buildWeb(outdir = path.join(PROJECT_ROOT, 'dist', 'web')): Promise<string> {
  const source = path.join(PROJECT_ROOT, 'src', 'web');
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: { app: path.join(source, 'main.ts') },
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    logLevel: 'warning',
  });
  for (const file of ['index.html', 'app.css'])
    copyFileSync(path.join(source, file), path.join(outdir, file));
  return outdir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  parseCli({
    usage: 'npm run build:web',
    description: 'Bundles the explorer page (src/web) with esbuild into dist/web, which the API serves at /.',
    options: {},
  });
  buildWeb().then(
    (outdir) => process.stdout.write(`explorer page built into ${path.relative(process.cwd(), outdir)}\n`),
    (error: unknown) => {
      process.stderr.write(`build-web: ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}
