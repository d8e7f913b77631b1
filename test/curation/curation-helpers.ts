// Shared by the curation tests: a small set of articles, and the state a curation must keep equal to that
// of a fresh index: the stored documents (without write sequences), the graph, and the graph rebuilt from
// the index, the entity facets, and the answers of /graph and /entities/:id/neighbors.
import { entitiesOf } from '../../src/graph/entity-table.js';
import request from 'supertest';
import { expect } from 'vitest';
import type { ArticleDocument } from '../../src/search/types.js';
import { rebuildGraph } from '../../src/sync-graph.js';
import { graphShape } from '../helpers/graph-shape.js';
import { openTestNewsgraph, type TestNewsgraph } from '../helpers/test-newsgraph.js';

export const KEY = 'curation-admin-key-0123456789';

const article = (id: string, body: string) => ({
  id,
  body,
  lang: 'de',
  published: '2024-01-0' + id.slice(-1),
});

export const ARTICLES = [
  article('a1', 'Wladimir Putin traf Olaf Scholz in Berlin. Michael Müller war dabei.'),
  article('a2', 'Putin sprach mit Xi Jinping. Michael Müller schoss ein Tor für den FC Bayern München.'),
  article('a3', 'Michael Müller, der Berliner Politiker, traf Olaf Scholz. Die NATO tagte in Brüssel.'),
  article('a4', 'Der Weihnachtsmann kam nach Berlin. Emmanuel Macron und Olaf Scholz feierten.'),
  article('a5', 'Emmanuel Macron sprach mit Wladimir Putin über Frankreich und Russland.'),
  article('a6', 'In Brüssel sprach Michael Müller mit Emmanuel Macron über die NATO.'),
];

/** A longer story about the same people, and a copy of it as another site prints it (a sentence dropped,
 * one reworded, page furniture around it): duplicate detection marks the copy. */
const WIRE_SENTENCES = [
  'Bundeskanzler Olaf Scholz hat am Dienstag in Berlin den Bürgermeister Michael Müller empfangen.',
  'Die beiden Politiker sprachen über den Haushalt der Hauptstadt und die Kosten des neuen Flughafens.',
  'Michael Müller forderte vom Bund mehr Geld für Schulen, Wohnungen und den öffentlichen Nahverkehr.',
  'Der Kanzler sagte nach dem Treffen, der Bund werde die Stadt bei der Sanierung der Brücken unterstützen.',
  'Über die Höhe der Mittel wollen die Finanzminister beider Seiten bis zum Sommer verhandeln.',
  'Die Opposition im Abgeordnetenhaus nannte das Treffen einen Auftritt ohne konkrete Zusagen.',
  'Ein weiteres Gespräch ist für den Herbst im Roten Rathaus geplant, teilte ein Sprecher mit.',
];
export const WIRE_STORY = {
  id: 'wire-first',
  title: 'Scholz empfängt Müller',
  body: WIRE_SENTENCES.join('\n\n'),
  lang: 'de',
};
export const WIRE_COPY = {
  id: 'wire-copy',
  title: 'Müller bei Scholz: Geld für Berlin',
  body: [
    'Lesen Sie auch:',
    ...WIRE_SENTENCES.filter((_, i) => i !== 5).map((s, i) =>
      i === 4 ? s.replace('verhandeln', 'reden') : s,
    ),
    'Mehr zum Thema',
    'Teilen Sie diesen Artikel',
  ].join('\n\n'),
  lang: 'de',
};

export async function openCurationNewsgraph(name: string): Promise<TestNewsgraph> {
  const ng = await openTestNewsgraph(name, { ADMIN_API_KEY: KEY, NER: 'off', EXTRACT_THREADS: '0' });
  await request(ng.app).post('/articles').set('Authorization', `Bearer ${KEY}`).send(ARTICLES).expect(200);
  return ng;
}

export const admin = (ng: TestNewsgraph) => ({
  post: (path: string, body: object = {}) =>
    request(ng.app).post(path).set('Authorization', `Bearer ${KEY}`).send(body),
  patch: (path: string, body: object) =>
    request(ng.app).patch(path).set('Authorization', `Bearer ${KEY}`).send(body),
  delete: (path: string) => request(ng.app).delete(path).set('Authorization', `Bearer ${KEY}`),
});

/** Everything a user can see of the entities, comparable across two newsgraphs. */
export async function visibleState(ng: TestNewsgraph) {
  const docs: string[] = [];
  for await (const page of ng.opened.search.allArticles()) {
    const ids = page.map((doc) => doc.id);
    for (const doc of await ng.opened.search.getArticles(ids, [
      'id',
      'entities',
      'entityNames',
      'entityInfo',
      'mentions',
      'curatedBy',
    ] as Array<keyof ArticleDocument>)) {
      docs.push(JSON.stringify(doc));
    }
  }
  const live = graphShape(ng.store);
  const rebuilt = graphShape(await rebuildGraph(ng.opened.search));
  expect(live).toEqual(rebuilt);
  const names = [...entitiesOf(ng.store)].map(([id, node]) => `${id}:${node.name}:${node.type}`).sort();
  const facets = (await request(ng.app).get('/search?q=').expect(200)).body.facets.entity as Array<object>;
  const graph = (await request(ng.app).get('/graph').expect(200)).body as {
    nodes: unknown[];
    edges: unknown[];
  };
  const neighbors: Record<string, unknown> = {};
  for (const id of ['vladimir-putin', 'olaf-scholz', 'emmanuel-macron']) {
    const answer = await request(ng.app).get(`/entities/${id}/neighbors`);
    neighbors[id] = answer.status === 200 ? answer.body.neighbors : answer.status;
  }
  const byKey = (a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b));
  // The initial circle layout and Louvain's communities (its ties) follow the graph's insertion order,
  // which a rewrite changes though the content is the same: they are left out.
  const raw = graph.nodes as Array<{ key: string; attributes: Record<string, unknown> }>;
  const nodes = raw.map(({ attributes: { x: _x, y: _y, community: _c, ...attributes }, ...node }) => ({
    ...node,
    attributes,
  }));
  return {
    docs: docs.sort(),
    graph: live,
    names,
    facets: [...facets].sort(byKey),
    exported: { nodes: nodes.sort(byKey), edges: [...graph.edges].sort(byKey) },
    neighbors,
  };
}
