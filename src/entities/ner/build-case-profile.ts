// Learns from unlabeled, cased text how often each word is capitalised when it is not the first token of
// a sentence: common words are rarely, proper nouns (and German nouns) almost always capitalised.

/** Defaults of `buildCaseProfile`. */
export const CASE_PROFILE_DEFAULTS = { minCount: 2 };

/**
 * Returns, for each lower-cased word seen at least `minCount` times inside sentences, a bucket of its
 * capitalisation rate: 1 (< 10%), 2 (< 50%), 3 (< 90%), 4 (>= 90%).
 */
export function buildCaseProfile(
  sentences: Iterable<readonly string[]>,
  options: Partial<typeof CASE_PROFILE_DEFAULTS> = {},
): Map<string, number> {
  const opts = { ...CASE_PROFILE_DEFAULTS, ...options };
  const seen = new Map<string, [number, number]>();
  for (const sentence of sentences) {
    for (let i = 1; i < sentence.length; i++) {
      const word = sentence[i] ?? '';
      // All-caps words (headlines, acronyms) and tokens without letters say nothing about case.
      if (word === word.toUpperCase()) continue;
      const lower = word.toLowerCase();
      const counts = seen.get(lower) ?? [0, 0];
      counts[0]++;
      if (word.charAt(0) !== word.charAt(0).toLowerCase()) counts[1]++;
      seen.set(lower, counts);
    }
  }
  const profile = new Map<string, number>();
  for (const [word, [total, capitalised]] of seen) {
    if (total < opts.minCount) continue;
    const rate = capitalised / total;
    profile.set(word, rate < 0.1 ? 1 : rate < 0.5 ? 2 : rate < 0.9 ? 3 : 4);
  }
  return profile;
}
