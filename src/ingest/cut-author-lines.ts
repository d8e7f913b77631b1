// The author's blurb under an article ("Audrey Huang is a senior and Print Managing Editor …", "Korrespondent
// Ulrich Exner ist bei WELT für …"): a short paragraph among the text's last lines that opens with the name
// of one of the page's authors (its metadata). Publishers print it as a plain paragraph inside the article's
// block, with no class naming it, so it is known by the name the page itself gives as its author.

export const DEFAULTS = {
  /** Blurbs are looked for among this many last paragraphs. */
  lastLines: 3,
  /** A blurb is short: a longer paragraph that opens with the author's name is the story's. */
  maxWords: 80,
  /** … and at most this share of the text's words. */
  maxShare: 0.25,
  /** The name stands among the paragraph's first words (after a title such as "Korrespondent"). */
  nameWithin: 6,
};

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;
const words = (text: string): string[] => text.match(WORD) ?? [];
// Words that join names in an author field: "Manoj Jain and Jagpreet Chhatwal, The Commercial Appeal".
const NAME_SEPARATOR = /\s*(?:[,;|&/]|\band\b|\bund\b)\s*/iu;
// A person's name: two to four capitalised words (an organisation named as author is not looked for).
const PERSON = /^\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){1,3}$/u;

// What a blurb says of its author after the first name: "Autumn founded …", "Jean-Luc started …".
const BIO_VERB =
  /^(is|was|has|started|founded|co-founded|covers|writes|joined|lives|leads|holds|ist|war|hat|lebt|arbeitet|schreibt|leitet)$/;

/** The persons named in an author field, each as its words; organisations and single words left out. */
function authorNames(author: string, source: string | null): string[][] {
  return author
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^\s*(?:by|von)\s+/i, '')
    .split(NAME_SEPARATOR)
    .map((name) => name.replace(/\s+/g, ' ').trim())
    .filter((name) => PERSON.test(name) && (source === null || !source.includes(name)))
    .map(words);
}

/** Whether the words `name` stand in order among the first `within` words of `line`. */
function opensWith(line: string[], name: string[], within: number): boolean {
  for (let start = 0; start + name.length <= Math.min(line.length, within); start++) {
    if (name.every((word, index) => line[start + index] === word)) return true;
  }
  return false;
}

/**
 * The text (paragraphs separated by a blank line) without the author's blurb among its last paragraphs: a
 * short paragraph that opens with the full name of one of the persons in `author`, or with the first name
 * and a verb of a blurb ("founded", "ist"). Unchanged where `author` names no person.
 */
export function cutAuthorLines(
  text: string,
  author: string | null,
  source: string | null = null,
  options: Partial<typeof DEFAULTS> = {},
): string {
  const settings = { ...DEFAULTS, ...options };
  const names = author ? authorNames(author, source) : [];
  if (names.length === 0) return text;
  const paragraphs = text.split('\n\n');
  const total = words(text).length;
  const kept = paragraphs.filter((paragraph, index) => {
    if (index === 0 || index < paragraphs.length - settings.lastLines) return true;
    const line = words(paragraph);
    if (line.length > settings.maxWords || line.length > total * settings.maxShare) return true;
    return !names.some(
      (name) =>
        opensWith(line, name, settings.nameWithin) ||
        // The first name alone as the subject of the first sentence: "Jean-Luc started CNX Software in 2010 …"
        (line[0] === name[0] && BIO_VERB.test(line[1] ?? '')),
    );
  });
  return kept.join('\n\n');
}
