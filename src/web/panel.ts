// The side panel: the entity card with its strongest neighbours, the evidence that links it to the entity
// in the centre (sentences from the API, already escaped with <mark> around the names), and the article view
// with every mention highlighted.
import { escapeHtml } from '../search/render-snippet.js';
import type { Article, EntityCard, Neighbor } from './api.js';

export function entityHtml(card: EntityCard): string {
  const aliases = card.aliases.slice(0, 12).map(escapeHtml).join(', ');
  const neighbors = card.neighbors
    .map(
      (n) =>
        `<li><button class="link" data-entity="${escapeHtml(n.id)}">${escapeHtml(n.name)}</button> ` +
        `<span class="muted">${n.articles} articles, ${n.sentences} sentences</span> ` +
        `<button class="link" data-pair="${escapeHtml(n.id)}">evidence</button></li>`,
    )
    .join('');
  return (
    `<h2>${escapeHtml(card.name)}</h2><p class="muted">${escapeHtml(card.type)} · ${card.articles} articles · ` +
    `${card.mentions} mentions</p>${aliases ? `<p>Also: ${aliases}</p>` : ''}` +
    `<h3>Strongest neighbours</h3><ol class="neighbors">${neighbors}</ol><div id="evidence"></div>`
  );
}

export function evidenceHtml(centerName: string, name: string, neighbor: Neighbor | undefined): string {
  if (!neighbor)
    return `<p class="muted">No evidence for ${escapeHtml(name)} with ${escapeHtml(centerName)} in this view.</p>`;
  const items = neighbor.evidence
    .map(
      (e) =>
        `<li><button class="link" data-article="${escapeHtml(e.articleId)}">${escapeHtml(e.title ?? e.articleId)}</button>` +
        `${e.published ? ` <span class="muted">${escapeHtml(e.published.slice(0, 10))}</span>` : ''}` +
        `<blockquote>${e.snippet ?? '<span class="muted">(sentence unavailable)</span>'}</blockquote></li>`,
    )
    .join('');
  return (
    `<h3>Evidence: ${escapeHtml(name)} with ${escapeHtml(centerName)}</h3>` +
    `<p class="muted">${neighbor.articles} articles, ${neighbor.sentences} sentences together</p>` +
    `<ul class="evidence">${items}</ul>`
  );
}

export function articleHtml(article: Article, focus: ReadonlySet<string>): string {
  let html = '';
  let at = 0;
  for (const mention of [...article.mentions].sort((a, b) => a.start - b.start)) {
    if (mention.start < at) continue;
    html += escapeHtml(article.body.slice(at, mention.start));
    const cls = focus.has(mention.entityId) ? ' class="focus"' : '';
    html += `<mark${cls} data-entity="${escapeHtml(mention.entityId)}">${escapeHtml(article.body.slice(mention.start, mention.end))}</mark>`;
    at = mention.end;
  }
  html += escapeHtml(article.body.slice(at));
  const safeUrl = article.url && /^https?:\/\//i.test(article.url) ? article.url : null;
  const link = safeUrl ? ` · <a href="${escapeHtml(safeUrl)}" rel="noreferrer">source</a>` : '';
  return (
    `<p><button class="link" id="back">← back</button></p><h2>${escapeHtml(article.title ?? article.id)}</h2>` +
    `<p class="muted">${escapeHtml([article.source, article.published?.slice(0, 10)].filter(Boolean).join(' · '))}${link}</p>` +
    `<div class="article-body">${html}</div>`
  );
}
