// Within one article, a bare surname after a full name is the same person: "Joe Biden ... Biden",
// "Mike Lynch ... Lynchs Yacht". A surname shared by two people of the article stays unresolved.
import { genitiveStems, normalizeToken, startsUpperCase } from './normalize-token.js';
import type { Token } from './types.js';

export interface LinkedSpan {
  start: number;
  end: number;
  entityId: string;
  type: string;
}

/** Spans for the untaken tokens that are the surname of a person named in full among `spans`. */
export function resolveSurnames(
  tokens: readonly Token[],
  taken: readonly boolean[],
  spans: readonly LinkedSpan[],
): LinkedSpan[] {
  const bySurname = new Map<string, string | null>();
  for (const span of spans) {
    if (span.type !== 'person' || span.end - span.start < 2) continue;
    const surname = normalizeToken(tokens[span.end - 1]?.value ?? '');
    const known = bySurname.get(surname);
    bySurname.set(surname, known === undefined || known === span.entityId ? span.entityId : null);
  }
  if (bySurname.size === 0) return [];
  const found: LinkedSpan[] = [];
  tokens.forEach((token, i) => {
    if (taken[i] || !startsUpperCase(token.value)) return;
    const key = normalizeToken(token.value);
    for (const form of [key, ...genitiveStems(key)]) {
      const entityId = bySurname.get(form);
      if (entityId) {
        found.push({ start: i, end: i + 1, entityId, type: 'person' });
        return;
      }
    }
  });
  return found;
}
