// The start screen's list of what is trending: entities and links whose share of the week's articles grew
// most, each a click away. When the index holds nothing from the last week (an archive), the API moves the
// week back to end at the newest dated article, and the list says so.
import { escapeHtml } from '../search/render-snippet.js';
import type { TrendingEntity, TrendingPair, TrendingWindow } from './api.js';

const day = (iso: string): string => iso.slice(0, 10);

function windowHtml(window: TrendingWindow): string {
  if (window.articles === 0) return '<p class="muted">No dated articles in the index yet.</p>';
  const when = window.anchoredToNewest
    ? `the 7 days up to ${day(window.to)}, the newest dated article in the index (nothing is newer than a ` +
      'week, so "this week" ends there)'
    : 'the last 7 days';
  return (
    `<p class="muted" id="trending-window">Rising in ${escapeHtml(when)}: ${window.articles} articles, against ` +
    `${window.baselineArticles} in the 7 days before.</p>`
  );
}

export function trendingHtml(
  window: TrendingWindow,
  entities: TrendingEntity[],
  pairs: TrendingPair[],
): string {
  const counts = (item: { articles: number; baselineArticles: number }) =>
    `<span class="muted">${item.articles} articles (${item.baselineArticles} before)</span>`;
  const entityItems = entities
    .map(
      (entity) =>
        `<li><button class="link" data-center="${escapeHtml(entity.id)}">${escapeHtml(entity.name)}</button> ` +
        `${counts(entity)}</li>`,
    )
    .join('');
  const pairItems = pairs
    .map(
      (pair) =>
        `<li><button class="link" data-center="${escapeHtml(pair.a.id)}" data-select="${escapeHtml(pair.b.id)}">` +
        `${escapeHtml(pair.a.name)} &amp; ${escapeHtml(pair.b.name)}</button> ${counts(pair)}</li>`,
    )
    .join('');
  return (
    `<h2>Trending this week</h2>${windowHtml(window)}` +
    (entityItems ? `<ol class="trending-entities">${entityItems}</ol>` : '') +
    (pairItems ? `<h3>Links that appeared or grew</h3><ol class="trending-pairs">${pairItems}</ol>` : '')
  );
}
