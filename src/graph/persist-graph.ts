// The graph's persisted form: the compact per-article records (what the graph is rebuilt from) plus the
// graph itself as flat arrays (entities with their counts, edges as [entity index, entity index, articles,
// sentences]), so a start loads the graph instead of replaying every article's pairs (measured in the
// README). Written atomically (temp file, then rename); `source` names the index it mirrors, so a snapshot
// of another index is never loaded, and one that does not hold together is ignored.
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { EntityType } from '../entities/types.js';
import { relatedEntities } from './article-contribution.js';
import { createCooccurrenceGraph } from './create-cooccurrence-graph.js';
import { linkEdge } from './edge-lists.js';
import { addPostings } from './postings.js';
import type { CooccurrenceGraph, StoredArticle } from './types.js';

const VERSION = 2;

interface Snapshot {
  version: number;
  source: string;
  articles: Array<[string, StoredArticle]>;
  /** [id, name, type, mentions, articles] */
  nodes: Array<[string, string, EntityType, number, number]>;
  /** Four numbers an edge: source index, target index, articles, sentences. */
  edges: number[];
}

/** Writes the graph and its articles to `file` (atomically). */
export async function saveGraph(store: CooccurrenceGraph, file: string, source: string): Promise<void> {
  const { graph } = store;
  const index = new Map<string, number>();
  const nodes: Snapshot['nodes'] = [];
  graph.forEachNode((id, node) => {
    index.set(id, nodes.length);
    nodes.push([id, node.name, node.type, node.mentions, node.articles]);
  });
  const edges: number[] = [];
  graph.forEachEdge((_key, edge, a, b) => {
    edges.push(index.get(a) ?? -1, index.get(b) ?? -1, edge.articles, edge.sentences);
  });
  const snapshot: Snapshot = { version: VERSION, source, articles: [...store.articles], nodes, edges };
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(snapshot));
  await rename(temporary, file);
}

function restore(snapshot: Snapshot): CooccurrenceGraph {
  const store = createCooccurrenceGraph();
  const { graph } = store;
  for (const [id, name, type, mentions, articles] of snapshot.nodes) {
    graph.addNode(id, { name, type, mentions, articles });
  }
  const { edges, nodes } = snapshot;
  for (let i = 0; i < edges.length; i += 4) {
    const a = nodes[edges[i] as number]?.[0];
    const b = nodes[edges[i + 1] as number]?.[0];
    if (a === undefined || b === undefined) throw new Error(`edge ${i / 4} names no entity`);
    const edge = {
      a,
      b,
      articles: edges[i + 2] as number,
      sentences: edges[i + 3] as number,
      slotA: 0,
      slotB: 0,
    };
    graph.addEdge(a, b, edge);
    linkEdge(store, edge);
  }
  for (const [id, article] of snapshot.articles) {
    store.articles.set(id, article);
    addPostings(store, id, relatedEntities(article), article.publishedTs);
  }
  return store;
}

/** Loads a snapshot of `source`; undefined when there is none, it is unreadable, or of another source. */
export async function loadGraph(file: string, source: string): Promise<CooccurrenceGraph | undefined> {
  try {
    const snapshot = JSON.parse(await readFile(file, 'utf8')) as Snapshot;
    if (snapshot.version !== VERSION || snapshot.source !== source) return undefined;
    return restore(snapshot);
  } catch {
    return undefined;
  }
}
