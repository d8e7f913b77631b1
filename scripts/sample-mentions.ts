// CLI: samples of what the default extraction finds in real articles, for judging precision and recall by
// reading (docs/entities.md, "Reading the corpus articles"). Default: one random mention (not derived, not
// furniture) of each of N random articles, with its type, entity and the words around it. --openings: the
// first 450 characters of N random articles with every mention in [brackets] (derived ones marked ~), to
// list what was missed. Reads a JSON Lines file of articles ({id, title?, body, lang}); seeded, so a sample
// can be drawn again. NER chooses the finders as for the API (tagger by default, neural, off).
import { readFileSync } from 'node:fs';
import { loadConfig } from '../src/config.js';
import type { Extraction } from '../src/entities/types.js';
import { loadExtractor } from '../src/entities/load-extractor.js';
import { seededRandom } from '../src/entities/ner/seeded-random.js';
import { loadTaggers } from '../src/entities/load-taggers.js';
import { GIVEN_NAMES_FILE, taggerFilesOf } from '../src/open-search.js';
import { parseCli } from './parse-cli.js';

const { values, positionals } = parseCli({
  usage: 'npm run sample:mentions -- [--articles N] [--seed N] [--openings] <articles.jsonl>',
  description: 'Random mentions (or article openings with every mention marked) of the default extraction.',
  positionals: '<articles.jsonl>',
  options: {
    articles: { type: 'string', value: 'N', default: '80', description: 'articles drawn' },
    seed: { type: 'string', value: 'N', default: '1', description: 'seed of the draw' },
    openings: { type: 'boolean', description: "mark every mention in each article's first 450 characters" },
  },
});

const OPENING_CHARS = 450;
const file = positionals[0];
if (file === undefined) {
  console.error('sample-mentions: give a JSON Lines file of articles');
  process.exit(2);
}
const config = loadConfig(process.env);
const taggerFiles = taggerFilesOf(config.ner);
const { extract } = loadExtractor({
  kbFiles: config.kbFiles,
  givenNamesFile: GIVEN_NAMES_FILE,
  taggers: taggerFiles && (await loadTaggers(taggerFiles)),
});
const lines = readFileSync(file, 'utf8').trim().split('\n');
const random = seededRandom(Number(values.seed));
const oneLine = (text: string): string => text.replace(/\s+/g, ' ');

function markOpening(text: string, extraction: Extraction): string {
  let marked = '';
  let at = 0;
  const mentions = extraction.mentions
    .filter((mention) => mention.end <= OPENING_CHARS)
    .sort((a, b) => a.start - b.start);
  for (const mention of mentions) {
    if (mention.start < at) continue;
    marked += `${text.slice(at, mention.start)}[${text.slice(mention.start, mention.end)}${mention.derived ? '~' : ''}]`;
    at = mention.end;
  }
  return marked + text.slice(at, Math.min(text.length, OPENING_CHARS));
}

for (let k = 0; k < Number(values.articles); k++) {
  const article = JSON.parse(lines[Math.floor(random() * lines.length)] ?? '{}') as {
    title?: string;
    body: string;
    lang: 'de' | 'en';
  };
  // As the pipeline writes an article: its title as the first line.
  const text = (article.title ? `${article.title}\n` : '') + article.body;
  const extraction = extract(text, article.lang);
  if (values.openings) {
    console.log(`--- ${k}\n${oneLine(markOpening(text, extraction))}`);
    continue;
  }
  const names = extraction.mentions.filter((mention) => !mention.derived && !mention.furniture);
  const mention = names[Math.floor(random() * names.length)];
  if (!mention) continue;
  const type = extraction.entities.find((entity) => entity.id === mention.entityId)?.type;
  const context = `${text.slice(Math.max(0, mention.start - 60), mention.start)}[[${mention.text}]]${text.slice(mention.end, mention.end + 40)}`;
  console.log(`${k}\t${type}\t${mention.entityId}\t${oneLine(context)}`);
}
