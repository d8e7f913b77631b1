// The realistic benchmark's articles (npm run bench:graph -- --realistic) grow as the corpus does: the issue's
// measurement on ../shared/corpus with the tagger gave 7,721 entities and 131,688 pairs at 1,000 articles,
// 23,885 and 508,360 at 4,251 (entities ~ n^0.78, pairs ~ n^0.93). A generator that drifted from these would
// make every figure of the benchmark about a different kind of news.
import { describe, expect, it } from 'vitest';
import { measureGrowth, newsGrowth } from '../../scripts/bench-lib/news-growth.js';

describe('the realistic benchmark articles', () => {
  it('name new entities and pairs at the rate measured on the corpus', () => {
    const [early, late] = measureGrowth([1_000, 4_251]);
    expect(early?.entities).toBeGreaterThan(7_721 * 0.9);
    expect(early?.entities).toBeLessThan(7_721 * 1.1);
    expect(late?.entities).toBeGreaterThan(23_885 * 0.9);
    expect(late?.entities).toBeLessThan(23_885 * 1.1);
    expect(early?.pairs).toBeGreaterThan(131_688 * 0.9);
    expect(early?.pairs).toBeLessThan(131_688 * 1.1);
    expect(late?.pairs).toBeGreaterThan(508_360 * 0.9);
    expect(late?.pairs).toBeLessThan(508_360 * 1.1);
  });

  it('are the same for the same seed, with distinct entities in each article', () => {
    const take = (seed: number) => {
      const articles: number[][] = [];
      for (const { entities } of newsGrowth(seed)) {
        articles.push(entities);
        if (articles.length === 200) break;
      }
      return articles;
    };
    const first = take(3);
    expect(take(3)).toEqual(first);
    expect(take(4)).not.toEqual(first);
    for (const entities of first) expect(new Set(entities).size).toBe(entities.length);
  });
});
