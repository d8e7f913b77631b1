// The Meilisearch client as newsgraph uses it. Node's fetch asks for compressed replies, and each one
// stalls about 45 ms on loopback; `Accept-Encoding: identity` brings a search from ~48 ms to ~2 ms.
import { Meilisearch } from 'meilisearch';

export const REQUEST_HEADERS = { 'Accept-Encoding': 'identity' } as const;

/**
 * Sending a batch of documents uploads megabytes to an instance that may be busy indexing the batches
 * before it: in a 10,000-page WARC run one such request took longer than a search's MEILI_TIMEOUT_MS (2 s)
 * and stopped the run. Writes get this long instead; waiting for the task has its own limit.
 */
export const DEFAULTS = { writeTimeoutMs: 120_000 };

/** A client that asks for uncompressed replies and gives up on a request after `timeoutMs`. */
export function createMeiliClient(options: { url: string; apiKey?: string; timeoutMs: number }): Meilisearch {
  return new Meilisearch({
    host: options.url,
    apiKey: options.apiKey,
    timeout: options.timeoutMs,
    requestInit: { headers: { ...REQUEST_HEADERS } },
  });
}

/** The same instance and key as `client`, for writes: its requests may take up to `writeTimeoutMs`. */
export function writerOf(client: Meilisearch): Meilisearch {
  const timeout = Math.max(client.config.timeout ?? 0, DEFAULTS.writeTimeoutMs);
  return new Meilisearch({ ...client.config, timeout });
}
