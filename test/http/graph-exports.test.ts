// GET /graph in every format, read back with the tools users open them with: graphology's GEXF and
// GraphML parsers in Node, and Debian's networkx (2.8) for GEXF and GraphML. Nodes, edges, weights and
// attributes must survive each round trip, and the CSV tables hold the same rows as the JSON.
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCsv } from '../../src/graph/write-csv.js';
import { contractViolations } from '../helpers/contract.js';
import { networkxMissing, readWithNetworkx } from '../helpers/networkx.js';
import { openTestNewsgraph, SAMPLE, type TestNewsgraph } from '../helpers/test-newsgraph.js';
import { readTextBody } from '../helpers/read-text-body.js';

const noNetworkx = networkxMissing();
if (noNetworkx) console.warn(`networkx round trips skipped: ${noNetworkx}`);

let ng: TestNewsgraph;
const QUERY = { center: 'vladimir-putin', layout: 'true' };

interface Exported {
  attributes: Record<string, unknown>;
  nodes: Array<{ key: string; attributes: Record<string, number | string> }>;
  edges: Array<{ key: string; source: string; target: string; attributes: Record<string, number> }>;
}
let json: Exported;

async function text(query: Record<string, string>): Promise<{ body: string; type: string }> {
  const res = await request(ng.app).get('/graph').query(query).buffer(true).parse(readTextBody).expect(200);
  return { body: res.body as string, type: String(res.headers['content-type']) };
}

/** A small RFC 4180 reader, enough to check what the writer quoted. */
function readCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const char = csv[i] as string;
    if (quoted && char === '"' && csv[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (quoted || (char !== ',' && char !== '\n' && char !== '\r')) {
      field += char;
    } else if (char === ',' || char === '\n') {
      row.push(field);
      field = '';
      if (char === '\n') {
        rows.push(row);
        row = [];
      }
    }
  }
  return rows;
}

const hexToRgb = (hex: string) => ({
  r: parseInt(hex.slice(1, 3), 16),
  g: parseInt(hex.slice(3, 5), 16),
  b: parseInt(hex.slice(5, 7), 16),
});

beforeAll(async () => {
  ng = await openTestNewsgraph('exports');
  await ng.index([SAMPLE]);
  json = (await request(ng.app).get('/graph').query(QUERY).expect(200)).body as Exported;
  expect(json.edges.length).toBeGreaterThan(3);
});

describe('GEXF', () => {
  it('declares GEXF 1.2 (draft namespace), colours as r,g,b, positions with z, settings in <description>', async () => {
    const { body, type } = await text({ ...QUERY, format: 'gexf' });
    expect(type).toMatch(/application\/gexf\+xml/);
    expect(body).toMatch(/<gexf version="1\.2" xmlns="http:\/\/www\.gexf\.net\/1\.2draft"/);
    expect(body).toContain('xmlns:viz="http://www.gexf.net/1.2draft/viz"');
    expect(body).not.toMatch(/hex=/);
    const meta = /<meta>([\s\S]*)<\/meta>/.exec(body)?.[1] ?? '';
    // GEXF's <meta> allows only creator, keywords and description.
    expect([...meta.matchAll(/<(\w+)>/g)].map((match) => match[1])).toEqual(['creator', 'description']);
    expect(meta).toMatch(/center=vladimir-putin; depth=1/);
    expect(body).toMatch(/<viz:position x="[-\d.e]+" y="[-\d.e]+" z="0"\/>/);
    expect(body).not.toMatch(/<edge[^>]*>[\s\S]*?<viz:size/);
  });

  it('graphology-gexf reads back the same nodes, edges, weights and attributes', async () => {
    const parsed = parseGexf(Graph, (await text({ ...QUERY, format: 'gexf' })).body);
    expect(parsed.order).toBe(json.nodes.length);
    expect(parsed.size).toBe(json.edges.length);
    for (const { key, attributes } of json.nodes) {
      const { r, g, b } = hexToRgb(attributes.color as string);
      expect(parsed.getNodeAttributes(key)).toMatchObject({
        label: attributes.label,
        type: attributes.type,
        mentions: attributes.mentions,
        articles: attributes.articles,
        community: attributes.community,
        size: attributes.size,
        x: attributes.x,
        y: attributes.y,
        color: `rgb(${r},${g},${b})`,
      });
    }
    for (const { source, target, attributes } of json.edges) {
      expect(parsed.getEdgeAttributes(parsed.edge(source, target) as string)).toMatchObject({
        weight: attributes.weight,
        count: attributes.count,
        articles: attributes.articles,
        sentences: attributes.sentences,
      });
    }
  });

  it.skipIf(noNetworkx)('networkx reads it with weights, attributes, colours and positions', async () => {
    const view = readWithNetworkx('gexf', (await text({ ...QUERY, format: 'gexf' })).body);
    expect(Object.keys(view.nodes).sort()).toEqual(json.nodes.map((node) => node.key).sort());
    for (const { key, attributes } of json.nodes) {
      expect(view.nodes[key]).toMatchObject({
        label: attributes.label,
        type: attributes.type,
        mentions: attributes.mentions,
        viz: {
          color: { ...hexToRgb(attributes.color as string), a: 1 },
          size: attributes.size,
          position: { x: attributes.x, y: attributes.y, z: 0 },
        },
      });
    }
    expect(view.edges).toHaveLength(json.edges.length);
    const byPair = new Map(view.edges.map(([u, v, data]) => [[u, v].sort().join('|'), data]));
    for (const { source, target, attributes } of json.edges) {
      expect(byPair.get([source, target].sort().join('|'))).toMatchObject({
        weight: attributes.weight,
        count: attributes.count,
        sentences: attributes.sentences,
      });
    }
  });
});

describe('GraphML', () => {
  it('graphology-graphml reads back typed node and edge attributes', async () => {
    const { body, type } = await text({ ...QUERY, format: 'graphml' });
    expect(type).toMatch(/application\/graphml\+xml/);
    expect(body).toContain('attr.name="mentions" attr.type="int"');
    expect(body).toContain('attr.name="weight" attr.type="double"');
    const parsed = parseGraphml(Graph, body);
    expect(parsed.order).toBe(json.nodes.length);
    expect(parsed.size).toBe(json.edges.length);
    for (const { key, attributes } of json.nodes) expect(parsed.getNodeAttributes(key)).toEqual(attributes);
    for (const { source, target, attributes } of json.edges) {
      expect(parsed.getEdgeAttributes(parsed.edge(source, target) as string)).toEqual(attributes);
    }
  });

  it.skipIf(noNetworkx)('networkx reads nodes, edges, typed attributes and the graph settings', async () => {
    const view = readWithNetworkx('graphml', (await text({ ...QUERY, format: 'graphml' })).body);
    expect(view.graph).toMatchObject({
      window: 'article',
      measure: 'count',
      center: 'vladimir-putin',
      depth: 1,
    });
    for (const { key, attributes } of json.nodes) expect(view.nodes[key]).toEqual(attributes);
    const byPair = new Map(view.edges.map(([u, v, data]) => [[u, v].sort().join('|'), data]));
    for (const { source, target, attributes } of json.edges) {
      expect(byPair.get([source, target].sort().join('|'))).toEqual({
        ...attributes,
        id: `${source}--${target}`,
      });
    }
  });
});

describe('CSV', () => {
  it('the node table has a header and one row per node with the same attributes', async () => {
    const { body, type } = await text({ ...QUERY, format: 'csv', table: 'nodes' });
    expect(type).toMatch(/text\/csv/);
    const [header, ...rows] = readCsv(body);
    expect(header?.slice(0, 3)).toEqual(['id', 'label', 'x']);
    expect(rows).toHaveLength(json.nodes.length);
    const node = json.nodes[0] as Exported['nodes'][number];
    const row = rows.find((cells) => cells[0] === node.key) as string[];
    for (const [name, value] of Object.entries(node.attributes)) {
      expect(row[(header as string[]).indexOf(name)]).toBe(String(value));
    }
  });

  it('the edge table has a header and one row per edge, source and target first', async () => {
    const [header, ...rows] = readCsv((await text({ ...QUERY, format: 'csv', table: 'edges' })).body);
    expect(header?.slice(0, 3)).toEqual(['source', 'target', 'weight']);
    expect(rows).toHaveLength(json.edges.length);
    expect(rows.map((cells) => `${cells[0]}--${cells[1]}`).sort()).toEqual(
      json.edges.map((e) => e.key).sort(),
    );
  });

  it('quotes fields holding commas, quotes and line breaks', () => {
    const csv = writeCsv(
      {
        attributes: {},
        options: { type: 'undirected', multi: false, allowSelfLoops: false },
        nodes: [{ key: 'a', attributes: { label: 'AT&T "Inc", Dallas\nTexas', mentions: 2 } }],
        edges: [],
      },
      'nodes',
    );
    expect(readCsv(csv)).toEqual([
      ['id', 'label', 'mentions'],
      ['a', 'AT&T "Inc", Dallas\nTexas', '2'],
    ]);
  });

  it('format=csv without table answers 400 naming table', async () => {
    const res = await request(ng.app).get('/graph').query({ format: 'csv' }).expect(400);
    expect(res.body.error.message).toMatch(/^table:/);
  });
});

describe('centrality in every format', () => {
  const CENTRALITY = ['pagerank', 'betweenness'];

  it('JSON nodes carry PageRank (summing to 1) and betweenness', () => {
    for (const { attributes } of json.nodes) {
      for (const name of CENTRALITY) expect(typeof attributes[name], name).toBe('number');
    }
    const sum = json.nodes.reduce((total, node) => total + Number(node.attributes.pagerank), 0);
    expect(sum).toBeCloseTo(1, 3);
    // The centre of a depth-1 star lies on every path between its neighbours.
    const center = json.nodes.find((node) => node.key === 'vladimir-putin');
    const top = Math.max(...json.nodes.map((node) => Number(node.attributes.betweenness)));
    expect(center?.attributes.betweenness).toBe(top);
  });

  it('GEXF, GraphML and both CSV node columns hold the same values', async () => {
    const gexf = parseGexf(Graph, (await text({ ...QUERY, format: 'gexf' })).body);
    const graphmlText = (await text({ ...QUERY, format: 'graphml' })).body;
    for (const name of CENTRALITY) {
      expect(graphmlText).toContain(`attr.name="${name}" attr.type="double"`);
    }
    const graphml = parseGraphml(Graph, graphmlText);
    const [header, ...rows] = readCsv((await text({ ...QUERY, format: 'csv', table: 'nodes' })).body);
    for (const { key, attributes } of json.nodes) {
      const row = rows.find((cells) => cells[0] === key) as string[];
      for (const name of CENTRALITY) {
        expect(gexf.getNodeAttribute(key, name), `gexf ${name}`).toBe(attributes[name]);
        expect(graphml.getNodeAttribute(key, name), `graphml ${name}`).toBe(attributes[name]);
        expect(Number(row[(header as string[]).indexOf(name)]), `csv ${name}`).toBe(attributes[name]);
      }
    }
  });
});

describe('the OpenAPI contract', () => {
  it('every export above has a status and media type that GET /graph documents', async () => {
    const document = (await request(ng.app).get('/openapi.json').expect(200)).body;
    expect(ng.responses.filter((response) => response.contentType === 'text/csv').length).toBeGreaterThan(0);
    expect(contractViolations(document, ng.responses)).toEqual([]);
  });
});
