// Applies the corrections to an article document: merged, split and blocked entities' mentions are moved
// or dropped, and every entity is shown under the name and type a curation gave it. The same function
// corrects a freshly extracted article (all active operations) and rewrites a stored one (only the new
// operation), so an article indexed after a curation and one the curation rewrote end up equal.
import type { EntityInfo } from '../entities/types.js';
import type { ArticleDocument } from '../search/types.js';
import type { Corrections, Curation } from './types.js';

/** Where one operation sends an entity id in an article: another id, null (dropped), or the same id. */
function step(curation: Curation, id: string, articleId: string): string | null {
  const args = curation.args;
  if (args.id !== id) return id;
  switch (args.operation) {
    case 'merge':
      return args.into;
    case 'block':
      return null;
    case 'split':
      return args.articles.includes(articleId) ? args.as.id : id;
    default:
      return id;
  }
}

/**
 * The document with `operations` applied in order (by default every active one), names and types from
 * `corrections`; `curatedBy` gains the operations that changed its entities.
 */
export function correctDocument(
  doc: ArticleDocument,
  corrections: Corrections,
  operations: readonly Curation[] = corrections.active,
): ArticleDocument {
  const curatedBy = new Set(doc.curatedBy ?? []);
  const moves = new Map<string, string | null>();
  const target = (id: string): string | null => {
    const known = moves.get(id);
    if (known !== undefined) return known;
    let current: string | null = id;
    for (const curation of operations) {
      if (current === null) break;
      const next = step(curation, current, doc.id);
      if (next !== current) curatedBy.add(curation.id);
      current = next;
    }
    moves.set(id, current);
    return current;
  };
  const infos = new Map<string, EntityInfo>();
  for (const entity of doc.entityInfo) {
    const id = target(entity.id);
    if (id === null || infos.has(id)) continue;
    const shown = corrections.info.get(id) ?? (id === entity.id ? entity : undefined);
    infos.set(id, shown ? { id, name: shown.name, type: shown.type } : { ...entity, id });
  }
  const mentions = doc.mentions.flatMap((mention) => {
    const id = target(mention.entityId);
    return id === null ? [] : [id === mention.entityId ? mention : { ...mention, entityId: id }];
  });
  const entityInfo = [...infos.values()];
  const corrected: ArticleDocument = {
    ...doc,
    entities: entityInfo.map((entity) => entity.id),
    entityNames: entityInfo.map((entity) => entity.name),
    entityInfo,
    mentions,
  };
  if (curatedBy.size > 0) corrected.curatedBy = [...curatedBy].sort();
  else delete corrected.curatedBy;
  return corrected;
}
