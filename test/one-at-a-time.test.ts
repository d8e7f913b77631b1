// The queue behind list compaction, totals summing and curations: a call starts only once the one before it
// has settled, a failed call fails only its caller, and the next still runs.
import { describe, expect, it } from 'vitest';
import { oneAtATime } from '../src/one-at-a-time.js';

describe('oneAtATime', () => {
  it('starts each call after the one before it settled, failed or not, and gives each its own outcome', async () => {
    const inTurn = oneAtATime();
    const log: string[] = [];
    const step =
      (name: string, fail = false) =>
      async () => {
        log.push(`${name} starts`);
        await new Promise((resolve) => setTimeout(resolve, 20));
        log.push(`${name} ends`);
        if (fail) throw new Error(name);
        return name;
      };
    const first = inTurn(step('first', true));
    const second = inTurn(step('second'));
    const third = inTurn(step('third'));
    await expect(first).rejects.toThrow('first');
    await expect(second).resolves.toBe('second');
    await expect(third).resolves.toBe('third');
    expect(log).toEqual([
      'first starts',
      'first ends',
      'second starts',
      'second ends',
      'third starts',
      'third ends',
    ]);
  });
});
