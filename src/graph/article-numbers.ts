// Article id -> article number, as an open-addressing hash table in one Int32Array: the ids themselves stay
// in the article table's `ids`, so a slot holds only a number. At 10M edges (547k articles) a loaded store
// took 40.5 bytes per edge with a Map here and 38.5 with this table (docs/compact-graph.md).
import type { ArticleNumbers } from './types.js';

export function createArticleNumbers(expected = 0): ArticleNumbers {
  let capacity = 16;
  while (capacity < 2 * expected) capacity *= 2;
  return { slots: new Int32Array(capacity), size: 0, deleted: 0 };
}

/** FNV-1a over the id's UTF-16 code units. */
function hashOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** The slot holding `id`, or -1. Slots hold number + 1; 0 is empty, -1 a deleted entry. */
function slotOf(table: ArticleNumbers, ids: ReadonlyArray<string | undefined>, id: string): number {
  const mask = table.slots.length - 1;
  for (let slot = hashOf(id) & mask; ; slot = (slot + 1) & mask) {
    const held = table.slots[slot] as number;
    if (held === 0) return -1;
    if (held > 0 && ids[held - 1] === id) return slot;
  }
}

/** Article `id`'s number, or undefined. */
export function getArticleNumber(
  table: ArticleNumbers,
  ids: ReadonlyArray<string | undefined>,
  id: string,
): number | undefined {
  const slot = slotOf(table, ids, id);
  return slot < 0 ? undefined : (table.slots[slot] as number) - 1;
}

/** Maps `id` (not held yet, and `ids[number]` already set to it) to `number`. */
export function setArticleNumber(
  table: ArticleNumbers,
  ids: ReadonlyArray<string | undefined>,
  id: string,
  number: number,
): void {
  if (2 * (table.size + table.deleted + 1) > table.slots.length) rehash(table, ids);
  const mask = table.slots.length - 1;
  let slot = hashOf(id) & mask;
  while ((table.slots[slot] as number) > 0) slot = (slot + 1) & mask;
  if (table.slots[slot] === -1) table.deleted -= 1;
  table.slots[slot] = number + 1;
  table.size += 1;
}

/** Forgets `id` (while `ids` still names it). */
export function deleteArticleNumber(
  table: ArticleNumbers,
  ids: ReadonlyArray<string | undefined>,
  id: string,
): void {
  const slot = slotOf(table, ids, id);
  if (slot < 0) return;
  table.slots[slot] = -1;
  table.size -= 1;
  table.deleted += 1;
}

/** A table with room for twice the entries held, without deleted ones. */
function rehash(table: ArticleNumbers, ids: ReadonlyArray<string | undefined>): void {
  const old = table.slots;
  const next = createArticleNumbers(table.size + 1);
  for (const held of old) {
    if (held > 0) setArticleNumber(next, ids, ids[held - 1] as string, held - 1);
  }
  Object.assign(table, next);
}
