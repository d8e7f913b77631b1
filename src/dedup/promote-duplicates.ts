// Before the first article of a story is deleted, its earliest copy becomes the first and the other copies
// point at it, so the story still counts once in the graph. These rewrites are written before the delete:
// a crash between the two leaves two firsts of the story (counted twice) until the delete is retried,
// never copies that point at nothing; index and graph agree either way, since the graph reads the flag
// from the index.
import type { SearchIndex } from '../search/create-search-index.js';
import type { ArticleDocument } from '../search/types.js';
import { NewsgraphError } from '../errors.js';

/** Copies rewritten in one go at most; a story printed more often keeps its later copies' old pointer. */
export const DEFAULTS = { maxCopies: 1_000 };

/**
 * A rewrite replaces the whole document, so it reads every field, including those other stages add (a
 * curation's `curatedBy`, say) that this file does not know by name: Meilisearch's "*".
 */
const EVERY_FIELD = ['*'] as unknown as ReadonlyArray<keyof ArticleDocument>;

/**
 * Writes `id`'s copies with the earliest as the story's new first; returns the documents written (the new
 * first one first), empty when `id` has no copies.
 */
export async function promoteDuplicates(
  search: SearchIndex,
  id: string,
  nextSeq: () => number,
): Promise<ArticleDocument[]> {
  const copies = await search.duplicatesOf(id, DEFAULTS.maxCopies);
  if (copies.length === 0) return [];
  const found = new Map(
    (
      await search.getArticles(
        copies.map((copy) => copy.id),
        EVERY_FIELD,
      )
    ).map((doc) => [doc.id, doc]),
  );
  const [first, ...rest] = copies.flatMap((copy) => found.get(copy.id) ?? []);
  if (!first) return [];
  const docs = [
    { ...first, duplicateOf: null, seq: nextSeq() },
    ...rest.map((doc) => ({ ...doc, duplicateOf: first.id, seq: nextSeq() })),
  ];
  const { failed } = await search.addArticles(docs);
  if (failed.length > 0) {
    throw new NewsgraphError(
      'search_error',
      `promoteDuplicates: copies of ${id} not rewritten: ${failed.map((f) => `${f.id}: ${f.reason}`).join('; ')}`,
    );
  }
  return docs;
}
