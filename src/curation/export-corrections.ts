// Moves corrections between installations. The export is a knowledge-base file ({"entities": [...]}: the
// entities users created or changed, which KB_FILES can load as it is) plus the operations in force, which
// import replays through the same curator, in order.
import { z } from 'zod';
import { ConfigError } from '../errors.js';
import type { Curator } from './create-curator.js';
import type { Corrections, Operation } from './types.js';

export interface CorrectionsExport {
  entities: unknown[];
  curations: Array<{ id: string; time: string; args: Operation }>;
}

export function exportCorrections(corrections: Corrections): CorrectionsExport {
  return {
    entities: [...corrections.overlay.values()],
    curations: corrections.active.map(({ id, time, args }) => ({ id, time, args })),
  };
}

const fileSchema = z.object({
  curations: z.array(
    z.object({ id: z.string(), args: z.object({ operation: z.string(), id: z.string() }).loose() }),
  ),
});

export interface ImportOutcome {
  applied: number;
  skipped: Array<{ id: string; reason: string }>;
}

/** Replays an export's operations; one that no longer fits (an unknown entity, say) is skipped with its reason. */
export async function importCorrections(curator: Curator, parsed: unknown): Promise<ImportOutcome> {
  const file = fileSchema.safeParse(parsed);
  if (!file.success)
    throw new ConfigError('kb import: the file must hold {"curations": [...]} as kb export writes');
  const outcome: ImportOutcome = { applied: 0, skipped: [] };
  for (const { id, args: raw } of file.data.curations) {
    const args = raw as unknown as Operation;
    try {
      switch (args.operation) {
        case 'merge':
          await curator.merge(args.id, args.into);
          break;
        case 'update':
          await curator.update(args.id, {
            ...(args.name !== undefined ? { name: args.name } : {}),
            ...(args.type !== undefined ? { type: args.type } : {}),
            ...(args.wikidata !== undefined ? { wikidata: args.wikidata } : {}),
            ...(args.aliases ? { aliases: args.aliases } : {}),
          });
          break;
        case 'block':
          await curator.block(args.id);
          break;
        case 'create':
          await curator.create(args);
          break;
        case 'split':
          await curator.split(args.id, { articles: args.articles, as: args.as });
          break;
        default:
          throw new Error(`unknown operation "${String((args as { operation: unknown }).operation)}"`);
      }
      outcome.applied += 1;
    } catch (cause) {
      outcome.skipped.push({ id, reason: (cause as Error).message });
    }
  }
  return outcome;
}
