// CLI: scores the shipped NER models on the test splits: GermEval 2014 (outer spans, strict, all 12
// labels, and PER/ORG/LOC alone) and CoNLL-2003 English (conlleval exact-span micro F1), plus tagging speed.
// Usage: tsx scripts/eval-ner.ts [--json] [--corpus DIR] [--models DIR]

import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createTagger } from '../src/entities/ner/create-tagger.js';
import { loadModel } from '../src/entities/ner/load-model.js';
import { NER_CORPUS_FILES } from '../src/entities/ner/ner-corpus-files.js';
import { readNerCorpus } from '../src/entities/ner/read-ner-corpus.js';
import { scoreSpans } from '../src/entities/ner/score-spans.js';
import type { SpanScores } from '../src/entities/ner/score-spans.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    corpus: { type: 'string', default: resolve(repoRoot, '../shared/corpus') },
    models: { type: 'string', default: join(repoRoot, 'data/models') },
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
for (const lang of ['de', 'en'] as const) {
  const path = join(values.models, `ner-${lang}.bin.gz`);
  if (!existsSync(path)) {
    console.error(`eval-ner: model ${path} not found; run "npm run train:ner -- --lang ${lang}" first.`);
    process.exit(1);
  }
  const files = NER_CORPUS_FILES[lang];
  const test = await readNerCorpus(values.corpus, files.test);
  const loadStart = performance.now();
  const model = await loadModel(path);
  const loadMs = performance.now() - loadStart;
  const tagger = createTagger(model);
  tagger.tag(test[0]?.tokens ?? []);
  const tagStart = performance.now();
  const predicted = test.map((s) => tagger.tag(s.tokens));
  const seconds = (performance.now() - tagStart) / 1000;
  const tokens = test.reduce((n, s) => n + s.tokens.length, 0);
  const scores: Record<string, SpanScores> = { all: scoreSpans(test, predicted) };
  if (lang === 'de') scores['PER/ORG/LOC'] = scoreSpans(test, predicted, ['PER', 'ORG', 'LOC']);
  const { size } = statSync(path);
  report[lang] = {
    test: files.test.path,
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
      `\n${lang}: ${r.test}  (model ${r.modelMB.toFixed(2)} MB, loaded in ${r.loadMs.toFixed(0)} ms)`,
    );
    console.log(`tagging: ${r.tokens} tokens at ${Math.round(r.tokensPerSecond)} tokens/s`);
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
