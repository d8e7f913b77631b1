// The casing class of a word that the BiLSTM-CRF tagger takes as an input (digits, punctuation, all caps,
// capitalised, mixed, lower case), written to give exactly what the training script's Python `casing`
// gives, since the model learned one embedding per class.

/** Casing class of a word, as the training script's `casing` computes it. */
export function casingClass(w: string): number {
  if (/\p{Nd}/u.test(w)) return /^[\p{Nd}.,\-/:]+$/u.test(w) ? 1 : 2;
  if (!/\p{L}/u.test(w)) return 3;
  const cased = w !== w.toLowerCase() || w !== w.toUpperCase();
  if (cased && w === w.toUpperCase()) return 4;
  const first = [...w][0] ?? '';
  if (first !== first.toLowerCase()) {
    const rest = w.slice(first.length);
    const restLower = rest !== rest.toUpperCase() && rest === rest.toLowerCase();
    return restLower || rest.length === 0 ? 5 : 6;
  }
  return cased && w === w.toLowerCase() ? 7 : 8;
}
