// Serves the explorer page (built by `npm run build:web`) at /. Without a build, / says how to make one.
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import { NotFoundError } from '../errors.js';
import type { AppDeps } from './types.js';

export function webRouter({ webDir }: AppDeps): Router {
  const router = Router();
  router.use(express.static(webDir, { index: 'index.html', maxAge: '1h' }));
  router.get('/', () => {
    if (!existsSync(path.join(webDir, 'index.html'))) {
      throw new NotFoundError(
        'web: the explorer page is not built; run "npm run build:web" (npm ci does it)',
      );
    }
  });
  return router;
}
