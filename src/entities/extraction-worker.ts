// Runs in a worker thread of the extraction pool: loads the same entity stage as the main thread once, then
// answers batches of texts with their extractions. A text that fails reports its reason; the batch goes on.
import { parentPort, workerData } from 'node:worker_threads';
import { loadTaggers } from './load-taggers.js';
import { createWinkTokenizer } from './create-wink-tokenizer.js';
import { loadExtractor } from './load-extractor.js';
import {
  extractInProcess,
  type ExtractorFiles,
  type PoolRequest,
  type PoolResponse,
} from './extraction-pool.js';

const files = workerData as ExtractorFiles;
const taggers = files.taggerFiles ? await loadTaggers(files.taggerFiles) : undefined;
const tokenize = createWinkTokenizer();
const load = (overlay: ExtractorFiles['overlay']) =>
  extractInProcess(
    loadExtractor({
      kbFiles: files.kbFiles,
      givenNamesFile: files.givenNamesFile,
      taggers,
      overlay,
      tokenize,
    }).extract,
  );

let extractMany = load(files.overlay);

// Messages are handled in order, so texts sent after a new overlay are extracted with it.
parentPort?.on('message', async (request: PoolRequest) => {
  if ('overlay' in request) {
    extractMany = load(request.overlay);
    return;
  }
  const { id, inputs } = request;
  parentPort?.postMessage({ id, outcomes: await extractMany(inputs) } satisfies PoolResponse);
});
parentPort?.postMessage({ ready: true } satisfies PoolResponse);
