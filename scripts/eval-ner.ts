// CLI: scores the shipped NER models on the test splits (or, for tuning, the dev splits): GermEval 2014
// (outer spans, strict, all 12 labels, and PER/ORG/LOC alone) and CoNLL-2003 English (conlleval exact-span
// micro F1), plus tagging speed. Documents are tagged whole, as extraction tags an article.
// Options: npm run eval:ner -- --help.

import { parseCli } from './parse-cli.js';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTagger } from '../src/entities/ner/create-tagger.js';
import { loadModel } from '../src/entities/ner/load-model.js';
import { groupDocuments } from '../src/entities/ner/group-documents.js';
import { NER_CORPUS_FILES } from '../src/entities/ner/ner-corpus-files.js';
import { readNerCorpus } from '../src/entities/ner/read-ner-corpus.js';
import { scoreSpans } from '../src/entities/ner/score-spans.js';
import type { SpanScores } from '../src/entities/ner/score-spans.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseCli({
  usage: 'npm run eval:ner -- [--json] [--split test|dev] [--lang de|en] [--corpus DIR] [--models DIR]',
  description:
    'Scores the NER models: GermEval 2014 (outer spans, strict; all 12 labels and PER/ORG/LOC alone) and\n' +
    'CoNLL-2003 English (exact spans, micro F1), and the tagging speed.',
  options: {
    json: { type: 'boolean', default: false, description: 'print the scores as JSON' },
    split: { type: 'string', value: 'test|dev', default: 'test', description: 'the split to score' },
    lang: { type: 'string', value: 'de|en', description: 'one language only (default: both)' },
    corpus: {
      type: 'string',
      value: 'DIR',
      default: resolve(repoRoot, '../shared/corpus'),
      description: 'where the GermEval and CoNLL files are',
    },
    models: {
      type: 'string',
      value: 'DIR',
      default: join(repoRoot, 'data/models'),
      description: 'where ner-de.bin.gz and ner-en.bin.gz are',
    },
  },
});

if (!existsSync(values.corpus)) {
  console.log(
    `eval-ner: skipped, corpus folder ${values.corpus} not found (the test data is not in this checkout).`,
  );
  process.exit(0);
}

interface LanguageReport {
  test: string;
  modelMB: number;
  loadMs: number;
  tokens: number;
  tokensPerSecond: number;
  scores: Record<string, SpanScores>;
}

const report: Record<string, LanguageReport> = {};
if (values.split !== 'test' && values.split !== 'dev') {
  console.error(`eval-ner: --split must be test or dev, got "${values.split}"`);
  process.exit(1);
}
const langs = (['de', 'en'] as const).filter((l) => !values.lang || l === values.lang);
for (const lang of langs) {
  const path = join(values.models, `ner-${lang}.bin.gz`);
  if (!existsSync(path)) {
    console.error(`eval-ner: model ${path} not found; run "npm run train:ner -- --lang ${lang}" first.`);
    process.exit(1);
  }
  const files = NER_CORPUS_FILES[lang];
  const split = values.split === 'dev' ? files.dev : files.test;
  const sentences = await readNerCorpus(values.corpus, split);
  const documents = groupDocuments(sentences);
  const loadStart = performance.now();
  const tagger = createTagger(await loadModel(path));
  const loadMs = performance.now() - loadStart;
  const predicted: string[][] = [];
  const tagAll = (): number => {
    const started = performance.now();
    for (const doc of documents) {
      const tagged = tagger.tagDocument(doc.map((i) => sentences[i]?.tokens ?? []));
      doc.forEach((i, k) => (predicted[i] = tagged[k] ?? []));
    }
    return (performance.now() - started) / 1000;
  };
  // Speed is the median of three passes after a warm-up pass, as a long-running extraction sees it. The
  // tagger caches at most 8192 word forms (WORD_CACHE_DEFAULTS) and starts over when full; every split has
  // more, so a pass finds little left from the one before (1-9% fewer cache misses than the first pass).
  tagAll();
  const seconds = [tagAll(), tagAll(), tagAll()].sort((a, b) => a - b)[1] ?? 1;
  const tokens = sentences.reduce((n, s) => n + s.tokens.length, 0);
  const scores: Record<string, SpanScores> = { all: scoreSpans(sentences, predicted) };
  if (lang === 'de') scores['PER/ORG/LOC'] = scoreSpans(sentences, predicted, ['PER', 'ORG', 'LOC']);
  const { size } = statSync(path);
  report[lang] = {
    test: split.path,
    modelMB: size / 1e6,
    loadMs,
    tokens,
    tokensPerSecond: tokens / seconds,
    scores,
  };
}

if (values.json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const pct = (x: number): string => (x * 100).toFixed(2).padStart(7);
  for (const [lang, r] of Object.entries(report)) {
    console.log(
      `\n${lang}: ${r.test}  (model ${r.modelMB.toFixed(2)} MB, loaded and compiled in ${r.loadMs.toFixed(0)} ms)`,
    );
    console.log(
      `tagging: ${r.tokens} tokens at ${Math.round(r.tokensPerSecond)} tokens/s (median of 3 passes after a warm-up)`,
    );
    for (const [name, s] of Object.entries(r.scores)) {
      console.log(`\n  ${name.padEnd(12)}   prec  recall      F1   gold`);
      for (const [label, x] of [...Object.entries(s.byLabel), ['overall', s.overall] as const]) {
        console.log(
          `  ${label.padEnd(12)}${pct(x.precision)}${pct(x.recall)}${pct(x.f1)}${String(x.tp + x.fn).padStart(7)}`,
        );
      }
    }
  }
}
