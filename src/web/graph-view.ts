// The drawing: sigma.js over a graphology graph loaded from /graph, laid out by ForceAtlas2 in a web worker
// (the page stays responsive), sized by mentions, PageRank or betweenness, coloured by type or Louvain
// community. sigma's label grid keeps labels from piling up; in a dense view its cells are larger and only
// the bigger nodes are labelled, so that the crowded middle does not turn into a block of text. Hidden
// types and the selection are applied by reducers.
import Graph from 'graphology';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import { inferSettings } from 'graphology-layout-forceatlas2';
import type { SerializedGraph } from 'graphology-types';
import Sigma from 'sigma';
import type { NodeSize } from './view-state.js';

const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
];

/** The layout runs for 2 s plus 8 ms per entity, at most 10 s. */
export const DEFAULTS = { layoutMs: 2_000, layoutMsPerNode: 8, maxLayoutMs: 10_000 };

export interface GraphView {
  graph: Graph;
  renderer: Sigma | undefined;
  /** True while ForceAtlas2 moves the nodes; tests wait for false before clicking one. */
  layoutRunning: boolean;
  show(data: SerializedGraph): void;
  restyle(options: Style): void;
}

interface Style {
  types: string[];
  colour: 'type' | 'community';
  size: NodeSize;
  selected: string | null;
}

/** Label settings by the number of entities drawn. */
function labelSettings(order: number) {
  if (order > 300) return { labelDensity: 0.05, labelGridCellSize: 140, labelRenderedSizeThreshold: 9 };
  if (order > 80) return { labelDensity: 0.07, labelGridCellSize: 110, labelRenderedSizeThreshold: 8 };
  return { labelDensity: 0.08, labelGridCellSize: 70, labelRenderedSizeThreshold: 7 };
}

export function createGraphView(container: HTMLElement, onClickNode: (node: string) => void): GraphView {
  let style: Style = { types: [], colour: 'type', size: 'mentions', selected: null };
  /** The largest PageRank and betweenness in the view, which a centrality size is scaled to. */
  let largest = { pagerank: 1, betweenness: 1 };
  let layout: FA2Layout | undefined;
  // The card opening beside the graph narrows it after sigma measured it: measure again, or the drawing
  // runs under the card.
  new ResizeObserver(() => view.renderer?.refresh()).observe(container);
  const view: GraphView = {
    graph: new Graph({ type: 'undirected' }),
    renderer: undefined,
    layoutRunning: false,
    show(data) {
      layout?.kill();
      view.layoutRunning = false;
      view.renderer?.kill();
      const graph = Graph.from(data);
      view.graph = graph;
      // Sizes come in pixels for a few dozen entities; a big neighbourhood needs them smaller.
      const scale = graph.order > 500 ? 0.3 : graph.order > 100 ? 0.5 : 1;
      largest = { pagerank: 0, betweenness: 0 };
      graph.forEachNode((_node, attributes) => {
        largest.pagerank = Math.max(largest.pagerank, Number(attributes.pagerank ?? 0));
        largest.betweenness = Math.max(largest.betweenness, Number(attributes.betweenness ?? 0));
      });
      const sized = (attributes: Record<string, unknown>): number => {
        if (style.size === 'mentions') return Number(attributes.size);
        const top = largest[style.size];
        return 3 + 27 * Math.sqrt(top > 0 ? Number(attributes[style.size] ?? 0) / top : 0);
      };
      const renderer = new Sigma(graph, container, {
        ...labelSettings(graph.order),
        zIndex: true,
        nodeReducer: (node, attributes) => {
          const hidden = !style.types.includes(String(attributes.type));
          const community = Number(attributes.community ?? 0);
          return {
            ...attributes,
            type: 'circle',
            size: Math.max(2, sized(attributes) * scale),
            hidden,
            color: style.colour === 'community' ? PALETTE[community % PALETTE.length] : attributes.color,
            highlighted: node === style.selected,
            zIndex: node === style.selected ? 1 : 0,
          };
        },
        edgeReducer: (edge, attributes) => {
          const [source, target] = graph.extremities(edge);
          const hidden = [source, target].some(
            (node) => !style.types.includes(String(graph.getNodeAttribute(node, 'type'))),
          );
          return {
            ...attributes,
            hidden,
            color: '#ccc',
            size: Math.max(0.5, Number(attributes.size) * scale),
          };
        },
      });
      renderer.on('clickNode', ({ node }) => onClickNode(node));
      view.renderer = renderer;
      if (graph.order > 1) {
        layout = new FA2Layout(graph, {
          settings: { ...inferSettings(graph), barnesHutOptimize: graph.order > 300 },
          getEdgeWeight: 'count',
        });
        layout.start();
        const running = layout;
        const duration = Math.min(
          DEFAULTS.maxLayoutMs,
          DEFAULTS.layoutMs + DEFAULTS.layoutMsPerNode * graph.order,
        );
        view.layoutRunning = true;
        setTimeout(() => {
          running.stop();
          if (layout === running) view.layoutRunning = false;
        }, duration);
      }
    },
    restyle(options) {
      style = options;
      view.renderer?.refresh();
    },
  };
  return view;
}
