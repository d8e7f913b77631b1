// The options the NER scripts share (eval:ner, bench:ner, dump:ner, score-ner-predictions): where the
// GermEval and CoNLL files are, and where the model files are.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const NER_CORPUS_OPTION = {
  type: 'string',
  value: 'DIR',
  default: resolve(repoRoot, '../shared/corpus'),
  description: 'where the GermEval and CoNLL files are',
} as const;

export const NER_MODELS_OPTION = {
  type: 'string',
  value: 'DIR',
  default: join(repoRoot, 'data/models'),
  description: 'where the model files are (ner-<lang>.bin.gz, ner-<lang>-neural.bin.gz)',
} as const;
