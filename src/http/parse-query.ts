// Query parameters are validated with zod before anything else sees them; a failure answers 400 and names
// the parameter. Repeated parameters arrive as arrays; single ones are lifted into arrays where a list is
// allowed.
import { z } from 'zod';
import { ENTITY_TYPES } from '../entities/types.js';
import { INTERVALS } from '../graph/time-buckets.js';
import { normalizeDate } from '../ingest/validate-article.js';
import { InvalidParameterError } from '../errors.js';

// `.optional()` outside the preprocessing marks a parameter optional in the OpenAPI document (which is
// generated from these schemas); the transform after it supplies the default.
const list = (item: z.ZodString, max: number) =>
  z
    .preprocess((value) => (Array.isArray(value) ? value : [value]), z.array(item).max(max))
    .optional()
    .transform((value) => value ?? []);

const int = (min: number, max: number, fallback: number) =>
  z
    .preprocess((value) => (value === '' ? fallback : Number(value)), z.number().int().min(min).max(max))
    .optional()
    .transform((value) => value ?? fallback)
    .meta({ override: { default: fallback } });

/** A date (YYYY-MM-DD or ISO) as epoch ms; `to` dates without a time cover their whole day. */
const date = (endOfDay: boolean) =>
  z
    .string()
    .meta({ description: 'YYYY-MM-DD or ISO 8601' + (endOfDay ? '; a date covers its whole day' : '') })
    .optional()
    .transform((value, context) => {
      if (value === undefined || value === '') return undefined;
      const normalized = normalizeDate(value);
      if (normalized === undefined) {
        context.addIssue({ code: 'custom', message: 'must be a date, YYYY-MM-DD or ISO 8601' });
        return z.NEVER;
      }
      const time = Date.parse(normalized.length === 10 ? `${normalized}T00:00:00Z` : normalized);
      return endOfDay && normalized.length === 10 ? time + 86_400_000 - 1 : time;
    });

/** An optional integer without a default: the export resolves it (DEPTH_2_DEFAULTS differ from DEFAULTS). */
const optionalInt = (min: number, max: number, description: string) =>
  z
    .preprocess(
      (value) => (value === '' || value === undefined ? undefined : Number(value)),
      z.number().int().min(min).max(max).optional(),
    )
    .optional()
    .meta({ description });

const fraction = (description: string) =>
  z
    .preprocess(
      (value) => (value === '' || value === undefined ? undefined : Number(value)),
      z.number().gt(0).lt(1).optional(),
    )
    .optional()
    .meta({ description });

const flag = (description: string) =>
  z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true'))
    .meta({ description });

const single = z.string().max(200);
const entityType = z.enum(ENTITY_TYPES as [string, ...string[]]).optional();
const window = z.enum(['article', 'sentence']).default('article');

export const searchQuery = z.object({
  q: z.string().max(1_000).default(''),
  lang: list(z.string().regex(/^[a-z]{2,3}$/, 'must be a language code such as de or en'), 10),
  source: list(single, 20),
  url: list(z.string().max(2_000), 20),
  entity: list(single, 10),
  from: date(false),
  to: date(true),
  limit: int(1, 100, 20),
  offset: int(0, 10_000, 0),
});

export const entitiesQuery = z.object({
  q: z.string().max(200).default(''),
  type: entityType,
  limit: int(1, 100, 10),
});

export const neighborsQuery = z.object({
  window,
  limit: int(1, 200, 20),
  minWeight: int(1, 1_000_000, 1),
  minArticles: int(1, 1_000_000, 1),
  weight: z.enum(['count', 'pmi', 'llr']).default('count'),
  /** Evidence articles per neighbour; 0 answers from the graph alone, without reading the index. */
  evidence: int(0, 20, 3),
  type: entityType,
  from: date(false),
  to: date(true),
});

export const graphQuery = z.object({
  center: single.optional(),
  depth: z.enum(['1', '2']).default('1').transform(Number),
  window,
  minWeight: int(1, 1_000_000, 1),
  limit: int(1, 10_000, 500),
  maxNodes: optionalInt(1, 10_000, 'default 1000; 150 at depth 2 (docs/neighborhoods.md)'),
  weight: z
    .enum(['count', 'pmi', 'llr'])
    .optional()
    .meta({ description: 'default count; llr at depth 2 (docs/neighborhoods.md)' }),
  minArticles: optionalInt(1, 1_000_000, 'fewest shared articles of a link; default 1, 2 at depth 2'),
  backbone: z.enum(['none', 'disparity']).optional().meta({ description: 'default none' }),
  alpha: fraction('significance level of backbone=disparity; default 0.05'),
  expandHubs: flag('whether depth 2 walks through hubs; default false at depth 2'),
  hubShare: fraction('share of all articles that makes an entity a hub; default 0.03'),
  layout: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  format: z.enum(['graphology', 'gexf', 'graphml', 'csv']).default('graphology'),
  /** With format=csv: the node table or the edge table. */
  table: z.enum(['nodes', 'edges']).optional(),
  from: date(false),
  to: date(true),
});

/** Two range ends that must come together, the first not after the second. */
function rangeOf<K extends string>(first: K, second: K) {
  return (value: Partial<Record<K, number | undefined>>, context: z.RefinementCtx): void => {
    const [start, end] = [value[first], value[second]];
    if ((start === undefined) !== (end === undefined)) {
      const missing = start === undefined ? first : second;
      context.addIssue({
        code: 'custom',
        path: [missing],
        message: `is required with ${first === missing ? second : first}`,
      });
    } else if (start !== undefined && end !== undefined && start > end) {
      context.addIssue({ code: 'custom', path: [first], message: `must not be after ${second}` });
    }
  };
}

export const timelineQuery = z
  .object({
    interval: z.enum(INTERVALS).default('month'),
    from: date(false),
    to: date(true),
    with: single.optional(),
  })
  .superRefine((value, context) => {
    if (value.from !== undefined && value.to !== undefined && value.from > value.to) {
      context.addIssue({ code: 'custom', path: ['from'], message: 'must not be after to' });
    }
  });

export const trendingQuery = z
  .object({
    from: date(false),
    to: date(true),
    baselineFrom: date(false),
    baselineTo: date(true),
    type: entityType,
    limit: int(1, 100, 20),
    pairs: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true'),
  })
  .superRefine(rangeOf('from', 'to'))
  .superRefine(rangeOf('baselineFrom', 'baselineTo'));

function parseWith<T extends z.ZodType>(schema: T, value: unknown, whole: string): z.output<T> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const parameter = String(issue?.path[0] ?? whole);
  throw new InvalidParameterError(parameter, issue?.message ?? 'invalid');
}

/** Parses `query` with `schema`, throwing InvalidParameterError for the first bad parameter. */
export function parseQuery<T extends z.ZodType>(schema: T, query: unknown): z.output<T> {
  return parseWith(schema, query, 'query');
}

/** Parses a JSON request body with `schema`, throwing InvalidParameterError for the first bad field. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  return parseWith(schema, body, 'body');
}
