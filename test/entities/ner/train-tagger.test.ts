import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTagger } from '../../../src/entities/ner/create-tagger.js';
import { parseModel } from '../../../src/entities/ner/parse-model.js';
import { parseNerCorpus } from '../../../src/entities/ner/parse-ner-corpus.js';
import { serializeModel } from '../../../src/entities/ner/serialize-model.js';
import { trainTagger } from '../../../src/entities/ner/train-tagger.js';

const fixture = readFileSync(new URL('./fixtures/tiny-ner.txt', import.meta.url), 'utf8');
const sentences = parseNerCorpus(fixture, 'token-tag');
const labels = ['PER', 'ORG', 'LOC', 'MISC', 'LOCderiv', 'LOCpart'];

describe('trainTagger', () => {
  it('reads the twelve fixture sentences', () => {
    expect(sentences).toHaveLength(12);
    expect(sentences[3]?.tags).toContain('B-LOCderiv');
  });

  it('tags its own training sentences correctly after a few epochs', () => {
    const { model } = trainTagger(sentences, { lang: 'xx', labels, epochs: 8, seed: 7 });
    const tagger = createTagger(model);
    for (const s of sentences) expect(tagger.tag(s.tokens)).toEqual(s.tags);
  });

  it('is deterministic for a given seed', () => {
    const a = trainTagger(sentences, { lang: 'xx', labels, epochs: 3, seed: 3 }).model;
    const b = trainTagger(sentences, { lang: 'xx', labels, epochs: 3, seed: 3 }).model;
    expect(serializeModel(a).equals(serializeModel(b))).toBe(true);
  });

  it('keeps tagging the same after a serialise/parse round trip', () => {
    const { model } = trainTagger(sentences, { lang: 'xx', labels, epochs: 8, seed: 7 });
    const loaded = parseModel(serializeModel(model));
    const before = createTagger(model);
    const after = createTagger(loaded);
    for (const s of sentences) expect(after.tag(s.tokens)).toEqual(before.tag(s.tokens));
  });

  it('keeps its gazetteer and document features through a round trip', () => {
    const gazetteer = new Map([
      ['kassel', 'LOC'],
      ['anna keller', 'PER'],
    ]);
    const options = { lang: 'xx', labels, epochs: 4, seed: 7, gazetteer, history: true };
    const { model } = trainTagger(sentences, options);
    const loaded = parseModel(serializeModel(model));
    expect(loaded.gazetteer).toEqual(gazetteer);
    expect(loaded.history).toBe(true);
    const doc = sentences.slice(0, 4).map((s) => s.tokens);
    expect(createTagger(loaded).tagDocument(doc)).toEqual(createTagger(model).tagDocument(doc));
  });

  it('tags a document sentence by sentence when the model has no document features', () => {
    const { model } = trainTagger(sentences, { lang: 'xx', labels, epochs: 4, seed: 7 });
    const tagger = createTagger(model);
    const doc = sentences.map((s) => s.tokens);
    expect(tagger.tagDocument(doc)).toEqual(doc.map((tokens) => tagger.tag(tokens)));
  });

  it('reports IOB2 tags from a model trained over BIOES tags', () => {
    const { model } = trainTagger(sentences, { lang: 'xx', labels, epochs: 8, seed: 7, encoding: 'bioes' });
    expect(model.tags).toContain('S-PER');
    const tagger = createTagger(model);
    for (const s of sentences) expect(tagger.tag(s.tokens)).toEqual(s.tags);
  });

  it('returns the epoch with the best callback score', () => {
    const scores = [0.5, 0.9, 0.7];
    const result = trainTagger(sentences, { lang: 'xx', labels, epochs: 3, onEpoch: (e) => scores[e - 1] });
    expect(result.bestEpoch).toBe(2);
    expect(result.bestScore).toBe(0.9);
  });

  it('rejects a tag outside the label set with a coded error', () => {
    const bad = [{ tokens: ['Ada'], tags: ['B-XYZ'] }];
    expect(() => trainTagger(bad, { lang: 'xx', labels })).toThrow(
      expect.objectContaining({ code: 'ner_corpus_invalid' }),
    );
  });
});
