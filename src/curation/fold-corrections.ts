// Folds the curation log into the corrections it amounts to: the knowledge-base entities users created or
// changed, the names and types they gave, the merges and blocks. Running operations count (a start
// completes them); reverting and reverted ones do not. The fold reads the log only, so every process that
// reads the same log (the API, a second API, `npm run index`) applies the same corrections.
import type { KbEntity } from '../entities/types.js';
import type { Corrections, Curation } from './types.js';

/** The language key under which user aliases are kept: the gazetteer matches every key's aliases. */
export const USER_ALIAS_LANG = 'und';

/** Whether a curation's changes are in force. */
export function isActive(curation: Curation): boolean {
  return curation.status === 'running' || curation.status === 'done';
}

function cloneEntity(entity: KbEntity): KbEntity {
  return {
    ...entity,
    aliases: Object.fromEntries(Object.entries(entity.aliases).map(([lang, list]) => [lang, [...list]])),
    ...(entity.adjectives ? { adjectives: { ...entity.adjectives } } : {}),
  };
}

/** The corrections of a log, given the knowledge base loaded from files. */
export function foldCorrections(
  log: readonly Curation[],
  baseKb: ReadonlyMap<string, KbEntity>,
): Corrections {
  const active = log.filter(isActive).sort((a, b) => a.seq - b.seq);
  const corrections: Corrections = {
    active,
    overlay: new Map(),
    info: new Map(),
    mergedInto: new Map(),
    blocked: new Map(),
    extraAliases: new Map(),
  };
  const { overlay, info, extraAliases } = corrections;
  const addAliases = (id: string, names: readonly string[]): void => {
    const set = extraAliases.get(id) ?? new Set<string>();
    names.forEach((name) => set.add(name));
    extraAliases.set(id, set);
  };
  for (const { id: curationId, args } of active) {
    switch (args.operation) {
      case 'merge': {
        corrections.mergedInto.set(args.id, args.into);
        for (const [from, to] of corrections.mergedInto)
          if (to === args.id) corrections.mergedInto.set(from, args.into);
        if (!info.has(args.into)) info.set(args.into, args.intoInfo);
        addAliases(args.into, [...args.names, ...(extraAliases.get(args.id) ?? [])]);
        break;
      }
      case 'block':
        corrections.blocked.set(args.id, curationId);
        break;
      case 'create':
        overlay.set(args.id, {
          id: args.id,
          name: args.name,
          type: args.type,
          ...(args.wikidata ? { wikidata: args.wikidata } : {}),
          aliases: { [USER_ALIAS_LANG]: [...new Set([args.name, ...args.aliases])] },
        });
        info.set(args.id, { id: args.id, name: args.name, type: args.type });
        break;
      case 'split':
        info.set(args.as.id, args.as);
        break;
      case 'update': {
        const name = args.name ?? info.get(args.id)?.name ?? args.before.name;
        const type = args.type ?? info.get(args.id)?.type ?? args.before.type;
        info.set(args.id, { id: args.id, name, type });
        const known = overlay.get(args.id) ?? baseKb.get(args.id);
        // A provisional entity joins the knowledge base once it has aliases of its own.
        if (!known && !args.aliases) break;
        const entity = known
          ? cloneEntity(known)
          : { id: args.id, name, type, aliases: { [USER_ALIAS_LANG]: [args.before.name] } };
        entity.name = name;
        entity.type = type;
        if (args.wikidata) entity.wikidata = args.wikidata;
        const remove = new Set(args.aliases?.remove ?? []);
        for (const lang of Object.keys(entity.aliases)) {
          entity.aliases[lang] = (entity.aliases[lang] ?? []).filter((alias) => !remove.has(alias));
        }
        const added = args.aliases?.add ?? [];
        const own = entity.aliases[USER_ALIAS_LANG] ?? [];
        entity.aliases[USER_ALIAS_LANG] = [...new Set([...own, ...added])];
        overlay.set(args.id, entity);
        addAliases(args.id, added);
        for (const alias of remove) extraAliases.get(args.id)?.delete(alias);
        break;
      }
    }
  }
  return corrections;
}

/** The knowledge base extraction uses: the files' entities with the log's overlay on top. */
export function effectiveKb(
  baseKb: ReadonlyMap<string, KbEntity>,
  corrections: Corrections,
): Map<string, KbEntity> {
  return new Map([...baseKb, ...corrections.overlay]);
}
