// GET /graph of an entity's neighbourhood in index mode. The edge lists an export reads are fetched from the
// graph index into a small compact store, level by level: the centre's whole list, then (at depth 2) the
// whole lists of the entities it reaches, then the links among the members. The in-memory export
// (export-graph.ts) then runs over that store with the whole graph's article count and the totals of its
// entities (read from the totals the index keeps, only theirs), so the selection, the measures, the cuts and
// the JSON are memory mode's own. The disparity backbone needs entities' strengths (the sum and number of
// their links, create-index-strengths.ts): at depth 2 every entity of the part is read for it, at depth 1
// only the members (settleStrengths).
import type { SerializedGraph } from 'graphology-types';
import type { EntityInfo } from '../entities/types.js';
import type { EdgeCounts } from '../graph/dated-counts.js';
import { createCooccurrenceGraph } from '../graph/create-cooccurrence-graph.js';
import { addNewEdges } from '../graph/add-new-edges.js';
import { edgeBetween, edgeList, pairCounts } from '../graph/edge-lists.js';
import type { Strength } from '../graph/edge-disparity.js';
import { placeEntity } from '../graph/entity-table.js';
import {
  exportGraphOnce,
  exportMembers,
  measuresOf,
  relaxedOptions,
  resolveExportOptions,
  type ExportContext,
  type ExportedEdge,
  type ExportedNode,
  type ExportOptions,
} from '../graph/export-graph.js';
import type { Neighborhood } from '../graph/select-neighborhood.js';
import type { CooccurrenceGraph } from '../graph/types.js';
import type { FacetAnswer, GraphIndex } from '../search/create-graph-index.js';
import type { AdjacencyList } from '../search/sum-adjacency.js';
import {
  createIndexStrengths,
  DEFAULTS as STRENGTHS,
  listPieces,
  type IndexStrengths,
} from './create-index-strengths.js';
import { describeEntities } from './describe-entities.js';
import { rangeCountQueries } from './range-count-queries.js';

type Exported = SerializedGraph<ExportedNode, ExportedEdge>;

export const DEFAULTS = {
  /** Most lists read and added to the part at once (the reads of one request of readAdjacency). */
  listsAtOnce: 100,
  /** Most articles of the entities whose lists are read at once (create-index-strengths.ts). */
  articlesAtOnce: STRENGTHS.articlesAtOnce,
};
type CenteredOptions = Partial<ExportOptions> & { center: string };

/** As exportGraph (its second try at depth 2 included), from the graph index; undefined for an unknown centre. */
export async function indexExportGraph(
  graph: GraphIndex,
  options: CenteredOptions,
): Promise<Exported | undefined> {
  const exported = await exportOnce(graph, options);
  const relaxed = relaxedOptions(options);
  if (!relaxed || !exported || exported.nodes.length > 1) return exported;
  return exportOnce(graph, { ...options, ...relaxed });
}

async function exportOnce(graph: GraphIndex, options: CenteredOptions): Promise<Exported | undefined> {
  const resolved = { ...resolveExportOptions(options), center: options.center };
  const { center, depth, measure, from, to } = resolved;
  // PMI and G² weigh every candidate by its articles: each entity placed in the part gets its total.
  const weighed = measure !== 'count';
  // The backbone weighs each link against both ends' strengths: every entity of the part gets its own.
  const strengths =
    resolved.backbone === 'disparity' ? createIndexStrengths(graph, resolved.window) : undefined;
  const part = createPart(graph, { from, to }, weakest(resolved), weighed, strengths);
  const [articleCount, centerArticles] = (
    await graph.facets([{ where: { kind: 'article' } }, { where: { kind: 'article', mentioned: center } }])
  ).map((answer) => answer.total);
  if (!articleCount || !centerArticles) return undefined;
  let context: ExportContext = { articleCount, datedCounts: part.datedCounts, strengths: strengths?.of };

  await part.addWholeLists([center]);
  if (strengths && depth === 1) context = await settleStrengths(part, resolved, context, strengths);
  else await strengths?.read(part.store.entities.numbers.keys());
  if (depth === 2) {
    const near = exportMembers(part.store, { ...resolved, depth: 1 }, context);
    if (near && !near.cut) {
      const reached = [...near.members].filter((id) => id !== center);
      // Hubs are told apart by their articles before they are walked through.
      if (!weighed) await part.setArticles(reached);
      await part.addWholeLists(reached);
      await strengths?.read(part.store.entities.numbers.keys());
    }
  }
  const members = exportMembers(part.store, resolved, context);
  if (!members) return undefined;
  await part.addLinksAmong([...members.members]);
  await part.describe([...members.members]);
  // The links among members join no frontier list (each was read whole before the walk), so the walk over
  // them selects the same members: not walked again, but where the backbone's strengths grew since.
  return exportGraphOnce(part.store, resolved, strengths ? context : { ...context, selected: members });
}

/** What an end not read yet is taken for: a strength under which every link at that end is significant. */
const PASSING: Strength = { strength: Number.MIN_VALUE, degree: 2 };

/**
 * The strengths a depth-1 backbone needs, without reading every neighbour's list (a hub's backbone read tens
 * of thousands). Each neighbour not read yet is taken to pass at its end; the members chosen so are read, and
 * chosen again, until every member's strength is known: as passing can only add candidates, the members are
 * then the strongest of those that truly pass. When the budget cut them, one neighbour left out that truly
 * passes is found (by its known end, else by reading the left-out ones) or, if none does, all that might
 * are read. Returns the context the export runs with.
 */
async function settleStrengths(
  part: Part,
  resolved: ExportOptions & { center: string },
  context: ExportContext,
  strengths: IndexStrengths,
): Promise<ExportContext> {
  const { store } = part;
  const guessed: ExportContext = {
    ...context,
    strengths: (id) => (strengths.has(id) ? strengths.of(id) : PASSING),
  };
  const unknownOf = (chosen: Neighborhood | undefined) =>
    [...(chosen?.members ?? [])].filter((id) => !strengths.has(id));
  let near = exportMembers(store, resolved, guessed);
  for (let unknown = unknownOf(near); unknown.length > 0; unknown = unknownOf(near)) {
    // Read for their links among the members too, which the export reads next.
    await part.addLinksTo(unknown, near?.members ?? new Set());
    near = exportMembers(store, resolved, guessed);
  }
  if (!near?.cut) return guessed;
  // Left out for the budget: does any of them truly pass? Known ends first, then the others read in turn.
  const mightPass = passesWith(store, resolved, guessed);
  const passes = passesWith(store, resolved, {
    ...context,
    strengths: (id) => (strengths.has(id) ? strengths.of(id) : FAILING),
  });
  const left = neighboursOf(store, resolved.center).filter((id) => !near.members.has(id) && mightPass(id));
  if (left.some(passes)) return guessed;
  // Strongest links first: a link is significant at its other end when it is a large share of that end.
  const weight = (id: string): number => {
    const counts = edgeBetween(store, resolved.center, id);
    return (resolved.window === 'article' ? counts?.articles : counts?.sentences) ?? 0;
  };
  const unread = left.filter((id) => !strengths.has(id)).sort((x, y) => weight(y) - weight(x));
  for (let at = 0; at < unread.length; at += DEFAULTS.listsAtOnce) {
    const some = unread.slice(at, at + DEFAULTS.listsAtOnce);
    await strengths.read(some);
    if (some.some(passes)) return guessed;
  }
  // None does: every one that might have is read now, so the guess no longer differs from the truth.
  return guessed;
}

/** What an end not read yet is taken for when only known passes count: no link passes at it. */
const FAILING: Strength = { strength: 0, degree: 0 };

/** Whether the link of the centre to an entity is one the export may keep, with these strengths. */
function passesWith(
  store: CooccurrenceGraph,
  resolved: ExportOptions & { center: string },
  context: ExportContext,
): (other: string) => boolean {
  const { strong } = measuresOf(store, resolved, context);
  const { center } = resolved;
  return (other) => {
    const counts = edgeBetween(store, center, other);
    if (!counts) return false;
    const [a, b] = center < other ? [center, other] : [other, center];
    return strong({ a, b, ...counts });
  };
}

/** The entities linked to `id` in the store. */
function neighboursOf(store: CooccurrenceGraph, id: string): string[] {
  const list = edgeList(store, id);
  return list ? [...list.others].map((other) => store.entities.ids[other] as string) : [];
}

// The fewest articles and sentences (over all time) an edge needs to play any part in an export with these
// options: every step (the walk, the edge cut, a hub's further links) drops an edge below the window's
// `minWeight` or below `minArticles`, and a count in a date range is never above the count over all time.
// Most edges of a large graph are one shared article: a depth-2 view (`minArticles` 2) leaves them out of
// its part instead of giving each an entity and a pair.
function weakest(resolved: ExportOptions): { articles: number; sentences: number } {
  const { window, minWeight, minArticles } = resolved;
  return {
    articles: Math.max(1, minArticles, window === 'article' ? minWeight : 0),
    sentences: window === 'sentence' ? Math.max(1, minWeight) : 0,
  };
}

type Part = ReturnType<typeof createPart>;

/** Two entity numbers of a part as one key (a part's numbers stay far below 2^26). */
const PAIR = 2 ** 26;

/**
 * The part of the graph an export reads, as a compact store, and the date range's counts of its edges; with
 * `weighed`, every entity is placed with its articles (PMI and G² read them), read before it is placed.
 */
function createPart(
  graph: GraphIndex,
  dates: { from?: number; to?: number },
  floor: { articles: number; sentences: number },
  weighed: boolean,
  strengths: IndexStrengths | undefined,
) {
  const store: CooccurrenceGraph = createCooccurrenceGraph();
  const dated = new Map<string, EdgeCounts>();
  const whole = new Set<string>();
  // Entities whose lists brought their links to the members of the moment (addLinksTo).
  const linked = new Set<string>();
  const inRange = dates.from !== undefined || dates.to !== undefined;
  const pairKey = (a: string, b: string): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

  // Entity -> its articles, read before it is placed (weighed parts only).
  const articlesOf = new Map<string, number>();

  /** The entity's number in the part, added with placeholder name and counts when new. */
  const numberOf = (id: string): number => {
    const known = store.entities.numbers.get(id);
    if (known !== undefined) return known;
    const info: EntityInfo = { id, name: id, type: 'other' };
    return placeEntity(store, info, { articles: articlesOf.get(id) ?? 0, mentions: 0 });
  };

  /** Reads the articles of those of `ids` not read yet. */
  const readArticles = async (ids: Iterable<string>): Promise<void> => {
    const missing = [...new Set(ids)].filter((id) => !articlesOf.has(id));
    const totals = await graph.entityTotals(missing);
    missing.forEach((id, i) => articlesOf.set(id, totals[i]?.articles ?? 0));
  };

  /**
   * For each id, its edges with their counts over all time (its neighbour list, one document read per
   * member), and in the range (two facet queries, articles and sentences); only the edges to `among` when
   * given.
   */
  const addLists = async (ids: readonly string[], among: ReadonlySet<string> | undefined): Promise<void> => {
    // A few lists at a time: a depth-2 view reads hundreds of whole lists (hubs' among them), and holding
    // them all at once before adding them took the process's heap past 160 MB at 100,000 articles. Even a
    // list read for the members arrives whole from the index, so every read is bounded by its articles.
    for (const some of await listPieces(graph, ids, DEFAULTS)) await addSomeLists(some, among);
  };

  const addSomeLists = async (
    ids: readonly string[],
    among: ReadonlySet<string> | undefined,
  ): Promise<void> => {
    const queries = inRange ? ids.flatMap((id) => rangeCountQueries(id, dates)) : [];
    // Links among members need only the entries to members, unless the backbone counts the whole list.
    const [lists, answers] = await Promise.all([
      graph.adjacency(ids, strengths ? undefined : among),
      graph.facets(queries),
    ]);
    ids.forEach((id, i) => strengths?.add(id, lists[i] as AdjacencyList));
    // Each list's edges above the floor; among members, the members are looked up in a list longer than
    // them (a whole list, as the backbone reads), and a list read for them is walked.
    const kept = ids.map((id, i) => {
      const { articles, sentences } = lists[i] as AdjacencyList;
      // Two arrays, no pair array an edge: a depth-1 hub's list adds tens of thousands (docs/index-mode.md).
      const others: string[] = [];
      const counts: number[] = [];
      const keep = (shared: number, other: string): void => {
        if (other === id || shared < floor.articles || (among && !among.has(other))) return;
        if (floor.sentences > 0 && (sentences.get(other) ?? 0) < floor.sentences) return;
        others.push(other);
        counts.push(shared);
      };
      if (among && articles.size > among.size) {
        for (const other of among) {
          const shared = articles.get(other);
          if (shared !== undefined) keep(shared, other);
        }
      } else articles.forEach(keep);
      return { others, counts };
    });
    if (weighed) await readArticles([...ids, ...kept.flatMap(({ others }) => others)]);
    // The edges not in the part yet, each once (both ends' lists may bring it), added at once.
    const added = {
      xs: [] as number[],
      ys: [] as number[],
      articles: [] as number[],
      sentences: [] as number[],
    };
    const taking = new Set<number>();
    ids.forEach((id, i) => {
      const { sentences } = lists[i] as AdjacencyList;
      const [datedArticles, datedSentences] = answers.slice(i * 2, i * 2 + 2) as [FacetAnswer?, FacetAnswer?];
      const self = numberOf(id);
      const { others, counts } = kept[i] as { others: string[]; counts: number[] };
      for (let k = 0; k < others.length; k++) {
        const other = others[k] as string;
        const number = numberOf(other);
        const pair = self < number ? self * PAIR + number : number * PAIR + self;
        if (!taking.has(pair) && !pairCounts(store, self, number)) {
          taking.add(pair);
          added.xs.push(self);
          added.ys.push(number);
          added.articles.push(counts[k] as number);
          added.sentences.push(sentences.get(other) ?? 0);
        }
        if (datedArticles && datedSentences) {
          dated.set(pairKey(id, other), {
            articles: datedArticles.counts[other] ?? 0,
            sentences: datedSentences.counts[other] ?? 0,
          });
        }
      }
    });
    addNewEdges(store, added);
  };

  /** Sets these entities' articles (all articles mentioning each, furniture included, copies not). */
  const setArticles = async (ids: readonly string[]): Promise<void> => {
    const totals = await graph.entityTotals(ids);
    ids.forEach((id, i) => {
      store.entities.articles[numberOf(id)] = totals[i]?.articles ?? 0;
    });
  };

  return {
    store,
    setArticles,
    /** An edge's counts in the date range, as fetched with its lists. */
    datedCounts: (edge: { a: string; b: string }): EdgeCounts =>
      dated.get(pairKey(edge.a, edge.b)) ?? { articles: 0, sentences: 0 },

    /** Every edge of these entities: what a level's walk and a hub's count of further links read. */
    async addWholeLists(ids: readonly string[]): Promise<void> {
      const missing = ids.filter((id) => !whole.has(id));
      await addLists(missing, undefined);
      for (const id of missing) whole.add(id);
    },

    /**
     * The edges between members that no whole list brought: each member's list documents, summing only the
     * entries to members (1–6 % of a depth-2 view's entries at 100,000 articles, docs/index-mode.md, session
     * 20). Restricting the documents to those that relate another member (`related IN [...]`) made one
     * request of members² ids instead, 9 MB for 500 members.
     */
    async addLinksAmong(members: readonly string[]): Promise<void> {
      const set = new Set(members);
      const partial = members.filter((id) => !whole.has(id) && !linked.has(id));
      if (members.length < 2 || partial.length === 0) return;
      await addLists(partial, set);
    },

    /**
     * The edges of `ids` to `among`, each list read once for it (a member chosen later adds its own edges to
     * those chosen before); what the backbone's members read, their strengths with them.
     */
    async addLinksTo(ids: readonly string[], among: ReadonlySet<string>): Promise<void> {
      const missing = ids.filter((id) => !whole.has(id) && !linked.has(id));
      await addLists(missing, among);
      for (const id of missing) linked.add(id);
    },

    /** Gives the members their names and types (of the last written article mentioning each) and totals. */
    describe: (ids: readonly string[]): Promise<void> => describeEntities(graph, store, ids),
  };
}
