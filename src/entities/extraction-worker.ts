// Runs in a worker thread of the extraction pool: loads the same entity stage as the main thread once, then
// answers batches of texts with their extractions. A text that fails reports its reason; the batch goes on.
import { parentPort, workerData } from 'node:worker_threads';
import { createTagger } from './ner/create-tagger.js';
import { loadModel } from './ner/load-model.js';
import { loadExtractor } from './load-extractor.js';
import type { ExtractionOutcome, ExtractorFiles, PoolRequest, PoolResponse } from './extraction-pool.js';

const files = workerData as ExtractorFiles;
const taggers = files.taggerFiles
  ? {
      de: createTagger(await loadModel(files.taggerFiles.de)),
      en: createTagger(await loadModel(files.taggerFiles.en)),
    }
  : undefined;
const { extract } = loadExtractor({ kbFiles: files.kbFiles, givenNamesFile: files.givenNamesFile, taggers });

parentPort?.on('message', ({ id, inputs }: PoolRequest) => {
  const outcomes = inputs.map(({ text, lang }): ExtractionOutcome => {
    try {
      return { ok: true, extraction: extract(text, lang) };
    } catch (cause) {
      return { ok: false, reason: (cause as Error).message };
    }
  });
  parentPort?.postMessage({ id, outcomes } satisfies PoolResponse);
});
parentPort?.postMessage({ ready: true } satisfies PoolResponse);
