// How sure a greedy decision was: the chosen tag's score above the best other tag allowed in its place.

/**
 * The score of `guess` minus the best score of another tag that IOB2 allows after `prev` (`-1` = sentence
 * start); `Infinity` when no other tag is allowed.
 */
export function decisionMargin(
  scores: Float64Array,
  allowed: Uint8Array,
  prev: number,
  guess: number,
): number {
  const n = scores.length;
  const row = (prev < 0 ? n : prev) * n;
  let second = -Infinity;
  for (let c = 0; c < n; c++) {
    const sc = scores[c] ?? 0;
    if (c !== guess && allowed[row + c] === 1 && sc > second) second = sc;
  }
  return (scores[guess] ?? 0) - second;
}
