// The explorer page: search an entity, draw its neighbourhood, click a node for its card and the evidence
// that links it to the centre, open an article with its mentions highlighted; a timeline strip under the
// graph sets the dates by dragging, and the start screen lists what is trending. State lives in the URL.
// With an admin key (admin-controls.ts) the card also offers corrections, after which all is drawn again.
import { downloadAsPNG } from '@sigma/export-image';
import { TYPE_COLORS } from '../graph/type-colors.js';
import { createAdminControls, type View } from './admin-controls.js';
import { api, type Neighbor } from './api.js';
import { centralHtml } from './central-list.js';
import { createGraphView } from './graph-view.js';
import { notExpandedText } from './not-expanded-text.js';
import { articleHtml, entityHtml, evidenceHtml } from './panel.js';
import { createTimelineStrip } from './timeline-strip.js';
import { trendingHtml } from './trending-list.js';
import { graphParams, readState, writeState, WEIGHTS, type ViewState } from './view-state.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const search = $<HTMLInputElement>('search');
const suggestions = $<HTMLUListElement>('suggestions');
const panel = $<HTMLElement>('panel');
const status = $<HTMLElement>('status');
const controls = {
  depth: $<HTMLSelectElement>('depth'),
  window: $<HTMLSelectElement>('window'),
  minWeight: $<HTMLInputElement>('minWeight'),
  minArticles: $<HTMLInputElement>('minArticles'),
  from: $<HTMLInputElement>('from'),
  to: $<HTMLInputElement>('to'),
  colour: $<HTMLSelectElement>('colour'),
  weight: $<HTMLSelectElement>('weight'),
  backbone: $<HTMLInputElement>('backbone'),
  expandHubs: $<HTMLInputElement>('expandHubs'),
  size: $<HTMLSelectElement>('size'),
};
const SIZE_NAMES = { mentions: 'mentions', pagerank: 'PageRank', betweenness: 'betweenness' };

let state: ViewState = readState(location.search);
let centerNeighbors: Neighbor[] = [];
/** The neighbour whose evidence with the selected entity is shown, when chosen in the card. */
let pairFocus: string | null = null;
const view = createGraphView($('graph'), (node) => void select(node));
const trending = $<HTMLElement>('trending');
const admin = createAdminControls({
  bar: $('admin'),
  panel,
  view: () => ({ center: state.center, selected: state.selected }),
  refresh,
});
const strip = createTimelineStrip($('timeline'), ({ from, to }) => {
  state = { ...state, from, to };
  syncControls();
  void load();
});
/** Which timeline the strip shows, so that a reload of the same one is skipped. */
let stripKey = '';

const TYPE_NAMES: Record<string, string> = {
  person: 'people',
  organization: 'organisations',
  location: 'places',
  other: 'other',
};

function renderLegend(): void {
  $('legend').innerHTML =
    state.colour === 'community'
      ? `Colour: Louvain community · size: ${SIZE_NAMES[state.size]}`
      : Object.entries(TYPE_NAMES)
          .map(
            ([type, name]) => `<span class="swatch" style="background:${TYPE_COLORS[type]}"></span>${name}`,
          )
          .join('') + ` · size: ${SIZE_NAMES[state.size]}`;
}

function save(): void {
  renderLegend();
  history.replaceState(null, '', writeState(state));
  $<HTMLAnchorElement>('export-gexf').href =
    `/graph?${graphParams(state, { format: 'gexf', layout: 'true', ...sizeParams() })}`;
  view.restyle({ types: state.types, colour: state.colour, size: state.size, selected: state.selected });
}

/**
 * How much is asked for: at depth 1 up to 2000 entities, at depth 2 the API's own default (a budget chosen
 * by measuring views of well-known entities, docs/neighborhoods.md), or 2000 when hubs are expanded.
 */
function sizeParams(): Record<string, string> {
  return state.depth === '1' || state.expandHubs ? { maxNodes: '2000', limit: '5000' } : { limit: '5000' };
}

function syncControls(): void {
  controls.depth.value = state.depth;
  controls.window.value = state.window;
  controls.minWeight.value = String(state.minWeight);
  controls.from.value = state.from;
  controls.to.value = state.to;
  controls.colour.value = state.colour;
  controls.minArticles.value = state.minArticles > 0 ? String(state.minArticles) : '';
  controls.weight.value = state.weight;
  controls.backbone.checked = state.backbone;
  controls.expandHubs.checked = state.expandHubs;
  controls.size.value = state.size;
  document.querySelectorAll<HTMLInputElement>('#types input').forEach((box) => {
    box.checked = state.types.includes(box.value);
  });
}

/** The start screen: what is trending, each entity and link a click away. */
async function showTrending(): Promise<void> {
  try {
    const [entities, pairs] = await Promise.all([api.trending(15), api.trendingPairs(10)]);
    trending.innerHTML = trendingHtml(entities, entities.entities, pairs.pairs);
    trending.hidden = !!state.center;
  } catch (error) {
    trending.textContent = (error as Error).message;
  }
}

/**
 * The strip: the centre's timeline, or the pair's when another entity is selected (the link between them),
 * by month, or by week or day when the history is short. It always covers the whole history, so that the
 * dates can be dragged anew; the range in force is shaded.
 */
async function showTimeline(): Promise<void> {
  const center = state.center;
  if (!center) {
    strip.hide();
    stripKey = '';
    return;
  }
  const other = state.selected && state.selected !== center ? state.selected : undefined;
  const key = `${center}|${other ?? ''}|${state.from}|${state.to}`;
  if (key === stripKey) return;
  stripKey = key;
  try {
    let timeline;
    for (const interval of ['month', 'week', 'day'] as const) {
      const params = new URLSearchParams({ interval, ...(other ? { with: other } : {}) });
      timeline = await api.timeline(center, params);
      if (timeline.buckets.length >= 8) break;
    }
    if (!timeline || stripKey !== key) return;
    const label = timeline.with ? `${timeline.entity.name} & ${timeline.with.name}` : timeline.entity.name;
    strip.show(timeline, label, { from: state.from, to: state.to });
  } catch (error) {
    status.textContent = (error as Error).message;
  }
}

async function load(): Promise<void> {
  save();
  trending.hidden = !!state.center;
  void showTimeline();
  if (!state.center) return;
  status.textContent = 'Loading…';
  try {
    const data = await api.graph(graphParams(state, sizeParams()));
    view.show(data);
    const cut = data.attributes?.cut ? ` Cut to ${data.attributes.cut}.` : '';
    const skipped = notExpandedText(data.attributes?.notExpanded);
    status.textContent = `${view.graph.order} entities, ${view.graph.size} links.${cut}${skipped}`;
    // Opened from a link, the search box names the centre as if it had been picked there.
    if (search.value.trim() === '' && view.graph.hasNode(state.center)) {
      search.value = String(view.graph.getNodeAttribute(state.center, 'label'));
    }
    centerNeighbors = (await api.neighbors(state.center, graphParams(state, { limit: '200' }))).neighbors;
    await select(state.selected ?? state.center);
  } catch (error) {
    status.textContent = (error as Error).message;
  }
}

/** After a correction: the view drawn again from the API (graph, card, trending), at `next`. */
async function refresh(next: View): Promise<void> {
  state = { ...state, ...next };
  stripKey = '';
  search.value = '';
  suggestions.hidden = true;
  void showTrending();
  if (state.center) return load();
  view.show({ attributes: {}, options: { type: 'undirected' }, nodes: [], edges: [] });
  status.textContent = 'Type a name to see who is mentioned with whom.';
  panel.innerHTML = admin.undoOnlyHtml();
  save();
}

async function select(id: string): Promise<void> {
  state.selected = id;
  pairFocus = null;
  save();
  void showTimeline();
  const card = await api.entity(id);
  // An entity merged into another: its card is the other's.
  if ('mergedInto' in card) return select(card.mergedInto);
  const tools = await admin.sectionHtml(card);
  panel.innerHTML = entityHtml(card) + tools + centralHtml(view.graph, id);
  const evidence = panel.querySelector<HTMLElement>('#evidence');
  if (evidence && state.center && id !== state.center) {
    const centerName = view.graph.hasNode(state.center)
      ? String(view.graph.getNodeAttribute(state.center, 'label'))
      : state.center;
    evidence.innerHTML = evidenceHtml(
      centerName,
      card.name,
      centerNeighbors.find((n) => n.id === id),
    );
  }
}

/** The evidence between the selected entity and one of its neighbours, chosen in its card. */
async function showPair(neighborId: string): Promise<void> {
  const selected = state.selected;
  const evidence = panel.querySelector<HTMLElement>('#evidence');
  if (!selected || !evidence) return;
  const { neighbors } = await api.neighbors(selected, graphParams(state, { limit: '200' }));
  const neighbor = neighbors.find((n) => n.id === neighborId);
  const name = panel.querySelector('h2')?.textContent ?? selected;
  evidence.innerHTML = evidenceHtml(name, neighbor?.name ?? neighborId, neighbor);
  pairFocus = neighborId;
}

async function openArticle(id: string): Promise<void> {
  const article = await api.article(id);
  const focus = [pairFocus ?? state.center, state.selected].filter((x): x is string => !!x);
  panel.innerHTML = articleHtml(article, new Set(focus));
}

trending.addEventListener('click', (event) => {
  const target = (event.target as HTMLElement).closest<HTMLElement>('[data-center]');
  if (!target?.dataset.center) return;
  state = { ...state, center: target.dataset.center, selected: target.dataset.select ?? null };
  search.value = '';
  void load();
});

panel.addEventListener('click', (event) => {
  const target = event.target as HTMLElement;
  if (target.dataset.article) void openArticle(target.dataset.article);
  else if (target.dataset.pair) void showPair(target.dataset.pair);
  else if (target.dataset.entity) void select(target.dataset.entity);
  else if (target.id === 'back' && state.selected) void select(state.selected);
});

let typing: ReturnType<typeof setTimeout> | undefined;
search.addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(async () => {
    const q = search.value.trim();
    if (q === '') {
      suggestions.hidden = true;
      return;
    }
    const { hits } = await api.suggest(q);
    suggestions.innerHTML = '';
    for (const hit of hits) {
      const item = document.createElement('li');
      item.textContent = `${hit.name} (${hit.type}, ${hit.articles} articles)`;
      item.dataset.entity = hit.id;
      item.setAttribute('role', 'option');
      suggestions.append(item);
    }
    suggestions.hidden = hits.length === 0;
  }, 150);
});
search.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') suggestions.querySelector<HTMLElement>('li')?.click();
});
suggestions.addEventListener('click', (event) => {
  const entity = (event.target as HTMLElement).dataset.entity;
  if (!entity) return;
  suggestions.hidden = true;
  search.value = (event.target as HTMLElement).textContent?.replace(/ \(.*$/, '') ?? '';
  state = { ...state, center: entity, selected: null };
  void load();
});

for (const [name, element] of Object.entries(controls)) {
  element.addEventListener('change', () => {
    state = {
      ...state,
      depth: controls.depth.value === '2' ? '2' : '1',
      window: controls.window.value === 'sentence' ? 'sentence' : 'article',
      minWeight: Math.max(1, Number(controls.minWeight.value) || 1),
      from: controls.from.value,
      to: controls.to.value,
      colour: controls.colour.value === 'community' ? 'community' : 'type',
      minArticles: Math.max(0, Math.floor(Number(controls.minArticles.value) || 0)),
      weight: WEIGHTS.find((weight) => weight === controls.weight.value) ?? '',
      backbone: controls.backbone.checked,
      expandHubs: controls.expandHubs.checked,
      size:
        controls.size.value === 'pagerank' || controls.size.value === 'betweenness'
          ? controls.size.value
          : 'mentions',
    };
    if (name === 'colour' || name === 'size') save();
    else void load();
  });
}
document.querySelectorAll<HTMLInputElement>('#types input').forEach((box) =>
  box.addEventListener('change', () => {
    state.types = [...document.querySelectorAll<HTMLInputElement>('#types input:checked')].map(
      (b) => b.value,
    );
    save();
  }),
);
$('export-json').addEventListener('click', () => {
  const blob = new Blob([JSON.stringify(view.graph.export())], { type: 'application/json' });
  const link = Object.assign(document.createElement('a'), {
    href: URL.createObjectURL(blob),
    download: 'newsgraph.json',
  });
  link.click();
});
$('export-png').addEventListener('click', () => {
  if (view.renderer) void downloadAsPNG(view.renderer, { fileName: 'newsgraph' });
});

// For tests and the curious: the graph and renderer the page holds.
Object.assign(window, { newsgraph: { view, state: () => state } });
syncControls();
void load();
void showTrending();
