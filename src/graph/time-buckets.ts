// Calendar buckets for timelines, in UTC: a day starts at midnight, an ISO 8601 week on Monday, a month on
// its first day. Timestamps are epoch ms, so an article's own time zone has already been applied when its
// `published` was parsed ("23:30-02:00" on a Sunday is 01:30 UTC on Monday, in Monday's bucket).

export const INTERVALS = ['day', 'week', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];

const DAY = 86_400_000;

/** The start (epoch ms) of the bucket holding `ts`. */
export function bucketStart(ts: number, interval: Interval): number {
  const date = new Date(ts);
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  if (interval === 'day') return midnight;
  if (interval === 'month') return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  // getUTCDay: Sunday 0 … Saturday 6; days since Monday:
  return midnight - ((date.getUTCDay() + 6) % 7) * DAY;
}

/** The start of the bucket after the one starting at `start`. */
export function nextBucket(start: number, interval: Interval): number {
  if (interval === 'day') return start + DAY;
  if (interval === 'week') return start + 7 * DAY;
  const date = new Date(start);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

/** How many buckets [from, to] spans, without building them (to refuse huge ranges up front). */
export function countBuckets(from: number, to: number, interval: Interval): number {
  const first = bucketStart(from, interval);
  const last = bucketStart(to, interval);
  if (interval === 'day') return (last - first) / DAY + 1;
  if (interval === 'week') return (last - first) / (7 * DAY) + 1;
  const a = new Date(first);
  const b = new Date(last);
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth() + 1;
}

/** The bucket starts from the one holding `from` through the one holding `to`, oldest first. */
export function bucketStarts(from: number, to: number, interval: Interval): number[] {
  const starts: number[] = [];
  for (let start = bucketStart(from, interval); start <= to; start = nextBucket(start, interval)) {
    starts.push(start);
  }
  return starts;
}
