// Evidence for an edge: for each evidence article, the sentence where both entities occur (or, in the
// article window, where the neighbour does), with both names marked. Sentence text comes from the index;
// when it is unreachable the evidence still lists the articles, with a null snippet.
import type { Neighbor } from '../graph/find-neighbors.js';
import type { CooccurrenceGraph } from '../graph/types.js';
import { SearchUnavailableError } from '../errors.js';
import type { SearchIndex } from '../search/create-search-index.js';
import { escapeHtml } from '../search/render-snippet.js';
import type { ArticleDocument } from '../search/types.js';
import { articleTitle } from '../graph/article-table.js';

export interface Evidence {
  articleId: string;
  title: string | null;
  published: string | null;
  snippet: string | null;
}

type EvidenceArticle = Pick<
  ArticleDocument,
  'id' | 'title' | 'published' | 'body' | 'sentences' | 'mentions'
>;

function markedSentence(article: EvidenceArticle, sentence: number, ids: ReadonlySet<string>): string {
  const range = article.sentences[sentence];
  if (!range) return '';
  const [start, end] = range;
  const marks = article.mentions.filter(
    (mention) => mention.sentence === sentence && ids.has(mention.entityId) && mention.start >= start,
  );
  let html = '';
  let at = start;
  for (const mention of marks) {
    html += escapeHtml(article.body.slice(at, mention.start));
    html += `<mark>${escapeHtml(article.body.slice(mention.start, mention.end))}</mark>`;
    at = mention.end;
  }
  return (html + escapeHtml(article.body.slice(at, end))).trim();
}

function snippetFor(article: EvidenceArticle, center: string, other: string): string {
  const sentencesOf = (id: string): Set<number> =>
    new Set(article.mentions.filter((m) => m.entityId === id && !m.furniture).map((m) => m.sentence));
  const ofCenter = sentencesOf(center);
  const ofOther = sentencesOf(other);
  const ids = new Set([center, other]);
  const shared = [...ofOther].find((sentence) => ofCenter.has(sentence));
  if (shared !== undefined) return markedSentence(article, shared, ids);
  const first = (set: Set<number>): number => Math.min(...set);
  const parts = [first(ofCenter), first(ofOther)].filter(Number.isFinite).sort((a, b) => a - b);
  return parts.map((sentence) => markedSentence(article, sentence, ids)).join(' … ');
}

/** Attaches evidence to neighbours of `center`, reading the articles' sentences in one request. */
export async function buildEvidence(
  search: SearchIndex,
  store: CooccurrenceGraph,
  center: string,
  neighbors: readonly Neighbor[],
): Promise<Array<Omit<Neighbor, 'evidence'> & { evidence: Evidence[] }>> {
  const ids = [...new Set(neighbors.flatMap((neighbor) => neighbor.evidence))];
  let articles = new Map<string, EvidenceArticle>();
  try {
    const found = await search.getArticles(ids, [
      'id',
      'title',
      'published',
      'body',
      'sentences',
      'mentions',
    ]);
    articles = new Map(found.map((article) => [article.id, article]));
  } catch (cause) {
    if (!(cause instanceof SearchUnavailableError)) throw cause;
  }
  return neighbors.map((neighbor) => ({
    ...neighbor,
    evidence: neighbor.evidence.map((articleId) => {
      const article = articles.get(articleId);
      return {
        articleId,
        title: article?.title ?? articleTitle(store, articleId) ?? null,
        published: article?.published ?? null,
        snippet: article ? snippetFor(article, center, neighbor.id) : null,
      };
    }),
  }));
}
