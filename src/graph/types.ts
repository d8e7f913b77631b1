// Types of the graph stage: the co-occurrence graph (compact: entities as numbers, edges in integer slabs)
// and the per-article record it keeps so that an article can be removed or replaced exactly.
import type { EntityInfo, EntityType } from '../entities/types.js';

export type Window = 'article' | 'sentence';

export interface NodeAttributes {
  name: string;
  type: EntityType;
  mentions: number;
  articles: number;
}

/** An edge as the functions that walk the graph hand it around: made when asked, never stored. */
export interface EdgeAttributes {
  /** The edge's two ends, a < b. */
  a: string;
  b: string;
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
  /** Set on a copy of another article's story: it is kept, but counts nothing (the story counts once). */
  duplicateOf?: string | null;
}

/** What the graph keeps of an article, compactly. */
export interface StoredArticle {
  seq: number;
  title: string | null;
  publishedTs: number | null;
  entityInfo: EntityInfo[];
  /**
   * Three integers per mention: the index of its entity in `entityInfo`, its sentence, and 1 in page
   * furniture (else 0), in one flat array of small integers. With an array per mention the store took 83.1
   * bytes per edge at 20k realistic articles, with this 75.6–76.9 (docs/compact-graph.md).
   */
  mentions: number[];
}

/** Integers per mention in `StoredArticle.mentions`. */
export const MENTION_STRIDE = 3;

export interface CooccurrenceGraph {
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
  /** The entities, interned as small integers (entity-table.ts). */
  entities: EntityTable;
  /** The edges, in flat integer arrays (edge-lists.ts). */
  edges: EdgeStore;
}

/** Article numbers, ascending. */
export type Postings = number[];

/**
 * Entity number -> id, name, type and counts, side by side. A number is given on first sight; an entity
 * that loses its last article is dropped (`articles` 0, its id unmapped) and gets a new number if it comes
 * back, so that number order is the order entities (re)appeared in.
 */
export interface EntityTable {
  numbers: Map<string, number>;
  ids: string[];
  names: string[];
  types: EntityType[];
  mentions: number[];
  /** 0 for a dropped number. */
  articles: number[];
  /** Entities in the graph (numbers not dropped). */
  live: number;
  /** Entity number -> the `EntityInfo` stored articles share (`EntityInfo` of its latest name and type). */
  infos: EntityInfo[];
}

/**
 * Every entity's edges as a run of slots in three shared integer slabs: the other end's number (the run
 * sorted by it) and the two counts. Each edge is held twice, once at each end, and nowhere else.
 */
export interface EdgeStore {
  /** Entity number -> where its run starts in the slabs, how many slots it uses, and how many it has. */
  start: number[];
  length: number[];
  capacity: number[];
  others: Int32Array;
  articles: Int32Array;
  sentences: Int32Array;
  /** Slots handed out from the start of the slabs (runs and the holes moved runs left behind). */
  used: number;
  /** Slots that belong to a run (used minus holes). */
  reserved: number;
  /** Edges in the graph. */
  count: number;
  /** Rank orders of large runs, kept while unchanged; oldest first, `rankedSlots` entries in all. */
  ranked: Map<number, Int32Array>;
  rankedSlots: number;
}

/**
 * One entity's edges: views over its run in the slabs (valid until the graph next changes). Slot i holds
 * an edge: its other end's number and its counts.
 */
export interface EdgeList {
  self: number;
  others: Int32Array;
  articles: Int32Array;
  sentences: Int32Array;
}
