// A small RSS 2.0 feed for the subscription tests: one item per entry, its body in content:encoded.
export interface RssItem {
  guid: string;
  title: string;
  body: string;
}

export function rss(origin: string, items: readonly RssItem[]): string {
  const entries = items
    .map(
      (item) => `<item><guid>${item.guid}</guid><title>${item.title}</title>
<link>${origin}/story/${item.guid}</link><pubDate>Tue, 02 Jun 2026 10:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>${item.body}</p>]]></content:encoded></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Test news</title><link>${origin}/</link><description>for tests</description>
${entries}
</channel></rss>`;
}
