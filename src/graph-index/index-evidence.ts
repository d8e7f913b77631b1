// The evidence articles of edges, from the graph index, in find-neighbors.ts's order: most shared
// sentences first, then the most recently published (undated as 0), then the first written. One search
// reads the sentence documents that relate the center with any of the edges' other ends (each carries its
// article's date and write sequence), so the shared sentences per article are counted here; in the article
// window a second search reads the articles that relate both, for the edges with fewer articles sharing a
// sentence than evidence asked for. Both go in one request (multi-search), whatever the number of edges:
// at a million articles one facet and one date read per edge cost about 1 ms each (docs/index-mode.md).
import type { Window } from '../graph/types.js';
import type { ArticleDate, GraphIndex } from '../search/create-graph-index.js';
import { inPieces } from './in-pieces.js';

export interface EvidenceOptions {
  window: Window;
  from?: number;
  to?: number;
  evidence: number;
}

export const DEFAULTS = {
  /**
   * Most documents one search may return: the edges' counts (shared sentences, or articles) bound its hits,
   * and edges past it go to a further search of the same request.
   */
  docsPerSearch: 20_000,
};

/** An edge as the evidence needs it: its other end and its counts in the window's date range. */
export interface EvidenceEdge {
  id: string;
  articles: number;
  sentences: number;
}

/** An article shared by an edge's ends, with the sentences it relates both in. */
type Shared = ArticleDate & { count: number };

/** As find-neighbors.ts sorts shared articles: most shared sentences, newest, then first added. */
const strongestFirst = (a: Shared, b: Shared): number =>
  b.count - a.count || (b.publishedTs ?? 0) - (a.publishedTs ?? 0) || a.seq - b.seq;

/**
 * For each of `others` (with the articles and sentences it shares with `center` in the window's date
 * range), the ids of the evidence articles, at most `evidence`.
 */
export async function indexEvidence(
  graph: GraphIndex,
  center: string,
  others: readonly EvidenceEdge[],
  options: EvidenceOptions,
  limits = DEFAULTS,
): Promise<string[][]> {
  const { window, from, to, evidence } = options;
  if (evidence === 0 || others.length === 0) return others.map(() => []);
  const dates = { from, to };
  const shared = new Map<string, Map<string, Shared>>(others.map((other) => [other.id, new Map()]));
  /** Reads the documents of `kind` that relate the center with any of `edges`, and adds each to those. */
  const read = async (kind: 'article' | 'sentence', edges: readonly EvidenceEdge[]): Promise<void> => {
    // The edge's count that bounds its documents of this kind, and what each such document adds to an article.
    const bound = kind === 'sentence' ? 'sentences' : 'articles';
    const adds = kind === 'sentence' ? 1 : 0;
    const pieces = inPieces(edges, (edge) => edge[bound], limits.docsPerSearch);
    const answers = await graph.articleDates(
      pieces.map((piece) => ({
        where: { kind, related: [center], relatedAny: piece.map((edge) => edge.id), ...dates },
        // The edges' counts bound the documents that relate the center with any of them.
        limit: piece.reduce((sum, edge) => sum + edge[bound], 0),
        withRelated: true,
      })),
    );
    pieces.forEach((piece, i) => {
      // A document is added to the edges of its own piece only: another piece reads it for the others.
      const mine = new Set(piece.map((edge) => edge.id));
      for (const hit of answers[i] ?? []) {
        for (const id of hit.related ?? []) {
          if (!mine.has(id)) continue;
          const articles = shared.get(id) as Map<string, Shared>;
          const known = articles.get(hit.article);
          if (known) known.count += adds;
          else articles.set(hit.article, { ...hit, related: undefined, count: adds });
        }
      }
    });
  };

  await read(
    'sentence',
    others.filter((other) => other.sentences > 0),
  );
  // Articles that relate both without a shared sentence come last, read only where they may be needed.
  const short =
    window === 'article'
      ? others.filter((other) => {
          const found = (shared.get(other.id) as Map<string, Shared>).size;
          return found < evidence && other.articles > found;
        })
      : [];
  if (short.length > 0) await read('article', short);
  return others.map((other) =>
    [...(shared.get(other.id) as Map<string, Shared>).values()]
      .sort(strongestFirst)
      .slice(0, evidence)
      .map((entry) => entry.article),
  );
}
