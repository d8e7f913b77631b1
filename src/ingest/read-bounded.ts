// Reads a whole input stream into memory, up to a byte limit: a page or a feed is parsed whole, and an
// oversized one is refused as soon as it passes the limit, without reading the rest.
import type { Readable } from 'node:stream';

/** The bytes of `input`, or undefined (and the stream destroyed) once more than `limit` arrived. */
export async function readBounded(input: Readable, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      input.destroy();
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
