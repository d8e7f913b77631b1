// End to end over the bundled sample article, through the same pipeline and app as `npm start`, against
// the test run's real Meilisearch.
import { degreeOf, edgeCount } from '../../src/graph/edge-lists.js';
import { entitiesOf } from '../../src/graph/entity-table.js';
import Graph from 'graphology';
import { parse } from 'graphology-gexf';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTestNewsgraph, SAMPLE, type TestNewsgraph } from '../helpers/test-newsgraph.js';
import { readTextBody } from '../helpers/read-text-body.js';

let ng: TestNewsgraph;

beforeAll(async () => {
  ng = await openTestNewsgraph('e2e');
  const summary = await ng.index([SAMPLE]);
  expect(summary).toMatchObject({ indexed: 1, rejected: 0 });
});

describe('the sample article, end to end', () => {
  it('GET /search?q=Kreml finds it with a marked snippet', async () => {
    const res = await request(ng.app).get('/search').query({ q: 'Kreml' }).expect(200);
    expect(res.body.total).toBe(1);
    expect(res.body.hits[0].id).toBe('seed-article-de');
    expect(res.body.hits[0].snippet).toMatch(/<mark>Kreml/);
    expect(res.body.hits[0].entities.map((e: { id: string }) => e.id)).toContain('vladimir-putin');
  });

  it('searching the English name finds the German article through its entities', async () => {
    const res = await request(ng.app).get('/search').query({ q: 'Kremlin' }).expect(200);
    expect(res.body.hits.map((hit: { id: string }) => hit.id)).toEqual(['seed-article-de']);
  });

  it("Putin's sentence-window neighbours include Xi Jinping, with the sentence as evidence", async () => {
    const res = await request(ng.app)
      .get('/entities/vladimir-putin/neighbors')
      .query({ window: 'sentence' })
      .expect(200);
    const xi = res.body.neighbors.find((n: { id: string }) => n.id === 'xi-jinping');
    expect(xi).toMatchObject({ name: 'Xi Jinping', type: 'person' });
    expect(xi.sentences).toBeGreaterThanOrEqual(3);
    expect(xi.weight).toBe(xi.sentences);
    expect(xi.evidence[0].articleId).toBe('seed-article-de');
    expect(xi.evidence[0].snippet).toMatch(
      /<mark>Xi<\/mark>.*<mark>Putin<\/mark>|<mark>Putin<\/mark>.*<mark>Xi<\/mark>/,
    );
  });

  it("Putin's article-window neighbours include the Kremlin, NATO and Ukraine", async () => {
    const res = await request(ng.app)
      .get('/entities/vladimir-putin/neighbors')
      .query({ limit: 100 })
      .expect(200);
    const ids = res.body.neighbors.map((n: { id: string }) => n.id);
    expect(ids).toEqual(expect.arrayContaining(['kremlin', 'nato', 'ukraine', 'china', 'russia']));
    expect(res.body.window).toBe('article');
  });

  it('page furniture relates nobody: Mike Lynch is found, but is no neighbour of Putin', async () => {
    const res = await request(ng.app)
      .get('/entities/vladimir-putin/neighbors')
      .query({ limit: 200 })
      .expect(200);
    expect(res.body.neighbors.map((n: { id: string }) => n.id)).not.toContain('prov-mike-lynch');
    const lynch = await request(ng.app).get('/entities/prov-mike-lynch').expect(200);
    expect(lynch.body).toMatchObject({ name: 'Mike Lynch', type: 'person', mentions: 2, neighbors: [] });
  });

  it('the default depth-2 view of the one-article sample is not the centre alone', async () => {
    // One article: no pair shares 2 or is significant, so the defaults give way to counts, and the view says so.
    const res = await request(ng.app).get('/graph').query({ center: 'vladimir-putin', depth: 2 }).expect(200);
    const graph = Graph.from(res.body);
    expect(graph.hasNode('xi-jinping')).toBe(true);
    expect(graph.getAttributes()).toMatchObject({ minArticles: 1, measure: 'count' });
    const strict = await request(ng.app)
      .get('/graph')
      .query({ center: 'vladimir-putin', depth: 2, minArticles: 2 })
      .expect(200);
    expect(Graph.from(strict.body).order).toBe(1);
  });

  it('/graph output loads with Graph.from', async () => {
    // One article: no pair is significant or shared twice, so ask for the depth-2 view by counts.
    const old = { weight: 'count', minArticles: 1, expandHubs: 'true' };
    const res = await request(ng.app)
      .get('/graph')
      .query({ center: 'vladimir-putin', depth: 2, ...old })
      .expect(200);
    const graph = Graph.from(res.body);
    expect(graph.hasNode('xi-jinping')).toBe(true);
    expect(graph.getNodeAttribute('vladimir-putin', 'label')).toBe('Vladimir Putin');
    const whole = Graph.from((await request(ng.app).get('/graph').expect(200)).body);
    const related = [...entitiesOf(ng.store)].filter(([node]) => degreeOf(ng.store, node) > 0);
    expect(whole.order).toBe(related.length);
    expect(whole.size).toBe(edgeCount(ng.store));
  });
});

describe('graph exports for Gephi and sigma.js', () => {
  it('GEXF parses back with graphology-gexf with the same nodes, edges and attributes', async () => {
    const json = (
      await request(ng.app).get('/graph').query({ center: 'vladimir-putin', layout: 'true' }).expect(200)
    ).body;
    const res = await request(ng.app)
      .get('/graph')
      .query({ center: 'vladimir-putin', layout: 'true', format: 'gexf' })
      .buffer(true)
      .parse(readTextBody)
      .expect(200);
    expect(res.headers['content-type']).toMatch(/application\/gexf\+xml/);
    const parsed = parse(Graph, res.body as string);
    const fromJson = Graph.from(json);
    expect(parsed.order).toBe(fromJson.order);
    expect(parsed.size).toBe(fromJson.size);
    const node = parsed.getNodeAttributes('xi-jinping');
    const expected = fromJson.getNodeAttributes('xi-jinping');
    expect(node).toMatchObject({
      label: 'Xi Jinping',
      type: 'person',
      size: expected.size,
      x: expected.x,
      y: expected.y,
      community: expected.community,
    });
    // GEXF 1.2 colours are r, g, b, which graphology reads back as rgb().
    const hex = expected.color as string;
    const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
    expect(node.color).toBe(`rgb(${r},${g},${b})`);
    const edge = parsed.getEdgeAttributes(parsed.edge('vladimir-putin', 'xi-jinping') as string);
    expect(edge.weight).toBe(fromJson.getEdgeAttribute('vladimir-putin--xi-jinping', 'weight'));
  });
});
