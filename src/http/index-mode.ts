// The answers of the entity routes in index mode (GRAPH_MODE=index): the same JSON as memory mode, read
// from the graph index (src/graph-index/) instead of the in-memory graph. Routes branch here at the top.
import { NotFoundError } from '../errors.js';
import type { EntityType } from '../entities/types.js';
import type { NeighborOptions } from '../graph/find-neighbors.js';
import type { NodeAttributes } from '../graph/types.js';
import { findIndexNeighbors } from '../graph-index/find-index-neighbors.js';
import { indexEntity } from '../graph-index/index-entity.js';
import { buildEvidence } from './build-evidence.js';
import { entityFacet } from './entity-facet.js';
import type { AppDeps } from './types.js';

type CardOf = (id: string, node: NodeAttributes) => Record<string, unknown>;

async function nodeOf(deps: AppDeps, id: string): Promise<NodeAttributes> {
  const node = await indexEntity(deps.search.graph, id);
  if (!node) throw new NotFoundError(`entities: no entity "${id}" in the graph`);
  return node;
}

/** GET /entities?q= : the look-up's hits that some article mentions, as cards. */
export async function indexLookup(
  deps: AppDeps,
  found: ReadonlyArray<{ id: string }>,
  limit: number,
  cardOf: CardOf,
) {
  const counts = await deps.search.graph.facets(
    found.map((entity) => ({ where: { kind: 'article' as const, mentioned: entity.id } })),
  );
  const ids = found.filter((_, i) => (counts[i]?.total ?? 0) > 0).slice(0, limit);
  const nodes = await Promise.all(ids.map((entity) => nodeOf(deps, entity.id)));
  return ids.map((entity, i) => cardOf(entity.id, nodes[i] as NodeAttributes));
}

/** GET /entities/:id : the card with its strongest neighbours. */
export async function indexCard(
  deps: AppDeps,
  id: string,
  limits: { neighbors: number; recentArticles: number },
  cardOf: CardOf,
) {
  const entity = cardOf(id, await nodeOf(deps, id));
  const found =
    (await findIndexNeighbors(deps.search.graph, id, { limit: limits.neighbors, evidence: 0 })) ?? [];
  const recentArticles = await deps.search.recentArticles(id, limits.recentArticles).catch(() => null);
  return {
    ...entity,
    neighbors: found.map(({ evidence: _evidence, ...neighbor }) => neighbor),
    recentArticles,
  };
}

/** GET /entities/:id/neighbors */
export async function indexNeighbors(
  deps: AppDeps,
  id: string,
  options: Omit<NeighborOptions, 'type'> & { type?: string },
  cardOf: CardOf,
) {
  const neighbors = await findIndexNeighbors(deps.search.graph, id, {
    ...options,
    type: options.type as EntityType | undefined,
  });
  if (neighbors === undefined) throw new NotFoundError(`entities: no entity "${id}" in the graph`);
  return {
    entity: cardOf(id, await nodeOf(deps, id)),
    window: options.window,
    neighbors: await buildEvidence(deps.search, deps.store, id, neighbors),
  };
}

/** GET /search's entity facet: ids with the names and types of the graph index. */
export async function indexEntityFacet(deps: AppDeps, counts: Record<string, number>) {
  const infos = await deps.search.graph.latestInfo(Object.keys(counts));
  return entityFacet(counts, (id) => infos.get(id));
}
