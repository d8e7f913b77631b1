// The name evidence of two entities being one, and what each kind weighs (find-similar.ts explains the kinds):
// the same name, an alias, the same surname and first-name initial, a typo, one name a part, the initials or
// contained in the other. Both ways of finding similar entities (in memory and from the index) read it here.
import { slugify } from '../entities/entity-id.js';

/** What each kind of evidence adds to the score (at most 1 in all). */
export const WEIGHTS = {
  sameName: 0.9,
  alias: 0.9,
  surnameAndInitial: 0.7,
  typo: 0.6,
  /** One name the end of the other (a person's bare surname) or contained in it (an organisation's). */
  part: 0.4,
  /** Times the cosine of the neighbour vectors. */
  neighbours: 0.3,
};

/** Articles that do not tell names apart ("The Sun Grid", "Sun Grid"), and the possessive "'s". */
export const NOISE = new Set(['the', 'der', 'die', 'das', 'des', 'dem', 'den', 'le', 'la', 'les', 's']);

/** A name's words without the noise; a first word stays (the "S" of "S Murray" is an initial). */
export const words = (name: string): string[] =>
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

export interface Evidence {
  reason: string;
  weight: number;
}

/**
 * The name evidence between two entities of one type: its reason and weight, strongest first. `own.names`
 * and `other.names` are the keys (`nameKey`) of each one's name and aliases.
 */
export function nameEvidence(
  type: string,
  own: { words: string[]; names: Set<string> },
  other: { words: string[]; names: string[] },
): Evidence | undefined {
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

/** The key a name is compared by: its words without the noise. */
export const nameKey = (name: string): string => words(name).join('-');
