// Page furniture in scraped articles: "More Stories" blocks of other stories' headlines, author blurbs,
// bylines and photo credits. Their names are kept as mentions but relate to nothing, so a sidebar
// headline never links its people to the article's.
import type { TokenizedText } from './types.js';

const RELATED_HEADING =
  /^(more stories|more news|related( stories| articles| content)?|read more|read next|top stories|most read|recommended( for you)?|you may also like|mehr zum thema|mehr (nachrichten|artikel|stories|aus \S+)|weitere (artikel|nachrichten|meldungen|themen)|lesen sie auch|das könnte sie auch interessieren|auch interessant|zum thema|verwandte artikel|meistgelesen|empfohlen)\s*:?$/i;
const CREDIT = /^(foto|fotos|bild|bilder|photo|photos|image|credit|quelle|source|grafik)\s*:/i;
const BYLINE = /^(von|by)\s+\p{Lu}[^.!?]*$/u;

/** Indexes of the sentences that are furniture. */
export function detectFurniture(text: string, tokenized: TokenizedText): Set<number> {
  const furniture = new Set<number>();
  let lineStart = 0;
  let related = false;
  let next = 0;
  for (const line of text.split('\n')) {
    const lineEnd = lineStart + line.length;
    const trimmed = line.trim();
    const words = trimmed.split(/\s+/).filter((word) => word !== '');
    if (RELATED_HEADING.test(trimmed)) related = true;
    // Sentences never cross a newline, so one forward pass pairs them with their lines.
    const inLine: Array<{ range: [number, number]; index: number }> = [];
    for (
      let range = tokenized.sentences[next];
      range && range[1] <= lineEnd;
      range = tokenized.sentences[++next]
    ) {
      inLine.push({ range, index: next });
    }
    const fragments = inLine.length >= 3 && inLine.every(({ range }) => wordCount(text, range) <= 4);
    const shortLine = words.length > 0 && words.length <= 6;
    if (related || fragments || CREDIT.test(trimmed) || (shortLine && BYLINE.test(trimmed))) {
      inLine.forEach(({ index }) => furniture.add(index));
    }
    lineStart = lineEnd + 1;
  }
  return furniture;
}

function wordCount(text: string, [start, end]: [number, number]): number {
  return text
    .slice(start, end)
    .split(/\s+/)
    .filter((word) => /\p{L}/u.test(word)).length;
}
