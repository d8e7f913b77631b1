// Loads the German and English tagger models from their files, for the main thread and for each extraction
// worker alike: the perceptron (NER=perceptron); with NER=neural a language that has a BiLSTM-CRF model gets
// that instead, with the perceptron model's case profile and the knowledge base's names as its lexicon
// inputs; with NER=tagger (the default) and NER=hybrid the perceptron, and the BiLSTM-CRF for the sentences
// the perceptron is least sure of (a smaller share for the default, so that it stays fast).
import { join } from 'node:path';
import { PROJECT_ROOT } from '../config.js';
import { addPerceptronPlaces } from './ner/add-perceptron-places.js';
import { createNeuralTagger, type NeuralTaggerOptions } from './ner/create-neural-tagger.js';
import { createHybridTagger } from './ner/create-hybrid-tagger.js';
import { createTagger, type Tagger } from './ner/create-tagger.js';
import { loadKbPhrases } from './ner/load-kb-phrases.js';
import { loadModel } from './ner/load-model.js';
import { loadNeuralModel } from './ner/load-neural-model.js';
import type { NeuralModel } from './ner/parse-neural-model.js';
import type { NerModel } from './ner/types.js';

export interface TaggerFiles {
  de: string;
  en: string;
  /** BiLSTM-CRF models (NER=neural) by language; a language without one keeps its perceptron. */
  neural?: { de?: string; en?: string };
  /**
   * NER=tagger and NER=hybrid: the neural models tag only the sentences whose perceptron margin is under
   * these thresholds, per language (`HYBRID_DEFAULTS`).
   */
  hybrid?: Record<'de' | 'en', number>;
}

export const HYBRID_DEFAULTS = {
  /**
   * NER=hybrid: margin below which a sentence goes to the BiLSTM-CRF, per language, on the scale of the
   * shipped perceptron models (chosen on dev, docs/neural-ner.md "Hybrid"; to be chosen again with a new
   * model).
   */
  thresholds: { de: 28_423, en: 280_840 } as Record<'de' | 'en', number>,
  /**
   * NER=tagger (the default): the same on a smaller share of sentences, chosen so that extraction stays no
   * slower than Meilisearch's indexing (docs/neural-ner.md "The default").
   */
  taggerThresholds: { de: 7_421, en: 86_275 } as Record<'de' | 'en', number>,
};

/** The knowledge-base files the neural models' gazetteer input was built from (`loadKbPhrases`). */
const KB_DIR = join(PROJECT_ROOT, 'data', 'kb');

/**
 * A neural tagger over `neural`, with the lexicon inputs it was trained with taken from `perceptron`: its
 * case profile, and the knowledge base's names plus the towns of the perceptron's gazetteer (German).
 * `create` is the implementation (the benchmark and the tests pass the reference one).
 */
export function neuralTaggerOf(
  neural: NeuralModel,
  perceptron: NerModel,
  words: Tagger,
  create: (model: NeuralModel, options: NeuralTaggerOptions) => Tagger = createNeuralTagger,
): Tagger {
  const gazetteer = loadKbPhrases(KB_DIR, neural.lang);
  addPerceptronPlaces(gazetteer, perceptron.gazetteer);
  return create(neural, { lexicon: { caseProfile: perceptron.caseProfile, gazetteer }, words });
}

async function loadLanguage(files: TaggerFiles, lang: 'de' | 'en'): Promise<Tagger> {
  const model = await loadModel(files[lang]);
  const tagger = createTagger(model);
  const neuralFile = files.neural?.[lang];
  if (!neuralFile) return tagger;
  const neural = neuralTaggerOf(await loadNeuralModel(neuralFile), model, tagger);
  if (!files.hybrid) return neural;
  return createHybridTagger(tagger, neural, { threshold: files.hybrid[lang] });
}

export async function loadTaggers(files: TaggerFiles): Promise<{ de: Tagger; en: Tagger }> {
  const [de, en] = await Promise.all([loadLanguage(files, 'de'), loadLanguage(files, 'en')]);
  return { de, en };
}
