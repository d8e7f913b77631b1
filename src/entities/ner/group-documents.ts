// Groups a corpus's sentences into documents: consecutive sentences that share a `doc` index form one,
// a sentence without `doc` stands alone (GermEval has no document boundaries).

import type { TaggedSentence } from './types.js';

/** Returns the sentence indices of each document, in corpus order. */
export function groupDocuments(sentences: readonly Pick<TaggedSentence, 'doc'>[]): number[][] {
  const docs: number[][] = [];
  sentences.forEach((s, i) => {
    const last = docs[docs.length - 1];
    if (last && s.doc !== undefined && sentences[i - 1]?.doc === s.doc) last.push(i);
    else docs.push([i]);
  });
  return docs;
}
