// GET /admin/check: does this key open the write endpoints? 200 with the key, 401 or 403 (with the reason)
// without it; nothing is read or written. The explorer asks it before it shows its admin controls, and a
// user's script can ask it before a batch of corrections.
import { Router } from 'express';
import { requireAdmin } from './require-admin.js';
import type { AppDeps } from './types.js';

export function adminRouter(deps: AppDeps): Router {
  const router = Router();
  router.get('/admin/check', requireAdmin(deps.adminApiKey), (_req, res) => {
    res.json({ admin: true });
  });
  return router;
}
