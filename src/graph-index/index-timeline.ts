// An entity's timeline (GET /entities/:id/timeline) from the graph index, as entity-timeline.ts counts it
// in memory: articles relating the entity, by the `publishedTs` facet; its mentions outside page furniture,
// one per article plus one per further tier (`relatedTiers`, `<id>#k`); with a second entity, the articles
// relating both and the sentence documents relating both. Undated ones are the totals less the dated.
import {
  bucketTimeline,
  type Occurrences,
  type Timeline,
  type TimelineOptions,
} from '../graph/entity-timeline.js';
import type { FacetAnswer, GraphIndex } from '../search/create-graph-index.js';
import type { GraphWhere } from '../search/graph-filter.js';

export const DEFAULTS = { tiersPerRequest: 16 };

/** Adds an answer's dated counts (`publishedTs` values) to `into`; returns how many it dated. */
function addDated(answer: FacetAnswer | undefined, into: Map<number, number>): number {
  let dated = 0;
  for (const [value, count] of Object.entries(answer?.counts ?? {})) {
    const ts = Number(value);
    into.set(ts, (into.get(ts) ?? 0) + count);
    dated += count;
  }
  return dated;
}

/** Per date: the documents `where` matches, and the undated ones. */
async function datedCounts(graph: GraphIndex, where: GraphWhere) {
  const [answer] = await graph.facets([{ where, facet: 'publishedTs' }]);
  const byDate = new Map<number, number>();
  const dated = addDated(answer, byDate);
  return { byDate, undated: (answer?.total ?? 0) - dated };
}

/** The further mentions per date: one per article for each tier k ≥ 2 it reaches. */
async function tierCounts(graph: GraphIndex, id: string) {
  const byDate = new Map<number, number>();
  let undated = 0;
  for (let tier = 2; ; tier += DEFAULTS.tiersPerRequest) {
    const names = Array.from({ length: DEFAULTS.tiersPerRequest }, (_, i) => `${id}#${tier + i}`);
    const answers = await graph.facets(
      names.map((name) => ({
        where: { kind: 'article' as const, relatedTier: name },
        facet: 'publishedTs' as const,
      })),
    );
    for (const answer of answers) undated += answer.total - addDated(answer, byDate);
    if ((answers.at(-1)?.total ?? 0) === 0) return { byDate, undated };
  }
}

/**
 * The timeline of `id` (with `options.with`, of the pair), or undefined when either entity is not in the
 * graph (no article mentions it), as `entityTimeline` answers over the in-memory graph.
 */
export async function indexTimeline(
  graph: GraphIndex,
  id: string,
  options: Partial<TimelineOptions> = {},
): Promise<Timeline | undefined> {
  const other = options.with;
  const ids = other === undefined ? [id] : [id, other];
  const present = await graph.facets(
    ids.map((entity) => ({ where: { kind: 'article', mentioned: entity } })),
  );
  if (present.some((answer) => answer.total === 0)) return undefined;
  const [articles, mentions] = await Promise.all(
    other === undefined
      ? [datedCounts(graph, { kind: 'article', related: [id] }), tierCounts(graph, id)]
      : [
          datedCounts(graph, { kind: 'article', related: [id, other] }),
          // An entity shares no sentence with itself, as the in-memory graph counts it.
          other === id
            ? { byDate: new Map<number, number>(), undated: 0 }
            : datedCounts(graph, { kind: 'sentence', related: [id, other] }),
        ],
  );
  // A mention of each article relating the entity, then its further tiers; with a pair, the sentences alone.
  const mentionsAt = (ts: number): number =>
    (mentions.byDate.get(ts) ?? 0) + (other === undefined ? (articles.byDate.get(ts) ?? 0) : 0);
  const found: Occurrences = {
    dates: [NaN],
    articles: [articles.undated],
    mentions: [mentions.undated + (other === undefined ? articles.undated : 0)],
  };
  for (const [ts, count] of articles.byDate) {
    found.dates.push(ts);
    found.articles.push(count);
    found.mentions.push(mentionsAt(ts));
  }
  // A sentence's date is its article's, so every dated sentence falls on a date some article has.
  return bucketTimeline(found, options);
}
