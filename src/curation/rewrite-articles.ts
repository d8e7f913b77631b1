// Carries one curation (or its revert) into the stored articles, in batches: finds the articles it can
// touch, corrects them (moving mentions, or extracting them again where the knowledge base changed),
// writes those that changed with a new write sequence, and only then updates the graph. Running it again
// over the same state changes nothing more, which is what lets a start complete an interrupted curation.
import type { ExtractMany } from '../entities/extraction-pool.js';
import { addArticle } from '../graph/add-article.js';
import type { CooccurrenceGraph } from '../graph/types.js';
import type { SearchIndex } from '../search/create-search-index.js';
import { toArticleDocument } from '../search/to-article-document.js';
import type { ArticleDocument } from '../search/types.js';
import { correctDocument } from './correct-document.js';
import type { Corrections, Curation, CurationCounts } from './types.js';

/** Batches of 500 with up to 3 writes queued, as the indexing pipeline does (pipeline.ts). */
export const DEFAULTS = { batchSize: 500, writesInFlight: 3, searchPage: 1_000, maxSearchHits: 10_000 };

/**
 * A rewrite replaces the whole document, so it reads every field, including those other stages add (a
 * duplicate mark, say) that this file does not know by name: Meilisearch's "*".
 */
const EVERY_FIELD = ['*'] as unknown as ReadonlyArray<keyof ArticleDocument>;

export interface RewriteDeps {
  search: SearchIndex;
  extractMany: ExtractMany;
  nextSeq: () => number;
  /** The API's graph; the CLI has none (the API picks the rewrites up from the index). */
  graph?: CooccurrenceGraph;
  batchSize?: number;
}

/** How a curation reaches the articles: moving mentions, or extracting again (the knowledge base changed). */
export function needsExtraction(curation: Curation, reverting: boolean): boolean {
  const args = curation.args;
  if (reverting || args.operation === 'create') return true;
  if (args.operation !== 'update') return false;
  return (
    args.aliases !== undefined || (args.before.inKb && (args.name !== undefined || args.type !== undefined))
  );
}

/** The texts whose articles an extraction-changing curation can touch: the names it adds or removes. */
export function namesTouched(curation: Curation): string[] {
  const args = curation.args;
  if (args.operation === 'create') return [args.name, ...args.aliases];
  if (args.operation !== 'update') return [];
  const names = [...(args.aliases?.add ?? []), ...(args.aliases?.remove ?? [])];
  if (args.aliases?.add.length && !args.before.inKb) names.push(args.before.name);
  if (args.before.inKb && (args.name !== undefined || args.type !== undefined))
    names.push(...args.before.aliases);
  return [...new Set(names)];
}

async function collect(pages: AsyncIterable<string[]>, into: Set<string>): Promise<void> {
  for await (const page of pages) page.forEach((id) => into.add(id));
}

/** The ids of the articles a curation, or its revert, can change: a superset, never fewer. */
export async function candidateArticles(
  search: SearchIndex,
  curation: Curation,
  reverting: boolean,
): Promise<string[]> {
  const args = curation.args;
  const ids = new Set<string>();
  if (args.operation === 'split' && !reverting) {
    args.articles.forEach((id) => ids.add(id));
    return [...ids];
  }
  if (args.operation !== 'create') await collect(search.articleIdsWhere({ entity: args.id }), ids);
  if (reverting) {
    await collect(search.articleIdsWhere({ curatedBy: curation.id }), ids);
    if (args.operation === 'create') await collect(search.articleIdsWhere({ entity: args.id }), ids);
  }
  if (needsExtraction(curation, reverting)) {
    // Meilisearch finds every article holding the name (prefix and typo matches included, so a superset).
    for (const q of namesTouched(curation)) {
      for (let offset = 0; offset < DEFAULTS.maxSearchHits; offset += DEFAULTS.searchPage) {
        const found = await search.searchArticles({ q, limit: DEFAULTS.searchPage, offset });
        found.hits.forEach((hit) => ids.add(hit.id));
        if (found.hits.length < DEFAULTS.searchPage) break;
      }
    }
  }
  return [...ids].sort();
}

const sameEntities = (a: ArticleDocument, b: ArticleDocument): boolean =>
  JSON.stringify([a.entityInfo, a.mentions, a.curatedBy ?? [], a.lang, a.sentences]) ===
  JSON.stringify([b.entityInfo, b.mentions, b.curatedBy ?? [], b.lang, b.sentences]);

/** Re-derives an article's entities from its text with the corrections in force. */
async function extractAgain(
  deps: RewriteDeps,
  docs: ArticleDocument[],
  corrections: Corrections,
): Promise<Array<ArticleDocument | undefined>> {
  const outcomes = await deps.extractMany(docs.map((doc) => ({ text: doc.body, lang: doc.lang })));
  return docs.map((doc, i) => {
    const outcome = outcomes[i];
    if (!outcome?.ok) return undefined;
    // Fields extraction does not make (set by other stages) stay as stored; curatedBy is made anew.
    const { curatedBy: _curatedBy, ...kept } = doc;
    return correctDocument({ ...kept, ...toArticleDocument(doc, outcome.extraction, doc.seq) }, corrections);
  });
}

/**
 * Rewrites the candidate articles of `curation` under `corrections` (which already include it, or, for a
 * revert, no longer do); `onBatch` sees the counts after each batch.
 */
export async function rewriteArticles(
  deps: RewriteDeps,
  curation: Curation,
  corrections: Corrections,
  options: { reverting: boolean; onBatch?: (counts: CurationCounts) => void },
): Promise<CurationCounts> {
  const { search, graph } = deps;
  const ids = await candidateArticles(search, curation, options.reverting);
  const counts: CurationCounts = { candidates: ids.length, processed: 0, changed: 0, failed: 0 };
  const extract = needsExtraction(curation, options.reverting);
  const size = deps.batchSize ?? DEFAULTS.batchSize;
  // Writes are queued a few at a time, so Meilisearch can index several batches in one run while the next
  // batch is read and corrected; the graph takes each batch once Meilisearch has accepted it, in order.
  const inFlight: Array<Promise<void>> = [];
  let previous: Promise<void> = Promise.resolve();
  try {
    await writeBatches();
  } catch (cause) {
    // Let the writes under way settle, so the graph holds exactly what Meilisearch accepted.
    await Promise.allSettled(inFlight);
    throw cause;
  }
  return counts;

  async function writeBatches(): Promise<void> {
    for (let at = 0; at < ids.length; at += size) {
      const docs = (await search.getArticles(ids.slice(at, at + size), EVERY_FIELD)) as ArticleDocument[];
      const next = extract
        ? await extractAgain(deps, docs, corrections)
        : docs.map((doc) => correctDocument(doc, corrections, [curation]));
      const changed: ArticleDocument[] = [];
      next.forEach((doc, i) => {
        const before = docs[i] as ArticleDocument;
        if (doc === undefined) counts.failed += 1;
        else if (!sameEntities(doc, before)) changed.push({ ...doc, seq: deps.nextSeq() });
      });
      const before = previous;
      const written = (async () => {
        const { failed } = await search.addArticles(changed);
        await before;
        const refused = new Set(failed.map((failure) => failure.id));
        for (const doc of changed) if (!refused.has(doc.id) && graph) addArticle(graph, doc);
        counts.processed += docs.length;
        counts.changed += changed.length - refused.size;
        counts.failed += refused.size;
        options.onBatch?.({ ...counts });
      })();
      previous = written;
      inFlight.push(written);
      if (inFlight.length >= DEFAULTS.writesInFlight) await inFlight.shift();
    }
    await Promise.all(inFlight);
  }
}
