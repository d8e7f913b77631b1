// Splits a byte stream into lines without ever holding more than one line (up to a limit) in memory, so a
// 1 GB file streams flat and a runaway line is reported instead of exhausting memory. A line that is not
// valid UTF-8 is reported too (never silently turned into U+FFFD); a leading BOM and a trailing CR are dropped.
import type { Readable } from 'node:stream';

export interface Line {
  /** 1-based line number. */
  number: number;
  /** The text, or undefined when the line is skipped: longer than the limit, or not valid UTF-8. */
  text: string | undefined;
  /** Why the line was skipped. */
  problem?: 'too_long' | 'invalid_utf8';
}

/** Yields the lines of `input`; a line over `maxBytes`, or not UTF-8, yields `text: undefined` and why. */
export async function* readLines(input: Readable, maxBytes: number): AsyncGenerator<Line> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let parts: Buffer[] = [];
  let size = 0;
  let overflow = false;
  let number = 0;

  const finish = (): Line => {
    number += 1;
    if (overflow) {
      parts = [];
      size = 0;
      overflow = false;
      return { number, text: undefined, problem: 'too_long' };
    }
    const bytes = Buffer.concat(parts, size);
    parts = [];
    size = 0;
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      return { number, text: undefined, problem: 'invalid_utf8' };
    }
    if (number === 1) text = text.replace(/^\uFEFF/, '');
    return { number, text: text.endsWith('\r') ? text.slice(0, -1) : text };
  };

  for await (const chunk of input as AsyncIterable<Buffer>) {
    let from = 0;
    for (let at = chunk.indexOf(10, from); at !== -1; at = chunk.indexOf(10, from)) {
      if (!overflow) parts.push(chunk.subarray(from, at));
      size += at - from;
      if (size > maxBytes) overflow = true;
      yield finish();
      from = at + 1;
    }
    if (from < chunk.length && !overflow) {
      parts.push(chunk.subarray(from));
      size += chunk.length - from;
      if (size > maxBytes) {
        overflow = true;
        parts = [];
      }
    }
  }
  if (size > 0 || overflow) yield finish();
}
