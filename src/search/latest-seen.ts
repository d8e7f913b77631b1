// An entity's name and type are those of the last written article that mentions it (memory mode's rule).
// Index mode found that article with one sorted search per entity, which cost a neighbour question most of
// its time when a tie group of hundreds had to be named (docs/index-mode.md, session 23). The entity totals
// (to-total-deltas.ts) now carry it: each delta the newest article of its batch that mentions the entity
// (`seen`) and the newest removed version that did (`gone`), and the summed document what they add up to.
// They cannot always tell: once the newest article is removed, the one before it is not known. Then they
// say so, and the reader searches as before.
import type { EntityInfo, EntityType } from '../entities/types.js';

/** An article that mentions the entity: its write sequence and the entity's name and type in it. */
export interface Seen {
  seq: number;
  name: string;
  type: EntityType;
}

/**
 * What one instance's totals tell of an entity's last written article: `seen` when they tell it; otherwise
 * `bound`, a write sequence no article of the entity on this instance was written after (Infinity when
 * nothing is known).
 */
export interface LatestSeen {
  seen?: Seen;
  bound: number;
}

/** The documents `latestSeen` reads: a summed one (`kind: "total"`) and deltas. */
export interface SeenDocument {
  id: string;
  kind: string;
  /** A delta's newest article, or a summed document's last written article when known. */
  seen?: Seen;
  /** A delta's newest removed version; a delta written before these fields has none (nothing known). */
  gone?: number;
  /** A summed document that does not know its last article: none was written after this sequence. */
  bound?: number;
  covered?: string[];
}

/**
 * An entity's own name and type among an article's: an article lists an entity once; were it listed twice,
 * the last entry wins, as the graph takes it.
 */
export function entityInfoIn(infos: readonly EntityInfo[] | undefined, id: string): EntityInfo | undefined {
  return infos?.filter((entry) => entry.id === id).at(-1);
}

/**
 * The last written article of an entity on one instance, from its summed document and the deltas that
 * document does not cover. Articles are written in sequence order, so every article of a delta is newer
 * than every article the summed document covers. The newest article seen (`c`) is the last one unless a
 * removed version is at least as new (`r`): removals name only each batch's newest, and the version before
 * a removed one is in no document.
 */
export function latestSeen(docs: readonly SeenDocument[]): LatestSeen {
  const base = docs.find((doc) => doc.kind === 'total');
  const covered = new Set(base?.covered ?? []);
  let newest: Seen | undefined = base?.seen;
  let removed = -Infinity;
  for (const doc of docs) {
    if (doc === base || covered.has(doc.id)) continue;
    if (doc.seen && doc.seen.seq > (newest?.seq ?? -Infinity)) newest = doc.seen;
    removed = Math.max(removed, doc.gone ?? Infinity);
  }
  if (newest && newest.seq > removed) return { seen: newest, bound: newest.seq };
  // Unknown: no article is newer than the newest seen or removed, nor than what the summed document covered
  // (its last article or its bound; it knows nothing when written before it carried either).
  const before = base ? (base.seen?.seq ?? base.bound ?? Infinity) : -Infinity;
  return { bound: Math.max(removed, before, newest?.seq ?? -Infinity) };
}

/**
 * The last written article over several instances: the newest one known, if no instance that does not know
 * its own may hold a newer one; otherwise a bound over them all.
 */
export function latestOverInstances(perInstance: readonly LatestSeen[]): LatestSeen {
  let newest: Seen | undefined;
  let bound = -Infinity;
  for (const { seen, bound: instanceBound } of perInstance) {
    if (!seen) bound = Math.max(bound, instanceBound);
    else if (seen.seq > (newest?.seq ?? -Infinity)) newest = seen;
  }
  if (newest && newest.seq > bound) return { seen: newest, bound: newest.seq };
  return { bound: Math.max(bound, newest?.seq ?? -Infinity) };
}

/**
 * Sets `id`'s info in `found` when the totals tell it; true when nothing is left to search for (told, or
 * no document of the entity, so no article mentions it).
 */
export function takeKnown(found: Map<string, EntityInfo>, id: string, latest: LatestSeen): boolean {
  if (latest.seen) found.set(id, { id, name: latest.seen.name, type: latest.seen.type });
  return latest.seen !== undefined || latest.bound === -Infinity;
}
