// Tag inventories and which tag may follow which. Under IOB2 `I-X` only continues a `B-X` or `I-X`; a model
// can also be trained over BIOES tags (`S-X` a single-token span, `E-X` its last token), whose open spans
// must continue and close. The tagger always reports IOB2.

function isBioes(tags: readonly string[]): boolean {
  return tags.some((t) => t.startsWith('E-') || t.startsWith('S-'));
}

function allowedAfter(prev: string, cur: string, bioes: boolean): boolean {
  if (!bioes) return !cur.startsWith('I-') || (prev.length > 2 && prev.slice(2) === cur.slice(2));
  const open = prev.startsWith('B-') || prev.startsWith('I-');
  const continues = cur.startsWith('I-') || cur.startsWith('E-');
  return open ? continues && prev.slice(2) === cur.slice(2) : !continues;
}

/**
 * Returns a `(tags.length + 1) x tags.length` 0/1 matrix; row `p` is the previous tag, the last row is the
 * sentence start.
 */
export function tagTransitions(tags: readonly string[]): Uint8Array {
  const n = tags.length;
  const bioes = isBioes(tags);
  const allowed = new Uint8Array((n + 1) * n);
  for (let p = 0; p <= n; p++) {
    const prev = p < n ? (tags[p] ?? 'O') : 'O';
    for (let c = 0; c < n; c++) allowed[p * n + c] = allowedAfter(prev, tags[c] ?? 'O', bioes) ? 1 : 0;
  }
  return allowed;
}

/** Like `tagTransitions`, for the last token of a sentence: under BIOES it must close any open span. */
export function finalTagTransitions(tags: readonly string[]): Uint8Array {
  const allowed = tagTransitions(tags);
  if (!isBioes(tags)) return allowed;
  const n = tags.length;
  tags.forEach((t, c) => {
    if (!t.startsWith('B-') && !t.startsWith('I-')) return;
    for (let p = 0; p <= n; p++) allowed[p * n + c] = 0;
  });
  return allowed;
}

/** Tag encodings a model can be trained with. */
export type TagEncoding = 'bioes' | 'iob2';

/** Builds the tag inventory for `labels`: `O`, then `B-`, `I-` (and under BIOES `E-`, `S-`) of each label in order. */
export function tagInventory(labels: readonly string[], encoding: TagEncoding = 'iob2'): string[] {
  const tags = ['O'];
  for (const label of labels) {
    tags.push(`B-${label}`, `I-${label}`);
    if (encoding === 'bioes') tags.push(`E-${label}`, `S-${label}`);
  }
  return tags;
}

/** Rewrites a sentence's IOB2 tags as BIOES tags. */
export function toBioes(tags: readonly string[]): string[] {
  return tags.map((tag, i) => {
    if (tag === 'O') return tag;
    const next = tags[i + 1] ?? 'O';
    const closes = !(next.startsWith('I-') && next.slice(2) === tag.slice(2));
    if (tag.startsWith('B-')) return closes ? `S-${tag.slice(2)}` : tag;
    return closes ? `E-${tag.slice(2)}` : tag;
  });
}

/** The IOB2 tag reported for each tag of `tags` (`S-X` -> `B-X`, `E-X` -> `I-X`). */
export function iob2Tags(tags: readonly string[]): string[] {
  return tags.map((t) =>
    t.startsWith('S-') ? `B-${t.slice(2)}` : t.startsWith('E-') ? `I-${t.slice(2)}` : t,
  );
}

/** For each tag, the 1-based index of its label in `labelsOf(tags)` order, 0 for `O`. */
export function tagLabelIds(tags: readonly string[]): Int32Array {
  const ids = new Map<string, number>();
  return Int32Array.from(tags, (t) => {
    if (t.length < 3) return 0;
    const label = t.slice(2);
    const id = ids.get(label) ?? ids.size + 1;
    ids.set(label, id);
    return id;
  });
}
