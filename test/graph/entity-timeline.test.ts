// Timelines from the graph, checked against counts made directly from the fixture's own definition.
import { edgeBetween } from '../../src/graph/edge-lists.js';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/entities/ner/seeded-random.js';
import { addArticle } from '../../src/graph/add-article.js';
import { createCooccurrenceGraph } from '../../src/graph/create-cooccurrence-graph.js';
import { entityTimeline } from '../../src/graph/entity-timeline.js';
import { bucketStart, INTERVALS } from '../../src/graph/time-buckets.js';
import type { CooccurrenceGraph } from '../../src/graph/types.js';

const DAY = 86_400_000;
const IDS = ['alpha', 'beta', 'gamma', 'delta'];

/** An article in the fixture: its date, and each mention as [entity, sentence, furniture]. */
interface Fixture {
  id: string;
  publishedTs: number | null;
  mentions: Array<[string, number, boolean]>;
}

function fixtures(count: number): Fixture[] {
  const random = seededRandom(7);
  const start = Date.parse('2023-11-20T00:00:00Z');
  return Array.from({ length: count }, (_, k) => {
    const mentions: Fixture['mentions'] = [];
    for (const id of IDS) {
      const times = Math.floor(random() * 3);
      for (let t = 0; t < times; t++) mentions.push([id, Math.floor(random() * 3), random() < 0.1]);
    }
    // Every tenth article undated; the others spread over ~4 months, at any time of day.
    const publishedTs = k % 10 === 0 ? null : start + Math.floor(random() * 120 * DAY);
    return { id: `f${k}`, publishedTs, mentions };
  });
}

function build(articles: Fixture[]): CooccurrenceGraph {
  const store = createCooccurrenceGraph();
  for (const article of articles) {
    const present = [...new Set(article.mentions.map(([id]) => id))];
    addArticle(store, {
      id: article.id,
      seq: 0,
      title: null,
      publishedTs: article.publishedTs,
      entityInfo: present.map((id) => ({ id, name: id, type: 'person' })),
      mentions: article.mentions.map(([entityId, sentence, furniture]) => ({
        entityId,
        sentence,
        ...(furniture ? { furniture: true as const } : {}),
      })),
    });
  }
  return store;
}

/** Mentions of `id` outside page furniture, straight from the fixture. */
const related = (article: Fixture, id: string) =>
  article.mentions.filter(([entity, , furniture]) => entity === id && !furniture);

/** Sentences where both occur outside furniture, straight from the fixture. */
function sharedSentences(article: Fixture, a: string, b: string): number {
  const sentences = (id: string) => new Set(related(article, id).map(([, sentence]) => sentence));
  const inB = sentences(b);
  return [...sentences(a)].filter((sentence) => inB.has(sentence)).length;
}

const ARTICLES = fixtures(400);
const store = build(ARTICLES);
const FROM = Date.parse('2023-12-05T00:00:00Z');
const TO = Date.parse('2024-02-20T23:59:59.999Z');
const inRange = (ts: number | null): ts is number => ts !== null && ts >= FROM && ts <= TO;

describe('entity timelines', () => {
  it.each(INTERVALS)(
    '%s buckets sum to the dated articles and mentions of the entity in the range',
    (interval) => {
      const timeline = entityTimeline(store, 'alpha', { interval, from: FROM, to: TO });
      const dated = ARTICLES.filter((a) => inRange(a.publishedTs) && related(a, 'alpha').length > 0);
      expect(dated.length).toBeGreaterThan(50);
      const sum = (key: 'articles' | 'mentions') =>
        timeline?.buckets.reduce((total, bucket) => total + bucket[key], 0);
      expect(sum('articles')).toBe(dated.length);
      expect(sum('mentions')).toBe(dated.reduce((total, a) => total + related(a, 'alpha').length, 0));
      const undated = ARTICLES.filter((a) => a.publishedTs === null && related(a, 'alpha').length > 0);
      expect(timeline?.undated.articles).toBe(undated.length);
      expect(undated.length).toBeGreaterThan(0);
    },
  );

  it('counts each article in the bucket of its date, empty buckets included as zeros', () => {
    const timeline = entityTimeline(store, 'beta', { interval: 'day', from: FROM, to: TO });
    // 2023-12-05 through 2024-02-20: 78 days, every one present, in order.
    expect(timeline?.buckets).toHaveLength(78);
    timeline?.buckets.forEach((bucket, i) => {
      expect(bucket.start).toBe(new Date(FROM + i * DAY).toISOString().slice(0, 10));
      const expected = ARTICLES.filter(
        (a) =>
          inRange(a.publishedTs) &&
          related(a, 'beta').length > 0 &&
          bucketStart(a.publishedTs, 'day') === FROM + i * DAY,
      );
      expect(bucket.articles).toBe(expected.length);
    });
  });

  it('a pair timeline equals the evidence of the edge in each bucket', () => {
    const timeline = entityTimeline(store, 'alpha', { interval: 'week', from: FROM, to: TO, with: 'gamma' });
    const evidence = ARTICLES.filter(
      (a) => inRange(a.publishedTs) && related(a, 'alpha').length > 0 && related(a, 'gamma').length > 0,
    );
    for (const bucket of timeline?.buckets ?? []) {
      const start = Date.parse(`${bucket.start}T00:00:00Z`);
      const inBucket = evidence.filter((a) => bucketStart(a.publishedTs as number, 'week') === start);
      expect(bucket.articles).toBe(inBucket.length);
      expect(bucket.mentions).toBe(inBucket.reduce((t, a) => t + sharedSentences(a, 'alpha', 'gamma'), 0));
    }
    // Over all time, dated and undated together are the edge's own counts.
    const all = entityTimeline(store, 'alpha', { interval: 'month', with: 'gamma' });
    const edge = edgeBetween(store, 'alpha', 'gamma') as { articles: number; sentences: number };
    const articles = (all?.buckets ?? []).reduce((t, b) => t + b.articles, 0) + (all?.undated.articles ?? 0);
    const sentences = (all?.buckets ?? []).reduce((t, b) => t + b.mentions, 0) + (all?.undated.mentions ?? 0);
    expect([articles, sentences]).toEqual([edge.articles, edge.sentences]);
  });

  it('week buckets start on Monday (ISO 8601), month buckets on the first', () => {
    const weeks = entityTimeline(store, 'delta', { interval: 'week', from: FROM, to: TO });
    expect(weeks?.buckets.length).toBeGreaterThan(10);
    for (const bucket of weeks?.buckets ?? []) {
      expect(new Date(`${bucket.start}T00:00:00Z`).getUTCDay()).toBe(1);
    }
    // 2023-12-05 is a Tuesday: its week starts on Monday the 4th.
    expect(weeks?.buckets[0]?.start).toBe('2023-12-04');
    const months = entityTimeline(store, 'delta', { interval: 'month', from: FROM, to: TO });
    expect(months?.buckets.map((bucket) => bucket.start)).toEqual(['2023-12-01', '2024-01-01', '2024-02-01']);
  });

  it('a Sunday and the Monday after fall in different weeks, across a year boundary too', () => {
    expect(bucketStart(Date.parse('2024-01-07T23:59:59Z'), 'week')).toBe(Date.parse('2024-01-01'));
    expect(bucketStart(Date.parse('2024-01-08T00:00:00Z'), 'week')).toBe(Date.parse('2024-01-08'));
    // 2021-01-01 was a Friday, in the ISO week that began on Monday 2020-12-28.
    expect(bucketStart(Date.parse('2021-01-01T12:00:00Z'), 'week')).toBe(Date.parse('2020-12-28'));
  });

  it("buckets are UTC days whatever the server's own time zone", () => {
    const utc = entityTimeline(store, 'alpha', { interval: 'week', from: FROM, to: TO });
    const saved = process.env.TZ;
    try {
      // Node applies a changed TZ at once: local-time getters would now shift the days.
      for (const zone of ['Pacific/Auckland', 'America/Sao_Paulo']) {
        process.env.TZ = zone;
        expect(new Date(Date.parse('2024-01-07T12:00:00Z')).getHours()).not.toBe(12);
        expect(
          entityTimeline(store, 'alpha', { interval: 'day', from: FROM, to: TO })?.buckets[0]?.start,
        ).toBe('2023-12-05');
        expect(entityTimeline(store, 'alpha', { interval: 'week', from: FROM, to: TO })).toEqual(utc);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('refuses a range of more buckets than allowed, naming the interval', () => {
    expect(() => entityTimeline(store, 'alpha', { interval: 'day', from: 0, to: TO })).toThrow(/^interval: /);
  });

  it('is undefined for an entity that is not in the graph, and empty for one without dated articles', () => {
    expect(entityTimeline(store, 'nobody')).toBeUndefined();
    expect(entityTimeline(store, 'alpha', { with: 'nobody' })).toBeUndefined();
    const undatedOnly = build([{ id: 'u', publishedTs: null, mentions: [['solo', 0, false]] }]);
    expect(entityTimeline(undatedOnly, 'solo')).toEqual({
      interval: 'month',
      undated: { articles: 1, mentions: 1 },
      buckets: [],
    });
  });
});
