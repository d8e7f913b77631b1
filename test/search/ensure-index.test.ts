// Set-up of a store's index: made once, its settings applied at every set-up (so a newer version's settings
// reach an index an older one made, as the graph index's layout 2 needs).
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createMeiliClient } from '../../src/search/create-meili-client.js';
import { ensureIndex } from '../../src/search/ensure-index.js';
import { uniquePrefix } from '../helpers/test-newsgraph.js';

describe('ensureIndex', () => {
  const client = createMeiliClient({
    url: inject('meiliUrl'),
    apiKey: inject('meiliKey'),
    timeoutMs: 30_000,
  });
  const uid = `${uniquePrefix('ensure')}store`;

  afterAll(async () => {
    await client.deleteIndex(uid).catch(() => undefined);
  });

  it('creates the index once and applies the settings of every call', async () => {
    expect(await ensureIndex(client, uid, { filterableAttributes: ['id'] }, 'store')).toBe(false);
    expect((await client.index(uid).getSettings()).filterableAttributes).toEqual(['id']);
    expect((await client.getIndex(uid)).primaryKey).toBe('id');
    expect(await ensureIndex(client, uid, { filterableAttributes: ['id', 'status'] }, 'store')).toBe(true);
    expect([...((await client.index(uid).getSettings()).filterableAttributes ?? [])].sort()).toEqual([
      'id',
      'status',
    ]);
  });
});
