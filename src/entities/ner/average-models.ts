// Averages the weights of several models trained on the same data with different shuffles (seeds). The
// tagger is linear, so this is a cheap ensemble that removes much of the perceptron's seed-to-seed noise.

import { buildFeatureTable } from './feature-table.js';
import { NerModelError } from './ner-model-error.js';
import type { NerModel } from './types.js';

/** Returns a model whose weights are the mean of `models`' weights; all must share one tag inventory. */
export function averageModels(models: readonly NerModel[]): NerModel {
  const first = models[0];
  if (!first) throw new NerModelError('ner_model_invalid', 'averageModels: no models given');
  const nTags = first.tags.length;
  if (models.some((m) => m.tags.join() !== first.tags.join())) {
    throw new NerModelError('ner_model_invalid', 'averageModels: models have different tag inventories');
  }
  const rowOf = new Map<number, number>();
  let dense = new Float32Array(1 << 20);
  for (const { table } of models) {
    for (let r = 0; r < table.keys.length; r++) {
      const key = table.keys[r] ?? 0;
      let row = rowOf.get(key);
      if (row === undefined) {
        row = rowOf.size * nTags;
        rowOf.set(key, row);
        if (row + nTags > dense.length) {
          const grown = new Float32Array(dense.length * 2);
          grown.set(dense);
          dense = grown;
        }
      }
      for (let j = table.rowStart[r] ?? 0; j < (table.rowStart[r + 1] ?? 0); j++) {
        const at = row + (table.cls[j] ?? 0);
        dense[at] = (dense[at] ?? 0) + (table.val[j] ?? 0) / models.length;
      }
    }
  }
  const keys = new Int32Array(rowOf.size);
  const rowStart = new Int32Array(rowOf.size + 1);
  const cls: number[] = [];
  const val: number[] = [];
  let r = 0;
  for (const [key, row] of rowOf) {
    keys[r] = key;
    for (let c = 0; c < nTags; c++) {
      const v = dense[row + c] ?? 0;
      if (v !== 0) {
        cls.push(c);
        val.push(v);
      }
    }
    rowStart[++r] = cls.length;
  }
  const table = buildFeatureTable(keys, rowStart, Uint8Array.from(cls), Float32Array.from(val));
  return { ...first, table };
}
