// The tokenizer over winkNLP, renewed now and then so its memory stays bounded. A winkNLP instance adds
// every word it has not seen to its lexicon and never lets go (about 270 bytes a new form, measured
// 2026-12-07), so a worker reading a large archive grew without end. After `renewAfterTokens` tokens the
// tokenizer starts over on a fresh instance made from a fresh copy of the model: instances made from one
// copy share state that doubles each load and throws at the 21st.
import { createRequire } from 'node:module';
import path from 'node:path';
import winkNLP, { type Model } from 'wink-nlp';
import { createTokenizer, type Tokenize } from './tokenize.js';

/** Defaults of `createWinkTokenizer`. */
export const WINK_TOKENIZER_DEFAULTS = {
  /**
   * Tokens read before a fresh winkNLP instance takes over: about 12,000 news articles, whose new word forms
   * take a few tens of megabytes; a fresh instance costs 100–180 ms to make.
   */
  renewAfterTokens: 5_000_000,
};

const MODEL_PACKAGE = 'wink-eng-lite-web-model';

/** A fresh copy of winkNLP's English model: its modules are loaded again, not taken from the cache. */
function freshModel(): Model {
  // A require of its own each time: the modules it loads are kept as its children, so they can go with it
  // (through one shared require, each copy stayed in memory: 4 MB a copy).
  const load = createRequire(import.meta.url);
  const folder = path.dirname(load.resolve(`${MODEL_PACKAGE}/package.json`));
  for (const file of Object.keys(load.cache)) {
    if (file.startsWith(folder + path.sep)) delete load.cache[file];
  }
  return load(MODEL_PACKAGE) as Model;
}

/**
 * A tokenizer over its own winkNLP instance (the `sbd` pipe only). Make one per extraction context and pass
 * it to every extractor rebuilt there (`loadExtractor({ tokenize })`): making an instance takes 100–180 ms.
 */
export function createWinkTokenizer(
  options: Partial<typeof WINK_TOKENIZER_DEFAULTS> & { onRenew?: () => void } = {},
): Tokenize {
  const { renewAfterTokens, onRenew } = { ...WINK_TOKENIZER_DEFAULTS, ...options };
  const make = (): Tokenize => createTokenizer(winkNLP(freshModel(), ['sbd']));
  let tokenize = make();
  let read = 0;
  return (text, lang) => {
    if (read >= renewAfterTokens) {
      tokenize = make();
      read = 0;
      onRenew?.();
    }
    const tokenized = tokenize(text, lang);
    read += tokenized.tokens.length;
    return tokenized;
  };
}
