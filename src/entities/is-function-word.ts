// Closed-class words (articles, pronouns, conjunctions, prepositions) are never part of a name, whatever
// their case. Written capitalised at the start of a sentence whose full stop the source lost ("said analyst
// Vadim Mitroshin The dispute ..."), they ran into a person's name, and the bare "The" of every later sentence
// then linked to that person as its surname.

const WORDS: Record<string, ReadonlySet<string>> = {
  en: new Set(
    (
      'the he she it we they you his her its our their this that these those there here ' +
      'and but or nor if so then when while as of in on at to by for from with into after before ' +
      'however meanwhile also yet'
    ).split(' '),
  ),
  de: new Set(
    (
      'der die das den dem des ein eine einen einem einer eines er sie es wir ich ihr ' +
      'und oder aber doch denn dann auch so als wenn dass wie was wer wo ' +
      'dieser diese dieses diesen diesem im am auf mit für bei nach seit'
    ).split(' '),
  ),
};

/**
 * Whether `word` is an article, pronoun, conjunction or preposition of `lang` (English if unknown), in lower
 * case or capitalised; written all in capitals it may be an abbreviation ("IT") and is not one.
 */
export function isFunctionWord(word: string, lang: string): boolean {
  if (word.length > 1 && word === word.toUpperCase()) return false;
  return (WORDS[lang] ?? (WORDS.en as ReadonlySet<string>)).has(word.toLowerCase());
}
