// The Express app: security headers (helmet), CORS only for configured origins, an optional rate limit,
// JSON in and out, one router per resource, one error handler. It never listens; main.ts does, and tests
// drive it in-process.
import cors from 'cors';
import express, { type Express } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { adminRouter } from './admin-router.js';
import { articlesRouter } from './articles-router.js';
import { curationRouter } from './curation-router.js';
import { entitiesRouter } from './entities-router.js';
import { errorHandler, notFoundHandler } from './error-handler.js';
import { feedsRouter } from './feeds-router.js';
import { graphRouter } from './graph-router.js';
import { healthRouter } from './health-router.js';
import { openapiRouter } from './openapi-router.js';
import { searchRouter } from './search-router.js';
import { timelineRouter } from './timeline-router.js';
import { trendingRouter } from './trending-router.js';
import { webRouter } from './web-router.js';
import type { AppDeps } from './types.js';

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // The explorer lays out graphs in a web worker made from a blob, and exports PNGs through blob URLs.
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'worker-src': ["'self'", 'blob:'], 'img-src': ["'self'", 'data:', 'blob:'] },
      },
    }),
  );
  // Without configured origins no CORS header is sent, so browsers keep other sites' pages out.
  if (deps.corsOrigins.length > 0) app.use(cors({ origin: [...deps.corsOrigins] }));
  if (deps.rateLimitPerMinute > 0) {
    app.use(
      rateLimit({
        windowMs: 60_000,
        limit: deps.rateLimitPerMinute,
        standardHeaders: 'draft-8',
        legacyHeaders: false,
        handler: (_req, res) => {
          res.status(429).json({
            error: {
              code: 'rate_limited',
              message: `more than ${deps.rateLimitPerMinute} requests a minute`,
            },
          });
        },
      }),
    );
  }
  // Method and path only (no query, no headers): a debug log never holds a key, and says a request arrived.
  app.use((req, _res, next) => {
    deps.logger.debug(`http: ${req.method} ${req.path}`);
    next();
  });
  app.use(express.json({ limit: deps.maxRequestBytes }));
  app.use(healthRouter(deps));
  app.use(adminRouter(deps));
  app.use(searchRouter(deps));
  app.use(curationRouter(deps));
  app.use(entitiesRouter(deps));
  app.use(timelineRouter(deps));
  app.use(trendingRouter(deps));
  app.use(graphRouter(deps));
  app.use(articlesRouter(deps));
  app.use(feedsRouter(deps));
  app.use(openapiRouter(deps));
  app.use(webRouter(deps));
  app.use(notFoundHandler());
  app.use(errorHandler(deps.logger));
  return app;
}
