// The graph's persisted form, binary: the entities (ids, names and types as one JSON section, counts as
// Int32Arrays), every entity's run of edges as it sits in memory (edge-lists.ts: other end, shared
// articles, shared sentences), and the articles as the columns they are in memory (article-columns.ts).
// Loading copies runs and columns instead of replaying every article, after checking that they hold
// together (sorted, in range, each edge the same at both ends, entity counts equal to their articles').
// Written atomically (temp file, then rename); `source` names the index it mirrors, so a snapshot of
// another index is never loaded, and one that does not hold together or is of another version (older
// JSON and binary snapshots alike) is ignored: the caller rebuilds from the index.
import { open, readFile, rename } from 'node:fs/promises';
import { ENTITY_TYPES, type EntityType } from '../entities/types.js';
import { articleColumns, restoreArticles } from './article-columns.js';
import { createCooccurrenceGraph } from './create-cooccurrence-graph.js';
import type { CooccurrenceGraph } from './types.js';

const MAGIC = 'newsgraph-graph\n';
const VERSION = 5;
const END = 'end.';

interface Header {
  version: number;
  source: string;
  entities: number;
  slots: number;
  edges: number;
}

const int32 = (values: Int32Array): Buffer =>
  Buffer.from(values.buffer, values.byteOffset, values.byteLength);

function section(content: Buffer): Buffer[] {
  const length = Buffer.alloc(4);
  length.writeUInt32LE(content.length);
  return [length, content];
}

/** The sections of a snapshot, in order (see saveGraph). */
function* sectionsOf(store: CooccurrenceGraph, source: string): Generator<Buffer> {
  const { entities, edges } = store;
  const live: number[] = [];
  const renumber = new Int32Array(entities.ids.length).fill(-1);
  for (let number = 0; number < entities.ids.length; number++) {
    if ((entities.articles[number] as number) <= 0) continue;
    renumber[number] = live.length;
    live.push(number);
  }
  const slots = live.reduce((sum, number) => sum + (edges.length[number] ?? 0), 0);
  const header: Header = {
    version: VERSION,
    source,
    entities: live.length,
    slots,
    edges: edges.count,
  };
  yield Buffer.from(MAGIC);
  yield* section(Buffer.from(JSON.stringify(header)));
  const strings = [live.map((n) => entities.ids[n]), live.map((n) => entities.names[n])];
  yield* section(Buffer.from(JSON.stringify(strings)));
  yield* section(
    Buffer.from(Uint8Array.from(live, (n) => ENTITY_TYPES.indexOf(entities.types[n] as EntityType))),
  );
  for (const column of [entities.mentions, entities.articles, edges.length]) {
    yield* section(int32(Int32Array.from(live, (n) => column[n] ?? 0)));
  }
  // One column at a time, so that only one copy is held beside the graph.
  for (const column of [edges.others, edges.articles, edges.sentences]) {
    const out = new Int32Array(slots);
    let at = 0;
    for (const number of live) {
      const start = edges.start[number] ?? 0;
      out.set(column.subarray(start, start + (edges.length[number] ?? 0)), at);
      at += edges.length[number] ?? 0;
    }
    if (column === edges.others)
      for (let i = 0; i < slots; i++) out[i] = renumber[out[i] as number] as number;
    yield* section(int32(out));
  }
  for (const column of articleColumns(store, renumber)) {
    if (column instanceof Int32Array || column instanceof Float64Array) {
      yield* section(Buffer.from(column.buffer, column.byteOffset, column.byteLength));
    } else yield* section(Buffer.from(JSON.stringify(column)));
  }
  yield Buffer.from(END);
}

/** Writes the graph and its articles to `file` (atomically). */
export async function saveGraph(store: CooccurrenceGraph, file: string, source: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    for (const buffer of sectionsOf(store, source)) await handle.write(buffer);
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
}

/** Copies a section into `out` (so that it is aligned and owns its memory); throws unless sizes agree. */
function copyInto<T extends Int32Array | Float64Array>(out: T, bytes: Buffer): T {
  if (bytes.length !== out.byteLength)
    throw new Error(`section of ${bytes.length} bytes, expected ${out.byteLength}`);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

/** Reads sections off a buffer; throws when one runs past the end. */
function reader(buffer: Buffer) {
  let at = 0;
  const take = (length: number): Buffer => {
    if (at + length > buffer.length) throw new Error(`snapshot cut short at byte ${at}`);
    const part = buffer.subarray(at, at + length);
    at += length;
    return part;
  };
  const next = (): Buffer => take(take(4).readUInt32LE(0));
  return {
    take,
    next,
    json: (): unknown => JSON.parse(next().toString('utf8')),
    int32: (count: number): Int32Array => copyInto(new Int32Array(count), next()),
    float64: (count: number): Float64Array => copyInto(new Float64Array(count), next()),
    done: () => at === buffer.length,
  };
}

/** A 32-bit mix of one edge as (lower end, higher end, articles, sentences), seeded. */
function edgeHash(seed: number, x: number, y: number, articles: number, sentences: number): number {
  let h = Math.imul(seed ^ x, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15) ^ y, 0x85ebca77);
  h = Math.imul(h ^ (h >>> 13) ^ articles, 0xc2b2ae3d);
  h = Math.imul(h ^ (h >>> 16) ^ sentences, 0x27d4eb2f);
  return h ^ (h >>> 15);
}

/**
 * Throws unless every run is sorted, in range, and each edge says the same at its two ends. The ends are
 * compared through sums of two 32-bit hashes of each edge, one sum over the halves held by the lower end and
 * one over those held by the higher: a pass in slab order, where finding each edge's other half took a
 * random read per edge (2.8 s of a 4.8 s load at 10M edges, measured). Halves that disagree leave the sums
 * equal with odds of about 2^-64.
 */
function checkRuns(store: CooccurrenceGraph): void {
  const { start, length, others, articles, sentences } = store.edges;
  const count = start.length;
  let [lowA, lowB, highA, highB] = [0, 0, 0, 0];
  for (let x = 0; x < count; x++) {
    const [from, to] = [start[x] as number, (start[x] as number) + (length[x] as number)];
    for (let at = from; at < to; at++) {
      const y = others[at] as number;
      const [shared, sentenced] = [articles[at] as number, sentences[at] as number];
      if (y < 0 || y >= count || y === x) throw new Error(`entity ${x}: edge to ${y}`);
      if (at > from && y <= (others[at - 1] as number)) throw new Error(`entity ${x}: run not sorted`);
      if (shared < 1 || sentenced < 0) throw new Error(`entity ${x}: counts`);
      if (x < y) {
        lowA = (lowA + edgeHash(1, x, y, shared, sentenced)) | 0;
        lowB = (lowB + edgeHash(2, x, y, shared, sentenced)) | 0;
      } else {
        highA = (highA + edgeHash(1, y, x, shared, sentenced)) | 0;
        highB = (highB + edgeHash(2, y, x, shared, sentenced)) | 0;
      }
    }
  }
  if (lowA !== highA || lowB !== highB) throw new Error('edges whose ends disagree');
}

function restore(buffer: Buffer, source: string): CooccurrenceGraph | undefined {
  const read = reader(buffer);
  if (read.take(MAGIC.length).toString('latin1') !== MAGIC) return undefined;
  const header = read.json() as Header;
  if (header.version !== VERSION || header.source !== source) return undefined;
  const n = header.entities;
  const [ids, names] = read.json() as [string[], string[]];
  const types = read.next();
  if (ids.length !== n || names.length !== n || types.length !== n)
    throw new Error('entity sections disagree');
  const [mentions, articles, lengths] = [read.int32(n), read.int32(n), read.int32(n)];
  const store = createCooccurrenceGraph();
  const { entities, edges } = store;
  let at = 0;
  for (let number = 0; number < n; number++) {
    const type = ENTITY_TYPES[types[number] as number];
    if (type === undefined || (articles[number] as number) < 1 || (lengths[number] as number) < 0)
      throw new Error(`entity ${number} does not hold together`);
    entities.numbers.set(ids[number] as string, number);
    entities.types.push(type);
    entities.mentions.push(mentions[number] as number);
    entities.articles.push(articles[number] as number);
    edges.start.push(at);
    edges.length.push(lengths[number] as number);
    edges.capacity.push(lengths[number] as number);
    at += lengths[number] as number;
  }
  if (entities.numbers.size !== n || at !== header.slots || header.slots !== 2 * header.edges)
    throw new Error('entities and edges disagree');
  Object.assign(entities, { ids, names, live: n });
  Object.assign(edges, {
    others: read.int32(at),
    articles: read.int32(at),
    sentences: read.int32(at),
    used: at,
    reserved: at,
    count: header.edges,
  });
  checkRuns(store);
  restoreArticles(store, read, n);
  if (read.take(END.length).toString('latin1') !== END || !read.done())
    throw new Error('snapshot does not end');
  return store;
}

/** Loads a snapshot of `source`; undefined when there is none, it is unreadable, or of another source. */
export async function loadGraph(file: string, source: string): Promise<CooccurrenceGraph | undefined> {
  try {
    return restore(await readFile(file), source);
  } catch {
    return undefined;
  }
}
