// Articles: read one with its mentions; add or replace (POST) and delete through the same pipeline as
// the CLI, behind the admin key. POST /analyze shows what extraction finds, writing nothing.
import { Router } from 'express';
import { NewsgraphError, NotFoundError } from '../errors.js';
import type { IngestItem } from '../ingest/types.js';
import { ID_PATTERN, validateArticle } from '../ingest/validate-article.js';
import type { Rejection } from '../pipeline.js';
import { analyzeInput } from './api-schemas.js';
import { parseBody } from './parse-query.js';
import { requireAdmin } from './require-admin.js';
import type { AppDeps } from './types.js';

export const DEFAULTS = { listedCopies: 100 };

/** A record with a url and no body is fetched; its articles keep the record's place in the request. */
function toFetch(record: unknown): { url: string; id?: string } | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const { url, body, id } = record as { url?: unknown; body?: unknown; id?: unknown };
  if (typeof url !== 'string' || body !== undefined) return undefined;
  return { url, id: typeof id === 'string' && ID_PATTERN.test(id) ? id : undefined };
}

async function* validated(
  records: unknown[],
  maxChars: number,
  readUrl: AppDeps['readUrl'],
): AsyncGenerator<IngestItem> {
  for (const [index, record] of records.entries()) {
    const where = { file: 'request', line: index + 1 };
    const fetch = toFetch(record);
    if (fetch) {
      for await (const item of readUrl(fetch.url, fetch.id)) yield { ...item, where };
      continue;
    }
    const result = validateArticle(record, { maxChars });
    yield 'article' in result
      ? { ok: true, article: result.article, where }
      : { ok: false, where, ...result };
  }
}

export function articlesRouter(deps: AppDeps): Router {
  const { search } = deps;
  const router = Router();
  const admin = requireAdmin(deps.adminApiKey);

  router.get('/articles/:id', async (req, res) => {
    const article = await search.getArticle(req.params.id);
    if (!article) throw new NotFoundError(`articles: no article "${req.params.id}"`);
    res.json({
      id: article.id,
      title: article.title,
      body: article.body,
      lang: article.lang,
      source: article.source,
      category: article.category,
      author: article.author ?? null,
      published: article.published,
      url: article.url,
      entities: article.entityInfo,
      mentions: article.mentions,
      duplicateOf: article.duplicateOf ?? null,
      duplicates: (await search.duplicatesOf(article.id, DEFAULTS.listedCopies)).map((copy) => copy.id),
    });
  });

  router.post('/articles', admin, async (req, res) => {
    const body: unknown = req.body;
    const records = Array.isArray(body)
      ? body
      : body && typeof body === 'object' && Array.isArray((body as { articles?: unknown }).articles)
        ? (body as { articles: unknown[] }).articles
        : [body];
    if (records.length > deps.maxArticlesPerRequest) {
      throw new NewsgraphError(
        'payload_too_large',
        `articles: at most ${deps.maxArticlesPerRequest} articles per request (MAX_ARTICLES_PER_REQUEST), got ${records.length}`,
      );
    }
    const rejections: Array<{ index: number; id?: string; reason: string; code?: string }> = [];
    const onReject = ({ where, id, reason, code }: Rejection) =>
      rejections.push({ index: where.line - 1, id, reason, ...(code ? { code } : {}) });
    const summary = await deps.indexArticles(
      validated(records, deps.maxArticleChars, deps.readUrl),
      onReject,
    );
    if (summary.indexed === 0 && summary.rejected > 0) {
      const error = new NewsgraphError(
        rejections[0]?.code ?? 'invalid_article',
        `articles: record ${rejections[0]?.index}: ${rejections[0]?.reason}`,
      ) as NewsgraphError & { details: unknown };
      error.details = { rejections };
      throw error;
    }
    res.json({ ...summary, rejections });
  });

  router.delete('/articles/:id', admin, async (req, res) => {
    const id = String(req.params.id);
    if (!(await deps.removeArticle(id))) throw new NotFoundError(`articles: no article "${id}"`);
    res.json({ deleted: id });
  });

  const analyzeSchema = analyzeInput(deps.maxArticleChars);
  router.post('/analyze', async (req, res) => {
    const { text, lang } = parseBody(analyzeSchema, req.body);
    const [outcome] = await deps.extractMany([{ text, lang }]);
    if (!outcome?.ok) throw new Error(`analyze: extraction failed: ${outcome?.reason ?? 'no result'}`);
    const { extraction } = outcome;
    const info = new Map(extraction.entities.map((entity) => [entity.id, entity]));
    res.json({
      lang: extraction.lang,
      mentions: extraction.mentions.map((mention) => ({
        text: mention.text,
        start: mention.start,
        end: mention.end,
        type: info.get(mention.entityId)?.type ?? 'other',
        entityId: mention.entityId,
        name: info.get(mention.entityId)?.name ?? mention.text,
        sentence: mention.sentence,
        ...(mention.derived && { derived: true }),
      })),
    });
  });

  return router;
}
