// Waiting for a task Meilisearch takes a while over: the answer is the finished task, and the waiting leaves
// no listener behind per poll (the client's own waitForTask did, and Node warned of a leak in long runs).
import { getEventListeners } from 'node:events';
import { describe, expect, inject, it } from 'vitest';
import { createMeiliClient } from '../../src/search/create-meili-client.js';
import { waitForTask } from '../../src/search/wait-for-task.js';
import { uniquePrefix } from '../helpers/test-newsgraph.js';

describe('waiting for a Meilisearch task', () => {
  it('waits behind a long indexing run without adding a listener per poll', async () => {
    const client = createMeiliClient({
      url: inject('meiliUrl'),
      apiKey: inject('meiliKey'),
      timeoutMs: 30_000,
    });
    const index = client.index(`${uniquePrefix('wait')}docs`);
    try {
      const docs = Array.from({ length: 40_000 }, (_, i) => ({
        id: i,
        text: `article ${i} about ${i % 97} things and ${i % 89} people in ${i % 83} places`,
      }));
      await index.addDocuments(docs, { primaryKey: 'id' });
      let polls = 0;
      const signals = new Set<AbortSignal>();
      const getTask = client.tasks.getTask.bind(client.tasks);
      client.tasks.getTask = (uid, init) => {
        polls += 1;
        if (init?.signal) signals.add(init.signal);
        return getTask(uid, init);
      };
      const task = await waitForTask(client, index.addDocuments([{ id: 'last', text: 'the last one' }]));
      expect(task.status).toBe('succeeded');
      // The wait spans the big batch, so it polls several times.
      expect(polls).toBeGreaterThan(2);
      // A signal shared by the polls would hold one abort listener per poll.
      expect([...signals].map((signal) => getEventListeners(signal, 'abort').length <= 1)).not.toContain(
        false,
      );
      expect((await index.getDocument('last')).text).toBe('the last one');
    } finally {
      await index.delete();
    }
  });
});
