// Writes an export's nodes or edges as one CSV table (RFC 4180: a header row, one row per node or edge,
// fields quoted when they hold a comma, quote or line break), which pandas.read_csv and R's read.csv read
// in one call. Nodes start with `id`, edges with `source` and `target`; the attributes follow, the same as
// in the other formats.
import type { SerializedGraph } from 'graphology-types';

export type CsvTable = 'nodes' | 'edges';

function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function table(header: string[], rows: Array<Record<string, unknown>>): string {
  const lines = [header.map(field).join(',')];
  for (const row of rows) lines.push(header.map((name) => field(row[name])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The nodes or edges of an export as CSV. */
export function writeCsv(exported: SerializedGraph, which: CsvTable): string {
  if (which === 'nodes') {
    const rows = exported.nodes.map((node) => ({ ...node.attributes, id: node.key }));
    const names = new Set(exported.nodes.flatMap((node) => Object.keys(node.attributes ?? {})));
    return table(['id', ...[...names].filter((name) => name !== 'id')], rows);
  }
  const rows = exported.edges.map((edge) => ({
    ...edge.attributes,
    source: edge.source,
    target: edge.target,
  }));
  const names = new Set(exported.edges.flatMap((edge) => Object.keys(edge.attributes ?? {})));
  return table(
    ['source', 'target', ...[...names].filter((name) => name !== 'source' && name !== 'target')],
    rows,
  );
}
