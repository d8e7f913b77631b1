// Copies of a story are indexed and searchable but count once in the graph: against the real Meilisearch,
// through POST /articles as users write, with the graph built while indexing compared with one rebuilt
// from the index and with the graph of the same articles without the copy.
import { hasEntity } from '../../src/graph/entity-table.js';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractViolations } from '../helpers/contract.js';
import { graphShape } from '../helpers/graph-shape.js';
import { openTestNewsgraph, type TestNewsgraph } from '../helpers/test-newsgraph.js';
import { rebuildGraph } from '../../src/sync-graph.js';
import { COPY, OTHER_STORY, STORY } from './stories.js';

const KEY = 'test-admin-key-0123456789';
const ENV = { ADMIN_API_KEY: KEY, NER: 'off', EXTRACT_THREADS: '0' };
const story = { id: 'wire-first', title: 'Scholz and Macron meet in Berlin', body: STORY, lang: 'en' };
const copy = { id: 'wire-copy', title: 'Berlin summit: leaders talk Ukraine', body: COPY, lang: 'en' };
const other = { id: 'paris-dinner', title: 'Dinner in Paris', body: OTHER_STORY, lang: 'en' };

let ng: TestNewsgraph;
let withoutCopy: TestNewsgraph;

const post = (target: TestNewsgraph, records: object[]) =>
  request(target.app).post('/articles').set('Authorization', `Bearer ${KEY}`).send(records).expect(200);
const article = async (id: string) => (await request(ng.app).get(`/articles/${id}`).expect(200)).body;
const edgesOf = (target: TestNewsgraph) => graphShape(target.store).edges;

beforeAll(async () => {
  ng = await openTestNewsgraph('dedup', ENV);
  withoutCopy = await openTestNewsgraph('dedup_plain', ENV);
  await post(ng, [story, copy, other]);
  await post(withoutCopy, [story, other]);
});
afterAll(async () => {
  await ng.opened.close();
  await withoutCopy.opened.close();
});

describe('duplicates counted once', () => {
  it('a near-duplicate pair gives one set of edges in the graph', async () => {
    const edges = edgesOf(ng);
    expect(edges).toContain('emmanuel-macron--olaf-scholz:2:2');
    expect(edges).toEqual(edgesOf(withoutCopy));
    expect(graphShape(ng.store).nodes).toEqual(graphShape(withoutCopy.store).nodes);
  });

  it('the copy says which article it copies, and that article lists its copies', async () => {
    expect((await article('wire-copy')).duplicateOf).toBe('wire-first');
    const first = await article('wire-first');
    expect(first.duplicateOf).toBeNull();
    expect(first.duplicates).toEqual(['wire-copy']);
  });

  it('a different story of the same people is not a duplicate', async () => {
    const paris = await article('paris-dinner');
    expect(paris.duplicateOf).toBeNull();
    expect(paris.duplicates).toEqual([]);
  });

  it('a copy is indexed and found by search', async () => {
    const found = await request(ng.app).get('/search').query({ q: 'accelerate fighter jet' }).expect(200);
    expect(found.body.hits.map((hit: { id: string }) => hit.id)).toEqual(['wire-copy']);
  });

  it('the graph rebuilt from the index equals the graph built while indexing', async () => {
    expect(graphShape(await rebuildGraph(ng.opened.search))).toEqual(graphShape(ng.store));
  });

  it('indexing the same articles again, in another order, keeps the first article first', async () => {
    await post(ng, [copy, story]);
    expect((await article('wire-first')).duplicateOf).toBeNull();
    expect((await article('wire-copy')).duplicateOf).toBe('wire-first');
    expect(edgesOf(ng)).toEqual(edgesOf(withoutCopy));
  });

  it('deleting the first article makes its copy the first, so the story still counts once', async () => {
    await post(ng, [{ ...copy, id: 'wire-copy-2' }]);
    expect((await article('wire-copy-2')).duplicateOf).toBe('wire-first');
    await request(ng.app).delete('/articles/wire-first').set('Authorization', `Bearer ${KEY}`).expect(200);
    const promoted = await article('wire-copy');
    expect(promoted.duplicateOf).toBeNull();
    expect(promoted.duplicates).toEqual(['wire-copy-2']);
    expect((await article('wire-copy-2')).duplicateOf).toBe('wire-copy');
    // The story now counts as its copy tells it, once: as in a graph of the copy and the other story.
    await request(withoutCopy.app).delete('/articles/wire-first').set('Authorization', `Bearer ${KEY}`);
    await post(withoutCopy, [copy]);
    expect(edgesOf(ng)).toEqual(edgesOf(withoutCopy));
    expect(hasEntity(ng.store, 'kyiv')).toBe(true);
    expect(graphShape(await rebuildGraph(ng.opened.search))).toEqual(graphShape(ng.store));
  });

  it('many articles that share sentences but not their story are none of them copies', async () => {
    // Each pair's shingle sets overlap by about a quarter; among hundreds of candidates some signature
    // estimate reaches 0.4 by chance, which the texts then refute.
    const shared = [
      'Olaf Scholz sprach in Berlin mit Emmanuel Macron über die NATO.',
      'Wladimir Putin empfing Xi Jinping in Moskau.',
      'Die Europäische Union beriet in Brüssel über die Ukraine.',
      'Joe Biden traf Justin Trudeau in Washington.',
    ];
    const own = (i: number) =>
      Array.from({ length: 60 }, (_, k) => `w${(i * 60 + k).toString(36)}`).join(' ');
    const records = Array.from({ length: 200 }, (_, i) => ({
      id: `similar-${i}`,
      body: `Hans Beispielmann traf den Weihnachtsmann. ${shared.filter((_, k) => (i + k) % 3 !== 0).join(' ')} Dazu: ${own(i)}.`,
      lang: 'de',
    }));
    const target = await openTestNewsgraph('dedup_similar', ENV);
    try {
      await post(target, records);
      const person = (await request(target.app).get('/entities/prov-hans-beispielmann').expect(200)).body;
      expect(person.articles).toBe(200);
    } finally {
      await target.opened.close();
    }
  }, 120_000);

  it('answers as the OpenAPI document says', async () => {
    const document = (await request(ng.app).get('/openapi.json').expect(200)).body;
    expect(contractViolations(document, ng.responses)).toEqual([]);
  });
});
