// npm run bench:dedup: which content fingerprint tells copies of one story from different stories of one
// topic. From each corpus article (../shared/corpus de-news.jsonl, en-news.jsonl) it builds an edited copy
// (sentences dropped and reworded, page furniture added, another title) as a positive pair, and pairs it
// with the most similar other article of its category (by true shingle Jaccard) as a negative; then prints
// precision and recall of MinHash (with its band look-up) and of SimHash at several thresholds, and how
// many pairs of the whole corpus each chosen setting calls duplicates.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config.js';
import { DEFAULTS as DUPLICATES } from '../src/dedup/find-duplicates.js';
import { DEFAULTS as FP, fingerprint, shingleHashes, similarity, words } from '../src/dedup/fingerprint.js';
import { parseCli } from './parse-cli.js';

const { values } = parseCli({
  usage: 'npm run bench:dedup -- [--corpus DIR] [--shingle N] [--hashes N] [--bands N] [--threshold J]',
  description: 'Near-duplicate detection: MinHash vs SimHash on edited copies and same-topic stories.',
  options: {
    corpus: {
      type: 'string',
      value: 'DIR',
      default: path.join(PROJECT_ROOT, '..', 'shared', 'corpus'),
      description: 'the corpus folder (de-news.jsonl, en-news.jsonl)',
    },
    shingle: { type: 'string', value: 'N', default: String(FP.shingle), description: 'words per shingle' },
    hashes: {
      type: 'string',
      value: 'N',
      default: String(FP.hashes),
      description: 'MinHash signature length',
    },
    bands: { type: 'string', value: 'N', default: String(FP.bands), description: 'LSH bands' },
    threshold: {
      type: 'string',
      value: 'J',
      default: String(DUPLICATES.threshold),
      description: 'estimated Jaccard from which a pair is called a duplicate (the whole-corpus count)',
    },
  },
});

const OPTIONS = {
  shingle: Number(values.shingle),
  hashes: Number(values.hashes),
  bands: Number(values.bands),
  minShingles: FP.minShingles,
};
const THRESHOLD = Number(values.threshold);
/** Pairs of the corpus this similar are copies of one story (updated versions; the BBC set holds some). */
const COPY_IN_CORPUS = 0.6;

interface Record_ {
  id: string;
  title: string | null;
  body: string;
  category?: string | null;
}

let state = 42;
const random = (): number => (state = (state * 48271) % 2147483647) / 2147483647;

const FURNITURE = [
  'Share this article on Facebook Twitter Email',
  'Sign up for our newsletter to get the best stories in your inbox every morning.',
  '© 2024 Example Media Group. All rights reserved.',
  'Read more:',
];

function sentences(body: string): string[] {
  return body.split(/(?<=[.!?])\s+/).filter((s) => s.length > 0);
}

/** A copy as another site prints it: `level` of the sentences dropped, as many reworded, furniture added. */
function editedCopy(body: string, level: number, others: Record_[]): string {
  const kept = sentences(body).filter(() => random() >= level);
  const reworded = kept.map((sentence) => {
    if (random() >= level) return sentence;
    const list = sentence.split(' ');
    for (let n = 0; n < Math.max(1, list.length / 8); n++) {
      list[Math.floor(random() * list.length)] = ['said', 'reported', 'also', 'now', 'the'][n % 5] as string;
    }
    return list.join(' ');
  });
  const headlines = others.slice(0, 3).map((other) => other.title ?? words(other.body).slice(0, 8).join(' '));
  return [
    FURNITURE[3],
    ...reworded,
    'More stories',
    ...headlines,
    FURNITURE[0],
    FURNITURE[1],
    FURNITURE[2],
  ].join('\n');
}

function jaccard(a: Set<number>, b: Set<number>): number {
  let shared = 0;
  for (const value of a) if (b.has(value)) shared += 1;
  return shared / (a.size + b.size - shared || 1);
}

function simhash(text: string): [number, number] {
  const counts = new Array<number>(64).fill(0);
  for (const value of shingleHashes(text, OPTIONS.shingle)) {
    const high = Math.imul(value ^ 0x5bd1e995, 0x27d4eb2d) ^ (value >>> 15);
    for (let bit = 0; bit < 32; bit++) {
      counts[bit] = (counts[bit] as number) + ((value >>> bit) & 1 ? 1 : -1);
      counts[bit + 32] = (counts[bit + 32] as number) + ((high >>> bit) & 1 ? 1 : -1);
    }
  }
  let low = 0;
  let high = 0;
  for (let bit = 0; bit < 32; bit++) {
    if ((counts[bit] as number) > 0) low |= 1 << bit;
    if ((counts[bit + 32] as number) > 0) high |= 1 << bit;
  }
  return [low >>> 0, high >>> 0];
}

function hamming(a: [number, number], b: [number, number]): number {
  let distance = 0;
  for (let x = (a[0] ^ b[0]) >>> 0; x; x &= x - 1) distance += 1;
  for (let x = (a[1] ^ b[1]) >>> 0; x; x &= x - 1) distance += 1;
  return distance;
}

interface Pair {
  positive: boolean;
  trueJ: number;
  minhash: number;
  /** Whether the two share a band key, so the look-up finds the pair at all. */
  banded: boolean;
  hamming: number;
}

function score(pairs: Pair[], says: (pair: Pair) => boolean): string {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const pair of pairs) {
    const yes = says(pair);
    if (yes && pair.positive) tp += 1;
    else if (yes) fp += 1;
    else if (pair.positive) fn += 1;
  }
  return `P ${(tp / (tp + fp || 1)).toFixed(3)}  R ${(tp / (tp + fn || 1)).toFixed(3)}  (fp ${fp}, fn ${fn})`;
}

for (const name of ['de-news.jsonl', 'en-news.jsonl']) {
  const file = path.join(path.resolve(values.corpus), name);
  let records: Record_[];
  try {
    records = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as Record_);
  } catch {
    console.log(`${name}: not found under ${values.corpus}, skipped`);
    continue;
  }
  const shingles = records.map((record) => shingleHashes(record.body, OPTIONS.shingle));
  // Hard negatives: each article's most similar other article of its category (the whole file where the
  // record has none), leaving out pairs of COPY_IN_CORPUS or more, which are copies of one story.
  const negatives: Array<[number, number]> = [];
  for (let i = 0; i < records.length; i++) {
    let best = -1;
    let bestJ = -1;
    for (let j = 0; j < records.length; j++) {
      if (j === i || (records[i]?.category ?? null) !== (records[j]?.category ?? null)) continue;
      const value = jaccard(shingles[i] as Set<number>, shingles[j] as Set<number>);
      if (value >= COPY_IN_CORPUS) continue;
      if (value > bestJ) [best, bestJ] = [j, value];
    }
    if (best >= 0) negatives.push([i, best]);
  }
  const prints = records.map((record) => fingerprint(record.body, OPTIONS));
  const sims = records.map((record) => simhash(record.body));
  const pairOf = (a: string, b: string, positive: boolean): Pair | undefined => {
    const fa = fingerprint(a, OPTIONS);
    const fb = fingerprint(b, OPTIONS);
    if (!fa || !fb) return undefined;
    return {
      positive,
      trueJ: jaccard(shingleHashes(a, OPTIONS.shingle), shingleHashes(b, OPTIONS.shingle)),
      minhash: similarity(fa.signature, fb.signature),
      banded: fa.bands.some((band) => fb.bands.includes(band)),
      hamming: hamming(simhash(a), simhash(b)),
    };
  };
  for (const [label, level] of [
    ['light edits (10 % of sentences dropped, 10 % reworded)', 0.1],
    ['heavy edits (25 % dropped, 25 % reworded)', 0.25],
  ] as const) {
    state = 42;
    const pairs: Pair[] = [];
    records.forEach((record, i) => {
      const others = [
        records[(i + 7) % records.length],
        records[(i + 13) % records.length],
        records[(i + 29) % records.length],
      ];
      const copy = pairOf(record.body, editedCopy(record.body, level, others as Record_[]), true);
      if (copy) pairs.push(copy);
    });
    for (const [i, j] of negatives) {
      const pair = pairOf(records[i]?.body ?? '', records[j]?.body ?? '', false);
      if (pair) pairs.push(pair);
    }
    const positives = pairs.filter((pair) => pair.positive);
    const negs = pairs.filter((pair) => !pair.positive);
    const mean = (list: Pair[], key: 'trueJ' | 'minhash' | 'hamming') =>
      (list.reduce((sum, pair) => sum + pair[key], 0) / (list.length || 1)).toFixed(3);
    console.log(`\n${name}, ${label}: ${positives.length} positive, ${negs.length} negative pairs`);
    console.log(
      `  true Jaccard mean: positives ${mean(positives, 'trueJ')}, negatives ${mean(negs, 'trueJ')}; ` +
        `max negative ${Math.max(...negs.map((p) => p.trueJ)).toFixed(3)}`,
    );
    for (const threshold of [0.2, 0.3, 0.4, 0.5, 0.6]) {
      console.log(
        `  MinHash ${OPTIONS.hashes}x${OPTIONS.shingle}-word, bands ${OPTIONS.bands}, J >= ${threshold}: ` +
          score(pairs, (pair) => pair.banded && pair.minhash >= threshold),
      );
    }
    for (const distance of [3, 6, 10, 14, 18]) {
      console.log(
        `  SimHash 64-bit, Hamming <= ${distance}: ` + score(pairs, (pair) => pair.hamming <= distance),
      );
    }
  }
  // The whole corpus against itself at the shipped setting: every pair it calls a duplicate.
  let called = 0;
  let identical = 0;
  const examples: string[] = [];
  for (let i = 0; i < records.length; i++) {
    for (let j = i + 1; j < records.length; j++) {
      const a = prints[i];
      const b = prints[j];
      if (!a || !b || !a.bands.some((band) => b.bands.includes(band))) continue;
      if (similarity(a.signature, b.signature) < THRESHOLD) continue;
      called += 1;
      if (records[i]?.body === records[j]?.body) identical += 1;
      else if (examples.length < 8) {
        const trueJ = jaccard(shingles[i] as Set<number>, shingles[j] as Set<number>);
        examples.push(`${records[i]?.id} ~ ${records[j]?.id} (true J ${trueJ.toFixed(2)})`);
      }
    }
  }
  const simCalled = { count: 0 };
  for (let i = 0; i < records.length; i++) {
    for (let j = i + 1; j < records.length; j++) {
      if (hamming(sims[i] as [number, number], sims[j] as [number, number]) <= 6) simCalled.count += 1;
    }
  }
  console.log(
    `\n${name}, all ${records.length} articles pairwise: MinHash J >= ${THRESHOLD} calls ${called} pair(s) ` +
      `duplicates, ${identical} of them identical bodies; others: ${examples.join('; ') || 'none'}`,
  );
  console.log(`  SimHash Hamming <= 6 calls ${simCalled.count} pair(s) duplicates`);
}
