// "Since when, and how much": an entity's articles and mentions per day, week or month, or with a second
// entity the articles and sentences that mention both (the edge's evidence, bucket by bucket). Read from
// the postings (article numbers per entity) and the stored articles' dates, so nothing asks the index.
import { InvalidParameterError } from '../errors.js';
import { mentionRun } from './article-table.js';
import { postingsOf } from './postings.js';
import { sharedArticleCounts } from './shared-articles.js';
import { bucketStarts, countBuckets, type Interval } from './time-buckets.js';
import { MENTION_INTS, type CooccurrenceGraph } from './types.js';

export interface TimelineOptions {
  interval: Interval;
  /** Epoch ms, inclusive; without them the range runs from the first dated article to the last. */
  from?: number;
  to?: number;
  /** A second entity: count the articles and sentences that mention both. */
  with?: string;
  maxBuckets: number;
}

export interface TimelineCounts {
  articles: number;
  /** Mentions of the entity; with a second entity, the sentences that mention both. */
  mentions: number;
}

export interface Timeline {
  interval: Interval;
  undated: TimelineCounts;
  /** Every bucket of the range, empty ones included, oldest first; `start` is YYYY-MM-DD (UTC). */
  buckets: Array<{ start: string } & TimelineCounts>;
}

export const DEFAULTS: TimelineOptions = { interval: 'month', maxBuckets: 10_000 };

/** Mentions of entity `entity` outside page furniture in one article's run. */
function mentionsIn(run: Int32Array, entity: number): number {
  let count = 0;
  for (let m = 0; m < run.length; m += MENTION_INTS) {
    if (run[m] === entity && ((run[m + 1] as number) & 1) === 0) count += 1;
  }
  return count;
}

/**
 * Dates with what occurred then, side by side: `dates` (epoch ms, NaN when undated), the articles of each
 * and their mentions (with a second entity, their shared sentences).
 */
export interface Occurrences {
  dates: number[];
  articles: number[];
  mentions: number[];
}

/** Each article of the entity (or of the pair): its date (NaN when undated) and its count, side by side. */
function occurrences(store: CooccurrenceGraph, x: number, y: number | undefined): Occurrences {
  const dates: number[] = [];
  const mentions: number[] = [];
  const published = store.articles.dates;
  if (y !== undefined) {
    const shared = sharedArticleCounts(store, x, y);
    shared.numbers.forEach((number, i) => {
      dates.push(published[number] as number);
      mentions.push(shared.sentences[i] as number);
    });
  } else {
    for (const number of postingsOf(store, x)) {
      dates.push(published[number] as number);
      mentions.push(mentionsIn(mentionRun(store, number), x));
    }
  }
  return { dates, articles: dates.map(() => 1), mentions };
}

/**
 * The timeline of `id` (with `options.with`, of the pair), or undefined when either entity is not in the
 * graph. Articles count where the entity occurs outside page furniture, as they do for its links.
 */
export function entityTimeline(
  store: CooccurrenceGraph,
  id: string,
  options: Partial<TimelineOptions> = {},
): Timeline | undefined {
  const { numbers } = store.entities;
  const other = options.with;
  const [x, y] = [numbers.get(id), other === undefined ? undefined : numbers.get(other)];
  if (x === undefined || (other !== undefined && y === undefined)) return undefined;
  return bucketTimeline(occurrences(store, x, y), options);
}

/**
 * Occurrences counted into the buckets of `options.interval` over [from, to] (without them, the dated
 * occurrences' range), empty buckets included; undated ones apart, whatever the range. Memory mode and
 * index mode (src/graph-index/index-timeline.ts) both count through it.
 */
export function bucketTimeline(found: Occurrences, options: Partial<TimelineOptions> = {}): Timeline {
  const { interval, from, to, maxBuckets } = { ...DEFAULTS, ...options };
  const dates = [...found.dates];
  const { articles, mentions: counts } = found;
  const undated: TimelineCounts = { articles: 0, mentions: 0 };
  let [earliest, latest] = [Infinity, -Infinity];
  dates.forEach((published, i) => {
    if (Number.isNaN(published)) {
      undated.articles += articles[i] as number;
      undated.mentions += counts[i] as number;
    } else if ((from === undefined || published >= from) && (to === undefined || published <= to)) {
      earliest = Math.min(earliest, published);
      latest = Math.max(latest, published);
    } else {
      dates[i] = NaN; // out of range: the bucketing below skips it
    }
  });
  const first = from ?? earliest;
  const last = to ?? latest;
  if (!Number.isFinite(first) || !Number.isFinite(last) || first > last) {
    return { interval, undated, buckets: [] };
  }
  const count = countBuckets(first, last, interval);
  if (count > maxBuckets) {
    throw new InvalidParameterError(
      'interval',
      `${count} ${interval} buckets from ${isoDay(first)} to ${isoDay(last)}, at most ${maxBuckets}: ` +
        'choose a longer interval or a shorter from/to',
    );
  }
  const starts = bucketStarts(first, last, interval);
  const buckets = starts.map((start) => ({ start: isoDay(start), articles: 0, mentions: 0 }));
  dates.forEach((published, i) => {
    if (Number.isNaN(published)) return;
    // The last bucket starting at or before `published`.
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= published) low = mid;
      else high = mid - 1;
    }
    const bucket = buckets[low] as (typeof buckets)[number];
    bucket.articles += articles[i] as number;
    bucket.mentions += counts[i] as number;
  });
  return { interval, undated, buckets };
}

function isoDay(ts: number): string {
  return new Date(ts).toISOString().slice(0, 10);
}
