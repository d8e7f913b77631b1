// Synthetic news whose entity vocabulary grows as real news does, for `npm run bench:graph -- --realistic`.
// Measured on ../shared/corpus with the tagger (4,251 articles in random order, issue 20): distinct entities
// grow as n^0.78 and distinct pairs as n^0.93, most entities are named once, an article names 11 entities at
// the median and 52 at the 99th percentile. The generator reproduces that with:
// - a Pitman-Yor urn over entities (discount = the entity exponent): an entity is drawn in proportion to
//   its earlier mentions less the discount, or is new, so popularity is heavy-tailed and new names keep
//   coming at the measured rate;
// - a log-normal number of entities per article, fitted to the corpus quantiles;
// - follow-ups: some articles retell a recent story, taking part of its entities, which makes pairs repeat as
//   they do in news (without it, pairs grow almost linearly).
// `scripts/bench-lib/news-growth.ts --check N` prints the growth it produces (see docs/scaling.md).
import { seededRandom } from '../../src/entities/ner/seeded-random.js';

export const DEFAULTS = {
  /** Pitman-Yor discount: distinct entities grow as (mentions)^discount. */
  discount: 0.78,
  /** Pitman-Yor concentration: with the discount, fitted to 7.7k entities at 1,000 articles. */
  concentration: 700,
  /** Entities per article: log-normal with this median and spread, 1 to `maxEntities`. */
  medianEntities: 11,
  spread: 0.62,
  maxEntities: 120,
  /** Share of articles that follow up a recent story, and how much of its entities they take. */
  followUps: 0.1,
  followUpShare: 0.6,
  /** How many recent articles a follow-up may retell. */
  recentStories: 200,
};

export interface NewsArticle {
  /** Entity numbers, distinct; entity n's id is `e${n}` where it is needed as a string. */
  entities: number[];
}

export type NewsOptions = typeof DEFAULTS;

/** An endless stream of articles from `seed`; entity numbers are given in order of first mention. */
export function* newsGrowth(seed: number, options: NewsOptions = DEFAULTS): Generator<NewsArticle> {
  const random = seededRandom(seed);
  const { discount, concentration } = options;
  // Every mention drawn so far, as the entity it named: a uniform pick among them is an entity in proportion
  // to its mentions.
  const urn: number[] = [];
  const mentions: number[] = [];
  const recent: number[][] = [];
  const gaussian = (): number => {
    const u = 1 - random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const draw = (): number => {
    const entities = mentions.length;
    if (random() * (concentration + urn.length) < concentration + discount * entities) {
      mentions.push(0);
      return entities;
    }
    // An entity in proportion to (its mentions - discount): a uniform mention, kept with (n - d) / n.
    for (;;) {
      const entity = urn[Math.floor(random() * urn.length)] as number;
      const count = mentions[entity] as number;
      if (random() * count < count - discount) return entity;
    }
  };
  for (;;) {
    const size = Math.min(
      options.maxEntities,
      Math.max(1, Math.round(options.medianEntities * Math.exp(options.spread * gaussian()))),
    );
    const chosen = new Set<number>();
    if (recent.length > 0 && random() < options.followUps) {
      const story = recent[Math.floor(random() * recent.length)] as number[];
      for (const entity of story) {
        if (chosen.size < size && random() < options.followUpShare) chosen.add(entity);
      }
    }
    while (chosen.size < size) chosen.add(draw());
    const entities = [...chosen];
    for (const entity of entities) {
      urn.push(entity);
      mentions[entity] = (mentions[entity] as number) + 1;
    }
    recent.push(entities);
    if (recent.length > options.recentStories) recent.shift();
    yield { entities };
  }
}

/** Distinct entities and pairs after each of `checkpoints` articles (ascending). */
export function measureGrowth(
  checkpoints: readonly number[],
  seed = 1,
): Array<{ articles: number; entities: number; pairs: number }> {
  const pairs = new Set<number>();
  let entities = 0;
  const rows: Array<{ articles: number; entities: number; pairs: number }> = [];
  let articles = 0;
  for (const article of newsGrowth(seed)) {
    articles++;
    const sorted = article.entities.slice().sort((a, b) => a - b);
    entities = Math.max(entities, (sorted[sorted.length - 1] as number) + 1);
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        pairs.add((sorted[i] as number) * 2 ** 26 + (sorted[j] as number));
      }
    }
    if (articles === checkpoints[rows.length]) {
      rows.push({ articles, entities, pairs: pairs.size });
      if (rows.length === checkpoints.length) break;
    }
  }
  return rows;
}

if (process.argv[2] === '--check') {
  const top = Number(process.argv[3] ?? 4251);
  const checkpoints = [250, 500, 1000, 2000, 4251, 10_000, 30_000, 100_000].filter((n) => n <= top);
  for (const row of measureGrowth(checkpoints)) {
    process.stdout.write(`${row.articles}\tentities ${row.entities}\tpairs ${row.pairs}\n`);
  }
}
