// CLI: scores predicted IOB2 tags (a JSON array with one tag list per sentence of a split, as the neural
// training script writes them) with eval:ner's own scorer, so a model outside the TypeScript tagger is
// measured by the same numbers: all labels and PER/ORG/LOC, strict exact spans.
// Usage: npx tsx scripts/score-ner-predictions.ts --lang de|en --split dev|test --predictions FILE

import { parseCli } from './parse-cli.js';
import { NER_CORPUS_OPTION } from './ner-cli-options.js';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { NER_CORPUS_FILES } from '../src/entities/ner/ner-corpus-files.js';
import { readNerCorpus } from '../src/entities/ner/read-ner-corpus.js';
import { scoreSpans } from '../src/entities/ner/score-spans.js';

const { values } = parseCli({
  usage: 'npx tsx scripts/score-ner-predictions.ts --lang de|en --split dev|test --predictions FILE',
  description: 'Scores predicted tags of a NER split as eval:ner does.',
  options: {
    lang: { type: 'string', value: 'de|en', default: 'de', description: 'language' },
    split: { type: 'string', value: 'dev|test', default: 'dev', description: 'split' },
    predictions: { type: 'string', value: 'FILE', default: '', description: 'JSON tag lists' },
    corpus: NER_CORPUS_OPTION,
  },
});
if (!existsSync(values.corpus)) {
  console.log(`score-ner-predictions: skipped, corpus folder ${values.corpus} not found.`);
  process.exit(0);
}
const files = NER_CORPUS_FILES[values.lang === 'en' ? 'en' : 'de'];
const sentences = await readNerCorpus(values.corpus, values.split === 'test' ? files.test : files.dev);
const predicted = JSON.parse(await readFile(values.predictions, 'utf8')) as string[][];
if (predicted.length !== sentences.length) {
  console.error(`score-ner-predictions: ${predicted.length} predictions for ${sentences.length} sentences`);
  process.exit(1);
}
const pct = (x: number): string => (x * 100).toFixed(2);
for (const [name, labels] of [
  ['all', undefined],
  ['PER/ORG/LOC', ['PER', 'ORG', 'LOC']],
] as const) {
  const { overall: o } = scoreSpans(sentences, predicted, labels);
  console.log(
    `${name}: P ${pct(o.precision)} R ${pct(o.recall)} F1 ${pct(o.f1)} (tp ${o.tp} fp ${o.fp} fn ${o.fn})`,
  );
}
