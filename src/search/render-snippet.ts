// Snippets reach browsers, so the article text in them is HTML-escaped and the only markup left is the
// <mark> around matches. Meilisearch marks matches with control characters that cannot occur in text.

export const SNIPPET_TAGS = { pre: '\u0002', post: '\u0003' } as const;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** Escapes a Meilisearch-formatted text and turns its match markers into <mark> tags. */
export function renderSnippet(formatted: string): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  return escapeHtml(formatted.replace(/[\u0000\u0001\u0004-\u0008]/g, ''))
    .replaceAll(SNIPPET_TAGS.pre, '<mark>')
    .replaceAll(SNIPPET_TAGS.post, '</mark>');
}
