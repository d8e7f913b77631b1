// The Express app: JSON in and out, one router per resource, one error handler. It never listens;
// main.ts does, and tests drive it in-process.
import express, { type Express } from 'express';
import { articlesRouter } from './articles-router.js';
import { entitiesRouter } from './entities-router.js';
import { errorHandler, notFoundHandler } from './error-handler.js';
import { graphRouter } from './graph-router.js';
import { healthRouter } from './health-router.js';
import { searchRouter } from './search-router.js';
import type { AppDeps } from './types.js';

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(express.json({ limit: deps.maxRequestBytes }));
  app.use(healthRouter(deps));
  app.use(searchRouter(deps));
  app.use(entitiesRouter(deps));
  app.use(graphRouter(deps));
  app.use(articlesRouter(deps));
  app.use(notFoundHandler());
  app.use(errorHandler(deps.logger));
  return app;
}
