// npm run bench:similar: how many of GET /entities/:id/similar's top suggestions are true duplicates on the
// corpus in ../shared/corpus. Indexes it (default settings) into DIR when DIR's index is empty, draws a
// sample of entities that have suggestions (people, organisations, places; provisional and knowledge-base
// alike), and prints each one's top three suggestions with score and reasons as a Markdown table, judged
// from FILE where a person judged the pair (true or false duplicate), with the precision of the top 1 and
// the top 3. Pairs not judged yet are listed to be judged. Without the corpus it says so and exits 0.
import { entitiesOf, entityAttributes, hasEntity } from '../src/graph/entity-table.js';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { apiDeps } from '../src/api-deps.js';
import { loadConfig, PROJECT_ROOT } from '../src/config.js';
import { aliasReader } from '../src/curation/alias-reader.js';
import { findSimilar, type SimilarEntity } from '../src/curation/find-similar.js';
import { createCooccurrenceGraph } from '../src/graph/create-cooccurrence-graph.js';
import { readInputs } from '../src/ingest/read-inputs.js';
import { createLogger } from '../src/logger.js';
import { openSearch } from '../src/open-search.js';
import { rebuildGraph } from '../src/sync-graph.js';
import { parseCli } from './parse-cli.js';
import { seededRandom } from '../src/entities/ner/seeded-random.js';

const CORPUS = path.resolve(PROJECT_ROOT, '..', 'shared', 'corpus');
const FILES = ['de-news.jsonl', 'en-news.jsonl'].map((file) => path.join(CORPUS, file));

const { values } = parseCli({
  usage: 'npm run bench:similar -- [--data-dir DIR] [--judgements FILE] [--per-stratum N] [--seed S]',
  description:
    'Judges the duplicate suggestions (GET /entities/:id/similar) on a sample of the corpus entities:\n' +
    'prints the sample with the top 3 suggestions and the judgements, and the top-1 and top-3 precision.',
  options: {
    'data-dir': {
      type: 'string',
      value: 'DIR',
      default: path.join(tmpdir(), 'newsgraph-bench-similar'),
      description: 'where the corpus is (or gets) indexed',
    },
    judgements: {
      type: 'string',
      value: 'FILE',
      default: path.join(PROJECT_ROOT, 'docs', 'similar-judgements.json'),
      description:
        'the samples and the judged pairs: {"samples": {name: [ids]}, "judgements": {"a|b": true}}',
    },
    sample: {
      type: 'string',
      value: 'NAME',
      default: 'baseline',
      description: 'the sample in FILE to judge; one not there is drawn and printed',
    },
    'per-stratum': {
      type: 'string',
      value: 'N',
      default: '7',
      description: 'entities per type (person, organization, location) and kind (prov, KB) when drawing',
    },
    seed: { type: 'string', value: 'S', default: '15', description: 'seed of the draw' },
  },
});

if (!FILES.every((file) => existsSync(file))) {
  console.log(`bench:similar skipped: the corpus is not at ${CORPUS} (de-news.jsonl, en-news.jsonl)`);
  process.exit(0);
}

interface Judged {
  samples?: Record<string, string[]>;
  judgements?: Record<string, boolean>;
}

/** A pair's key in the judgements: the two ids sorted, so that a|b and b|a are one pair. */
const pairKey = (a: string, b: string): string => [a, b].sort().join('|');

const logger = createLogger('warn');
const config = loadConfig({ ...process.env, DATA_DIR: values['data-dir'], SAMPLE_DATA: '' });
const opened = await openSearch(config, logger);
try {
  if ((await opened.search.countArticles()) === 0) {
    console.error(`indexing ${FILES.join(', ')} into ${values['data-dir']}…`);
    const deps = apiDeps(opened, createCooccurrenceGraph(), config, logger);
    await deps.indexArticles(readInputs(FILES, config.maxArticleChars), () => {});
  }
  const store = await rebuildGraph(opened.search);
  const aliasesOf = aliasReader(opened.kb.entities, opened.corrections);
  const similarOf = (id: string): SimilarEntity[] => findSimilar(store, id, aliasesOf, { limit: 3 }) ?? [];

  const file = values.judgements;
  const judged: Judged = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Judged) : {};
  const sample = judged.samples?.[values.sample]?.filter((id) => hasEntity(store, id)) ?? [];
  if (sample.length === 0) {
    const next = seededRandom(Number(values.seed));
    const perStratum = Number(values['per-stratum']);
    for (const type of ['person', 'organization', 'location']) {
      for (const provisional of [true, false]) {
        const pool = [...entitiesOf(store)]
          .filter(
            ([id, node]) =>
              node.type === type && id.startsWith('prov-') === provisional && node.articles >= 2,
          )
          .map(([id]) => ({ id, order: next() }))
          .sort((a, b) => a.order - b.order);
        let taken = 0;
        for (const { id } of pool) {
          if (taken === perStratum) break;
          if (similarOf(id).length > 0) {
            sample.push(id);
            taken += 1;
          }
        }
      }
    }
    console.log(
      `drawn sample (save it under "samples"."${values.sample}" in ${file}):\n${JSON.stringify(sample)}\n`,
    );
  }

  const verdicts = judged.judgements ?? {};
  const cell = (text: string) => text.replaceAll('|', '\\|');
  const rows: string[] = [];
  const unjudged: string[] = [];
  let withTop = 0;
  let top1 = 0;
  let suggested = 0;
  let top3 = 0;
  for (const id of sample) {
    const node = entityAttributes(store, id) as NonNullable<ReturnType<typeof entityAttributes>>;
    const similar = similarOf(id);
    if (similar.length > 0) withTop += 1;
    similar.forEach((suggestion, rank) => {
      const verdict = verdicts[pairKey(id, suggestion.id)];
      if (verdict === undefined)
        unjudged.push(`"${pairKey(id, suggestion.id)}": ${node.name} ~ ${suggestion.name}`);
      suggested += 1;
      if (verdict) top3 += 1;
      if (verdict && rank === 0) top1 += 1;
      rows.push(
        `| ${rank === 0 ? `${cell(node.name)} (\`${id}\`, ${node.type}, ${node.articles})` : ''} | ${rank + 1}. ` +
          `${cell(suggestion.name)} (\`${suggestion.id}\`, ${suggestion.articles}) | ${suggestion.score.toFixed(3)} | ` +
          `${cell(suggestion.reasons.join('; '))} | ${verdict === undefined ? '?' : verdict ? 'yes' : 'no'} |`,
      );
    });
    if (similar.length === 0)
      rows.push(`| ${cell(node.name)} (\`${id}\`, ${node.type}, ${node.articles}) | none | | | |`);
  }
  console.log('| entity (id, type, articles) | suggestion (id, articles) | score | reasons | duplicate? |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
  const share = (part: number, whole: number) =>
    whole === 0 ? 'n/a' : `${part}/${whole} = ${((100 * part) / whole).toFixed(1)}%`;
  console.log(`\nentities in the sample: ${sample.length}, with a suggestion: ${withTop}`);
  console.log(`top-1 precision: ${share(top1, withTop)}`);
  console.log(`top-3 precision: ${share(top3, suggested)} (of the suggestions shown, up to 3 each)`);
  if (unjudged.length > 0) console.log(`\nnot judged yet (${unjudged.length}):\n${unjudged.join('\n')}`);
} finally {
  await opened.close();
}
