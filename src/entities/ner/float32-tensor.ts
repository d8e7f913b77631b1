// A float32 tensor of a neural model by name, or an error naming the reader and the tensor.
import { NerModelError } from './ner-model-error.js';
import type { NeuralModel } from './parse-neural-model.js';

/** The data of tensor `name` of `model`; `reader` names the caller in the error when it is missing. */
export function float32Tensor(model: NeuralModel, name: string, reader: string): Float32Array {
  const t = model.tensors.get(name);
  if (!t || !(t.data instanceof Float32Array)) {
    throw new NerModelError('ner_model_invalid', `${reader}: tensor ${name} is missing or not float32`);
  }
  return t.data;
}
