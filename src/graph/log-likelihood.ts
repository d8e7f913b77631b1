// Dunning's log-likelihood ratio (G²) for "is this count's share in one sample different from its share in
// another", on the 2×2 table [a, n1 − a; b, n2 − b]. Unlike a z-score it needs no normal approximation,
// which small counts break: one article of a rare name against none before scores about 1.4, while a name
// going from 2% to 10% of a few hundred articles scores in the tens.

function term(observed: number, expected: number): number {
  return observed > 0 && expected > 0 ? observed * Math.log(observed / expected) : 0;
}

/**
 * G² of `a` of `n1` against `b` of `n2`, signed: positive when a / n1 > b / n2 (the share grew), negative
 * when it fell, 0 when either sample is empty.
 */
export function signedLogLikelihood(a: number, n1: number, b: number, n2: number): number {
  if (n1 <= 0 || n2 <= 0) return 0;
  const total = n1 + n2;
  const withIt = a + b;
  const without = total - withIt;
  const g2 =
    2 *
    (term(a, (n1 * withIt) / total) +
      term(n1 - a, (n1 * without) / total) +
      term(b, (n2 * withIt) / total) +
      term(n2 - b, (n2 * without) / total));
  // Rounding can leave a tiny negative G² for equal shares.
  const magnitude = Math.max(0, g2);
  return a / n1 >= b / n2 ? magnitude : -magnitude;
}
