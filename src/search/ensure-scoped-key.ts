// The API talks to Meilisearch with a key limited to what it does (search, documents, settings, tasks,
// stats) on its own indexes, not with the master key. The key's uid is derived from the index prefix, so
// every start finds the same key instead of piling up new ones. A second, search-only key is what the
// instances of a sharded set-up hold for each other (MEILI_REMOTES).
import { createHash } from 'node:crypto';
import { MeilisearchApiError, type Meilisearch } from 'meilisearch';

export const SCOPED_ACTIONS = [
  'search',
  'documents.add',
  'documents.get',
  'documents.delete',
  'indexes.create',
  'indexes.get',
  'settings.get',
  'settings.update',
  'tasks.get',
  'stats.get',
];

export type KeyRole = 'api' | 'search';

const ROLES: Record<KeyRole, { seed: string; actions: string[]; name: string; description: string }> = {
  api: {
    seed: 'newsgraph',
    actions: SCOPED_ACTIONS,
    name: 'newsgraph',
    description: 'Used by the newsgraph API and indexer; created from the master key at start.',
  },
  search: {
    seed: 'newsgraph-search',
    actions: ['search'],
    name: 'newsgraph search',
    description: 'Held by the other instances of a sharded newsgraph for federated search.',
  },
};

/** A UUID v4-shaped uid, stable for a prefix and role. */
export function scopedKeyUid(prefix: string, role: KeyRole = 'api'): string {
  const hex = createHash('sha256').update(`${ROLES[role].seed}:${prefix}`).digest('hex');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Finds or creates the scoped key with a master-key client; returns the key itself. */
export async function ensureScopedKey(
  master: Meilisearch,
  prefix: string,
  role: KeyRole = 'api',
): Promise<string> {
  const uid = scopedKeyUid(prefix, role);
  try {
    return (await master.getKey(uid)).key;
  } catch (cause) {
    if (!(cause instanceof MeilisearchApiError) || cause.cause?.code !== 'api_key_not_found') throw cause;
  }
  const created = await master.createKey({
    uid,
    name: `${ROLES[role].name} ${prefix || '(no prefix)'}`,
    description: ROLES[role].description,
    actions: ROLES[role].actions,
    indexes: [`${prefix}*`],
    expiresAt: null,
  });
  return created.key;
}
