// npm run bench:index-similar: GET /entities/:id/similar in index mode against memory mode over one index of
// the corpus: for the most mentioned entities and a spread of smaller ones, every suggestion of each mode
// (no limit) compared (the same ones, the same scores, what index mode misses and by which reason), and
// the time per call at the route's limit (p50, p99), memory, index mode asking Meilisearch, and index mode
// again through the API's cache. Figures: docs/index-mode.md, "Similar entities".
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { aliasReader } from '../src/curation/alias-reader.js';
import { findIndexSimilar } from '../src/curation/find-index-similar.js';
import { findSimilar, type SimilarEntity } from '../src/curation/find-similar.js';
import { entitiesOf } from '../src/graph/entity-table.js';
import { createGraphIndex } from '../src/search/create-graph-index.js';
import { createMeiliClient } from '../src/search/create-meili-client.js';
import { rebuildGraph } from '../src/sync-graph.js';
import { latencyCells } from './bench-lib/measure.js';
import { openIndexModeCorpus } from './bench-lib/open-index-mode-corpus.js';
import { parseCli } from './parse-cli.js';

const CORPUS = path.resolve(import.meta.dirname, '../../shared/corpus');
const { values } = parseCli({
  usage:
    'npm run bench:index-similar -- [--data-dir DIR] [--top N] [--spread N] [--variants N] [--suggested N]\n' +
    '  [--search-limit N]',
  description:
    'Similar entities in index mode against memory mode over one index of ../shared/corpus: the same\n' +
    'suggestions or not, and the time per call (p50, p99). Indexes the corpus into DIR when it is empty.',
  options: {
    'data-dir': {
      type: 'string',
      value: 'DIR',
      description: 'embedded Meilisearch data (default: a fresh temporary directory)',
    },
    top: { type: 'string', value: 'N', default: '100', description: 'the most mentioned entities' },
    spread: { type: 'string', value: 'N', default: '200', description: 'smaller entities, spread by size' },
    variants: {
      type: 'string',
      value: 'N',
      default: '60',
      description: 'people named by one word (bare surnames) and names starting "Krem", most articles first',
    },
    suggested: {
      type: 'string',
      value: 'N',
      default: '100',
      description: 'more entities, spread by size, that memory mode suggests something for',
    },
    'search-limit': {
      type: 'string',
      value: 'N',
      description: 'hits per look-up in the entity index (default: find-index-similar.ts)',
    },
  },
});

const files = ['de-news.jsonl', 'en-news.jsonl'].map((file) => path.join(CORPUS, file));
const key = (entity: SimilarEntity) => `${entity.id} ${entity.score} ${entity.reasons.join('; ')}`;

async function main(): Promise<void> {
  const { opened, config } = await openIndexModeCorpus(values['data-dir'], files);
  const { search } = opened;
  try {
    const store = await rebuildGraph(search);
    const aliasesOf = aliasReader(opened.kb.entities, opened.corrections);
    const nodes = [...entitiesOf(store)].sort(([, a], [, b]) => b.articles - a.articles).map(([id]) => id);
    const top = Number(values.top);
    const spread = Number(values.spread);
    const step = Math.max(1, Math.floor((nodes.length - top) / spread));
    const ids = [
      ...nodes.slice(0, top),
      ...nodes
        .slice(top)
        .filter((_, i) => i % step === 0)
        .slice(0, spread),
    ];
    // The people named by one word (bare surnames: the look-ups of common ones return the most hits), and
    // names starting "Krem" (Kreml, Kremlin), most articles first.
    const variants = [...entitiesOf(store)]
      .filter(([, node]) => /^Krem/.test(node.name) || (node.type === 'person' && !/\s/.test(node.name)))
      .sort(([, a], [, b]) => b.articles - a.articles)
      .slice(0, Number(values.variants))
      .map(([id]) => id);
    for (const id of variants) if (!ids.includes(id)) ids.push(id);
    // And entities that memory mode suggests something for, spread over the rest.
    const suggestedStep = Math.max(1, Math.floor((nodes.length - top) / (20 * Number(values.suggested))));
    for (
      let i = top + 1;
      i < nodes.length && ids.length < top + spread + variants.length + Number(values.suggested);
      i += suggestedStep
    ) {
      const id = nodes[i] as string;
      if (!ids.includes(id) && (findSimilar(store, id, aliasesOf)?.length ?? 0) > 0) ids.push(id);
    }
    const uncached = {
      searchEntities: search.searchEntities,
      graph: createGraphIndex(
        createMeiliClient({ url: opened.meili.url, apiKey: opened.searchKey, timeoutMs: 60_000 }),
        config.meili.indexPrefix,
      ),
    };
    const searchLimit =
      values['search-limit'] === undefined ? {} : { searchLimit: Number(values['search-limit']) };
    const all = { limit: 1_000_000, ...searchLimit };
    let suggested = 0;
    let found = 0;
    let extra = 0;
    let sameLists = 0;
    const missed = new Map<string, number>();
    const times = { memory: [] as number[], index: [] as number[], cached: [] as number[] };
    for (const id of ids) {
      const memory = findSimilar(store, id, aliasesOf, all) ?? [];
      const index = (await findIndexSimilar(uncached, id, aliasesOf, all)) ?? [];
      const indexKeys = new Set(index.map(key));
      const memoryKeys = new Set(memory.map(key));
      suggested += memory.length;
      found += memory.filter((entity) => indexKeys.has(key(entity))).length;
      extra += index.filter((entity) => !memoryKeys.has(key(entity))).length;
      if (JSON.stringify(memory) === JSON.stringify(index)) sameLists += 1;
      for (const entity of memory.filter((entity) => !indexKeys.has(key(entity)))) {
        const reason = entity.reasons[0] ?? '';
        missed.set(reason, (missed.get(reason) ?? 0) + 1);
        process.stdout.write(
          `  missed: ${id} ~ ${entity.id} (${entity.name}; ${entity.reasons.join('; ')})\n`,
        );
      }
      let start = performance.now();
      findSimilar(store, id, aliasesOf);
      times.memory.push(performance.now() - start);
      start = performance.now();
      await findIndexSimilar(uncached, id, aliasesOf, searchLimit);
      times.index.push(performance.now() - start);
      await findIndexSimilar(search, id, aliasesOf, searchLimit);
      start = performance.now();
      await findIndexSimilar(search, id, aliasesOf, searchLimit);
      times.cached.push(performance.now() - start);
    }
    process.stdout.write(
      `${ids.length} entities (${top} most mentioned, ${spread} spread, up to ${variants.length} bare surnames, the rest with suggestions); memory mode's suggestions ` +
        `(no limit): ${suggested}, found by index mode with the same score and reasons: ${found}; index-mode ` +
        `suggestions memory mode lacks: ${extra}; entities with the same list: ${sameLists}\n` +
        `missed by first reason: ${JSON.stringify(Object.fromEntries(missed))}\n\n` +
        '| mode | p50 ms | p99 ms |\n|---|---|---|\n',
    );
    for (const [mode, list] of Object.entries(times)) {
      process.stdout.write(`| ${mode} | ${latencyCells(list).join(' | ')} |\n`);
    }
  } finally {
    await opened.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:index-similar: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
