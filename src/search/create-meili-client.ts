// The Meilisearch client as newsgraph uses it. Node's fetch asks for compressed replies, and each one
// stalls about 45 ms on loopback; `Accept-Encoding: identity` brings a search from ~48 ms to ~2 ms.
import { Meilisearch } from 'meilisearch';

export const REQUEST_HEADERS = { 'Accept-Encoding': 'identity' } as const;

/** A client that asks for uncompressed replies and gives up on a request after `timeoutMs`. */
export function createMeiliClient(options: { url: string; apiKey?: string; timeoutMs: number }): Meilisearch {
  return new Meilisearch({
    host: options.url,
    apiKey: options.apiKey,
    timeout: options.timeoutMs,
    requestInit: { headers: { ...REQUEST_HEADERS } },
  });
}
