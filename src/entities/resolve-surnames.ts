// Within one article, a bare surname after a full name is the same person: "Joe Biden ... Biden",
// "Mike Lynch ... Lynchs Yacht", "Johanna Mikl-Leitner ... Mikl-Leitner". A surname shared by two people
// of the article stays unresolved.
import { isFunctionWord } from './is-function-word.js';
import { genitiveStems, normalizeToken, startsUpperCase } from './normalize-token.js';
import type { Token } from './types.js';

export interface LinkedSpan {
  start: number;
  end: number;
  entityId: string;
  type: string;
}

/** The surname's tokens: those after the last space in the name (a hyphenated surname is several). */
function surnameKeys(tokens: readonly Token[], span: LinkedSpan): string[] {
  let first = span.end - 1;
  while (first > span.start + 1 && (tokens[first - 1]?.end ?? 0) === (tokens[first]?.start ?? 0)) first -= 1;
  return tokens.slice(first, span.end).map((token) => normalizeToken(token.value));
}

/** A roman numeral of a ruler as written ("Elizabeth I", "Rama IX."): not a surname ("Jet Li" has one). */
const REGNAL = /^[IVXL]+\.?$/;

/**
 * Spans for the untaken tokens that are the surname of a person named in full among `spans`. A last word
 * that is a function word of `lang` or a regnal number is no surname: "I" would link the pronoun.
 */
export function resolveSurnames(
  tokens: readonly Token[],
  taken: readonly boolean[],
  spans: readonly LinkedSpan[],
  lang: string,
): LinkedSpan[] {
  const bySurname = new Map<string, { keys: string[]; entityId: string | null }>();
  for (const span of spans) {
    if (span.type !== 'person' || span.end - span.start < 2) continue;
    const keys = surnameKeys(tokens, span);
    const only = keys.length === 1 ? (tokens[span.end - 1]?.value ?? '') : '';
    if (REGNAL.test(only) || isFunctionWord(only, lang)) continue;
    const id = keys.join(' ');
    const known = bySurname.get(id);
    bySurname.set(id, { keys, entityId: !known || known.entityId === span.entityId ? span.entityId : null });
  }
  if (bySurname.size === 0) return [];
  const surnames = [...bySurname.values()].sort((a, b) => b.keys.length - a.keys.length);
  const found: LinkedSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i] || !startsUpperCase(tokens[i]?.value ?? '')) continue;
    const match = surnames.find(({ keys, entityId }) => {
      if (!entityId) return false;
      return keys.every((key, k) => {
        const token = tokens[i + k];
        if (!token || taken[i + k] || (k > 0 && token.start !== tokens[i + k - 1]?.end)) return false;
        const value = normalizeToken(token.value);
        return value === key || (k === keys.length - 1 && genitiveStems(value).includes(key));
      });
    });
    if (match?.entityId) {
      found.push({ start: i, end: i + match.keys.length, entityId: match.entityId, type: 'person' });
      i += match.keys.length - 1;
    }
  }
  return found;
}
