// A JSON file holding an array of articles, read as a stream: a small scanner finds where each top-level
// element starts and ends (tracking strings and nesting), so only one element is in memory at a time and
// each rejection can name the line the element starts on. An element holding bytes that are not UTF-8 is
// rejected, not read with U+FFFD in their place.
import type { Readable } from 'node:stream';
import type { IngestItem } from './types.js';
import { validateArticle } from './validate-article.js';

// Stands for bytes that are not UTF-8: a lone surrogate, which no valid UTF-8 decodes to.
const INVALID = '\uD800';
const REPLACEMENT_BYTES = Buffer.from('\uFFFD');

/**
 * Decodes a chunk that holds bytes that are not UTF-8: each invalid sequence becomes INVALID, while a
 * U+FFFD that the input really holds stays U+FFFD (the chunk is cut at those, so the decoder's own U+FFFD
 * can only stand for invalid bytes).
 */
function decodeMarkingInvalid(bytes: Buffer): string {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let text = '';
  let from = 0;
  for (let at = bytes.indexOf(REPLACEMENT_BYTES); at !== -1; at = bytes.indexOf(REPLACEMENT_BYTES, from)) {
    text += decoder.decode(bytes.subarray(from, at)).replaceAll('\uFFFD', INVALID) + '\uFFFD';
    from = at + REPLACEMENT_BYTES.length;
  }
  return text + decoder.decode(bytes.subarray(from)).replaceAll('\uFFFD', INVALID);
}

/** Where the last, incomplete UTF-8 sequence of a chunk starts (the chunk's length when there is none). */
function completeLength(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] as number;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back for its lead
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

/** Streams the elements of a JSON array file; a file that is not an array is one rejection. */
export async function* readJsonArray(
  file: string,
  input: Readable,
  maxChars: number,
): AsyncGenerator<IngestItem> {
  const maxElementChars = maxChars + 64 * 1024;
  let line = 1;
  let started = false;
  let ended = false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let element = '';
  let elementLine = 1;
  let tooLong = false;
  let invalidUtf8 = false;
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  // The bytes of a character cut by the chunk's end, kept for the next chunk.
  let carry = Buffer.alloc(0);

  const emit = (): IngestItem | undefined => {
    const text = element.trim();
    element = '';
    const where = { file, line: elementLine };
    if (tooLong) {
      tooLong = false;
      invalidUtf8 = false;
      return { ok: false, where, reason: `element is longer than ${maxElementChars} characters` };
    }
    if (invalidUtf8) {
      invalidUtf8 = false;
      return { ok: false, where, reason: 'not valid UTF-8' };
    }
    if (text === '') return undefined;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (cause) {
      return { ok: false, where, reason: `not valid JSON: ${(cause as Error).message}` };
    }
    const result = validateArticle(raw, { maxChars });
    return 'article' in result
      ? { ok: true, article: result.article, where }
      : { ok: false, where, ...result };
  };

  for await (const read of input as AsyncIterable<Buffer>) {
    const joined = carry.length > 0 ? Buffer.concat([carry, read]) : read;
    const end = completeLength(joined);
    const bytes = joined.subarray(0, end);
    carry = Buffer.from(joined.subarray(end));
    let chunk: string;
    try {
      chunk = strict.decode(bytes);
    } catch {
      chunk = decodeMarkingInvalid(bytes);
    }
    // The element's text in this chunk is appended as one slice, from `from` to the boundary.
    let from = 0;
    const take = (to: number): void => {
      if (tooLong || to <= from) return;
      const slice = chunk.slice(from, to);
      if (slice.includes(INVALID)) invalidUtf8 = true;
      element += slice;
      if (element.length > maxElementChars) {
        tooLong = true;
        element = '';
      }
    };
    for (let i = 0; i < chunk.length; i++) {
      const char = chunk[i] as string;
      if (char === '\n') line += 1;
      if (!started) {
        if (char === '[') {
          started = true;
          from = i + 1;
          elementLine = line;
        } else if (!/[\s\uFEFF]/.test(char)) {
          yield { ok: false, where: { file, line }, reason: 'a .json file must hold an array of articles' };
          return;
        }
        continue;
      }
      if (ended) continue;
      if (inString) {
        if (escaped) escaped = false;
        else if (char === '\\') escaped = true;
        else if (char === '"') inString = false;
      } else if (char === '"') {
        inString = true;
      } else if (char === '{' || char === '[') {
        if (depth === 0 && element.trim() === '' && chunk.slice(from, i).trim() === '') elementLine = line;
        depth += 1;
      } else if (char === '}' || (char === ']' && depth > 0)) {
        depth -= 1;
      } else if ((char === ',' || char === ']') && depth === 0) {
        take(i);
        from = i + 1;
        const item = emit();
        if (item) yield item;
        if (char === ']') ended = true;
        elementLine = line;
      }
    }
    if (!ended) take(chunk.length);
  }
  if (!ended) {
    yield { ok: false, where: { file, line }, reason: 'the JSON array is not closed (file truncated?)' };
  }
}
