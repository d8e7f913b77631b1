// CLI: tagging speed of the perceptron and the neural tagger (NER=neural) of one language side by side, in
// one process on the same sentences: a warm-up pass each, then passes taken in turn, the median reported.
// Sentence by sentence, as extraction tags running text. Reads a split of ../shared/corpus (dev by
// default); skips with a reason without it or without the neural model. Options: npm run bench:ner -- --help.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { neuralTaggerOf } from '../src/entities/load-taggers.js';
import { createTagger, type Tagger } from '../src/entities/ner/create-tagger.js';
import { loadModel } from '../src/entities/ner/load-model.js';
import { loadNeuralModel } from '../src/entities/ner/load-neural-model.js';
import { NER_CORPUS_FILES } from '../src/entities/ner/ner-corpus-files.js';
import { readNerCorpus } from '../src/entities/ner/read-ner-corpus.js';
import { parseCli } from './parse-cli.js';
import { NER_CORPUS_OPTION, NER_MODELS_OPTION } from './ner-cli-options.js';

const { values } = parseCli({
  usage: 'npm run bench:ner -- [--lang de|en] [--split dev|test] [--passes N] [--corpus DIR] [--models DIR]',
  description: 'Tokens per second of the perceptron and the neural tagger of one language, in one run.',
  options: {
    lang: { type: 'string', value: 'de|en', default: 'de', description: 'language' },
    split: { type: 'string', value: 'dev|test', default: 'dev', description: 'the sentences tagged' },
    passes: { type: 'string', value: 'N', default: '3', description: 'timed passes per tagger (median)' },
    corpus: NER_CORPUS_OPTION,
    models: NER_MODELS_OPTION,
  },
});
const lang = values.lang === 'en' ? 'en' : 'de';
const neuralPath = join(values.models, `ner-${lang}-neural.bin.gz`);
if (!existsSync(values.corpus)) {
  console.log(`bench-ner-taggers: skipped, corpus folder ${values.corpus} not found.`);
  process.exit(0);
}
if (!existsSync(neuralPath)) {
  console.log(`bench-ner-taggers: skipped, no neural model ${neuralPath}.`);
  process.exit(0);
}
const files = NER_CORPUS_FILES[lang];
const sentences = await readNerCorpus(values.corpus, values.split === 'test' ? files.test : files.dev);
const tokens = sentences.reduce((n, s) => n + s.tokens.length, 0);
const perceptronModel = await loadModel(join(values.models, `ner-${lang}.bin.gz`));
const perceptron = createTagger(perceptronModel);
const taggers: Array<[string, Tagger]> = [
  ['perceptron', perceptron],
  ['neural', neuralTaggerOf(await loadNeuralModel(neuralPath), perceptronModel, perceptron)],
];
const pass = (tagger: Tagger): number => {
  const started = performance.now();
  for (const s of sentences) tagger.tag(s.tokens);
  return (performance.now() - started) / 1000;
};
for (const [, tagger] of taggers) pass(tagger);
const times = new Map<string, number[]>(taggers.map(([name]) => [name, []]));
for (let p = 0; p < Math.max(1, Number(values.passes)); p++) {
  for (const [name, tagger] of taggers) times.get(name)?.push(pass(tagger));
}
console.log(`${lang} ${values.split}: ${sentences.length} sentences, ${tokens} tokens, sentence by sentence`);
for (const [name, list] of times) {
  const sorted = [...list].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 1;
  console.log(`${name.padEnd(11)} ${Math.round(tokens / median)} tokens/s (median of ${list.length} passes)`);
}
