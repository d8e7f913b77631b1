import { describe, expect, it } from 'vitest';
import { createTaggedNameFinder } from '../../../src/entities/find-tagged-names.js';
import type { Tagger } from '../../../src/entities/ner/create-tagger.js';
import type { Token } from '../../../src/entities/types.js';

function tokensOf(...sentences: string[][]): Token[] {
  let at = 0;
  return sentences.flatMap((words, sentence) =>
    words.map((value) => {
      const token = { value, start: at, end: at + value.length, sentence };
      at += value.length + 1;
      return token;
    }),
  );
}

describe('the tagged-name finder', () => {
  it('hands the tagger the whole article and maps its spans back to article tokens', () => {
    const calls: string[][][] = [];
    const tagger: Tagger = {
      tag: () => {
        throw new Error('the finder tags whole articles');
      },
      isDictionaryNoun: () => false,
      tagDocument(sentences) {
        calls.push(sentences.map((s) => [...s]));
        return sentences.map((s) => s.map((w) => (w === 'Meyer' ? 'B-PER' : w === 'Bonn' ? 'B-LOC' : 'O')));
      },
      isCommonWord: () => false,
    };
    const tokens = tokensOf(['Meyer', 'kam', '.'], ['Dann', 'sprach', 'Meyer', 'in', 'Bonn', '.']);
    const found = createTaggedNameFinder({ de: tagger })(tokens, 'de').names;
    expect(calls).toEqual([
      [
        ['Meyer', 'kam', '.'],
        ['Dann', 'sprach', 'Meyer', 'in', 'Bonn', '.'],
      ],
    ]);
    expect(found).toEqual([
      { start: 0, end: 1, type: 'person' },
      { start: 5, end: 6, type: 'person' },
      { start: 7, end: 8, type: 'location' },
    ]);
  });

  it('runs a German person the tagger ended after one word over the capitalised names after it', () => {
    // The tagger's errors, as seen in corpus articles: a first name alone tagged a person.
    const persons = new Set(['Srećko', 'Tarantinos', 'Ewa']);
    const nouns = new Set(['Sprecher', 'Weltraumabenteuer']);
    const tagger: Tagger = {
      tag: () => [],
      tagDocument: (sentences) => sentences.map((s) => s.map((w) => (persons.has(w) ? 'B-PER' : 'O'))),
      isCommonWord: (word) => word === 'Sagte',
      isDictionaryNoun: (word) => nouns.has(word),
    };
    const find = createTaggedNameFinder({ de: tagger });
    const names = (...words: string[]) =>
      find(tokensOf(words), 'de').names.map(({ start, end }) => words.slice(start, end).join(' '));
    expect(names('Der', 'Philosoph', 'Srećko', 'Horvat', 'sprach', '.')).toEqual(['Srećko Horvat']);
    // Not over a genitive's noun, a compound of a dictionary noun, a common word or a weekday.
    expect(names('Tarantinos', 'Kultfilm', 'lief', '.')).toEqual(['Tarantinos']);
    expect(names('Ewa', 'Weltraumabenteuer', 'kam', '.')).toEqual(['Ewa']);
    expect(names('Ewa', 'Pressesprecher', 'kam', '.')).toEqual(['Ewa']);
    expect(names('Ewa', 'Sagte', 'etwas', '.')).toEqual(['Ewa']);
    expect(names('Ewa', 'Montag', 'kam', '.')).toEqual(['Ewa']);
    // English names are left as the tagger ended them.
    expect(find(tokensOf(['Ewa', 'Kopacz', 'said', '.']), 'en').names).toEqual([
      { start: 0, end: 1, type: 'person' },
    ]);
  });
});
