// The most mentioned entities (GET /entities without q) from the graph index: each entity's mentions are its
// articles (the `mentioned` facet over every article document) plus one per further mention tier (the
// `tiers` facet, `<id>#k`), two facet answers kept until the index changes. Ranked as memory mode ranks
// them: most mentions first, ties by id; with a type, read deeper until enough of that type are found.
import type { EntityType } from '../entities/types.js';
import type { NodeAttributes } from '../graph/types.js';
import type { GraphIndex } from '../search/create-graph-index.js';
import { strongestOfType } from './strongest-of-type.js';

export interface MostMentionedOptions {
  type?: EntityType;
  limit: number;
}

/** The `limit` most mentioned entities (of `type`), strongest first, with their node attributes. */
export async function indexMostMentioned(
  graph: GraphIndex,
  options: MostMentionedOptions,
): Promise<Array<{ id: string; node: NodeAttributes }>> {
  const [totals, [tiers]] = await Promise.all([
    graph.entityTotals(),
    graph.facets([{ where: { kind: 'article' }, facet: 'tiers' }]),
  ]);
  const mentions = new Map(Object.entries(totals.counts));
  for (const [tier, count] of Object.entries(tiers?.counts ?? {})) {
    const id = tier.slice(0, tier.lastIndexOf('#'));
    mentions.set(id, (mentions.get(id) ?? 0) + count);
  }
  const ranked = [...mentions].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
  const found = await strongestOfType(
    graph,
    (depth) => ranked.slice(0, depth),
    ([id]) => id,
    options,
  );
  return found.map(({ entry: [id, count], info }) => ({
    id,
    node: { name: info.name, type: info.type, articles: totals.counts[id] ?? 0, mentions: count },
  }));
}
