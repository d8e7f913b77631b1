// Room in a typed array that grows: the same array when it is large enough, else a copy with room for at
// least `size` elements (a quarter more than asked, so that appending one at a time copies rarely).
type Typed = Int32Array | Float64Array;

/** `array`, or a copy of it with room for at least `size` elements (new elements `fill`). */
export function grown<T extends Typed>(array: T, size: number, fill = 0): T {
  if (size <= array.length) return array;
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(16, size + (size >> 2)));
  bigger.set(array);
  if (fill !== 0) bigger.fill(fill, array.length);
  return bigger;
}
