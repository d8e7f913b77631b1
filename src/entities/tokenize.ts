// Tokens and sentences from winkNLP, with character offsets, and with the sentence breaks its English
// model gets wrong on German fixed: a newline always ends a sentence (headlines), an ordinal dot
// ("am 7. Juli", "Benedikt XVI. in Rom") does not, a dot with no space after it ("KI.KA") does not, and a
// closing quote belongs to the sentence it closes. winkNLP splits words at letters outside Latin-1
// ("Đoković" -> "Đ", "okovi", "ć") and at inner dots ("E.ON" -> "E.", "ON"); such pieces are joined again,
// and a German regnal number keeps its ordinal dot ("Wilhelm II."). A possessive "'s" is always a token of
// its own: winkNLP splits "Merkel's deal" but keeps "Merkel's," whole and then remembers the whole form, so
// without this the same article would tokenise differently once a possessive before a comma was read.
import type { WinkMethods } from 'wink-nlp';
import type { Token, TokenizedText } from './types.js';

const CLOSING_QUOTES = new Set(['“', '”', '"', '»', '«', "'", '’', '‘', '„']);
// A word, then an apostrophe and s: "Merkel's", "Lloyd’s", "MERKEL'S".
const POSSESSIVE = /^(.*[\p{L}\p{N}])(['’][sS])$/u;

export type Tokenize = (text: string, lang: string) => TokenizedText;

/** Builds a tokenizer over a winkNLP instance made with the `sbd` pipe only. */
export function createTokenizer(nlp: WinkMethods): Tokenize {
  const its = nlp.its;
  return (text, lang) => {
    const doc = nlp.readDoc(text);
    const values = doc.tokens().out(its.value) as string[];
    const spaces = doc.tokens().out(its.precedingSpaces) as string[];
    const types = doc.tokens().out(its.type) as string[];
    const spans = doc.sentences().out(its.span) as unknown as Array<[number, number]>;

    // winkNLP is lossless: preceding spaces plus values rebuild the text, which gives the offsets.
    const starts: number[] = [];
    let offset = 0;
    for (let i = 0; i < values.length; i++) {
      offset += (spaces[i] ?? '').length;
      starts.push(offset);
      offset += (values[i] ?? '').length;
    }

    // Token-index ranges of sentences, split at newlines, then merged where German breaks were wrong.
    const ranges: Array<[number, number]> = [];
    for (const [first, last] of spans) {
      let from = first;
      for (let i = first; i <= last; i++) {
        const isBreak = types[i] === 'tabCRLF' || /\n/.test(spaces[i + 1] ?? '');
        if (types[i] === 'tabCRLF') {
          if (i > from) ranges.push([from, i - 1]);
          from = i + 1;
        } else if (isBreak) {
          ranges.push([from, i]);
          from = i + 1;
        }
      }
      if (from <= last) ranges.push([from, last]);
    }
    const merged: Array<[number, number]> = [];
    for (const range of ranges) {
      const previous = merged[merged.length - 1];
      const sameLine =
        previous !== undefined && !/\n/.test(text.slice(starts[previous[1]] ?? 0, starts[range[0]] ?? 0));
      const ordinal = lang === 'de' && endsWithOrdinal(values, types, previous?.[1] ?? -1);
      if (previous && sameLine && (ordinal || innerDot(values, spaces, range[0]))) {
        previous[1] = range[1];
        continue;
      }
      let from = range[0];
      const onlyPunctuation = types
        .slice(range[0], range[1] + 1)
        .every((type) => type === 'punctuation' || type === 'unk');
      if (previous && sameLine && onlyPunctuation) {
        previous[1] = range[1];
        continue;
      }
      if (previous && sameLine) {
        while (from <= range[1] && CLOSING_QUOTES.has(values[from] ?? '') && spaces[from] === '') {
          previous[1] = from;
          from += 1;
        }
      }
      if (from <= range[1]) merged.push([from, range[1]]);
    }

    const tokens: Token[] = [];
    const sentences: Array<[number, number]> = [];
    merged.forEach(([first, last]) => {
      const sentence = sentences.length;
      for (let i = first; i <= last; i++) {
        if (types[i] === 'tabCRLF') continue;
        const value = values[i] ?? '';
        const start = starts[i] ?? 0;
        const previous = tokens[tokens.length - 1];
        const joins =
          previous?.sentence === sentence &&
          previous.end === start &&
          (splitWord(previous.value, value) ||
            innerDot(values, spaces, i) ||
            (value === '.' &&
              (innerDot(values, spaces, i + 1) || (lang === 'de' && isRegnal(values, i - 1)))));
        if (previous && joins) {
          previous.value += value;
          previous.end += value.length;
          continue;
        }
        tokens.push({ value, start, end: start + value.length, sentence });
      }
      const lastToken = tokens[tokens.length - 1];
      if (lastToken && lastToken.sentence === sentence) {
        const firstStart = starts[first] ?? 0;
        sentences.push([firstStart, lastToken.end]);
      }
    });
    return { tokens: splitPossessives(tokens), sentences };
  };
}

/** `tokens` with each possessive "'s" made a token of its own. */
function splitPossessives(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const token of tokens) {
    const possessive = token.value.length > 2 ? POSSESSIVE.exec(token.value) : null;
    if (!possessive) {
      out.push(token);
      continue;
    }
    const end = token.start + (possessive[1] ?? '').length;
    out.push({ ...token, value: possessive[1] ?? '', end });
    out.push({ ...token, value: possessive[2] ?? '', start: end });
  }
  return out;
}

/** Whether two tight tokens are pieces of one word that winkNLP split at a letter it does not know. */
function splitWord(before: string, after: string): boolean {
  const LATIN1_LETTER = /^[A-Za-z\u00c0-\u00ff]$/;
  const last = before.at(-1) ?? '';
  const first = after.charAt(0);
  if (!/\p{L}/u.test(last) || !/\p{L}/u.test(first)) return false;
  return !LATIN1_LETTER.test(last) || !LATIN1_LETTER.test(first);
}

/** A number or a regnal number ("Wilhelm II") before the dot that ends token range `last`. */
function endsWithOrdinal(values: string[], types: string[], last: number): boolean {
  if (values[last] !== '.') return false;
  return (types[last - 1] === 'number' && (values[last - 1] ?? '').length <= 4) || isRegnal(values, last - 1);
}

/** A Roman numeral after a capitalised word: "Wilhelm II", "Benedikt XVI". */
function isRegnal(values: string[], at: number): boolean {
  return /^[IVX]{1,5}$/.test(values[at] ?? '') && /^\p{Lu}\p{Ll}/u.test(values[at - 1] ?? '');
}

/** Token `at` continues a word through a dot with no space around it: "E." + "ON", "KI" "." + "KA". */
function innerDot(values: string[], spaces: string[], at: number): boolean {
  const before = values[at - 1] ?? '';
  const dotTight =
    before === '.'
      ? spaces[at - 1] === '' && /[\p{L}\p{N}]$/u.test(values[at - 2] ?? '')
      : /[\p{L}\p{N}]\.$/u.test(before);
  return dotTight && spaces[at] === '' && /^[\p{L}\p{N}]/u.test(values[at] ?? '');
}
