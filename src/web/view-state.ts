// What the explorer shows, kept in the page URL so that a view can be shared as a link.

export interface ViewState {
  center: string | null;
  depth: '1' | '2';
  window: 'article' | 'sentence';
  minWeight: number;
  /** Fewest shared articles of a link; 0 leaves it to the API (2 at depth 2, 1 at depth 1). */
  minArticles: number;
  /** '' leaves the measure to the API (G² at depth 2, counts at depth 1). */
  weight: '' | 'count' | 'pmi' | 'llr';
  backbone: boolean;
  expandHubs: boolean;
  from: string;
  to: string;
  types: string[];
  colour: 'type' | 'community';
  size: NodeSize;
  selected: string | null;
}

export type NodeSize = 'mentions' | 'pagerank' | 'betweenness';
export const WEIGHTS = ['count', 'pmi', 'llr'] as const;
const SIZES: NodeSize[] = ['mentions', 'pagerank', 'betweenness'];

export const ALL_TYPES = ['person', 'organization', 'location', 'other'];

export function readState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const minWeight = Number(params.get('minWeight') ?? '1');
  const minArticles = Number(params.get('minArticles') ?? '0');
  return {
    center: params.get('center'),
    depth: params.get('depth') === '2' ? '2' : '1',
    window: params.get('window') === 'sentence' ? 'sentence' : 'article',
    minWeight: Number.isInteger(minWeight) && minWeight > 0 ? minWeight : 1,
    minArticles: Number.isInteger(minArticles) && minArticles > 0 ? minArticles : 0,
    weight: WEIGHTS.find((weight) => weight === params.get('weight')) ?? '',
    backbone: params.get('backbone') === 'disparity',
    expandHubs: params.get('expandHubs') === 'true',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    types:
      params
        .get('types')
        ?.split(',')
        .filter((type) => ALL_TYPES.includes(type)) ?? ALL_TYPES,
    colour: params.get('colour') === 'community' ? 'community' : 'type',
    size: SIZES.find((size) => size === params.get('size')) ?? 'mentions',
    selected: params.get('selected'),
  };
}

export function writeState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.center) params.set('center', state.center);
  params.set('depth', state.depth);
  params.set('window', state.window);
  if (state.minWeight > 1) params.set('minWeight', String(state.minWeight));
  if (state.minArticles > 0) params.set('minArticles', String(state.minArticles));
  if (state.weight) params.set('weight', state.weight);
  if (state.backbone) params.set('backbone', 'disparity');
  if (state.expandHubs) params.set('expandHubs', 'true');
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.types.length !== ALL_TYPES.length) params.set('types', state.types.join(','));
  if (state.colour !== 'type') params.set('colour', state.colour);
  if (state.size !== 'mentions') params.set('size', state.size);
  if (state.selected) params.set('selected', state.selected);
  return `?${params}`;
}

/** The /graph (and /neighbors) parameters of a state. */
export function graphParams(state: ViewState, extra: Record<string, string> = {}): URLSearchParams {
  const params = new URLSearchParams({
    depth: state.depth,
    window: state.window,
    minWeight: String(state.minWeight),
  });
  if (state.center) params.set('center', state.center);
  if (state.minArticles > 0) params.set('minArticles', String(state.minArticles));
  if (state.weight) params.set('weight', state.weight);
  if (state.backbone) params.set('backbone', 'disparity');
  if (state.expandHubs) params.set('expandHubs', 'true');
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params;
}
