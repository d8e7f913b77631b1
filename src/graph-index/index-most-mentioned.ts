// The most mentioned entities (GET /entities without q) from the graph index: each entity's mentions are its
// articles (the `mentioned` facet over every article document) plus one per further mention tier (the
// `tiers` facet, `<id>#k`), two facet answers kept until the index changes. Ranked as memory mode ranks
// them: most mentions first, ties by id; with a type, read deeper until enough of that type are found.
import type { EntityType } from '../entities/types.js';
import type { NodeAttributes } from '../graph/types.js';
import type { GraphIndex } from '../search/create-graph-index.js';

export const DEFAULTS = {
  /** With a type, the ranking's types are read this many times `limit` deep, and deeper again. */
  typeDepth: 4,
};

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
  const found: Array<{ id: string; node: NodeAttributes }> = [];
  let depth = options.type === undefined ? options.limit : options.limit * DEFAULTS.typeDepth;
  for (let read = 0; found.length < options.limit && read < ranked.length; depth *= DEFAULTS.typeDepth) {
    const batch = ranked.slice(read, depth);
    read = depth;
    const infos = await graph.latestInfo(batch.map(([id]) => id));
    for (const [id, count] of batch) {
      const info = infos.get(id);
      if (!info || (options.type !== undefined && info.type !== options.type)) continue;
      const node = { name: info.name, type: info.type, articles: totals.counts[id] ?? 0, mentions: count };
      if (found.push({ id, node }) === options.limit) break;
    }
  }
  return found;
}
