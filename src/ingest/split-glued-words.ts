// Some publishers build the JSON-LD articleBody by joining the text of the article's elements with nothing
// between them, so a sub-heading runs into the next paragraph ("… gewinntBernard Kipkorir …", "… Wohnungen
// entstehen.Neue Straßenbahn …", "Best OverallBook of the Month Club"). A seam of a lower-case letter (or a
// sentence's end) and a capital that the page itself does not show is such a join, and is split into two
// paragraphs there; names written in camel case ("WhatsApp", "McDonald") stand on the page as they are.

// Two lower-case letters, perhaps a sentence's end, then a capitalised word: where two elements met.
const SEAM = /\p{Ll}{2}[.!?:]?\p{Lu}\p{Ll}/u;
const SEAMS = /(\p{Ll}{2}[.!?:]?)(\p{Lu}\p{Ll})/gu;
// The words on both sides of seams, to look for on the page.
const AROUND = /[\p{L}\p{N}]*\p{Ll}{2}[.!?:]?\p{Lu}\p{Ll}[\p{L}\p{N}]*/gu;

/** Whether `text` has a seam of a lower-case letter or a sentence's end and a capitalised word. */
export function hasSeam(text: string): boolean {
  return SEAM.test(text);
}

/** The page's text as it shows it (its elements apart, as `blockText` gives it), for `splitGluedWords`. */
export function shownText(text: string): string {
  // Soft hyphens and zero-width characters split words in the markup, not on the screen ("Tik\u00adTok").
  return text.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '');
}

/** `text` split into paragraphs at each seam that `shown` (from `shownText`) does not hold as it is. */
export function splitGluedWords(text: string, shown: string): string {
  return text.replace(AROUND, (words) => (shown.includes(words) ? words : words.replace(SEAMS, '$1\n\n$2')));
}
