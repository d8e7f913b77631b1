// Users extend the knowledge base with their own files; a bad entry is named by file and position.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createWinkTokenizer } from '../../src/entities/create-wink-tokenizer.js';
import { loadExtractor } from '../../src/entities/load-extractor.js';
import { loadKnowledgeBase } from '../../src/entities/load-knowledge-base.js';
import { GIVEN_NAMES_FILE } from '../../src/open-search.js';

const dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-kb-'));
const write = (name: string, value: unknown) => {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
};

describe('knowledge base', () => {
  it('bundles countries in German and English, heads of government and the sample entities', () => {
    const { entities } = loadKnowledgeBase(loadConfig({}).kbFiles);
    expect(entities.get('germany')?.aliases.de).toContain('Deutschland');
    expect(entities.get('olaf-scholz')?.type).toBe('person');
    for (const id of [
      'xi-jinping',
      'vladimir-putin',
      'kremlin',
      'nato',
      'united-nations',
      'world-food-programme',
    ]) {
      expect(entities.has(id), id).toBe(true);
    }
  });

  it("a user's file adds entities and overrides ours by id", () => {
    const mine = write('mine.json', {
      entities: [
        { id: 'acme-gmbh', name: 'ACME GmbH', type: 'organization', aliases: { de: ['ACME'] } },
        { id: 'kremlin', name: 'Moscow Kremlin', type: 'location', aliases: { de: ['Kreml'] } },
      ],
    });
    const { extract } = loadExtractor({
      kbFiles: [...loadConfig({}).kbFiles, mine],
      givenNamesFile: GIVEN_NAMES_FILE,
    });
    const { entities } = extract('Die ACME verhandelt mit dem Kreml.', 'de');
    expect(entities).toEqual([
      { id: 'acme-gmbh', name: 'ACME GmbH', type: 'organization' },
      { id: 'kremlin', name: 'Moscow Kremlin', type: 'location' },
    ]);
  });

  it('an extractor can be made again and again in one thread, as corrections do', () => {
    // Each correction of the knowledge base makes a new extractor over the tokenizer of the one before.
    const kbFiles = loadConfig({}).kbFiles;
    const tokenize = createWinkTokenizer();
    for (let made = 0; made < 25; made++) {
      const overlay = [
        {
          id: 'acme-gmbh',
          name: 'ACME GmbH',
          type: 'organization' as const,
          aliases: { de: [`ACME ${made}`] },
        },
      ];
      const { extract } = loadExtractor({ kbFiles, givenNamesFile: GIVEN_NAMES_FILE, overlay, tokenize });
      expect(extract(`Die ACME ${made} wächst.`, 'de').mentions[0]?.entityId).toBe('acme-gmbh');
    }
  });

  it('a bad entry is reported with its file, position and field', () => {
    const bad = write('bad.json', {
      entities: [{ id: 'ok', name: 'Ok', type: 'other', aliases: {} }, { id: 'Bad Id' }],
    });
    expect(() => loadKnowledgeBase([bad])).toThrow(new RegExp(`${bad}, entity 2: id: ids are lower-case`));
    expect(() => loadKnowledgeBase([write('not.json', [])])).toThrow(/must hold \{"entities"/);
  });
});
