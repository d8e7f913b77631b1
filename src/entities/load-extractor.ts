// Assembles the default extraction from files: winkNLP with its sentence pipe only, the knowledge base,
// its gazetteer, the person-name finder over the given-names list, and, when given, the taggers, whose
// spans come first.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from '../errors.js';
import { createExtractor, type Extract, type LINKING_DEFAULTS } from './create-extractor.js';
import { createGazetteer } from './create-gazetteer.js';
import { createPersonNameFinder } from './find-person-names.js';
import { createTaggedNameFinder, taggerFor } from './find-tagged-names.js';
import type { Tagger } from './ner/create-tagger.js';
import { loadKnowledgeBase, type KnowledgeBase } from './load-knowledge-base.js';
import type { Tokenize } from './tokenize.js';
import { createWinkTokenizer } from './create-wink-tokenizer.js';
import type { KbEntity } from './types.js';

export interface EntityStage {
  extract: Extract;
  kb: KnowledgeBase;
}

function loadGivenNames(file: string): Set<string> {
  try {
    const parsed = z
      .object({ givenNames: z.array(z.string()) })
      .parse(JSON.parse(readFileSync(file, 'utf8')));
    return new Set(parsed.givenNames);
  } catch (cause) {
    throw new ConfigError(`entities: cannot read given names from ${file}: ${(cause as Error).message}`);
  }
}

/** Loads the knowledge base and name lists and returns the extraction function built on them. */
export function loadExtractor(options: {
  kbFiles: readonly string[];
  givenNamesFile: string;
  /** Statistical taggers (NER=tagger, the default): they propose spans and types before the linker. */
  taggers?: { de?: Tagger; en?: Tagger };
  linking?: Partial<typeof LINKING_DEFAULTS>;
  /** Entities that replace or extend the files' (the curation log's corrections, src/curation/). */
  overlay?: readonly KbEntity[];
  /** The tokenizer of the extractor this one replaces (see createWinkTokenizer); a new one if absent. */
  tokenize?: Tokenize;
}): EntityStage {
  const tokenize = options.tokenize ?? createWinkTokenizer();
  const kb = loadKnowledgeBase(options.kbFiles);
  for (const entity of options.overlay ?? []) kb.entities.set(entity.id, entity);
  const gazetteer = createGazetteer(kb, tokenize);
  const givenNames = loadGivenNames(options.givenNamesFile);
  const finders = [createPersonNameFinder(givenNames)];
  const { taggers, linking } = options;
  const tagging = taggers && {
    tagger: createTaggedNameFinder(taggers, givenNames),
    isCommonWord: (word: string, lang: string) => taggerFor(taggers, lang)?.isCommonWord(word) ?? false,
  };
  return {
    extract: createExtractor({ tokenize, kb, gazetteer, finders, ...tagging, ...(linking && { linking }) }),
    kb,
  };
}
