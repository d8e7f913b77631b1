// npm run bench:read -- <file>...: reads inputs through the ingest readers only (no extraction, no
// Meilisearch) and prints records, seconds and peak RSS, to show that reading streams.
import { readInputs } from '../src/ingest/read-inputs.js';

const files = process.argv.slice(2).filter((arg) => arg !== '--');
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
