// A new, empty co-occurrence graph. Each API app and each test gets its own; there is no shared graph.
import { createArticleTable } from './article-table.js';
import { createEdgeStore } from './edge-lists.js';
import { createEntityTable } from './entity-table.js';
import { createPostings } from './postings.js';
import type { CooccurrenceGraph } from './types.js';

export function createCooccurrenceGraph(): CooccurrenceGraph {
  return {
    articles: createArticleTable(),
    postings: createPostings(),
    entities: createEntityTable(),
    edges: createEdgeStore(),
  };
}
