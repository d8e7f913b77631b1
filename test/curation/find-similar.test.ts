// Suggestions of duplicates: each reason is found and named; other types, unrelated names, shared
// neighbours alone and two people of one surname are not.
import { describe, expect, it } from 'vitest';
import { findSimilar } from '../../src/curation/find-similar.js';
import type { EntityInfo, EntityType } from '../../src/entities/types.js';
import { addArticle } from '../../src/graph/add-article.js';
import { createCooccurrenceGraph } from '../../src/graph/create-cooccurrence-graph.js';

const e = (id: string, name: string, type: EntityType = 'person'): EntityInfo => ({ id, name, type });

function graphOf(articles: EntityInfo[][]) {
  const store = createCooccurrenceGraph();
  articles.forEach((entities, i) =>
    addArticle(store, {
      id: `a${i}`,
      seq: i + 1,
      title: null,
      publishedTs: null,
      entityInfo: entities,
      mentions: entities.map((entity) => ({ entityId: entity.id, sentence: 0 })),
    }),
  );
  return store;
}

const putin = e('vladimir-putin', 'Vladimir Putin');
const wPutin = e('prov-v-putin', 'V. Putin');
const mueller = e('prov-michael-mueller', 'Michael Müller');
const muler = e('prov-michael-muler', 'Michael Müler');
const kremlin = e('kremlin', 'Kremlin', 'organization');
const moscow = e('moscow', 'Moscow', 'location');
const scholz = e('olaf-scholz', 'Olaf Scholz');
const berlin = e('berlin', 'Berlin', 'location');
const bayern = e('prov-bayern', 'FC Bayern', 'organization');

describe('findSimilar', () => {
  const store = graphOf([
    [putin, kremlin, moscow],
    [wPutin, kremlin, moscow],
    [mueller, bayern],
    [muler, berlin, scholz],
    [scholz, berlin],
  ]);
  const aliases: Record<string, string[]> = { 'vladimir-putin': ['Wladimir Putin', 'Putin'] };
  const aliasesOf = (id: string) => aliases[id] ?? [];

  it('finds a surname with the same initial and the same neighbours, with both reasons', () => {
    const [first, ...rest] = findSimilar(store, 'vladimir-putin', aliasesOf) ?? [];
    expect(first).toMatchObject({ id: 'prov-v-putin', type: 'person' });
    expect(first?.reasons).toEqual(['same surname and first-name initial', 'same neighbours (cosine 1.00)']);
    expect(rest.map((s) => s.id)).not.toContain('olaf-scholz');
  });

  it('finds a name a small edit distance away, but no entity of another type', () => {
    const similar = findSimilar(store, 'prov-michael-mueller', aliasesOf) ?? [];
    expect(similar.map((s) => s.id)).toEqual(['prov-michael-muler']);
    expect(similar[0]?.reasons).toContain('names 1 edit apart');
  });

  it('finds an entity whose name is an alias of the other', () => {
    const withAlias = graphOf([[putin], [e('prov-putin', 'Putin')]]);
    const [first] = findSimilar(withAlias, 'prov-putin', aliasesOf) ?? [];
    expect(first).toMatchObject({ id: 'vladimir-putin' });
    expect(first?.reasons).toContain('an alias of one is a name of the other');
  });

  it('suggests nothing on shared neighbours alone: entities named in the same articles are not one', () => {
    const together = graphOf([
      [e('prov-anna-alt', 'Anna Alt'), e('prov-bert-berg', 'Bert Berg'), kremlin, moscow],
      [e('prov-anna-alt', 'Anna Alt'), e('prov-bert-berg', 'Bert Berg'), kremlin, moscow],
    ]);
    expect(findSimilar(together, 'prov-anna-alt', aliasesOf)).toEqual([]);
  });

  it('does not take two full first names with one surname, or a typo in the first letter, for one person', () => {
    const kings = graphOf([
      [e('prov-mervyn-king', 'Mervyn King'), e('prov-martin-king', 'Martin King'), kremlin],
      [e('john-kerry', 'John Kerry'), e('prov-john-terry', 'John Terry'), kremlin],
    ]);
    expect(findSimilar(kings, 'prov-mervyn-king', aliasesOf)).toEqual([]);
    expect(findSimilar(kings, 'john-kerry', aliasesOf)).toEqual([]);
  });

  it('suggests a bare surname only with the same neighbours', () => {
    const kerry = e('john-kerry', 'John Kerry');
    const bare = e('prov-kerry', 'Kerry');
    const withNeighbours = graphOf([
      [kerry, kremlin, moscow],
      [bare, kremlin, moscow],
    ]);
    const [first] = findSimilar(withNeighbours, 'john-kerry', aliasesOf) ?? [];
    expect(first).toMatchObject({ id: 'prov-kerry' });
    expect(first?.reasons).toEqual(['one name ends the other', 'same neighbours (cosine 1.00)']);
    const apart = graphOf([
      [kerry, kremlin],
      [bare, berlin],
    ]);
    expect(findSimilar(apart, 'john-kerry', aliasesOf)).toEqual([]);
  });

  it('reads a first "S" as an initial, not as a possessive: S Murray is Scott Murray, not Murray', () => {
    const store = graphOf([
      [e('prov-s-murray', 'S Murray'), e('prov-scott-murray', 'Scott Murray'), kremlin],
    ]);
    const similar = findSimilar(store, 'prov-s-murray', aliasesOf) ?? [];
    expect(similar.map((s) => [s.id, s.reasons[0]])).toEqual([
      ['prov-scott-murray', 'same surname and first-name initial'],
    ]);
  });

  it('finds an organisation by its initials when they share neighbours', () => {
    const committee = e('prov-monetary-policy-committee', 'Monetary Policy Committee', 'organization');
    const mpc = e('prov-mpc', 'MPC', 'organization');
    const store = graphOf([
      [committee, berlin, moscow],
      [mpc, berlin, moscow],
    ]);
    const [first] = findSimilar(store, 'prov-mpc', aliasesOf) ?? [];
    expect(first?.reasons[0]).toBe('one name is the initials of the other');
  });

  it('answers undefined for an entity not in the graph', () => {
    expect(findSimilar(store, 'nobody', aliasesOf)).toBeUndefined();
  });
});
