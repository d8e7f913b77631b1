// Cuts an uncompressed WARC into its records, so that one record whose Content-Length is wrong (a capture
// cut off mid-record, then the next record written after it) does not take the rest of the file with it:
// a record must be followed by line breaks and the next "WARC/1.1" (any version) line, or the end; where
// it is not, the record ends where the next record header starts. A WARC.gz needs none of this: each
// record is its own gzip member there, and warcio finds the next member by itself.

/** `maxHeaderBytes`: a WARC header longer than this is taken as garbage. */
export const DEFAULTS = { maxHeaderBytes: 64 * 1024 };

export type WarcPiece =
  /** The bytes of one record (header and block, maybe shorter than its Content-Length says). */
  | { offset: number; bytes: Buffer }
  /** Bytes that are no record, or a record longer than its Content-Length; `reason` says which. */
  | { offset: number; reason: string };

const HEADER_END = Buffer.from('\r\n\r\n');
// The version line of a record header, at the start of a line: where reading can start again.
const LINE_START = Buffer.from('\nWARC/');
const VERSION_LINE = /^WARC\/\d{1,2}\.\d{1,2}\r?\n/;

/** Pulls bytes from a stream into one buffer that the caller consumes from the front. */
function createBuffer(input: AsyncIterable<Buffer | string>) {
  const iterator = input[Symbol.asyncIterator]();
  let bytes = Buffer.alloc(0);
  let offset = 0;
  let ended = false;
  return {
    get bytes() {
      return bytes;
    },
    get offset() {
      return offset;
    },
    get ended() {
      return ended;
    },
    /** Reads until at least `size` bytes are held or the stream ends. */
    async fill(size: number): Promise<void> {
      const chunks = [bytes];
      let held = bytes.length;
      while (held < size && !ended) {
        const next = await iterator.next();
        if (next.done) ended = true;
        else {
          const chunk = Buffer.from(next.value);
          chunks.push(chunk);
          held += chunk.length;
        }
      }
      if (chunks.length > 1) bytes = Buffer.concat(chunks, held);
    },
    consume(size: number): void {
      bytes = bytes.subarray(size);
      offset += size;
    },
  };
}

/** Where the next record header starts at or after `from` in `bytes` (its "WARC/" byte), or -1. */
function nextRecordStart(bytes: Buffer, from: number): number {
  for (let at = bytes.indexOf(LINE_START, Math.max(from - 1, 0)); at >= 0;) {
    if (at + 1 >= from && VERSION_LINE.test(bytes.toString('latin1', at + 1, at + 13))) return at + 1;
    at = bytes.indexOf(LINE_START, at + 1);
  }
  return -1;
}

/** Whether only line breaks come between `from` and the next record header or the end. */
function endsCleanly(bytes: Buffer, from: number, ended: boolean): boolean {
  let at = from;
  while (at < bytes.length && (bytes[at] === 0x0d || bytes[at] === 0x0a)) at += 1;
  if (at === bytes.length) return ended;
  return VERSION_LINE.test(bytes.toString('latin1', at, at + 12));
}

/** The records of an uncompressed WARC stream, in order, each with its offset in the file. */
export async function* splitWarcRecords(
  input: AsyncIterable<Buffer | string>,
  options: Partial<typeof DEFAULTS> = {},
): AsyncGenerator<WarcPiece> {
  const { maxHeaderBytes } = { ...DEFAULTS, ...options };
  const buffer = createBuffer(input);
  for (;;) {
    // Line breaks between records (writers differ in how many they put) belong to no record.
    await buffer.fill(1);
    while (buffer.bytes.length > 0 && (buffer.bytes[0] === 0x0d || buffer.bytes[0] === 0x0a)) {
      buffer.consume(1);
      await buffer.fill(1);
    }
    if (buffer.bytes.length === 0) return;
    const offset = buffer.offset;
    await buffer.fill(maxHeaderBytes);
    const headerEnd = buffer.bytes.indexOf(HEADER_END);
    const header = buffer.bytes.toString('latin1', 0, headerEnd < 0 ? 0 : headerEnd);
    const declared = Number(/\r\nContent-Length:\s*(\d+)/i.exec(header)?.[1] ?? NaN);
    if (!header.startsWith('WARC/') || !Number.isSafeInteger(declared)) {
      yield* skipToNextRecord(offset, 'no WARC record header here');
      continue;
    }
    const blockStart = headerEnd + HEADER_END.length;
    const end = blockStart + declared;
    // Enough to see what follows the block: its CRLF CRLF and the next record's version line.
    await buffer.fill(end + HEADER_END.length + 20);
    // The pieces are views: the buffer's bytes are never written again, only replaced.
    if (endsCleanly(buffer.bytes, end, buffer.ended)) {
      yield { offset, bytes: buffer.bytes.subarray(0, Math.min(end, buffer.bytes.length)) };
      buffer.consume(Math.min(end, buffer.bytes.length));
      continue;
    }
    // The record does not end where it says: it ends where the next one starts.
    const next = nextRecordStart(buffer.bytes, blockStart);
    if (next < 0 && buffer.ended) {
      yield { offset, bytes: buffer.bytes };
      buffer.consume(buffer.bytes.length);
    } else if (next >= 0 && next < end) {
      // Cut off: the reader rejects it as truncated (its block is shorter than declared).
      yield { offset, bytes: buffer.bytes.subarray(0, next) };
      buffer.consume(next);
    } else {
      yield* skipToNextRecord(offset, `record longer than its Content-Length of ${declared} bytes`);
    }
  }

  async function* skipToNextRecord(offset: number, reason: string): AsyncGenerator<WarcPiece> {
    yield { offset, reason };
    buffer.consume(1);
    for (;;) {
      const next = nextRecordStart(buffer.bytes, 0);
      if (next >= 0) return buffer.consume(next);
      if (buffer.ended) return buffer.consume(buffer.bytes.length);
      // Keep a few bytes: a version line may straddle two reads.
      buffer.consume(Math.max(buffer.bytes.length - 16, 0));
      await buffer.fill(buffer.bytes.length + maxHeaderBytes);
    }
  }
}
