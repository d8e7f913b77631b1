// What the API and the indexer CLI both need before they work: a Meilisearch (embedded, shared, external,
// or several sharing the articles by id), its indexes set up, the entity stage loaded, and the knowledge
// base written to the entity index so that look-ups find every known name. The master key only makes the
// scoped key the rest uses.
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { MODELS_DIR, PROJECT_ROOT, type Config } from './config.js';
import type { Tagger } from './entities/ner/create-tagger.js';
import { HYBRID_DEFAULTS, loadTaggers, type TaggerFiles } from './entities/load-taggers.js';
import { createExtractionPool, extractInProcess, type ExtractMany } from './entities/extraction-pool.js';
import { createWinkTokenizer } from './entities/create-wink-tokenizer.js';
import { loadExtractor } from './entities/load-extractor.js';
import { loadKnowledgeBase, type KnowledgeBase } from './entities/load-knowledge-base.js';
import type { Logger } from './logger.js';
import { openMeilisearch, type MeiliConnection } from './meili/open-meilisearch.js';
import { createMeiliClient } from './search/create-meili-client.js';
import { createSearchIndex, type SearchIndex } from './search/create-search-index.js';
import { ensureScopedKey } from './search/ensure-scoped-key.js';
import { openShardedIndex } from './search/open-sharded-index.js';
import { MeilisearchApiError, type Meilisearch } from 'meilisearch';
import { correctDocument } from './curation/correct-document.js';
import { createCurationLog, type CurationLog } from './curation/create-curation-log.js';
import { effectiveKb, foldCorrections } from './curation/fold-corrections.js';
import type { Corrections } from './curation/types.js';
import type { KbEntity } from './entities/types.js';
import type { ArticleDocument } from './search/types.js';

export interface OpenSearch {
  meili: MeiliConnection;
  /** Batch extraction, for indexing and POST /analyze: on worker threads unless EXTRACT_THREADS=0. */
  extractMany: ExtractMany;
  /** Stops the extraction workers and the embedded Meilisearch (if this process started it). */
  close(): Promise<void>;
  /** The key the search index uses: scoped to its indexes where the master key allowed making one. */
  searchKey: string | undefined;
  search: SearchIndex;
  /**
   * The knowledge base with the curation log's corrections in force, for the entity catalogue (extraction
   * has its own copy, in each worker).
   */
  kb: KnowledgeBase;
  /** The knowledge base from the files alone. */
  baseKb: ReadonlyMap<string, KbEntity>;
  curationLog: CurationLog;
  corrections(): Corrections;
  /** Puts corrections in force: the knowledge-base overlay for extraction (in the workers or here). */
  setCorrections(corrections: Corrections): void;
  /** Applies the corrections in force to a freshly extracted article (pipeline's `correct`). */
  correct(doc: ArticleDocument): ArticleDocument;
}

export const GIVEN_NAMES_FILE = path.join(PROJECT_ROOT, 'data', 'kb', 'given-names.json');

async function scopedKey(
  meili: MeiliConnection,
  config: Config,
  logger: Logger,
): Promise<string | undefined> {
  if (meili.apiKey === undefined) return undefined;
  const master = createMeiliClient({ url: meili.url, apiKey: meili.apiKey, timeoutMs: 30_000 });
  try {
    return await ensureScopedKey(master, config.meili.indexPrefix);
  } catch (cause) {
    if (cause instanceof MeilisearchApiError) {
      logger.warn(
        'meili: cannot create a scoped key (is MEILI_MASTER_KEY the master key?); using the key given',
      );
      return meili.apiKey;
    }
    throw cause;
  }
}

async function openSingleIndex(
  meili: MeiliConnection,
  config: Config,
  logger: Logger,
): Promise<{ search: SearchIndex; searchKey: string | undefined; client: Meilisearch }> {
  const searchKey = await scopedKey(meili, config, logger);
  const client = createMeiliClient({
    url: meili.url,
    apiKey: searchKey,
    timeoutMs: config.meili.requestTimeoutMs,
  });
  const search = createSearchIndex(client, config.meili.indexPrefix, {
    neighbourLists: config.graph.neighbourLists,
    cacheMb: config.graph.cacheMb,
  });
  return { search, searchKey, client };
}

export const TAGGER_FILES = {
  de: path.join(MODELS_DIR, 'ner-de.bin.gz'),
  en: path.join(MODELS_DIR, 'ner-en.bin.gz'),
};

const NEURAL_FILES = {
  de: path.join(MODELS_DIR, 'ner-de-neural.bin.gz'),
  en: path.join(MODELS_DIR, 'ner-en-neural.bin.gz'),
};

/** NER=neural: the English and German BiLSTM-CRFs, each over its perceptron's lexicon. */
export const NEURAL_TAGGER_FILES: TaggerFiles = { ...TAGGER_FILES, neural: NEURAL_FILES };

/**
 * NER=tagger (the default): the BiLSTM-CRFs that re-tag the sentences the perceptron is least sure of,
 * small ones (hidden 32) so that extraction stays fast; English has only that one, as accurate as hidden 64.
 */
export const DEFAULT_NEURAL_FILES = {
  ...NEURAL_FILES,
  de: path.join(MODELS_DIR, 'ner-de-neural-small.bin.gz'),
};

/** The tagger files of an NER setting, or undefined for NER=off. */
export function taggerFilesOf(ner: Config['ner']): TaggerFiles | undefined {
  switch (ner) {
    case 'off':
      return undefined;
    case 'perceptron':
      return TAGGER_FILES;
    case 'neural':
      return NEURAL_TAGGER_FILES;
    case 'hybrid':
      return { ...NEURAL_TAGGER_FILES, hybrid: HYBRID_DEFAULTS.thresholds };
    case 'tagger':
      return { ...TAGGER_FILES, neural: DEFAULT_NEURAL_FILES, hybrid: HYBRID_DEFAULTS.taggerThresholds };
  }
}

/** The shipped German and English tagger models. */
export function loadShippedTaggers(files: TaggerFiles = TAGGER_FILES): Promise<{ de: Tagger; en: Tagger }> {
  return loadTaggers(files);
}

interface Extraction {
  extractMany: ExtractMany;
  /** Extracts the texts sent after this call with the knowledge base plus `overlay`. */
  setOverlay(overlay: readonly KbEntity[]): void;
  close(): Promise<void>;
}

/**
 * Extraction on worker threads, each loading the entity stage (and the taggers) itself, or, with
 * EXTRACT_THREADS=0, in this process: only then does this thread load the taggers.
 */
async function openExtraction(config: Config): Promise<Extraction> {
  const files = { kbFiles: config.kbFiles, givenNamesFile: GIVEN_NAMES_FILE };
  if (config.extractThreads > 0) {
    return createExtractionPool({ ...files, taggerFiles: taggerFilesOf(config.ner) }, config.extractThreads);
  }
  const taggerFiles = taggerFilesOf(config.ner);
  const taggers = taggerFiles ? await loadShippedTaggers(taggerFiles) : undefined;
  const tokenize = createWinkTokenizer();
  let stage = loadExtractor({ ...files, taggers, tokenize });
  return {
    extractMany: (inputs) => extractInProcess(stage.extract)(inputs),
    setOverlay: (overlay) => {
      stage = loadExtractor({ ...files, taggers, overlay, tokenize });
    },
    close: () => Promise.resolve(),
  };
}

/**
 * The entity stage, loaded when the first text needs it: an API process that only answers queries (one of
 * several behind a load balancer, writes coming through `npm run index`) never holds the knowledge base's
 * extractor and the taggers (at rest with defaults and an empty index: 510 MB of RSS loaded, 218 MB not,
 * measured 2 cores, Node 20, 2026-12-06). The files are checked at once,
 * so a missing model still stops the start. Corrections given before the load are applied when it happens.
 */
export function lazyExtraction(open: () => Promise<Extraction>): Extraction {
  let opened: Promise<Extraction> | undefined;
  let overlay: readonly KbEntity[] | undefined;
  const load = (): Promise<Extraction> =>
    (opened ??= open().then((extraction) => {
      if (overlay) extraction.setOverlay(overlay);
      return extraction;
    }));
  return {
    extractMany: async (inputs) => (await load()).extractMany(inputs),
    setOverlay: (next) => {
      overlay = next;
      // A load that failed is reported by the extraction that asked for it.
      void opened?.then(
        (extraction) => extraction.setOverlay(next),
        () => undefined,
      );
    },
    close: async () => {
      if (opened) await (await opened.catch(() => undefined))?.close();
    },
  };
}

/** Opens Meilisearch and the entity stage; on failure nothing is left running. */
export async function openSearch(config: Config, logger: Logger): Promise<OpenSearch> {
  const baseKb = loadKnowledgeBase(config.kbFiles).entities;
  const kb: KnowledgeBase = { entities: new Map(baseKb) };
  let corrections = foldCorrections([], baseKb);
  const taggerFiles = taggerFilesOf(config.ner);
  if (taggerFiles) {
    for (const file of [taggerFiles.de, taggerFiles.en, ...Object.values(taggerFiles.neural ?? {})]) {
      accessSync(file, constants.R_OK);
    }
  }
  const extraction = lazyExtraction(() => openExtraction(config));
  const { extractMany, close: closePool } = extraction;
  const meili = await openMeilisearch(config.meili, config.dataDir, logger).catch(async (cause: unknown) => {
    await closePool();
    throw cause;
  });
  const close = async (): Promise<void> => {
    await closePool();
    await meili.close();
  };
  try {
    const { search, searchKey, client } =
      meili.mode === 'remotes'
        ? await openShardedIndex(config.meili.remotes, {
            prefix: config.meili.indexPrefix,
            timeoutMs: config.meili.requestTimeoutMs,
            neighbourLists: config.graph.neighbourLists,
            cacheMb: config.graph.cacheMb,
            logger,
          }).then((opened) => ({
            ...opened,
            // The curation log lives on the first instance, which also answers the federated searches.
            client: createMeiliClient({
              url: config.meili.remotes[0]?.url ?? meili.url,
              apiKey: opened.searchKey,
              timeoutMs: config.meili.requestTimeoutMs,
            }),
          }))
        : await openSingleIndex(meili, config, logger);
    await search.setup();
    const curationLog = createCurationLog(client, config.meili.indexPrefix);
    await curationLog.setup();
    const setCorrections = (next: Corrections): void => {
      const overlayChanged = JSON.stringify([...corrections.overlay]) !== JSON.stringify([...next.overlay]);
      corrections = next;
      if (!overlayChanged) return;
      kb.entities.clear();
      for (const [id, entity] of effectiveKb(baseKb, next)) kb.entities.set(id, entity);
      extraction.setOverlay([...next.overlay.values()]);
    };
    setCorrections(foldCorrections(await curationLog.all(), baseKb));
    await search.upsertEntities(
      [...kb.entities.values()].map((entity) => ({
        id: entity.id,
        name: entity.name,
        type: entity.type,
        aliases: [...new Set(Object.values(entity.aliases).flat())],
        wikidata: entity.wikidata ?? null,
      })),
    );
    return {
      meili,
      searchKey,
      search,
      kb,
      extractMany,
      close,
      baseKb,
      curationLog,
      corrections: () => corrections,
      setCorrections,
      correct: (doc) => correctDocument(doc, corrections),
    };
  } catch (cause) {
    await close();
    throw cause;
  }
}
