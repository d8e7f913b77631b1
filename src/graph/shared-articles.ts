// The evidence of an edge: the articles in which both entities occur outside page furniture, each with the
// number of sentences they share there. Found from the two entities' postings (postings.ts) and the
// articles' runs of mentions (article-table.ts), so the graph keeps no per-edge list.
import { mentionRun } from './article-table.js';
import { sharedArticleNumbers } from './postings.js';
import { MENTION_INTS, type CooccurrenceGraph } from './types.js';

/** Sentences in which entities `x` and `y` are both mentioned outside page furniture, in one article's run. */
function sharedSentences(run: Int32Array, x: number, y: number): number {
  const inX: number[] = [];
  const inY: number[] = [];
  for (let m = 0; m < run.length; m += MENTION_INTS) {
    const [entity, value] = [run[m] as number, run[m + 1] as number];
    if ((value & 1) !== 0) continue;
    if (entity === x) inX.push(value >> 1);
    else if (entity === y) inY.push(value >> 1);
  }
  let shared = 0;
  inX.forEach((sentence, i) => {
    if (inX.indexOf(sentence) === i && inY.includes(sentence)) shared += 1;
  });
  return shared;
}

/** The articles relating entities `x` and `y` (numbers, ascending) and the sentences each shares, side by side. */
export function sharedArticleCounts(
  store: CooccurrenceGraph,
  x: number,
  y: number,
): { numbers: number[]; sentences: number[] } {
  const numbers = sharedArticleNumbers(store, x, y);
  const sentences = numbers.map((number) => sharedSentences(mentionRun(store, number), x, y));
  return { numbers, sentences };
}

/** [article id, shared sentences] for every article relating `a` and `b`, oldest number first. */
export function sharedArticles(store: CooccurrenceGraph, a: string, b: string): Array<[string, number]> {
  const { numbers } = store.entities;
  const [x, y] = [numbers.get(a), numbers.get(b)];
  if (x === undefined || y === undefined) return [];
  const shared = sharedArticleCounts(store, x, y);
  const ids = store.articles.ids;
  return shared.numbers.map((number, i) => [ids[number] as string, shared.sentences[i] as number]);
}
