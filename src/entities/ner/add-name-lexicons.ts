// Adds typed German name lists of ../shared/corpus to the tagger's gazetteer (read only by train:ner):
// LanguageTool's proper names with their inflected forms (given names as GIVEN; cities, countries, regions,
// waters and mountains as PLACE) and the politicians who spoke in the Bundestag (PER), with their parties
// (ORG). Surnames alone are left out: as a gazetteer type of their own they cost more than they gave.

import { readFile } from 'node:fs/promises';
import { addPhrase } from './build-gazetteer-phrases.js';
import { NerModelError } from './ner-model-error.js';
import { tokenizePlainText } from './tokenize-plain-text.js';

/** Where the name lists are, relative to the corpus root. */
export const NAME_LEXICON_FILES = {
  properNames: 'lexicons/german-proper-names-EIG.txt',
  speakers: 'unlabeled-de/germaparl-speakers.tsv',
};

const SUBTYPE: Record<string, string> = {
  VOR: 'GIVEN',
  STD: 'PLACE',
  COU: 'PLACE',
  GEB: 'PLACE',
  WAT: 'PLACE',
  MOU: 'PLACE',
};

async function readLines(path: string): Promise<string[]> {
  try {
    return (await readFile(path, 'utf8')).split('\n').filter((line) => line.trim() !== '');
  } catch (cause) {
    throw new NerModelError('ner_corpus_invalid', `addNameLexicons: cannot read ${path}`, { cause });
  }
}

function add(phrases: Map<string, string>, name: string, type: string): boolean {
  const key = tokenizePlainText(name)
    .map((t) => t.toLowerCase())
    .join(' ');
  if (key === '' || key === 'na') return false;
  addPhrase(phrases, key, type);
  return true;
}

/** Adds the phrases of the name lists under `corpusRoot` to `phrases`; returns how many it added. */
export async function addNameLexicons(phrases: Map<string, string>, corpusRoot: string): Promise<number> {
  let added = 0;
  for (const line of await readLines(`${corpusRoot}/${NAME_LEXICON_FILES.properNames}`)) {
    const [form = '', , tag = ''] = line.split('\t');
    const type = SUBTYPE[tag.split(':').at(-1) ?? ''];
    if (type && add(phrases, form, type)) added++;
  }
  const [header = '', ...speakers] = await readLines(`${corpusRoot}/${NAME_LEXICON_FILES.speakers}`);
  const columns = header.split('\t');
  const nameAt = columns.indexOf('name');
  const partyAt = columns.indexOf('party');
  for (const line of speakers) {
    const fields = line.split('\t');
    if (add(phrases, fields[nameAt] ?? '', 'PER')) added++;
    if (add(phrases, fields[partyAt] ?? '', 'ORG')) added++;
  }
  return added;
}
