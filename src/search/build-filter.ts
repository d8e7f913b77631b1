// Builds Meilisearch filter expressions from typed values only. Every string is quoted with its quotes and
// backslashes escaped, so user input such as `x" OR lang = "en` stays a value and never becomes syntax.

/** A filter string literal: "…" with \ and " escaped. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export interface FilterInput {
  lang?: readonly string[];
  source?: readonly string[];
  url?: readonly string[];
  /** Every entity must be mentioned (AND). */
  entity?: readonly string[];
  from?: number;
  to?: number;
  ids?: readonly string[];
  seqAbove?: number;
  /** Any of these fingerprint band keys. */
  bands?: readonly string[];
  /** Copies of this article. */
  duplicateOf?: string;
  /** First indexed before this write sequence. */
  firstSeqBelow?: number;
}

/** The filter expressions for the given constraints, to be joined with AND by Meilisearch. */
export function buildFilter(input: FilterInput): string[] {
  const filters: string[] = [];
  const anyOf = (field: string, values: readonly string[] | undefined): void => {
    if (values && values.length > 0) filters.push(`${field} IN [${values.map(quote).join(', ')}]`);
  };
  anyOf('lang', input.lang);
  anyOf('source', input.source);
  anyOf('url', input.url);
  anyOf('id', input.ids);
  anyOf('fingerprintBands', input.bands);
  if (input.firstSeqBelow !== undefined) filters.push(`firstSeq < ${Number(input.firstSeqBelow)}`);
  if (input.duplicateOf !== undefined) filters.push(`duplicateOf = ${quote(input.duplicateOf)}`);
  for (const entity of input.entity ?? []) filters.push(`entities = ${quote(entity)}`);
  if (input.from !== undefined) filters.push(`publishedTs >= ${Number(input.from)}`);
  if (input.to !== undefined) filters.push(`publishedTs <= ${Number(input.to)}`);
  if (input.seqAbove !== undefined) filters.push(`seq > ${Number(input.seqAbove)}`);
  return filters;
}
