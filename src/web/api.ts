// The explorer's calls to the newsgraph API, typed as the API answers them.
import type { SerializedGraph } from 'graphology-types';
import type { SimilarEntity } from '../curation/find-similar.js';

export interface EntityHit {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  articles: number;
  mentions: number;
}

export interface EntityCard extends EntityHit {
  neighbors: Array<{
    id: string;
    name: string;
    type: string;
    weight: number;
    articles: number;
    sentences: number;
  }>;
}

/** What GET /entities/:id answers for an entity merged into another. */
export interface MergedEntity {
  id: string;
  mergedInto: string;
}

export type { SimilarEntity };

export interface Evidence {
  articleId: string;
  title: string | null;
  published: string | null;
  snippet: string | null;
}

export interface Neighbor {
  id: string;
  name: string;
  weight: number;
  articles: number;
  sentences: number;
  evidence: Evidence[];
}

export interface Article {
  id: string;
  title: string | null;
  body: string;
  published: string | null;
  source: string | null;
  url: string | null;
  mentions: Array<{ entityId: string; start: number; end: number }>;
}

/** An answer other than 2xx: the API's message, with its status and stable code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: { Accept: 'application/json', ...init.headers },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as {
      error?: { code?: string; message?: string; details?: unknown };
    };
    throw new ApiError(
      response.status,
      body.error?.code ?? 'http_error',
      body.error?.message ?? `${path}: ${response.status}`,
      body.error?.details,
    );
  }
  return (await response.json()) as T;
}

const get = <T>(path: string): Promise<T> => call<T>(path);

export const api = {
  suggest: (q: string) => get<{ hits: EntityHit[] }>(`/entities?${new URLSearchParams({ q, limit: '8' })}`),
  entity: (id: string) => get<EntityCard | MergedEntity>(`/entities/${encodeURIComponent(id)}`),
  similar: (id: string) =>
    get<{ id: string; similar: SimilarEntity[] }>(`/entities/${encodeURIComponent(id)}/similar?limit=5`),
  neighbors: (id: string, params: URLSearchParams) =>
    get<{ neighbors: Neighbor[] }>(`/entities/${encodeURIComponent(id)}/neighbors?${params}`),
  graph: (params: URLSearchParams) => get<SerializedGraph>(`/graph?${params}`),
  article: (id: string) => get<Article>(`/articles/${encodeURIComponent(id)}`),
  timeline: (id: string, params: URLSearchParams) =>
    get<Timeline>(`/entities/${encodeURIComponent(id)}/timeline?${params}`),
  trending: (limit: number) =>
    get<TrendingWindow & { entities: TrendingEntity[] }>(
      `/trending?${new URLSearchParams({ limit: String(limit) })}`,
    ),
  trendingPairs: (limit: number) =>
    get<TrendingWindow & { pairs: TrendingPair[] }>(
      `/trending?${new URLSearchParams({ pairs: 'true', limit: String(limit) })}`,
    ),
};

export interface TimelineBucket {
  start: string;
  articles: number;
  mentions: number;
}

export interface Timeline {
  entity: { id: string; name: string; type: string };
  with?: { id: string; name: string; type: string };
  interval: 'day' | 'week' | 'month';
  undated: { articles: number; mentions: number };
  buckets: TimelineBucket[];
}

export interface TrendingWindow {
  from: string;
  to: string;
  baselineFrom: string;
  baselineTo: string;
  anchoredToNewest: boolean;
  articles: number;
  baselineArticles: number;
}

export interface TrendingEntity {
  id: string;
  name: string;
  type: string;
  articles: number;
  baselineArticles: number;
  score: number;
}

export interface TrendingPair {
  a: { id: string; name: string; type: string };
  b: { id: string; name: string; type: string };
  articles: number;
  baselineArticles: number;
  score: number;
}

export interface Curation {
  id: string;
  seq: number;
  time: string;
  status: 'running' | 'done' | 'reverting' | 'reverted';
  args: { operation: string; id: string; into?: string; name?: string; type?: string };
  counts: { candidates: number; processed: number; changed: number; failed: number };
  entities: string[];
}

export interface EntityChange {
  name?: string;
  type?: string;
  aliases?: { add?: string[]; remove?: string[] };
}

/**
 * The admin's writes, each with the key in the Authorization header (never in a URL). `check` asks
 * GET /admin/check, which answers 401 or 403 for a key that is not the admin key.
 */
export function adminApi(key: string) {
  const send = <T>(method: string, path: string, body?: object) =>
    call<T>(path, {
      method,
      headers: {
        Authorization: `Bearer ${key}`,
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  const entity = (id: string) => `/entities/${encodeURIComponent(id)}`;
  return {
    check: async (): Promise<void> => {
      await send('GET', '/admin/check');
    },
    merge: (id: string, into: string) => send<Curation>('POST', `${entity(id)}/merge`, { into }),
    update: (id: string, change: EntityChange) => send<Curation>('PATCH', entity(id), change),
    block: (id: string) => send<Curation>('POST', `${entity(id)}/block`),
    revert: (curationId: string) =>
      send<Curation>('POST', `/curations/${encodeURIComponent(curationId)}/revert`),
  };
}
