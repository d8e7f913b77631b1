// Linking with the tagger first (the default, NER=tagger): the tagger proposes spans and types, the linker
// picks a knowledge-base entity only when the types agree, and adjectives and word parts are marked derived.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Extract } from '../../src/entities/create-extractor.js';
import { loadExtractor } from '../../src/entities/load-extractor.js';
import type { Tagger } from '../../src/entities/ner/create-tagger.js';
import { GIVEN_NAMES_FILE, loadShippedTaggers } from '../../src/open-search.js';

let taggers: { de: Tagger; en: Tagger };
let extract: Extract;

beforeAll(async () => {
  taggers = await loadShippedTaggers();
  extract = loadExtractor({
    kbFiles: loadConfig({}).kbFiles,
    givenNamesFile: GIVEN_NAMES_FILE,
    taggers,
  }).extract;
});

function mentionOf(extraction: ReturnType<Extract>, surface: string, nth = 0) {
  const mention = extraction.mentions.filter((m) => m.text === surface)[nth];
  const entity = extraction.entities.find((e) => e.id === mention?.entityId);
  return { ...mention, type: entity?.type };
}

describe('the linker keeps the tagger type', () => {
  it('a club named after a city in a sports sentence is an organisation, not the city', () => {
    const leeds = mentionOf(extract('Leeds beat Chelsea 2-1 at Elland Road on Saturday.', 'en'), 'Leeds');
    expect(leeds.type).toBe('organization');
    expect(leeds.entityId).not.toBe('leeds');
  });

  it('a place followed by more words of a tagged name is another name ("Leicester Square")', () => {
    const english = extract('Crowds gathered in Leicester Square for the premiere.', 'en');
    expect(mentionOf(english, 'Leicester Square').entityId).toBe('prov-leicester-square');
    const german = extract('Sie spielen in der Europa League gegen Lazio.', 'de');
    expect(mentionOf(german, 'Europa League').entityId).toBe('prov-europa-league');
  });

  it('the city in "in Leeds" is the city', () => {
    const leeds = mentionOf(
      extract('The Prime Minister visited a hospital in Leeds on Monday.', 'en'),
      'Leeds',
    );
    expect(leeds).toMatchObject({ entityId: 'leeds', type: 'location' });
  });

  it('a name the knowledge base gives a club and a city links by the type the tagger sees', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-kb-'));
    const club = path.join(dir, 'club.json');
    const entity = { id: 'leeds-united', name: 'Leeds United', type: 'organization' };
    writeFileSync(
      club,
      JSON.stringify({ entities: [{ ...entity, aliases: { en: ['Leeds United', 'Leeds'] } }] }),
    );
    const withClub = loadExtractor({
      kbFiles: [...loadConfig({}).kbFiles, club],
      givenNamesFile: GIVEN_NAMES_FILE,
      taggers,
    }).extract;
    expect(
      mentionOf(withClub('Leeds beat Chelsea 2-1 at Elland Road on Saturday.', 'en'), 'Leeds'),
    ).toMatchObject({ entityId: 'leeds-united', type: 'organization' });
    expect(
      mentionOf(withClub('The Prime Minister visited a hospital in Leeds.', 'en'), 'Leeds'),
    ).toMatchObject({
      entityId: 'leeds',
      type: 'location',
    });
  });

  it('an institution named by its seat keeps its knowledge-base entity ("Kreml", "Kremls")', () => {
    const extraction = extract(
      'Der Kreml wies die Vorwürfe zurück. Ein Sprecher des Kremls sagte, Moskau bleibe hart.',
      'de',
    );
    expect(mentionOf(extraction, 'Kreml').entityId).toBe('kremlin');
    expect(mentionOf(extraction, 'Kremls').entityId).toBe('kremlin');
  });

  it("a place's name in the other language alone is part of another name, not the place", () => {
    const german = extract(
      'Nach Berechnung der Statistik Austria lag die Inflation bei 1,2 Prozent. Für die Austria ist das ein ' +
        'Aderlass. Iggy Pop spielt beim Festival Rock in Vienna. Österreich und Wien, im Süden Athens.',
      'de',
    );
    const linked = german.mentions.map((mention) => [mention.text, mention.entityId]);
    expect(linked).toEqual(
      expect.arrayContaining([
        ['Österreich', 'austria'],
        ['Wien', 'vienna'],
        ['Athens', 'athens'],
      ]),
    );
    for (const word of ['Austria', 'Vienna']) expect(linked.map(([text]) => text)).not.toContain(word);
    const english = extract('Austria and Vienna agreed.', 'en').mentions.map((mention) => mention.entityId);
    expect(english).toEqual(['austria', 'vienna']);
  });

  it('a tagged surname after a full name outside the knowledge base joins it ("Lynchs")', () => {
    const extraction = extract('Der Unternehmer Mike Lynch ist tot. Lynchs Yacht sank vor Sizilien.', 'de');
    expect(mentionOf(extraction, 'Lynchs').entityId).toBe(mentionOf(extraction, 'Mike Lynch').entityId);
  });

  it('a hyphenated surname alone joins the full name too ("Mikl-Leitner", "Mikl-Leitners")', () => {
    const extraction = extract('Johanna Mikl-Leitner kam. Mikl-Leitners Plan und Mikl-Leitner sprach.', 'de');
    const id = mentionOf(extraction, 'Johanna Mikl-Leitner').entityId;
    expect(mentionOf(extraction, 'Mikl-Leitners').entityId).toBe(id);
    expect(mentionOf(extraction, 'Mikl-Leitner').entityId).toBe(id);
  });

  it('without the tagger, knowledge-base matches decide as before', () => {
    const off = loadExtractor({ kbFiles: loadConfig({}).kbFiles, givenNamesFile: GIVEN_NAMES_FILE }).extract;
    expect(mentionOf(off('Leeds beat Chelsea 2-1 at Elland Road on Saturday.', 'en'), 'Leeds').entityId).toBe(
      'leeds',
    );
  });
});

describe('derived mentions', () => {
  const text =
    'Die russische Regierung und der deutsche Kanzler sprachen über die Ukraine-Krise in Russland.';

  it('adjectives and parts of longer words are marked derived and still link', () => {
    const extraction = extract(text, 'de');
    expect(mentionOf(extraction, 'russische')).toMatchObject({ entityId: 'russia', derived: true });
    expect(mentionOf(extraction, 'deutsche')).toMatchObject({ entityId: 'germany', derived: true });
    expect(mentionOf(extraction, 'Ukraine')).toMatchObject({ entityId: 'ukraine', derived: true });
  });

  it('a name, its genitive and its possessive are not derived', () => {
    expect(mentionOf(extract(text, 'de'), 'Russland')).toMatchObject({ entityId: 'russia' });
    expect(mentionOf(extract(text, 'de'), 'Russland').derived).toBeUndefined();
    const english = extract("Russia's president met the German Chancellor.", 'en');
    expect(mentionOf(english, "Russia's").derived ?? mentionOf(english, 'Russia').derived).toBeUndefined();
    expect(mentionOf(english, 'German')).toMatchObject({ entityId: 'germany', derived: true });
  });

  it('an organisation whose name opens with a place adjective keeps its whole name', () => {
    const german = extract('Das berichtete der Bayerische Rundfunk am Montag.', 'de');
    expect(mentionOf(german, 'Bayerische Rundfunk').type).toBe('organization');
    const english = extract('The British National Party lost its only seat.', 'en');
    expect(mentionOf(english, 'British National Party').type).toBe('organization');
  });

  it('states and provinces are entities of their own, in either language, with their adjectives', () => {
    const german = extract(
      'Bayern und die Steiermark streiten, sagte der bayerische Minister in Kalifornien.',
      'de',
    );
    const english = extract('Bavaria and Styria disagree, the Bavarian minister said in California.', 'en');
    expect(mentionOf(german, 'Bayern')).toMatchObject({ entityId: 'bavaria', type: 'location' });
    expect(mentionOf(english, 'Bavaria')).toMatchObject({ entityId: 'bavaria', type: 'location' });
    expect(mentionOf(german, 'Steiermark').entityId).toBe(mentionOf(english, 'Styria').entityId);
    expect(mentionOf(german, 'Kalifornien').entityId).toBe(mentionOf(english, 'California').entityId);
    expect(mentionOf(german, 'bayerische')).toMatchObject({ entityId: 'bavaria', derived: true });
    expect(mentionOf(english, 'Bavarian')).toMatchObject({ entityId: 'bavaria', derived: true });
  });

  it('an adjective of a known entity is its derived mention whatever the tagger calls it ("Tory")', () => {
    const english = extract('The Tory leader said the Lib Dem plans would fail.', 'en');
    expect(mentionOf(english, 'Tory')).toMatchObject({ entityId: 'conservative-party', derived: true });
    expect(mentionOf(english, 'Lib Dem')).toMatchObject({ entityId: 'liberal-democrats', derived: true });
  });

  it('a known name inside what the tagger labels MISC is derived ("Berlin" of "Berlin Film Festival")', () => {
    // A tagger that labels the words of `misc` MISC, runs of them one span.
    const taggerOf = (misc: ReadonlySet<string>): Tagger => {
      const tagDocument = (sentences: readonly (readonly string[])[]): string[][] =>
        sentences.map((words) =>
          words.map((w, i) => (!misc.has(w) ? 'O' : misc.has(words[i - 1] ?? '') ? 'I-MISC' : 'B-MISC')),
        );
      return {
        tag: (words) => tagDocument([words])[0] ?? [],
        tagDocument,
        isCommonWord: () => false,
        isDictionaryNoun: () => false,
      };
    };
    const extractWith = (misc: string[]): Extract =>
      loadExtractor({
        kbFiles: loadConfig({}).kbFiles,
        givenNamesFile: GIVEN_NAMES_FILE,
        taggers: { en: taggerOf(new Set(misc)) },
      }).extract;
    const sentence = 'She won at the Berlin Film Festival and flew back to Berlin.';
    const labelled = extractWith(['Berlin', 'Film', 'Festival'])(sentence, 'en');
    expect(mentionOf(labelled, 'Berlin')).toMatchObject({ entityId: 'berlin', derived: true });
    // A MISC span of the city alone is the city's own name.
    expect(mentionOf(labelled, 'Berlin', 1)).toMatchObject({ entityId: 'berlin' });
    expect(mentionOf(labelled, 'Berlin', 1).derived).toBeUndefined();
    // Where the tagger labels nothing, the city in the festival's name is a name.
    const unlabelled = extractWith([])(sentence, 'en');
    expect(mentionOf(unlabelled, 'Berlin')).toMatchObject({ entityId: 'berlin' });
    expect(mentionOf(unlabelled, 'Berlin').derived).toBeUndefined();
  });

  it('a span from a known name over its possessive is split into the owner and what it owns', () => {
    // A tagger that labels each run of these words one organisation.
    const inName = new Set([
      'Bank',
      'of',
      'England',
      "'s",
      'Monetary',
      'Policy',
      'Committee',
      'Pakistan',
      'People',
      'Party',
    ]);
    const tagDocument = (sentences: readonly (readonly string[])[]): string[][] =>
      sentences.map((words) =>
        words.map((w, i) => (!inName.has(w) ? 'O' : inName.has(words[i - 1] ?? '') ? 'I-ORG' : 'B-ORG')),
      );
    const tagger: Tagger = {
      tag: (words) => tagDocument([words])[0] ?? [],
      tagDocument,
      isCommonWord: () => false,
      isDictionaryNoun: () => false,
    };
    const { extract: withSpans } = loadExtractor({
      kbFiles: loadConfig({}).kbFiles,
      givenNamesFile: GIVEN_NAMES_FILE,
      taggers: { en: tagger },
    });
    const owned = withSpans("Analysts said Bank of England's Monetary Policy Committee met.", 'en');
    expect(mentionOf(owned, 'Bank of England')).toMatchObject({ entityId: 'bank-of-england' });
    expect(mentionOf(owned, 'Monetary Policy Committee')).toMatchObject({ type: 'organization' });
    // Words before the possessive that are no known name: one name.
    const whole = withSpans("Voters said Pakistan People's Party won.", 'en');
    expect(mentionOf(whole, "Pakistan People's Party")).toMatchObject({ type: 'organization' });
  });

  it('derived mentions are marked without the tagger too', () => {
    const off = loadExtractor({ kbFiles: loadConfig({}).kbFiles, givenNamesFile: GIVEN_NAMES_FILE }).extract;
    expect(mentionOf(off(text, 'de'), 'russische')).toMatchObject({ entityId: 'russia', derived: true });
    expect(mentionOf(off(text, 'de'), 'Russland').derived).toBeUndefined();
  });
});

describe('tokens', () => {
  it('a name with letters outside Latin-1 stays one word with its offsets ("Đoković", "Łódź")', () => {
    const text = 'Novak Đoković gewann in Łódź.';
    const { mentions } = extract(text, 'de');
    for (const mention of mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
    expect(mentions.map((m) => m.text)).toEqual(expect.arrayContaining(['Novak Đoković', 'Łódź']));
  });
});
