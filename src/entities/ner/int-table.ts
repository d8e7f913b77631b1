// A frozen hash table from int32 keys to non-zero int32 values in two typed arrays (open addressing),
// for lookups in tight loops: one probe usually, where a Map of numbers walks a bucket chain.

/** Keys and values by slot; a slot whose value is 0 is empty. */
export interface IntTable {
  keys: Int32Array;
  values: Int32Array;
  shift: number;
}

function slotOf(key: number, shift: number): number {
  return Math.imul(key, 0x9e3779b1) >>> shift;
}

/** Freezes `map` (values must be non-zero) into a table at most half full. */
export function intTableFrom(map: ReadonlyMap<number, number>): IntTable {
  let bits = 4;
  while (1 << bits < 2 * map.size) bits++;
  const size = 1 << bits;
  const table: IntTable = { keys: new Int32Array(size), values: new Int32Array(size), shift: 32 - bits };
  for (const [key, value] of map) {
    let s = slotOf(key, table.shift);
    while (table.values[s] !== 0) s = (s + 1) & (size - 1);
    table.keys[s] = key;
    table.values[s] = value;
  }
  return table;
}

/** The value of `key` in `table`, or 0 when it has none. */
export function intTableGet(table: IntTable, key: number): number {
  const { keys, values } = table;
  const mask = values.length - 1;
  let s = slotOf(key, table.shift);
  let value = values[s] ?? 0;
  while (value !== 0 && keys[s] !== key) {
    s = (s + 1) & mask;
    value = values[s] ?? 0;
  }
  return value;
}
