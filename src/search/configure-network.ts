// Declares the instances of a sharded set-up to each other, so that a federated /multi-search on any of
// them can query the rest: the `network` experimental feature on every instance, then `PATCH /network` with
// its own name as `self` and every instance (URL and a search-only key) as `remotes`. Needs master keys.
import type { Meilisearch } from 'meilisearch';
import { NewsgraphError } from '../errors.js';

export interface NetworkMember {
  name: string;
  url: string;
  /** A client with the instance's master key: enabling features and the network needs it. */
  admin: Meilisearch;
  /** The key the other instances search this one with. */
  searchKey: string;
}

/** Enables the network feature and writes the same remotes (each with its own `self`) on every member. */
export async function configureNetwork(members: readonly NetworkMember[]): Promise<void> {
  const remotes = Object.fromEntries(
    members.map((member) => [member.name, { url: member.url, searchApiKey: member.searchKey }]),
  );
  await Promise.all(
    members.map(async (member) => {
      const features = await member.admin.updateExperimentalFeatures({ network: true });
      if (features.network !== true) {
        throw new NewsgraphError('search_error', `search: ${member.name} did not enable the network feature`);
      }
      // The answer echoes every search key: read only the names from it, never log or return it.
      const network = await member.admin.updateNetwork({ self: member.name, remotes });
      const names = 'remotes' in network ? Object.keys(network.remotes ?? {}) : [];
      if (!('self' in network) || network.self !== member.name || names.length !== members.length) {
        throw new NewsgraphError('search_error', `search: ${member.name} did not accept the network`);
      }
    }),
  );
}
