// What curation knows of an entity before changing it: its name, type and names, from the corrections,
// the knowledge base, the graph, or else the first article that mentions it. Undefined: no such entity.
import type { EntityInfo, KbEntity } from '../entities/types.js';
import { entityAttributes } from '../graph/entity-table.js';
import type { CooccurrenceGraph } from '../graph/types.js';
import type { SearchIndex } from '../search/create-search-index.js';
import type { Corrections } from './types.js';

export interface EntityDescription extends EntityInfo {
  /** Its names: the knowledge base's aliases, and those curations gave it. */
  aliases: string[];
  inKb: boolean;
  wikidata?: string;
}

export function kbAliases(entity: KbEntity | undefined): string[] {
  return entity ? [...new Set(Object.values(entity.aliases).flat())] : [];
}

export async function describeEntity(
  id: string,
  context: {
    kb: ReadonlyMap<string, KbEntity>;
    corrections: Corrections;
    graph?: CooccurrenceGraph;
    search: SearchIndex;
  },
): Promise<EntityDescription | undefined> {
  const { kb, corrections, graph, search } = context;
  const known = kb.get(id);
  let info: EntityInfo | undefined = corrections.info.get(id) ?? known;
  const node = graph && entityAttributes(graph, id);
  if (!info && node) {
    info = { id, name: node.name, type: node.type };
  }
  if (!info) {
    for await (const page of search.articleIdsWhere({ entity: id }, 1)) {
      const [article] = await search.getArticles(page, ['entityInfo']);
      info = article?.entityInfo.find((entity) => entity.id === id);
      break;
    }
  }
  if (!info) return undefined;
  const extra = [...(corrections.extraAliases.get(id) ?? [])];
  return {
    id,
    name: info.name,
    type: info.type,
    aliases: [...new Set([...kbAliases(known), ...extra])],
    inKb: known !== undefined,
    ...(known?.wikidata ? { wikidata: known.wikidata } : {}),
  };
}
