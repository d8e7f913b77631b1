// The one place where errors become HTTP statuses. Every error answer is {"error": {"code", "message"}};
// unexpected errors are logged and answered with a generic message, so no internal detail leaks.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { NewsgraphError } from '../errors.js';
import type { Logger } from '../logger.js';

const STATUS: Record<string, number> = {
  invalid_parameter: 400,
  invalid_json: 400,
  invalid_article: 400,
  unauthorized: 401,
  admin_key_not_configured: 403,
  not_found: 404,
  curation_conflict: 409,
  payload_too_large: 413,
  url_not_allowed: 403,
  unsupported_content_type: 415,
  not_a_feed: 415,
  robots_disallowed: 403,
  fetch_failed: 502,
  fetch_too_large: 502,
  too_many_redirects: 502,
  fetch_timeout: 504,
  search_unavailable: 503,
  unsupported_in_index_mode: 501,
  graph_facet_limit: 503,
};

export function notFoundHandler(): RequestHandler {
  return (req, res) => {
    res.status(404).json({ error: { code: 'not_found', message: `no route ${req.method} ${req.path}` } });
  };
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    const bodyError = error as { type?: string; status?: number };
    if (bodyError.type === 'entity.too.large') {
      res.status(413).json({ error: { code: 'payload_too_large', message: 'request body is too large' } });
      return;
    }
    if (bodyError.type === 'entity.parse.failed') {
      res.status(400).json({ error: { code: 'invalid_json', message: 'request body is not valid JSON' } });
      return;
    }
    if (error instanceof NewsgraphError && STATUS[error.code] !== undefined) {
      const details = (error as NewsgraphError & { details?: unknown }).details;
      res
        .status(STATUS[error.code] as number)
        .json({ error: { code: error.code, message: error.message, ...(details ? { details } : {}) } });
      return;
    }
    logger.error(`http: ${(error as Error).stack ?? String(error)}`);
    res.status(500).json({ error: { code: 'internal_error', message: 'internal error' } });
  };
}
