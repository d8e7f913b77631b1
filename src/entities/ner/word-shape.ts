// Word shapes, hashed without building strings: letters map to X/x, digits to d, other characters stay.
// The long shape caps each run at four characters ("Xxxxx", "dddd"), the short shape collapses runs
// ("Xx", "d.d"). Tagging computes both for every token, so they avoid allocation.

import { HASH_SEED } from './hash-feature.js';

const FNV_PRIME = 16777619;

function shapeCode(token: string, i: number): number {
  const code = token.charCodeAt(i);
  if (code >= 48 && code <= 57) return 100; // d
  if (code >= 65 && code <= 90) return 88; // X
  if (code >= 97 && code <= 122) return 120; // x
  if (code < 128) return code;
  const ch = token.charAt(i);
  return ch !== ch.toLowerCase() ? 88 : ch !== ch.toUpperCase() ? 120 : code;
}

/**
 * Writes the hashes of the long and short shape of `token` to `long[i]` and `short[i]`; each equals
 * `hashString(HASH_SEED, shape)` of the shape string.
 */
export function hashWordShapes(token: string, long: Int32Array, short: Int32Array, i: number): void {
  let hLong = HASH_SEED;
  let hShort = HASH_SEED;
  let last = -1;
  let run = 0;
  for (let k = 0; k < token.length; k++) {
    const c = shapeCode(token, k);
    if (c === last) {
      run++;
      if (run < 4) hLong = Math.imul(hLong ^ c, FNV_PRIME);
    } else {
      run = 0;
      hLong = Math.imul(hLong ^ c, FNV_PRIME);
      hShort = Math.imul(hShort ^ c, FNV_PRIME);
      last = c;
    }
  }
  long[i] = Math.imul(hLong ^ 0x1f, FNV_PRIME);
  short[i] = Math.imul(hShort ^ 0x1f, FNV_PRIME);
}
