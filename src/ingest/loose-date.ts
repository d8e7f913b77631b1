// A date as pages and feeds write it, made the ISO 8601 an Article takes: ISO forms as validateArticle
// normalises them, else whatever Date can read ("Jun 12, 2025", RFC 822); anything else is left out.
import { normalizeDate } from './validate-article.js';

/** `value` as an ISO 8601 date or timestamp, or null when it is none that can be read. */
export function looseDate(value: string | null): string | null {
  if (value === null) return null;
  const normalized = normalizeDate(value);
  if (normalized !== undefined) return normalized;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
