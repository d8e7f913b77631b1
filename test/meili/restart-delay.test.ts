// The supervisor's back-off before restarting Meilisearch, as the README states it: 0.5 s, doubling with
// each restart in a row, at most 30 s. Tested as the pure schedule; a real restart is in processes.test.ts.
import { describe, expect, it } from 'vitest';
import { DEFAULTS, restartDelay } from '../../src/meili/restart-delay.js';

describe('restart back-off', () => {
  it('starts at 0.5 s and doubles up to 30 s, where it stays', () => {
    expect(DEFAULTS).toEqual({ firstMs: 500, maxMs: 30_000 });
    expect(Array.from({ length: 10 }, (_, restarts) => restartDelay(restarts))).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000, 30_000,
    ]);
    expect(restartDelay(1_000)).toBe(30_000);
  });

  it('follows other bounds when given them', () => {
    expect([0, 1, 2, 3].map((n) => restartDelay(n, { firstMs: 100, maxMs: 250 }))).toEqual([
      100, 200, 250, 250,
    ]);
  });
});
