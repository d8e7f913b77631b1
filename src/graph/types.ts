// Types of the graph stage: the co-occurrence graph (graphology, undirected) and the per-article record it
// keeps so that an article can be removed or replaced exactly.
import type { UndirectedGraph } from 'graphology';
import type { EntityInfo, EntityType } from '../entities/types.js';

export type Window = 'article' | 'sentence';

export interface NodeAttributes {
  name: string;
  type: EntityType;
  mentions: number;
  articles: number;
}

export interface EdgeAttributes {
  /** Articles in which both entities occur (outside page furniture). */
  articles: number;
  /** Sentences in which both occur. */
  sentences: number;
}

/** An article as the graph needs it: which entities, in which sentences. */
export interface GraphArticle {
  id: string;
  seq: number;
  title: string | null;
  publishedTs: number | null;
  entityInfo: EntityInfo[];
  mentions: Array<{ entityId: string; sentence: number; furniture?: true }>;
}

/** What the graph keeps of an article, compactly: mentions as [entity index, sentence, furniture 0|1]. */
export interface StoredArticle {
  seq: number;
  title: string | null;
  publishedTs: number | null;
  entityInfo: EntityInfo[];
  mentions: Array<[number, number, 0 | 1]>;
}

export interface CooccurrenceGraph {
  graph: UndirectedGraph<NodeAttributes, EdgeAttributes>;
  articles: Map<string, StoredArticle>;
  /**
   * Entity id -> the articles it occurs in outside page furniture. An edge's evidence is the intersection of
   * its two ends' sets, found when asked for: a map of evidence on every edge held one entry per pair and
   * article (646 MB of heap at 100k articles, measured), these hold one per entity and article.
   */
  postings: Map<string, Set<string>>;
}
