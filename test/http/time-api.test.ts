// GET /entities/:id/timeline and GET /trending through the app: their JSON shapes, time zones of published
// timestamps from POST /articles to the bucket, and a 400 naming the parameter for every bad query.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestNewsgraph, type TestNewsgraph } from '../helpers/test-newsgraph.js';

const KEY = 'test-admin-key-time-0123456789';
let ng: TestNewsgraph;

const article = (
  id: string,
  published: string | undefined,
  body = 'Angela Merkel traf Emmanuel Macron in Paris.',
) => ({
  id,
  lang: 'de',
  body,
  ...(published ? { published } : {}),
});

beforeAll(async () => {
  ng = await openTestNewsgraph('time', { ADMIN_API_KEY: KEY });
  await request(ng.app)
    .post('/articles')
    .set('Authorization', `Bearer ${KEY}`)
    .send([
      // Sunday 23:30 at UTC−2 is Monday 01:30 UTC: Monday's day and a new ISO week.
      article('tz-west', '2024-01-07T23:30:00-02:00'),
      // Monday 00:30 at UTC+2 is Sunday 22:30 UTC: still the week before.
      article('tz-east', '2024-01-08T00:30:00+02:00'),
      article('plain', '2024-01-20'),
      article('undated', undefined),
      article('new', '2024-01-19', 'Olaf Scholz sprach mit Emmanuel Macron.'),
    ])
    .expect(200);
});

afterAll(async () => {
  await ng.opened.close();
});

describe('GET /entities/:id/timeline', () => {
  it('answers {entity, interval, undated, buckets} with each timestamp in the bucket of its UTC time', async () => {
    const res = await request(ng.app)
      .get('/entities/angela-merkel/timeline')
      .query({ interval: 'day', from: '2024-01-07', to: '2024-01-09' })
      .expect(200);
    expect(res.body).toEqual({
      entity: { id: 'angela-merkel', name: expect.any(String), type: 'person' },
      interval: 'day',
      undated: { articles: 1, mentions: 1 },
      buckets: [
        { start: '2024-01-07', articles: 1, mentions: 1 },
        { start: '2024-01-08', articles: 1, mentions: 1 },
        { start: '2024-01-09', articles: 0, mentions: 0 },
      ],
    });
    const weeks = await request(ng.app)
      .get('/entities/angela-merkel/timeline')
      .query({ interval: 'week' })
      .expect(200);
    expect(weeks.body.buckets).toEqual([
      { start: '2024-01-01', articles: 1, mentions: 1 },
      { start: '2024-01-08', articles: 1, mentions: 1 },
      { start: '2024-01-15', articles: 1, mentions: 1 },
    ]);
  });

  it('with `with`, counts the articles and sentences that mention both', async () => {
    const res = await request(ng.app)
      .get('/entities/angela-merkel/timeline')
      .query({ interval: 'month', with: 'emmanuel-macron' })
      .expect(200);
    expect(res.body).toMatchObject({
      entity: { id: 'angela-merkel' },
      with: { id: 'emmanuel-macron', type: 'person' },
      interval: 'month',
      undated: { articles: 1, mentions: 1 },
      buckets: [{ start: '2024-01-01', articles: 3, mentions: 3 }],
    });
  });

  it.each([
    [{ interval: 'year' }, 'interval'],
    [{ from: 'yesterday' }, 'from'],
    [{ to: '2024-02-30' }, 'to'],
    [{ from: '2024-02-01', to: '2024-01-01' }, 'from'],
    [{ interval: 'day', from: '1900-01-01', to: '2024-01-01' }, 'interval'],
  ])('answers 400 naming the parameter for %o', async (query, parameter) => {
    const res = await request(ng.app).get('/entities/angela-merkel/timeline').query(query).expect(400);
    expect(res.body.error.code).toBe('invalid_parameter');
    expect(res.body.error.message).toMatch(new RegExp(`^${parameter}: `));
  });

  it('answers 404 for an unknown entity or an unknown `with`', async () => {
    await request(ng.app).get('/entities/nobody/timeline').expect(404);
    const res = await request(ng.app).get('/entities/angela-merkel/timeline?with=nobody').expect(404);
    expect(res.body.error.message).toContain('"nobody"');
  });
});

describe('GET /trending', () => {
  it('answers the window it used and {entities: [{id, name, type, articles, baselineArticles, score}]}', async () => {
    const res = await request(ng.app)
      .get('/trending')
      .query({ from: '2024-01-15', to: '2024-01-21', baselineFrom: '2024-01-01', baselineTo: '2024-01-07' })
      .expect(200);
    expect(res.body).toMatchObject({
      from: '2024-01-15T00:00:00.000Z',
      to: '2024-01-21T23:59:59.999Z',
      baselineFrom: '2024-01-01T00:00:00.000Z',
      baselineTo: '2024-01-07T23:59:59.999Z',
      anchoredToNewest: false,
      articles: 2,
      baselineArticles: 1,
    });
    // Macron is in every article of both windows and Merkel's share fell: only Scholz rose.
    expect(res.body.entities).toEqual([
      {
        id: 'olaf-scholz',
        name: 'Olaf Scholz',
        type: 'person',
        articles: 1,
        baselineArticles: 0,
        score: expect.any(Number),
      },
    ]);
  });

  it('by default ends at the newest dated article when nothing is from the last week, and says so', async () => {
    const res = await request(ng.app).get('/trending').query({ pairs: 'true' }).expect(200);
    // 2024-01-13 to 2024-01-20 against 2024-01-06 to 2024-01-13: plain and new against tz-west and tz-east.
    expect(res.body).toMatchObject({
      from: '2024-01-13T00:00:00.001Z',
      to: '2024-01-20T00:00:00.000Z',
      anchoredToNewest: true,
      articles: 2,
      baselineArticles: 2,
    });
    expect(res.body.pairs).toEqual([
      {
        a: { id: 'emmanuel-macron', name: 'Emmanuel Macron', type: 'person' },
        b: { id: 'olaf-scholz', name: 'Olaf Scholz', type: 'person' },
        articles: 1,
        baselineArticles: 0,
        score: expect.any(Number),
      },
    ]);
    const entities = await request(ng.app).get('/trending').expect(200);
    expect(entities.body.entities.map((entity: { id: string }) => entity.id)).toEqual(['olaf-scholz']);
  });

  it('answers anew once the graph changes', async () => {
    const query = { from: '2024-02-01', to: '2024-02-07' };
    const before = await request(ng.app).get('/trending').query(query).expect(200);
    expect(before.body).toMatchObject({ articles: 0, entities: [] });
    await request(ng.app)
      .post('/articles')
      .set('Authorization', `Bearer ${KEY}`)
      .send([article('february', '2024-02-03', 'Olaf Scholz traf Emmanuel Macron.')])
      .expect(200);
    const after = await request(ng.app).get('/trending').query(query).expect(200);
    expect(after.body.articles).toBe(1);
    expect(after.body.entities.map((entity: { id: string }) => entity.id).sort()).toEqual([
      'emmanuel-macron',
      'olaf-scholz',
    ]);
  });

  it.each([
    [{ limit: '0' }, 'limit'],
    [{ limit: '101' }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ type: 'planet' }, 'type'],
    [{ pairs: 'yes' }, 'pairs'],
    [{ from: '2024-01-01' }, 'to'],
    [{ to: '2024-01-01' }, 'from'],
    [{ baselineFrom: '2024-01-01' }, 'baselineTo'],
    [{ from: '2024-02-01', to: '2024-01-01' }, 'from'],
    [{ baselineFrom: 'soon', baselineTo: '2024-01-01' }, 'baselineFrom'],
  ])('answers 400 naming the parameter for %o', async (query, parameter) => {
    const res = await request(ng.app).get('/trending').query(query).expect(400);
    expect(res.body.error.code).toBe('invalid_parameter');
    expect(res.body.error.message).toMatch(new RegExp(`^${parameter}: `));
  });
});
