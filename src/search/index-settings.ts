// Meilisearch settings, each chosen on purpose; README "Search settings" explains them with measurements.
// Settings are applied before documents are added, because changing them later re-indexes everything.
import type { Settings } from 'meilisearch';

export const ARTICLE_SETTINGS: Settings = {
  // Title first: a hit in the title ranks above one in the body. Entity names let "Kremlin" find "Kreml".
  searchableAttributes: ['title', 'entityNames', 'body'],
  // Only what the API filters, facets or sorts on: each filterable field costs indexing time. The three
  // duplicate fields find earlier copies of a story and list them (docs/web-ingest.md measures the cost);
  // curatedBy finds the articles a curation changed, for its revert.
  filterableAttributes: [
    'id',
    'lang',
    'source',
    'url',
    'entities',
    'publishedTs',
    'seq',
    'fingerprintBands',
    'firstSeq',
    'duplicateOf',
    'curatedBy',
  ],
  // firstSeq: duplicate detection reads the most recent candidates first when a story has many.
  sortableAttributes: ['publishedTs', 'seq', 'firstSeq'],
  // Halves indexing time (measured, ../shared/FACTS.md); proximity then only tells same-field from not.
  proximityPrecision: 'byAttribute',
  faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'count' } },
  pagination: { maxTotalHits: 10_000 },
  // Default typo rules (1 typo from 5 letters, 2 from 9) keep short German words exact; ids never fuzzy.
  typoTolerance: { disableOnAttributes: [] },
};

export const ENTITY_SETTINGS: Settings = {
  searchableAttributes: ['name', 'aliases'],
  filterableAttributes: ['type'],
  // Names are short: "Putn" (4 letters) must find Putin, so one typo is allowed from 4 letters on.
  typoTolerance: { minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
  pagination: { maxTotalHits: 1_000 },
};

/**
 * The graph index (index mode, docs/index-mode.md): placeholder searches only, faceted by entity. A
 * neighbour list is ranked from complete facet counts, so a facet keeps up to this many values; an answer
 * that reaches it is refused (graph_facet_limit) rather than cut.
 */
export const GRAPH_FACET_VALUES = 1_000_000;

export const GRAPH_SETTINGS: Settings = {
  searchableAttributes: ['article'],
  // `entity` is the neighbour lists' one filterable field (create-adjacency-store.ts); their counts are
  // neither searchable nor filterable, so writing them costs Meilisearch little.
  filterableAttributes: [
    'kind',
    'article',
    'related',
    'mentioned',
    'tiers',
    'relatedTiers',
    'publishedTs',
    'pairs',
    'entity',
    'lists',
  ],
  // `mentions`: the summed entity totals (to-total-deltas.ts), read in order for the most mentioned.
  sortableAttributes: ['publishedTs', 'seq', 'mentions'],
  faceting: { maxValuesPerFacet: GRAPH_FACET_VALUES, sortFacetValuesBy: { '*': 'count' } },
  pagination: { maxTotalHits: 100_000_000 },
};
