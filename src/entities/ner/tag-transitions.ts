// Which tag may follow which under IOB2: `I-X` only continues a `B-X` or `I-X`. Greedy decoding masks
// the other transitions, so the tagger never emits a stray `I-`.

/**
 * Returns a `(tags.length + 1) x tags.length` 0/1 matrix; row `p` is the previous tag, the last row is the
 * sentence start.
 */
export function tagTransitions(tags: readonly string[]): Uint8Array {
  const n = tags.length;
  const allowed = new Uint8Array((n + 1) * n);
  for (let p = 0; p <= n; p++) {
    const prev = p < n ? (tags[p] ?? 'O') : 'O';
    for (let c = 0; c < n; c++) {
      const cur = tags[c] ?? 'O';
      const ok = !cur.startsWith('I-') || (prev.length > 2 && prev.slice(2) === cur.slice(2));
      allowed[p * n + c] = ok ? 1 : 0;
    }
  }
  return allowed;
}

/** Builds the tag inventory for `labels`: `O`, then `B-`/`I-` of each label in the given order. */
export function tagInventory(labels: readonly string[]): string[] {
  const tags = ['O'];
  for (const label of labels) tags.push(`B-${label}`, `I-${label}`);
  return tags;
}
