// Checks an operation's input against the entities as they are, and records what it needs to be applied
// and undone later (names, types, the target's info). Bad input throws before anything is written:
// InvalidParameterError (400) naming the field, NotFoundError (404) for an unknown entity.
import { InvalidParameterError, NotFoundError } from '../errors.js';
import { slugify } from '../entities/entity-id.js';
import { ENTITY_TYPES, type EntityType } from '../entities/types.js';
import type { EntityDescription } from './describe-entity.js';
import type { Corrections, Operation } from './types.js';

export const LIMITS = { nameChars: 200, aliases: 100, splitArticles: 10_000 };
export const ID_RULE = /^[a-z0-9][a-z0-9-]*$/;

export interface ValidationContext {
  corrections: Corrections;
  describe(id: string): Promise<EntityDescription | undefined>;
  /** Of `articles`, those that do not mention `entity` (or do not exist). */
  notMentioning(articles: readonly string[], entity: string): Promise<string[]>;
}

export interface UpdateInput {
  name?: string;
  type?: string;
  wikidata?: string;
  aliases?: { add?: string[]; remove?: string[] };
}
export interface CreateInput {
  id?: string;
  name: string;
  type: string;
  aliases?: string[];
  wikidata?: string;
}
export interface SplitInput {
  articles: string[];
  as: { id?: string; name: string; type: string };
}

function name(parameter: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidParameterError(parameter, 'must be a non-empty name');
  }
  if (value.length > LIMITS.nameChars) {
    throw new InvalidParameterError(parameter, `is longer than ${LIMITS.nameChars} characters`);
  }
  return value.trim();
}

function entityType(parameter: string, value: unknown): EntityType {
  if (!ENTITY_TYPES.includes(value as EntityType)) {
    throw new InvalidParameterError(parameter, `must be one of ${ENTITY_TYPES.join(', ')}`);
  }
  return value as EntityType;
}

function wikidata(value: unknown): string {
  if (typeof value !== 'string' || !/^Q\d+$/.test(value)) {
    throw new InvalidParameterError('wikidata', 'must be a Wikidata id such as Q7747');
  }
  return value;
}

function names(parameter: string, value: unknown): string[] {
  if (!Array.isArray(value)) throw new InvalidParameterError(parameter, 'must be an array of names');
  if (value.length > LIMITS.aliases)
    throw new InvalidParameterError(parameter, `holds more than ${LIMITS.aliases}`);
  return [...new Set(value.map((entry, i) => name(`${parameter}[${i}]`, entry)))];
}

/** An entity that can be changed: it exists, was not merged away and is not blocked. */
async function living(context: ValidationContext, id: string, parameter: string): Promise<EntityDescription> {
  const merged = context.corrections.mergedInto.get(id);
  if (merged !== undefined) {
    throw new InvalidParameterError(parameter, `entity "${id}" was merged into "${merged}"`);
  }
  if (context.corrections.blocked.has(id)) {
    throw new InvalidParameterError(parameter, `entity "${id}" is blocked`);
  }
  const found = await context.describe(id);
  if (!found) throw new NotFoundError(`entities: no entity "${id}"`);
  return found;
}

/** An id no entity has yet, from `wanted` or from the name (with -2, -3, … where taken). */
async function freshId(context: ValidationContext, parameter: string, wanted: unknown, base: string) {
  const free = async (id: string) =>
    !context.corrections.mergedInto.has(id) && (await context.describe(id)) === undefined;
  if (wanted !== undefined) {
    if (typeof wanted !== 'string' || !ID_RULE.test(wanted)) {
      throw new InvalidParameterError(parameter, 'ids are lower-case letters, digits and hyphens');
    }
    if (!(await free(wanted))) throw new InvalidParameterError(parameter, `entity "${wanted}" exists`);
    return wanted;
  }
  const stem = base || 'entity';
  for (let n = 1; ; n++) {
    const id = n === 1 ? stem : `${stem}-${n}`;
    if (await free(id)) return id;
  }
}

export async function validateMerge(
  context: ValidationContext,
  id: string,
  into: unknown,
): Promise<Operation> {
  if (typeof into !== 'string' || into === '')
    throw new InvalidParameterError('into', 'must be an entity id');
  if (into === id) throw new InvalidParameterError('into', `cannot merge "${id}" into itself`);
  const source = await living(context, id, 'id');
  for (let at: string | undefined = into; at !== undefined; at = context.corrections.mergedInto.get(at)) {
    if (at === id) throw new InvalidParameterError('into', `merging "${id}" into "${into}" makes a cycle`);
  }
  const target = await living(context, into, 'into');
  return {
    operation: 'merge',
    id,
    into,
    names: [...new Set([source.name, ...source.aliases])],
    intoInfo: { id: into, name: target.name, type: target.type },
  };
}

export async function validateUpdate(
  context: ValidationContext,
  id: string,
  input: UpdateInput,
): Promise<Operation> {
  const entity = await living(context, id, 'id');
  const op: Extract<Operation, { operation: 'update' }> = {
    operation: 'update',
    id,
    before: { name: entity.name, type: entity.type, aliases: entity.aliases, inKb: entity.inKb },
  };
  if (input.name !== undefined) op.name = name('name', input.name);
  if (input.type !== undefined) op.type = entityType('type', input.type);
  if (input.wikidata !== undefined) op.wikidata = wikidata(input.wikidata);
  if (input.aliases !== undefined) {
    const add = names('aliases.add', input.aliases.add ?? []);
    const remove = names('aliases.remove', input.aliases.remove ?? []);
    const unknown = remove.filter((alias) => !entity.aliases.includes(alias));
    if (unknown.length > 0) {
      throw new InvalidParameterError(
        'aliases.remove',
        `"${id}" has no alias ${unknown.map((a) => `"${a}"`).join(', ')}`,
      );
    }
    if (add.length + remove.length > 0) op.aliases = { add, remove };
  }
  if (
    op.name === undefined &&
    op.type === undefined &&
    op.wikidata === undefined &&
    op.aliases === undefined
  ) {
    throw new InvalidParameterError('body', 'changes nothing: give name, type, wikidata or aliases');
  }
  return op;
}

export async function validateBlock(context: ValidationContext, id: string): Promise<Operation> {
  const entity = await living(context, id, 'id');
  return { operation: 'block', id, names: [entity.name, ...entity.aliases] };
}

export async function validateCreate(context: ValidationContext, input: CreateInput): Promise<Operation> {
  const given = name('name', input.name);
  const type = entityType('type', input.type);
  const aliases = names('aliases', input.aliases ?? []);
  const id = await freshId(context, 'id', input.id, slugify(given));
  return {
    operation: 'create',
    id,
    name: given,
    type,
    aliases,
    ...(input.wikidata !== undefined ? { wikidata: wikidata(input.wikidata) } : {}),
  };
}

export async function validateSplit(
  context: ValidationContext,
  id: string,
  input: SplitInput,
): Promise<Operation> {
  await living(context, id, 'id');
  const { articles } = input;
  if (!Array.isArray(articles) || articles.length === 0 || articles.some((a) => typeof a !== 'string')) {
    throw new InvalidParameterError('articles', 'must be a non-empty array of article ids');
  }
  if (articles.length > LIMITS.splitArticles) {
    throw new InvalidParameterError('articles', `holds more than ${LIMITS.splitArticles}`);
  }
  if (typeof input.as !== 'object' || input.as === null) {
    throw new InvalidParameterError('as', 'must be {name, type}');
  }
  const missing = await context.notMentioning(articles, id);
  if (missing.length > 0) {
    const shown = missing
      .slice(0, 5)
      .map((a) => `"${a}"`)
      .join(', ');
    throw new InvalidParameterError(
      'articles',
      `${shown}${missing.length > 5 ? ', …' : ''} do not mention "${id}"`,
    );
  }
  const asName = name('as.name', input.as.name);
  const asType = entityType('as.type', input.as.type);
  const asId = await freshId(context, 'as.id', input.as.id, `prov-${slugify(asName)}`);
  return {
    operation: 'split',
    id,
    articles: [...new Set(articles)].sort(),
    as: { id: asId, name: asName, type: asType },
  };
}
