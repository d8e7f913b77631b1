// CLI: tagging speed of the NER settings of one language side by side (the perceptron, the default tagger
// and the hybrid, which send the sentences the perceptron is least sure of to the neural tagger, and the
// neural tagger alone), in one process on the same sentences: a first pass each (caches cold), then passes
// taken in turn, the median reported beside the first.
// Sentence by sentence, as extraction tags running text. Reads a split of ../shared/corpus (dev by
// default); skips with a reason without it or without the neural model. `--extract N` times the whole
// extraction (POST /analyze's, one thread) of the language's first N corpus articles instead;
// `--reference` adds the straightforward neural implementation to either.
// Options: npm run bench:ner -- --help.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { neuralTaggerOf } from '../src/entities/load-taggers.js';
import { createHybridTagger } from '../src/entities/ner/create-hybrid-tagger.js';
import { loadExtractor } from '../src/entities/load-extractor.js';
import { createReferenceNeuralTagger } from '../src/entities/ner/create-reference-neural-tagger.js';
import { createTagger, type Tagger } from '../src/entities/ner/create-tagger.js';
import { loadModel } from '../src/entities/ner/load-model.js';
import { loadNeuralModel } from '../src/entities/ner/load-neural-model.js';
import { NER_CORPUS_FILES } from '../src/entities/ner/ner-corpus-files.js';
import { readNerCorpus } from '../src/entities/ner/read-ner-corpus.js';
import { GIVEN_NAMES_FILE, taggerFilesOf } from '../src/open-search.js';
import { parseCli } from './parse-cli.js';
import { NER_CORPUS_OPTION, NER_MODELS_OPTION } from './ner-cli-options.js';

const { values } = parseCli({
  usage:
    'npm run bench:ner -- [--lang de|en] [--split dev|test] [--passes N] [--extract N] [--reference]\n' +
    '  [--corpus DIR] [--models DIR]',
  description:
    'Tokens per second of each NER setting (perceptron, tagger, hybrid, neural) of one language, in one\n' +
    'run; with --extract N, articles per second of the whole extraction with each.',
  options: {
    lang: { type: 'string', value: 'de|en', default: 'de', description: 'language' },
    split: { type: 'string', value: 'dev|test', default: 'dev', description: 'the sentences tagged' },
    passes: { type: 'string', value: 'N', default: '3', description: 'timed passes per tagger (median)' },
    extract: {
      type: 'string',
      value: 'N',
      default: '0',
      description: "time extraction of the first N articles of the corpus's <lang>-news.jsonl instead",
    },
    reference: {
      type: 'boolean',
      default: false,
      description: 'also time the straightforward neural implementation (the fast one is tested against it)',
    },
    corpus: NER_CORPUS_OPTION,
    models: NER_MODELS_OPTION,
  },
});
const lang = values.lang === 'en' ? 'en' : 'de';
const articleCount = Number(values.extract);
if (!Number.isInteger(articleCount) || articleCount < 0) {
  console.error(`bench-ner-taggers: --extract takes a number of articles, not "${values.extract}".`);
  process.exit(2);
}
const neuralPath = join(values.models, `ner-${lang}-neural.bin.gz`);
if (!existsSync(values.corpus)) {
  console.log(`bench-ner-taggers: skipped, corpus folder ${values.corpus} not found.`);
  process.exit(0);
}
if (!existsSync(neuralPath)) {
  console.log(`bench-ner-taggers: skipped, no neural model ${neuralPath}.`);
  process.exit(0);
}
const perceptronModel = await loadModel(join(values.models, `ner-${lang}.bin.gz`));
const perceptron = createTagger(perceptronModel);
const neuralModel = await loadNeuralModel(neuralPath);
// Each setting with its own files and thresholds, as the product loads them (the default re-tags German with
// the small model), the files read from --models; a file two settings share is loaded once.
const neuralTaggers = new Map<string, Tagger>();
const taggers: Array<[string, Tagger]> = [];
for (const ner of ['perceptron', 'tagger', 'hybrid', 'neural'] as const) {
  const files = taggerFilesOf(ner);
  const file = files?.neural?.[lang];
  const path = file === undefined ? undefined : join(values.models, basename(file));
  if (path !== undefined && !existsSync(path)) {
    console.log(`bench-ner-taggers: NER=${ner} left out, no neural model ${path}.`);
    continue;
  }
  let neural = path === undefined ? undefined : neuralTaggers.get(path);
  if (path !== undefined && !neural) {
    const model = path === neuralPath ? neuralModel : await loadNeuralModel(path);
    neural = neuralTaggerOf(model, perceptronModel, perceptron);
    neuralTaggers.set(path, neural);
  }
  const threshold = files?.hybrid?.[lang];
  const tagger =
    neural && threshold !== undefined ? createHybridTagger(perceptron, neural, { threshold }) : neural;
  taggers.push([ner, tagger ?? perceptron]);
}
if (values.reference) {
  const reference = neuralTaggerOf(neuralModel, perceptronModel, perceptron, createReferenceNeuralTagger);
  taggers.push(['reference', reference]);
}

/** Seconds of each job's first run (caches cold) and the median of `passes` runs after it, taken in turn. */
function timeJobs(jobs: Array<[string, () => void]>): Map<string, { first: number; median: number }> {
  const time = (job: () => void): number => {
    const started = performance.now();
    job();
    return (performance.now() - started) / 1000;
  };
  const first = new Map(jobs.map(([name, job]) => [name, time(job)]));
  const times = new Map<string, number[]>(jobs.map(([name]) => [name, []]));
  for (let p = 0; p < Math.max(1, Number(values.passes)); p++) {
    for (const [name, job] of jobs) times.get(name)?.push(time(job));
  }
  return new Map(
    [...times].map(([name, list]) => [
      name,
      {
        first: first.get(name) ?? 1,
        median: [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 1,
      },
    ]),
  );
}

const passes = Math.max(1, Number(values.passes));
if (articleCount > 0) {
  const file = join(values.corpus, `${lang}-news.jsonl`);
  const texts = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, articleCount)
    .map((line) => (JSON.parse(line) as { body: string }).body);
  const { kbFiles } = loadConfig({});
  const jobs = taggers.map(([name, tagger]): [string, () => void] => {
    const { extract } = loadExtractor({
      kbFiles,
      givenNamesFile: GIVEN_NAMES_FILE,
      taggers: { [lang]: tagger },
    });
    return [name, () => texts.forEach((text) => extract(text, lang))];
  });
  const words = texts.reduce((n, text) => n + text.split(/\s+/).length, 0);
  console.log(`${lang}: extraction of ${texts.length} articles of ${file} (${words} words), one thread`);
  for (const [name, { first, median }] of timeJobs(jobs)) {
    const label = name === 'reference' ? name : `NER=${name}`;
    const rate = (seconds: number): string => `${(texts.length / seconds).toFixed(1)} articles/s`;
    console.log(
      `${label.padEnd(15)} first pass ${rate(first)}, then ${rate(median)} (median of ${passes} passes)`,
    );
  }
} else {
  const files = NER_CORPUS_FILES[lang];
  const sentences = await readNerCorpus(values.corpus, values.split === 'test' ? files.test : files.dev);
  const tokens = sentences.reduce((n, s) => n + s.tokens.length, 0);
  const jobs = taggers.map(([name, tagger]): [string, () => void] => [
    name,
    () => sentences.forEach((s) => tagger.tag(s.tokens)),
  ]);
  console.log(
    `${lang} ${values.split}: ${sentences.length} sentences, ${tokens} tokens, sentence by sentence`,
  );
  for (const [name, { first, median }] of timeJobs(jobs)) {
    const rate = (seconds: number): string => `${Math.round(tokens / seconds)} tokens/s`;
    console.log(
      `${name.padEnd(11)} first pass ${rate(first)}, then ${rate(median)} (median of ${passes} passes)`,
    );
  }
}
