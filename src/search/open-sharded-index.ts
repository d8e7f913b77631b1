// Opens the sharded set-up of MEILI_REMOTES: with each instance's master key, once, it finds or creates two
// scoped keys there (the API's, and a search-only one the other instances hold), declares the network on
// every instance, and returns the sharded SearchIndex, which uses the scoped keys only.
import { MeilisearchApiError, MeilisearchRequestError, MeilisearchRequestTimeOutError } from 'meilisearch';
import type { MeiliRemote } from '../config.js';
import { SearchUnavailableError } from '../errors.js';
import type { Logger } from '../logger.js';
import { configureNetwork, type NetworkMember } from './configure-network.js';
import { createMeiliClient } from './create-meili-client.js';
import type { SearchIndex } from './create-search-index.js';
import { createShardedSearchIndex } from './create-sharded-search-index.js';
import { ensureScopedKey } from './ensure-scoped-key.js';

export const DEFAULTS = { adminTimeoutMs: 30_000 };

async function openMember(
  remote: MeiliRemote,
  prefix: string,
  logger: Logger,
): Promise<NetworkMember & { apiKey: string }> {
  const admin = createMeiliClient({
    url: remote.url,
    apiKey: remote.key,
    timeoutMs: DEFAULTS.adminTimeoutMs,
  });
  try {
    const apiKey = await ensureScopedKey(admin, prefix, 'api');
    const searchKey = await ensureScopedKey(admin, prefix, 'search');
    return { name: remote.name, url: remote.url, admin, apiKey, searchKey };
  } catch (cause) {
    if (cause instanceof MeilisearchRequestError || cause instanceof MeilisearchRequestTimeOutError) {
      throw new SearchUnavailableError(`search: ${remote.name} (${remote.url}) is unreachable`, { cause });
    }
    if (!(cause instanceof MeilisearchApiError)) throw cause;
    logger.warn(
      `meili: cannot create scoped keys on ${remote.name} (is its MEILI_REMOTES key the master key?); using the key given`,
    );
    return { name: remote.name, url: remote.url, admin, apiKey: remote.key, searchKey: remote.key };
  }
}

/** Keys, network and the sharded index over `remotes`; the first one receives the federated searches. */
export async function openShardedIndex(
  remotes: readonly MeiliRemote[],
  options: { prefix: string; timeoutMs: number; neighbourLists?: boolean; cacheMb?: number; logger: Logger },
): Promise<{ search: SearchIndex; searchKey: string }> {
  const members = await Promise.all(
    remotes.map((remote) => openMember(remote, options.prefix, options.logger)),
  );
  await configureNetwork(members);
  options.logger.info(
    `meili: ${members.length} instances, articles sharded by id; federated searches go to ${members[0]?.name}`,
  );
  const search = createShardedSearchIndex(
    members.map((member) => ({
      name: member.name,
      client: createMeiliClient({ url: member.url, apiKey: member.apiKey, timeoutMs: options.timeoutMs }),
    })),
    options.prefix,
    { neighbourLists: options.neighbourLists, cacheMb: options.cacheMb },
  );
  return { search, searchKey: members[0]?.apiKey ?? '' };
}
