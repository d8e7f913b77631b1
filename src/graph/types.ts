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

/**
 * An article as the graph holds it, made when asked (`storedArticles`): its entities (as the graph names
 * them now) and three integers per mention: the index of its entity in `entityInfo`, its sentence, and 1 in
 * page furniture (else 0). The graph itself keeps articles as runs in integer slabs (`ArticleTable`).
 */
export interface StoredArticle {
  seq: number;
  title: string | null;
  publishedTs: number | null;
  entityInfo: EntityInfo[];
  mentions: number[];
}

/**
 * Integers per mention in `ArticleTable.mentions`: the entity's number, and its sentence times 2 plus 1 in
 * page furniture (else 0).
 */
export const MENTION_INTS = 2;

/**
 * The articles, numbered in the order they were added (a re-added article gets a new number, a removed one
 * leaves its number unused): per number its id, title, write sequence and date side by side, and its
 * mentions as a run in one shared `Int32Array` slab. Holes left by removed runs are reclaimed by compacting
 * when they pass a quarter of the slab. With an object per article, the articles and postings took 52 bytes
 * per edge of a 10M-edge graph loaded from its snapshot; as runs, 9 (docs/compact-graph.md).
 */
export interface ArticleTable {
  /** Article id -> its number (only articles the graph holds; article-numbers.ts). */
  numbers: ArticleNumbers;
  /** Number -> id; undefined once removed. */
  ids: Array<string | undefined>;
  titles: Array<string | null>;
  /** Number -> write sequence, and `publishedTs` (NaN when undated or removed). Room for more than `count`. */
  seqs: Float64Array;
  dates: Float64Array;
  /** Number -> where its mentions start in `mentions` (in integers), and how many integers they take. */
  start: Int32Array;
  length: Int32Array;
  mentions: Int32Array;
  /** Numbers handed out, and articles held. */
  count: number;
  live: number;
  /** Integers of the slab handed out, and those that belong to a held article. */
  used: number;
  reserved: number;
}

/** An open-addressing hash table from article id to number over `ArticleTable.ids` (article-numbers.ts). */
export interface ArticleNumbers {
  /** Number + 1 per slot; 0 is empty, -1 a deleted entry. */
  slots: Int32Array;
  size: number;
  deleted: number;
}

/**
 * Entity number -> the articles it occurs in outside page furniture (ascending article numbers), as runs in
 * one shared `Int32Array` slab, grown and compacted as the edge slabs are. An edge's evidence is the
 * intersection of its two ends' runs, found when asked for: a map of evidence on every edge held one entry
 * per pair and article (646 MB of heap at 100k articles, measured), these hold one per entity and article.
 */
export interface PostingStore {
  start: Int32Array;
  length: Int32Array;
  capacity: Int32Array;
  numbers: Int32Array;
  used: number;
  reserved: number;
  /** Entities with at least one posting. */
  entities: number;
}

export interface CooccurrenceGraph {
  /** The articles, as integer runs (article-table.ts). */
  articles: ArticleTable;
  /** Which articles each entity occurs in (postings.ts). */
  postings: PostingStore;
  /** The entities, interned as small integers (entity-table.ts). */
  entities: EntityTable;
  /** The edges, in flat integer arrays (edge-lists.ts). */
  edges: EdgeStore;
}

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
