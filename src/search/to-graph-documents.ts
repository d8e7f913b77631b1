// What the graph index (index mode, docs/index-mode.md) holds of an article: one document for the article,
// with the entities it relates (outside page furniture, none for a copy of another story), those it
// mentions at all, and one token per mention beyond the first; and one document per sentence that relates
// two entities or more. Facet counts over these are the co-occurrence graph's counts, exactly.
import { createHash } from 'node:crypto';
import type { EntityInfo } from '../entities/types.js';
import type { GraphFields } from './types.js';

export interface GraphDocument {
  /** `a_<sha1 of the article id>` or `s_<sha1>_<sentence>`: article ids may hold characters ids may not. */
  id: string;
  kind: 'article' | 'sentence';
  article: string;
  seq: number;
  publishedTs: number | null;
  /** Entities related here: outside page furniture, and not in a copy of another article's story. */
  related: string[];
  /** Article documents only: every entity mentioned (page furniture too), as the graph's node counts. */
  mentioned?: string[];
  /** Article documents only: `<entity id>#<k>` for the k-th mention, k ≥ 2, so that facets sum mentions. */
  tiers?: string[];
  /** Article documents only: the same for mentions outside page furniture (timelines count those). */
  relatedTiers?: string[];
  /** Article documents only: names and types of the mentioned entities (retrieved, never searched). */
  info?: EntityInfo[];
  /** Article documents only: pairs of related entities, for the size estimate of GRAPH_MODE=auto. */
  pairs?: number;
}

/** The id prefix shared by the graph documents of one article. */
/** The entity a mention tier `<id>#<k>` belongs to (ids may hold '#': the tier's is the last). */
export function tierEntity(tier: string): string {
  return tier.slice(0, tier.lastIndexOf('#'));
}

export function graphKey(articleId: string): string {
  return createHash('sha1').update(articleId).digest('hex');
}

export function toGraphDocuments(doc: GraphFields): GraphDocument[] {
  const key = graphKey(doc.id);
  const base = { article: doc.id, seq: doc.seq, publishedTs: doc.publishedTs };
  if (doc.duplicateOf) {
    return [
      {
        id: `a_${key}`,
        kind: 'article',
        ...base,
        related: [],
        mentioned: [],
        tiers: [],
        relatedTiers: [],
        info: [],
        pairs: 0,
      },
    ];
  }
  const known = new Set(doc.entityInfo.map((info) => info.id));
  const mentions = new Map<string, number>();
  const ownMentions = new Map<string, number>();
  const related = new Set<string>();
  const bySentence = new Map<number, Set<string>>();
  for (const mention of doc.mentions) {
    if (!known.has(mention.entityId)) continue;
    mentions.set(mention.entityId, (mentions.get(mention.entityId) ?? 0) + 1);
    if (mention.furniture) continue;
    ownMentions.set(mention.entityId, (ownMentions.get(mention.entityId) ?? 0) + 1);
    related.add(mention.entityId);
    let ids = bySentence.get(mention.sentence);
    if (!ids) bySentence.set(mention.sentence, (ids = new Set()));
    ids.add(mention.entityId);
  }
  const tiersOf = (counts: Map<string, number>): string[] => {
    const tiers: string[] = [];
    for (const [id, count] of counts) for (let k = 2; k <= count; k++) tiers.push(`${id}#${k}`);
    return tiers;
  };
  const docs: GraphDocument[] = [
    {
      id: `a_${key}`,
      kind: 'article',
      ...base,
      related: [...related],
      mentioned: [...mentions.keys()],
      tiers: tiersOf(mentions),
      relatedTiers: tiersOf(ownMentions),
      info: doc.entityInfo.filter((info) => mentions.has(info.id)),
      pairs: (related.size * (related.size - 1)) / 2,
    },
  ];
  for (const [sentence, ids] of bySentence) {
    if (ids.size < 2) continue;
    docs.push({ id: `s_${key}_${sentence}`, kind: 'sentence', ...base, related: [...ids] });
  }
  return docs;
}
