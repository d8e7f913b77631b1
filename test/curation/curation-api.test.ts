// Each correction, through the API: the index, the graph (live and rebuilt from the index), the facets,
// GET /graph and the neighbours equal those of a fresh index of the same articles with the corrections
// already in force, and a revert gives back exactly the state before.
import { edgeBetween } from '../../src/graph/edge-lists.js';
import { entityAttributes, hasEntity } from '../../src/graph/entity-table.js';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Curation } from '../../src/curation/types.js';
import type { TestNewsgraph } from '../helpers/test-newsgraph.js';
import type { ArticleDocument } from '../../src/search/types.js';
import {
  admin,
  ARTICLES,
  KEY,
  openCurationNewsgraph,
  visibleState,
  WIRE_COPY,
  WIRE_STORY,
} from './curation-helpers.js';

/** A fresh newsgraph that gets `from`'s curation log before it indexes the same articles. */
async function freshWithLogOf(from: TestNewsgraph): Promise<TestNewsgraph> {
  const { openTestNewsgraph } = await import('../helpers/test-newsgraph.js');
  const fresh = await openTestNewsgraph('cur_fresh', {
    ADMIN_API_KEY: KEY,
    NER: 'off',
    EXTRACT_THREADS: '0',
  });
  for (const curation of await from.opened.curationLog.all()) await fresh.opened.curationLog.put(curation);
  await fresh.deps.curator.refresh();
  await request(fresh.app).post('/articles').set('Authorization', `Bearer ${KEY}`).send(ARTICLES).expect(200);
  return fresh;
}

async function expectFreshEquals(ng: TestNewsgraph): Promise<void> {
  const fresh = await freshWithLogOf(ng);
  expect(await visibleState(ng)).toEqual(await visibleState(fresh));
}

async function revertRestores(
  ng: TestNewsgraph,
  before: Awaited<ReturnType<typeof visibleState>>,
  id: string,
) {
  const reverted = await admin(ng).post(`/curations/${id}/revert`).expect(200);
  expect(reverted.body.status).toBe('reverted');
  expect(await visibleState(ng)).toEqual(before);
}

describe('entity corrections', () => {
  it('a merge moves every mention, keeps the old id answering, and equals a fresh index; revert restores it', async () => {
    const ng = await openCurationNewsgraph('cur_merge');
    const before = await visibleState(ng);
    const merged = await admin(ng)
      .post('/entities/prov-michael-mueller/merge', { into: 'olaf-scholz' })
      .expect(200);
    const curation = merged.body as Curation;
    expect(curation.status).toBe('done');
    expect(curation.counts).toMatchObject({ candidates: 4, processed: 4, changed: 4, failed: 0 });
    expect(hasEntity(ng.store, 'prov-michael-mueller')).toBe(false);
    expect(entityAttributes(ng.store, 'olaf-scholz')?.articles).toBe(5);
    const old = await request(ng.app).get('/entities/prov-michael-mueller').expect(200);
    expect(old.body).toEqual({ id: 'prov-michael-mueller', mergedInto: 'olaf-scholz' });
    const card = await request(ng.app).get('/entities/olaf-scholz').expect(200);
    expect(card.body.aliases).toContain('Michael Müller');
    const found = await request(ng.app).get('/search?entity=prov-michael-mueller').expect(200);
    expect(found.body.total).toBe(0);
    await expectFreshEquals(ng);
    await revertRestores(ng, before, curation.id);
  });

  it('a rename and retype of a provisional entity show everywhere and equal a fresh index; revert restores it', async () => {
    const ng = await openCurationNewsgraph('cur_rename');
    const before = await visibleState(ng);
    const renamed = await request(ng.app)
      .patch('/entities/prov-michael-mueller')
      .set('Authorization', `Bearer ${KEY}`)
      .send({ name: 'Michael Müller (Fußballer)', type: 'other' })
      .expect(200);
    expect(entityAttributes(ng.store, 'prov-michael-mueller')).toMatchObject({
      name: 'Michael Müller (Fußballer)',
      type: 'other',
    });
    const hits = await request(ng.app).get('/search?entity=prov-michael-mueller').expect(200);
    for (const hit of hits.body.hits as Array<{ entities: Array<{ id: string; name: string }> }>) {
      expect(hit.entities.find((e) => e.id === 'prov-michael-mueller')?.name).toBe(
        'Michael Müller (Fußballer)',
      );
    }
    await expectFreshEquals(ng);
    await revertRestores(ng, before, (renamed.body as Curation).id);
  });

  it('a new alias applies to articles already indexed, equals a fresh index, and revert restores it', async () => {
    const ng = await openCurationNewsgraph('cur_alias');
    const before = await visibleState(ng);
    const added = await admin(ng)
      .patch('/entities/emmanuel-macron', { aliases: { add: ['Weihnachtsmann'] } })
      .expect(200);
    expect((added.body as Curation).counts.changed).toBe(1);
    const a4 = await request(ng.app).get('/articles/a4').expect(200);
    const texts = (a4.body.mentions as Array<{ entityId: string; text: string }>)
      .filter((m) => m.entityId === 'emmanuel-macron')
      .map((m) => m.text);
    expect(texts).toContain('Weihnachtsmann');
    await expectFreshEquals(ng);
    await revertRestores(ng, before, (added.body as Curation).id);
  });

  it('a rewrite keeps the duplicate mark and fingerprint of a copy, through a merge and through a revert', async () => {
    const ng = await openCurationNewsgraph('cur_fields');
    await admin(ng).post('/articles', [WIRE_STORY, WIRE_COPY]).expect(200);
    const stored = async () => {
      const [doc] = await ng.opened.search.getArticles([WIRE_COPY.id], ['*'] as never[]);
      return doc as ArticleDocument;
    };
    const dedupFields = (doc: ArticleDocument) => ({
      duplicateOf: doc.duplicateOf,
      firstSeq: doc.firstSeq,
      fingerprint: doc.fingerprint,
      fingerprintBands: doc.fingerprintBands,
    });
    const indexed = await stored();
    expect(indexed.duplicateOf).toBe(WIRE_STORY.id);
    expect(indexed.fingerprint).toHaveLength(64);
    expect(indexed.fingerprintBands).toHaveLength(32);
    expect(indexed.entities).toContain('prov-michael-mueller');
    const articlesOf = (id: string) => entityAttributes(ng.store, id)?.articles;
    // Four of ARTICLES and the first of the story: the copy counts for nothing.
    expect(articlesOf('prov-michael-mueller')).toBe(5);
    const scholzBefore = articlesOf('olaf-scholz');

    const merged = await admin(ng)
      .post('/entities/prov-michael-mueller/merge', { into: 'olaf-scholz' })
      .expect(200);
    const afterMerge = await stored();
    expect(afterMerge.curatedBy).toEqual([merged.body.id]);
    expect(dedupFields(afterMerge)).toEqual(dedupFields(indexed));
    // a2 and a6 gain Scholz through the merge; the story (which names him) counts once, as before.
    expect(articlesOf('olaf-scholz')).toBe((scholzBefore ?? 0) + 2);

    await admin(ng).post(`/curations/${merged.body.id}/revert`).expect(200);
    const afterRevert = await stored();
    expect(afterRevert.seq).toBeGreaterThan(afterMerge.seq);
    expect(dedupFields(afterRevert)).toEqual(dedupFields(indexed));
    expect(articlesOf('olaf-scholz')).toBe(scholzBefore);
    const copy = await request(ng.app).get(`/articles/${WIRE_COPY.id}`).expect(200);
    expect(copy.body.duplicateOf).toBe(WIRE_STORY.id);
  });

  it('a copy promoted to first when the first is deleted keeps its curation marks, so a revert still reaches it', async () => {
    const ng = await openCurationNewsgraph('cur_promote');
    await admin(ng).post('/articles', [WIRE_STORY, WIRE_COPY]).expect(200);
    const merged = await admin(ng)
      .post('/entities/prov-michael-mueller/merge', { into: 'olaf-scholz' })
      .expect(200);
    await admin(ng).delete(`/articles/${WIRE_STORY.id}`).expect(200);
    const promoted = (await request(ng.app).get(`/articles/${WIRE_COPY.id}`).expect(200)).body;
    expect(promoted.duplicateOf).toBeNull();
    const [stored] = await ng.opened.search.getArticles([WIRE_COPY.id], ['curatedBy']);
    expect(stored?.curatedBy).toEqual([merged.body.id]);
    await admin(ng).post(`/curations/${merged.body.id}/revert`).expect(200);
    const [reverted] = await ng.opened.search.getArticles([WIRE_COPY.id], ['entities']);
    expect(reverted?.entities).toContain('prov-michael-mueller');
    expect(edgeBetween(ng.store, 'prov-michael-mueller', 'olaf-scholz') !== undefined).toBe(true);
  });

  it('a block removes the mentions and an unblock brings them back exactly', async () => {
    const ng = await openCurationNewsgraph('cur_block');
    const before = await visibleState(ng);
    await admin(ng).post('/entities/nato/block').expect(200);
    expect(hasEntity(ng.store, 'nato')).toBe(false);
    expect((await request(ng.app).get('/search?entity=nato').expect(200)).body.total).toBe(0);
    await expectFreshEquals(ng);
    const unblocked = await admin(ng).delete('/entities/nato/block').expect(200);
    expect(unblocked.body.status).toBe('reverted');
    expect(await visibleState(ng)).toEqual(before);
  });

  it('a created entity is found in articles already indexed, equal to a fresh index; revert restores it', async () => {
    const ng = await openCurationNewsgraph('cur_create');
    const before = await visibleState(ng);
    const created = await admin(ng)
      .post('/entities', { name: 'Weihnachtsmann', type: 'other', aliases: [] })
      .expect(201);
    expect(created.body.args.id).toBe('weihnachtsmann');
    expect(entityAttributes(ng.store, 'weihnachtsmann')).toMatchObject({ type: 'other', articles: 1 });
    await expectFreshEquals(ng);
    await revertRestores(ng, before, (created.body as Curation).id);
  });

  it('a split moves the mentions of the given articles to a new entity; revert restores it', async () => {
    const ng = await openCurationNewsgraph('cur_split');
    const before = await visibleState(ng);
    const split = await admin(ng)
      .post('/entities/prov-michael-mueller/split', {
        articles: ['a2'],
        as: { name: 'Michael Müller', type: 'person' },
      })
      .expect(200);
    const newId = (split.body as Curation & { args: { as: { id: string } } }).args.as.id;
    expect(newId).toBe('prov-michael-mueller-2');
    expect(entityAttributes(ng.store, newId)?.articles).toBe(1);
    expect(entityAttributes(ng.store, 'prov-michael-mueller')?.articles).toBe(3);
    expect(edgeBetween(ng.store, newId, 'munich') !== undefined).toBe(true);
    expect(edgeBetween(ng.store, 'prov-michael-mueller', 'munich') !== undefined).toBe(false);
    await expectFreshEquals(ng);
    await revertRestores(ng, before, (split.body as Curation).id);
  });

  it('a revert that a later operation builds on is refused with 409, naming it, and changes nothing', async () => {
    const ng = await openCurationNewsgraph('cur_dep');
    const merge = await admin(ng)
      .post('/entities/prov-michael-mueller/merge', { into: 'olaf-scholz' })
      .expect(200);
    const rename = await admin(ng).patch('/entities/olaf-scholz', { name: 'Olaf S.' }).expect(200);
    const state = await visibleState(ng);
    const refused = await admin(ng).post(`/curations/${merge.body.id}/revert`).expect(409);
    expect(refused.body.error.code).toBe('curation_conflict');
    expect(refused.body.error.message).toContain(rename.body.id);
    expect(await visibleState(ng)).toEqual(state);
    const list = await request(ng.app).get('/curations').expect(200);
    expect(list.body.curations.map((c: Curation) => c.id)).toEqual([rename.body.id, merge.body.id]);
    const one = await request(ng.app).get(`/curations/${merge.body.id}`).expect(200);
    expect(one.body.status).toBe('done');
  });
});
