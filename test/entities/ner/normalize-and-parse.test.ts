import { describe, expect, it } from 'vitest';
import { mapTag } from '../../../src/entities/ner/map-label.js';
import { normalizeToken } from '../../../src/entities/ner/normalize-token.js';
import { parseNerCorpus } from '../../../src/entities/ner/parse-ner-corpus.js';
import { scoreSpans } from '../../../src/entities/ner/score-spans.js';

describe('normalizeToken', () => {
  it('deletes soft hyphens and maps C1 controls through Windows-1252', () => {
    expect(normalizeToken('Bundes\u00adtag')).toBe('Bundestag');
    expect(normalizeToken('1990\u00962000')).toBe('1990\u20132000');
    expect(normalizeToken('Berlin')).toBe('Berlin');
  });
});

describe('mapTag', () => {
  it('maps BIOES GermEval tags to IOB2 over API labels', () => {
    expect(mapTag('S-LOCDERIV')).toBe('B-LOCderiv');
    expect(mapTag('E-OTHPART')).toBe('I-MISCpart');
    expect(mapTag('B-OTH')).toBe('B-MISC');
    expect(mapTag('O')).toBe('O');
  });
});

describe('parseNerCorpus', () => {
  it('reads GermEval TSV, skipping comments and keeping the outer column', () => {
    const tsv = '#\thttp://x\t[2010]\n1\tRussische\tB-LOCderiv\tO\n2\tPanzer\tO\tO\n\n1\tBerlin\tB-LOC\tO\n';
    expect(parseNerCorpus(tsv, 'germeval-tsv')).toEqual([
      { tokens: ['Russische', 'Panzer'], tags: ['B-LOCderiv', 'O'] },
      { tokens: ['Berlin'], tags: ['B-LOC'] },
    ]);
  });

  it('reads CoNLL-2003 and numbers the documents that -DOCSTART- lines open', () => {
    const conll =
      '-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\nIt PRP B-NP O\n\n' +
      '-DOCSTART- -X- -X- O\n\nPeter NNP B-NP B-PER\n';
    expect(parseNerCorpus(conll, 'conll2003')).toEqual([
      { tokens: ['EU', 'rejects'], tags: ['B-ORG', 'O'], doc: 0 },
      { tokens: ['It'], tags: ['O'], doc: 0 },
      { tokens: ['Peter'], tags: ['B-PER'], doc: 1 },
    ]);
  });
});

describe('scoreSpans', () => {
  it('counts only exact span and label matches, micro-averaged', () => {
    const gold = [{ tokens: ['a', 'b', 'c'], tags: ['B-PER', 'I-PER', 'B-LOC'] }];
    const scores = scoreSpans(gold, [['B-PER', 'O', 'B-LOC']]);
    expect(scores.overall).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5 });
    expect(scores.byLabel.LOC?.f1).toBe(1);
  });
});
