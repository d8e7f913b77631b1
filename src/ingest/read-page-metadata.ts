// The metadata of a news page: title, published date, author, canonical URL, language and source, each
// from the first place that has it (JSON-LD, then Open Graph and article meta tags, then the markup).
import type { LdArticle } from './find-news-article-ld.js';

export interface PageMetadata {
  title: string | null;
  published: string | null;
  author: string | null;
  url: string | null;
  lang: string | null;
  source: string | null;
}

/**
 * The content of each meta tag's property and name, the first tag in the page for each: one pass over the
 * page, where a look-up per name walked all of it each time it was missing.
 */
function metaContents(document: Document): Map<string, string> {
  const contents = new Map<string, string>();
  for (const element of document.querySelectorAll('meta')) {
    const content = element.getAttribute('content')?.trim() ?? '';
    for (const key of [element.getAttribute('property'), element.getAttribute('name')]) {
      if (key !== null && !contents.has(key)) contents.set(key, content);
    }
  }
  return contents;
}

/** The content of the first meta tag of the first name that has one, not empty. */
function meta(contents: Map<string, string>, ...names: string[]): string | null {
  for (const name of names) {
    const content = contents.get(name);
    if (content) return content;
  }
  return null;
}

/** Text with its character references decoded: JSON-LD often carries "&#8217;" and "&amp;". */
function decoded(document: Document, value: string | null | undefined): string | null {
  if (!value) return null;
  if (!value.includes('&') && !value.includes('<')) return value.trim();
  const holder = document.createElement('div');
  holder.innerHTML = value;
  return holder.textContent?.replace(/\s+/g, ' ').trim() || null;
}

function absolute(href: string | null | undefined, base: string | null): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base ?? undefined);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function language(value: string | null | undefined): string | null {
  const match = /^([a-z]{2,3})(?:[-_]|$)/i.exec(value?.trim() ?? '');
  return match?.[1]?.toLowerCase() ?? null;
}

/** Reads the page's metadata; `pageUrl` is where the page came from, when known. */
export function readPageMetadata(
  document: Document,
  ld: LdArticle | null,
  pageUrl: string | null,
): PageMetadata {
  const metas = metaContents(document);
  const url =
    absolute(document.querySelector('link[rel="canonical"]')?.getAttribute('href'), pageUrl) ??
    absolute(meta(metas, 'og:url'), pageUrl) ??
    absolute(ld?.url, pageUrl) ??
    pageUrl;
  const time = document.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime');
  const host = url ? new URL(url).hostname.replace(/^www\./, '') : null;
  const title =
    ld?.headline ??
    meta(metas, 'og:title', 'twitter:title') ??
    document.querySelector('title')?.textContent?.trim() ??
    null;
  return {
    title: decoded(document, title),
    published:
      ld?.published ??
      meta(metas, 'article:published_time', 'og:published_time', 'datePublished', 'date', 'pubdate') ??
      time ??
      null,
    author: decoded(
      document,
      ld && ld.authors.length > 0 ? ld.authors.join(', ') : meta(metas, 'author', 'article:author'),
    ),
    url,
    lang:
      language(document.documentElement.getAttribute('lang')) ??
      language(ld?.lang) ??
      language(meta(metas, 'og:locale', 'content-language')),
    source: decoded(document, meta(metas, 'og:site_name', 'application-name') ?? ld?.publisher ?? host),
  };
}
