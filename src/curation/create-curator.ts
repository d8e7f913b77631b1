// The curation service the API and `npm run kb` share: validates an operation, writes it to the log as
// running, folds the log into the corrections extraction uses, rewrites the articles and the graph, and
// marks it done. One operation at a time per process; a start completes what a crash interrupted.
import { randomBytes } from 'node:crypto';
import { NewsgraphError, NotFoundError } from '../errors.js';
import type { KbEntity } from '../entities/types.js';
import type { Logger } from '../logger.js';
import { oneAtATime } from '../one-at-a-time.js';
import type { CurationLog } from './create-curation-log.js';
import { describeEntity } from './describe-entity.js';
import { effectiveKb, foldCorrections, isActive } from './fold-corrections.js';
import { rewriteArticles, type RewriteDeps } from './rewrite-articles.js';
import type { Corrections, Curation, Operation } from './types.js';
import {
  validateBlock,
  validateCreate,
  validateMerge,
  validateSplit,
  validateUpdate,
  type CreateInput,
  type SplitInput,
  type UpdateInput,
  type ValidationContext,
} from './validate-operation.js';

/** A revert that later operations build on, or of a curation no longer in force: 409. */
export class CurationConflictError extends NewsgraphError {
  readonly details: unknown;

  constructor(message: string, details?: unknown) {
    super('curation_conflict', message);
    this.details = details;
  }
}

export interface CuratorDeps extends RewriteDeps {
  log: CurationLog;
  /** The knowledge base from the files, without corrections. */
  baseKb: ReadonlyMap<string, KbEntity>;
  corrections(): Corrections;
  /** Puts new corrections in force for extraction (knowledge-base overlay) and documents. */
  setCorrections(corrections: Corrections): void;
  logger?: Logger;
}

export interface Curator {
  merge(id: string, into: unknown): Promise<Curation>;
  update(id: string, input: UpdateInput): Promise<Curation>;
  block(id: string): Promise<Curation>;
  /** Reverts the block in force on `id`. */
  unblock(id: string): Promise<Curation>;
  create(input: CreateInput): Promise<Curation>;
  split(id: string, input: SplitInput): Promise<Curation>;
  revert(curationId: string): Promise<Curation>;
  get(curationId: string): Promise<Curation | undefined>;
  list(options: { limit: number; offset: number }): Promise<{ total: number; curations: Curation[] }>;
  /** Reads the log again (another process may have written it) and puts its corrections in force. */
  refresh(): Promise<Corrections>;
  /** Completes the curations a crash left running or reverting. */
  resume(): Promise<number>;
}

const touchedIds = (args: Operation): string[] => [
  args.id,
  ...(args.operation === 'merge' ? [args.into] : []),
  ...(args.operation === 'split' ? [args.as.id] : []),
];

export function createCurator(deps: CuratorDeps): Curator {
  const { log, search } = deps;
  /** Curations of this process in progress, for live counts. */
  const live = new Map<string, Curation>();
  const exclusive = oneAtATime();

  const refresh = async (): Promise<Corrections> => {
    const corrections = foldCorrections(await log.all(), deps.baseKb);
    deps.setCorrections(corrections);
    return corrections;
  };

  const context = (): ValidationContext => {
    const corrections = deps.corrections();
    const kb = effectiveKb(deps.baseKb, corrections);
    return {
      corrections,
      describe: (id) => describeEntity(id, { kb, corrections, graph: deps.graph, search }),
      notMentioning: async (articles, entity) => {
        const found = await search.getArticles(articles, ['id', 'entities']);
        const mentioning = new Set(found.filter((a) => a.entities.includes(entity)).map((a) => a.id));
        return articles.filter((id) => !mentioning.has(id));
      },
    };
  };

  /** Writes the entity index entries of the entities a curation touched, as the corrections show them. */
  const updateEntityIndex = async (args: Operation): Promise<void> => {
    const ctx = context();
    const docs = [];
    for (const id of touchedIds(args)) {
      if (ctx.corrections.mergedInto.has(id)) continue;
      const entity = await ctx.describe(id);
      if (!entity) continue;
      const known = effectiveKb(deps.baseKb, ctx.corrections).get(id);
      docs.push({
        id,
        name: entity.name,
        type: entity.type,
        aliases: [...new Set([entity.name, ...entity.aliases])],
        wikidata: known?.wikidata ?? null,
      });
    }
    await search.upsertEntities(docs);
  };

  const execute = async (curation: Curation, reverting: boolean): Promise<Curation> => {
    live.set(curation.id, curation);
    // Progress goes to the log in order, beside the rewriting rather than in its way.
    let progressed: Promise<void> = Promise.resolve();
    try {
      const counts = await rewriteArticles(deps, curation, deps.corrections(), {
        reverting,
        onBatch: (progress) => {
          curation.counts = progress;
          const snapshot = { ...curation, counts: progress };
          // A progress write that fails costs a stale count, not the curation: the final write follows.
          progressed = progressed
            .then(() => log.put(snapshot))
            .catch((cause: Error) =>
              deps.logger?.warn(`curation: progress of ${curation.id}: ${cause.message}`),
            );
        },
      });
      await progressed;
      await updateEntityIndex(curation.args);
      curation.counts = counts;
      curation.status = reverting ? 'reverted' : 'done';
      if (reverting) curation.revertedAt = new Date().toISOString();
      delete curation.error;
      await log.put(curation);
      deps.logger?.info(
        `curation: ${curation.id} (${curation.args.operation} ${curation.args.id}) ${curation.status}: ` +
          `${counts.changed} of ${counts.candidates} articles changed`,
      );
      return curation;
    } finally {
      live.delete(curation.id);
    }
  };

  const apply = (validate: (ctx: ValidationContext) => Promise<Operation>) =>
    exclusive(async () => {
      await refresh();
      const args = await validate(context());
      const seq = deps.nextSeq();
      const curation: Curation = {
        id: `c-${seq.toString(36)}-${randomBytes(3).toString('hex')}`,
        seq,
        time: new Date().toISOString(),
        status: 'running',
        args,
        counts: { candidates: 0, processed: 0, changed: 0, failed: 0 },
        entities: touchedIds(args),
      };
      // Logged as running before any article changes: a crash from here on is completed at the next start.
      await log.put(curation);
      await refresh();
      return execute(curation, false);
    });

  const revert = (curationId: string) =>
    exclusive(async () => {
      const all = await log.all();
      const curation = all.find((entry) => entry.id === curationId);
      if (!curation) throw new NotFoundError(`curations: no curation "${curationId}"`);
      if (!isActive(curation)) {
        throw new CurationConflictError(`curations: "${curationId}" is ${curation.status}, not in force`);
      }
      const ids = new Set(touchedIds(curation.args));
      const dependents = all.filter(
        (entry) =>
          isActive(entry) && entry.seq > curation.seq && touchedIds(entry.args).some((id) => ids.has(id)),
      );
      if (dependents.length > 0) {
        throw new CurationConflictError(
          `curations: later operations build on "${curationId}"; revert them first: ` +
            dependents.map((entry) => entry.id).join(', '),
          { dependents: dependents.map((entry) => ({ id: entry.id, operation: entry.args.operation })) },
        );
      }
      curation.status = 'reverting';
      await log.put(curation);
      await refresh();
      return execute(curation, true);
    });

  return {
    merge: (id, into) => apply((ctx) => validateMerge(ctx, id, into)),
    update: (id, input) => apply((ctx) => validateUpdate(ctx, id, input)),
    block: (id) => apply((ctx) => validateBlock(ctx, id)),
    unblock: async (id) => {
      const block = deps
        .corrections()
        .active.findLast((entry) => entry.args.operation === 'block' && entry.args.id === id);
      if (!block) throw new NotFoundError(`entities: "${id}" is not blocked`);
      return revert(block.id);
    },
    create: (input) => apply((ctx) => validateCreate(ctx, input)),
    split: (id, input) => apply((ctx) => validateSplit(ctx, id, input)),
    revert,
    get: async (curationId) => live.get(curationId) ?? (await log.get(curationId)),
    list: (options) => log.list(options),
    refresh: () => exclusive(refresh),
    resume: () =>
      exclusive(async () => {
        const all = await log.all();
        deps.setCorrections(foldCorrections(all, deps.baseKb));
        const unfinished = all.filter((entry) => entry.status === 'running' || entry.status === 'reverting');
        for (const curation of unfinished) {
          deps.logger?.warn(`curation: completing ${curation.id} (${curation.status} at the last stop)`);
          await execute(curation, curation.status === 'reverting');
        }
        return unfinished.length;
      }),
  };
}
