// Structured data many news pages carry: the JSON-LD object of type NewsArticle (or Article, BlogPosting,
// …) with articleBody, headline, datePublished and author. Scripts that are not valid JSON are skipped.

export interface LdArticle {
  body: string | null;
  description: string | null;
  headline: string | null;
  published: string | null;
  authors: string[];
  publisher: string | null;
  lang: string | null;
  url: string | null;
}

const ARTICLE_TYPES =
  /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|LiveBlogPosting|BlogPosting|Report|TechArticle|SatiricalArticle)$/;

function* walk(value: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(value)) {
    for (const item of value) yield* walk(item);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const node = value as Record<string, unknown>;
  yield node;
  if (node['@graph'] !== undefined) yield* walk(node['@graph']);
  if (node.mainEntity !== undefined) yield* walk(node.mainEntity);
}

function isArticle(node: Record<string, unknown>): boolean {
  const type = node['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.some((item) => typeof item === 'string' && ARTICLE_TYPES.test(item));
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (Array.isArray(value)) return text(value[0]);
  return null;
}

function names(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return items.flatMap((item: unknown) => {
    if (typeof item === 'string') return item.trim() === '' ? [] : [item.trim()];
    const name = text((item as { name?: unknown } | null)?.name);
    return name ? [name] : [];
  });
}

/** The first article object in the page's JSON-LD scripts, or null. */
export function findNewsArticleLd(document: Document): LdArticle | null {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    for (const node of walk(parsed)) {
      if (!isArticle(node)) continue;
      return {
        body: text(node.articleBody),
        description: text(node.description),
        headline: text(node.headline) ?? text(node.name),
        published: text(node.datePublished) ?? text(node.dateCreated),
        authors: names(node.author),
        publisher: names(node.publisher)[0] ?? null,
        lang: text(node.inLanguage),
        url: text(node.url) ?? text((node.mainEntityOfPage as { '@id'?: unknown } | null)?.['@id']),
      };
    }
  }
  return null;
}
