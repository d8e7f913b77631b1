// Contract tests: every answer an HTTP test receives is recorded, then checked against the OpenAPI
// document (/openapi.json): its status must be documented for the route, its media type too, and a JSON
// body must match the documented schema (JSON Schema 2020-12, checked with Ajv).
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import express, { type Express, type RequestHandler } from 'express';

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

export interface RecordedResponse {
  method: string;
  path: string;
  status: number;
  contentType: string;
  /** The JSON body as sent (undefined for other media types). */
  body?: unknown;
}

type Document = {
  paths: Record<string, Record<string, { responses: Record<string, { content?: object }> }>>;
};

function recorder(into: RecordedResponse[]): RequestHandler {
  return (req, res, next) => {
    const json = res.json.bind(res);
    let body: unknown;
    res.json = (value: unknown) => {
      body = JSON.parse(JSON.stringify(value)) as unknown;
      return json(value);
    };
    res.on('finish', () => {
      into.push({
        method: req.method.toLowerCase(),
        path: req.path,
        status: res.statusCode,
        contentType: String(res.getHeader('content-type') ?? '').split(';')[0] as string,
        body,
      });
    });
    next();
  };
}

/** `app` behind a middleware that records every answer into `into`. */
export function recording(app: Express, into: RecordedResponse[]): Express {
  const outer = express();
  outer.disable('x-powered-by');
  outer.use(recorder(into));
  outer.use(app);
  return outer;
}

/** The OpenAPI path template that `path` matches, if any: "/entities/x/neighbors" -> "/entities/{id}/neighbors". */
export function matchTemplate(document: Document, path: string): string | undefined {
  return Object.keys(document.paths).find((template) => {
    const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+');
    return new RegExp(`^${pattern}$`).test(path);
  });
}

const pointer = (...segments: string[]): string =>
  segments.map((segment) => encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

/** Every way the recorded answers break the document; empty when they all keep it. */
export function contractViolations(document: object, responses: readonly RecordedResponse[]): string[] {
  const doc = document as Document;
  const ajv = new Ajv2020({ strict: false });
  addFormats(ajv);
  ajv.addSchema(document, 'openapi.json');
  const violations: string[] = [];
  for (const response of responses) {
    const where = `${response.method.toUpperCase()} ${response.path} ${response.status}`;
    const template = matchTemplate(doc, response.path);
    const operation = template ? doc.paths[template]?.[response.method] : undefined;
    if (!template || !operation) {
      // Not a route: a static file, or the catch-all 404, which must still answer in the error shape.
      if (response.contentType !== 'application/json') continue;
      const validate = ajv.getSchema(`openapi.json#/${pointer('components', 'schemas', 'Error')}`);
      if (!validate?.(response.body)) violations.push(`${where}: ${ajv.errorsText(validate?.errors)}`);
      continue;
    }
    const documented = operation.responses[String(response.status)];
    if (!documented) {
      violations.push(`${where}: status not documented for ${template}`);
      continue;
    }
    const types = Object.keys(documented.content ?? {});
    if (response.contentType && !types.includes(response.contentType)) {
      violations.push(`${where}: ${response.contentType} not documented (${types.join(', ')})`);
      continue;
    }
    if (response.contentType !== 'application/json') continue;
    const ref = pointer('paths', template, response.method, 'responses', String(response.status), 'content');
    const validate = ajv.getSchema(`openapi.json#/${ref}/${pointer('application/json', 'schema')}`);
    if (!validate) violations.push(`${where}: no schema`);
    else if (!validate(response.body)) violations.push(`${where}: ${ajv.errorsText(validate.errors)}`);
  }
  return violations;
}

/** Operations ("get /search") that no recorded answer exercised with a 2xx status. */
export function unexercised(document: object, responses: readonly RecordedResponse[]): string[] {
  const doc = document as Document;
  const seen = new Set(
    responses
      .filter((response) => response.status < 300)
      .map((response) => `${response.method} ${matchTemplate(doc, response.path)}`),
  );
  return Object.entries(doc.paths)
    .flatMap(([template, item]) => Object.keys(item).map((method) => `${method} ${template}`))
    .filter((operation) => !seen.has(operation));
}
