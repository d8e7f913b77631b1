import { degreeOf, edgeBetween, edgeCount } from '../../src/graph/edge-lists.js';
import { entityAttributes, entityCount, hasEntity } from '../../src/graph/entity-table.js';
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { addArticle } from '../../src/graph/add-article.js';
import { createCooccurrenceGraph } from '../../src/graph/create-cooccurrence-graph.js';
import { exportGraph } from '../../src/graph/export-graph.js';
import { findNeighbors } from '../../src/graph/find-neighbors.js';
import { loadGraph, saveGraph } from '../../src/graph/persist-graph.js';
import { removeArticle } from '../../src/graph/remove-article.js';
import type { GraphArticle } from '../../src/graph/types.js';
import { graphShape } from '../helpers/graph-shape.js';
import { snapshotSections } from '../helpers/snapshot-sections.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { articleCount } from '../../src/graph/article-table.js';
import { storedArticles } from '../../src/graph/stored-article.js';

const putin = { id: 'vladimir-putin', name: 'Vladimir Putin', type: 'person' as const };
const xi = { id: 'xi-jinping', name: 'Xi Jinping', type: 'person' as const };
const nato = { id: 'nato', name: 'NATO', type: 'organization' as const };
const lynch = { id: 'prov-mike-lynch', name: 'Mike Lynch', type: 'person' as const };

function article(id: string, seq: number, publishedTs: number | null = null): GraphArticle {
  return {
    id,
    seq,
    title: `title ${id}`,
    publishedTs,
    entityInfo: [putin, xi, nato, lynch],
    mentions: [
      { entityId: 'vladimir-putin', sentence: 0 },
      { entityId: 'xi-jinping', sentence: 0 },
      { entityId: 'nato', sentence: 1 },
      { entityId: 'vladimir-putin', sentence: 2 },
      { entityId: 'prov-mike-lynch', sentence: 3, furniture: true },
    ],
  };
}

describe('co-occurrence graph', () => {
  it('counts shared articles and shared sentences per pair', () => {
    const store = createCooccurrenceGraph();
    addArticle(store, article('a1', 1));
    const neighbors = findNeighbors(store, 'vladimir-putin') ?? [];
    // Equal in articles, Xi Jinping ranks first: he also shares a sentence with Putin.
    expect(neighbors.map((n) => [n.id, n.articles, n.sentences])).toEqual([
      ['xi-jinping', 1, 1],
      ['nato', 1, 0],
    ]);
    expect(entityAttributes(store, 'vladimir-putin')).toMatchObject({ mentions: 2, articles: 1 });
  });

  it('re-indexing an article does not double its co-occurrence counts', () => {
    const store = createCooccurrenceGraph();
    addArticle(store, article('a1', 1));
    addArticle(store, article('a1', 2));
    addArticle(store, article('a1', 3));
    const edge = edgeBetween(store, 'vladimir-putin', 'xi-jinping') as {
      articles: number;
      sentences: number;
    };
    expect([edge.articles, edge.sentences]).toEqual([1, 1]);
    expect(entityAttributes(store, 'vladimir-putin')?.mentions).toBe(2);
  });

  it('deleting an article removes its contribution, and entities left without articles', () => {
    const store = createCooccurrenceGraph();
    addArticle(store, article('a1', 1));
    addArticle(store, article('a2', 2));
    removeArticle(store, 'a1');
    expect(edgeBetween(store, 'vladimir-putin', 'xi-jinping')?.articles).toBe(1);
    expect(findNeighbors(store, 'vladimir-putin')?.find((n) => n.id === 'xi-jinping')?.evidence).toEqual([
      'a2',
    ]);
    removeArticle(store, 'a2');
    expect([entityCount(store), edgeCount(store), articleCount(store), store.postings.entities]).toEqual([
      0, 0, 0, 0,
    ]);
  });

  it('a hub keeps its strongest neighbours, in the order a full sort gives, with their evidence', () => {
    const store = createCooccurrenceGraph();
    const hub = { id: 'hub', name: 'Hub', type: 'location' as const };
    let seed = 3;
    const next = (n: number): number => (seed = (seed * 48271) % 2147483647) % n;
    for (let k = 0; k < 400; k++) {
      const others = Array.from({ length: 1 + next(4) }, () => next(60)).map((i) => ({
        id: `e${i}`,
        name: `Entity ${i % 7}`,
        type: 'person' as const,
      }));
      const entityInfo = [hub, ...new Map(others.map((o) => [o.id, o])).values()];
      const mentions = entityInfo.map((info) => ({ entityId: info.id, sentence: next(3) }));
      addArticle(store, { id: `a${k}`, seq: k, title: null, publishedTs: k, entityInfo, mentions });
    }
    const all = findNeighbors(store, 'hub', { limit: 1_000, evidence: 1_000 }) ?? [];
    for (const window of ['article', 'sentence'] as const) {
      const everything = findNeighbors(store, 'hub', { window, limit: 1_000, evidence: 2 }) ?? [];
      expect(findNeighbors(store, 'hub', { window, limit: 7, evidence: 2 })).toEqual(everything.slice(0, 7));
      const weights = everything.map((n) => n.weight);
      expect(weights).toEqual([...weights].sort((x, y) => y - x));
    }
    // Evidence lists exactly the articles that hold both ends.
    for (const neighbor of all) {
      const holding = [...storedArticles(store)]
        .filter(([, stored]) => stored.entityInfo.some((info) => info.id === neighbor.id))
        .map(([id]) => id);
      expect([...neighbor.evidence].sort()).toEqual(holding.sort());
    }
  });

  it('page-furniture mentions count for the entity but relate it to nobody', () => {
    const store = createCooccurrenceGraph();
    addArticle(store, article('a1', 1));
    expect(hasEntity(store, 'prov-mike-lynch')).toBe(true);
    expect(degreeOf(store, 'prov-mike-lynch')).toBe(0);
  });

  it('the sentence window drops pairs that never share a sentence', () => {
    const store = createCooccurrenceGraph();
    addArticle(store, article('a1', 1));
    const neighbors = findNeighbors(store, 'vladimir-putin', { window: 'sentence' }) ?? [];
    expect(neighbors.map((n) => n.id)).toEqual(['xi-jinping']);
  });

  it('a date range counts only articles published in it', () => {
    const store = createCooccurrenceGraph();
    addArticle(store, article('old', 1, Date.parse('2020-01-01')));
    addArticle(store, article('new', 2, Date.parse('2022-07-01')));
    const all = findNeighbors(store, 'vladimir-putin') ?? [];
    const recent = findNeighbors(store, 'vladimir-putin', { from: Date.parse('2022-01-01') }) ?? [];
    expect(all.find((n) => n.id === 'xi-jinping')?.articles).toBe(2);
    expect(recent.find((n) => n.id === 'xi-jinping')).toMatchObject({ articles: 1, evidence: ['new'] });
  });

  it('an export over a date range counts only articles published in it', () => {
    const store = createCooccurrenceGraph();
    addArticle(store, article('old', 1, Date.parse('2020-01-01')));
    addArticle(store, article('new', 2, Date.parse('2022-07-01')));
    const edge = (from?: number) =>
      exportGraph(store, { from })?.edges.find((e) => e.key === 'vladimir-putin--xi-jinping')?.attributes;
    expect(edge()).toMatchObject({ articles: 2, weight: 2 });
    expect(edge(Date.parse('2022-01-01'))).toMatchObject({ articles: 1, weight: 1 });
  });

  it('exports graphology JSON that Graph.from loads, keeping the strongest edges', () => {
    const store = createCooccurrenceGraph();
    addArticle(store, article('a1', 1));
    addArticle(store, { ...article('a2', 2), mentions: article('a2', 2).mentions.slice(0, 2) });
    const exported = exportGraph(store, { limit: 1 });
    const graph = Graph.from(exported as never);
    expect(graph.order).toBe(2);
    expect(graph.size).toBe(1);
    expect(graph.getEdgeAttributes('vladimir-putin--xi-jinping')).toMatchObject({ weight: 2, articles: 2 });
    expect(exported?.attributes?.cut).toBe('the strongest 1 of 3 edges');
  });

  it('a neighbourhood export of depth 2 reaches neighbours of neighbours', () => {
    const store = createCooccurrenceGraph();
    addArticle(store, {
      ...article('a1', 1),
      mentions: [
        { entityId: 'xi-jinping', sentence: 0 },
        { entityId: 'vladimir-putin', sentence: 0 },
      ],
    });
    addArticle(store, {
      ...article('a2', 2),
      mentions: [
        { entityId: 'vladimir-putin', sentence: 0 },
        { entityId: 'nato', sentence: 0 },
      ],
    });
    // The depth-2 behaviour before DEPTH_2_DEFAULTS: links of one article count, hubs (here Putin, in every
    // article) are walked through.
    const old = { measure: 'count', minArticles: 1, expandHubs: true } as const;
    const keys = (depth: 1 | 2) =>
      exportGraph(store, { center: 'xi-jinping', depth, ...old })
        ?.nodes.map((n) => n.key)
        .sort();
    expect(keys(1)).toEqual(['vladimir-putin', 'xi-jinping']);
    expect(keys(2)).toEqual(['nato', 'vladimir-putin', 'xi-jinping']);
    expect(exportGraph(store, { center: 'nobody' })).toBeUndefined();
    const capped = exportGraph(store, { center: 'xi-jinping', depth: 2, maxNodes: 2, ...old });
    expect(capped?.nodes.map((n) => n.key).sort()).toEqual(['vladimir-putin', 'xi-jinping']);
    expect(capped?.attributes?.cut).toBe('the 2 entities most strongly linked within depth 2');
  });

  it('a saved snapshot loads back to the same graph, and only for its own source', async () => {
    const store = createCooccurrenceGraph();
    addArticle(store, article('a1', 1));
    addArticle(store, article('a2', 2));
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'newsgraph-snap-')), 'graph.json');
    await saveGraph(store, file, 'source-a');
    const loaded = await loadGraph(file, 'source-a');
    expect(loaded && exportGraph(loaded)).toEqual(exportGraph(store));
    expect(loaded && graphShape(loaded)).toEqual(graphShape(store));
    expect(loaded && findNeighbors(loaded, 'vladimir-putin')).toEqual(findNeighbors(store, 'vladimir-putin'));
    // What is loaded stays editable: removing an article takes back exactly its part.
    if (loaded) removeArticle(loaded, 'a1');
    removeArticle(store, 'a1');
    expect(loaded && graphShape(loaded)).toEqual(graphShape(store));
    expect(await loadGraph(file, 'source-b')).toBeUndefined();
  });

  it('a snapshot that does not hold together is not loaded', async () => {
    const store = createCooccurrenceGraph();
    addArticle(store, article('a1', 1));
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'newsgraph-snap-')), 'graph.json');
    await saveGraph(store, file, 'source-a');
    const good = readFileSync(file);
    expect(await loadGraph(file, 'source-a')).toBeDefined();
    const { header, mentions, others, shared, articleMentions } = snapshotSections(good);
    const damaged = (offset: number, value: number): Buffer => {
      const copy = Buffer.from(good);
      copy.writeInt32LE(value, offset);
      return copy;
    };
    const broken = {
      'an edge naming no entity': damaged(others.offset, 99),
      'an edge whose two ends disagree': damaged(shared.offset, 7),
      'a mention naming no entity': damaged(articleMentions.offset, 99),
      "an entity's mentions that its articles do not add up to": damaged(mentions.offset, 7),
      'an older version': Buffer.from(
        good.toString('latin1', 0, header.offset + header.length).replace('"version":5', '"version":4') +
          good.toString('latin1', header.offset + header.length),
        'latin1',
      ),
      'cut short': good.subarray(0, good.length - 3),
      'not a snapshot': Buffer.from('{"version": 2, "source": "source-a", "art'),
    };
    for (const [name, content] of Object.entries(broken)) {
      writeFileSync(file, content);
      expect(await loadGraph(file, 'source-a'), name).toBeUndefined();
    }
  });
});
