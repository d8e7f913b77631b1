import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileLexicon } from '../../../src/entities/ner/compile-lexicon.js';
import { createWordCache } from '../../../src/entities/ner/create-word-cache.js';
import {
  extractNeighbourFeatures,
  extractWordFeatures,
  MAX_FEATURES,
  NEIGHBOUR_OFFSETS,
} from '../../../src/entities/ner/extract-features.js';
import { addFeatureScores } from '../../../src/entities/ner/feature-table.js';
import { parseNerCorpus } from '../../../src/entities/ner/parse-ner-corpus.js';
import { prepareSentence } from '../../../src/entities/ner/prepare-sentence.js';
import { trainTagger } from '../../../src/entities/ner/train-tagger.js';

const fixture = readFileSync(new URL('./fixtures/tiny-ner.txt', import.meta.url), 'utf8');
const sentences = parseNerCorpus(fixture, 'token-tag');
const labels = ['PER', 'ORG', 'LOC', 'MISC', 'LOCderiv', 'LOCpart'];
const gazetteer = new Map([
  ['kassel', 'LOC'],
  ['anna keller', 'PER'],
]);
const clusters = new Map([
  ['kassel', '0110'],
  ['keller', '10111'],
]);

describe('the tagger word cache', () => {
  const { model } = trainTagger(sentences, { lang: 'xx', labels, epochs: 3, seed: 7, gazetteer, clusters });
  const lexicon = compileLexicon(model);
  const nTags = model.tags.length;

  it('prepares and scores each token as the uncached path does, however small the cache is', () => {
    const keys = new Int32Array(MAX_FEATURES);
    const expected = new Float64Array(nTags);
    const got = new Float64Array(nTags);
    // Capacity 3 is shorter than most sentences, 8 forces restarts, 8192 keeps everything.
    for (const capacity of [3, 8, 8192]) {
      const cache = createWordCache(lexicon, model.table, nTags, { capacity });
      for (const { tokens } of [...sentences, ...sentences.slice().reverse()]) {
        const direct = prepareSentence(tokens, lexicon);
        const cached = cache.prepare(tokens);
        expect(cached.length).toBe(tokens.length);
        expect(cached.hLower.subarray(0, tokens.length)).toEqual(direct.hLower);
        expect(cached.gazetteer.subarray(0, tokens.length)).toEqual(direct.gazetteer);
        expect(cached.lower.slice(0, tokens.length)).toEqual(direct.lower);
        for (let i = 0; i < tokens.length; i++) {
          let count = extractWordFeatures(direct, i, keys, 0);
          for (const step of NEIGHBOUR_OFFSETS)
            count = extractNeighbourFeatures(direct, i, step, keys, count);
          expected.fill(0);
          addFeatureScores(model.table, keys, count, expected);
          cache.setWordScores(i, got);
          expect([...got]).toEqual([...expected]);
        }
      }
    }
  });
});
