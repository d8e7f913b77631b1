// NER=hybrid: the perceptron tags every sentence and says how sure it was; the sentences under the
// threshold are tagged again by the BiLSTM-CRF, the others keep the perceptron's tags.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HYBRID_DEFAULTS, loadTaggers } from '../../../src/entities/load-taggers.js';
import { createHybridTagger } from '../../../src/entities/ner/create-hybrid-tagger.js';
import { createTagger, type Tagger } from '../../../src/entities/ner/create-tagger.js';
import { decisionMargin } from '../../../src/entities/ner/decision-margin.js';
import { loadModel } from '../../../src/entities/ner/load-model.js';
import { NER_CORPUS_FILES } from '../../../src/entities/ner/ner-corpus-files.js';
import { readNerCorpus } from '../../../src/entities/ner/read-ner-corpus.js';
import { loadConfig } from '../../../src/config.js';
import { DEFAULT_NEURAL_FILES, NEURAL_TAGGER_FILES, taggerFilesOf } from '../../../src/open-search.js';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const perceptronPath = here('../../../data/models/ner-en.bin.gz');
const corpus = here('../../../../shared/corpus');
const neuralPresent = existsSync(NEURAL_TAGGER_FILES.neural?.en ?? '');
if (!existsSync(corpus)) console.log(`hybrid-tagger.test: CoNLL-2003 sentences skipped, ${corpus} not found`);

const SENTENCES = [
  ['Angela', 'Merkel', 'met', 'Barack', 'Obama', 'in', 'Berlin', '.'],
  ['the', 'talks', 'went', 'on', 'for', 'hours', '.'],
  ['Shares', 'in', 'Nortel', 'rose', 'after', 'Vodafone', 'said', 'so', '.'],
  ['Leeds', 'beat', 'Chelsea', '2-1', '.'],
];

/** A stand-in for the neural tagger that tags every token B-MISC and keeps what it was asked. */
function recordingTagger(): Tagger & { asked: string[][] } {
  const asked: string[][] = [];
  const tagDocument = (sentences: readonly (readonly string[])[]): string[][] => {
    asked.push(...sentences.map((s) => [...s]));
    return sentences.map((s) => s.map(() => 'B-MISC'));
  };
  return {
    asked,
    tag: (tokens) => tagDocument([tokens])[0] ?? [],
    tagDocument,
    isCommonWord: () => false,
    isDictionaryNoun: () => false,
  };
}

describe('the hybrid tagger', () => {
  it('measures a decision by the best other tag allowed after the previous one', () => {
    // Three tags; after tag 0 only tags 0 and 2 are allowed, at the start (row 3) all three.
    const allowed = Uint8Array.from([1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    const scores = Float64Array.from([5, 9, 2]);
    expect(decisionMargin(scores, allowed, 0, 0)).toBe(3);
    expect(decisionMargin(scores, allowed, -1, 1)).toBe(4);
    expect(decisionMargin(scores, Uint8Array.from([1, 0, 0, ...new Array<number>(9).fill(1)]), 0, 0)).toBe(
      Infinity,
    );
  });

  it('gives the perceptron tags unchanged with a margin per sentence; no margin where no name is in question', async () => {
    const perceptron = createTagger(await loadModel(perceptronPath));
    const { tags, margins } = perceptron.tagDocumentWithMargins(SENTENCES);
    expect(tags).toEqual(perceptron.tagDocument(SENTENCES));
    expect(margins).toHaveLength(SENTENCES.length);
    expect(margins[1]).toBe(Infinity);
    expect(margins.filter((m) => Number.isFinite(m) && m > 0)).toHaveLength(3);
  });

  it('sends exactly the sentences under the threshold to the neural tagger and keeps the rest', async () => {
    const perceptron = createTagger(await loadModel(perceptronPath));
    const { tags, margins } = perceptron.tagDocumentWithMargins(SENTENCES);
    const finite = margins.filter(Number.isFinite).sort((a, b) => a - b);
    const threshold = ((finite[0] ?? 0) + (finite[1] ?? 0)) / 2;
    const neural = recordingTagger();
    const hybrid = createHybridTagger(perceptron, neural, { threshold });
    const got = hybrid.tagDocument(SENTENCES);
    const unsure = SENTENCES.filter((_, k) => (margins[k] ?? Infinity) < threshold);
    expect(unsure).toHaveLength(1);
    expect(neural.asked).toEqual(unsure);
    SENTENCES.forEach((sentence, k) =>
      expect(got[k]).toEqual(unsure.includes(sentence) ? sentence.map(() => 'B-MISC') : tags[k]),
    );
  });

  it.skipIf(!neuralPresent || !existsSync(corpus)).each([
    ['hybrid', HYBRID_DEFAULTS.thresholds.en],
    ['tagger', HYBRID_DEFAULTS.taggerThresholds.en],
  ] as const)(
    "NER=%s loads taggers whose sentences are each the perceptron's or the neural tagger's, and both occur",
    async (ner, threshold) => {
      const files = taggerFilesOf(ner);
      if (!files) throw new Error(`no tagger files for NER=${ner}`);
      const [mixed, perceptron, neural] = await Promise.all([
        loadTaggers(files),
        loadTaggers(taggerFilesOf('perceptron') ?? files),
        loadTaggers(taggerFilesOf('neural') ?? files),
      ]);
      const dev = (await readNerCorpus(corpus, NER_CORPUS_FILES.en.dev)).slice(0, 300).map((s) => s.tokens);
      const got = mixed.en.tagDocument(dev);
      const mine = perceptron.en.tagDocument(dev);
      const theirs = neural.en.tagDocument(dev);
      const { margins } = createTagger(await loadModel(perceptronPath)).tagDocumentWithMargins(dev);
      let asked = 0;
      dev.forEach((_, k) => {
        const unsure = (margins[k] ?? Infinity) < threshold;
        if (unsure) asked += 1;
        expect(got[k]).toEqual(unsure ? theirs[k] : mine[k]);
      });
      expect(asked).toBeGreaterThan(0);
      expect(asked).toBeLessThan(dev.length);
      expect(got).not.toEqual(mine);
      expect(got).not.toEqual(theirs);
    },
  );

  it('with no settings, both languages re-tag with the BiLSTM-CRFs, fewer sentences than NER=hybrid', () => {
    const files = taggerFilesOf(loadConfig({}).ner);
    for (const lang of ['de', 'en'] as const) {
      expect(files?.neural?.[lang]).toBe(DEFAULT_NEURAL_FILES[lang]);
      expect(existsSync(DEFAULT_NEURAL_FILES[lang])).toBe(true);
      expect(files?.hybrid?.[lang]).toBeGreaterThan(0);
      expect(files?.hybrid?.[lang]).toBeLessThan(HYBRID_DEFAULTS.thresholds[lang]);
    }
  });
});
