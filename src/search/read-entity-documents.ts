// The graph index keeps some things per entity as a summed document and the deltas of writes in flight (the
// neighbour lists, the entity totals). Both are read the same way: through the documents route, a page of
// entities a request (`entity IN [...]`), grouped by entity. An answer cut by its limit is refused, never
// summed in part.
import type { Index } from 'meilisearch';
import { NewsgraphError } from '../errors.js';
import { quote } from './build-filter.js';

export interface EntityDocumentsRead {
  /** The filter of the documents' kinds, e.g. `kind = "list"`. */
  kinds: string;
  fields: string[];
  entitiesPerRead: number;
  /** Documents read per entity on average at most; a page with more is refused. */
  documentsPerEntity: number;
  /** The error's code, and what is read, for its message ("lists", "totals"). */
  code: string;
  what: string;
  /** Requests sent at once (1 when not given): small documents read faster so, large ones would be held at once. */
  atOnce?: number;
}

/** Each of `ids` summed by `sum` from its documents, in the order of `ids` (an id twice is summed twice). */
export async function readEntityDocuments<T extends { entity: string }, S>(
  index: Index<T>,
  ids: readonly string[],
  read: EntityDocumentsRead,
  sum: (docs: T[]) => S,
): Promise<S[]> {
  const sums: S[] = [];
  const readBatch = async (batch: readonly string[]): Promise<S[]> => {
    const unique = [...new Set(batch)];
    const page = await index.getDocuments<T>({
      filter: `${read.kinds} AND entity IN [${unique.map(quote).join(', ')}]`,
      fields: read.fields as Array<Extract<keyof T, string>>,
      limit: unique.length * read.documentsPerEntity,
    });
    if (page.total > page.results.length) {
      throw new NewsgraphError(
        read.code,
        `graph index: the ${read.what} of ${unique.length} entities have ${page.total} documents, more than are read at once`,
      );
    }
    const byEntity = new Map<string, T[]>(unique.map((id) => [id, []]));
    for (const doc of page.results) byEntity.get(doc.entity)?.push(doc);
    return batch.map((id) => sum(byEntity.get(id) ?? []));
  };
  const step = read.entitiesPerRead * (read.atOnce ?? 1);
  for (let at = 0; at < ids.length; at += step) {
    const batches: string[][] = [];
    for (let from = at; from < Math.min(ids.length, at + step); from += read.entitiesPerRead) {
      batches.push(ids.slice(from, from + read.entitiesPerRead));
    }
    for (const summed of await Promise.all(batches.map(readBatch))) sums.push(...summed);
  }
  return sums;
}
