// The statistical tagger as a finder (opt-in, NER=tagger): per article, its PER, ORG and LOC spans become
// candidates of type person, organization and location. MISC and the German -deriv/-part labels are left
// to the knowledge base (adjectives, hyphen parts): on their own they are too often wrong to name an actor.
import type { CandidateFinder } from './find-person-names.js';
import { decodeSpans } from './ner/decode-spans.js';
import type { Tagger } from './ner/create-tagger.js';
import type { EntityType, Token } from './types.js';

const TYPES: Record<string, EntityType> = { PER: 'person', ORG: 'organization', LOC: 'location' };

/** A finder over taggers by language; a language without its own tagger uses English's. */
export function createTaggedNameFinder(taggers: { de?: Tagger; en?: Tagger }): CandidateFinder {
  return (tokens, _taken, lang) => {
    const tagger = (lang === 'de' ? taggers.de : taggers.en) ?? taggers.en ?? taggers.de;
    if (!tagger) return [];
    const starts: number[] = [];
    const sentences: string[][] = [];
    for (let first = 0; first < tokens.length;) {
      let end = first;
      const sentence = (tokens[first] as Token).sentence;
      while (end < tokens.length && tokens[end]?.sentence === sentence) end += 1;
      starts.push(first);
      sentences.push(tokens.slice(first, end).map((token) => token.value));
      first = end;
    }
    // The whole article at once: the tagger remembers how it labelled a name earlier in the text.
    const tagged = tagger.tagDocument(sentences);
    const found = [];
    for (const [k, values] of sentences.entries()) {
      const first = starts[k] ?? 0;
      for (const span of decodeSpans(values, tagged[k] ?? [])) {
        const type = TYPES[span.label];
        if (type) found.push({ start: first + span.start, end: first + span.end, type });
      }
    }
    return found;
  };
}
