// Trending by the signed log-likelihood ratio: a jump in share beats constant frequency, one mention of a
// rare name does not top the list, and pairs that appeared or grew rank like entities.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/entities/ner/seeded-random.js';
import { addArticle } from '../../src/graph/add-article.js';
import { createCooccurrenceGraph } from '../../src/graph/create-cooccurrence-graph.js';
import { signedLogLikelihood } from '../../src/graph/log-likelihood.js';
import { trendingEntities, trendingPairs } from '../../src/graph/trending.js';
import { newestPublished, trendingWindow } from '../../src/graph/trending-window.js';
import type { CooccurrenceGraph } from '../../src/graph/types.js';
import { articleDates } from '../../src/graph/article-table.js';

const DAY = 86_400_000;
const WINDOW_START = Date.parse('2024-03-08T00:00:00Z');

function add(store: CooccurrenceGraph, id: string, publishedTs: number, ids: string[]): void {
  addArticle(store, {
    id,
    seq: 0,
    title: null,
    publishedTs,
    entityInfo: ids.map((entity) => ({
      id: entity,
      name: entity,
      type: entity === 'acme' ? 'organization' : 'person',
    })),
    mentions: ids.map((entityId) => ({ entityId, sentence: 0 })),
  });
}

/**
 * 200 articles in the baseline week and 200 in the window week. "always" is in half of both; "riser" in 4
 * of the baseline and 60 of the window, 40 of them with "acme" (new in the window: a link that appeared); "rare" in one
 * window article only; "filler" everywhere so no article is empty.
 */
function store(): CooccurrenceGraph {
  const graph = createCooccurrenceGraph();
  for (let i = 0; i < 200; i++) {
    const baseline = ['filler', ...(i % 2 === 0 ? ['always'] : []), ...(i < 4 ? ['riser'] : [])];
    add(graph, `b${i}`, WINDOW_START - 7 * DAY + i * 3_000_000, baseline);
    const window = [
      'filler',
      ...(i % 2 === 0 ? ['always'] : []),
      ...(i < 60 ? ['riser'] : []),
      ...(i < 40 ? ['acme'] : []),
      ...(i === 100 ? ['rare'] : []),
    ];
    add(graph, `w${i}`, WINDOW_START + i * 3_000_000, window);
  }
  return graph;
}

const OPTIONS = {
  from: WINDOW_START,
  to: WINDOW_START + 7 * DAY - 1,
  baselineFrom: WINDOW_START - 7 * DAY,
  baselineTo: WINDOW_START - 1,
  limit: 20,
};

describe('trending entities', () => {
  it('ranks an entity whose share jumps above one that is always frequent, and a single rare mention below both', () => {
    const found = trendingEntities(store(), OPTIONS);
    expect([found.articles, found.baselineArticles]).toEqual([200, 200]);
    const ids = found.items.map((item) => item.id);
    expect(ids[0]).toBe('riser');
    const riser = found.items[0];
    expect(riser).toMatchObject({ articles: 60, baselineArticles: 4, name: 'riser', type: 'person' });
    // Constant share is no trend; a rare name once is a weak one, behind a jump with a real count.
    expect(ids).not.toContain('always');
    expect(ids).toContain('rare');
    expect(ids.indexOf('rare')).toBeGreaterThan(ids.indexOf('riser'));
    expect(ids.indexOf('rare')).toBeGreaterThan(ids.indexOf('acme'));
    const rare = found.items.find((item) => item.id === 'rare');
    expect(rare?.score).toBeLessThan(2);
  });

  it('filters by type and cuts at limit', () => {
    const found = trendingEntities(store(), { ...OPTIONS, type: 'organization', limit: 5 });
    expect(found.items.map((item) => item.id)).toEqual(['acme']);
    expect(trendingEntities(store(), { ...OPTIONS, limit: 1 }).items).toHaveLength(1);
  });

  it('G² matches a hand computation and is signed by the direction of the change', () => {
    // 10 of 100 against 10 of 100: no change. 20 of 100 against 5 of 100:
    // 2·(20 ln(20/12.5) + 80 ln(80/87.5) + 5 ln(5/12.5) + 95 ln(95/87.5)) = 10.92…
    expect(signedLogLikelihood(10, 100, 10, 100)).toBe(0);
    expect(signedLogLikelihood(20, 100, 5, 100)).toBeCloseTo(10.9245, 3);
    expect(signedLogLikelihood(5, 100, 20, 100)).toBeCloseTo(-10.9245, 3);
    expect(signedLogLikelihood(1, 100, 0, 100)).toBeLessThan(2);
  });
});

describe('trending pairs', () => {
  it('ranks links that grew or appeared first, and leaves out pairs whose share stayed the same', () => {
    const found = trendingPairs(store(), OPTIONS);
    const keys = found.items.map((item) => `${item.a.id}-${item.b.id}`);
    // filler-riser grew from 4 to 60 articles; acme-filler and acme-riser appeared in 40 (tied: by id).
    expect(keys.slice(0, 3)).toEqual(['filler-riser', 'acme-filler', 'acme-riser']);
    expect(found.items[2]).toMatchObject({ articles: 40, baselineArticles: 0 });
    expect(keys).not.toContain('always-filler');
    expect(keys.indexOf('filler-rare')).toBeGreaterThan(1);
  });
});

describe('trending pairs on a larger random index', () => {
  // 3,000 articles over 14 days, entities drawn from a skewed 400 (a few frequent, a long tail seen once).
  const random = seededRandom(11);
  const articles = Array.from({ length: 3000 }, (_, k) => {
    const ids = new Set<string>();
    const size = 3 + Math.floor(random() * 5);
    while (ids.size < size) ids.add(`n${Math.floor(random() ** 2.5 * 400)}`);
    return {
      id: `r${k}`,
      publishedTs: WINDOW_START - 7 * DAY + Math.floor(random() * 14 * DAY),
      ids: [...ids],
    };
  });
  const graph = createCooccurrenceGraph();
  for (const article of articles) add(graph, article.id, article.publishedTs, article.ids);

  /** The ranking counted straight from the fixture, every pair, without the graph. */
  function bruteForce(limit: number) {
    const counts = new Map<string, [number, number]>();
    const totals: [number, number] = [0, 0];
    for (const article of articles) {
      const sample: 0 | 1 = article.publishedTs >= WINDOW_START ? 0 : 1;
      totals[sample] += 1;
      const sorted = [...article.ids].sort();
      for (let i = 0; i < sorted.length; i++) {
        for (let j = i + 1; j < sorted.length; j++) {
          const key = `${sorted[i]}-${sorted[j]}`;
          const pair = counts.get(key) ?? [0, 0];
          pair[sample] += 1;
          counts.set(key, pair);
        }
      }
    }
    const [n1, n2] = totals as [number, number];
    return [...counts]
      .filter(([, [a, b]]) => a > 0 && a / n1 > b / n2)
      .map(([key, [a, b]]) => ({
        key,
        a,
        b,
        score: Math.round(signedLogLikelihood(a, n1, b, n2) * 100) / 100,
      }))
      .sort((x, y) => y.score - x.score || y.a - x.a || (x.key < y.key ? -1 : 1))
      .slice(0, limit);
  }

  it.each([20, 100, 2000])(
    'the top %i equal a count of every pair in the window and the baseline',
    (limit) => {
      const found = trendingPairs(graph, { ...OPTIONS, limit });
      const got = found.items.map((item) => ({
        key: `${item.a.id}-${item.b.id}`,
        a: item.articles,
        b: item.baselineArticles,
        score: item.score,
      }));
      expect(got).toEqual(bruteForce(limit));
    },
  );
});

describe('trending window', () => {
  const now = Date.parse('2026-12-05T12:00:00Z');

  it('is the last 7 days when the index has recent articles, with the 7 days before as baseline', () => {
    const window = trendingWindow({}, now, now - DAY);
    expect(window).toEqual({
      from: now - 7 * DAY + 1,
      to: now,
      baselineFrom: now - 14 * DAY + 1,
      baselineTo: now - 7 * DAY,
      anchoredToNewest: false,
    });
  });

  it('ends at the newest dated article when nothing is newer than a week, and says so', () => {
    const newest = newestPublished(articleDates(store())) as number;
    expect(newest).toBe(WINDOW_START + 199 * 3_000_000);
    const window = trendingWindow({}, now, newest);
    expect(window.to).toBe(newest);
    expect(window.from).toBe(newest - 7 * DAY + 1);
    expect(window.anchoredToNewest).toBe(true);
  });

  it('keeps a given window and baseline as they are', () => {
    const given = { from: 10, to: 19, baselineFrom: 0, baselineTo: 5 };
    expect(trendingWindow(given, now, undefined)).toEqual({ ...given, anchoredToNewest: false });
    expect(trendingWindow({ from: 10, to: 19 }, now, undefined)).toMatchObject({
      baselineFrom: 0,
      baselineTo: 9,
    });
  });
});
