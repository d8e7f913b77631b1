// The OpenAPI document: valid OpenAPI 3.1 by the specification's own JSON schema, covering exactly the
// routes the app registers, and its readable reference at /docs served without the network.
import { Validator } from '@seriousme/openapi-schema-validator';
import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/create-app.js';
import { openApiPath } from '../../src/http/create-openapi-document.js';
import { openTestNewsgraph, type TestNewsgraph } from '../helpers/test-newsgraph.js';

let ng: TestNewsgraph;
let document: { openapi: string; paths: Record<string, Record<string, unknown>> };

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** "get /entities/{id}" for every route registered on the app's routers (not static middleware). */
function registeredRoutes(app: Express): string[] {
  const routes: string[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const path of paths) {
          for (const method of Object.keys(layer.route.methods))
            routes.push(`${method} ${openApiPath(path)}`);
        }
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return routes.sort();
}

beforeAll(async () => {
  ng = await openTestNewsgraph('openapi');
  document = (await request(ng.app).get('/openapi.json').expect(200)).body;
});

describe('GET /openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents every route the app registers, and no other', () => {
    const documented = Object.entries(document.paths)
      .flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`))
      .sort();
    expect(documented).toEqual(registeredRoutes(createApp(ng.deps)));
    expect(documented.length).toBeGreaterThanOrEqual(14);
  });

  it('describes query parameters from the schemas that validate them, defaults and limits included', () => {
    const search = document.paths['/search']?.get as { parameters: Array<Record<string, unknown>> };
    const limit = search.parameters.find((parameter) => parameter.name === 'limit');
    expect(limit).toMatchObject({
      in: 'query',
      schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
    });
    expect(limit?.required).toBeUndefined();
    const graph = document.paths['/graph']?.get as {
      parameters: Array<{ name: string; schema: { enum?: string[] } }>;
    };
    expect(graph.parameters.find((parameter) => parameter.name === 'format')?.schema.enum).toEqual([
      'graphology',
      'gexf',
      'graphml',
      'csv',
    ]);
  });
});

describe('GET /docs', () => {
  it('serves the reference page and its scripts from this process, with no inline script', async () => {
    const page = await request(ng.app).get('/docs').expect(200).expect('content-type', /html/);
    expect(page.text).not.toMatch(/https?:\/\//);
    expect(page.text).not.toMatch(/<script>/);
    const policy = String(page.headers['content-security-policy']);
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    for (const [, asset] of page.text.matchAll(/(?:src|href)="([^"]+)"/g)) {
      await request(ng.app)
        .get(asset as string)
        .expect(200);
    }
    const init = await request(ng.app).get('/docs/swagger-initializer.js').expect(200);
    expect(init.text).toContain("url: '/openapi.json'");
    expect(init.text).toContain('validatorUrl: null');
  });
});
