// A new, empty co-occurrence graph. Each API app and each test gets its own; there is no shared graph.
import { createEdgeStore } from './edge-lists.js';
import { createEntityTable } from './entity-table.js';
import type { CooccurrenceGraph } from './types.js';

export function createCooccurrenceGraph(): CooccurrenceGraph {
  return {
    articles: new Map(),
    postings: new Map(),
    articleNumbers: new Map(),
    articleIds: [],
    articleDates: [],
    entities: createEntityTable(),
    edges: createEdgeStore(),
  };
}
