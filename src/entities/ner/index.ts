// Public surface of the statistical NER tagger: load a trained model, tag tokenised sentences and turn
// the tags into labelled spans; training and scoring helpers are exported for the scripts.

export { createTagger } from './create-tagger.js';
export type { Tagger } from './create-tagger.js';
export { decodeSpans } from './decode-spans.js';
export { loadModel } from './load-model.js';
export { parseModel } from './parse-model.js';
export { serializeModel } from './serialize-model.js';
export { trainTagger, TRAIN_DEFAULTS } from './train-tagger.js';
export type { TrainOptions } from './train-tagger.js';
export { averageModels } from './average-models.js';
export { buildCaseProfile, CASE_PROFILE_DEFAULTS } from './build-case-profile.js';
export { buildWordClusters, CLUSTER_DEFAULTS } from './build-word-clusters.js';
export { clusterWordVectors, VECTOR_CLUSTER_DEFAULTS } from './cluster-word-vectors.js';
export { scoreSpans } from './score-spans.js';
export type { SpanScore, SpanScores } from './score-spans.js';
export { parseNerCorpus } from './parse-ner-corpus.js';
export type { NerCorpusFormat } from './parse-ner-corpus.js';
export { readNerCorpus } from './read-ner-corpus.js';
export { NER_CORPUS_FILES } from './ner-corpus-files.js';
export { NerModelError } from './ner-model-error.js';
export { groupDocuments } from './group-documents.js';
export { buildGazetteerPhrases } from './build-gazetteer-phrases.js';
export { buildTrainingPhrases, jackknifePhrases } from './build-training-phrases.js';
export { learnLexicon } from './learn-lexicon.js';
export { loadKbPhrases } from './load-kb-phrases.js';
export type { Lexicon, NerModel, Span, TaggedSentence } from './types.js';
