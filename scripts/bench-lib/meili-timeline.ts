// The other way to answer timelines and trending, for `npm run bench:graph` to compare: Meilisearch holding
// the synthetic articles (entity ids, publishedTs, and a `day` field to facet on, as a date histogram needs),
// asked for one entity's facet distribution over days, and for the entity facets of a window and a baseline.
// It can count articles only: mentions per bucket would need every document read back.
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { openMeilisearch } from '../../src/meili/open-meilisearch.js';
import { buildFilter, quote } from '../../src/search/build-filter.js';
import { REQUEST_HEADERS } from '../../src/search/create-meili-client.js';
import { chunks, latencies, timeInterleaved, type Latencies, type TimedRequest } from './measure.js';

export interface SyntheticDoc {
  id: string;
  entities: string[];
  publishedTs: number;
  day: string;
}

export interface MeiliTimings {
  indexSeconds: number;
  timelineDay: Latencies;
  trending: Latencies;
}

const INDEX = 'bench_time';

/** Indexes `docs` into a Meilisearch of its own in `dataDir`, then times the two kinds of question. */
export async function measureMeiliTimeline(
  dataDir: string,
  docs: readonly SyntheticDoc[],
  ids: readonly string[],
  window: { from: number; to: number; baselineFrom: number; baselineTo: number },
): Promise<MeiliTimings> {
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', SAMPLE_DATA: '' });
  const meili = await openMeilisearch(config.meili, dataDir, createLogger('warn'));
  const headers = {
    ...REQUEST_HEADERS,
    'Content-Type': 'application/json',
    Authorization: `Bearer ${meili.apiKey}`,
  };
  const call = async (method: string, route: string, body: unknown): Promise<{ taskUid?: number }> => {
    const response = await fetch(`${meili.url}${route}`, { method, headers, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`bench: ${route} answered ${response.status}`);
    return (await response.json()) as { taskUid?: number };
  };
  const waitTask = async (uid: number | undefined): Promise<void> => {
    for (;;) {
      const task = (await (await fetch(`${meili.url}/tasks/${uid}`, { headers })).json()) as {
        status: string;
      };
      if (task.status === 'succeeded') return;
      if (task.status === 'failed' || task.status === 'canceled')
        throw new Error(`bench: task ${uid} ${task.status}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  try {
    const started = performance.now();
    await waitTask((await call('POST', '/indexes', { uid: INDEX, primaryKey: 'id' })).taskUid);
    const settings = {
      filterableAttributes: ['entities', 'publishedTs', 'day'],
      faceting: { maxValuesPerFacet: 100_000 },
    };
    await waitTask((await call('PATCH', `/indexes/${INDEX}/settings`, settings)).taskUid);
    let last: number | undefined;
    for (const batch of chunks(docs, 10_000)) {
      last = (await call('POST', `/indexes/${INDEX}/documents`, batch)).taskUid;
    }
    await waitTask(last);
    const indexSeconds = (performance.now() - started) / 1000;
    const search = (body: object): TimedRequest => ({
      url: `${meili.url}/indexes/${INDEX}/search`,
      init: { method: 'POST', headers, body: JSON.stringify({ q: '', limit: 0, ...body }) },
    });
    const timelines = ids.map((id) => search({ filter: [`entities = ${quote(id)}`], facets: ['day'] }));
    await timeInterleaved({ warmUp: timelines.slice(0, 50) });
    const { timelineDay } = await timeInterleaved({ timelineDay: timelines });
    // Trending needs every entity's count in the window and in the baseline: two facet searches a sample.
    const facets = (range: { from: number; to: number }) =>
      search({ filter: buildFilter(range), facets: ['entities'] });
    const samples: number[] = [];
    for (let i = 0; i < 20; i++) {
      const began = performance.now();
      for (const { url, init } of [
        facets(window),
        facets({ from: window.baselineFrom, to: window.baselineTo }),
      ]) {
        const response = await fetch(url, init);
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`bench: ${url} answered ${response.status}`);
      }
      samples.push(performance.now() - began);
    }
    return { indexSeconds, timelineDay, trending: latencies(samples) };
  } finally {
    await meili.close();
  }
}
