// Extraction with the bundled knowledge base: surface variants resolve to one entity, unknown people
// become provisional entities, and page furniture is marked.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Extract } from '../../src/entities/create-extractor.js';
import { loadExtractor } from '../../src/entities/load-extractor.js';
import { GIVEN_NAMES_FILE } from '../../src/open-search.js';
import { SAMPLE } from '../helpers/test-newsgraph.js';

let extract: Extract;
const sample = readFileSync(SAMPLE, 'utf8');

beforeAll(() => {
  extract = loadExtractor({ kbFiles: loadConfig({}).kbFiles, givenNamesFile: GIVEN_NAMES_FILE }).extract;
});

function linked(text: string, lang?: string): Array<[string, string]> {
  return extract(text, lang).mentions.map((mention) => [mention.text, mention.entityId]);
}

describe('extraction on the sample article', () => {
  it.each([
    ['Russlands', 'russia'],
    ['Kremls', 'kremlin'],
    ['Kreml', 'kremlin'],
    ['Pekings', 'beijing'],
    ['Ukraine', 'ukraine'],
    ['NATO', 'nato'],
    ['Vereinigten Staaten', 'united-states'],
    ['Vereinten Nationen', 'united-nations'],
    ['Moskau', 'moscow'],
    ['Xi', 'xi-jinping'],
    ['Putin', 'vladimir-putin'],
    ['Biden', 'joe-biden'],
    ['chinesischen', 'china'],
  ])('"%s" resolves to %s', (surface, entityId) => {
    expect(linked(sample, 'de')).toContainEqual([surface, entityId]);
  });

  it('hyphenated compounds link their known part: Ukraine-Krise, Kreml-Lesungen, US-Präsident', () => {
    const mentions = extract(sample, 'de').mentions;
    const at = (word: string) => {
      const start = sample.indexOf(word);
      return mentions.find((mention) => mention.start === start)?.entityId;
    };
    expect(at('Ukraine-Krise')).toBe('ukraine');
    expect(at('Kreml-Lesungen')).toBe('kremlin');
    expect(at('US-Präsident')).toBe('united-states');
  });

  it('offsets point at the surface text', () => {
    for (const mention of extract(sample, 'de').mentions) {
      expect(sample.slice(mention.start, mention.end)).toBe(mention.text);
    }
  });

  it('the "More Stories" block and the author blurb are furniture; the article body is not', () => {
    const { mentions } = extract(sample, 'de');
    const lynch = mentions.filter((mention) => mention.entityId === 'prov-mike-lynch');
    expect(lynch.map((mention) => [mention.text, mention.furniture])).toEqual([
      ['Mike Lynch', true],
      ['Lynchs', true],
    ]);
    expect(mentions.find((mention) => mention.entityId === 'twitter')?.furniture).toBe(true);
    expect(
      mentions.filter((mention) => mention.entityId === 'vladimir-putin').every((m) => !m.furniture),
    ).toBe(true);
  });

  it('detects German when the record gives no language', () => {
    expect(extract(sample).lang).toBe('de');
  });
});

describe('extraction on other text', () => {
  it("the English possessive: Russia's is Russia", () => {
    expect(linked("Russia's president spoke to the Kremlin.", 'en')).toEqual([
      ['Russia', 'russia'],
      ['Kremlin', 'kremlin'],
    ]);
  });

  it('acronyms in either case: NATO and Nato, but "us" is not the US', () => {
    expect(linked('Die Nato und die NATO.', 'de').map(([, id]) => id)).toEqual(['nato', 'nato']);
    expect(linked('They told us that the US would help.', 'en')).toEqual([['US', 'united-states']]);
  });

  it('an unknown two-word person met twice becomes one provisional person; a later surname joins it', () => {
    const { mentions, entities } = extract(
      'Anna Schneiderlein sprach in Wien. Später sagte Anna Schneiderlein mehr. Schneiderleins Partei schwieg.',
      'de',
    );
    expect(mentions.map((mention) => mention.entityId)).toEqual([
      'prov-anna-schneiderlein',
      'vienna',
      'prov-anna-schneiderlein',
      'prov-anna-schneiderlein',
    ]);
    expect(entities.find((entity) => entity.id === 'prov-anna-schneiderlein')).toEqual({
      id: 'prov-anna-schneiderlein',
      name: 'Anna Schneiderlein',
      type: 'person',
    });
  });

  it('a hyphenated given name stays one name', () => {
    expect(linked('Heinz-Christian Strache sprach.', 'de')).toEqual([
      ['Heinz-Christian Strache', 'prov-heinz-christian-strache'],
    ]);
  });

  it('a double-barrelled surname stays one name', () => {
    expect(linked('Johanna Mikl-Leitner sprach. Mikl-Leitners Partei blieb.', 'de')).toEqual([
      ['Johanna Mikl-Leitner', 'prov-johanna-mikl-leitner'],
      ['Mikl-Leitners', 'prov-johanna-mikl-leitner'],
    ]);
  });

  it('a surname shared by two people of the article stays unresolved', () => {
    const ids = linked('Anna Kowalczyk und Peter Kowalczyk kamen. Kowalczyk sprach.', 'de').map(
      ([, id]) => id,
    );
    expect(ids).toEqual(['prov-anna-kowalczyk', 'prov-peter-kowalczyk']);
  });

  it('ordinal dots do not end German sentences', () => {
    const { sentences } = extract('Am 7. Juli traf Xi Jinping in Peking ein. Dann sprach er.', 'de');
    expect(sentences).toHaveLength(2);
  });

  it('a regnal number keeps its ordinal dot, which does not end the German sentence', () => {
    const text = 'Kaiser Wilhelm II. besuchte Berlin. Dann reiste er ab.';
    const { sentences } = extract(text, 'de');
    expect(sentences.map(([start, end]) => text.slice(start, end))).toEqual([
      'Kaiser Wilhelm II. besuchte Berlin.',
      'Dann reiste er ab.',
    ]);
  });

  it('a dot inside a word neither splits the word nor ends the sentence', () => {
    const text = 'Der Sender KI.KA und die Firma E.ON zahlen. Dann kam er.';
    const { sentences, mentions } = extract(text, 'de');
    expect(sentences).toHaveLength(2);
    expect(mentions.map((mention) => [mention.text, mention.entityId])).toContainEqual(['E.ON', 'eon']);
  });
});
