// Finds knowledge-base names in token streams: a trie over the tokenised aliases of every entity, matched
// longest-first. Case rules keep common words out ("us" is not the US, "china" is not China), and German
// adjective stems ("russisch-e/-en/-er") and English adjectives ("Russian") link to their base entity as
// derived mentions. One alias may name several entities of different types (a club named after its city):
// a look-up by type picks the one the tagger's type asks for.
import type { KnowledgeBase } from './load-knowledge-base.js';
import { genitiveStems, normalizeToken, startsUpperCase } from './normalize-token.js';
import type { Tokenize } from './tokenize.js';
import type { Candidate, EntityType, KbEntity, Token } from './types.js';

/** How the surface must be written: exactly as the alias, all capitals (short acronyms), or capitalised. */
type CaseRule = 'exact' | 'all-caps' | 'capitalised';

interface Terminal {
  entityId: string;
  type: EntityType;
  rule: CaseRule;
  values: string[];
  /** An adjective of the entity rather than its name. */
  derived: boolean;
  /** Further entities of other types that the same alias names. */
  others: Array<{ entityId: string; type: EntityType }>;
  /** A place's alias counts only in text of these languages; other names in any. */
  languages?: ReadonlySet<string>;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  terminal?: Terminal;
}

export interface Gazetteer {
  /** Knowledge-base candidates in a tokenised text, non-overlapping, in text order. */
  match(tokens: readonly Token[], lang: string): Candidate[];
  /**
   * The entity that tokens [start, end) of a text name (a tagger's span, say), if any: of `type` when the
   * name can be one of that type, else the first the knowledge base gives for it. A place's name counts in
   * text of its languages only; `lang` undefined asks for any language.
   */
  lookup(
    tokens: readonly Token[],
    start: number,
    end: number,
    lang: string | undefined,
    type?: EntityType,
  ): KbEntity | undefined;
}

const GERMAN_ADJECTIVE_ENDINGS = ['', 'e', 'en', 'er', 'es', 'em'];

function caseRule(alias: string): CaseRule {
  const letters = alias.replace(/[^\p{L}]/gu, '');
  if (letters.length <= 3 && letters === letters.toUpperCase()) return 'all-caps';
  return startsUpperCase(alias) ? 'capitalised' : 'exact';
}

// Whether `terminal` is an alias in `lang` (any language when either is unknown). A module function, not a
// named closure per call (the tsx runtime wraps each one it makes): longestAt runs once per token.
function speaks(terminal: Terminal | undefined, lang: string | undefined): terminal is Terminal {
  return (
    terminal !== undefined &&
    (lang === undefined || terminal.languages === undefined || terminal.languages.has(lang))
  );
}

/** Whether tokens [from, to] are written as the terminal's case rule asks. */
function caseMatches(terminal: Terminal, tokens: readonly Token[], from: number, to: number): boolean {
  if (terminal.rule === 'capitalised') return startsUpperCase(tokens[from]?.value ?? '');
  for (let i = from; i <= to; i++) {
    const value = tokens[i]?.value ?? '';
    if (terminal.rule === 'all-caps' ? value !== value.toUpperCase() : value !== terminal.values[i - from]) {
      return false;
    }
  }
  return true;
}

/** Builds the gazetteer of a knowledge base, tokenising aliases exactly as article text is tokenised. */
export function createGazetteer(kb: KnowledgeBase, tokenize: Tokenize): Gazetteer {
  const root: TrieNode = { children: new Map() };
  const germanStems = new Map<string, KbEntity>();

  // A place's name in the other language is, in a text, mostly part of another name: "Statistik Austria",
  // "Rock in Vienna", "Force India" and "FC Porto" were 52, 2, 2 and 4 of about 100 such mentions in the
  // German corpus articles, and about 6 were the place. The knowledge base's name is the English one.
  const insert = (entity: KbEntity, alias: string, derived = false, lang = 'en'): void => {
    const values = tokenize(alias, 'en').tokens.map((token) => token.value);
    if (values.length === 0) return;
    let node = root;
    for (const value of values) {
      const key = normalizeToken(value);
      let child = node.children.get(key);
      if (!child) {
        child = { children: new Map() };
        node.children.set(key, child);
      }
      node = child;
    }
    // A later entity takes the alias, as before; one of another type that also has it stays reachable by
    // type. Adjectives never share a terminal with names.
    const known = node.terminal;
    let others: Terminal['others'] = [];
    if (known && !known.derived && !derived) {
      const previous = known.entityId === entity.id ? [] : [{ entityId: known.entityId, type: known.type }];
      others = [...previous, ...known.others].filter((other) => other.type !== entity.type);
    }
    let languages: Set<string> | undefined;
    if (entity.type === 'location') {
      const before = known?.entityId === entity.id && known.derived === derived ? known.languages : undefined;
      languages = new Set([...(before ?? []), lang]);
    }
    node.terminal = {
      entityId: entity.id,
      type: entity.type,
      rule: caseRule(alias),
      values,
      derived,
      others,
      ...(languages ? { languages } : {}),
    };
  };

  for (const entity of kb.entities.values()) {
    insert(entity, entity.name);
    for (const [lang, aliases] of Object.entries(entity.aliases)) {
      aliases.forEach((alias) => insert(entity, alias, false, lang));
    }
    for (const [lang, adjectives] of Object.entries(entity.adjectives ?? {})) {
      for (const adjective of adjectives) {
        if (lang === 'de') germanStems.set(normalizeToken(adjective), entity);
        else insert(entity, adjective, true, lang);
      }
    }
  }

  const germanAdjective = (token: Token): KbEntity | undefined => {
    const key = normalizeToken(token.value);
    for (const ending of GERMAN_ADJECTIVE_ENDINGS) {
      if (!key.endsWith(ending)) continue;
      const entity = germanStems.get(key.slice(0, key.length - ending.length));
      if (entity) return entity;
    }
    return undefined;
  };

  /** The longest alias starting at token i and ending before token `limit`. */
  const longestAt = (
    tokens: readonly Token[],
    i: number,
    lang: string | undefined,
    limit = tokens.length,
  ): { end: number; terminal: Terminal } | undefined => {
    let node = root;
    let best: { end: number; terminal: Terminal } | undefined;
    const sentence = tokens[i]?.sentence;
    for (let j = i; j < limit && tokens[j]?.sentence === sentence; j++) {
      const key = normalizeToken(tokens[j]?.value ?? '');
      for (const stem of genitiveStems(key)) {
        const terminal = node.children.get(stem)?.terminal;
        if (speaks(terminal, lang) && terminal.rule !== 'all-caps' && caseMatches(terminal, tokens, i, j)) {
          best = { end: j + 1, terminal };
          break;
        }
      }
      const next = node.children.get(key);
      if (!next) break;
      node = next;
      if (speaks(node.terminal, lang) && caseMatches(node.terminal, tokens, i, j))
        best = { end: j + 1, terminal: node.terminal };
    }
    return best;
  };

  return {
    match(tokens, lang) {
      const candidates: Candidate[] = [];
      for (let i = 0; i < tokens.length;) {
        const found = longestAt(tokens, i, lang);
        if (found) {
          const candidate: Candidate = {
            start: i,
            end: found.end,
            type: found.terminal.type,
            entityId: found.terminal.entityId,
          };
          if (found.terminal.derived) candidate.derived = true;
          candidates.push(candidate);
          i = found.end;
          continue;
        }
        const token = tokens[i];
        const adjective = lang === 'de' && token ? germanAdjective(token) : undefined;
        if (adjective)
          candidates.push({
            start: i,
            end: i + 1,
            type: adjective.type,
            entityId: adjective.id,
            derived: true,
          });
        i += 1;
      }
      return candidates;
    },
    lookup(tokens, start, end, lang, type) {
      const found = longestAt(tokens, start, lang, end);
      if (!found || found.end !== end) return undefined;
      const { terminal } = found;
      const other = terminal.type === type ? undefined : terminal.others.find((o) => o.type === type);
      return kb.entities.get(other?.entityId ?? terminal.entityId);
    },
  };
}
