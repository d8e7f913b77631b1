// Index mode draws its exports from small stores of the part of the graph they read: before the export, the
// entities in it get the names and types of the last written article mentioning each, and their totals.
import { placeEntity } from '../graph/entity-table.js';
import type { CooccurrenceGraph } from '../graph/types.js';
import type { GraphIndex } from '../search/create-graph-index.js';

/** Places `ids` in `store` with their names, types, articles and mentions as the graph index has them. */
export async function describeEntities(
  graph: GraphIndex,
  store: CooccurrenceGraph,
  ids: readonly string[],
): Promise<void> {
  const [infos, totals] = await Promise.all([graph.latestInfo(ids), graph.entityTotals(ids)]);
  ids.forEach((id, i) => {
    placeEntity(
      store,
      infos.get(id) ?? { id, name: id, type: 'other' },
      totals[i] ?? { articles: 0, mentions: 0 },
    );
  });
}
