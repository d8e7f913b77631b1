// Character normalisation applied identically at training, evaluation and tagging time.
// Deletes soft hyphens and maps C1 control characters (mis-decoded Windows-1252 bytes) to what they meant.

const CP1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Removes U+00AD, U+200B, U+200E, U+FEFF and maps U+0080–U+009F through Windows-1252 (U+0096 -> '–'). */
export function normalizeToken(token: string): string {
  let special = false;
  for (let i = 0; i < token.length && !special; i++) {
    const code = token.charCodeAt(i);
    special = code >= 0x80 && (code <= 0xad || code === 0x200b || code === 0x200e || code === 0xfeff);
  }
  if (!special) return token;
  let out = '';
  for (const ch of token) {
    const code = ch.charCodeAt(0);
    if (code === 0xad || code === 0x200b || code === 0x200e || code === 0xfeff) continue;
    out += code >= 0x80 && code <= 0x9f ? (CP1252_C1[code - 0x80] ?? ch) : ch;
  }
  return out;
}
