// Unknown people by the shape of their names: a known given name followed by one to three capitalised
// words ("Mike Lynch", "Anna van der Berg"). It is the rule-based finder; a statistical tagger plugs in
// beside it through the same CandidateFinder seam.
import { isFunctionWord } from './is-function-word.js';
import { isTightHyphen } from './is-tight-hyphen.js';
import { startsUpperCase } from './normalize-token.js';
import type { Candidate, Token } from './types.js';

/** Finds candidates among the tokens that no earlier finder has taken. */
export type CandidateFinder = (
  tokens: readonly Token[],
  taken: readonly boolean[],
  lang: string,
) => Candidate[];

const PARTICLES = new Set([
  'von',
  'van',
  'de',
  'der',
  'den',
  'da',
  'di',
  'del',
  'du',
  'le',
  'la',
  'bin',
  'al',
  'zu',
]);
const NAME_WORD = /^\p{Lu}[\p{L}'’-]*$/u;

export const DEFAULTS = { maxNameWords: 3 };

/** Whether tokens[at] is a hyphen written tight between the name word before it and one after it. */
function joinedByHyphen(tokens: readonly Token[], at: number): boolean {
  return isTightHyphen(tokens, at) && NAME_WORD.test(tokens[at + 1]?.value ?? '');
}

/** A finder of person names that start with one of `givenNames`. */
export function createPersonNameFinder(givenNames: ReadonlySet<string>): CandidateFinder {
  return (tokens, taken, lang) => {
    const found: Candidate[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const first = tokens[i];
      if (!first || taken[i] || !givenNames.has(first.value)) continue;
      let end = i + 1;
      let words = 0;
      while (words < DEFAULTS.maxNameWords) {
        let j = end;
        while (PARTICLES.has(tokens[j]?.value ?? '') && j - end < 2) j++;
        const word = tokens[j];
        const adjacent = word && tokens[j - 1] && word.start - (tokens[j - 1]?.end ?? 0) <= 1;
        if (!word || !adjacent || taken[j] || word.sentence !== first.sentence || !NAME_WORD.test(word.value))
          break;
        // A sentence whose full stop the source lost: "analyst Vadim Mitroshin The dispute".
        if (!startsUpperCase(word.value) || isFunctionWord(word.value, lang)) break;
        end = j + 1;
        // A double-barrelled surname is split by the tokenizer ("Mikl", "-", "Leitner"): join it back.
        while (joinedByHyphen(tokens, end)) end += 2;
        words += 1;
      }
      if (words > 0) {
        // A hyphenated given name is split by the tokenizer too ("Heinz", "-", "Christian"): take it whole.
        const start = !taken[i - 2] && joinedByHyphen(tokens, i - 1) ? i - 2 : i;
        found.push({ start, end, type: 'person' });
        i = end - 1;
      }
    }
    return found;
  };
}
