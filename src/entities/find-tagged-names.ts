// The statistical tagger as the first finder (NER=tagger, the default): per article, its PER, ORG and LOC
// spans become candidates of type person, organization and location. MISC and the German -deriv/-part
// labels are left to the knowledge base (adjectives, hyphen parts): on their own they are too often wrong
// to name an actor. MISC spans (events, works, products) are reported apart, so that the names inside them
// ("Berlin" of "Berlin Film Festival") count as derived. The tagger was trained on text whose hyphenated words are one token ("Ukraine-Krise",
// "Mikl-Leitner"), so the words the tokenizer split at tight hyphens are joined again before tagging; the
// German training text writes some abbreviations apart from their dot ("St . Gallen", "Dr . Müller"), so
// the tagger sees them so.
import { isFunctionWord } from './is-function-word.js';
import { isTightHyphen } from './is-tight-hyphen.js';
import { decodeSpans } from './ner/decode-spans.js';
import type { Tagger } from './ner/create-tagger.js';
import type { Candidate, EntityType, Token } from './types.js';

/** What the tagger found in an article: names of actors, and the spans it labelled MISC. */
export interface TaggedNames {
  names: Candidate[];
  /** Token spans [start, end) the tagger labelled MISC (not its -deriv/-part forms), edges trimmed. */
  other: Array<{ start: number; end: number }>;
}

/** The tagger as a finder: the article's tokens in, its names and MISC spans out. */
export type TaggedNameFinder = (tokens: readonly Token[], lang: string) => TaggedNames;

const TYPES: Record<string, EntityType> = { PER: 'person', ORG: 'organization', LOC: 'location' };

/** Forms of address the tagger sometimes takes into a person's span ("Mr Alencar"): not part of the name. */
const HONORIFICS = new Set(['Mr', 'Mrs', 'Ms', 'Miss', 'Dr', 'Prof', 'Herr', 'Herrn', 'Frau']);

/**
 * German month and weekday names, with the Austrian "Jänner" and "Feber": never a name on their own. The
 * German tagger learned from German German text and took "Jänner" (77 times in the Austrian corpus
 * articles) for a person.
 */
const CALENDAR_DE = new Set([
  'Jänner',
  'Januar',
  'Feber',
  'Februar',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
  'Montag',
  'Dienstag',
  'Mittwoch',
  'Donnerstag',
  'Freitag',
  'Samstag',
  'Sonnabend',
  'Sonntag',
]);

/**
 * Lower-case words inside people's names: "Ursula von der Leyen", "Vincent van Gogh", "Mohammed bin Salman",
 * "María de los Ángeles". Not "des": in German text it is the genitive article far more often than a French
 * particle ("Alpeninszenierung des Endes" became a person's name with it).
 */
const PARTICLES = new Set([
  'von',
  'vom',
  'van',
  'de',
  'der',
  'den',
  'zu',
  'zur',
  'da',
  'di',
  'del',
  'della',
  'dos',
  'du',
  'la',
  'le',
  'bin',
  'ibn',
  'al',
  'el',
  'ter',
  'ten',
  'los',
  'las',
]);

/**
 * Abbreviations of common nouns, in either language: devices, formats, technologies, measures and offices,
 * never an organisation on their own (the English tagger made organisations of "PC", "DS", "PSP", "DRM",
 * "HD", "LCD", "RFID" in the BBC articles of the corpus, and a person of "DVD" and "MPs"). Names that contain
 * them ("PC World", "Nintendo DS") are spans of several words and stay.
 */
const COMMON_ACRONYMS = new Set(
  (
    'PC TV DVD CD LCD HD HDTV GPS SMS MMS USB LAN WLAN RFID DRM PVR PDA MP3 DS PSP CPU RAM DSL ISDN ' +
    'UMTS HSDPA UWB VoIP SUV CEO CFO GDP VAT HIV DNA IQ MP MEP LKW Lkw PKW Pkw KFZ Kfz EDV BIP MwSt ' +
    'KI'
  )
    .split(' ')
    .flatMap((word) => [word, `${word}s`]),
);

const lowerCase = (word: string): boolean => /^\p{Ll}/u.test(word);

/**
 * Feasts, holidays and awards, in either language: never a person, organisation or place on their own. The
 * English tagger took "Christmas" for a place 77 times and "Oscar" for a person in 55 of the BBC articles of
 * the corpus.
 */
const NEVER_ALONE = new Set([
  'Oscar',
  'Oscars',
  'Bafta',
  'Baftas',
  'Grammy',
  'Grammys',
  'Emmy',
  'Emmys',
  'Christmas',
  'Xmas',
  'Easter',
  'Thanksgiving',
  'Halloween',
  'Weihnachten',
  'Ostern',
  'Pfingsten',
  'Fasching',
  'Karneval',
]);

/** Head nouns of companies' and institutions' names, which may follow a name ending in -s ("Lloyds Bank"). */
const NAME_HEADS = new Set([
  'Bank',
  'Gruppe',
  'Holding',
  'Verlag',
  'Stiftung',
  'Werft',
  'Institut',
  'Universität',
  'Klinik',
  'Brauerei',
  'Partei',
  'Verein',
]);

/** Abbreviations GermEval 2014 writes apart from their dot (counted in its training text), as "St" ".". */
const DOT_APART_DE = new Set(['St.', 'Dr.', 'Prof.', 'Chr.', 'Jh.', 'Abs.', 'Mio.', 'Mrd.', 'Bd.', 'Abb.']);

/** Groups of tokens [first, end) that the tagger sees as one word, per sentence, and their text. */
interface Sentence {
  words: string[];
  /** Index of the first token of each word, then the end of the last. */
  bounds: number[];
}

function taggerSentences(tokens: readonly Token[], lang: string): Sentence[] {
  const sentences: Sentence[] = [];
  let current: Sentence | undefined;
  for (let i = 0; i < tokens.length;) {
    const token = tokens[i] as Token;
    if (!current || tokens[i - 1]?.sentence !== token.sentence) {
      if (current) current.bounds.push(i);
      current = { words: [], bounds: [] };
      sentences.push(current);
    }
    let end = i + 1;
    // word - word, all tight: one word, as in the training text.
    while (
      isTightHyphen(tokens, end) &&
      tokens[end + 1]?.sentence === token.sentence &&
      /^[\p{L}\p{N}]/u.test(tokens[end + 1]?.value ?? '')
    ) {
      end += 2;
    }
    const word = tokens
      .slice(i, end)
      .map((t) => t.value)
      .join('');
    if (lang === 'de' && DOT_APART_DE.has(word)) {
      current.bounds.push(i, i);
      current.words.push(word.slice(0, -1), '.');
    } else {
      current.bounds.push(i);
      current.words.push(word);
    }
    i = end;
  }
  current?.bounds.push(tokens.length);
  return sentences;
}

/** A line of its own without the punctuation that ends a sentence: the article's title. */
function isHeadline(words: readonly string[]): boolean {
  return !/^[.!?:;…"'“”„«»)]+$/u.test(words[words.length - 1] ?? '.');
}

/** The tagger of a language; a language without its own tagger uses English's. */
export function taggerFor(taggers: { de?: Tagger; en?: Tagger }, lang: string): Tagger | undefined {
  return (lang === 'de' ? taggers.de : taggers.en) ?? taggers.en ?? taggers.de;
}

/** What trimming knows of words: the tagger's common words and the given names. */
interface WordKnowledge {
  isCommonWord: (word: string) => boolean;
  isDictionaryNoun: (word: string) => boolean;
  givenNames: ReadonlySet<string>;
  /** The words of the article. */
  article: ReadonlySet<string>;
}

// Module functions rather than named closures per call: the tsx runtime (esbuild keepNames) wraps each named
// closure it makes in a call that costs more than the work of these checks.
const valueAt = (tokens: readonly Token[], at: number): string => tokens[at]?.value ?? '';
const naming = (word: string): boolean => /[\p{L}\p{N}]/u.test(word);
// A lower-case word of its own: not the end of a hyphenated one ("n-tv", "GPA-djp").
const isLoose = (tokens: readonly Token[], at: number): boolean =>
  lowerCase(valueAt(tokens, at)) && !isTightHyphen(tokens, at - 1);
const isHonorific = (word: string): boolean => HONORIFICS.has(word.replace(/\.$/, ''));
// A noun a German genitive name governs ("Wohnort" of "Wolfgang Schäubles Wohnort").
const governed = (word: string, words: WordKnowledge): boolean =>
  /^\p{Lu}\p{Ll}/u.test(word) && words.isDictionaryNoun(word) && !NAME_HEADS.has(word);

/**
 * Where a German span runs past a name in the genitive into the nouns it governs ("Wolfgang Schäubles
 * Wohnort", "Herta Müllers Mutter"): the index of the first of them, else `end`. Only when the name
 * without its -s is written elsewhere in the article and is no common word unless a given name precedes it
 * ("Rotes Kreuz": "Rote"; "Herta Müllers"), the genitive is no given name ("Andreas Müller"), and every word
 * after it is a dictionary noun but the head noun of a company's or an institution's name ("Lloyds Bank").
 */
function genitiveEnd(tokens: readonly Token[], start: number, end: number, words: WordKnowledge): number {
  for (let at = start + 1; at < end; at++) {
    const genitive = valueAt(tokens, at - 1);
    if (
      /^\p{Lu}\p{L}*[^s]s$/u.test(genitive) &&
      !words.givenNames.has(genitive) &&
      words.article.has(genitive.slice(0, -1)) &&
      (!words.isCommonWord(genitive.slice(0, -1)) || words.givenNames.has(valueAt(tokens, at - 2))) &&
      tokens.slice(at, end).every((token) => governed(token.value, words))
    ) {
      return at;
    }
  }
  return end;
}

/** The span [first, last) without the tokens at its edges that hold no letter or digit. */
function trimEdges(tokens: readonly Token[], first: number, last: number): { start: number; end: number } {
  let start = first;
  let end = last;
  while (start < end && !naming(valueAt(tokens, start))) start += 1;
  while (end > start && !naming(valueAt(tokens, end - 1))) end -= 1;
  return { start, end };
}

/**
 * The tokens of a tagged span that name, and their type: without punctuation at its edges ("SPÖ ." at a
 * sentence end); a person's name, whatever the tagger said, after a form of address, which is left out
 * ("Mr Alencar", "Ms Kelly" tagged an organisation); in German without trailing lower-case words ("Janko
 * mahnte", "Tiroler bringt"), and a person's name up to its first lower-case word that is not a particle;
 * nothing for a holiday, an award, a form of address, "I'm" or a German month or weekday alone.
 */
function trimSpan(
  tokens: readonly Token[],
  first: number,
  last: number,
  tagged: EntityType,
  lang: string,
  words: WordKnowledge,
): { start: number; end: number; type: EntityType } | undefined {
  let { start, end } = trimEdges(tokens, first, last);
  // A unit written onto its number ("a 30GB model", "5kW", "3D") is no name; a longer span is kept whole
  // ("3GSM World Congress": cut, its "Congress" would be found as the US Congress).
  const before = tokens[start - 1];
  const glued = before !== undefined && before.end === tokens[start]?.start;
  if (glued && end - start === 1 && /^\d+([.,]\d+)*$/.test(before.value)) return undefined;
  // A form of address before a name makes it a person's, whatever the tagger said ("Ms Kelly" tagged an
  // organisation).
  const addressed = end - start > 1 && isHonorific(valueAt(tokens, start));
  const type = addressed ? 'person' : tagged;
  if (type === 'person') {
    while (end - start > 1 && isHonorific(valueAt(tokens, start))) start += 1;
    // "Bernhard österreichische Oscar-Geschichte": a German name holds no lower-case word but a particle.
    if (lang === 'de') {
      for (let at = start + 1; at < end; at++) {
        if (isLoose(tokens, at) && !PARTICLES.has(valueAt(tokens, at))) end = at;
      }
    }
  }
  while (lang === 'de' && end - start > 1 && isLoose(tokens, end - 1)) end -= 1;
  // "Vadim Mitroshin The": the next sentence's first word, its full stop lost. Never a name alone.
  while (end > start && isFunctionWord(valueAt(tokens, end - 1), lang)) end -= 1;
  if (lang === 'de') end = genitiveEnd(tokens, start, end, words);
  if (end <= start) return undefined;
  const alone = end - start === 1 ? valueAt(tokens, start) : undefined;
  // A holiday or an award, a common noun's abbreviation, a form of address ("Mr" before a name the tagger left out), "I'm".
  if (
    alone &&
    (NEVER_ALONE.has(alone) ||
      COMMON_ACRONYMS.has(alone) ||
      isHonorific(valueAt(tokens, start)) ||
      /^I['’](m|ll|ve|d)$/.test(alone))
  )
    return undefined;
  if (lang === 'de' && alone && CALENDAR_DE.has(alone)) return undefined;
  return { start, end, type };
}

/** Whether a German word ends in a dictionary noun of four letters or more ("Pressesprecher", "Rückspiel"). */
function endsInNoun(word: string, words: WordKnowledge): boolean {
  for (let at = 1; at <= word.length - 4; at++) {
    if (words.isDictionaryNoun(word.charAt(at).toUpperCase() + word.slice(at + 1))) return true;
  }
  return false;
}

/**
 * Where a German person's name ends that the tagger ended too early ("Srećko Horvat", "Ewa Kopacz",
 * "Samak Sundaravej" tagged person on their first word only): the span's word end `end`, moved over the
 * capitalised words after it that the tagger left outside every name and that are no common word, no
 * dictionary noun nor a compound of one, no month or weekday and no function word. Not after a genitive
 * ("Ridley Scotts Weltraumabenteuer"). Measured on GermEval dev (docs/entities.md); English gained nothing.
 */
function surnameEnd(
  words: readonly string[],
  tags: readonly string[],
  end: number,
  known: WordKnowledge,
): number {
  if (/s$/.test(words[end - 1] ?? '')) return end;
  let at = end;
  for (; tags[at] === 'O'; at++) {
    const word = words[at] ?? '';
    if (
      !/^\p{Lu}\p{Ll}{2,}$/u.test(word) ||
      known.isCommonWord(word) ||
      known.isDictionaryNoun(word) ||
      endsInNoun(word, known) ||
      CALENDAR_DE.has(word) ||
      isFunctionWord(word, 'de') ||
      isFunctionWord(word, 'en')
    ) {
      break;
    }
  }
  return at;
}

/** A finder over taggers by language; `givenNames` keeps "Andreas Müller" whole (see genitiveEnd). */
export function createTaggedNameFinder(
  taggers: { de?: Tagger; en?: Tagger },
  givenNames: ReadonlySet<string> = new Set(),
): TaggedNameFinder {
  return (tokens, lang) => {
    const tagger = taggerFor(taggers, lang);
    if (!tagger) return { names: [], other: [] };
    const known = {
      isCommonWord: (word: string) => tagger.isCommonWord(word),
      isDictionaryNoun: (word: string) => tagger.isDictionaryNoun(word),
      givenNames,
      // Only German trimming reads it (genitiveEnd).
      article: new Set(lang === 'de' ? tokens.map((token) => token.value) : []),
    };
    const sentences = taggerSentences(tokens, lang);
    // The whole article at once: the tagger remembers how it labelled a name earlier in the text. A
    // headline is tagged last, after the body it heads: its capitalised words ("Steel firm to cut jobs",
    // "Nortel in $300m profit revision") are poor evidence, and a wrong label there would be remembered for
    // every later mention of the name.
    const order = sentences.map((_, k) => k);
    if (sentences.length > 1 && isHeadline(sentences[0]?.words ?? [])) order.push(order.shift() ?? 0);
    const inOrder = tagger.tagDocument(order.map((k) => sentences[k]?.words ?? []));
    const tagged: string[][] = [];
    order.forEach((k, at) => (tagged[k] = inOrder[at] ?? []));
    const found: TaggedNames = { names: [], other: [] };
    for (const [k, { words, bounds }] of sentences.entries()) {
      for (const span of decodeSpans(words, tagged[k] ?? [])) {
        const first = bounds[span.start] ?? 0;
        const last = bounds[span.end] ?? 0;
        if (span.label === 'MISC') found.other.push(trimEdges(tokens, first, last));
        const type = TYPES[span.label];
        const trimmed = type && trimSpan(tokens, first, last, type, lang, known);
        if (lang === 'de' && trimmed?.type === 'person' && trimmed.end === last) {
          trimmed.end = bounds[surnameEnd(words, tagged[k] ?? [], span.end, known)] ?? last;
        }
        if (type && trimmed) found.names.push(trimmed);
      }
    }
    return found;
  };
}
