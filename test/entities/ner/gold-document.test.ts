import { describe, expect, it } from 'vitest';
import { goldDocument, scoreCharSpans } from '../../../src/entities/ner/gold-document.js';

describe('gold documents for scoring the whole extraction', () => {
  const sentences = [
    {
      tokens: ['Angela', 'Merkel', "'s", 'visit', 'to', 'Paris', '(', 'France', ')', '.'],
      tags: ['B-PER', 'I-PER', 'O', 'O', 'O', 'B-LOC', 'O', 'B-LOC', 'O', 'O'],
    },
    { tokens: ['The', 'EU', 'agreed', '.'], tags: ['O', 'B-ORG', 'O', 'O'] },
  ];

  it('writes tokens as running text and gold spans as character ranges of it', () => {
    const { text, spans } = goldDocument(sentences, ['PER', 'ORG', 'LOC']);
    expect(text).toBe("Angela Merkel's visit to Paris (France).\nThe EU agreed.");
    expect(spans.map((s) => [text.slice(s.start, s.end), s.label])).toEqual([
      ['Angela Merkel', 'PER'],
      ['Paris', 'LOC'],
      ['France', 'LOC'],
      ['EU', 'ORG'],
    ]);
  });

  it('keeps only the labels asked for', () => {
    expect(goldDocument(sentences, ['ORG']).spans.map((s) => s.label)).toEqual(['ORG']);
  });

  it('counts a span only when start, end and label all match', () => {
    const gold = [
      { start: 0, end: 13, label: 'PER' },
      { start: 25, end: 30, label: 'LOC' },
    ];
    const predicted = [
      { start: 0, end: 13, label: 'PER' },
      { start: 25, end: 30, label: 'ORG' },
      { start: 0, end: 6, label: 'PER' },
    ];
    expect(scoreCharSpans(gold, predicted)).toMatchObject({ tp: 1, fp: 2, fn: 1 });
  });
});
