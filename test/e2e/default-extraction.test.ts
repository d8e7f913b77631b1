// The default settings, as `npm start` runs them (no NER given): the tagger runs, mentions outside the
// knowledge base are found, and derived mentions are marked wherever mentions are returned.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE, openTestNewsgraph, type TestNewsgraph } from '../helpers/test-newsgraph.js';

describe('extraction with the default settings', () => {
  let ng: TestNewsgraph;

  beforeAll(async () => {
    ng = await openTestNewsgraph('default_extraction');
    await ng.index([SAMPLE]);
  });
  afterAll(async () => {
    await ng.opened.close();
  });

  it('runs the tagger: the sample has a person outside the knowledge base, and a name only the tagger knows is found', async () => {
    expect(ng.config.ner).toBe('tagger');
    const people = await request(ng.app).get('/entities').query({ type: 'person', limit: 50 }).expect(200);
    expect(people.body.hits.map((hit: { id: string }) => hit.id)).toContain('prov-mike-lynch');
    // "Mychajlo" is in no given-name list: the name rule alone does not find this adviser.
    const res = await request(ng.app)
      .post('/analyze')
      .send({
        text: 'Der Berater Mychajlo Podoljak sagte am Montag in Kiew, die Firma Zalando wachse.',
        lang: 'de',
      })
      .expect(200);
    expect(res.body.mentions).toContainEqual(
      expect.objectContaining({
        text: 'Mychajlo Podoljak',
        type: 'person',
        entityId: 'prov-mychajlo-podoljak',
      }),
    );
  });

  it('marks derived mentions in POST /analyze and GET /articles/:id, and they still link', async () => {
    const res = await request(ng.app)
      .post('/analyze')
      .send({ text: 'Die russische Regierung sprach mit Russland über die Ukraine-Krise.', lang: 'de' })
      .expect(200);
    const derived = res.body.mentions.filter((m: { derived?: boolean }) => m.derived);
    expect(derived.map((m: { text: string; entityId: string }) => [m.text, m.entityId])).toEqual([
      ['russische', 'russia'],
      ['Ukraine', 'ukraine'],
    ]);
    expect(res.body.mentions.find((m: { text: string }) => m.text === 'Russland')).not.toHaveProperty(
      'derived',
    );
    const article = await request(ng.app).get('/articles/seed-article-de').expect(200);
    const chinese = article.body.mentions.find((m: { text: string }) => m.text === 'chinesischen');
    expect(chinese).toMatchObject({ entityId: 'china', derived: true });
  });
});
