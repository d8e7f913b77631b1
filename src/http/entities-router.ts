// Entity look-up (typo-tolerant, by name or alias), the entity card, and its neighbours with evidence.
import { Router } from 'express';
import { NotFoundError } from '../errors.js';
import { indexMostMentioned } from '../graph-index/index-most-mentioned.js';
import { entitiesOf, entityAttributes, hasEntity } from '../graph/entity-table.js';
import { findNeighbors } from '../graph/find-neighbors.js';
import type { NodeAttributes } from '../graph/types.js';
import type { EntityType } from '../entities/types.js';
import { buildEvidence } from './build-evidence.js';
import { indexCard, indexLookup, indexNeighbors } from './index-mode.js';
import { entitiesQuery, neighborsQuery, parseQuery } from './parse-query.js';
import type { AppDeps } from './types.js';

export const DEFAULTS = { cardNeighbors: 10, recentArticles: 10, lookupPool: 100 };

export function entitiesRouter(deps: AppDeps): Router {
  const { search, store, catalog } = deps;
  const router = Router();

  const card = (id: string) => {
    const node = entityAttributes(store, id);
    if (!node) throw new NotFoundError(`entities: no entity "${id}" in the graph`);
    return cardOf(id, node);
  };

  const cardOf = (id: string, node: NodeAttributes) => {
    const known = catalog.get(id);
    return {
      id,
      name: node.name,
      type: node.type,
      aliases: [
        ...new Set([
          ...(known ? Object.values(known.aliases).flat() : []),
          ...(deps.corrections().extraAliases.get(id) ?? []),
        ]),
      ],
      ...(known?.wikidata ? { wikidata: known.wikidata } : {}),
      articles: node.articles,
      mentions: node.mentions,
    };
  };

  router.get('/entities', async (req, res) => {
    const { q, type, limit } = parseQuery(entitiesQuery, req.query);
    if (deps.graphMode === 'index') {
      if (q.trim() === '') {
        const ranked = await indexMostMentioned(search.graph, {
          type: type as EntityType | undefined,
          limit,
        });
        res.json({ hits: ranked.map(({ id, node }) => cardOf(id, node)) });
        return;
      }
      const found = await search.searchEntities(q, { type, limit: DEFAULTS.lookupPool });
      res.json({ hits: await indexLookup(deps, found, limit, cardOf) });
      return;
    }
    if (q.trim() === '') {
      const ids = [...entitiesOf(store)]
        .filter(([, node]) => type === undefined || node.type === type)
        // Ties by id: the same order however the graph was built (index mode ranks alike).
        .sort(([a, x], [b, y]) => y.mentions - x.mentions || (a < b ? -1 : a > b ? 1 : 0))
        .slice(0, limit)
        .map(([id]) => id);
      res.json({ hits: ids.map(card) });
      return;
    }
    // The entity index also holds knowledge-base entities no article mentions; those are left out.
    const found = await search.searchEntities(q, { type, limit: DEFAULTS.lookupPool });
    const hits = found.filter((entity) => hasEntity(store, entity.id)).slice(0, limit);
    res.json({ hits: hits.map((entity) => card(entity.id)) });
  });

  router.get('/entities/:id', async (req, res) => {
    const id = req.params.id;
    // A merged entity's old links keep working: they say where it went.
    const mergedInto = deps.corrections().mergedInto.get(id);
    if (deps.graphMode === 'index') {
      // Whether an article still mentions it is asked only of a merged entity's id.
      const gone =
        mergedInto !== undefined &&
        !(await search.graph.facets([{ where: { kind: 'article', mentioned: id } }]))[0]?.total;
      if (gone) res.json({ id, mergedInto });
      else
        res.json(
          await indexCard(
            deps,
            id,
            { neighbors: DEFAULTS.cardNeighbors, recentArticles: DEFAULTS.recentArticles },
            cardOf,
          ),
        );
      return;
    }
    if (mergedInto !== undefined && !hasEntity(store, id)) {
      res.json({ id, mergedInto });
      return;
    }
    const entity = card(id);
    const neighbors = findNeighbors(store, id, { limit: DEFAULTS.cardNeighbors, evidence: 0 }) ?? [];
    // Recent articles come from the index; the card still answers (with null) when it is unreachable.
    const recentArticles = await search.recentArticles(id, DEFAULTS.recentArticles).catch(() => null);
    res.json({
      ...entity,
      neighbors: neighbors.map(({ evidence: _evidence, ...neighbor }) => neighbor),
      recentArticles,
    });
  });

  router.get('/entities/:id/neighbors', async (req, res) => {
    const id = req.params.id;
    const options = parseQuery(neighborsQuery, req.query);
    if (deps.graphMode === 'index') {
      res.json(await indexNeighbors(deps, id, options, cardOf));
      return;
    }
    const neighbors = findNeighbors(store, id, { ...options, type: options.type as EntityType | undefined });
    if (neighbors === undefined) throw new NotFoundError(`entities: no entity "${id}" in the graph`);
    res.json({
      entity: card(id),
      window: options.window,
      neighbors: await buildEvidence(search, store, id, neighbors),
    });
  });

  return router;
}
