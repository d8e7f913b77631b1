// "Most central" on the entity card: the view's entities by PageRank (exports carry it, annotate-export.ts),
// the selected entity's place among them, and the top five, each a click away.
import type Graph from 'graphology';
import { escapeHtml } from '../search/render-snippet.js';

export const DEFAULTS = { shown: 5 };

/** The card's section, or '' when the view holds no centrality. */
export function centralHtml(graph: Graph, selected: string): string {
  const ranked = graph
    .nodes()
    .filter((node) => typeof graph.getNodeAttribute(node, 'pagerank') === 'number')
    .sort((a, b) => graph.getNodeAttribute(b, 'pagerank') - graph.getNodeAttribute(a, 'pagerank'));
  if (ranked.length === 0) return '';
  const place = ranked.indexOf(selected);
  const items = ranked
    .slice(0, DEFAULTS.shown)
    .map(
      (node) =>
        `<li><button class="link" data-entity="${escapeHtml(node)}">` +
        `${escapeHtml(String(graph.getNodeAttribute(node, 'label')))}</button> ` +
        `<span class="muted">PageRank ${Number(graph.getNodeAttribute(node, 'pagerank')).toFixed(3)}, ` +
        `betweenness ${Number(graph.getNodeAttribute(node, 'betweenness') ?? 0).toFixed(3)}</span></li>`,
    )
    .join('');
  const rank =
    place >= 0 ? `<p class="muted">${place + 1}. most central of ${ranked.length} in this view</p>` : '';
  return `<section class="central"><h3>Most central in this view</h3>${rank}<ol>${items}</ol></section>`;
}
