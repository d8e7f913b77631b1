// The graph's persisted form: the compact per-article records, not graphology's export (whose generated
// edge keys swell it and whose import is no faster than a rebuild). Written atomically (temp file, then
// rename); `source` names the index it mirrors, so a snapshot of another index is never loaded.
import { readFile, rename, writeFile } from 'node:fs/promises';
import { addStoredArticle } from './add-article.js';
import { createCooccurrenceGraph } from './create-cooccurrence-graph.js';
import type { CooccurrenceGraph, StoredArticle } from './types.js';

const VERSION = 1;

interface Snapshot {
  version: number;
  source: string;
  articles: Array<[string, StoredArticle]>;
}

/** Writes the graph's articles to `file` (atomically). */
export async function saveGraph(store: CooccurrenceGraph, file: string, source: string): Promise<void> {
  const snapshot: Snapshot = { version: VERSION, source, articles: [...store.articles] };
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(snapshot));
  await rename(temporary, file);
}

/** Loads a snapshot of `source`; undefined when there is none, it is unreadable, or of another source. */
export async function loadGraph(file: string, source: string): Promise<CooccurrenceGraph | undefined> {
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(await readFile(file, 'utf8')) as Snapshot;
  } catch {
    return undefined;
  }
  if (snapshot.version !== VERSION || snapshot.source !== source || !Array.isArray(snapshot.articles)) {
    return undefined;
  }
  const store = createCooccurrenceGraph();
  for (const [id, article] of snapshot.articles) addStoredArticle(store, id, article);
  return store;
}
