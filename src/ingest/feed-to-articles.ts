// The items of an RSS 2.0, Atom or JSON Feed document as articles (feedsmith parses all three). Each item's
// link is its url; the body is its full content where the feed carries it (content:encoded, Atom content,
// content_html/text), else its summary. Ids are "feed-" and a hash of the item's guid, else its link.
import { createHash } from 'node:crypto';
import { parseFeed } from 'feedsmith';
import { htmlToText } from './html-to-text.js';
import type { IngestItem } from './types.js';
import { looseDate } from './loose-date.js';
import { validateArticle } from './validate-article.js';

export interface FeedItem {
  key: string | null;
  url: string | null;
  title: string | null;
  published: string | null;
  author: string | null;
  content: string | null;
  summary: string | null;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'json' | 'rdf';
  title: string | null;
  lang: string | null;
  items: FeedItem[];
}

type Loose = Record<string, unknown> | undefined;

const str = (value: unknown): string | null => {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'object' && value !== null && 'value' in value) return str(value.value);
  return null;
};
const names = (value: unknown): string | null => {
  const list = (Array.isArray(value) ? value : value ? [value] : []).map((item: unknown) =>
    typeof item === 'string' ? item : str((item as Loose)?.name),
  );
  const found = list.filter((item): item is string => Boolean(item));
  return found.length > 0 ? found.join(', ') : null;
};

function item(raw: Record<string, unknown>, format: ParsedFeed['format']): FeedItem {
  const dc = raw.dc as Loose;
  if (format === 'json') {
    return {
      key: str(raw.id) ?? str(raw.url),
      url: str(raw.url) ?? str(raw.external_url),
      title: str(raw.title),
      published: str(raw.date_published),
      author: names(raw.authors ?? raw.author),
      content: str(raw.content_html) ?? str(raw.content_text),
      summary: str(raw.summary),
    };
  }
  if (format === 'atom') {
    const links = (raw.links as Array<{ href?: string; rel?: string }> | undefined) ?? [];
    const link = links.find((candidate) => !candidate.rel || candidate.rel === 'alternate') ?? links[0];
    return {
      key: str(raw.id) ?? str(link?.href),
      url: str(link?.href),
      title: str(raw.title),
      published: str(raw.published) ?? str(raw.updated),
      author: names(raw.authors),
      content: str(raw.content),
      summary: str(raw.summary),
    };
  }
  return {
    key: str((raw.guid as Loose)?.value) ?? str(raw.guid) ?? str(raw.link),
    url: str(raw.link),
    title: str(raw.title),
    published: str(raw.pubDate) ?? str(dc?.date),
    author: names(raw.authors) ?? names(dc?.creators) ?? str(dc?.creator),
    content: str((raw.content as Loose)?.encoded),
    summary: str(raw.description),
  };
}

/** Parses a feed document; throws the parser's error for a document that is no feed. */
export function parseNewsFeed(text: string): ParsedFeed {
  const { format, feed } = parseFeed(text) as { format: ParsedFeed['format']; feed: Record<string, unknown> };
  const raws = (feed.items ?? feed.entries ?? []) as Array<Record<string, unknown>>;
  const lang = /^([a-z]{2,3})\b/i.exec(str(feed.language) ?? str(feed.lang) ?? '')?.[1]?.toLowerCase();
  return { format, title: str(feed.title), lang: lang ?? null, items: raws.map((raw) => item(raw, format)) };
}

export function feedItemId(entry: FeedItem): string | undefined {
  const key = entry.key ?? entry.url;
  return key ? `feed-${createHash('sha256').update(key).digest('hex').slice(0, 24)}` : undefined;
}

/** The feed's items as ingest items; an item with neither content nor summary is a rejection. */
export function feedToArticles(feed: ParsedFeed, file: string, maxChars: number): IngestItem[] {
  return feed.items.map((entry, index) => {
    const where = { file, line: index + 1, position: `feed item ${index + 1}` };
    const body = htmlToText(entry.content ?? entry.summary ?? '');
    const result = validateArticle(
      {
        id: feedItemId(entry),
        title: entry.title ? htmlToText(entry.title) : null,
        body,
        lang: feed.lang,
        source: feed.title,
        author: entry.author,
        url: entry.url,
        published: looseDate(entry.published),
      },
      { maxChars },
    );
    if ('article' in result) return { ok: true, article: result.article, where };
    return {
      ok: false,
      where,
      id: result.id,
      reason: result.reason === 'body is empty' ? 'item has no content or summary' : result.reason,
    };
  });
}
