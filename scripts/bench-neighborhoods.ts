// npm run bench:neighborhoods -- --data-dir DIR: depth-2 views of well-known entities on an indexed corpus,
// before (the explorer's old request: counts, every hub walked through, 2000 entities, 5000 links) and after
// (the new defaults) and under other settings. For each view: entities, links, the time to select and
// export it and the time to annotate it (communities and centrality; medians of three), the share of its entities reached only through the 20 most
// mentioned entities, and its five most central entities (PageRank); then each entity's depth-1 top 10
// under each weight measure. Reads the graph from the snapshot in DIR, or rebuilds it from the index there.
import { edgeCount } from '../src/graph/edge-lists.js';
import { entitiesOf, entityAttributes, entityCount, hasEntity } from '../src/graph/entity-table.js';
import { performance } from 'node:perf_hooks';
import { UndirectedGraph } from 'graphology';
import { loadConfig } from '../src/config.js';
import { annotateExport } from '../src/graph/annotate-export.js';
import { exportGraph, type ExportOptions } from '../src/graph/export-graph.js';
import { findNeighbors } from '../src/graph/find-neighbors.js';
import { loadGraph, saveGraph } from '../src/graph/persist-graph.js';
import type { CooccurrenceGraph } from '../src/graph/types.js';
import { snapshotFile } from '../src/load-graph-state.js';
import { createLogger } from '../src/logger.js';
import { openSearch } from '../src/open-search.js';
import { rebuildGraph } from '../src/sync-graph.js';
import { parseCli } from './parse-cli.js';
import { articleCount } from '../src/graph/article-table.js';

const { values } = parseCli({
  usage: 'npm run bench:neighborhoods -- [--data-dir DIR] [--centers ID,ID,...]',
  description:
    'Depth-2 views of well-known entities on an indexed corpus under the old and new settings: size, build\n' +
    'time, share reached only through the 20 most mentioned entities, most central entities, and the\n' +
    'depth-1 top 10 under each weight measure.',
  options: {
    'data-dir': { type: 'string', value: 'DIR', default: '.newsgraph', description: 'the indexed corpus' },
    centers: {
      type: 'string',
      value: 'IDS',
      default:
        'angela-merkel,werner-faymann,germany,vienna,european-union,' +
        'tony-blair,gordon-brown,vladimir-putin,bbc,united-states',
      description: 'entities to look at',
    },
    hubs: { type: 'string', value: 'N', default: '20', description: 'most mentioned entities counted' },
  },
});

const VARIANTS: Record<string, Partial<ExportOptions>> = {
  'before (explorer, old defaults)': {
    measure: 'count',
    minArticles: 1,
    expandHubs: true,
    maxNodes: 2000,
    limit: 5000,
  },
  'after (explorer, new defaults)': { limit: 5000 },
  'GET /graph?center&depth=2': {},
  'count, hubs not expanded': { measure: 'count', limit: 5000 },
  'backbone=disparity, count, all hubs': {
    measure: 'count',
    backbone: 'disparity',
    expandHubs: true,
    minArticles: 1,
    maxNodes: 2000,
    limit: 5000,
  },
  'backbone=disparity + new defaults': { backbone: 'disparity', limit: 5000 },
  'pmi, minArticles=2': { measure: 'pmi', limit: 5000 },
};

async function openGraph(dataDir: string): Promise<CooccurrenceGraph> {
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, EXTRACT_THREADS: '0', SAMPLE_DATA: '' });
  const file = snapshotFile(config.dataDir, config.meili.indexPrefix);
  const saved = await loadGraph(file, 'bench-neighborhoods').catch(() => undefined);
  if (saved) return saved;
  const opened = await openSearch(config, createLogger('warn'));
  try {
    const store = await rebuildGraph(opened.search);
    await saveGraph(store, file, 'bench-neighborhoods');
    return store;
  } finally {
    await opened.close();
  }
}

/** Share of the view's entities, hubs and centre aside, cut off from the centre once the hubs are removed. */
function onlyThroughHubs(view: UndirectedGraph, center: string, hubs: Set<string>): number {
  const reached = new Set([center]);
  const queue = [center];
  while (queue.length > 0) {
    const node = queue.pop() as string;
    view.forEachNeighbor(node, (other) => {
      if (!reached.has(other) && !hubs.has(other)) {
        reached.add(other);
        queue.push(other);
      }
    });
  }
  let cutOff = 0;
  view.forEachNode((node) => {
    if (node !== center && !hubs.has(node) && !reached.has(node)) cutOff += 1;
  });
  return view.order > 0 ? cutOff / view.order : 0;
}

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const store = await openGraph(values['data-dir']);
const attributes = (id: string) =>
  entityAttributes(store, id) as NonNullable<ReturnType<typeof entityAttributes>>;
const topMentioned = [...entitiesOf(store)]
  .sort(([, a], [, b]) => b.articles - a.articles)
  .slice(0, Number(values.hubs))
  .map(([id]) => id);
const hubs = new Set(topMentioned);
const out = (line = ''): boolean => process.stdout.write(`${line}\n`);
out(`corpus: ${articleCount(store)} articles, ${entityCount(store)} entities, ${edgeCount(store)} links`);
out(
  `the ${hubs.size} most mentioned: ` +
    topMentioned
      .map((id) => {
        const share = (100 * attributes(id).articles) / articleCount(store);
        return `${attributes(id).name} ${share.toFixed(1)}%`;
      })
      .join(', '),
);

const centers = values.centers.split(',').filter((id) => {
  if (hasEntity(store, id)) return true;
  out(`(no entity "${id}" in this graph: skipped)`);
  return false;
});
const name = (id: string): string => attributes(id).name;

for (const [label, options] of Object.entries(VARIANTS)) {
  out(`\n## ${label}: ${JSON.stringify(options)}`);
  out(
    '| centre | entities | links | select ms | + centrality ms | only via top 20 | not expanded (further links) | most central (PageRank) |',
  );
  out('| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |');
  const sums = { nodes: 0, links: 0, share: 0 };
  for (const center of centers) {
    const times: number[] = [];
    const annotating: number[] = [];
    let annotated;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      const exported = exportGraph(store, { center, depth: 2, ...options });
      const selected = performance.now();
      annotated = annotateExport(exported as NonNullable<typeof exported>);
      times.push(selected - started);
      annotating.push(performance.now() - selected);
    }
    if (!annotated) continue;
    const view = UndirectedGraph.from(annotated);
    const share = onlyThroughHubs(view, center, hubs);
    const central = annotated.nodes
      .filter((node) => node.key !== center)
      .sort((a, b) => (b.attributes?.pagerank ?? 0) - (a.attributes?.pagerank ?? 0))
      .slice(0, 5)
      .map((node) => node.attributes?.label)
      .join(', ');
    const skipped = (annotated.attributes?.notExpanded ?? []) as Array<{ name: string; links: number }>;
    out(
      `| ${name(center)} | ${view.order} | ${view.size} | ${median(times).toFixed(0)} | ` +
        `${median(annotating).toFixed(0)} | ` +
        `${(100 * share).toFixed(0)}% | ${skipped.map((hub) => `${hub.name} (${hub.links})`).join(', ')} | ${central} |`,
    );
    sums.nodes += view.order;
    sums.links += view.size;
    sums.share += share;
  }
  const n = Math.max(1, centers.length);
  out(
    `| mean | ${(sums.nodes / n).toFixed(0)} | ${(sums.links / n).toFixed(0)} | | | ` +
      `${((100 * sums.share) / n).toFixed(0)}% | | |`,
  );
}

out('\n## depth-1 top 10 by measure');
for (const center of centers) {
  out(`\n### ${name(center)}`);
  const measures = [
    ['count', { weight: 'count' }],
    ['pmi', { weight: 'pmi' }],
    ['pmi, minArticles=2', { weight: 'pmi', minArticles: 2 }],
    ['llr', { weight: 'llr' }],
  ] as const;
  for (const [label, options] of measures) {
    const top = findNeighbors(store, center, { ...options, limit: 10, evidence: 0 }) ?? [];
    out(`- ${label}: ${top.map((neighbor) => `${neighbor.name} (${neighbor.weight})`).join(', ')}`);
  }
}
