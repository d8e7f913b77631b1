// The explorer's admin mode: the key field in the header (the key is checked, then kept in sessionStorage),
// and the corrections offered in the entity card. Each correction goes to the API under the key; after it
// the view is drawn again (graph, card, lists), following the entity where a merge or block moved it.
// Errors show the API's message; a revert that later corrections build on shows its 409 as it is.
import { adminHtml, foundHtml, undoHtml } from './admin-panel.js';
import { dropDone, forgetKey, lastDone, pushDone, readKey, saveKey } from './admin-session.js';
import { adminApi, api, ApiError, type Curation } from './api.js';

export interface View {
  center: string | null;
  selected: string | null;
}

export interface AdminControls {
  /** The card's admin section for an entity, or '' without a key. */
  sectionHtml(card: { id: string; name: string; type: string }): Promise<string>;
  /** For a panel without a card (its entity was blocked): the undo alone, or '' without a key. */
  undoOnlyHtml(): string;
}

export function createAdminControls(options: {
  bar: HTMLElement;
  panel: HTMLElement;
  view: () => View;
  refresh: (next: View) => Promise<void>;
}): AdminControls {
  const { bar, panel, view, refresh } = options;

  const say = (text: string, error = false): void => {
    const message = bar.querySelector<HTMLElement>('#admin-message');
    if (!message) return;
    message.textContent = text;
    message.className = error ? 'error' : 'muted';
    message.setAttribute('role', error ? 'alert' : 'status');
  };

  const renderBar = (): void => {
    bar.innerHTML = readKey()
      ? '<span class="muted">admin</span> <button type="button" id="admin-forget">Forget key</button> '
      : '<input id="admin-key" type="password" placeholder="admin key" autocomplete="off" /> ' +
        '<button type="button" id="admin-use">Use key</button> ';
    bar.insertAdjacentHTML('beforeend', '<span id="admin-message" role="status"></span>');
  };

  const useKey = async (): Promise<void> => {
    const input = bar.querySelector<HTMLInputElement>('#admin-key');
    const key = input?.value.trim() ?? '';
    if (key === '') return;
    try {
      await adminApi(key).check();
    } catch (error) {
      say((error as Error).message, true);
      return;
    }
    saveKey(key);
    renderBar();
    say('Admin key accepted: the card offers corrections.');
    await refresh(view());
  };

  /** Runs one correction, remembers it for undo with the view before it, and draws the view after it. */
  const run = async (label: string, write: (key: string) => Promise<Curation>, next: View) => {
    const key = readKey();
    if (!key) return;
    const before = view();
    say(`${label}…`);
    panel.querySelectorAll<HTMLButtonElement>('#admin-tools button').forEach((b) => (b.disabled = true));
    try {
      const curation = await write(key);
      pushDone({ id: curation.id, label, ...before });
      say(`Done: ${label} (${curation.counts.changed} articles changed).`);
      await refresh(next);
    } catch (error) {
      say((error as Error).message, true);
      panel.querySelectorAll<HTMLButtonElement>('#admin-tools button').forEach((b) => (b.disabled = false));
    }
  };

  const undo = async (): Promise<void> => {
    const key = readKey();
    const last = lastDone();
    if (!key || !last) return;
    say(`Undoing: ${last.label}…`);
    try {
      await adminApi(key).revert(last.id);
    } catch (error) {
      const conflict = error instanceof ApiError && error.status === 409;
      const blocked = conflict && (error.details as { dependents?: unknown } | undefined)?.dependents;
      // A correction no longer in force (reverted elsewhere) is dropped; one others build on is kept.
      if (conflict && !blocked) dropDone(last.id);
      say(`Cannot undo "${last.label}": ${(error as Error).message}`, true);
      if (conflict && !blocked) await refresh(view());
      return;
    }
    dropDone(last.id);
    say(`Undone: ${last.label}.`);
    await refresh({ center: last.center, selected: last.selected });
  };

  const moved = (from: string, to: string | null): View => {
    const { center, selected } = view();
    return { center: center === from ? to : center, selected: selected === from ? to : selected };
  };

  bar.addEventListener('click', (event) => {
    const target = event.target as HTMLElement;
    if (target.id === 'admin-use') void useKey();
    if (target.id === 'admin-forget') {
      forgetKey();
      renderBar();
      void refresh(view());
    }
  });
  bar.addEventListener('keydown', (event) => {
    if ((event.target as HTMLElement).id === 'admin-key' && event.key === 'Enter') void useKey();
  });

  panel.addEventListener('click', (event) => {
    const target = event.target as HTMLElement;
    if (target.id === 'admin-undo') return void undo();
    const section = target.closest<HTMLElement>('#admin-tools');
    if (!section) return;
    const id = section.dataset.id ?? '';
    const name = section.dataset.name ?? id;
    const other = target.dataset.mergeHere ?? target.dataset.mergeInto;
    const otherName = target.closest<HTMLElement>('[data-name]')?.dataset.name ?? other;
    if (target.dataset.mergeHere) {
      const from = target.dataset.mergeHere;
      void run(`merge ${otherName} into ${name}`, (key) => adminApi(key).merge(from, id), {
        ...moved(from, id),
        selected: id,
      });
    } else if (target.dataset.mergeInto) {
      const into = target.dataset.mergeInto;
      void run(`merge ${name} into ${otherName}`, (key) => adminApi(key).merge(id, into), {
        ...moved(id, into),
        selected: into,
      });
    } else if (target.id === 'admin-block') {
      void run(`block ${name}`, (key) => adminApi(key).block(id), moved(id, null));
    }
  });

  panel.addEventListener('submit', (event) => {
    const form = event.target as HTMLFormElement;
    const section = form.closest<HTMLElement>('#admin-tools');
    if (!section) return;
    event.preventDefault();
    const id = section.dataset.id ?? '';
    const name = section.dataset.name ?? id;
    const field = (field: string) =>
      (form.elements.namedItem(field) as HTMLInputElement | HTMLSelectElement | null)?.value.trim() ?? '';
    const here = view();
    if (form.id === 'admin-rename-form') {
      const to = field('name');
      void run(`rename ${name} to ${to}`, (key) => adminApi(key).update(id, { name: to }), here);
    } else if (form.id === 'admin-alias-form') {
      const alias = field('alias');
      void run(
        `add alias ${alias} to ${name}`,
        (key) => adminApi(key).update(id, { aliases: { add: [alias] } }),
        here,
      );
    } else if (form.id === 'admin-type-form') {
      const type = field('type');
      void run(`make ${name} a ${type}`, (key) => adminApi(key).update(id, { type }), here);
    } else if (form.id === 'admin-merge-form') {
      void find(name, field('target'));
    }
  });

  /** The merge field: an entity of that id, else the look-up's hits for that name, each to pick. */
  const find = async (name: string, target: string): Promise<void> => {
    const found = panel.querySelector<HTMLElement>('#admin-found');
    if (!found || target === '') return;
    try {
      const exact = await api.entity(target).catch(() => undefined);
      const hits = exact && !('mergedInto' in exact) ? [exact] : (await api.suggest(target)).hits;
      found.innerHTML = foundHtml(name, hits);
    } catch (error) {
      found.textContent = (error as Error).message;
    }
  };

  renderBar();
  return {
    sectionHtml: async (card) => {
      if (!readKey()) return '';
      const similar = await api
        .similar(card.id)
        .then((answer) => answer.similar)
        .catch((error: Error) => error.message);
      return adminHtml(card, similar, lastDone());
    },
    undoOnlyHtml: () =>
      readKey() ? `<section class="admin-tools"><h3>Corrections</h3>${undoHtml(lastDone())}</section>` : '',
  };
}
