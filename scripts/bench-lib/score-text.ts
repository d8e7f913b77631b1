// Scores an extracted main text against the ground truth: precision, recall and F1 of word 4-gram shingles
// (the order of words counts, so furniture and missing paragraphs both show) and of the bag of words (the
// figure the corpus README gives for Readability).

export interface TextScore {
  precision: number;
  recall: number;
  f1: number;
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function counts(items: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const item of items) map.set(item, (map.get(item) ?? 0) + 1);
  return map;
}

function score(found: string[], truth: string[]): TextScore {
  if (found.length === 0 || truth.length === 0) {
    const same = found.length === truth.length;
    return { precision: same ? 1 : 0, recall: same ? 1 : 0, f1: same ? 1 : 0 };
  }
  const truthCounts = counts(truth);
  let overlap = 0;
  for (const [item, count] of counts(found)) overlap += Math.min(count, truthCounts.get(item) ?? 0);
  const precision = overlap / found.length;
  const recall = overlap / truth.length;
  return { precision, recall, f1: overlap === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** Word 4-gram shingles; a text shorter than 4 words is one shingle. */
export function shingles(text: string, size = 4): string[] {
  const list = words(text);
  if (list.length < size) return list.length === 0 ? [] : [list.join(' ')];
  const out: string[] = [];
  for (let i = 0; i + size <= list.length; i++) out.push(list.slice(i, i + size).join(' '));
  return out;
}

export function shingleScore(found: string, truth: string): TextScore {
  return score(shingles(found), shingles(truth));
}

export function wordScore(found: string, truth: string): TextScore {
  return score(words(found), words(truth));
}
