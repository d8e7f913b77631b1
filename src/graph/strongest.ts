// The `limit` highest-ranked of many items, highest first; equal ranks by a second rank when given, then by
// a last order when given (the whole graph's export orders by the ends' ids, which a reader of only part of
// the graph can reproduce), else in their given order. A neighbourhood export ranks tens of thousands of
// edges to keep 500, most of them tied: sorting them all with a comparator took ~30 ms (measured, README);
// finding the cut-off rank with a native numeric sort and ordering only what is kept takes a few.

/** Orders two items' indices when every rank ties: negative when the first comes first. */
export type LastOrder = (x: number, y: number) => number;

/** The indices of the `limit` highest of `ranks` among `indices`, in no particular order. */
function cut(
  indices: Int32Array,
  ranks: Float64Array,
  limit: number,
  second?: Float64Array,
  last?: LastOrder,
): Int32Array {
  if (indices.length <= limit) return indices;
  if (limit <= 0) return new Int32Array(0);
  const values = new Float64Array(indices.length);
  for (let k = 0; k < indices.length; k++) values[k] = ranks[indices[k] as number] as number;
  const cutoff = values.sort()[indices.length - limit] as number;
  const kept = new Int32Array(limit);
  let above = 0;
  const tied: number[] = [];
  for (const i of indices) {
    const rank = ranks[i] as number;
    if (rank > cutoff) kept[above++] = i;
    else if (rank === cutoff) tied.push(i);
  }
  const need = limit - above;
  if (second) kept.set(cut(Int32Array.from(tied), second, need, undefined, last), above);
  else kept.set(last && tied.length > need ? tied.sort(last).slice(0, need) : tied.slice(0, need), above);
  return kept;
}

/** The indices of the `limit` highest of `ranks`, highest first (ties: second rank, then `last` or index). */
export function strongestIndices(
  ranks: Float64Array,
  limit: number,
  second?: Float64Array,
  last?: LastOrder,
): number[] {
  const all = new Int32Array(ranks.length);
  for (let i = 0; i < all.length; i++) all[i] = i;
  const by = (values: Float64Array | undefined, x: number, y: number): number =>
    values ? (values[y] as number) - (values[x] as number) : 0;
  return [...cut(all, ranks, limit, second, last)].sort(
    (x, y) => by(ranks, x, y) || by(second, x, y) || last?.(x, y) || x - y,
  );
}

/** The `limit` highest-ranked of `items` (ranks[i] is the rank of items[i]), highest first. */
export function strongest<T>(
  items: readonly T[],
  ranks: Float64Array,
  limit: number,
  second?: Float64Array,
  last?: LastOrder,
): T[] {
  return strongestIndices(ranks, limit, second, last).map((i) => items[i] as T);
}
