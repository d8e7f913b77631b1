// Loads the German and English tagger models (NER=tagger) from their files, for the main thread and for
// each extraction worker alike; with NER=neural a language that has a BiLSTM-CRF model gets that instead,
// with the perceptron model's case profile and the knowledge base's names as its lexicon inputs.
import { join } from 'node:path';
import { PROJECT_ROOT } from '../config.js';
import { addPerceptronPlaces } from './ner/add-perceptron-places.js';
import { createNeuralTagger, type NeuralTaggerOptions } from './ner/create-neural-tagger.js';
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
}

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

async function loadLanguage(file: string, neuralFile: string | undefined): Promise<Tagger> {
  const model = await loadModel(file);
  const tagger = createTagger(model);
  return neuralFile ? neuralTaggerOf(await loadNeuralModel(neuralFile), model, tagger) : tagger;
}

export async function loadTaggers(files: TaggerFiles): Promise<{ de: Tagger; en: Tagger }> {
  const [de, en] = await Promise.all([
    loadLanguage(files.de, files.neural?.de),
    loadLanguage(files.en, files.neural?.en),
  ]);
  return { de, en };
}
