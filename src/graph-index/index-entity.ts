// An entity's node as the in-memory graph holds it (name, type, articles, mentions), from the graph index:
// articles are the article documents that mention it, mentions add one per article for each further
// mention tier (`<id>#k`, to-graph-documents.ts), and the name and type are the last written article's.
import type { NodeAttributes } from '../graph/types.js';
import type { GraphIndex } from '../search/create-graph-index.js';

export const DEFAULTS = { tiersPerRequest: 16 };

/** The entity's node attributes, or undefined when no article mentions it. */
export async function indexEntity(graph: GraphIndex, id: string): Promise<NodeAttributes | undefined> {
  const [infos, [own]] = await Promise.all([
    graph.latestInfo([id]),
    graph.facets([{ where: { kind: 'article', mentioned: id } }]),
  ]);
  const info = infos.get(id);
  if (!info || !own || own.total === 0) return undefined;
  let mentions = own.total;
  for (let tier = 2; ; tier += DEFAULTS.tiersPerRequest) {
    const tiers = Array.from({ length: DEFAULTS.tiersPerRequest }, (_, i) => `${id}#${tier + i}`);
    const answers = await graph.facets(tiers.map((name) => ({ where: { kind: 'article', tier: name } })));
    for (const answer of answers) mentions += answer.total;
    if ((answers.at(-1)?.total ?? 0) === 0) break;
  }
  return { name: info.name, type: info.type, articles: own.total, mentions };
}
