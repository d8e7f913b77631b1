// Error raised by the NER tagger when a model file or a training set cannot be used.
// Carries a stable code so CLIs and the HTTP layer can react without parsing messages.

import { NewsgraphError } from '../../errors.js';

/** A NER model or training corpus is missing, malformed or inconsistent. */
export class NerModelError extends NewsgraphError {
  constructor(
    code: 'ner_model_invalid' | 'ner_corpus_invalid',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}
