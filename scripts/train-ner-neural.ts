// CLI: trains and exports the English neural tagger (NER=neural): writes the splits with their lexicon
// features (scripts/dump-ner-features.ts), then trains and exports the BiLSTM-CRF with PyTorch
// (scripts/train-ner-neural.py, which skips with a reason where PyTorch is missing). Options:
// npm run train:ner:neural -- --help.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCli } from './parse-cli.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseCli({
  usage: 'npm run train:ner:neural -- [--python PATH] [--out FILE]',
  description:
    'Writes the English NER splits with lexicon features, then trains and exports the BiLSTM-CRF with\n' +
    'PyTorch (a Python that has it: Debian python3-torch is /usr/bin/python3). Reads ../shared/corpus.',
  options: {
    python: {
      type: 'string',
      value: 'PATH',
      default: process.env.PYTHON ?? 'python3',
      description: 'the Python with PyTorch (or PYTHON=)',
    },
    out: {
      type: 'string',
      value: 'FILE',
      default: join(repoRoot, 'data/models/ner-en-neural.bin.gz'),
      description: 'the model file written',
    },
  },
});

const steps: Array<[string, string[]]> = [
  [process.execPath, ['--import', 'tsx', join(repoRoot, 'scripts/dump-ner-features.ts'), '--lang', 'en']],
  [values.python, [join(repoRoot, 'scripts/train-ner-neural.py'), '--lang', 'en', '--export', values.out]],
];
for (const [command, args] of steps) {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.error) {
    console.error(`train:ner:neural: cannot run ${command}: ${result.error.message}`);
    process.exit(2);
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
}
