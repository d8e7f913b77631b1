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
  /** The edge's two ends, a < b. */
  a: string;
  b: string;
  /** Articles in which both entities occur (outside page furniture). */
  articles: number;
  /** Sentences in which both occur. */
  sentences: number;
  /** Where the edge sits in a's and in b's edge list (edge-lists.ts). */
  slotA: number;
  slotB: number;
}

/** An article as the graph needs it: which entities, in which sentences. */
export interface GraphArticle {
  id: string;
  seq: number;
  title: string | null;
  publishedTs: number | null;
  entityInfo: EntityInfo[];
  mentions: Array<{ entityId: string; sentence: number; furniture?: true }>;
  /** Set on a copy of another article's story: it is kept, but counts nothing (the story counts once). */
  duplicateOf?: string | null;
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
  postings: Map<string, Postings>;
  /** Article id -> its number in postings, and back (undefined once removed). */
  articleNumbers: Map<string, number>;
  articleIds: Array<string | undefined>;
  /** Article number -> its `publishedTs`, NaN when undated or removed: timelines and trending read dates
   * from one flat array instead of opening every article. */
  articleDates: number[];
  /** Entity id -> its edges with their counts in integer arrays, for fast walks; see edge-lists.ts. */
  edgeLists: Map<string, EdgeList>;
  /** Entity id -> the small integer that stands for it in edge lists, and back. */
  entityNumbers: Map<string, number>;
  entityIds: string[];
}

/** Article numbers, ascending. */
export type Postings = number[];

/**
 * One entity's edges: slot i holds an edge, its other end's number and its counts. Plain arrays of small
 * integers (V8 keeps them unboxed and contiguous) rather than typed arrays, whose buffers are external
 * memory that made V8 collect far more often (see rankedSlots).
 */
export interface EdgeList {
  edges: EdgeAttributes[];
  others: number[];
  articles: number[];
  sentences: number[];
  /** The slots, most shared articles first; null once counts changed, until next asked for. */
  ranked: number[] | null;
}
