// CLI: trains German fastText word vectors for the neural tagger (scripts/train-ner-neural.py --lang de):
// writes the GermaParl sample, the German news bodies and the GermEval training sentences' tokens (no
// tags; never dev or test text) as one tokenised paragraph a line, tokenised as the word clusters and
// the case profile are (tokenizePlainText + normalizeToken), runs `fasttext skipgram` on it, then asks the
// model (subwords included) for a vector of every token of GermEval train/dev/test, so that compounds
// unseen in the text get one too. No labels are read. Everything is written under scratch/ (not in git).
// Skips with a reason when ../shared/corpus or fasttext is absent. Options: npm run train:vectors:de -- --help.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NER_CORPUS_FILES } from '../src/entities/ner/ner-corpus-files.js';
import { normalizeToken } from '../src/entities/ner/normalize-token.js';
import { readNerCorpus } from '../src/entities/ner/read-ner-corpus.js';
import { readPlainParagraphs } from '../src/entities/ner/read-plain-paragraphs.js';
import { tokenizePlainText } from '../src/entities/ner/tokenize-plain-text.js';
import { parseCli } from './parse-cli.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseCli({
  usage: 'npm run train:vectors:de -- [--corpus DIR] [--out DIR] [--fasttext PATH] [--dim N] [--epoch N]',
  description:
    'Trains German fastText skipgram vectors on the GermaParl sample (non-commercial licence), the German\n' +
    'news bodies and the GermEval training tokens, and writes a vector for every GermEval token.',
  options: {
    corpus: {
      type: 'string',
      value: 'DIR',
      default: resolve(repoRoot, '../shared/corpus'),
      description: 'the shared corpus folder',
    },
    out: {
      type: 'string',
      value: 'DIR',
      default: join(repoRoot, 'scratch/word-vectors-de'),
      description: 'output folder',
    },
    fasttext: { type: 'string', value: 'PATH', default: 'fasttext', description: 'the fastText binary' },
    dim: { type: 'string', value: 'N', default: '100', description: 'vector size' },
    epoch: { type: 'string', value: 'N', default: '5', description: 'passes over the text' },
    'min-count': {
      type: 'string',
      value: 'N',
      default: '3',
      description: 'words seen fewer times get no row',
    },
    threads: { type: 'string', value: 'N', default: '1', description: 'fastText threads' },
    'no-news': { type: 'boolean', default: false, description: 'GermaParl only, without the news bodies' },
    'keep-model': {
      type: 'boolean',
      default: false,
      description: 'reuse OUT/vectors.bin if present (only write the GermEval token vectors)',
    },
  },
});

if (!existsSync(values.corpus)) {
  console.log(`train-word-vectors-de: skipped, corpus folder ${values.corpus} not found.`);
  process.exit(0);
}
if (spawnSync(values.fasttext, [], { stdio: 'ignore' }).error) {
  console.log(
    `train-word-vectors-de: skipped, ${values.fasttext} cannot be run (Debian: apt-get install fasttext).`,
  );
  process.exit(0);
}
const files = NER_CORPUS_FILES.de;
await mkdir(values.out, { recursive: true });
const textPath = join(values.out, 'text.txt');
const modelBase = join(values.out, 'vectors');

if (!(values['keep-model'] && existsSync(`${modelBase}.bin`))) {
  let started = Date.now();
  const text = createWriteStream(textPath);
  let lines = 0;
  let words = 0;
  const put = (tokens: string[]): void => {
    if (tokens.length === 0) return;
    text.write(tokens.join(' ') + '\n');
    lines += 1;
    words += tokens.length;
  };
  for (const tokens of await readPlainParagraphs(join(values.corpus, files.unlabeled.caseText ?? '')))
    put(tokens);
  if (!values['no-news']) {
    const news = await readFile(join(values.corpus, files.unlabeled.news), 'utf8');
    for (const line of news.split('\n')) {
      if (line.trim() === '') continue;
      const article = JSON.parse(line) as { title?: string | null; body?: string };
      for (const part of [article.title ?? '', ...(article.body ?? '').split(/\n+/)]) {
        put(tokenizePlainText(part).map((t) => normalizeToken(t)));
      }
    }
  }
  for (const sentence of await readNerCorpus(values.corpus, files.train)) put(sentence.tokens);
  await new Promise<void>((done, fail) => text.end((error?: Error | null) => (error ? fail(error) : done())));
  console.log(
    `${textPath}: ${lines} lines, ${words} tokens, written in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );

  started = Date.now();
  const args = [
    'skipgram',
    ...['-input', textPath, '-output', modelBase],
    ...['-dim', values.dim, '-epoch', values.epoch, '-minCount', values['min-count']],
    ...['-minn', '3', '-maxn', '6', '-thread', values.threads],
  ];
  console.log(`${values.fasttext} ${args.join(' ')}`);
  const code = await new Promise<number | null>((done) => {
    const child = spawn(values.fasttext, args, { stdio: 'inherit' });
    child.on('close', done);
  });
  if (code !== 0) {
    console.error(`train-word-vectors-de: fasttext exited with ${code}`);
    process.exit(1);
  }
  console.log(`fasttext skipgram: ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

// A vector for every GermEval token (train, dev, test: words only, never tags), subwords included.
const tokens = new Set<string>();
for (const split of ['train', 'dev', 'test'] as const) {
  for (const sentence of await readNerCorpus(values.corpus, files[split])) {
    for (const token of sentence.tokens) if (!/\s/.test(token) && token !== '') tokens.add(token);
  }
}
const wordsPath = join(values.out, 'ner-words.txt');
await writeFile(wordsPath, [...tokens].join('\n') + '\n');
const printed = spawnSync(values.fasttext, ['print-word-vectors', `${modelBase}.bin`], {
  input: await readFile(wordsPath),
  maxBuffer: 1 << 30,
});
if (printed.status !== 0) {
  console.error(`train-word-vectors-de: fasttext print-word-vectors failed: ${printed.stderr.toString()}`);
  process.exit(1);
}
const vectorsPath = join(values.out, 'ner-words.vec');
await writeFile(vectorsPath, printed.stdout);
console.log(`${vectorsPath}: ${tokens.size} GermEval tokens; ${modelBase}.vec: the vocabulary by frequency`);
