// The graph's entities as small integers: id, name, type and counts in arrays side by side, so that an edge
// names its ends by number and the graph holds no object per entity. These accessors are what the rest of
// the code (routers, curation) reads entities through.
import type { EntityInfo } from '../entities/types.js';
import type { CooccurrenceGraph, EntityTable, NodeAttributes } from './types.js';

export function createEntityTable(): EntityTable {
  return {
    numbers: new Map(),
    ids: [],
    names: [],
    types: [],
    mentions: [],
    articles: [],
    live: 0,
  };
}

/** The number of entity `id` in the graph, or undefined when the graph does not hold it. */
export function entityNumberOf(store: CooccurrenceGraph, id: string): number | undefined {
  return store.entities.numbers.get(id);
}

/** Whether the graph holds entity `id`. */
export function hasEntity(store: CooccurrenceGraph, id: string): boolean {
  return store.entities.numbers.has(id);
}

/** Entity `id`'s name, type and counts (a copy), or undefined when the graph does not hold it. */
export function entityAttributes(store: CooccurrenceGraph, id: string): NodeAttributes | undefined {
  const number = store.entities.numbers.get(id);
  return number === undefined ? undefined : attributesOf(store.entities, number);
}

function attributesOf(table: EntityTable, number: number): NodeAttributes {
  return {
    name: table.names[number] as string,
    type: table.types[number] as NodeAttributes['type'],
    mentions: table.mentions[number] as number,
    articles: table.articles[number] as number,
  };
}

/** Entities in the graph. */
export function entityCount(store: CooccurrenceGraph): number {
  return store.entities.live;
}

/** Every entity with its attributes, in the order they (re)appeared in the graph. */
export function* entitiesOf(store: CooccurrenceGraph): Generator<[string, NodeAttributes]> {
  const table = store.entities;
  for (let number = 0; number < table.ids.length; number++) {
    if ((table.articles[number] as number) > 0)
      yield [table.ids[number] as string, attributesOf(table, number)];
  }
}

/** Changes entity `id`'s name (a correction as a snapshot may hold it); false when there is no such entity. */
export function renameEntity(store: CooccurrenceGraph, id: string, name: string): boolean {
  const number = store.entities.numbers.get(id);
  if (number === undefined) return false;
  store.entities.names[number] = name;
  return true;
}

/** Counts one article's `mentions` of `info` (adding the entity when new); returns its number. */
export function countEntity(store: CooccurrenceGraph, info: EntityInfo, mentions: number): number {
  const table = store.entities;
  let number = table.numbers.get(info.id);
  if (number === undefined) {
    number = table.ids.length;
    table.numbers.set(info.id, number);
    table.ids.push(info.id);
    table.names.push(info.name);
    table.types.push(info.type);
    table.mentions.push(0);
    table.articles.push(0);
    table.live += 1;
  }
  table.names[number] = info.name;
  table.types[number] = info.type;
  table.mentions[number] = (table.mentions[number] as number) + mentions;
  table.articles[number] = (table.articles[number] as number) + 1;
  return number;
}

/**
 * Sets entity `info`'s counts outright (adding it when new); returns its number. For a store that holds
 * part of a graph whose counts come from elsewhere (index mode's neighbourhoods).
 */
export function placeEntity(
  store: CooccurrenceGraph,
  info: EntityInfo,
  counts: { articles: number; mentions: number },
): number {
  const number = countEntity(store, info, 0);
  store.entities.articles[number] = counts.articles;
  store.entities.mentions[number] = counts.mentions;
  return number;
}

/** Takes one article's `mentions` of entity `number` back; true when that was its last article (dropped). */
export function uncountEntity(store: CooccurrenceGraph, number: number, mentions: number): boolean {
  const table = store.entities;
  if ((table.articles[number] as number) <= 1) {
    table.numbers.delete(table.ids[number] as string);
    table.articles[number] = 0;
    table.mentions[number] = 0;
    table.live -= 1;
    return true;
  }
  table.mentions[number] = (table.mentions[number] as number) - mentions;
  table.articles[number] = (table.articles[number] as number) - 1;
  return false;
}
