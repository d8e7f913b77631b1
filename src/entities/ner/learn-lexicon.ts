// Learns the word-level resources of a language from unlabeled text: the news JSONL plus the tokens (not
// the tags) of the training files. Word clusters and the case profile depend only on that text, so they
// can be cached between training runs. Given pretrained word vectors, the clusters come from those instead,
// over a bounded vocabulary: the most frequent embedding words plus the words of that text. Clusters learned
// elsewhere from large text (German: GermaParl) take precedence for the words they cover, and a large plain
// text adds to the case profile.

import { join } from 'node:path';
import { buildCaseProfile } from './build-case-profile.js';
import { buildWordClusters } from './build-word-clusters.js';
import type { CLUSTER_DEFAULTS } from './build-word-clusters.js';
import { clusterWordVectors } from './cluster-word-vectors.js';
import type { VECTOR_CLUSTER_DEFAULTS } from './cluster-word-vectors.js';
import type { NerLanguageCorpus } from './ner-corpus-files.js';
import { normalizeToken } from './normalize-token.js';
import { readNerCorpus } from './read-ner-corpus.js';
import { readFlatClusters } from './read-flat-clusters.js';
import { readNewsSentences } from './read-news-sentences.js';
import { readPlainParagraphs } from './read-plain-paragraphs.js';
import { readWordEmbeddings } from './read-word-embeddings.js';
import type { Lexicon, TaggedSentence } from './types.js';

/** Where the pretrained vectors are, how many of their most frequent words to keep, and how to cluster. */
export interface EmbeddingSource extends Partial<typeof VECTOR_CLUSTER_DEFAULTS> {
  path: string;
  topWords: number;
}

/**
 * Builds word clusters and the case profile from `files.unlabeled` under `corpusRoot` plus `train`; with
 * `embeddings` the clusters come from the pretrained word vectors instead of the text's contexts.
 */
export async function learnLexicon(
  corpusRoot: string,
  files: NerLanguageCorpus,
  train: readonly TaggedSentence[],
  clusterOptions: Partial<typeof CLUSTER_DEFAULTS> = {},
  embeddings?: EmbeddingSource,
): Promise<Required<Pick<Lexicon, 'clusters' | 'caseProfile'>>> {
  const news = await readNewsSentences(join(corpusRoot, files.unlabeled.news));
  const extra = await Promise.all(files.unlabeled.extra.map((f) => readNerCorpus(corpusRoot, f)));
  const text = [...news, ...[train, ...extra].flatMap((set) => set.map((s) => s.tokens.map(normalizeToken)))];
  const lower = text.map((s) => s.map((t) => t.toLowerCase()));
  const { clusters: flatFile, caseText } = files.unlabeled;
  const more = caseText ? await readPlainParagraphs(join(corpusRoot, caseText)) : [];
  const caseProfile = buildCaseProfile(
    (function* () {
      yield* text;
      yield* more;
    })(),
  );
  if (!embeddings) {
    const clusters = buildWordClusters(lower, clusterOptions);
    if (!flatFile) return { caseProfile, clusters };
    return {
      caseProfile,
      clusters: withFlatClusters(clusters, await readFlatClusters(join(corpusRoot, flatFile))),
    };
  }
  // The vectors are keyed by lower-cased word. The dev and test splits add no words: their words are
  // clustered only if frequent or in the news, as an article's words would be.
  const vocabulary = new Set(lower.flat());
  const { path, topWords, ...vectorOptions } = embeddings;
  const { words, vectors, dims } = await readWordEmbeddings(path, vocabulary, topWords);
  return { caseProfile, clusters: clusterWordVectors(words, vectors, dims, vectorOptions) };
}

/**
 * The flat clusters of large text for the words they cover (their finest level repeated where a word has
 * no path of its own, else that path as the finest level), the learned paths for the rest.
 */
function withFlatClusters(paths: Map<string, string>, flat: Map<string, string>): Map<string, string> {
  const merged = new Map(paths);
  for (const [word, levels] of flat) {
    const path = paths.get(word.toLowerCase());
    merged.set(word, path === undefined ? levels : `${levels}|${path}`);
  }
  return merged;
}
