// FNV-1a hashing of feature templates and their string values, without building feature strings.
// Results are non-zero 30-bit integers so they stay small integers (Smis) in V8 and never collide with 0.

/** Seed of the string hashes of words, shapes and cluster paths that feature templates mix. */
export const HASH_SEED = 0x811c9dc5;

/** Starts a hash for feature template `template` (a small integer). */
export function hashTemplate(template: number): number {
  return Math.imul(template + 1, 0x9e3779b1) ^ 0x811c9dc5;
}

/** Continues hash `h` with the characters `s[start..end)` and a separator. */
export function hashString(h: number, s: string, start = 0, end = s.length): number {
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return Math.imul(h ^ 0x1f, 16777619);
}

/** Continues hash `h` with an integer value. */
export function hashInt(h: number, value: number): number {
  return Math.imul(h ^ (value + 0x3b), 16777619);
}

/** Finishes a hash into a non-zero 30-bit key. */
export function finishHash(h: number): number {
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  const key = h & 0x3fffffff;
  return key === 0 ? 1 : key;
}
