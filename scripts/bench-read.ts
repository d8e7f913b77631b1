// npm run bench:read -- <file>...: reads inputs through the ingest readers only (no extraction, no
// Meilisearch) and prints records, seconds and peak RSS, to show that reading streams.
import { readInputs } from '../src/ingest/read-inputs.js';
import { parseCli } from './parse-cli.js';

const { positionals: files } = parseCli({
  usage: 'npm run bench:read -- <file or folder>...',
  description:
    'Reads inputs through the ingest readers only (no extraction, no Meilisearch) and prints records,\n' +
    'seconds and peak RSS, to show that reading streams.',
  positionals: 'JSON Lines, JSON array or text files, or folders of them',
  options: {},
});
if (files.length === 0) {
  process.stderr.write('bench:read: name at least one file or folder (npm run bench:read -- --help)\n');
  process.exit(2);
}
let peak = process.memoryUsage().rss;
let records = 0;
let rejected = 0;
const started = performance.now();
for await (const item of readInputs(files, 1_000_000)) {
  if (item.ok) records += 1;
  else rejected += 1;
  if ((records + rejected) % 5_000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
}
const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  `${records} records, ${rejected} rejected in ${seconds.toFixed(1)} s; peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB\n`,
);
