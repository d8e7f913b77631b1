// Article text -> mentions of entities. Tokenise (winkNLP); the tagger, when there is one, proposes spans
// and types first, and the linker decides which entity each is: a knowledge-base entity whose alias matches
// and whose type agrees (an organisation named by its seat, "Kreml", may be tagged a place), else a
// provisional entity of the tagger's type. Knowledge-base names the tagger did not propose are added by
// LINKING_DEFAULTS.untagged (inside what the tagger labelled MISC, "Berlin" of "Berlin Film Festival", as
// derived mentions); the rule finders (the person-name rule) take what is left; bare surnames resolve to
// the full names before them ("Lynchs"), before a tagged one becomes a person of its own; mentions in page
// furniture are marked.
import type { Gazetteer } from './create-gazetteer.js';
import { detectFurniture } from './detect-furniture.js';
import { detectLanguage } from './detect-language.js';
import { provisionalId } from './entity-id.js';
import type { CandidateFinder } from './find-person-names.js';
import type { TaggedNameFinder } from './find-tagged-names.js';
import { isWordPart } from './is-word-part.js';
import { genitiveStems, normalizeToken } from './normalize-token.js';
import type { KnowledgeBase } from './load-knowledge-base.js';
import { resolveSurnames, type LinkedSpan } from './resolve-surnames.js';
import type { Tokenize } from './tokenize.js';
import type { Candidate, EntityInfo, EntityType, Extraction, KbEntity, Mention, Token } from './types.js';

/**
 * Which knowledge-base matches the tagger did not propose become mentions: `all`; `strong` ones (a name of
 * two or more tokens, an acronym, a derived form, which the tagger does not label, an entity the tagger
 * found elsewhere in the article, or a word the tagger's lexicon does not know as a common word: "Biden",
 * not "Bild" or "Kurz"); or `derived` forms only.
 */
export type UntaggedRule = 'all' | 'strong' | 'derived';

export const LINKING_DEFAULTS = {
  untagged: 'strong' as UntaggedRule,
  /** Whether the rule finders also run beside the tagger (they always run without one). */
  rulesWithTagger: true,
};

export interface ExtractorDeps {
  tokenize: Tokenize;
  kb: KnowledgeBase;
  gazetteer: Gazetteer;
  /** The statistical tagger: its spans and types come first. Without it, knowledge-base matches do. */
  tagger?: TaggedNameFinder;
  /** Whether a word is a common word of the language (the tagger's lexicon knows); for `strong`. */
  isCommonWord?: (word: string, lang: string) => boolean;
  /** Rule finders: they take the tokens that nothing before them took. */
  finders: readonly CandidateFinder[];
  linking?: Partial<typeof LINKING_DEFAULTS>;
}

/**
 * The tagger's types a knowledge-base entity of each type accepts besides its own: an institution is
 * often named by its seat ("der Kreml", "das Weiße Haus"), which taggers label a place. A place the tagger
 * calls an organisation is not accepted: that is a club or a company named after it ("Leeds beat Chelsea").
 */
const ACCEPTED_TYPES: Partial<Record<EntityType, readonly EntityType[]>> = { organization: ['location'] };

function accepts(entity: KbEntity | undefined, type: EntityType): entity is KbEntity {
  return entity !== undefined && (entity.type === type || (ACCEPTED_TYPES[entity.type] ?? []).includes(type));
}

const POSSESSIVE = /^['’][sS]$/;

/**
 * A tagged span that runs from a knowledge-base name over its possessive into what it owns ("Sony's
 * PlayStation Portable", "Bank of England's Monetary Policy Committee", "BBC's Breakfast") as two spans: the
 * owner, of its knowledge-base type, and the rest, of the tagger's. A span whose words before the possessive
 * are no known name stays whole ("Pakistan People's Party", "Queen's Club").
 */
function splitAtOwner(
  proposed: Candidate,
  tokens: readonly Token[],
  matches: readonly Candidate[],
): Candidate[] {
  for (let at = proposed.start + 1; at < proposed.end - 1; at++) {
    if (!POSSESSIVE.test(tokens[at]?.value ?? '')) continue;
    const owner = matches.find((c) => !c.derived && c.start === proposed.start && c.end === at);
    if (owner)
      return [
        { ...proposed, end: at, type: owner.type },
        { ...proposed, start: at + 1 },
      ];
  }
  return [proposed];
}

export type Extract = (text: string, lang?: string | null) => Extraction;

interface TakenSpan extends LinkedSpan {
  derived?: true;
}

/** Builds the extraction function the indexer and POST /analyze share. */
export function createExtractor({
  tokenize,
  kb,
  gazetteer,
  tagger,
  finders,
  linking,
  isCommonWord = () => true,
}: ExtractorDeps): Extract {
  const { untagged, rulesWithTagger } = { ...LINKING_DEFAULTS, ...linking };
  const rules = tagger && !rulesWithTagger ? [] : finders;
  return (text, givenLang) => {
    const lang = givenLang || detectLanguage(text);
    const tokenized = tokenize(text, lang);
    const { tokens } = tokenized;
    const taken = new Array<boolean>(tokens.length).fill(false);
    const entities = new Map<string, EntityInfo>();
    const spans: TakenSpan[] = [];

    const free = (c: Candidate): boolean => !taken.slice(c.start, c.end).some(Boolean);
    const take = (c: Candidate, info: EntityInfo): void => {
      const span: TakenSpan = { start: c.start, end: c.end, entityId: info.id, type: info.type };
      if (c.derived) span.derived = true;
      spans.push(span);
      taken.fill(true, c.start, c.end);
      if (!entities.has(info.id)) entities.set(info.id, info);
    };
    const surface = (start: number, end: number): string =>
      text.slice(tokens[start]?.start ?? 0, tokens[end - 1]?.end ?? 0);
    const provisional = (c: Candidate): EntityInfo => {
      const name = surface(c.start, c.end);
      return { id: provisionalId(name), name, type: c.type };
    };
    const kbInfo = (id: string | undefined): EntityInfo | undefined => {
      const entity = id === undefined ? undefined : kb.entities.get(id);
      return entity && { id: entity.id, name: entity.name, type: entity.type };
    };

    const matches = gazetteer.match(tokens, lang).map((c) => {
      if (!c.derived && isWordPart(tokens, c.start, c.end)) c.derived = true;
      return c;
    });
    // One-word people outside the knowledge base ("Lynchs", "Mikl-Leitner") wait until bare surnames are
    // resolved.
    const unknownPeople: Candidate[] = [];
    const found = tagger ? tagger(tokens, lang) : { names: [], other: [] };
    const { other } = found;
    const names = found.names.flatMap((proposed) => splitAtOwner(proposed, tokens, matches));
    for (const proposed of names) {
      if (!free(proposed)) continue;
      const known = gazetteer.lookup(tokens, proposed.start, proposed.end, lang, proposed.type);
      // A place named as only the other language names it ("Austria", "Vienna" in German text) is part of
      // a longer name the tagger did not take whole ("Statistik Austria", "Rock in Vienna"): no mention.
      if (
        !known &&
        proposed.type === 'location' &&
        gazetteer.lookup(tokens, proposed.start, proposed.end, undefined, 'location')?.type === 'location'
      )
        continue;
      // A knowledge-base name of the same type inside the span, covering at least half of it ("Präsident
      // Putin", "BBC News"); a place only as the span's last words ("Stadt Wien"): words after a place make
      // another name ("Edinburgh Rugby", "Leicester Square", "Europa League").
      const inside = matches.find(
        (c) =>
          !c.derived &&
          c.type === proposed.type &&
          c.start >= proposed.start &&
          c.end <= proposed.end &&
          (c.type !== 'location' || c.end === proposed.end) &&
          2 * (c.end - c.start) >= proposed.end - proposed.start,
      );
      // "Ukraine-Krise": a known name joined to a common word is a part of that word, not a name. (An
      // adjective of a place opening a longer name, "Burgenländische Landesholding GmbH", is not.)
      const part = matches.some(
        (c) =>
          c.derived &&
          c.start >= proposed.start &&
          c.end <= proposed.end &&
          isWordPart(tokens, c.start, c.end),
      );
      const head = tokens[proposed.end - 1]?.value ?? '';
      if (!known && part && isCommonWord(head, lang)) continue;
      // An adjective of a known entity, whatever the tagger calls it or a part of it ("Tory", "Lib" of "Lib
      // Dem"), is the entity's derived mention, which the knowledge-base matches below add.
      const adjective = matches.some(
        (c) =>
          c.derived &&
          c.start <= proposed.start &&
          c.end >= proposed.end &&
          !isWordPart(tokens, c.start, c.end),
      );
      if (adjective) continue;
      const info = (accepts(known, proposed.type) ? kbInfo(known.id) : undefined) ?? kbInfo(inside?.entityId);
      if (info) take(proposed, info);
      else if (proposed.type === 'person' && !/\s/.test(surface(proposed.start, proposed.end)))
        unknownPeople.push(proposed);
      else take(proposed, provisional(proposed));
    }
    // Held until then: neither knowledge-base names nor the rules take their tokens.
    for (const c of unknownPeople) taken.fill(true, c.start, c.end);
    const tagged = new Set(spans.map((span) => span.entityId));
    const strong = (c: Candidate): boolean => {
      const value = tokens[c.start]?.value ?? '';
      const acronym = c.end - c.start === 1 && value.length > 1 && value === value.toUpperCase();
      return c.end - c.start > 1 || acronym || tagged.has(c.entityId ?? '') || !isCommonWord(value, lang);
    };
    for (const c of matches) {
      // A name inside a longer one the tagger labelled MISC ("Tour de France") is a part of that name.
      if (
        !c.derived &&
        other.some((o) => o.start <= c.start && c.end <= o.end && c.end - c.start < o.end - o.start)
      )
        c.derived = true;
      const keep = !tagger || untagged === 'all' || c.derived || (untagged === 'strong' && strong(c));
      const info = kbInfo(c.entityId);
      if (keep && info && free(c)) take(c, info);
    }
    for (const find of rules) {
      for (const candidate of find(tokens, taken, lang)) {
        if (!free(candidate)) continue;
        const known = gazetteer.lookup(tokens, candidate.start, candidate.end, lang);
        take(candidate, kbInfo(known?.id) ?? provisional(candidate));
      }
    }
    for (const c of unknownPeople) taken.fill(false, c.start, c.end);
    for (const span of resolveSurnames(tokens, taken, spans, lang)) {
      const info = entities.get(span.entityId);
      if (info) take({ start: span.start, end: span.end, type: info.type }, info);
    }
    for (const c of unknownPeople) if (free(c)) take(c, provisional(c));

    // "Salman Rushdies" beside "Salman Rushdie": the genitive of a provisional person of the article, whatever
    // type the tagger gave it ("Herta Müllers" before "Mutter" was an organisation).
    for (const span of spans) {
      if (!span.entityId.startsWith('prov-')) continue;
      const name = surface(span.start, span.end);
      const base = genitiveStems(normalizeToken(name))
        .map(provisionalId)
        .find((id) => id !== span.entityId && entities.get(id)?.type === 'person');
      if (base) {
        span.entityId = base;
        span.type = 'person';
      }
    }
    const used = new Set(spans.map((span) => span.entityId));
    for (const id of entities.keys()) if (!used.has(id)) entities.delete(id);

    const furniture = detectFurniture(text, tokenized);
    const mentions: Mention[] = spans
      .sort((a, b) => a.start - b.start)
      .map((span) => {
        const first = tokens[span.start];
        const last = tokens[span.end - 1];
        const sentence = first?.sentence ?? 0;
        const mention: Mention = {
          entityId: span.entityId,
          text: surface(span.start, span.end),
          start: first?.start ?? 0,
          end: last?.end ?? 0,
          sentence,
        };
        if (furniture.has(sentence)) mention.furniture = true;
        if (span.derived) mention.derived = true;
        return mention;
      });
    return { lang, sentences: tokenized.sentences, mentions, entities: [...entities.values()] };
  };
}
