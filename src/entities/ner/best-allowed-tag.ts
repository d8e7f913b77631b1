// Arg-max over tag scores restricted to the transitions IOB2 allows after the previous tag.

/** Returns the highest-scoring tag index allowed after `prev` (`-1` = sentence start); ties go to the lower index. */
export function bestAllowedTag(scores: Float64Array, allowed: Uint8Array, prev: number): number {
  const n = scores.length;
  const row = (prev < 0 ? n : prev) * n;
  let best = 0;
  let bestScore = -Infinity;
  for (let c = 0; c < n; c++) {
    const sc = scores[c] ?? 0;
    if (allowed[row + c] === 1 && sc > bestScore) {
      best = c;
      bestScore = sc;
    }
  }
  return best;
}
