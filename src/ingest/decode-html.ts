// Bytes of an HTML page to text: the charset of the Content-Type header where there is one, else the
// page's <meta charset> or http-equiv in its first 2 KiB, else a byte order mark, else UTF-8. An unknown
// label falls back to UTF-8 rather than failing the page.

function charsetOf(text: string | null | undefined): string | undefined {
  return /charset\s*=\s*["']?([\w.:-]+)/i.exec(text ?? '')?.[1];
}

function decoder(label: string | undefined): TextDecoder {
  try {
    return new TextDecoder(label ?? 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
}

/** Decodes a page; `contentType` is the HTTP Content-Type header, when known. */
export function decodeHtml(bytes: Uint8Array, contentType?: string | null): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf-8' : undefined;
  const label = charsetOf(contentType) ?? (/<meta[^>]+charset/i.test(head) ? charsetOf(head) : undefined);
  return decoder(bom ?? label).decode(bytes);
}
