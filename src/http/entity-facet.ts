// The entity facet of GET /search: Meilisearch's counts of entity ids, with names and types, most first.
import type { EntityInfo } from '../entities/types.js';

/** Facet counts of entity ids, with the names and types `known` gives (ids it does not know are left out). */
export function entityFacet(
  counts: Record<string, number>,
  known: (id: string) => Pick<EntityInfo, 'name' | 'type'> | undefined,
) {
  return Object.entries(counts)
    .flatMap(([id, count]) => {
      const node = known(id);
      return node ? [{ id, name: node.name, type: node.type, count }] : [];
    })
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
