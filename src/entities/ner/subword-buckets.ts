// The hashed character n-grams of a word, as scripts/fit-subword-table.py fits them: n = minn..maxn over
// "<word>" in code points, each n-gram's row FNV-1a (32 bits) of its UTF-8 bytes modulo the bucket count.
// The neural tagger averages these rows into a vector for a word outside its vocabulary, as fastText does.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const encoder = new TextEncoder();

/** Sizes of a hashed n-gram table. */
export interface SubwordTableShape {
  buckets: number;
  minn: number;
  maxn: number;
}

function fnv1a(bytes: Uint8Array): number {
  let h = FNV_OFFSET;
  for (const b of bytes) h = Math.imul(h ^ b, FNV_PRIME) >>> 0;
  return h;
}

/** Row of every n-gram of `word` (with repeats), in the order the Python script lists them. */
export function subwordBuckets(word: string, shape: SubwordTableShape): number[] {
  const cps = Array.from(`<${word}>`);
  const rows: number[] = [];
  for (let n = shape.minn; n <= shape.maxn; n++) {
    for (let i = 0; i + n <= cps.length; i++) {
      rows.push(fnv1a(encoder.encode(cps.slice(i, i + n).join(''))) % shape.buckets);
    }
  }
  return rows;
}
