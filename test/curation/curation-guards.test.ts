// What a curation refuses: no key (401) or no key configured (403), an unknown entity (404), and bad input
// (400: into itself, a cycle of merges, an empty name, an unknown type, articles that do not mention the
// entity); each leaves the log, the index and the graph as they were.
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiDeps } from '../../src/api-deps.js';
import { createApp } from '../../src/http/create-app.js';
import type { TestNewsgraph } from '../helpers/test-newsgraph.js';
import { admin, openCurationNewsgraph, visibleState } from './curation-helpers.js';

let ng: TestNewsgraph;
let before: Awaited<ReturnType<typeof visibleState>>;

beforeAll(async () => {
  ng = await openCurationNewsgraph('cur_guard');
  before = await visibleState(ng);
});

async function expectNothingChanged(): Promise<void> {
  expect(await ng.opened.curationLog.all()).toEqual([]);
  expect(await visibleState(ng)).toEqual(before);
}

const WRITES: Array<[string, string, object]> = [
  ['post', '/entities/prov-michael-mueller/merge', { into: 'olaf-scholz' }],
  ['patch', '/entities/olaf-scholz', { name: 'Scholz' }],
  ['post', '/entities/nato/block', {}],
  ['delete', '/entities/nato/block', {}],
  ['post', '/entities', { name: 'Weihnachtsmann', type: 'other' }],
  ['post', '/entities/prov-michael-mueller/split', { articles: ['a2'], as: { name: 'M', type: 'person' } }],
  ['post', '/curations/c-1/revert', {}],
];

describe('curation guards', () => {
  it('every write answers 401 without the admin key, or with a wrong one, and changes nothing', async () => {
    for (const [method, path, body] of WRITES) {
      const call = (request(ng.app) as unknown as Record<string, (p: string) => request.Test>)[method]!(path);
      const missing = await call.send(body);
      expect(missing.status, `${method} ${path}`).toBe(401);
      expect(missing.body.error.code).toBe('unauthorized');
      const wrongCall = (request(ng.app) as unknown as Record<string, (p: string) => request.Test>)[method]!(
        path,
      );
      const wrong = await wrongCall.set('Authorization', 'Bearer not-the-key').send(body);
      expect(wrong.status).toBe(401);
    }
    await expectNothingChanged();
  });

  it('every write answers 403 when no admin key is configured', async () => {
    const app = ng.record(
      createApp({ ...apiDeps(ng.opened, ng.store, ng.config, ng.deps.logger), adminApiKey: undefined }),
    );
    for (const [method, path, body] of WRITES) {
      const call = (request(app) as unknown as Record<string, (p: string) => request.Test>)[method]!(path);
      const answer = await call.set('Authorization', 'Bearer anything').send(body);
      expect(answer.status, `${method} ${path}`).toBe(403);
      expect(answer.body.error.code).toBe('admin_key_not_configured');
    }
    await expectNothingChanged();
  });

  it('bad input answers 400 or 404 with a message naming the field and changes nothing', async () => {
    const cases: Array<[() => request.Test, number, RegExp]> = [
      [
        () => admin(ng).post('/entities/nobody-here/merge', { into: 'olaf-scholz' }),
        404,
        /no entity "nobody-here"/,
      ],
      [
        () => admin(ng).post('/entities/olaf-scholz/merge', { into: 'nobody-here' }),
        404,
        /no entity "nobody-here"/,
      ],
      [
        () => admin(ng).post('/entities/olaf-scholz/merge', { into: 'olaf-scholz' }),
        400,
        /^into: cannot merge "olaf-scholz" into itself/,
      ],
      [() => admin(ng).post('/entities/olaf-scholz/merge', {}), 400, /^body\.into|^into/],
      [
        () => admin(ng).patch('/entities/olaf-scholz', { name: '  ' }),
        400,
        /^name: must be a non-empty name/,
      ],
      [
        () => admin(ng).patch('/entities/olaf-scholz', { type: 'planet' }),
        400,
        /^type: must be one of person/,
      ],
      [() => admin(ng).patch('/entities/olaf-scholz', {}), 400, /changes nothing/],
      [
        () => admin(ng).patch('/entities/olaf-scholz', { aliases: { remove: ['Nope'] } }),
        400,
        /^aliases\.remove: "olaf-scholz" has no alias "Nope"/,
      ],
      [() => admin(ng).patch('/entities/nobody-here', { name: 'X' }), 404, /no entity/],
      [
        () => admin(ng).post('/entities', { name: '', type: 'person' }),
        400,
        /^name: must be a non-empty name/,
      ],
      [() => admin(ng).post('/entities', { name: 'Olaf', type: 'human' }), 400, /^type: must be one of/],
      [
        () => admin(ng).post('/entities', { id: 'olaf-scholz', name: 'Olaf', type: 'person' }),
        400,
        /^id: entity "olaf-scholz" exists/,
      ],
      [
        () => admin(ng).post('/entities', { id: 'Bad Id', name: 'Olaf', type: 'person' }),
        400,
        /^id: ids are lower-case/,
      ],
      [
        () =>
          admin(ng).post('/entities/prov-michael-mueller/split', {
            articles: ['a5'],
            as: { name: 'M', type: 'person' },
          }),
        400,
        /^articles: "a5" do not mention "prov-michael-mueller"/,
      ],
      [
        () =>
          admin(ng).post('/entities/prov-michael-mueller/split', {
            articles: [],
            as: { name: 'M', type: 'person' },
          }),
        400,
        /^articles: must be a non-empty array/,
      ],
      [
        () =>
          admin(ng).post('/entities/prov-michael-mueller/split', {
            articles: ['a2'],
            as: { name: 'M', type: 'alien' },
          }),
        400,
        /^as\.type: must be one of/,
      ],
      [() => admin(ng).delete('/entities/nato/block'), 404, /"nato" is not blocked/],
      [() => admin(ng).post('/curations/c-unknown/revert'), 404, /no curation "c-unknown"/],
    ];
    for (const [call, status, message] of cases) {
      const answer = await call();
      expect(answer.status, answer.body.error?.message).toBe(status);
      expect(answer.body.error.message).toMatch(message);
    }
    await expectNothingChanged();
  });

  it('a cycle of merges and a merge into a merged entity are refused', async () => {
    const merged = await admin(ng).post('/entities/xi-jinping/merge', { into: 'vladimir-putin' }).expect(200);
    const back = await admin(ng).post('/entities/vladimir-putin/merge', { into: 'xi-jinping' }).expect(400);
    expect(back.body.error.message).toMatch(
      /^into: merging "vladimir-putin" into "xi-jinping" makes a cycle/,
    );
    const again = await admin(ng).post('/entities/xi-jinping/merge', { into: 'olaf-scholz' }).expect(400);
    expect(again.body.error.message).toMatch(/^id: entity "xi-jinping" was merged into "vladimir-putin"/);
    expect((await ng.opened.curationLog.all()).map((c) => c.id)).toEqual([merged.body.id]);
    await admin(ng).post(`/curations/${merged.body.id}/revert`).expect(200);
    const twice = await admin(ng).post(`/curations/${merged.body.id}/revert`).expect(409);
    expect(twice.body.error.message).toMatch(/is reverted, not in force/);
    expect(await visibleState(ng)).toEqual(before);
  });
});
