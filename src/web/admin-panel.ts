// The entity card's admin section, shown only while an admin key is held: merge (the API's suggestions of
// duplicates with score and reasons, or an id or name typed in), rename, add an alias, change the type,
// block, and undo of the newest correction made in this tab.
import { escapeHtml } from '../search/render-snippet.js';
import type { EntityHit, SimilarEntity } from './api.js';
import type { DoneCuration } from './admin-session.js';

export const TYPES = ['person', 'organization', 'location', 'other'];

export function undoHtml(last: DoneCuration | undefined): string {
  return last
    ? `<p><button type="button" id="admin-undo" data-curation="${escapeHtml(last.id)}">Undo: ` +
        `${escapeHtml(last.label)}</button></p>`
    : '<p class="muted">Nothing to undo in this tab.</p>';
}

/** A likely duplicate, or an entity found by the merge field, with a merge button for each direction. */
export function candidateHtml(
  name: string,
  candidate: Pick<SimilarEntity, 'id' | 'name' | 'type' | 'articles'> & Partial<SimilarEntity>,
): string {
  const score =
    candidate.score === undefined
      ? ''
      : ` · score ${candidate.score.toFixed(2)}: ${escapeHtml((candidate.reasons ?? []).join('; '))}`;
  const id = escapeHtml(candidate.id);
  return (
    `<li data-candidate="${id}" data-name="${escapeHtml(candidate.name)}"><strong>${escapeHtml(candidate.name)}</strong> ` +
    `<span class="muted">${id} · ${escapeHtml(candidate.type)} · ${candidate.articles} articles${score}</span><br />` +
    `<button type="button" data-merge-here="${id}">merge it into ${escapeHtml(name)}</button> ` +
    `<button type="button" data-merge-into="${id}">merge ${escapeHtml(name)} into it</button></li>`
  );
}

export function foundHtml(name: string, hits: EntityHit[]): string {
  return hits.length === 0
    ? '<p class="muted">No entity of that id or name.</p>'
    : `<p class="muted">Pick one:</p><ul class="candidates">${hits.map((hit) => candidateHtml(name, hit)).join('')}</ul>`;
}

export function adminHtml(
  card: { id: string; name: string; type: string },
  similar: SimilarEntity[] | string,
  last: DoneCuration | undefined,
): string {
  const name = escapeHtml(card.name);
  const suggestions =
    typeof similar === 'string'
      ? `<p class="error">${escapeHtml(similar)}</p>`
      : similar.length === 0
        ? '<p class="muted">No likely duplicates found.</p>'
        : `<ul class="candidates" id="admin-similar">${similar.map((s) => candidateHtml(card.name, s)).join('')}</ul>`;
  const types = TYPES.map(
    (type) => `<option value="${type}"${type === card.type ? ' selected' : ''}>${type}</option>`,
  ).join('');
  return (
    `<section id="admin-tools" class="admin-tools" data-id="${escapeHtml(card.id)}" data-name="${name}">` +
    `<h3>Correct ${name}</h3>` +
    `<h4>Likely duplicates</h4>${suggestions}` +
    `<form id="admin-merge-form"><label>Merge with (id or name) <input name="target" required /></label> ` +
    `<button>Find</button></form><div id="admin-found"></div>` +
    `<form id="admin-rename-form"><label>Name <input name="name" value="${name}" required /></label> ` +
    `<button>Rename</button></form>` +
    `<form id="admin-alias-form"><label>Alias <input name="alias" required /></label> <button>Add alias</button></form>` +
    `<form id="admin-type-form"><label>Type <select name="type">${types}</select></label> ` +
    `<button>Change type</button></form>` +
    `<p><button type="button" id="admin-block">Block "${name}": not an entity</button></p>` +
    undoHtml(last) +
    `</section>`
  );
}
