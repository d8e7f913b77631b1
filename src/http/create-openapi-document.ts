// Builds the OpenAPI 3.1 document from the route list (openapi-routes.ts) with zod-openapi, so the
// document is made from the same zod schemas that validate the requests and that the contract tests
// check the answers against.
import { z } from 'zod';
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponsesObject,
} from 'zod-openapi';
import { errorBody } from './api-schemas.js';
import type { RouteDoc } from './openapi-routes.js';

/** "/entities/:id" -> "/entities/{id}". */
export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:(\w+)/g, '{$1}');
}

const errorContent = { 'application/json': { schema: errorBody } };

function operation(route: RouteDoc): ZodOpenApiOperationObject {
  const responses: ZodOpenApiResponsesObject = {};
  const statuses = { ...route.responses };
  if (route.query || route.body) statuses[400] ??= { description: 'a bad parameter, named in the message' };
  if (route.admin) {
    statuses[401] ??= { description: 'missing or wrong Authorization: Bearer <ADMIN_API_KEY>' };
    statuses[403] ??= { description: 'writes are disabled: no ADMIN_API_KEY configured' };
  }
  statuses[429] ??= { description: 'over RATE_LIMIT_PER_MINUTE (when set)' };
  statuses[500] ??= { description: 'an unexpected error (details are logged, not sent)' };
  for (const [status, response] of Object.entries(statuses)) {
    const content = {
      ...(response.json ? { 'application/json': { schema: response.json } } : {}),
      ...Object.fromEntries(
        Object.entries(response.content ?? {}).map(([type, schema]) => [type, { schema }]),
      ),
    };
    // An answer without its own body schema is an error: {"error": {"code", "message"}}.
    responses[status as `${1 | 2 | 3 | 4 | 5}${string}`] = {
      description: response.description,
      content: Object.keys(content).length > 0 ? content : errorContent,
    };
  }
  const pathParameters = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1] as string);
  return {
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [route.tag],
    operationId: `${route.method}${openApiPath(route.path).replace(/[^A-Za-z0-9]+(\w?)/g, (_, c: string) => c.toUpperCase())}`,
    requestParams: {
      ...(route.query ? { query: route.query } : {}),
      ...(pathParameters.length > 0
        ? { path: z.object(Object.fromEntries(pathParameters.map((name) => [name, z.string()]))) }
        : {}),
    },
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: route.body } } } }
      : {}),
    ...(route.admin ? { security: [{ adminKey: [] }] } : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of `routes`. */
export function createOpenApiDocument(
  routes: readonly RouteDoc[],
  version: string,
): ReturnType<typeof createDocument> {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: operation(route) };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'newsgraph',
      version,
      description:
        'Search news and see who is mentioned with whom. Errors are always {"error": {"code", "message"}}.',
    },
    tags: [
      { name: 'search', description: 'keyword search over articles' },
      { name: 'entities', description: 'people, organisations and places, and who is mentioned with whom' },
      { name: 'graph', description: 'the co-occurrence graph and its exports' },
      { name: 'articles', description: 'read, add, remove and analyse articles' },
      { name: 'feeds', description: 'feed subscriptions: polled, their new items indexed' },
      { name: 'service', description: 'health, this document and the pages' },
    ],
    components: {
      securitySchemes: {
        adminKey: { type: 'http', scheme: 'bearer', description: 'ADMIN_API_KEY' },
      },
    },
    paths,
  });
}
