// Small measuring helpers the bench scripts share: percentiles, timed HTTP requests, memory in MB, batches.
import { REQUEST_HEADERS } from '../../src/search/create-meili-client.js';

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** p50 and p99 of latency samples in ms as table cells: two decimals under 10 ms, one above. */
export function latencyCells(samples: readonly number[]): [string, string] {
  const cell = (value: number): string => value.toFixed(value < 10 ? 2 : 1);
  return [cell(percentile(samples, 50)), cell(percentile(samples, 99))];
}

export interface Latencies {
  p50: number;
  p99: number;
  max: number;
}

/** p50, p99 and max of latency samples in ms. */
export function latencies(samples: readonly number[]): Latencies {
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), max: Math.max(...samples) };
}

/** A request other than a plain GET: its URL and fetch options (method, body, headers). */
export interface TimedRequest {
  url: string;
  init: RequestInit & { headers?: Record<string, string> };
}

/** Sends one request and reads its whole reply; the client-side latency in ms. Throws on a non-2xx. */
export async function timeRequest(request: string | TimedRequest): Promise<number> {
  const { url, init } = typeof request === 'string' ? { url: request, init: {} } : request;
  const started = performance.now();
  const response = await fetch(url, { ...init, headers: { ...REQUEST_HEADERS, ...init.headers } });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`bench: ${url} answered ${response.status}`);
  return performance.now() - started;
}

/**
 * Requests the URLs one after another; p50, p99 and max of the client-side latency in ms. With `refused`,
 * a non-2xx answer is counted there and left out of the latencies instead of ending the run.
 */
export async function timeRequests(
  urls: readonly string[],
  headers: Record<string, string> = {},
  refused?: { count: number },
): Promise<Latencies> {
  const samples: number[] = [];
  for (const url of urls) {
    try {
      samples.push(await timeRequest({ url, init: { headers } }));
    } catch (error) {
      if (!refused) throw error;
      refused.count += 1;
    }
  }
  return latencies(samples);
}

/**
 * Requests the i-th URL of every series in turn, rotating which series goes first, so that a machine whose
 * speed drifts during the run slows every series alike; p50, p99 and max of each series in ms.
 */
export async function timeInterleaved<K extends string>(
  series: Record<K, ReadonlyArray<string | TimedRequest>>,
): Promise<Record<K, Latencies>> {
  const names = Object.keys(series) as K[];
  const samples = new Map<K, number[]>(names.map((name) => [name, []]));
  const count = Math.min(...names.map((name) => series[name].length));
  for (let i = 0; i < count; i++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(i + k) % names.length] as K;
      samples.get(name)?.push(await timeRequest(series[name][i] ?? ''));
    }
  }
  return Object.fromEntries(names.map((name) => [name, latencies(samples.get(name) ?? [])])) as Record<
    K,
    Latencies
  >;
}

/** Runs `work` once per item, one after another; p50, p99 and max in ms. */
export function timeCalls<T>(items: readonly T[], work: (item: T) => unknown): Latencies {
  const samples = items.map((item) => {
    const started = performance.now();
    work(item);
    return performance.now() - started;
  });
  return latencies(samples);
}

export function megabytes(bytes: number): number {
  return Math.round(bytes / 1024 / 1024);
}

/** Heap in use after a full collection (when node runs with --expose-gc, as npm run bench does), in MB. */
export function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return megabytes(process.memoryUsage().heapUsed);
}

/** `items` cut into consecutive batches of `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );
}
