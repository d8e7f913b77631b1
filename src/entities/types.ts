// Types of the entities stage: knowledge-base entities, tokens, and the mentions an article yields.

export type EntityType = 'person' | 'organization' | 'location' | 'other';
export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'location', 'other'];

export interface KbEntity {
  id: string;
  name: string;
  type: EntityType;
  wikidata?: string;
  /** Surface forms by language ("de", "en", ...). */
  aliases: Record<string, string[]>;
  /** Adjective forms by language: German stems ("russisch"), English words ("Russian"). */
  adjectives?: Record<string, string[]>;
}

/** The name and type under which an entity (from the knowledge base or provisional) is shown. */
export interface EntityInfo {
  id: string;
  name: string;
  type: EntityType;
}

export interface Token {
  value: string;
  start: number;
  end: number;
  sentence: number;
}

export interface TokenizedText {
  tokens: Token[];
  /** Character ranges [start, end) of the sentences; tokens refer to them by index. */
  sentences: Array<[number, number]>;
}

/** A token span [start, end) that names something, before it is linked to an entity. */
export interface Candidate {
  start: number;
  end: number;
  type: EntityType;
  /** Set when the finder already knows the entity (a knowledge-base match). */
  entityId?: string;
  /** An adjective or a part of a longer word that names the entity, not its name ("russische"). */
  derived?: true;
}

export interface Mention {
  entityId: string;
  text: string;
  /** Character offsets [start, end) into the article body. */
  start: number;
  end: number;
  sentence: number;
  /** Set on mentions in page furniture (related headlines, author blurbs): they relate to nothing. */
  furniture?: true;
  /**
   * Set on mentions that are an adjective or a part of a longer word ("deutsche", "Ukraine-Krise"), not a
   * name; they link to the entity and count in the graph like names.
   */
  derived?: true;
}

export interface Extraction {
  lang: string;
  sentences: Array<[number, number]>;
  mentions: Mention[];
  entities: EntityInfo[];
}
