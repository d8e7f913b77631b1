// How a token is compared with knowledge-base aliases: case-folded, ß as ss, and, for the last word of a
// name, the German genitive endings -s and -es removed ("Kremls", "Russlands", "Bundestages").

/** The comparison key of a token. */
export function normalizeToken(value: string): string {
  // Most tokens are ASCII: skip Unicode normalisation for them (it is a hot path of extraction).
  if (!/[^ -~]/.test(value)) return value.toLowerCase();
  return value.normalize('NFC').toLowerCase().replace(/ß/g, 'ss');
}

/** Keys the token may have without a genitive ending, most likely first. */
export function genitiveStems(key: string): string[] {
  const stems: string[] = [];
  if (key.length >= 4 && key.endsWith('s')) stems.push(key.slice(0, -1));
  if (key.length >= 5 && key.endsWith('es')) stems.push(key.slice(0, -2));
  return stems;
}

export function startsUpperCase(value: string): boolean {
  return /^[\p{Lu}\p{N}]/u.test(value);
}
