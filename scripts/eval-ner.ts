// CLI: scores the shipped NER models on the test splits (or, for tuning, the dev splits): GermEval 2014
// (outer spans, strict, all 12 labels, and PER/ORG/LOC alone) and CoNLL-2003 English (conlleval exact-span
// micro F1), plus tagging speed. Documents are tagged whole, as extraction tags an article. Beside the tagger
// alone it scores the whole extraction as POST /analyze returns it (tagger + linker + rules, the shipped
// knowledge base) on the same documents as running text: PER/ORG/LOC exact character spans, mentions
// marked derived left out, and the gap to the tagger alone on the same labels.
// Options: npm run eval:ner -- --help.

import { parseCli } from './parse-cli.js';
import { NER_CORPUS_OPTION, NER_MODELS_OPTION } from './ner-cli-options.js';
import { existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadConfig, type Config } from '../src/config.js';
import { LINKING_DEFAULTS, type UntaggedRule } from '../src/entities/create-extractor.js';
import { loadExtractor } from '../src/entities/load-extractor.js';
import { goldDocument, scoreCharSpans, type CharSpan } from '../src/entities/ner/gold-document.js';
import { createHybridTagger } from '../src/entities/ner/create-hybrid-tagger.js';
import { createTagger } from '../src/entities/ner/create-tagger.js';
import { loadModel } from '../src/entities/ner/load-model.js';
import { loadNeuralModel } from '../src/entities/ner/load-neural-model.js';
import { neuralTaggerOf } from '../src/entities/load-taggers.js';
import { groupDocuments } from '../src/entities/ner/group-documents.js';
import { NER_CORPUS_FILES } from '../src/entities/ner/ner-corpus-files.js';
import { readNerCorpus } from '../src/entities/ner/read-ner-corpus.js';
import { scoreSpans } from '../src/entities/ner/score-spans.js';
import type { SpanScore, SpanScores } from '../src/entities/ner/score-spans.js';
import { GIVEN_NAMES_FILE, taggerFilesOf } from '../src/open-search.js';

const { values } = parseCli({
  usage:
    'npm run eval:ner -- [--json] [--split test|dev] [--lang de|en] [--corpus DIR] [--models DIR]\n' +
    '  [--untagged all|strong|derived] [--no-rules-with-tagger] [--tagger perceptron|tagger|hybrid|neural]\n' +
    '  [--threshold X]',
  description:
    'Scores the NER models: GermEval 2014 (outer spans, strict; all 12 labels and PER/ORG/LOC alone) and\n' +
    'CoNLL-2003 English (exact spans, micro F1), and the tagging speed; then the whole extraction\n' +
    '(tagger, linker and rules, as POST /analyze) on the same documents, PER/ORG/LOC exact spans.',
  options: {
    json: { type: 'boolean', default: false, description: 'print the scores as JSON' },
    split: { type: 'string', value: 'test|dev', default: 'test', description: 'the split to score' },
    lang: { type: 'string', value: 'de|en', description: 'one language only (default: both)' },
    corpus: NER_CORPUS_OPTION,
    models: NER_MODELS_OPTION,
    untagged: {
      type: 'string',
      value: 'all|strong|derived',
      default: LINKING_DEFAULTS.untagged,
      description: 'which knowledge-base names the tagger did not propose the extraction keeps',
    },
    tagger: {
      type: 'string',
      value: 'perceptron|tagger|hybrid|neural',
      default: 'tagger',
      description:
        'which tagger, as the NER setting of that name: the perceptron alone; the perceptron with the\n' +
        'BiLSTM-CRF for the small share of sentences it is least sure of (the default; German: the small\n' +
        'ner-de-neural-small.bin.gz); ner-<lang>-neural.bin.gz for a larger share; that alone',
    },
    threshold: {
      type: 'string',
      value: 'X',
      description:
        "tagger, hybrid: the margin under which a sentence is tagged again (default: the setting's)",
    },
    'no-rules-with-tagger': {
      type: 'boolean',
      default: false,
      description: 'run the person-name rule only without a tagger',
    },
  },
});
const PER_ORG_LOC = ['PER', 'ORG', 'LOC'];
const LABEL_OF_TYPE: Record<string, string> = { person: 'PER', organization: 'ORG', location: 'LOC' };

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
  /** Hybrid: the threshold, and the share of sentences and tokens the neural tagger tagged again. */
  hybrid?: { threshold: number; sentences: number; tokens: number };
  /** PER/ORG/LOC: the tagger alone, the whole extraction, and the points the extraction loses. */
  extraction: { tagger: SpanScore; extraction: SpanScore; gap: number };
}

const report: Record<string, LanguageReport> = {};
if (values.split !== 'test' && values.split !== 'dev') {
  console.error(`eval-ner: --split must be test or dev, got "${values.split}"`);
  process.exit(1);
}
if (!['perceptron', 'tagger', 'hybrid', 'neural'].includes(values.tagger)) {
  console.error(`eval-ner: --tagger must be perceptron, tagger, hybrid or neural, got "${values.tagger}"`);
  process.exit(1);
}
// The setting's own files and thresholds, as the product loads them (the default re-tags German with the
// small model), the files read from --models.
const setting = taggerFilesOf(values.tagger as Config['ner']);
const mixed = setting?.hybrid !== undefined;
const threshold = values.threshold === undefined ? undefined : Number(values.threshold);
if (threshold !== undefined && !Number.isFinite(threshold)) {
  console.error(`eval-ner: --threshold must be a number, got "${values.threshold}"`);
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
  const neuralFile = setting?.neural?.[lang];
  const neuralPath = neuralFile === undefined ? undefined : join(values.models, basename(neuralFile));
  if (neuralPath !== undefined && !existsSync(neuralPath)) {
    console.log(`eval-ner: ${lang} skipped, no neural model ${neuralPath}.`);
    continue;
  }
  const loadStart = performance.now();
  const perceptron = await loadModel(path);
  const alone = createTagger(perceptron);
  const neural =
    neuralPath === undefined
      ? undefined
      : neuralTaggerOf(await loadNeuralModel(neuralPath), perceptron, alone);
  const limit = threshold ?? setting?.hybrid?.[lang] ?? 0;
  // What the hybrid tagger hands the neural one, counted as it asks (the same in every pass).
  const asked = { sentences: 0, tokens: 0 };
  const tagger =
    mixed && neural
      ? createHybridTagger(
          alone,
          {
            ...neural,
            tagDocument: (unsure) => {
              asked.sentences += unsure.length;
              asked.tokens += unsure.reduce((n, s) => n + s.length, 0);
              return neural.tagDocument(unsure);
            },
          },
          { threshold: limit },
        )
      : (neural ?? alone);
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
  // Speed is the median of three passes after a warm-up pass. The tagger caches up to 65,536 word forms
  // (WORD_CACHE_DEFAULTS) and starts over when full; a split has fewer, so the timed passes find every form
  // cached (until 2026-12-05 the cache held 8,192 and a pass found little left from the one before).
  tagAll();
  const tokens = sentences.reduce((n, s) => n + s.tokens.length, 0);
  const hybrid: LanguageReport['hybrid'] = mixed
    ? { threshold: limit, sentences: asked.sentences / sentences.length, tokens: asked.tokens / tokens }
    : undefined;
  const seconds = [tagAll(), tagAll(), tagAll()].sort((a, b) => a - b)[1] ?? 1;
  const scores: Record<string, SpanScores> = { all: scoreSpans(sentences, predicted) };
  scores['PER/ORG/LOC'] = scoreSpans(sentences, predicted, PER_ORG_LOC);

  const { extract } = loadExtractor({
    kbFiles: loadConfig({}).kbFiles,
    givenNamesFile: GIVEN_NAMES_FILE,
    taggers: { [lang]: tagger },
    linking: {
      untagged: values.untagged as UntaggedRule,
      rulesWithTagger: !values['no-rules-with-tagger'],
    },
  });
  const gold: CharSpan[] = [];
  const found: CharSpan[] = [];
  let offset = 0;
  for (const doc of documents) {
    const { text, spans } = goldDocument(
      doc.map((i) => sentences[i] ?? { tokens: [], tags: [] }),
      PER_ORG_LOC,
    );
    const extraction = extract(text, lang);
    const types = new Map(extraction.entities.map((e) => [e.id, e.type]));
    for (const span of spans) gold.push({ ...span, start: span.start + offset, end: span.end + offset });
    for (const m of extraction.mentions) {
      const label = LABEL_OF_TYPE[types.get(m.entityId) ?? ''];
      if (label && !m.derived) found.push({ start: m.start + offset, end: m.end + offset, label });
    }
    offset += text.length + 1;
  }
  const tagged = scores['PER/ORG/LOC'].overall;
  const whole = scoreCharSpans(gold, found);
  const { size } = statSync(neuralPath ?? path);
  report[lang] = {
    test: split.path,
    modelMB: size / 1e6,
    loadMs,
    tokens,
    tokensPerSecond: tokens / seconds,
    scores,
    ...(hybrid && { hybrid }),
    extraction: { tagger: tagged, extraction: whole, gap: (tagged.f1 - whole.f1) * 100 },
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
    if (r.hybrid) {
      console.log(
        `hybrid: margin under ${r.hybrid.threshold}: ${pct(r.hybrid.sentences).trim()}% of sentences, ` +
          `${pct(r.hybrid.tokens).trim()}% of tokens tagged again by the neural tagger`,
      );
    }
    for (const [name, s] of Object.entries(r.scores)) {
      console.log(`\n  ${name.padEnd(12)}   prec  recall      F1   gold`);
      for (const [label, x] of [...Object.entries(s.byLabel), ['overall', s.overall] as const]) {
        console.log(
          `  ${label.padEnd(12)}${pct(x.precision)}${pct(x.recall)}${pct(x.f1)}${String(x.tp + x.fn).padStart(7)}`,
        );
      }
    }
    const { tagger: t, extraction: e, gap } = r.extraction;
    console.log(`\n  PER/ORG/LOC     prec  recall      F1   (exact spans, derived mentions left out)`);
    console.log(`  tagger alone${pct(t.precision)}${pct(t.recall)}${pct(t.f1)}`);
    console.log(
      `  extraction  ${pct(e.precision)}${pct(e.recall)}${pct(e.f1)}   gap ${gap.toFixed(2)} points`,
    );
  }
}
