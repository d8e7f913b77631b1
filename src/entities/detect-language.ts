// Language of an article that does not say: German or English, by counting frequent function words in its
// first few thousand characters. The two languages' lists barely overlap, so a short text decides well;
// a text with neither gets "und" (undetermined, ISO 639-2).

const WORDS: Record<string, ReadonlySet<string>> = {
  de: new Set(
    'der die das und ist nicht ein eine einen zu den von mit sich des auf für im dem auch es an als nach wie bei aus hat sind wird werden wurde sie er wir ich noch nur über oder aber vor zur zum bis mehr durch seine ihre dass diese unter'.split(
      ' ',
    ),
  ),
  en: new Set(
    'the and of to in is that for it with as was on be by at are from this have has had not but were which their its an or they will would been more who after said about also than into over there can could one'.split(
      ' ',
    ),
  ),
};

export const DEFAULTS = { sampleChars: 5_000 };

/** "de", "en", or "und" when the text has neither language's function words. */
export function detectLanguage(text: string): string {
  const counts: Record<string, number> = { de: 0, en: 0 };
  for (const word of text
    .slice(0, DEFAULTS.sampleChars)
    .toLowerCase()
    .split(/[^\p{L}]+/u)) {
    for (const lang of Object.keys(WORDS)) if (WORDS[lang]?.has(word)) counts[lang] = (counts[lang] ?? 0) + 1;
  }
  const de = counts.de ?? 0;
  const en = counts.en ?? 0;
  if (de === 0 && en === 0) return 'und';
  return de > en ? 'de' : 'en';
}
