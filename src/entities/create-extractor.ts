// Article text -> mentions of entities. Tokenise (winkNLP), find knowledge-base names (gazetteer), let the
// other finders (person-name rule, later a tagger) take what is left, link their spans to the knowledge
// base or to provisional entities, resolve bare surnames, and mark mentions in page furniture.
import type { Gazetteer } from './create-gazetteer.js';
import { detectFurniture } from './detect-furniture.js';
import { detectLanguage } from './detect-language.js';
import { provisionalId } from './entity-id.js';
import type { CandidateFinder } from './find-person-names.js';
import type { KnowledgeBase } from './load-knowledge-base.js';
import { resolveSurnames, type LinkedSpan } from './resolve-surnames.js';
import type { Tokenize } from './tokenize.js';
import type { EntityInfo, Extraction, Mention } from './types.js';

export interface ExtractorDeps {
  tokenize: Tokenize;
  kb: KnowledgeBase;
  gazetteer: Gazetteer;
  finders: readonly CandidateFinder[];
}

export type Extract = (text: string, lang?: string | null) => Extraction;

/** Builds the extraction function the indexer and POST /analyze share. */
export function createExtractor({ tokenize, kb, gazetteer, finders }: ExtractorDeps): Extract {
  return (text, givenLang) => {
    const lang = givenLang || detectLanguage(text);
    const tokenized = tokenize(text, lang);
    const { tokens } = tokenized;
    const taken = new Array<boolean>(tokens.length).fill(false);
    const entities = new Map<string, EntityInfo>();
    const spans: LinkedSpan[] = [];

    const take = (span: LinkedSpan, info: EntityInfo): void => {
      spans.push(span);
      for (let i = span.start; i < span.end; i++) taken[i] = true;
      if (!entities.has(info.id)) entities.set(info.id, info);
    };
    const surface = (start: number, end: number): string =>
      text.slice(tokens[start]?.start ?? 0, tokens[end - 1]?.end ?? 0);

    for (const candidate of gazetteer.match(tokens, lang)) {
      const entity = candidate.entityId ? kb.entities.get(candidate.entityId) : undefined;
      if (!entity) continue;
      take({ ...candidate, entityId: entity.id }, { id: entity.id, name: entity.name, type: entity.type });
    }
    for (const find of finders) {
      for (const candidate of find(tokens, taken, lang)) {
        if (taken.slice(candidate.start, candidate.end).some(Boolean)) continue;
        const name = surface(candidate.start, candidate.end);
        const known = gazetteer.lookup(name, lang);
        const info: EntityInfo = known
          ? { id: known.id, name: known.name, type: known.type }
          : { id: provisionalId(name), name, type: candidate.type };
        take({ start: candidate.start, end: candidate.end, entityId: info.id, type: info.type }, info);
      }
    }
    for (const span of resolveSurnames(tokens, taken, spans)) {
      const info = entities.get(span.entityId);
      if (info) take(span, info);
    }

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
        return mention;
      });
    return { lang, sentences: tokenized.sentences, mentions, entities: [...entities.values()] };
  };
}
