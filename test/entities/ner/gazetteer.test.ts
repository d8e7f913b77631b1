import { describe, expect, it } from 'vitest';
import { addPlacePhrases, buildGazetteerPhrases } from '../../../src/entities/ner/build-gazetteer-phrases.js';
import {
  compileGazetteer,
  matchGazetteer,
  matchGazetteerPrefix,
} from '../../../src/entities/ner/match-gazetteer.js';
import { HASH_SEED, hashString } from '../../../src/entities/ner/hash-feature.js';
import type { KbEntity } from '../../../src/entities/types.js';

const entities: KbEntity[] = [
  { id: 'new-york', name: 'New York', type: 'location', aliases: { en: ['New York'], de: ['New York'] } },
  {
    id: 'russia',
    name: 'Russia',
    type: 'location',
    aliases: { de: ['Russland'], en: ['Russia'] },
    adjectives: { de: ['russisch'], en: ['Russian'] },
  },
  { id: 'york-group', name: 'York Group', type: 'organization', aliases: { en: ['York'] } },
];

function codes(lang: string, sentence: string): number[] {
  const index = compileGazetteer(buildGazetteerPhrases(entities, ['Anna'], lang));
  const hashes = Int32Array.from(sentence.toLowerCase().split(' '), (w) => hashString(HASH_SEED, w));
  const out = new Int32Array(hashes.length);
  matchGazetteer(hashes, index, out);
  return [...out];
}

// Bit 4 * type + position; types PER 0, ORG 1, LOC 2, GIVEN 3, DEMONYM 4, PLACE 7; positions single 0, first 1, inside 2, last 3.
const bit = (type: number, position: number): number => 1 << (4 * type + position);

describe('the tagger gazetteer', () => {
  it('marks the tokens of the longest alias by type and position', () => {
    expect(codes('en', 'Anna flew to New Jersey today')).toEqual([bit(3, 0), 0, 0, 0, 0, 0]);
    expect(codes('en', 'Anna flew to New York')).toEqual([bit(3, 0), 0, 0, bit(2, 1), bit(2, 3) | bit(1, 0)]);
  });

  it('also marks an alias that lies inside a longer match', () => {
    expect(codes('en', 'York is not New York')).toEqual([bit(1, 0), 0, 0, bit(2, 1), bit(2, 3) | bit(1, 0)]);
  });

  it('knows inflected German adjectives of places and English plurals', () => {
    expect(codes('de', 'die russischen Truppen in Russland')).toEqual([0, bit(4, 0), 0, 0, bit(2, 0)]);
    expect(codes('de', 'Russlands Truppen')).toEqual([bit(2, 0), 0]);
    expect(codes('en', 'the Russians')).toEqual([0, bit(4, 0)]);
  });
});

describe('place names', () => {
  it('adds the towns of at least the given population, by name and alternative name, as PLACE', () => {
    const phrases = new Map<string, string>([['wiehl', 'LOC']]);
    const places = [
      { name: 'Wiehl', population: 25_000 },
      { name: 'Bad Homburg vor der Höhe', altName: 'Bad Homburg', population: 54_000 },
      { name: 'Kleinstadt', population: 4_000 },
    ];
    expect(addPlacePhrases(phrases, places, 5_000)).toBe(3);
    expect(phrases.get('wiehl')).toBe('LOC|PLACE');
    expect(phrases.get('bad homburg')).toBe('PLACE');
    expect(phrases.has('kleinstadt')).toBe(false);
    const index = compileGazetteer(phrases);
    const hashes = Int32Array.from('in bad homburg vor der höhe'.split(' '), (w) => hashString(HASH_SEED, w));
    const out = new Int32Array(hashes.length);
    matchGazetteer(hashes, index, out);
    expect(out[1]).toBe(bit(7, 1));
    expect(out[5]).toBe(bit(7, 3));
  });
});

describe('gazetteer prefixes', () => {
  it('gives a compound the type of the one-word phrase it starts with', () => {
    const index = compileGazetteer(buildGazetteerPhrases(entities, [], 'de'));
    expect(matchGazetteerPrefix('russlandreise', index)).toBe(1 << 2);
    expect(matchGazetteerPrefix('russischer', index)).toBe(1 << 4);
    expect(matchGazetteerPrefix('russland', index)).toBe(0);
    expect(matchGazetteerPrefix('rundreise', index)).toBe(0);
  });
});
