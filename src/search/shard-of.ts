// Which instance of a sharded set-up holds an article: the first 32 bits of the SHA-256 of its id (UTF-8),
// as an unsigned big-endian number, modulo the number of instances. It depends on nothing but the id and
// the count, so re-indexing an article replaces it where it lies; changing the count moves most ids.
import { createHash } from 'node:crypto';

/** The shard (0 … count - 1) that holds `id`; `printf %s "$id" | sha256sum` gives the same first 8 hex digits. */
export function shardOf(id: string, count: number): number {
  return createHash('sha256').update(id, 'utf8').digest().readUInt32BE(0) % count;
}
