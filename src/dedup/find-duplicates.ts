// Marks copies of a story before they are written: each article's fingerprint is compared with those of
// the articles that share a band key with it, in the index (any process, any earlier run) and among the
// articles of this process whose writes are still under way. Only articles first indexed before it count
// (firstSeq, kept when an id is written again), and a copy points at the first article of its story (never
// at another copy), so indexing the same input again, or again after a crash, decides the same way.
import type { SearchIndex } from '../search/create-search-index.js';
import type { ArticleDocument, DuplicateCandidate } from '../search/types.js';
import { fingerprint, shingleHashes, similarity } from './fingerprint.js';

/**
 * `threshold`: estimated Jaccard similarity of the bodies' 3-word shingle sets from which two articles are
 * one story (precision and recall at it: docs/web-ingest.md). One look-up covers `lookupChunk` articles, and
 * reads at most `candidatesPerArticle` candidates for each.
 */
export const DEFAULTS = { threshold: 0.4, lookupChunk: 50, candidatesPerArticle: 20 };

export interface DuplicateFinder {
  /** Sets firstSeq, fingerprint, fingerprintBands and duplicateOf on each document, in order. */
  mark(docs: ArticleDocument[]): Promise<void>;
  /** Forgets documents whose write has ended (they are in the index now, or were refused). */
  settle(docs: readonly ArticleDocument[]): void;
}

/**
 * The candidates whose signature estimates `doc`'s story at `threshold` or above, best first. An estimate
 * from 64 hashes strays by about 0.06, and an article meets hundreds of candidates when many share
 * sentences, so the best estimate alone would call some different stories one: `confirm` checks each
 * candidate on the texts.
 */
function storyCandidates(
  doc: Pick<ArticleDocument, 'id' | 'fingerprint' | 'firstSeq'>,
  candidates: Iterable<DuplicateCandidate>,
  threshold: number,
): Array<{ candidate: DuplicateCandidate; score: number }> {
  const found = [];
  for (const candidate of candidates) {
    if (candidate.id === doc.id || candidate.duplicateOf === doc.id) continue;
    // Written before duplicate detection (no firstSeq): earlier than anything since.
    if ((candidate.firstSeq ?? 0) >= (doc.firstSeq ?? Infinity)) continue;
    if ((candidate.duplicateOf ?? candidate.id) === doc.id) continue;
    const score = similarity(doc.fingerprint ?? [], candidate.fingerprint ?? []);
    if (score >= threshold) found.push({ candidate, score });
  }
  return found.sort((a, b) => b.score - a.score);
}

/**
 * The first article of `doc`'s story among the candidates, or null when it is the first: the best
 * estimate that `confirm` (the texts' own shingle similarity, in `mark`) accepts.
 */
export function firstOfStory(
  doc: Pick<ArticleDocument, 'id' | 'fingerprint' | 'firstSeq'>,
  candidates: Iterable<DuplicateCandidate>,
  threshold = DEFAULTS.threshold,
  confirm: (candidate: DuplicateCandidate) => boolean = () => true,
): string | null {
  return confirmedRoot(storyCandidates(doc, candidates, threshold), confirm);
}

/** The story's first article behind the best candidate `confirm` accepts, or null. */
function confirmedRoot(
  passing: ReadonlyArray<{ candidate: DuplicateCandidate }>,
  confirm: (candidate: DuplicateCandidate) => boolean,
): string | null {
  const best = passing.find(({ candidate }) => confirm(candidate));
  return best ? (best.candidate.duplicateOf ?? best.candidate.id) : null;
}

/** The Jaccard similarity of two shingle sets. */
function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  let shared = 0;
  for (const hash of a) if (b.has(hash)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** A finder for one process: share it between pipelines so that concurrent requests see each other. */
export function createDuplicateFinder(
  search: Pick<SearchIndex, 'similarArticles' | 'getArticles'>,
  options: Partial<typeof DEFAULTS> = {},
): DuplicateFinder {
  const { threshold, lookupChunk, candidatesPerArticle } = { ...DEFAULTS, ...options };
  const pending = new Map<string, ArticleDocument>();
  const byBand = new Map<string, Set<string>>();

  const register = (doc: ArticleDocument): void => {
    pending.set(doc.id, doc);
    for (const band of doc.fingerprintBands ?? []) {
      let ids = byBand.get(band);
      if (!ids) byBand.set(band, (ids = new Set()));
      ids.add(doc.id);
    }
  };

  return {
    async mark(docs) {
      for (const doc of docs) {
        const print = fingerprint(doc.body);
        doc.fingerprint = print?.signature ?? [];
        doc.fingerprintBands = print?.bands ?? [];
        doc.duplicateOf = null;
      }
      for (let start = 0; start < docs.length; start += lookupChunk) {
        const chunk = docs.slice(start, start + lookupChunk);
        const rewriting = new Map(chunk.map((doc) => [doc.id, pending.get(doc.id)?.firstSeq]));
        const indexed = await search.getArticles(
          chunk.map((doc) => doc.id),
          ['id', 'firstSeq'],
        );
        const firstSeqs = new Map(indexed.map((doc) => [doc.id, doc.firstSeq]));
        for (const doc of chunk) {
          doc.firstSeq = rewriting.get(doc.id) ?? firstSeqs.get(doc.id) ?? doc.seq;
        }
        const bands = [...new Set(chunk.flatMap((doc) => doc.fingerprintBands ?? []))];
        const limit = candidatesPerArticle * chunk.length;
        const ids = new Set(chunk.map((doc) => doc.id));
        const latest = Math.max(...chunk.map((doc) => doc.firstSeq ?? 0));
        // The `limit` most recent other articles first indexed before this chunk's latest, whether their
        // write has ended (the index) or not (pending): the same set however a run was cut, so the same
        // decisions. The chunk's own articles (possibly in the index already) are compared below instead.
        // Pending writes are read before the index is asked: a write that ends in between is then in one
        // or the other (it leaves pending only once the index shows it), never in neither.
        const writing = new Map<string, DuplicateCandidate>();
        for (const band of bands) {
          for (const id of byBand.get(band) ?? []) {
            const doc = pending.get(id);
            if (doc && !ids.has(id) && (doc.firstSeq ?? 0) < latest) writing.set(id, doc);
          }
        }
        const pool = new Map<string, DuplicateCandidate>();
        for (const found of await search.similarArticles(bands, latest, limit + chunk.length)) {
          if (!ids.has(found.id)) pool.set(found.id, found);
        }
        for (const [id, doc] of writing) pool.set(id, doc);
        const earlier = [...pool.values()]
          .sort((a, b) => (b.firstSeq ?? 0) - (a.firstSeq ?? 0) || a.id.localeCompare(b.id))
          .slice(0, limit);
        // The texts of the candidates whose estimate passes, to confirm it on: from memory where the
        // article's write is under way or in this chunk, else from the index.
        const ordered = [...chunk].sort((a, b) => (a.firstSeq ?? 0) - (b.firstSeq ?? 0));
        const texts = new Map<string, string>();
        for (const doc of [...chunk, ...writing.values()])
          if ('body' in doc) texts.set(doc.id, String(doc.body));
        // A chunk article's candidates are the earlier ones and those of its chunk indexed before it
        // (storyCandidates leaves out the rest); a chunk article's duplicateOf is read when it is decided.
        const passing = new Map(
          ordered.map((doc) => [doc, storyCandidates(doc, [...earlier, ...ordered], threshold)]),
        );
        const unread = new Set<string>();
        for (const found of passing.values()) {
          for (const { candidate } of found) if (!texts.has(candidate.id)) unread.add(candidate.id);
        }
        if (unread.size > 0) {
          for (const found of await search.getArticles([...unread], ['id', 'body'])) {
            texts.set(found.id, found.body);
          }
        }
        const shingles = new Map<string, Set<number>>();
        const shinglesOf = (id: string): Set<number> => {
          let set = shingles.get(id);
          if (!set) shingles.set(id, (set = shingleHashes(texts.get(id) ?? '')));
          return set;
        };
        // First indexed first, so that each article's chunk candidates are decided before it.
        for (const doc of ordered) {
          if ((doc.fingerprint ?? []).length === 0) continue;
          const confirm = (candidate: DuplicateCandidate) =>
            jaccard(shinglesOf(doc.id), shinglesOf(candidate.id)) >= threshold;
          doc.duplicateOf = confirmedRoot(passing.get(doc) ?? [], confirm);
          register(doc);
        }
      }
    },

    settle(docs) {
      for (const doc of docs) {
        if (pending.get(doc.id) !== doc) continue;
        pending.delete(doc.id);
        for (const band of doc.fingerprintBands ?? []) {
          const ids = byBand.get(band);
          ids?.delete(doc.id);
          if (ids?.size === 0) byBand.delete(band);
        }
      }
    },
  };
}
