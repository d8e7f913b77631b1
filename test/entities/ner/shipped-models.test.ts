import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createTagger } from '../../../src/entities/ner/create-tagger.js';
import { decodeSpans } from '../../../src/entities/ner/decode-spans.js';
import { loadModel } from '../../../src/entities/ner/load-model.js';

const modelPath = (lang: string): string =>
  fileURLToPath(new URL(`../../../data/models/ner-${lang}.bin.gz`, import.meta.url));
const present = existsSync(modelPath('de')) && existsSync(modelPath('en'));
if (!present)
  console.log('shipped-models.test: skipped, data/models/ner-{de,en}.bin.gz not found (run train:ner)');

async function spansOf(lang: string, sentence: string): Promise<string[]> {
  const tokens = sentence.split(' ');
  const tags = createTagger(await loadModel(modelPath(lang))).tag(tokens);
  return decodeSpans(tokens, tags).map((s) => `${tokens.slice(s.start, s.end).join(' ')}/${s.label}`);
}

describe.skipIf(!present)('shipped NER models', () => {
  it('tags Russia and Putin in the German Putin/Xi sentence', async () => {
    const spans = await spansOf('de', 'Russlands Präsident Wladimir Putin telefonierte mit Xi Jinping .');
    expect(spans).toContain('Russlands/LOC');
    expect(spans).toContain('Wladimir Putin/PER');
  });

  it('tags a German sentence of names it never saw in training, with a derived place', async () => {
    const spans = await spansOf(
      'de',
      'Der österreichische Bundeskanzler Karl Nehammer traf in Wien den Chef der ÖVP .',
    );
    expect(spans).toEqual(['österreichische/LOCderiv', 'Karl Nehammer/PER', 'Wien/LOC', 'ÖVP/ORG']);
  });

  it('tags the English Merkel/Obama sentence with person and place spans', async () => {
    const spans = await spansOf('en', 'Angela Merkel met Barack Obama in Berlin .');
    expect(spans).toEqual(['Angela Merkel/PER', 'Barack Obama/PER', 'Berlin/LOC']);
  });
});
