import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clusterWordVectors } from '../../../src/entities/ner/cluster-word-vectors.js';
import { readWordEmbeddings } from '../../../src/entities/ner/read-word-embeddings.js';
import { seededRandom } from '../../../src/entities/ner/seeded-random.js';

const DIMS = 8;

// Three groups of eight words, each group spread tightly around its own direction, all shifted by one large
// common vector (as pretrained embeddings share a common direction).
function groupedVectors(): { words: string[]; group: number[]; vectors: Float32Array } {
  const random = seededRandom(5);
  const words: string[] = [];
  const group: number[] = [];
  const rows: number[] = [];
  for (let g = 0; g < 3; g++) {
    for (let w = 0; w < 8; w++) {
      words.push(`g${g}w${w}`);
      group.push(g);
      for (let d = 0; d < DIMS; d++) rows.push(5 + (d === g ? 1 : 0) + (random() - 0.5) * 0.1);
    }
  }
  return { words, group, vectors: Float32Array.from(rows) };
}

function sharedPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

describe('clusterWordVectors', () => {
  it('gives words with near vectors a longer common path prefix than words with far vectors', () => {
    const { words, group, vectors } = groupedVectors();
    const paths = clusterWordVectors(words, vectors, DIMS, { depth: 6 });
    const path = (i: number): string => paths.get(words[i] ?? '') ?? '';
    for (let i = 0; i < words.length; i++) {
      let nearest = Infinity;
      let farthest = 0;
      for (let j = 0; j < words.length; j++) {
        if (i === j) continue;
        const shared = sharedPrefix(path(i), path(j));
        if (group[i] === group[j]) nearest = Math.min(nearest, shared);
        else farthest = Math.max(farthest, shared);
      }
      expect(nearest, words[i]).toBeGreaterThan(farthest);
    }
  });

  it('returns the same paths for the same seed', () => {
    const { words, vectors } = groupedVectors();
    const a = clusterWordVectors(words, vectors, DIMS, { seed: 3 });
    const b = clusterWordVectors(words, vectors, DIMS, { seed: 3 });
    expect([...a]).toEqual([...b]);
  });
});

describe('readWordEmbeddings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'embeddings-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the most frequent words plus the vocabulary words the file has, dropping norm and index', async () => {
    const path = join(dir, 'vectors.json');
    const file = {
      dimensions: 2,
      words: ['the', 'of', 'berlin', 'paris'],
      vectors: { the: [1, 0, 1, 0], of: [0, 1, 1, 1], berlin: [2, 2, 2.8, 2], paris: [3, 4, 5, 3] },
    };
    writeFileSync(path, JSON.stringify(file));
    const read = await readWordEmbeddings(path, new Set(['paris', 'nowhere']), 2);
    expect(read.words).toEqual(['the', 'of', 'paris']);
    expect(read.dims).toBe(2);
    expect([...read.vectors]).toEqual([1, 0, 0, 1, 3, 4]);
  });
});
