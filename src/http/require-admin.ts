// Guards the write endpoints: `Authorization: Bearer <ADMIN_API_KEY>`, compared in constant time (both
// sides hashed first, so lengths leak nothing). Without a configured key writes are off: 403.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { AuthError } from '../errors.js';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

export function requireAdmin(adminApiKey: string | undefined): RequestHandler {
  const expected = adminApiKey === undefined ? undefined : digest(adminApiKey);
  return (req, _res, next) => {
    if (expected === undefined) {
      throw new AuthError(
        'admin_key_not_configured',
        'writes are disabled: start the API with ADMIN_API_KEY set, then send it as "Authorization: Bearer <key>"',
      );
    }
    const match = /^Bearer (.+)$/.exec(req.get('authorization') ?? '');
    if (!match?.[1] || !timingSafeEqual(digest(match[1]), expected)) {
      throw new AuthError('unauthorized', 'missing or wrong "Authorization: Bearer <ADMIN_API_KEY>" header');
    }
    next();
  };
}
