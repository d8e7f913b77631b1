// Similar entities in index mode against memory mode: the same suggestions, scores and reasons, from the
// graph index and the entity index instead of the in-memory graph's entity table. On the fixture plus
// articles written for each kind of name evidence (some found only by the look-up, some only through shared
// neighbours, one typed differently in the entity index), and on ../shared/corpus when it is there.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiDeps } from '../../src/api-deps.js';
import { aliasReader } from '../../src/curation/alias-reader.js';
import { findIndexSimilar } from '../../src/curation/find-index-similar.js';
import { findSimilar } from '../../src/curation/find-similar.js';
import type { EntityInfo, EntityType } from '../../src/entities/types.js';
import { addArticle } from '../../src/graph/add-article.js';
import { createCooccurrenceGraph } from '../../src/graph/create-cooccurrence-graph.js';
import { entitiesOf } from '../../src/graph/entity-table.js';
import type { CooccurrenceGraph } from '../../src/graph/types.js';
import { createApp } from '../../src/http/create-app.js';
import { createLogger } from '../../src/logger.js';
import { entitiesByArticles, entityIds } from '../helpers/graph-shape.js';
import { CORPUS, openTestNewsgraph, type TestNewsgraph } from '../helpers/test-newsgraph.js';
import { CORPUS_FILES, corpusPresent, FIXTURES } from './index-mode-files.js';

if (!corpusPresent) {
  console.warn(
    `similar entities over the corpus skipped: ${CORPUS} is absent (it is not part of the repository)`,
  );
}

const e = (id: string, name: string, type: EntityType = 'person'): EntityInfo => ({ id, name, type });
const putin = e('prov-wladimir-putin', 'Wladimir Putin');
const moskau = e('prov-moskau-sim', 'Moskau Sim', 'location');
const kreml = e('prov-kreml', 'Kreml', 'organization');
const street = e('prov-threadneedle-street', 'Threadneedle Street', 'location');
const kingsley = e('prov-mervyn-kingsley', 'Mervyn Kingsley');
const station = e('prov-hauptbahnhof-sim', 'Hauptbahnhof Sim', 'location');
const strike = e('prov-tarifstreit', 'Tarifstreit', 'other');
const washington = e('prov-washington-sim', 'Washington Sim', 'location');
const department = e('prov-state-department-sim', 'State Department Sim', 'organization');

const bank = e('prov-european-central-bank', 'European Central Bank', 'organization');
const FOUR = ['Aalen', 'Bebra', 'Celle', 'Diez'].map((name) =>
  e(`prov-${name.toLowerCase()}-sim`, name, 'location'),
);

/** Articles for each kind of name evidence, as [entities] (each article one sentence). */
const VARIANTS: EntityInfo[][] = [
  [putin, moskau, kreml],
  // Surname and initial (stands alone), a bare surname and an alias (found with the neighbours too).
  [e('prov-w-putin', 'W. Putin'), moskau, kreml],
  [e('prov-putin', 'Putin'), moskau, kreml],
  [e('prov-vova', 'Vova'), moskau, kreml],
  // A short one-word typo needs the neighbours.
  [e('kremlin-sim', 'Kremlin', 'organization'), moskau, putin],
  // Initials: never found by a look-up of "MPC", only through the neighbours.
  [e('prov-monetary-policy-committee', 'Monetary Policy Committee', 'organization'), street, kingsley],
  [e('prov-mpc', 'MPC', 'organization'), street, kingsley],
  // A typo and the same name without "The", with no neighbour in common: found by the look-up alone.
  [e('prov-michael-mueller-sim', 'Michael Müller'), e('prov-hertha', 'Hertha', 'organization')],
  [e('prov-michael-muler-sim', 'Michael Müler'), e('prov-frankfurt-sim', 'Frankfurt Sim', 'location')],
  [e('prov-the-sun-grid', 'The Sun Grid', 'organization'), e('prov-solarpark', 'Solarpark', 'location')],
  [e('prov-sun-grid', 'Sun Grid', 'organization'), e('prov-windpark', 'Windpark', 'location')],
  // The same name, one of them a place in the entity index (its first article) and an organisation here.
  [e('nordstream-ag', 'Nordstream', 'organization'), e('prov-ostsee', 'Ostsee', 'location')],
  [
    e('prov-nordstream', 'Nordstream', 'organization'),
    e('prov-pipeline-gmbh', 'Pipeline GmbH', 'organization'),
  ],
  // One name contains the other; one ends the other.
  [e('prov-deutsche-bahn-konzern', 'Deutsche Bahn Konzern', 'organization'), station, strike],
  [e('prov-deutsche-bahn', 'Deutsche Bahn', 'organization'), station, strike],
  [e('prov-john-kerry-sim', 'John Kerry'), washington, department],
  [e('prov-kerry', 'Kerry'), washington, department],
  // Initials sharing only the weaker neighbours: the strongest neighbour's list alone misses them.
  ...[1, 2, 3].map(() => [bank, e('prov-xanten-sim', 'Xanten Sim', 'location')]),
  [bank, ...FOUR],
  [e('prov-ecb', 'ECB', 'organization'), ...FOUR],
];

const ALIASES: Record<string, string[]> = { 'prov-wladimir-putin': ['Vova'] };
const aliasesOf = (id: string): string[] => ALIASES[id] ?? [];

/** Writes the variant articles to the graph, the graph index and the entity index (as their first writes). */
async function writeVariants(ng: TestNewsgraph): Promise<void> {
  const seq = Date.now() * 1000 + 2_000_000;
  const docs = VARIANTS.map((entities, i) => ({
    id: `sim-${i}`,
    seq: seq + i,
    title: null,
    publishedTs: null,
    duplicateOf: null,
    entityInfo: entities,
    mentions: entities.map((entity, at) => ({
      entityId: entity.id,
      text: entity.name,
      start: at * 20,
      end: at * 20 + entity.name.length,
      sentence: 0,
    })),
  }));
  for (const doc of docs) addArticle(ng.store, doc);
  await ng.opened.search.graph.write(docs);
  const entities = new Map(VARIANTS.flat().map((entity) => [entity.id, entity]));
  await ng.opened.search.upsertEntities([
    ...[...entities.values()].map((entity) => ({
      ...entity,
      type: entity.id === 'prov-nordstream' ? ('location' as const) : entity.type,
      aliases: aliasesOf(entity.id),
      wikidata: null,
    })),
    // In the entity index but in no article: not in the graph, so never a suggestion.
    { id: 'prov-michael-mueller-ghost', name: 'Michael Müller', type: 'person', aliases: [], wikidata: null },
  ]);
}

/** Compares both modes for `ids`, every suggestion and at the route's default limit; the suggestions compared. */
async function expectSameSimilar(
  ng: TestNewsgraph,
  store: CooccurrenceGraph,
  ids: readonly string[],
  aliases: (id: string) => readonly string[],
): Promise<Array<{ id: string; reasons: string[] }>> {
  const compared: Array<{ id: string; reasons: string[] }> = [];
  for (const id of ids) {
    for (const limit of [1_000, undefined]) {
      const memory = findSimilar(store, id, aliases, { limit });
      const index = await findIndexSimilar(ng.opened.search, id, aliases, { limit });
      expect({ id, limit, similar: index }).toEqual({ id, limit, similar: memory });
      if (limit) compared.push(...(memory ?? []));
    }
  }
  return compared;
}

describe('similar entities in index mode answer as memory mode', () => {
  let ng: TestNewsgraph;

  afterAll(async () => {
    await ng?.opened.close();
  });

  describe('on the fixture and the variants', () => {
    beforeAll(async () => {
      ng = await openTestNewsgraph('index_similar', {
        EXTRACT_THREADS: '0',
        NER: 'off',
        GRAPH_MODE: 'index',
      });
      await ng.index(FIXTURES);
      await writeVariants(ng);
    }, 300_000);

    it('gives every entity the same suggestions, scores and reasons, for every kind of name evidence', async () => {
      const suggested = await expectSameSimilar(ng, ng.store, entityIds(ng.store), aliasesOf);
      const kinds = new Set(suggested.map((entity) => entity.reasons[0]));
      expect([...kinds].sort()).toEqual([
        'an alias of one is a name of the other',
        'names 1 edit apart',
        'one name contains the other',
        'one name ends the other',
        'one name is the initials of the other',
        'same name',
        'same surname and first-name initial',
      ]);
      const pairs = suggested.map((entity) => entity.id);
      for (const id of [
        'prov-mpc',
        'prov-michael-muler-sim',
        'prov-sun-grid',
        'prov-nordstream',
        'kremlin-sim',
        'prov-ecb',
      ])
        expect(pairs).toContain(id);
      expect(pairs).not.toContain('prov-michael-mueller-ghost');
      expect(await findIndexSimilar(ng.opened.search, 'no-such-entity', aliasesOf)).toBeUndefined();
    }, 300_000);

    it('answers GET /entities/:id/similar in index mode with the same JSON as memory mode', async () => {
      const indexApp = createApp(
        apiDeps(ng.opened, createCooccurrenceGraph(), ng.config, createLogger('warn'), 'index'),
      );
      for (const path of [
        '/entities/prov-wladimir-putin/similar',
        '/entities/prov-mpc/similar',
        '/entities/prov-michael-mueller-sim/similar?limit=1',
        '/entities/prov-nordstream/similar',
        '/entities/olaf-scholz/similar',
      ]) {
        const memory = await request(ng.app).get(path).expect(200);
        const index = await request(indexApp).get(path).expect(200);
        expect({ path, text: index.text }).toEqual({ path, text: memory.text });
      }
      const putinSimilar = await request(indexApp).get('/entities/prov-wladimir-putin/similar').expect(200);
      expect(putinSimilar.body.similar.map((entity: { id: string }) => entity.id)).toContain('prov-w-putin');
      await request(indexApp).get('/entities/no-such-entity/similar').expect(404);
    });
  });

  describe.runIf(corpusPresent)('on the corpus', () => {
    beforeAll(async () => {
      await ng?.opened.close();
      ng = await openTestNewsgraph('index_similar_corpus', { GRAPH_MODE: 'index' });
      await ng.index(CORPUS_FILES);
    }, 1_200_000);

    it('gives the most mentioned entities and entities with variants the same suggestions', async () => {
      const aliases = aliasReader(ng.deps.catalog, ng.deps.corrections);
      const nodes = entitiesByArticles(ng.store);
      // Names known to have variants, and people named by a bare surname (weak evidence, needing neighbours).
      const variants = [...entitiesOf(ng.store)]
        .filter(([, node]) => /^Krem/.test(node.name) || (node.type === 'person' && !/\s/.test(node.name)))
        .sort(([, a], [, b]) => b.articles - a.articles)
        .slice(0, 60)
        .map(([id]) => id);
      // Spread over the rest, those memory mode suggests something for: mostly one-word and typo variants.
      const step = Math.max(1, Math.floor(nodes.length / 1_500));
      const suggested = nodes
        .slice(100)
        .filter((_, i) => i % step === 0)
        .filter((id) => (findSimilar(ng.store, id, aliases)?.length ?? 0) > 0)
        .slice(0, 100);
      const ids = [...new Set([...nodes.slice(0, 100), ...variants, ...suggested])];
      const compared = await expectSameSimilar(ng, ng.store, ids, aliases);
      expect(variants.length).toBe(60);
      expect(compared.length).toBeGreaterThan(100);
    }, 1_200_000);
  });
});
