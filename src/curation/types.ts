// Types of the curation stage: the operations users apply to entities, the log record each becomes, and
// the corrections folded from the log that extraction and the stored documents follow.
import type { EntityInfo, EntityType, KbEntity } from '../entities/types.js';

export type Operation =
  | { operation: 'merge'; id: string; into: string; names: string[]; intoInfo: EntityInfo }
  | {
      operation: 'update';
      id: string;
      name?: string;
      type?: EntityType;
      wikidata?: string;
      aliases?: { add: string[]; remove: string[] };
      /** The entity before the change (name, type, aliases): revert and the alias look-up need it. */
      before: { name: string; type: EntityType; aliases: string[]; inKb: boolean };
    }
  | { operation: 'block'; id: string; names: string[] }
  | { operation: 'create'; id: string; name: string; type: EntityType; aliases: string[]; wikidata?: string }
  | { operation: 'split'; id: string; articles: string[]; as: EntityInfo };

export type OperationName = Operation['operation'];

/** running: applied in part (a start completes it); reverting: being undone (a start completes that). */
export type CurationStatus = 'running' | 'done' | 'reverting' | 'reverted';

export interface CurationCounts {
  /** Articles looked at. */
  candidates: number;
  /** Of those, processed so far. */
  processed: number;
  /** Of those, rewritten (their entities changed). */
  changed: number;
  /** Rewrites Meilisearch refused. */
  failed: number;
}

export interface Curation {
  id: string;
  /** Orders the log: increases with every operation. */
  seq: number;
  time: string;
  status: CurationStatus;
  args: Operation;
  counts: CurationCounts;
  /** The entities whose articles changed. */
  entities: string[];
  revertedAt?: string;
  error?: string;
}

/** What the active operations of the log amount to, for extraction and for rewriting documents. */
export interface Corrections {
  /** The active operations, oldest first. */
  active: Curation[];
  /** Knowledge-base entities created or changed (aliases, name, type, Wikidata id). */
  overlay: Map<string, KbEntity>;
  /** Name and type under which an entity is shown, where a curation set them. */
  info: Map<string, EntityInfo>;
  /** Merged entity -> the entity it ended in. */
  mergedInto: Map<string, string>;
  /** Blocked entity -> the curation that blocked it. */
  blocked: Map<string, string>;
  /** Names that merges and alias additions gave an entity, for look-up and its card. */
  extraAliases: Map<string, Set<string>>;
}
