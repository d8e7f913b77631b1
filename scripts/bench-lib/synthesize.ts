// The --scale article set: N articles made from the corpus with new ids. Each takes the paragraphs of one
// corpus article and swaps about half of them for paragraphs of another article in the same language
// (seeded), so that entities meet in new combinations and the graph grows as a larger corpus would.
import { seededRandom } from '../../src/entities/ner/seeded-random.js';
import type { Article } from '../../src/ingest/types.js';

export function synthesize(corpus: readonly Article[], count: number, seed = 7): Article[] {
  const random = seededRandom(seed);
  const byLang = new Map<string, Article[]>();
  for (const article of corpus) {
    const list = byLang.get(article.lang ?? '') ?? [];
    list.push(article);
    byLang.set(article.lang ?? '', list);
  }
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  return Array.from({ length: count }, (_, k) => {
    const base = pick(corpus);
    const other = pick(byLang.get(base.lang ?? '') ?? [base]);
    const ours = base.body.split('\n');
    const theirs = other.body.split('\n');
    const body = ours
      .map((paragraph, i) => (random() < 0.5 ? paragraph : (theirs[i] ?? paragraph)))
      .join('\n');
    return { ...base, id: `${base.id}-x${k}`, body };
  });
}
