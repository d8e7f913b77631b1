// Loads the German and English tagger models (NER=tagger) from their files, for the main thread and for
// each extraction worker alike.
import { createTagger, type Tagger } from './ner/create-tagger.js';
import { loadModel } from './ner/load-model.js';

export interface TaggerFiles {
  de: string;
  en: string;
}

export async function loadTaggers(files: TaggerFiles): Promise<{ de: Tagger; en: Tagger }> {
  const [de, en] = await Promise.all([loadModel(files.de), loadModel(files.en)]);
  return { de: createTagger(de), en: createTagger(en) };
}
