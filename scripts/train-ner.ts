// CLI: trains the German (GermEval 2014) and English (CoNLL-2003) NER models on their train splits,
// prints dev P/R/F1 after each epoch, keeps each seed's best epoch, averages K seeds and writes data/models/ner-<lang>.bin.gz.
// Usage: tsx scripts/train-ner.ts [--lang de|en] [--epochs N] [--seed S] [--ensemble K] [--no-lexicon] [--corpus DIR]

import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { averageModels } from '../src/entities/ner/average-models.js';
import { buildCaseProfile } from '../src/entities/ner/build-case-profile.js';
import { buildWordClusters } from '../src/entities/ner/build-word-clusters.js';
import { createTagger } from '../src/entities/ner/create-tagger.js';
import { NER_CORPUS_FILES } from '../src/entities/ner/ner-corpus-files.js';
import { normalizeToken } from '../src/entities/ner/normalize-token.js';
import { readNerCorpus } from '../src/entities/ner/read-ner-corpus.js';
import { readNewsSentences } from '../src/entities/ner/read-news-sentences.js';
import { scoreSpans } from '../src/entities/ner/score-spans.js';
import { serializeModel } from '../src/entities/ner/serialize-model.js';
import { trainTagger, TRAIN_DEFAULTS } from '../src/entities/ner/train-tagger.js';
import type { SpanScore } from '../src/entities/ner/score-spans.js';
import type { NerModel } from '../src/entities/ner/types.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    lang: { type: 'string' },
    epochs: { type: 'string', default: '8' },
    seed: { type: 'string', default: String(TRAIN_DEFAULTS.seed) },
    ensemble: { type: 'string', default: '3' },
    'no-lexicon': { type: 'boolean', default: false },
    corpus: { type: 'string', default: resolve(repoRoot, '../shared/corpus') },
    out: { type: 'string', default: join(repoRoot, 'data/models') },
  },
});

if (!existsSync(values.corpus)) {
  console.error(
    `train-ner: corpus folder ${values.corpus} not found; the NER training data is not in this checkout.`,
  );
  process.exit(1);
}
const langs = values.lang ? [values.lang] : ['de', 'en'];
for (const lang of langs) {
  if (lang !== 'de' && lang !== 'en') {
    console.error(`train-ner: --lang must be de or en, got "${lang}"`);
    process.exit(1);
  }
  const files = NER_CORPUS_FILES[lang];
  const train = await readNerCorpus(values.corpus, files.train);
  const dev = await readNerCorpus(values.corpus, files.dev);
  console.log(`[${lang}] train ${train.length} sentences, dev ${dev.length} sentences`);
  let clusters: Map<string, string> | undefined;
  let caseProfile: Map<string, number> | undefined;
  if (!values['no-lexicon']) {
    const started = Date.now();
    const news = await readNewsSentences(join(values.corpus, files.unlabeled.news));
    const extra = await Promise.all(files.unlabeled.extra.map((f) => readNerCorpus(values.corpus, f)));
    const text = [
      ...news,
      ...[train, ...extra].flatMap((set) => set.map((s) => s.tokens.map(normalizeToken))),
    ];
    caseProfile = buildCaseProfile(text);
    clusters = buildWordClusters(text.map((s) => s.map((t) => t.toLowerCase())));
    console.log(
      `[${lang}] ${clusters.size} word clusters, ${caseProfile.size} case profiles in ${Date.now() - started} ms`,
    );
  }
  const scoreDev = (candidate: NerModel): SpanScore => {
    const tagger = createTagger(candidate);
    return scoreSpans(
      dev,
      dev.map((s) => tagger.tag(s.tokens)),
    ).overall;
  };
  const members: NerModel[] = [];
  for (let k = 0; k < Number(values.ensemble); k++) {
    const seed = Number(values.seed) + k;
    let last = Date.now();
    const {
      model: member,
      bestEpoch,
      bestScore,
    } = trainTagger(train, {
      lang,
      labels: files.labels,
      epochs: Number(values.epochs),
      seed,
      clusters,
      caseProfile,
      onEpoch(epoch, candidate, errorRate) {
        const trained = Date.now() - last;
        const scores = scoreDev(candidate);
        const line = [
          `[${lang}] seed ${seed} epoch ${String(epoch).padStart(2)}`,
          `train err ${(errorRate * 100).toFixed(2)}%`,
          `dev P ${scores.precision.toFixed(4)} R ${scores.recall.toFixed(4)} F1 ${scores.f1.toFixed(4)}`,
          `${(trained / 1000).toFixed(1)} s`,
        ];
        console.log(line.join('  '));
        last = Date.now();
        return scores.f1;
      },
    });
    console.log(`[${lang}] seed ${seed}: best epoch ${bestEpoch} (dev F1 ${bestScore?.toFixed(4)})`);
    members.push(member);
  }
  const model = averageModels(members);
  const final = scoreDev(model);
  const summary = `average of ${members.length} seeds: dev P ${final.precision.toFixed(4)} R ${final.recall.toFixed(4)} F1 ${final.f1.toFixed(4)}`;
  await mkdir(values.out, { recursive: true });
  const path = join(values.out, `ner-${lang}.bin.gz`);
  const bytes = serializeModel(model);
  await writeFile(path, bytes);
  console.log(`[${lang}] ${summary}; wrote ${path} (${(bytes.length / 1e6).toFixed(2)} MB)`);
}
