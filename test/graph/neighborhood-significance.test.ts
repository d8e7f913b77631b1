// G², the disparity filter, minArticles, the depth-2 hub rule and centrality, on small graphs whose values
// are computed by hand (the arithmetic is in the comments).
import { UndirectedGraph } from 'graphology';
import disparity from 'graphology-metrics/edge/disparity.js';
import { describe, expect, it } from 'vitest';
import { addArticle } from '../../src/graph/add-article.js';
import { annotateExport } from '../../src/graph/annotate-export.js';
import { createCooccurrenceGraph } from '../../src/graph/create-cooccurrence-graph.js';
import { edgeDisparity } from '../../src/graph/edge-disparity.js';
import { edgeLogLikelihood } from '../../src/graph/edge-log-likelihood.js';
import { exportGraph } from '../../src/graph/export-graph.js';
import { findNeighbors } from '../../src/graph/find-neighbors.js';
import type { CooccurrenceGraph } from '../../src/graph/types.js';

/** A graph from articles given as lists of entity ids (each entity once, all in sentence 0). */
function graphOf(articles: string[][]): CooccurrenceGraph {
  const store = createCooccurrenceGraph();
  articles.forEach((ids, i) =>
    addArticle(store, {
      id: `a${i + 1}`,
      seq: i + 1,
      title: null,
      publishedTs: null,
      entityInfo: ids.map((id) => ({ id, name: id.toUpperCase(), type: 'person' as const })),
      mentions: ids.map((entityId) => ({ entityId, sentence: 0 })),
    }),
  );
  return store;
}

const edgeKeys = (exported: ReturnType<typeof exportGraph>) =>
  (exported?.edges ?? []).map((edge) => edge.key).sort();

describe('G² of a pair', () => {
  it('equals 2 Σ O ln(O / E) over the 2×2 table, by hand', () => {
    // N = 4, n_a = 2, n_b = 2, n_ab = 2: table [2, 0; 0, 2], every expected count 1:
    // G² = 2 (2 ln 2 + 2 ln 2) = 8 ln 2 = 5.5452.
    expect(edgeLogLikelihood(2, 2, 2, 4)).toBeCloseTo(8 * Math.log(2), 10);
    // N = 10, n_a = 4, n_b = 5, n_ab = 3: table [3, 1; 2, 4], expected [2, 2; 3, 3]:
    // G² = 2 (3 ln 1.5 + 1 ln 0.5 + 2 ln(2/3) + 4 ln(4/3)) = 1.7261.
    const byHand = 2 * (3 * Math.log(1.5) + Math.log(0.5) + 2 * Math.log(2 / 3) + 4 * Math.log(4 / 3));
    expect(edgeLogLikelihood(3, 4, 5, 10)).toBeCloseTo(byHand, 10);
    expect(byHand).toBeCloseTo(1.7261, 4);
    // Symmetric in its two ends.
    expect(edgeLogLikelihood(3, 5, 4, 10)).toBeCloseTo(byHand, 10);
  });

  it('is negative when a pair shares fewer articles than chance, and 0 without evidence', () => {
    // N = 10, n_a = n_b = 5, n_ab = 1 < 2.5 expected.
    expect(edgeLogLikelihood(1, 5, 5, 10)).toBeLessThan(0);
    expect(edgeLogLikelihood(0, 5, 5, 10)).toBe(0);
  });

  it('grows with the evidence, unlike PMI: a pair seen once scores below a pair seen five times', () => {
    // Both pairs' ends are in exactly the articles they share: PMI is log2(N / n) either way,
    // higher for the rarer pair; G² prefers the supported one.
    expect(edgeLogLikelihood(1, 1, 1, 100)).toBeLessThan(edgeLogLikelihood(5, 5, 5, 100));
  });
});

describe('the disparity filter', () => {
  it('p = (1 − w/s)^(k − 1), by hand, and 1 at an end of degree 1', () => {
    expect(edgeDisparity(5, 10, 3)).toBeCloseTo(0.25, 12); // (1 − 0.5)² = 0.25
    expect(edgeDisparity(1, 10, 3)).toBeCloseTo(0.81, 12); // 0.9² = 0.81
    expect(edgeDisparity(8, 10, 2)).toBeCloseTo(0.2, 12); // 0.2¹
    expect(edgeDisparity(3, 3, 1)).toBe(1);
  });

  it('agrees with graphology-metrics on a small weighted graph', () => {
    const graph = new UndirectedGraph();
    const edges: Array<[string, string, number]> = [
      ['h', 'a', 1],
      ['h', 'b', 1],
      ['h', 'c', 1],
      ['h', 'd', 20],
      ['a', 'b', 6],
      ['c', 'd', 2],
    ];
    for (const [a, b, weight] of edges) graph.mergeEdge(a, b, { weight });
    const expected = disparity(graph);
    const strength = (node: string) => graph.reduceEdges(node, (sum, _e, attr) => sum + attr.weight, 0);
    graph.forEachEdge((edge, { weight }, a, b) => {
      const ours = Math.min(
        edgeDisparity(weight, strength(a), graph.degree(a)),
        edgeDisparity(weight, strength(b), graph.degree(b)),
      );
      expect(ours).toBeCloseTo(expected[edge] as number, 12);
    });
  });

  it('backbone=disparity removes a hub’s weak links but keeps a local strong one', () => {
    // p and q share 10 articles; p also meets h, r and s once; the hub h meets x0..x11 once each.
    const articles: string[][] = [];
    for (let i = 0; i < 10; i++) articles.push(['p', 'q']);
    articles.push(['p', 'h'], ['p', 'r'], ['p', 's']);
    for (let i = 0; i < 12; i++) articles.push(['h', `x${i}`]);
    const store = graphOf(articles);
    expect(exportGraph(store, { limit: 100 })?.edges).toHaveLength(16);
    const backbone = exportGraph(store, { backbone: 'disparity', alpha: 0.05, limit: 100 });
    // p–q at p: s = 13, k = 4: (1 − 10/13)³ = 0.0123 < 0.05, kept.
    // h–x0 at h: s = 13, k = 13: (1 − 1/13)¹² = 0.383; at x0 (degree 1) 1: dropped, as are p–h
    // (0.787 at p, 0.383 at h), p–r and p–s (0.787 at p, 1 at their other end).
    expect(edgeKeys(backbone)).toEqual(['p--q']);
    expect(backbone?.edges[0]?.attributes?.disparity).toBeCloseTo(Math.pow(3 / 13, 3), 4);
    expect(backbone?.attributes).toMatchObject({ backbone: 'disparity', alpha: 0.05 });
    // A looser level keeps what is significant at 0.4 too: the hub's links at h (0.383).
    expect(edgeKeys(exportGraph(store, { backbone: 'disparity', alpha: 0.4, limit: 100 }))).toContain(
      'h--x0',
    );
  });
});

describe('minArticles', () => {
  it('keeps only links with that many shared articles, whatever the weight measure', () => {
    const store = graphOf([
      ['a', 'b'],
      ['a', 'b'],
      ['a', 'c'],
      ['d', 'e'],
    ]);
    for (const measure of ['count', 'pmi', 'llr'] as const) {
      const exported = exportGraph(store, { measure, minArticles: 2, limit: 100 });
      expect(edgeKeys(exported), measure).toEqual(['a--b']);
    }
    const neighbors = findNeighbors(store, 'a', { minArticles: 2, weight: 'pmi', evidence: 0 });
    expect(neighbors?.map((n) => n.id)).toEqual(['b']);
    expect(findNeighbors(store, 'a', { evidence: 0 })?.map((n) => n.id)).toEqual(['b', 'c']);
  });

  it('weight=llr ranks neighbours by G² and leaves out pairs seen less often than chance', () => {
    // N = 6: a and h in 3 each; a–h share 1 (expected 1.5), a–b share 2 with b in 2.
    const store = graphOf([['a', 'b'], ['a', 'b'], ['a', 'h'], ['h', 'x'], ['h', 'y'], ['z']]);
    const neighbors = findNeighbors(store, 'a', { weight: 'llr', evidence: 0 });
    expect(neighbors?.map((n) => n.id)).toEqual(['b']);
    expect(neighbors?.[0]?.weight).toBeCloseTo(edgeLogLikelihood(2, 3, 2, 6), 3);
  });
});

describe('depth 2 and hubs', () => {
  // h is in 10 of 28 articles (a hub at hubShare 0.3); c, the centre, shares 2 with h and 2 with p;
  // p shares 2 with q; h shares 2 with each of f0..f3, which depth 2 reaches only through h.
  function hubGraph(): CooccurrenceGraph {
    const articles: string[][] = [
      ['c', 'h'],
      ['c', 'h'],
      ['c', 'p'],
      ['c', 'p'],
      ['p', 'q'],
      ['p', 'q'],
    ];
    for (let i = 0; i < 4; i++) articles.push(['h', `f${i}`], ['h', `f${i}`]);
    for (let i = 0; i < 14; i++) articles.push([`z${i}`]);
    return graphOf(articles);
  }

  it('does not walk through a hub by default and reports it with its further links', () => {
    const exported = exportGraph(hubGraph(), { center: 'c', depth: 2, hubShare: 0.3 });
    const nodes = exported?.nodes.map((node) => node.key).sort();
    expect(nodes).toEqual(['c', 'h', 'p', 'q']);
    expect(exported?.attributes?.notExpanded).toEqual([{ id: 'h', name: 'H', links: 4 }]);
    expect(exported?.attributes).toMatchObject({ measure: 'llr', minArticles: 2, expandHubs: false });
  });

  it('walks through hubs with expandHubs=true, as before', () => {
    const exported = exportGraph(hubGraph(), { center: 'c', depth: 2, hubShare: 0.3, expandHubs: true });
    expect(exported?.nodes.map((node) => node.key)).toEqual(expect.arrayContaining(['f0', 'f3', 'q']));
    expect(exported?.attributes?.notExpanded).toEqual([]);
  });

  it('keeps depth 1 and whole-graph exports on the old defaults', () => {
    const store = hubGraph();
    expect(exportGraph(store, { center: 'c' })?.attributes).toMatchObject({
      measure: 'count',
      minArticles: 1,
    });
    expect(exportGraph(store)?.attributes?.notExpanded).toBeUndefined();
  });
});

describe('centrality', () => {
  it('puts PageRank and betweenness on every node, highest for the bridge of a path', () => {
    const store = graphOf([
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
    ]);
    const annotated = annotateExport(exportGraph(store) as NonNullable<ReturnType<typeof exportGraph>>);
    const of = (key: string) => annotated.nodes.find((node) => node.key === key)?.attributes;
    // Path a–b–c–d: b and c lie on 2 of the 3 pairs' shortest paths not ending at them: normalised
    // betweenness 2 / ((n − 1)(n − 2) / 2) = 2 / 3.
    expect(of('b')?.betweenness).toBeCloseTo(2 / 3, 5);
    expect(of('a')?.betweenness).toBe(0);
    expect(of('b')?.pagerank).toBeGreaterThan(of('a')?.pagerank as number);
    const sum = annotated.nodes.reduce((total, node) => total + (node.attributes?.pagerank ?? 0), 0);
    expect(sum).toBeCloseTo(1, 4);
  });
});
