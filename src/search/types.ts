// Types of the search stage: the documents newsgraph keeps in Meilisearch, which is the single source of
// truth (the graph is rebuilt from these), and the queries and answers of the search API.
import type { EntityInfo, Mention } from '../entities/types.js';

export interface ArticleDocument {
  id: string;
  title: string | null;
  body: string;
  lang: string;
  source: string | null;
  category: string | null;
  author: string | null;
  published: string | null;
  /** `published` in milliseconds since the epoch, for range filters and sorting. */
  publishedTs: number | null;
  url: string | null;
  /** Ids of the entities mentioned: filterable and faceted. */
  entities: string[];
  /** Their canonical names: searchable, so "Kremlin" finds an article that says "Kreml". */
  entityNames: string[];
  entityInfo: EntityInfo[];
  mentions: Mention[];
  sentences: Array<[number, number]>;
  /** Increases with every write; lets a running API pick up what another process indexed. */
  seq: number;
  /** The curations (src/curation/) that moved or dropped mentions of this article: a revert finds it. */
  curatedBy?: string[];
  /** The id of the first article of the same story when this one is a copy of it; it adds nothing to the
   * graph. Absent in documents written before duplicate detection. */
  duplicateOf?: string | null;
  /** The write sequence of this id's first indexing, kept when it is written again: which article of a
   * story came first, however often and in whatever runs they are indexed again. */
  firstSeq?: number;
  /** MinHash signature of the body (src/dedup/fingerprint.ts); empty for a body too short to tell. */
  fingerprint?: number[];
  /** Its band keys: filterable, so that copies are found by an exact match in any process. */
  fingerprintBands?: string[];
}

export interface EntityDocument extends EntityInfo {
  aliases: string[];
  wikidata: string | null;
}

export interface ArticleQuery {
  q: string;
  lang?: string[];
  source?: string[];
  /** Exact URLs, any of them (GET /search?url=). */
  url?: string[];
  entity?: string[];
  from?: number;
  to?: number;
  limit: number;
  offset: number;
}

export interface ArticleHit {
  id: string;
  title: string | null;
  snippet: string;
  lang: string;
  source: string | null;
  published: string | null;
  url: string | null;
  entities: EntityInfo[];
}

export interface ArticleResults {
  total: number;
  hits: ArticleHit[];
  facets: {
    entity: Record<string, number>;
    lang: Record<string, number>;
    source: Record<string, number>;
  };
}

/** The fields the graph needs from an article. */
export type GraphFields = Pick<
  ArticleDocument,
  'id' | 'seq' | 'title' | 'publishedTs' | 'entityInfo' | 'mentions' | 'duplicateOf'
>;
export const GRAPH_FIELDS = [
  'id',
  'seq',
  'title',
  'publishedTs',
  'entityInfo',
  'mentions',
  'duplicateOf',
] as const;

/** What duplicate detection reads of an earlier article. */
export type DuplicateCandidate = Pick<ArticleDocument, 'id' | 'fingerprint' | 'duplicateOf' | 'firstSeq'>;
