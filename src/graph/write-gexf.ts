// Writes an export as GEXF 1.2 (the 1.2draft namespace), the version Gephi, networkx 3.x and Debian's
// networkx 2.8 all read: colours as r, g, b (1.3's hex colours break networkx), positions with z (the
// schema requires it), edge sizes as viz:thickness, and newsgraph's own settings in <meta><description>,
// since 1.2's <meta> allows only creator, keywords and description.
import { UndirectedGraph } from 'graphology';
import { write } from 'graphology-gexf';
import type { SerializedGraph } from 'graphology-types';
import type { AnnotatedNode } from './annotate-export.js';
import type { ExportedEdge } from './export-graph.js';

// graphology-gexf 0.13.2 declares the viz namespace of 1.2 as "http:///www.gexf.net/1.1draft/viz" (three
// slashes, and 1.1): readers then ignore every colour, size and position. The 1.2draft one is this.
const WRITTEN_VIZ = 'xmlns:viz="http:///www.gexf.net/1.1draft/viz"';
const VIZ_1_2 = 'xmlns:viz="http://www.gexf.net/1.2draft/viz"';

/** "window=article; measure=count; …": the export's graph attributes as one line of text. */
export function describeExport(attributes: Record<string, unknown>): string {
  const settings = Object.entries(attributes)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([key, value]) =>
      (key === 'from' || key === 'to') && typeof value === 'number'
        ? `${key}=${new Date(value).toISOString()}`
        : `${key}=${typeof value === 'object' ? JSON.stringify(value) : String(value)}`,
    );
  return `newsgraph entity co-occurrence graph; ${settings.join('; ')}`;
}

/** The export as a GEXF 1.2 document. */
export function writeGexf(exported: SerializedGraph<AnnotatedNode, ExportedEdge>): string {
  const graph = UndirectedGraph.from(exported);
  graph.replaceAttributes({
    creator: 'newsgraph',
    description: describeExport(exported.attributes ?? {}),
  });
  const xml = write(graph, {
    version: '1.2',
    pedantic: true,
    formatNode: (_key, { label, color, size, x, y, ...attributes }) => ({
      label,
      viz: { color, size, x, y, z: 0 },
      attributes,
    }),
    formatEdge: (_key, { weight, size, ...attributes }) => ({
      weight,
      viz: { thickness: size },
      attributes,
    }),
  });
  if (!xml.includes(WRITTEN_VIZ)) throw new Error('writeGexf: graphology-gexf changed its viz namespace');
  return xml.replace(WRITTEN_VIZ, VIZ_1_2);
}
