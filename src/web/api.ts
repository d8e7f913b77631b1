// The explorer's calls to the newsgraph API, typed as the API answers them.
import type { SerializedGraph } from 'graphology-types';

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

async function get<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
    throw new Error(body.error?.message ?? `${path}: ${response.status}`);
  }
  return (await response.json()) as T;
}

export const api = {
  suggest: (q: string) => get<{ hits: EntityHit[] }>(`/entities?${new URLSearchParams({ q, limit: '8' })}`),
  entity: (id: string) => get<EntityCard>(`/entities/${encodeURIComponent(id)}`),
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
