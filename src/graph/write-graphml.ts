// Writes an export as GraphML with typed attributes (int, double, boolean, string), which networkx,
// igraph, Cytoscape and yEd read. Each attribute gets one <key> per domain (graph, node, edge), typed from
// the values it holds (int when every value is a 32-bit integer, double when any is fractional), except
// the measures that can be fractional in another export, which are always double so that a column keeps
// its type from one export to the next. graphology-graphml only parses, hence this small writer.
import type { SerializedGraph } from 'graphology-types';

type Domain = 'graph' | 'node' | 'edge';
type Values = Record<string, unknown>;
type GraphmlType = 'boolean' | 'int' | 'long' | 'double' | 'string';

export const DEFAULTS = {
  doubles: [
    'x',
    'y',
    'size',
    'weight',
    'pmi',
    'llr',
    'disparity',
    'pagerank',
    'betweenness',
  ] as readonly string[],
};

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeXml = (text: string): string => text.replace(/[&<>"]/g, (char) => XML_ESCAPES[char] as string);

const present = (value: unknown): boolean => value !== null && value !== undefined;
/** A list or record (the hubs left out of a depth-2 view) as JSON; anything else as its string. */
const text = (value: unknown): string => (typeof value === 'object' ? JSON.stringify(value) : String(value));

function typeOf(values: unknown[]): GraphmlType {
  const given = values.filter(present);
  if (given.length > 0 && given.every((value) => typeof value === 'boolean')) return 'boolean';
  if (given.length > 0 && given.every((value) => typeof value === 'number')) {
    const numbers = given as number[];
    if (!numbers.every(Number.isInteger)) return 'double';
    return numbers.every((n) => Math.abs(n) <= 0x7fffffff) ? 'int' : 'long';
  }
  return 'string';
}

interface Key {
  id: string;
  domain: Domain;
  name: string;
  type: GraphmlType;
}

function keysOf(domain: Domain, records: Values[], prefix: string, doubles: readonly string[]): Key[] {
  const names = [...new Set(records.flatMap((record) => Object.keys(record)))].filter((name) =>
    records.some((record) => present(record[name])),
  );
  return names.map((name, i) => {
    const inferred = typeOf(records.map((record) => record[name]));
    const type = doubles.includes(name) && (inferred === 'int' || inferred === 'long') ? 'double' : inferred;
    return { id: `${prefix}${i}`, domain, name, type };
  });
}

function dataOf(keys: Key[], values: Values, indent: string): string {
  return keys
    .filter((key) => present(values[key.name]))
    .map((key) => `${indent}<data key="${key.id}">${escapeXml(text(values[key.name]))}</data>\n`)
    .join('');
}

/** The export as a GraphML document. */
export function writeGraphml(exported: SerializedGraph, options: Partial<typeof DEFAULTS> = {}): string {
  const { doubles } = { ...DEFAULTS, ...options };
  const graphAttributes = exported.attributes ?? {};
  const nodes = exported.nodes.map((node) => node.attributes ?? {});
  const edges = exported.edges.map((edge) => edge.attributes ?? {});
  const graphKeys = keysOf('graph', [graphAttributes], 'g', doubles);
  const nodeKeys = keysOf('node', nodes, 'n', doubles);
  const edgeKeys = keysOf('edge', edges, 'e', doubles);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ',
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ',
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n',
    ...[...graphKeys, ...nodeKeys, ...edgeKeys].map(
      (key) =>
        `  <key id="${key.id}" for="${key.domain}" attr.name="${escapeXml(key.name)}" attr.type="${key.type}"/>\n`,
    ),
    `  <graph id="newsgraph" edgedefault="${exported.options?.type === 'directed' ? 'directed' : 'undirected'}">\n`,
    dataOf(graphKeys, graphAttributes, '    '),
    ...exported.nodes.map(
      (node) =>
        `    <node id="${escapeXml(node.key)}">\n${dataOf(nodeKeys, node.attributes ?? {}, '      ')}    </node>\n`,
    ),
    ...exported.edges.map(
      (edge) =>
        `    <edge id="${escapeXml(edge.key ?? `${edge.source}--${edge.target}`)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">\n` +
        `${dataOf(edgeKeys, edge.attributes ?? {}, '      ')}    </edge>\n`,
    ),
    '  </graph>\n',
    '</graphml>\n',
  ];
  return lines.join('');
}
