// Where each section of a binary graph snapshot (src/graph/persist-graph.ts) lies, so that tests can damage
// one on purpose: after the magic line, sections of a 4-byte little-endian length and their bytes, in
// order header, strings, types, mentions, articles, run lengths, others, shared articles, shared sentences,
// then the article columns: counts, ids, titles, write sequences, dates, mentions per article, and the
// mentions (entity number, sentence times 2 plus the furniture bit).
const NAMES = [
  'header',
  'strings',
  'types',
  'mentions',
  'articles',
  'lengths',
  'others',
  'shared',
  'sentences',
  'articleCounts',
  'articleIds',
  'titles',
  'seqs',
  'dates',
  'mentionCounts',
  'articleMentions',
] as const;

type Sections = Record<(typeof NAMES)[number], { offset: number; length: number }>;

export function snapshotSections(buffer: Buffer): Sections {
  const found = {} as Sections;
  let at = buffer.indexOf('\n') + 1;
  for (const name of NAMES) {
    const length = buffer.readUInt32LE(at);
    found[name] = { offset: at + 4, length };
    at += 4 + length;
  }
  return found;
}
