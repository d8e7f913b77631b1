// The statistical tagger in the pipeline (NER=tagger, the default): it adds names neither the knowledge
// base nor the name rule knows, and knowledge-base names it tags link to their entities.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Extract } from '../../src/entities/create-extractor.js';
import { loadExtractor } from '../../src/entities/load-extractor.js';
import { GIVEN_NAMES_FILE, loadShippedTaggers } from '../../src/open-search.js';

const TEXT = 'Der Berater Mychajlo Podoljak sagte am Montag in Kiew, die Firma Zalando wachse.';
let withTagger: Extract;
let withoutTagger: Extract;

beforeAll(async () => {
  const kbFiles = loadConfig({}).kbFiles;
  withTagger = loadExtractor({
    kbFiles,
    givenNamesFile: GIVEN_NAMES_FILE,
    taggers: await loadShippedTaggers(),
  }).extract;
  withoutTagger = loadExtractor({ kbFiles, givenNamesFile: GIVEN_NAMES_FILE }).extract;
});

describe('the tagger as a finder', () => {
  it('finds an organisation that is in no knowledge-base file', () => {
    const entities = withTagger(TEXT, 'de').entities;
    expect(entities).toContainEqual({ id: 'prov-zalando', name: 'Zalando', type: 'organization' });
    expect(withoutTagger(TEXT, 'de').entities.map((entity) => entity.id)).not.toContain('prov-zalando');
  });

  it('links the knowledge-base names it tags as the knowledge base alone does', () => {
    const text = 'Russlands Präsident Wladimir Putin telefonierte mit Xi Jinping.';
    const ids = (extract: Extract) => extract(text, 'de').mentions.map((mention) => mention.entityId);
    expect(ids(withTagger)).toEqual(ids(withoutTagger));
    expect(ids(withTagger)).toEqual(['russia', 'vladimir-putin', 'xi-jinping']);
  });

  it('sees abbreviations and regnal numbers as its German training text wrote them', () => {
    const text = 'Papst Benedikt XVI. kam nach St. Moritz.';
    const mentions = withTagger(text, 'de').mentions.map((mention) => mention.text);
    expect(mentions).toContain('Benedikt XVI.');
    expect(mentions).toContain('St. Moritz');
  });

  it('leaves a form of address out of the name, so "Mr Alencar" is the Jose Alencar named before', () => {
    const text = 'Vice President Jose Alencar said the deal was good. Mr Alencar added that it would pass.';
    const mentions = withTagger(text, 'en').mentions.map((mention) => [mention.text, mention.entityId]);
    expect(mentions).toEqual([
      ['Jose Alencar', 'prov-jose-alencar'],
      ['Alencar', 'prov-jose-alencar'],
    ]);
  });

  it('ends a name before the next sentence whose full stop the source lost, so "The" links to no one', () => {
    const text =
      '"The risks are real," said analyst Peter Mitroshin The dispute is political. The company wants damages.';
    for (const extract of [withTagger, withoutTagger]) {
      const mentions = extract(text, 'en').mentions.map((mention) => [mention.text, mention.entityId]);
      expect(mentions).toEqual([['Peter Mitroshin', 'prov-peter-mitroshin']]);
    }
  });

  it('takes a regnal number for no surname: the pronoun "I" is not Elizabeth I', () => {
    const text = 'Queen Elizabeth I ruled England. "I will not go," she said.';
    const mentions = withTagger(text, 'en').mentions.map((mention) => mention.text);
    expect(mentions).toEqual(['Elizabeth I', 'England']);
    // A surname spelt with the letters of roman numerals is still one.
    const li = withTagger('Lucy Li won the tournament. Li said she was happy.', 'en').mentions;
    expect(li.map((mention) => [mention.text, mention.entityId])).toEqual([
      ['Lucy Li', 'prov-lucy-li'],
      ['Li', 'prov-lucy-li'],
    ]);
  });

  it('links the genitive of a person outside the knowledge base to the person named in the article', () => {
    const text = 'Der Autor Salman Rushdie wurde geehrt. Die Werke Salman Rushdies sind bekannt.';
    const { mentions, entities } = withTagger(text, 'de');
    expect(mentions.map((mention) => mention.entityId)).toEqual([
      'prov-salman-rushdie',
      'prov-salman-rushdie',
    ]);
    expect(entities.map((entity) => entity.id)).toEqual(['prov-salman-rushdie']);
  });

  it('takes no German month or weekday for a name, the Austrian "Jänner" included', () => {
    const text = 'Im Jänner stiegen die Preise in Wien. Seit Jänner 2016 gilt das Gesetz.';
    expect(withTagger(text, 'de').mentions.map((mention) => mention.text)).toEqual(['Wien']);
  });

  it('takes a name after a form of address for a person\'s, whatever the tagger said ("Ms Kelly")', () => {
    const text =
      'Education Secretary Ruth Kelly set out her plans. Ms Kelly said schools would get more money.';
    const mentions = withTagger(text, 'en').mentions.map((mention) => [mention.text, mention.entityId]);
    expect(mentions).toContainEqual(['Kelly', 'prov-ruth-kelly']);
    expect(mentions.map(([mention]) => mention)).not.toContain('Ms Kelly');
  });

  it('takes no holiday, award, form of address or "I\'m" alone for a name', () => {
    const text =
      'Christmas sales were strong, and Christmas came early for Marks & Spencer in London. ' +
      '"I\'m fine," said Mr Tsutsumi. Mr I\'Anson won an Oscar.';
    const mentions = withTagger(text, 'en').mentions.map((mention) => mention.text);
    expect(mentions).toEqual(expect.arrayContaining(['London', 'Tsutsumi', "I'Anson"]));
    for (const word of ['Christmas', "I'm", 'Mr', 'Oscar']) expect(mentions).not.toContain(word);
  });

  it("takes no common noun's abbreviation alone for a name", () => {
    const texts = [
      "Sony's PSP handheld went on sale in Japan in December. Nintendo's DS has sold 2.8 million units.",
      'Microsoft said its DRM system would protect songs.',
      'The firm sells PCs and LCD televisions through Currys.',
      'Many MPs said the MEP should resign, according to the BBC.',
    ];
    const mentions = texts.flatMap((text) => withTagger(text, 'en').mentions.map((mention) => mention.text));
    expect(mentions).toEqual(expect.arrayContaining(['Sony', 'Japan', 'Microsoft', 'Currys', 'BBC']));
    for (const word of ['PSP', 'DS', 'DRM', 'LCD', 'MEP']) expect(mentions).not.toContain(word);
  });

  it('leaves punctuation and a German verb at the edge of a tagged span out of the mention', () => {
    const text = 'Marc Janko kam aus der Salzburger SPÖ. Janko mahnte die Kollegen.';
    const mentions = withTagger(text, 'de').mentions.map((mention) => [mention.text, mention.entityId]);
    expect(mentions).toContainEqual(['SPÖ', 'spoe']);
    expect(mentions).toContainEqual(['Janko', 'prov-marc-janko']);
    expect(mentions.map(([mention]) => mention)).not.toContain('SPÖ.');
  });

  it('tags a headline after the body, so its guess about a name is not remembered for the article', () => {
    // BBC's headline: the tagger takes "Nortel" in it for a person, and before the body was tagged first,
    // every later "Nortel" and "Nortel Networks" followed.
    const text =
      'Nortel in $300m profit revision\n' +
      'Telecoms equipment maker Nortel Networks has sharply revised downwards its profits for the 2003 ' +
      'fiscal year. In a long-awaited filing, Nortel said it had made $434m.';
    const { entities } = withTagger(text, 'en');
    const typeOf = (name: string) => entities.find((entity) => entity.name === name)?.type;
    expect(typeOf('Nortel Networks')).toBe('organization');
    expect(typeOf('Nortel')).toBe('organization');
  });

  it('ends a German name at its first lower-case word, unless it is a particle or part of a hyphenated word', () => {
    const text =
      'Thomas Bernhard österreichische Geschichte lag auf dem Tisch. Ban Ki-moon sprach mit Ursula von der Leyen. ' +
      'Der Maler Vincent van Gogh und Maria de los Angeles kamen.';
    const mentions = withTagger(text, 'de').mentions.map((mention) => mention.text);
    expect(mentions).toEqual(
      expect.arrayContaining([
        'Thomas Bernhard',
        'Ban Ki-moon',
        'Ursula von der Leyen',
        'Vincent van Gogh',
        'Maria de los Angeles',
      ]),
    );
    expect(mentions.filter((mention) => mention.includes('Geschichte'))).toEqual([]);
  });

  it('takes no unit written onto its number for a name', () => {
    const mentions = withTagger('Apple sold a 30GB model in Britain.', 'en').mentions.map((m) => m.text);
    expect(mentions).toEqual(['Apple', 'Britain']);
  });

  it('ends a German span at a genitive name and leaves out the nouns it governs', () => {
    const text =
      'Thomas Fischer sprach. Thomas Fischers Mutter war da. Google wächst. Googles Software ist beliebt. ' +
      'Caritas und Rotes Kreuz halfen.';
    const mentions = withTagger(text, 'de').mentions.map((mention) => [mention.text, mention.entityId]);
    expect(mentions).toContainEqual(['Thomas Fischers', 'prov-thomas-fischer']);
    expect(mentions).toContainEqual(['Googles', 'google']);
    // "Rote" is a common word, and no given name stands before "Rotes": the name is whole.
    expect(mentions.map(([mention]) => mention)).not.toContain('Rotes');
  });

  it('NER is tagger by default and accepts only off, tagger and neural', () => {
    expect(loadConfig({}).ner).toBe('tagger');
    expect(loadConfig({ NER: 'off' }).ner).toBe('off');
    expect(loadConfig({ NER: 'tagger' }).ner).toBe('tagger');
    expect(loadConfig({ NER: 'neural' }).ner).toBe('neural');
    expect(() => loadConfig({ NER: 'spacy' })).toThrow(
      /NER must be "off", "perceptron", "tagger", "hybrid" or "neural"/,
    );
  });
});
