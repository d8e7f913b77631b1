// Reads the tagger's gazetteer phrases for one language from the knowledge-base folder: the entity files
// (aliases and adjectives) and the given-names list.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledgeBase } from '../load-knowledge-base.js';
import { buildGazetteerPhrases } from './build-gazetteer-phrases.js';

/** The entity files of the bundled knowledge base that feed the gazetteer. */
export const KB_ENTITY_FILES = ['countries.json', 'cities.json', 'organizations.json', 'people.json'];

/** Returns the `lang` gazetteer phrases of the knowledge base in `kbDir` (see `buildGazetteerPhrases`). */
export function loadKbPhrases(kbDir: string, lang: string): Map<string, string> {
  const kb = loadKnowledgeBase(KB_ENTITY_FILES.map((f) => join(kbDir, f)));
  const given = JSON.parse(readFileSync(join(kbDir, 'given-names.json'), 'utf8')) as {
    givenNames?: string[];
  };
  return buildGazetteerPhrases(kb.entities.values(), given.givenNames ?? [], lang);
}
