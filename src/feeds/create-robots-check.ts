// robots.txt for the feeds newsgraph polls: fetched within the same limits and address rules as the feed,
// kept an hour per site, and read with robots-parser for the user agent "newsgraph". As crawlers commonly
// do: no robots.txt (4xx) or one that is not text allows everything; a server error or a failed fetch
// allows nothing for now (the poll fails and is retried with back-off).
import robotsParser from 'robots-parser';
import { fetchUrl, FetchError, type FetchLimits } from '../ingest/fetch-url.js';

export const DEFAULTS = { keepMs: 60 * 60_000, agent: 'newsgraph' };

type Rules = { isAllowed(url: string, ua?: string): boolean | undefined } | 'all' | 'none';

/** A check `(url) => allowed`; throws the robots.txt fetch's error when that failed. */
export function createRobotsCheck(limits: FetchLimits): (url: string) => Promise<boolean> {
  const sites = new Map<string, { rules: Rules; until: number; error?: FetchError }>();

  const load = async (origin: string): Promise<{ rules: Rules; error?: FetchError }> => {
    const robotsUrl = `${origin}/robots.txt`;
    try {
      const fetched = await fetchUrl(robotsUrl, limits);
      return { rules: robotsParser(robotsUrl, fetched.body.toString('utf8')) };
    } catch (cause) {
      if (!(cause instanceof FetchError)) throw cause;
      const absent = cause.status !== undefined && cause.status >= 400 && cause.status < 500;
      if (absent || cause.code === 'unsupported_content_type') return { rules: 'all' };
      return { rules: 'none', error: cause };
    }
  };

  return async (url) => {
    const { origin } = new URL(url);
    let site = sites.get(origin);
    if (!site || site.until < Date.now()) {
      const loaded = await load(origin);
      // A failure is not kept: the next poll asks again.
      site = { ...loaded, until: loaded.error ? 0 : Date.now() + DEFAULTS.keepMs };
      sites.set(origin, site);
    }
    if (site.error) throw site.error;
    if (site.rules === 'all') return true;
    if (site.rules === 'none') return false;
    return site.rules.isAllowed(url, DEFAULTS.agent) !== false;
  };
}
