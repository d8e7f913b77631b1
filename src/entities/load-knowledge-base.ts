// Reads knowledge-base files ({"entities": [...]}) and validates every entity, naming the file and the
// entry at fault. Later files override earlier ones entity by entity, so a user's file can fix ours.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from '../errors.js';
import { ENTITY_TYPES, type KbEntity } from './types.js';

const byLanguage = z.record(z.string().regex(/^[a-z]{2,3}$/), z.array(z.string().min(1)));

const entitySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and hyphens'),
  name: z.string().min(1),
  type: z.enum(ENTITY_TYPES as [string, ...string[]]),
  wikidata: z
    .string()
    .regex(/^Q\d+$/)
    .optional(),
  aliases: byLanguage,
  adjectives: byLanguage.optional(),
});

const fileSchema = z.object({ entities: z.array(z.unknown()) });

export interface KnowledgeBase {
  entities: Map<string, KbEntity>;
}

/** Loads and merges the knowledge-base files in order; throws a ConfigError naming file and entry. */
export function loadKnowledgeBase(files: readonly string[]): KnowledgeBase {
  const entities = new Map<string, KbEntity>();
  for (const file of files) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (cause) {
      throw new ConfigError(`knowledge base: cannot read ${file}: ${(cause as Error).message}`);
    }
    const list = fileSchema.safeParse(parsed);
    if (!list.success) {
      throw new ConfigError(`knowledge base: ${file} must hold {"entities": [...]}`);
    }
    list.data.entities.forEach((raw, index) => {
      const entity = entitySchema.safeParse(raw);
      if (!entity.success) {
        const issue = entity.error.issues[0];
        const where = issue?.path.join('.') || 'entry';
        throw new ConfigError(
          `knowledge base: ${file}, entity ${index + 1}: ${where}: ${issue?.message ?? 'invalid'}`,
        );
      }
      entities.set(entity.data.id, entity.data as KbEntity);
    });
  }
  return { entities };
}
