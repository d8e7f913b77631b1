// The mixed load of `npm run load` and its test in miniature: 60% search, 30% neighbours, 10% graph, with
// words and entity ids taken from the indexed corpus, driven by autocannon.
import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  words: readonly string[];
  entities: readonly string[];
  connections: number;
  durationSeconds: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  requests: number;
  non2xx: number;
  errors: number;
}

export async function runMixedLoad(options: LoadOptions): Promise<LoadResult> {
  let n = 0;
  const pick = <T>(list: readonly T[]): T => list[n++ % list.length] as T;
  const search = () => ({
    setupRequest: (request: autocannon.Request) => {
      const params = new URLSearchParams({ q: pick(options.words), limit: '20' });
      if (n % 5 === 0) params.set('entity', pick(options.entities));
      return { ...request, path: `/search?${params}` };
    },
  });
  const neighbors = () => ({
    setupRequest: (request: autocannon.Request) => ({
      ...request,
      path: `/entities/${encodeURIComponent(pick(options.entities))}/neighbors?limit=20`,
    }),
  });
  const graph = {
    setupRequest: (request: autocannon.Request) => ({
      ...request,
      path: `/graph?center=${encodeURIComponent(pick(options.entities))}&depth=1&limit=200`,
    }),
  };
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    requests: [
      search(),
      search(),
      search(),
      search(),
      search(),
      search(),
      neighbors(),
      neighbors(),
      neighbors(),
      graph,
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}
