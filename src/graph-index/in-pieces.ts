// Reads of many entities are made a piece at a time, each piece bounded by what it will hold: at a million
// articles a hub's whole list has 157,529 neighbours, and a hundred lists read at once took an API past a
// 400 MB heap (docs/index-mode.md, session 22).

/**
 * `items` in order, in pieces whose sizes sum to at most `most` and that hold at most `count` items each; an
 * item larger than `most` makes a piece of its own.
 */
export function inPieces<T>(
  items: readonly T[],
  sizeOf: (item: T) => number,
  most: number,
  count = Infinity,
): T[][] {
  const pieces: T[][] = [];
  let piece: T[] = [];
  let size = 0;
  for (const item of items) {
    const next = sizeOf(item);
    if (piece.length > 0 && (size + next > most || piece.length >= count)) {
      pieces.push(piece);
      piece = [];
      size = 0;
    }
    piece.push(item);
    size += next;
  }
  if (piece.length > 0) pieces.push(piece);
  return pieces;
}
