// Dunning's log-likelihood ratio (G², Dunning 1993) of two entities over articles: how surprising their
// shared articles are if they were mentioned independently. Unlike PMI it grows with the evidence, so a
// pair that shares one article scores low however rare its two ends, and a hub scores high only with the
// entities it really goes with. It is G² of the 2×2 table [n_ab, n_a − n_ab; n_b − n_ab, N − n_a − n_b + n_ab],
// signed: negative when the two share fewer articles than independence predicts (n_ab < n_a · n_b / N).

import { signedLogLikelihood } from './log-likelihood.js';

/** Signed G² of a pair; 0 when a count is missing. */
export function edgeLogLikelihood(
  shared: number,
  articlesA: number,
  articlesB: number,
  total: number,
): number {
  if (shared <= 0 || articlesA <= 0 || articlesB <= 0 || total <= articlesB) return 0;
  // The share of b's articles that mention a, against the share of the other articles that do.
  return signedLogLikelihood(shared, articlesB, articlesA - shared, total - articlesB);
}
