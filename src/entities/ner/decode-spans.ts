// Turns IOB2 tags into labelled token spans the way conlleval does: a span starts at `B-X`, at an `I-X`
// after `O`, and wherever the label changes; it ends before the next `O`, `B-` or different label.

import type { Span } from './types.js';

/** Returns the spans (`end` exclusive) encoded by `tags` over `tokens`. */
export function decodeSpans(tokens: readonly string[], tags: readonly string[]): Span[] {
  const spans: Span[] = [];
  let current: Span | undefined;
  const n = Math.min(tokens.length, tags.length);
  for (let i = 0; i < n; i++) {
    const tag = tags[i] ?? 'O';
    const prefix = tag.slice(0, 2);
    const label = tag.length > 2 ? tag.slice(2) : '';
    const continues = prefix === 'I-' && current !== undefined && current.label === label;
    if (continues && current) {
      current.end = i + 1;
      continue;
    }
    if (current) spans.push(current);
    current = prefix === 'B-' || prefix === 'I-' ? { start: i, end: i + 1, label } : undefined;
  }
  if (current) spans.push(current);
  return spans;
}
