import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compileLexicon, CLUSTER_PREFIXES } from '../../../src/entities/ner/compile-lexicon.js';
import { prepareSentence } from '../../../src/entities/ner/prepare-sentence.js';
import { readFlatClusters } from '../../../src/entities/ner/read-flat-clusters.js';

const NC = CLUSTER_PREFIXES.length;

describe('flat word clusters learned from large text (GermaParl)', () => {
  it('reads word<TAB>ids lines, gzipped, as |-joined levels, case kept', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'newsgraph-clusters-')), 'c.tsv.gz');
    writeFileSync(file, gzipSync('#word\tk64\tk256\nMerkel\t18\t225\nWissen\t18\t111\nwissen\t55\t132\n'));
    const clusters = await readFlatClusters(file);
    expect([...clusters]).toEqual([
      ['Merkel', '18|225'],
      ['Wissen', '18|111'],
      ['wissen', '55|132'],
    ]);
    writeFileSync(file, gzipSync('Merkel\t18\tx\n'));
    await expect(readFlatClusters(file)).rejects.toThrow(/bad line "Merkel\t18\tx"/);
  });

  it('each level is a feature of its own, and a word is looked up as written before lower-cased', () => {
    const lexicon = compileLexicon({
      clusters: new Map([
        ['Merkel', '18|225'],
        ['Wissen', '18|111'],
        ['wissen', '55|132'],
      ]),
    });
    const s = prepareSentence(['Merkel', 'Wissen', 'wissen', 'WISSEN'], lexicon);
    const levels = (i: number) => Array.from(s.hCluster.slice(i * NC, i * NC + NC));
    const [merkel, noun, verb, shouted] = [0, 1, 2, 3].map(levels);
    expect(merkel?.[0]).toBe(noun?.[0]); // same k64 cluster
    expect(merkel?.[1]).not.toBe(noun?.[1]); // different k256 clusters
    expect(noun).not.toEqual(verb); // "Wissen" the noun is not "wissen" the verb
    expect(shouted).toEqual(verb); // not found as written: lower-cased
  });
});
