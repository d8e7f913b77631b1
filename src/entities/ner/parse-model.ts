// Reads a gzipped model written by `serializeModel` back into typed arrays and rebuilds its hash index.
// Validates the magic and section sizes so a truncated or foreign file fails with a clear error.

import { gunzipSync } from 'node:zlib';
import { buildFeatureTable } from './feature-table.js';
import { NerModelError } from './ner-model-error.js';
import { MODEL_MAGIC } from './serialize-model.js';
import type { NerModel } from './types.js';

interface Header {
  lang: string;
  tags: string[];
  rows: number;
  nnz: number;
  scale: number;
  clusterBytes: number;
  caseBytes?: number;
  gazetteerBytes?: number;
  history?: boolean;
}

function readPairs(bytes: Uint8Array): [string, string][] {
  const pairs: [string, string][] = [];
  for (const line of Buffer.from(bytes).toString('utf8').split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) pairs.push([line.slice(0, tab), line.slice(tab + 1)]);
  }
  return pairs;
}

/** Parses a gzipped model buffer; throws `NerModelError` (`ner_model_invalid`) if it is not one. */
export function parseModel(gz: Uint8Array): NerModel {
  let raw: Buffer;
  try {
    raw = gunzipSync(gz);
  } catch (cause) {
    throw new NerModelError('ner_model_invalid', 'parseModel: not a gzipped NER model', { cause });
  }
  if (raw.subarray(0, 8).toString('latin1') !== MODEL_MAGIC) {
    throw new NerModelError('ner_model_invalid', 'parseModel: bad magic, not a newsgraph NER model');
  }
  const headerLength = raw.readUInt32LE(8);
  const header = JSON.parse(raw.subarray(12, 12 + headerLength).toString('utf8')) as Header;
  let at = 12 + headerLength;
  const take = (bytes: number): Uint8Array => {
    if (at + bytes > raw.length)
      throw new NerModelError('ner_model_invalid', 'parseModel: model file is truncated');
    // Copy into a fresh, exactly sized ArrayBuffer so typed-array views start at offset 0.
    const part = new Uint8Array(raw.subarray(at, at + bytes));
    at += bytes;
    return part;
  };
  const deltas = new Uint32Array(take(header.rows * 4).buffer);
  const counts = new Uint8Array(take(header.rows));
  const cls = new Uint8Array(take(header.nnz));
  const q = new Int16Array(take(header.nnz * 2).buffer);
  const keys = new Int32Array(header.rows);
  const rowStart = new Int32Array(header.rows + 1);
  let key = 0;
  for (let r = 0; r < header.rows; r++) {
    key += deltas[r] ?? 0;
    keys[r] = key;
    rowStart[r + 1] = (rowStart[r] ?? 0) + (counts[r] ?? 0);
  }
  const val = new Float32Array(header.nnz);
  for (let j = 0; j < header.nnz; j++) val[j] = (q[j] ?? 0) * header.scale;
  const model: NerModel = {
    lang: header.lang,
    tags: header.tags,
    table: buildFeatureTable(keys, rowStart, cls, val),
  };
  if (header.clusterBytes > 0) model.clusters = new Map(readPairs(take(header.clusterBytes)));
  if (header.caseBytes) {
    model.caseProfile = new Map(readPairs(take(header.caseBytes)).map(([w, c]) => [w, Number(c)]));
  }
  if (header.gazetteerBytes) model.gazetteer = new Map(readPairs(take(header.gazetteerBytes)));
  if (header.history) model.history = true;
  return model;
}
