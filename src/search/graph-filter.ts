// Filters over the graph index (to-graph-documents.ts) from typed values only: every id is quoted, so an
// entity id such as `x" OR kind = "sentence` stays a value and never becomes syntax.
import { quote } from './build-filter.js';

export interface GraphWhere {
  kind: 'article' | 'sentence';
  /** Every one of these entities is related in the document (AND). */
  related?: readonly string[];
  /** At least one of these entities is related in the document too. */
  relatedAny?: readonly string[];
  /** This entity is mentioned (article documents). */
  mentioned?: string;
  /** At least one of these entities is mentioned (article documents). */
  mentionedAny?: readonly string[];
  /** This mention tier, `<entity id>#<k>` (article documents). */
  tier?: string;
  /** This tier of the mentions outside page furniture (article documents). */
  relatedTier?: string;
  /** Only these articles. */
  articles?: readonly string[];
  /** Published in [from, to], epoch ms; undated documents fall outside every range. */
  from?: number;
  to?: number;
}

export function graphFilter(where: GraphWhere): string[] {
  const filters = [`kind = ${quote(where.kind)}`];
  for (const id of where.related ?? []) filters.push(`related = ${quote(id)}`);
  if (where.relatedAny) filters.push(`related IN [${where.relatedAny.map(quote).join(', ')}]`);
  if (where.mentioned !== undefined) filters.push(`mentioned = ${quote(where.mentioned)}`);
  if (where.mentionedAny) filters.push(`mentioned IN [${where.mentionedAny.map(quote).join(', ')}]`);
  if (where.tier !== undefined) filters.push(`tiers = ${quote(where.tier)}`);
  if (where.relatedTier !== undefined) filters.push(`relatedTiers = ${quote(where.relatedTier)}`);
  if (where.articles) filters.push(`article IN [${where.articles.map(quote).join(', ')}]`);
  if (where.from !== undefined) filters.push(`publishedTs >= ${Number(where.from)}`);
  if (where.to !== undefined) filters.push(`publishedTs <= ${Number(where.to)}`);
  return filters;
}
