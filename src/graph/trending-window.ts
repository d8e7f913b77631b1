// Which dates "trending" compares. By default the last 7 days up to now; when the index holds nothing
// published in those days (an archive, such as the corpus of 2004–2022), the 7 days up to its newest dated
// article instead, and the answer says so. The baseline is the window of the same length just before,
// unless given.

export interface WindowRequest {
  from?: number;
  to?: number;
  baselineFrom?: number;
  baselineTo?: number;
}

export interface ResolvedWindow {
  from: number;
  to: number;
  baselineFrom: number;
  baselineTo: number;
  /** True when the default window was moved back to end at the newest dated article. */
  anchoredToNewest: boolean;
}

export const DEFAULTS = { days: 7 };

const DAY = 86_400_000;

/** The newest of the graph's article dates (NaN for undated), or undefined when none is dated. */
export function newestPublished(dates: ArrayLike<number>): number | undefined {
  let newest = -Infinity;
  for (let i = 0; i < dates.length; i++) if ((dates[i] as number) > newest) newest = dates[i] as number;
  return newest === -Infinity ? undefined : newest;
}

/** Resolves the window: `request.from`/`to` come together or not at all (the router checks). */
export function trendingWindow(
  request: WindowRequest,
  now: number,
  newest: number | undefined,
  days = DEFAULTS.days,
): ResolvedWindow {
  let { from, to } = request;
  let anchoredToNewest = false;
  if (from === undefined || to === undefined) {
    to = now;
    if (newest !== undefined && newest <= now - days * DAY) {
      to = newest;
      anchoredToNewest = true;
    }
    from = to - days * DAY + 1;
  }
  const length = to - from + 1;
  const baselineFrom = request.baselineFrom ?? from - length;
  const baselineTo = request.baselineTo ?? from - 1;
  return { from, to, baselineFrom, baselineTo, anchoredToNewest };
}
