// The most mentioned entities (GET /entities without q) from the graph index: the entity totals it keeps
// (articles, and mentions: articles plus one per further mention of an entity in an article), read in order
// of mentions, as deep as the ranking is needed. Ranked as memory mode ranks them: most mentions first, ties
// by id; with a type, read deeper until enough of that type are found.
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
  const found = await strongestOfType(
    graph,
    (depth) => graph.mostMentioned(depth),
    (entry) => entry.id,
    options,
  );
  return found.map(({ entry: { id, articles, mentions }, info }) => ({
    id,
    node: { name: info.name, type: info.type, articles, mentions },
  }));
}
