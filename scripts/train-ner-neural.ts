// CLI: trains and exports a neural tagger (NER=neural): writes the splits with their lexicon features
// (scripts/dump-ner-features.ts), then trains and exports the BiLSTM-CRF with PyTorch
// (scripts/train-ner-neural.py, which skips with a reason where PyTorch is missing). German reads the
// fastText vectors of `npm run train:vectors:de` (run it first; GermaParl, non-commercial). Options:
// npm run train:ner:neural -- --help.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCli } from './parse-cli.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// The shipped models' settings, chosen on dev (docs/neural-ner.md). English: hidden 32 (a third of the
// work of 64 at the same dev F1 when trained longer), 18 epochs as dev chose, then trained on train + dev
// for them. German: no cluster inputs (the TypeScript tagger has none; the fastText vectors come from the
// same parliamentary text), the whole fastText vocabulary and the training words seen twice, any other word
// <unk> (in training as at run time), a training word seen once read as <unk> half of the time. A hashed
// subword table (--subwords) gave no dev gain and is not used.
const LANGUAGE_ARGS = {
  en: ['--hidden', '32', '--epochs', '18', '--with-dev'],
  de: ['--no-clusters', '--epochs', '12', '--max-vectors', '0', '--singleton-dropout', '0.5'],
} as const;

const { values } = parseCli({
  usage: 'npm run train:ner:neural -- [--lang en|de] [--python PATH] [--out FILE]',
  description:
    'Writes the NER splits with lexicon features, then trains and exports the BiLSTM-CRF with PyTorch\n' +
    '(a Python that has it: Debian python3-torch is /usr/bin/python3). Reads ../shared/corpus; German\n' +
    'also scratch/word-vectors-de (npm run train:vectors:de).',
  options: {
    lang: { type: 'string', value: 'en|de', default: 'en', description: 'language' },
    python: {
      type: 'string',
      value: 'PATH',
      default: process.env.PYTHON ?? 'python3',
      description: 'the Python with PyTorch (or PYTHON=)',
    },
    out: {
      type: 'string',
      value: 'FILE',
      description: 'the model file written (default: data/models/ner-<lang>-neural.bin.gz)',
    },
  },
});
const lang = values.lang === 'de' ? 'de' : 'en';
const out = values.out ?? join(repoRoot, `data/models/ner-${lang}-neural.bin.gz`);
const germanVectors = join(repoRoot, 'scratch/word-vectors-de/vectors.vec');
if (lang === 'de' && !existsSync(germanVectors)) {
  console.log(`train:ner:neural: skipped, ${germanVectors} not found; run "npm run train:vectors:de" first.`);
  process.exit(0);
}

const steps: Array<[string, string[]]> = [
  [process.execPath, ['--import', 'tsx', join(repoRoot, 'scripts/dump-ner-features.ts'), '--lang', lang]],
  [
    values.python,
    [join(repoRoot, 'scripts/train-ner-neural.py'), '--lang', lang, ...LANGUAGE_ARGS[lang], '--export', out],
  ],
];
for (const [command, args] of steps) {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.error) {
    console.error(`train:ner:neural: cannot run ${command}: ${result.error.message}`);
    process.exit(2);
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
}
