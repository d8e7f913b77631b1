// Likely duplicates of an entity, each with a score and its reasons. A suggestion needs evidence from the
// names: the same name, an alias of one that is the name of the other, the same surname with the same
// first-name initial or start ("W. Putin", "Wladimir Putin"), one name the end or a part of the other
// ("Kerry", "John Kerry"; "Sun Grid", "The Sun Grid"; "MPC", "Monetary Policy Committee"), or a typo or
// inflection apart (each differing word keeps its first letter and is one edit away, two in words of 11
// letters or more: "Müler", "Süddeutscher"). The same neighbours (cosine similarity of their neighbour
// vectors, weighted by shared articles) add to that, and are what a bare surname, a part of a name or a
// short one-word typo needs to be suggested; alone they suggest nothing: entities named in the same few
// articles share all their neighbours without being one (measured on the corpus: docs/corrections.md).
// Only entities of the same type are compared; neighbour similarity is computed for the entities that
// share a neighbour with it, so a hub's cost is its neighbours' degrees.
import { slugify } from '../entities/entity-id.js';
import { edgeList } from '../graph/edge-lists.js';
import { entitiesOf, entityAttributes } from '../graph/entity-table.js';
import type { CooccurrenceGraph } from '../graph/types.js';

export const DEFAULTS = {
  limit: 10,
  minCosine: 0.5,
  /** Suggestions scoring below this are left out: a bare surname or part of a name needs neighbours. */
  minScore: 0.5,
  maxCandidates: 50_000,
};

/** What each kind of evidence adds to the score (at most 1 in all). */
const WEIGHTS = {
  sameName: 0.9,
  alias: 0.9,
  surnameAndInitial: 0.7,
  typo: 0.6,
  /** One name the end of the other (a person's bare surname) or contained in it (an organisation's). */
  part: 0.4,
  /** Times the cosine of the neighbour vectors. */
  neighbours: 0.3,
};

export interface SimilarEntity {
  id: string;
  name: string;
  type: string;
  articles: number;
  score: number;
  reasons: string[];
}

/** Articles that do not tell names apart ("The Sun Grid", "Sun Grid"), and the possessive "'s". */
const NOISE = new Set(['the', 'der', 'die', 'das', 'des', 'dem', 'den', 'le', 'la', 'les', 's']);

/** A name's words without the noise; a first word stays (the "S" of "S Murray" is an initial). */
const words = (name: string): string[] =>
  slugify(name)
    .split('-')
    .filter((word, i) => word !== '' && (!NOISE.has(word) || (i === 0 && word === 's')));

function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}

/** Edits between two names of as many words, or undefined when a word differs by more than a typo. */
function typoDistance(a: string[], b: string[]): number | undefined {
  if (a.length !== b.length) return undefined;
  let total = 0;
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i] ?? '', b[i] ?? ''];
    if (x === y) continue;
    const allowed = Math.min(x.length, y.length) >= 11 ? 2 : 1;
    // A one-word name of four letters a typo apart is another name (Iran, Iraq); beside a shared surname not.
    if (x[0] !== y[0] || Math.min(x.length, y.length) < (a.length === 1 ? 5 : 4)) return undefined;
    const distance = editDistance(x, y, allowed);
    if (distance > allowed) return undefined;
    total += distance;
  }
  return total > 0 && total <= 2 ? total : undefined;
}

/**
 * First names that can be one person's: equal, or one an initial or the start of the other ("W", "Chris"
 * and "Christopher"). Two different full first names (Mervyn King, Martin Luther King) are two people.
 */
function sameFirst(a: string[], b: string[]): boolean {
  const [x, y] = [a[0] ?? '', b[0] ?? ''];
  return x !== '' && y !== '' && (x.startsWith(y) || y.startsWith(x));
}

const endsWith = (long: string[], short: string[]) =>
  short.length < long.length && short.every((word, i) => long[long.length - short.length + i] === word);

/** The shorter name, of two words or more, as a run of words inside the longer ("Inácio Lula"). */
function inside(long: string[], short: string[]): boolean {
  if (short.length < 2 || short.length >= long.length) return false;
  for (let start = 0; start + short.length <= long.length; start++)
    if (short.every((word, i) => long[start + i] === word)) return true;
  return false;
}

/** A single word of 3 letters or more that is the initials of a run of the other's words ("MPC"). */
function initials(long: string[], short: string[]): boolean {
  const [acronym] = short;
  if (short.length !== 1 || !acronym || acronym.length < 3 || long.length < acronym.length) return false;
  const letters = long.map((word) => word[0]).join('');
  return letters.includes(acronym);
}

/** For organisations: every word of the shorter name, one of 4 letters or more, in the longer. */
const contains = (long: string[], short: string[]) =>
  short.length < long.length &&
  short.some((word) => word.length >= 4) &&
  short.every((word) => long.includes(word));

function neighbourVector(store: CooccurrenceGraph, id: string): Map<string, number> {
  const vector = new Map<string, number>();
  const list = edgeList(store, id);
  for (let slot = 0; list && slot < list.others.length; slot++) {
    vector.set(store.entities.ids[list.others[slot] as number] as string, list.articles[slot] as number);
  }
  return vector;
}

function cosine(a: Map<string, number>, b: Map<string, number>, skip: readonly string[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (const [key, value] of a) if (!skip.includes(key)) normA += value * value;
  for (const [key, value] of b) {
    if (skip.includes(key)) continue;
    normB += value * value;
    dot += value * (a.get(key) ?? 0);
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

/** The name evidence between two entities of one type: its reason and weight, strongest first. */
function nameEvidence(
  type: string,
  own: { words: string[]; names: Set<string> },
  other: { words: string[]; names: string[] },
): { reason: string; weight: number } | undefined {
  const [a, b] = [own.words, other.words];
  if (a.length === 0 || b.length === 0) return undefined;
  if (a.join('-') === b.join('-')) return { reason: 'same name', weight: WEIGHTS.sameName };
  if (other.names.some((name) => own.names.has(name)))
    return { reason: 'an alias of one is a name of the other', weight: WEIGHTS.alias };
  const typo = typoDistance(a, b);
  // One short word a typo apart is as often another name (Wolf, Wolff): it needs the neighbours too.
  const short = a.length === 1 && Math.min(a[0]?.length ?? 0, b[0]?.length ?? 0) < 8;
  if (typo !== undefined)
    return {
      reason: `names ${typo} edit${typo === 1 ? '' : 's'} apart`,
      weight: short ? WEIGHTS.part : WEIGHTS.typo,
    };
  if (type === 'person') {
    const [ownLast, otherLast] = [a.at(-1) ?? '', b.at(-1) ?? ''];
    if (a.length > 1 && b.length > 1 && ownLast === otherLast && ownLast.length >= 3 && sameFirst(a, b))
      return { reason: 'same surname and first-name initial', weight: WEIGHTS.surnameAndInitial };
    if (endsWith(a, b) || endsWith(b, a)) return { reason: 'one name ends the other', weight: WEIGHTS.part };
    if (inside(a, b) || inside(b, a))
      return { reason: 'one name is part of the other', weight: WEIGHTS.part };
    return undefined;
  }
  if (type === 'organization' && (initials(a, b) || initials(b, a)))
    return { reason: 'one name is the initials of the other', weight: WEIGHTS.part };
  // A place inside a longer name is mostly another place or thing (Guatemala City, East Jerusalem).
  if (type !== 'location' && (contains(a, b) || contains(b, a)))
    return { reason: 'one name contains the other', weight: WEIGHTS.part };
  return undefined;
}

/** Entities of the graph that are likely the same as `id`, best first; undefined when `id` is not in it. */
export function findSimilar(
  store: CooccurrenceGraph,
  id: string,
  aliasesOf: (id: string) => readonly string[],
  options: Partial<typeof DEFAULTS> = {},
): SimilarEntity[] | undefined {
  const { limit, minCosine, minScore, maxCandidates } = { ...DEFAULTS, ...options };
  const self = entityAttributes(store, id);
  if (!self) return undefined;
  const key = (name: string) => words(name).join('-');
  const own = {
    words: words(self.name),
    names: new Set([self.name, ...aliasesOf(id)].map(key).filter(Boolean)),
  };
  const ownVector = neighbourVector(store, id);
  const sharingNeighbour = new Set<string>();
  for (const neighbour of ownVector.keys())
    for (const other of neighbourVector(store, neighbour).keys()) sharingNeighbour.add(other);

  const found: SimilarEntity[] = [];
  let looked = 0;
  for (const [other, node] of entitiesOf(store)) {
    if (other === id || node.type !== self.type || looked++ > maxCandidates) continue;
    const names = [node.name, ...aliasesOf(other)].map(key);
    const evidence = nameEvidence(self.type, own, { words: words(node.name), names });
    if (!evidence) continue;
    const reasons = [evidence.reason];
    let score = evidence.weight;
    if (sharingNeighbour.has(other)) {
      const similarity = cosine(ownVector, neighbourVector(store, other), [id, other]);
      if (similarity >= minCosine) {
        reasons.push(`same neighbours (cosine ${similarity.toFixed(2)})`);
        score += WEIGHTS.neighbours * similarity;
      }
    }
    score = Math.round(Math.min(1, score) * 1000) / 1000;
    if (score < minScore) continue;
    found.push({ id: other, name: node.name, type: node.type, articles: node.articles, score, reasons });
  }
  return found
    .sort((a, b) => b.score - a.score || b.articles - a.articles || a.id.localeCompare(b.id))
    .slice(0, limit);
}
