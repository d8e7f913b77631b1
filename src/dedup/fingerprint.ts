// A text's content fingerprint for near-duplicate detection: MinHash over word shingles. Two texts'
// signatures agree in a share of places that estimates the Jaccard similarity of their shingle sets; the
// signature cut into bands gives keys that similar texts share (locality-sensitive hashing), so candidates
// are found by an exact match on any band key, in Meilisearch, across processes and restarts.

export const DEFAULTS = {
  /** Words per shingle. */
  shingle: 3,
  /** Signature length: hash functions. */
  hashes: 64,
  /**
   * Bands of hashes/bands rows each: texts share a band key with probability 1 - (1 - J^rows)^bands, 0.99
   * at J = 0.4 with 32 bands of 2 (docs/web-ingest.md, "Duplicates", measures 16 of 4 against it).
   */
  bands: 32,
  /** Texts with fewer shingles get no fingerprint: a few words say too little to call two texts one. */
  minShingles: 8,
};

export interface Fingerprint {
  /** One minimum per hash function, unsigned 32-bit. */
  signature: number[];
  /** "band:hash" keys, one per band. */
  bands: string[];
}

/** FNV-1a over a string's UTF-16 code units. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** MurmurHash3's finaliser: a bijection on 32 bits that mixes every input bit into every output bit. */
function mix(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The words of a text, lower-cased: letters and digits only, so punctuation and markup do not count. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Hashes of the text's distinct word shingles. */
export function shingleHashes(text: string, size = DEFAULTS.shingle): Set<number> {
  const list = words(text);
  const hashes = new Set<number>();
  for (let i = 0; i + size <= list.length; i++) hashes.add(fnv1a(list.slice(i, i + size).join(' ')));
  return hashes;
}

/** The fingerprint of a text, or null when it has fewer than `minShingles` shingles. */
export function fingerprint(text: string, options: Partial<typeof DEFAULTS> = {}): Fingerprint | null {
  const { shingle, hashes, bands, minShingles } = { ...DEFAULTS, ...options };
  const shingles = shingleHashes(text, shingle);
  if (shingles.size < minShingles) return null;
  const seeds = Array.from({ length: hashes }, (_, i) => mix(0x9e3779b9 + i));
  const signature = new Array<number>(hashes).fill(0xffffffff);
  for (const value of shingles) {
    for (let i = 0; i < hashes; i++) {
      const h = mix(value ^ (seeds[i] as number));
      if (h < (signature[i] as number)) signature[i] = h;
    }
  }
  const rows = hashes / bands;
  const keys: string[] = [];
  for (let band = 0; band < bands; band++) {
    keys.push(`${band}:${fnv1a(signature.slice(band * rows, (band + 1) * rows).join(',')).toString(36)}`);
  }
  return { signature, bands: keys };
}

/** The share of places where two signatures agree: an estimate of their texts' Jaccard similarity. */
export function similarity(a: readonly number[], b: readonly number[]): number {
  const length = Math.min(a.length, b.length);
  if (length === 0) return 0;
  let same = 0;
  for (let i = 0; i < length; i++) if (a[i] === b[i]) same += 1;
  return same / length;
}
