// Where each language's NER train/dev/test data lives inside the shared corpus folder, in which layout,
// and which labels each language's model predicts. Paths are relative to the corpus root.

import type { NerCorpusFormat } from './parse-ner-corpus.js';

/** One corpus file and its layout. */
export interface NerCorpusFile {
  path: string;
  format: NerCorpusFormat;
}

/** Corpus files and labels of one language. */
export interface NerLanguageCorpus {
  train: NerCorpusFile;
  dev: NerCorpusFile;
  test: NerCorpusFile;
  labels: readonly string[];
  /**
   * Unlabeled text for word clusters: news JSONL, plus training files whose tokens (not tags) are used;
   * optionally clusters learned from large text elsewhere (`word<TAB>level ids`) and a large plain text
   * (one paragraph a line, gzipped) that adds to the case profile.
   */
  unlabeled: { news: string; extra: readonly NerCorpusFile[]; clusters?: string; caseText?: string };
}

const GERMEVAL_BASE = ['PER', 'ORG', 'LOC', 'MISC'];

/** The train/dev/test files and labels per language (`de`: GermEval 2014, `en`: CoNLL-2003). */
export const NER_CORPUS_FILES: Readonly<Record<'de' | 'en', NerLanguageCorpus>> = {
  de: {
    train: { path: 'ner/germeval2014/train_bioes.train', format: 'token-tag' },
    dev: { path: 'ner/germeval2014/NER-de-dev.tsv', format: 'germeval-tsv' },
    test: { path: 'ner/germeval2014/NER-de-test.tsv', format: 'germeval-tsv' },
    labels: [
      ...GERMEVAL_BASE,
      ...GERMEVAL_BASE.map((l) => `${l}deriv`),
      ...GERMEVAL_BASE.map((l) => `${l}part`),
    ],
    unlabeled: {
      news: 'de-news.jsonl',
      extra: [{ path: 'ner/conll2003-de/train.train', format: 'token-tag' }],
      clusters: 'unlabeled-de/germaparl-clusters.tsv.gz',
      caseText: 'unlabeled-de/germaparl-sample.txt.gz',
    },
  },
  en: {
    train: { path: 'ner/conll2003/train.txt', format: 'conll2003' },
    dev: { path: 'ner/conll2003/valid.txt', format: 'conll2003' },
    test: { path: 'ner/conll2003/test.txt', format: 'conll2003' },
    labels: ['PER', 'ORG', 'LOC', 'MISC'],
    unlabeled: { news: 'en-news.jsonl', extra: [] },
  },
};
