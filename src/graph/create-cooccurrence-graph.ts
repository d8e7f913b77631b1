// A new, empty co-occurrence graph. Each API app and each test gets its own; there is no shared graph.
import { UndirectedGraph } from 'graphology';
import type { CooccurrenceGraph, EdgeAttributes, NodeAttributes } from './types.js';

export function createCooccurrenceGraph(): CooccurrenceGraph {
  return {
    graph: new UndirectedGraph<NodeAttributes, EdgeAttributes>(),
    articles: new Map(),
    postings: new Map(),
    articleNumbers: new Map(),
    articleIds: [],
    articleDates: [],
    edgeLists: new Map(),
    entityNumbers: new Map(),
    entityIds: [],
  };
}
