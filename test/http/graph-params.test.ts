// GET /graph over HTTP: each parameter the README lists changes the export the way it says (window,
// minWeight, limit, maxNodes, weight=pmi, format=gexf), over a few articles of knowledge-base names.
import Graph from 'graphology';
import { parse } from 'graphology-gexf';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTestNewsgraph, type TestNewsgraph } from '../helpers/test-newsgraph.js';
import { readTextBody } from '../helpers/read-text-body.js';

const KEY = 'graph-params-key-0123456789';
let ng: TestNewsgraph;

interface Exported {
  attributes: { cut: string | null; edgesBeforeCut: number };
  nodes: Array<{ key: string; attributes: { articles: number } }>;
  edges: Array<{
    source: string;
    target: string;
    attributes: { weight: number; count: number; pmi: number; articles: number; sentences: number };
  }>;
}

const pair = (a: string, b: string) => [a, b].sort().join(' ');
/** The export's edges as "a b" -> attributes. */
const edgesOf = (body: Exported) =>
  new Map(body.edges.map((edge) => [pair(edge.source, edge.target), edge.attributes]));
const graph = async (query: object): Promise<Exported> =>
  (await request(ng.app).get('/graph').query(query).expect(200)).body as Exported;

const SCHOLZ_PUTIN = pair('olaf-scholz', 'vladimir-putin');
const SCHOLZ_MACRON = pair('olaf-scholz', 'emmanuel-macron');
const PUTIN_MACRON = pair('vladimir-putin', 'emmanuel-macron');

beforeAll(async () => {
  ng = await openTestNewsgraph('graph_params', { ADMIN_API_KEY: KEY, NER: 'off' });
  const bodies = [
    'Olaf Scholz traf Wladimir Putin.',
    'Wladimir Putin und Olaf Scholz sprachen lange.',
    'Olaf Scholz rief Wladimir Putin an.\nSpäter sprach Emmanuel Macron.',
    'Emmanuel Macron sprach mit Olaf Scholz.',
    'Xi Jinping empfing Giorgia Meloni.',
  ];
  await request(ng.app)
    .post('/articles')
    .set('Authorization', `Bearer ${KEY}`)
    .send(bodies.map((body, i) => ({ id: `g${i}`, body, lang: 'de' })))
    .expect(200);
});

describe('GET /graph parameters', () => {
  it('weights are shared articles by default, shared sentences with window=sentence', async () => {
    const articles = edgesOf(await graph({}));
    expect(articles.get(SCHOLZ_PUTIN)).toMatchObject({ weight: 3, count: 3, articles: 3, sentences: 3 });
    expect(articles.get(SCHOLZ_MACRON)).toMatchObject({ weight: 2, articles: 2, sentences: 1 });
    expect(articles.get(PUTIN_MACRON)).toMatchObject({ weight: 1, articles: 1, sentences: 0 });
    const sentences = edgesOf(await graph({ window: 'sentence' }));
    expect(sentences.get(SCHOLZ_MACRON)).toMatchObject({ weight: 1, count: 1 });
    // No shared sentence: no edge in the sentence window.
    expect(sentences.has(PUTIN_MACRON)).toBe(false);
  });

  it('minWeight drops weaker edges', async () => {
    const all = await graph({});
    const strong = await graph({ minWeight: 2 });
    expect(strong.edges.every((edge) => edge.attributes.weight >= 2)).toBe(true);
    expect([...edgesOf(strong).keys()].sort()).toEqual([SCHOLZ_MACRON, SCHOLZ_PUTIN].sort());
    expect(all.edges.length).toBeGreaterThan(strong.edges.length);
  });

  it('limit keeps the strongest edges and says it cut', async () => {
    const all = await graph({});
    const one = await graph({ limit: 1 });
    expect([...edgesOf(one).keys()]).toEqual([SCHOLZ_PUTIN]);
    expect(one.attributes.cut).toBe(`the strongest 1 of ${all.edges.length} edges`);
    expect(all.attributes.cut).toBeNull();
  });

  it('maxNodes cuts a neighbourhood to the most strongly linked entities', async () => {
    const full = await graph({ center: 'olaf-scholz' });
    expect(full.nodes.length).toBeGreaterThan(2);
    const cut = await graph({ center: 'olaf-scholz', maxNodes: 2 });
    expect(cut.nodes.map((node) => node.key).sort()).toEqual(['olaf-scholz', 'vladimir-putin']);
    expect(cut.attributes.cut).toMatch(/the 2 entities most strongly linked/);
  });

  it('weight=pmi weighs by log2(n_ab N / (n_a n_b)) and ranks by it', async () => {
    const articles = (await request(ng.app).get('/health').expect(200)).body.articles as number;
    const exported = await graph({ weight: 'pmi' });
    const nodeArticles = new Map(exported.nodes.map((node) => [node.key, node.attributes.articles]));
    for (const { source, target, attributes } of exported.edges) {
      const expected = Math.log2(
        (attributes.articles * articles) /
          ((nodeArticles.get(source) as number) * (nodeArticles.get(target) as number)),
      );
      expect(attributes.pmi).toBeCloseTo(expected, 3);
      expect(attributes.weight).toBe(attributes.pmi);
    }
    // Xi Jinping and Giorgia Meloni share their only article: the most specific link, first under a cut.
    const top = await graph({ weight: 'pmi', limit: 1 });
    expect([...edgesOf(top).keys()]).toEqual([pair('xi-jinping', 'giorgia-meloni')]);
    const counted = await graph({ limit: 1 });
    expect([...edgesOf(counted).keys()]).not.toEqual([...edgesOf(top).keys()]);
  });

  it('format=gexf returns GEXF that graphology reads back as the same graph', async () => {
    const json = await graph({ center: 'olaf-scholz' });
    const res = await request(ng.app)
      .get('/graph')
      .query({ center: 'olaf-scholz', format: 'gexf' })
      .buffer(true)
      .parse(readTextBody)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/gexf+xml; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/newsgraph\.gexf/);
    const read = parse(Graph, res.body as string);
    expect(read.nodes().sort()).toEqual(json.nodes.map((node) => node.key).sort());
    expect(read.size).toBe(json.edges.length);
    for (const edge of json.edges) {
      const key = read.edge(edge.source, edge.target);
      expect(key, pair(edge.source, edge.target)).toBeDefined();
      expect(read.getEdgeAttribute(key, 'weight')).toBe(edge.attributes.weight);
    }
  });
});

describe('significance parameters', () => {
  it('minArticles keeps only pairs with that many shared articles, under every weight', async () => {
    for (const weight of ['count', 'pmi', 'llr']) {
      const edges = edgesOf(await graph({ weight, minArticles: 2 }));
      expect([...edges.keys()].sort(), weight).toEqual([SCHOLZ_MACRON, SCHOLZ_PUTIN].sort());
    }
    const res = await request(ng.app)
      .get('/entities/olaf-scholz/neighbors')
      .query({ minArticles: 3, evidence: 0 })
      .expect(200);
    expect(res.body.neighbors.map((n: { id: string }) => n.id)).toEqual(['vladimir-putin']);
  });

  it('weight=llr gives each edge its G², and neighbours ranked by it', async () => {
    const edges = edgesOf(await graph({ weight: 'llr' }));
    const scholzPutin = edges.get(SCHOLZ_PUTIN) as Exported['edges'][number]['attributes'] & { llr: number };
    expect(scholzPutin.weight).toBe(scholzPutin.llr);
    expect(scholzPutin.llr).toBeGreaterThan(0);
    const res = await request(ng.app)
      .get('/entities/olaf-scholz/neighbors')
      .query({ weight: 'llr', evidence: 0 })
      .expect(200);
    const weights = res.body.neighbors.map((n: { weight: number }) => n.weight);
    expect(weights).toEqual([...weights].sort((a: number, b: number) => b - a));
    expect(weights.every((w: number) => w > 0)).toBe(true);
  });

  it('a depth-2 view uses the depth-2 defaults and lists the hubs it did not walk through', async () => {
    const res = await request(ng.app)
      .get('/graph')
      .query({ center: 'emmanuel-macron', depth: 2 })
      .expect(200);
    expect(res.body.attributes).toMatchObject({ measure: 'llr', minArticles: 2, expandHubs: false });
    // Olaf Scholz is in 4 of 5 articles: a hub, not walked through.
    expect(res.body.attributes.notExpanded).toEqual([
      expect.objectContaining({ id: 'olaf-scholz', name: 'Olaf Scholz' }),
    ]);
    const old = await graph({ center: 'emmanuel-macron', depth: 2, weight: 'count', expandHubs: 'true' });
    expect(old.nodes.map((node) => node.key)).toContain('vladimir-putin');
  });

  it.each([
    [{ weight: 'g2' }, 'weight'],
    [{ minArticles: '0' }, 'minArticles'],
    [{ minArticles: 'two' }, 'minArticles'],
    [{ backbone: 'spanning-tree' }, 'backbone'],
    [{ alpha: '1.5' }, 'alpha'],
    [{ alpha: '0' }, 'alpha'],
    [{ expandHubs: 'yes' }, 'expandHubs'],
    [{ hubShare: '-0.1' }, 'hubShare'],
    [{ maxNodes: '0' }, 'maxNodes'],
  ])('GET /graph answers 400 naming the parameter for %j', async (query, parameter) => {
    const res = await request(ng.app).get('/graph').query(query).expect(400);
    expect(res.body.error.code).toBe('invalid_parameter');
    expect(res.body.error.message).toMatch(new RegExp(`^${parameter}:`));
  });

  it.each([
    [{ weight: 'pmi2' }, 'weight'],
    [{ minArticles: '-1' }, 'minArticles'],
  ])('GET /entities/:id/neighbors answers 400 naming the parameter for %j', async (query, parameter) => {
    const res = await request(ng.app).get('/entities/olaf-scholz/neighbors').query(query).expect(400);
    expect(res.body.error.message).toMatch(new RegExp(`^${parameter}:`));
  });
});
