// The head of a ranking of entities, kept to one type, with their names and types as the graph index gives
// them (the last written article's). Types are not in the counts a ranking is made from, so the ranking is
// read a few times `limit` deep, its types read, and read deeper again until `limit` of the type are found
// or the ranking ends: the strongest of a type are among the strongest of all.
import type { EntityInfo, EntityType } from '../entities/types.js';
import type { GraphIndex } from '../search/create-graph-index.js';

export const DEFAULTS = {
  /** With a type, the ranking is read this many times `limit` deep, then as many times deeper again. */
  typeDepth: 4,
};

/**
 * The first `limit` entries of `rank(depth)` (a ranking cut at `depth`, strongest first) whose entity
 * (`idOf`) has a name and, if given, type `type`, each with that name and type.
 */
export async function strongestOfType<T>(
  graph: GraphIndex,
  rank: (depth: number) => T[] | Promise<T[]>,
  idOf: (entry: T) => string,
  options: { type?: EntityType; limit: number },
): Promise<Array<{ entry: T; info: EntityInfo }>> {
  const { type, limit } = options;
  for (let depth = type === undefined ? limit : limit * DEFAULTS.typeDepth; ; depth *= DEFAULTS.typeDepth) {
    const ranked = await rank(depth);
    const infos = await graph.latestInfo(ranked.map(idOf));
    const found = ranked.flatMap((entry) => {
      const info = infos.get(idOf(entry));
      return info && (type === undefined || info.type === type) ? [{ entry, info }] : [];
    });
    if (found.length >= limit || ranked.length < depth) return found.slice(0, limit);
  }
}
