// What the feed routes take and answer, as zod schemas: the routes validate with them and the OpenAPI
// document is generated from them (openapi-routes.ts).
import { z } from 'zod';

export const feedInput = z.object({
  url: z.string().min(1).meta({ description: 'an http(s) URL of an RSS, Atom or JSON feed' }),
  intervalMinutes: z
    .number()
    .int()
    .min(1)
    .max(10_080)
    .optional()
    .meta({ description: 'minutes between polls; FEED_INTERVAL_MINUTES (60) when absent' }),
});

export const feedBody = z
  .strictObject({
    id: z.string(),
    url: z.string(),
    intervalMinutes: z.number().int(),
    lastFetched: z.string().nullable().meta({ description: 'when the feed was last asked for (ISO)' }),
    items: z.number().int().min(0).meta({ description: 'articles indexed from this feed so far' }),
    lastError: z
      .strictObject({ code: z.string(), message: z.string() })
      .nullable()
      .meta({ description: "the last poll's error, null when it worked" }),
    nextPoll: z.string().meta({ description: 'when the next poll is due (ISO); errors push it back' }),
  })
  .meta({ id: 'Feed' });

export const feedsBody = z.strictObject({ feeds: z.array(feedBody) }).meta({ id: 'Feeds' });

export const refreshBody = z
  .strictObject({ feed: feedBody, indexed: z.number().int().min(0).meta({ description: 'new articles' }) })
  .meta({ id: 'FeedRefresh' });
