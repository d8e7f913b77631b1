// The tokenizer gives a text the same tokens whatever it read before: winkNLP remembers a possessive it
// kept whole before a comma ("Poor's,") and then keeps it whole everywhere, which made one article's
// entities depend on the articles read before it.
import { describe, expect, it } from 'vitest';
import { createWinkTokenizer } from '../../src/entities/create-wink-tokenizer.js';

const values = (tokenize: ReturnType<typeof createWinkTokenizer>, text: string): string[] =>
  tokenize(text, 'en').tokens.map((token) => token.value);

describe('tokenize', () => {
  it('makes a possessive a token of its own, before a comma too', () => {
    const tokenize = createWinkTokenizer();
    expect(values(tokenize, "Standard & Poor's said.")).toEqual(['Standard', '&', 'Poor', "'s", 'said', '.']);
    expect(values(tokenize, 'According to Lloyd’s, rates rose.')).toEqual([
      'According',
      'to',
      'Lloyd',
      '’s',
      ',',
      'rates',
      'rose',
      '.',
    ]);
  });

  it('gives a text the same tokens and offsets after other texts were read', () => {
    const tokenize = createWinkTokenizer();
    const text = "Standard & Poor's said Foster's beer sold well.";
    const fresh = tokenize(text, 'en');
    tokenize("According to Standard & Poor's, and to Foster's, sales grew.", 'en');
    expect(tokenize(text, 'en')).toEqual(fresh);
    for (const token of fresh.tokens) expect(text.slice(token.start, token.end)).toBe(token.value);
  });

  it('renewed every few tokens, many times over, gives the same tokens as one instance', () => {
    const texts = [
      'Olaf Scholz traf Emmanuel Macron in Paris.',
      "Standard & Poor's said Foster's beer sold well.",
      'Die Bundesregierung (BMF) plant 3,5 Mrd. Euro für E.ON und Đoković.',
      'Kramp-Karrenbauer sprach am 7. Juli mit Wilhelm II. in Rom.',
    ];
    const once = createWinkTokenizer();
    // A renewal after every text: 40 winkNLP instances, past the 21 that one shared model copy allows.
    let renewals = 0;
    const renewed = createWinkTokenizer({ renewAfterTokens: 1, onRenew: () => (renewals += 1) });
    for (let round = 0; round < 10; round++) {
      for (const text of texts) expect(renewed(text, 'de')).toEqual(once(text, 'de'));
    }
    expect(renewals).toBe(10 * texts.length - 1);
  }, 30_000);
});
