// Fetches one URL for ingest, within limits: a time-out for the whole exchange, a maximum size, a number
// of redirects, and the content types newsgraph reads. Every address a host resolves to is checked as the
// connection is made (so a DNS answer cannot change between check and use), on every redirect: private,
// loopback and link-local addresses are refused with url_not_allowed unless the host is in allowHosts.
import http from 'node:http';
import https from 'node:https';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { NewsgraphError } from '../errors.js';
import { isPublicAddress } from './is-public-address.js';

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Hosts (names or addresses) that may resolve to private addresses: FETCH_ALLOW_HOSTS. */
  allowHosts: readonly string[];
  userAgent: string;
}

export interface Fetched {
  /** The URL after redirects. */
  url: string;
  status: number;
  contentType: string;
  body: Buffer;
  etag: string | null;
  lastModified: string | null;
}

export interface Conditional {
  etag?: string | null;
  lastModified?: string | null;
}

/** A fetch refused or failed; `code` says which limit or rule: url_not_allowed, fetch_timeout, … */
export class FetchError extends NewsgraphError {
  /** The HTTP status of an answer outside 2xx (fetch_failed), so callers can tell 404 from 503. */
  status?: number;

  constructor(code: string, message: string, options?: { cause?: unknown; status?: number }) {
    super(code, message, options);
    this.status = options?.status;
  }
}

/**
 * The content types feeds are served with: RSS, RDF (RSS 1.0), Atom and JSON Feed, under their registered
 * names and the `x-` ones many servers still send (Python's and Apache's defaults for `.rss`), and plain XML
 * or JSON.
 */
export const FEED_TYPES =
  /^((application|text)\/(x-)?(rss|rdf|atom|feed)\+xml|application\/xml|text\/xml|application\/(feed\+)?json)\b/i;
const PAGE_TYPES = /^(text\/html|application\/xhtml\+xml|text\/plain)\b/i;
const isReadable = (contentType: string): boolean =>
  PAGE_TYPES.test(contentType) || FEED_TYPES.test(contentType);

function guardedLookup(host: string, allowHosts: readonly string[]): LookupFunction {
  const allowed = allowHosts.includes(host.toLowerCase().replace(/^\[|\]$/g, ''));
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as LookupAddress[];
      const refused = list.find((entry) => !allowed && !isPublicAddress(entry.address));
      if (refused) {
        const denial = new FetchError(
          'url_not_allowed',
          `fetch: ${hostname} resolves to ${refused.address}, a private or local address (allow it with FETCH_ALLOW_HOSTS)`,
        );
        return callback(denial, '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      const first = list[0] as LookupAddress;
      callback(null, first.address, first.family);
    });
  };
}

function once(
  target: URL,
  limits: FetchLimits,
  conditional: Conditional,
  deadline: number,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  const literal = target.hostname.replace(/^\[|\]$/g, '');
  const allowed = limits.allowHosts.includes(literal.toLowerCase());
  // An address in the URL is connected to without a lookup, so it is checked here.
  if (isIP(literal) && !allowed && !isPublicAddress(literal)) {
    return Promise.reject(
      new FetchError(
        'url_not_allowed',
        `fetch: ${literal} is a private or local address (allow it with FETCH_ALLOW_HOSTS)`,
      ),
    );
  }
  return new Promise((resolve, reject) => {
    const client = target.protocol === 'https:' ? https : http;
    const headers: Record<string, string> = {
      'user-agent': limits.userAgent,
      accept:
        'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, */*;q=0.5',
    };
    if (conditional.etag) headers['if-none-match'] = conditional.etag;
    if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
    let settled = false;
    const request = client.get(target, {
      headers,
      lookup: guardedLookup(target.hostname, limits.allowHosts),
    });
    // Settles once: the first error wins, and the connection is dropped with it.
    const fail = (error: Error): void => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      request.destroy();
      reject(
        error instanceof FetchError
          ? error
          : new FetchError('fetch_failed', `fetch: ${target.href}: ${error.message}`, { cause: error }),
      );
    };
    const timer = setTimeout(
      () =>
        fail(
          new FetchError('fetch_timeout', `fetch: ${target.href} took longer than ${limits.timeoutMs} ms`),
        ),
      Math.max(1, deadline - Date.now()),
    );
    request.on('error', fail);
    request.on('response', (response) => {
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > limits.maxBytes) {
        fail(
          new FetchError(
            'fetch_too_large',
            `fetch: ${target.href} is ${declared} bytes, more than ${limits.maxBytes}`,
          ),
        );
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxBytes) {
          fail(
            new FetchError('fetch_too_large', `fetch: ${target.href} is more than ${limits.maxBytes} bytes`),
          );
          return;
        }
        chunks.push(chunk);
      });
      response.on('error', fail);
      response.on('end', () => {
        clearTimeout(timer);
        if (settled) return;
        settled = true;
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) });
      });
    });
  });
}

/** The parsed URL if it is http(s) and names no credentials; else url_not_allowed. */
export function checkUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError('url_not_allowed', `fetch: "${raw.slice(0, 200)}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError(
      'url_not_allowed',
      `fetch: only http and https URLs are fetched, not ${url.protocol}`,
    );
  }
  if (url.username || url.password)
    throw new FetchError('url_not_allowed', 'fetch: URLs with credentials are not fetched');
  return url;
}

/**
 * Fetches `raw` following up to maxRedirects redirects. A 304 answer to a conditional request comes back
 * with status 304 and an empty body; other statuses outside 2xx are fetch_failed.
 */
export async function fetchUrl(
  raw: string,
  limits: FetchLimits,
  conditional: Conditional = {},
): Promise<Fetched> {
  const deadline = Date.now() + limits.timeoutMs;
  let target = checkUrl(raw);
  for (let redirects = 0; ; redirects++) {
    const { status, headers, body } = await once(target, limits, conditional, deadline);
    const etag = (headers.etag as string | undefined) ?? null;
    const lastModified = (headers['last-modified'] as string | undefined) ?? null;
    if (status >= 300 && status < 400 && status !== 304) {
      const location = headers.location;
      if (!location)
        throw new FetchError('fetch_failed', `fetch: ${target.href} answered ${status} without a Location`);
      if (redirects >= limits.maxRedirects) {
        throw new FetchError(
          'too_many_redirects',
          `fetch: ${raw} redirects more than ${limits.maxRedirects} times`,
        );
      }
      target = checkUrl(new URL(location, target).href);
      continue;
    }
    if (status === 304) return { url: target.href, status, contentType: '', body, etag, lastModified };
    if (status < 200 || status >= 300)
      throw new FetchError('fetch_failed', `fetch: ${target.href} answered ${status}`, { status });
    const contentType = (headers['content-type'] as string | undefined) ?? '';
    if (!isReadable(contentType)) {
      throw new FetchError(
        'unsupported_content_type',
        `fetch: ${target.href} is ${contentType || 'of no declared type'}, not a page or feed`,
      );
    }
    return { url: target.href, status, contentType, body, etag, lastModified };
  }
}
