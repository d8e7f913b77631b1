// An entity's aliases as the duplicate suggestions compare names: the knowledge base's (every language) and
// those the curation log added (the names of an entity merged into it). Read at each call, so a curation
// in force since is seen.
import type { KbEntity } from '../entities/types.js';
import type { Corrections } from './types.js';

/** A reader of each entity's aliases from the catalogue and the corrections in force. */
export function aliasReader(
  catalog: ReadonlyMap<string, KbEntity>,
  corrections: () => Corrections,
): (id: string) => string[] {
  return (id) => [
    ...Object.values(catalog.get(id)?.aliases ?? {}).flat(),
    ...(corrections().extraAliases.get(id) ?? []),
  ];
}
