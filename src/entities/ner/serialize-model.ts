// Writes a model as a gzipped binary: magic, a JSON header, then rows sorted by key (delta-coded keys,
// per-row entry counts, class ids, int16-quantised weights) and optional word clusters, case profile and
// gazetteer phrases as text.

import { gzipSync } from 'node:zlib';
import type { NerModel } from './types.js';

/** Magic bytes at the start of every uncompressed model file. */
export const MODEL_MAGIC = 'NGNER01\n';

/** Serialises `model` to a gzipped buffer that `parseModel` reads back. */
export function serializeModel(model: NerModel): Buffer {
  const { keys, rowStart, cls, val } = model.table;
  const order = Array.from(keys.keys()).sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0));
  let maxAbs = 0;
  for (const v of val) maxAbs = Math.max(maxAbs, Math.abs(v));
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const deltas = new Uint32Array(order.length);
  const counts = new Uint8Array(order.length);
  const outCls = new Uint8Array(cls.length);
  const outVal = new Int16Array(cls.length);
  let prevKey = 0;
  let nnz = 0;
  order.forEach((r, i) => {
    const key = keys[r] ?? 0;
    deltas[i] = key - prevKey;
    prevKey = key;
    const start = rowStart[r] ?? 0;
    const end = rowStart[r + 1] ?? 0;
    counts[i] = end - start;
    for (let j = start; j < end; j++) {
      outCls[nnz] = cls[j] ?? 0;
      outVal[nnz] = Math.round((val[j] ?? 0) / scale);
      nnz++;
    }
  });
  const clusterText = model.clusters ? [...model.clusters].map(([w, c]) => `${w}\t${c}`).join('\n') : '';
  const clusterBytes = Buffer.from(clusterText, 'utf8');
  const caseText = model.caseProfile ? [...model.caseProfile].map(([w, c]) => `${w}\t${c}`).join('\n') : '';
  const caseBytes = Buffer.from(caseText, 'utf8');
  const gazetteerText = model.gazetteer ? [...model.gazetteer].map(([p, t]) => `${p}\t${t}`).join('\n') : '';
  const gazetteerBytes = Buffer.from(gazetteerText, 'utf8');
  const header = Buffer.from(
    JSON.stringify({
      lang: model.lang,
      tags: model.tags,
      rows: order.length,
      nnz,
      scale,
      clusterBytes: clusterBytes.length,
      caseBytes: caseBytes.length,
      gazetteerBytes: gazetteerBytes.length,
      history: model.history === true,
    }),
    'utf8',
  );
  const headerLength = Buffer.alloc(4);
  headerLength.writeUInt32LE(header.length);
  return gzipSync(
    Buffer.concat([
      Buffer.from(MODEL_MAGIC, 'latin1'),
      headerLength,
      header,
      Buffer.from(deltas.buffer),
      Buffer.from(counts.buffer),
      Buffer.from(outCls.buffer),
      Buffer.from(outVal.buffer, 0, nnz * 2),
      clusterBytes,
      caseBytes,
      gazetteerBytes,
    ]),
    { level: 9 },
  );
}
