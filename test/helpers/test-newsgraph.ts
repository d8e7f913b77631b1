// A newsgraph wired as main.ts wires it, against the test run's real Meilisearch, with its own index
// prefix and data directory, a fresh graph, and an app that supertest drives in-process.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { inject } from 'vitest';
import { apiDeps } from '../../src/api-deps.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createCooccurrenceGraph } from '../../src/graph/create-cooccurrence-graph.js';
import type { CooccurrenceGraph } from '../../src/graph/types.js';
import { createApp } from '../../src/http/create-app.js';
import type { AppDeps } from '../../src/http/types.js';
import { readInputs } from '../../src/ingest/read-inputs.js';
import { createLogger } from '../../src/logger.js';
import { openSearch, type OpenSearch } from '../../src/open-search.js';
import { recording, type RecordedResponse } from './contract.js';

export const SAMPLE = path.resolve(import.meta.dirname, '../../data/sample/seed-article-de.txt');
export const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus');

let counter = 0;

/** A unique index prefix for one test file or test. */
export function uniquePrefix(name: string): string {
  counter += 1;
  return `t_${name}_${process.pid}_${Date.now().toString(36)}_${counter}_`;
}

export function testConfig(prefix: string, env: Record<string, string> = {}): Config {
  return loadConfig({
    MEILI_URL: inject('meiliUrl'),
    MEILI_MASTER_KEY: inject('meiliKey'),
    MEILI_INDEX_PREFIX: prefix,
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'newsgraph-test-data-')),
    LOG_LEVEL: 'warn',
    MEILI_TIMEOUT_MS: '30000',
    ...env,
  });
}

export interface TestNewsgraph {
  config: Config;
  opened: OpenSearch;
  store: CooccurrenceGraph;
  deps: AppDeps;
  /** The app, behind a recorder of every answer (for the contract checks in helpers/contract.ts). */
  app: Express;
  responses: RecordedResponse[];
  /** Another app (other deps) behind the same recorder. */
  record(app: Express): Express;
  /** Indexes files through the same pipeline as POST /articles. */
  index(paths: string[]): Promise<{ indexed: number; rejected: number }>;
}

export async function openTestNewsgraph(
  name: string,
  env: Record<string, string> = {},
): Promise<TestNewsgraph> {
  const config = testConfig(uniquePrefix(name), env);
  const logger = createLogger('warn');
  const opened = await openSearch(config, logger);
  const store = createCooccurrenceGraph();
  const deps = apiDeps(opened, store, config, logger);
  const responses: RecordedResponse[] = [];
  return {
    config,
    opened,
    store,
    deps,
    app: recording(createApp(deps), responses),
    responses,
    record: (app) => recording(app, responses),
    index: (paths) => deps.indexArticles(readInputs(paths, config.maxArticleChars), () => {}),
  };
}
