// Learns the word-level resources of a language from unlabeled text: the news JSONL plus the tokens (not
// the tags) of the training files. Word clusters and the case profile depend only on that text, so they
// can be cached between training runs.

import { join } from 'node:path';
import { buildCaseProfile } from './build-case-profile.js';
import { buildWordClusters } from './build-word-clusters.js';
import type { CLUSTER_DEFAULTS } from './build-word-clusters.js';
import type { NerLanguageCorpus } from './ner-corpus-files.js';
import { normalizeToken } from './normalize-token.js';
import { readNerCorpus } from './read-ner-corpus.js';
import { readNewsSentences } from './read-news-sentences.js';
import type { Lexicon, TaggedSentence } from './types.js';

/** Builds word clusters and the case profile from `files.unlabeled` under `corpusRoot` plus `train`. */
export async function learnLexicon(
  corpusRoot: string,
  files: NerLanguageCorpus,
  train: readonly TaggedSentence[],
  clusterOptions: Partial<typeof CLUSTER_DEFAULTS> = {},
): Promise<Required<Pick<Lexicon, 'clusters' | 'caseProfile'>>> {
  const news = await readNewsSentences(join(corpusRoot, files.unlabeled.news));
  const extra = await Promise.all(files.unlabeled.extra.map((f) => readNerCorpus(corpusRoot, f)));
  const text = [...news, ...[train, ...extra].flatMap((set) => set.map((s) => s.tokens.map(normalizeToken)))];
  return {
    caseProfile: buildCaseProfile(text),
    clusters: buildWordClusters(
      text.map((s) => s.map((t) => t.toLowerCase())),
      clusterOptions,
    ),
  };
}
