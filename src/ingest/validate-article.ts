// Turns one untrusted record into an Article or a reason. Only `body` is required; an id, when absent, is
// a hash of the body, so re-reading a file replaces rather than duplicates. Documented normalisations:
// CRLF becomes LF, a BOM and control characters (but tab and newline) are dropped, empty strings
// count as absent.
import { createHash } from 'node:crypto';
import type { Article } from './types.js';

export const ID_PATTERN = /^[A-Za-z0-9_-]{1,511}$/;
export const DEFAULTS = { maxChars: 1_000_000 };

const OPTIONAL_TEXT = ['title', 'source', 'category', 'author', 'url'] as const;

export type Validation = { article: Article } | { reason: string; id?: string };

function cleanText(value: string): string {
  return (
    value
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- stripping control characters is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
  );
}

/** Normalises a published date to YYYY-MM-DD or an ISO timestamp; undefined when it is not a date. */
export function normalizeDate(value: string): string | undefined {
  const trimmed = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) {
    const date = new Date(`${trimmed}T00:00:00Z`);
    return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== trimmed ? undefined : trimmed;
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(trimmed)) return undefined;
  const date = new Date(trimmed);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Validates a parsed record; `fallbackId` names articles that carry no id (a .txt file's name). */
export function validateArticle(
  raw: unknown,
  options: { maxChars?: number; fallbackId?: string } = {},
): Validation {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { reason: 'a record must be a JSON object' };
  }
  const record = raw as Record<string, unknown>;
  let id: string | undefined;
  if (record.id !== undefined && record.id !== null) {
    if (typeof record.id !== 'string' && typeof record.id !== 'number') {
      return { reason: 'id must be a string' };
    }
    id = String(record.id);
    if (!ID_PATTERN.test(id)) {
      return { id, reason: 'id may hold only letters, digits, "-" and "_", at most 511 of them' };
    }
  }
  if (typeof record.body !== 'string') {
    return { id, reason: record.body === undefined ? 'body is missing' : 'body must be a string' };
  }
  const body = cleanText(record.body);
  if (body.trim() === '') return { id, reason: 'body is empty' };
  const maxChars = options.maxChars ?? DEFAULTS.maxChars;
  if (body.length > maxChars) return { id, reason: `body is longer than ${maxChars} characters` };

  const article: Article = {
    id: id ?? options.fallbackId ?? `sha-${createHash('sha256').update(body).digest('hex').slice(0, 24)}`,
    title: null,
    body,
    lang: null,
    source: null,
    category: null,
    author: null,
    published: null,
    url: null,
  };
  for (const field of OPTIONAL_TEXT) {
    const value = record[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') return { id, reason: `${field} must be a string or null` };
    const cleaned = cleanText(value).trim();
    article[field] = cleaned === '' ? null : cleaned;
  }
  if (record.lang !== undefined && record.lang !== null && record.lang !== '') {
    if (typeof record.lang !== 'string' || !/^[a-z]{2,3}$/i.test(record.lang)) {
      return { id, reason: 'lang must be a language code such as "de" or "en"' };
    }
    article.lang = record.lang.toLowerCase();
  }
  if (record.published !== undefined && record.published !== null && record.published !== '') {
    const published = typeof record.published === 'string' ? normalizeDate(record.published) : undefined;
    if (published === undefined) return { id, reason: 'published must be a date (YYYY-MM-DD or ISO 8601)' };
    article.published = published;
  }
  return { article };
}
