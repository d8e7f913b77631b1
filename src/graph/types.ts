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
  /** The evidence: article id -> number of sentences the two share in it. */
  evidence: Map<string, number>;
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
}
