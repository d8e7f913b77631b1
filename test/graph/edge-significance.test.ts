// PMI on a hand-computed example, and the annotations (communities, weighted degree, layout) of exports.
import { describe, expect, it } from 'vitest';
import { addArticle } from '../../src/graph/add-article.js';
import { annotateExport } from '../../src/graph/annotate-export.js';
import { createCooccurrenceGraph } from '../../src/graph/create-cooccurrence-graph.js';
import { edgePmi } from '../../src/graph/edge-pmi.js';
import { exportGraph } from '../../src/graph/export-graph.js';

const entity = (id: string) => ({ id, name: id.toUpperCase(), type: 'person' as const });

function store() {
  // a1: A B, a2: A X, a3: B Y, a4: C D. N = 4; A and B are in 2 articles each, the others in 1.
  const graph = createCooccurrenceGraph();
  const pairs = [
    ['a', 'b'],
    ['a', 'x'],
    ['b', 'y'],
    ['c', 'd'],
  ];
  pairs.forEach(([first, second], i) =>
    addArticle(graph, {
      id: `a${i + 1}`,
      seq: i + 1,
      title: null,
      publishedTs: null,
      entityInfo: [entity(first as string), entity(second as string)],
      mentions: [
        { entityId: first as string, sentence: 0 },
        { entityId: second as string, sentence: 0 },
      ],
    }),
  );
  return graph;
}

describe('edge significance', () => {
  it('PMI = log2(n_ab * N / (n_a * n_b)), computed by hand', () => {
    expect(edgePmi(1, 2, 2, 4)).toBe(0); // A-B: 1 * 4 / (2 * 2) = 1
    expect(edgePmi(1, 2, 1, 4)).toBe(1); // A-X: 1 * 4 / (2 * 1) = 2
    expect(edgePmi(1, 1, 1, 4)).toBe(2); // C-D: 1 * 4 / (1 * 1) = 4
    expect(edgePmi(0, 1, 1, 4)).toBe(0);
  });

  it('weight=pmi ranks the specific pair above the pair of hubs, with equal counts', () => {
    const byCount = exportGraph(store(), { measure: 'count' });
    expect(byCount?.edges.every((edge) => edge.attributes?.weight === 1)).toBe(true);
    const byPmi = exportGraph(store(), { measure: 'pmi' });
    expect(byPmi?.edges.map((edge) => [edge.key, edge.attributes?.weight])).toEqual([
      ['c--d', 2],
      ['a--x', 1],
      ['b--y', 1],
      ['a--b', 0],
    ]);
    expect(byPmi?.edges[0]?.attributes).toMatchObject({ count: 1, pmi: 2, articles: 1 });
  });

  it('exports carry Louvain communities, weighted degrees and, on request, a layout', () => {
    const exported = exportGraph(store()) as NonNullable<ReturnType<typeof exportGraph>>;
    const plain = annotateExport(exported);
    const community = (key: string) => plain.nodes.find((node) => node.key === key)?.attributes?.community;
    expect(community('c')).toBe(community('d'));
    expect(community('c')).not.toBe(community('a'));
    expect(plain.nodes.find((node) => node.key === 'a')?.attributes?.weightedDegree).toBe(2);
    expect(plain.options).toEqual({ type: 'undirected', multi: false, allowSelfLoops: false });
    const laidOut = annotateExport(exported, { layout: true });
    const position = (graph: typeof plain, key: string) => {
      const node = graph.nodes.find((n) => n.key === key)?.attributes;
      return [node?.x, node?.y];
    };
    expect(position(laidOut, 'a')).not.toEqual(position(plain, 'a'));
    expect(position(laidOut, 'a').every(Number.isFinite)).toBe(true);
    expect(annotateExport(exported, { layout: true })).toEqual(laidOut);
  });
});
