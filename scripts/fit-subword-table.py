# Fits a small hashed character n-gram table to the German fastText vectors, so that the neural tagger can
# give a word outside its vocabulary a vector from its subwords at run time, as fastText does, without
# fastText's table of 2M buckets: a word's vector is the mean of the rows of its n-grams (n = MINN..MAXN
# over "<word>", code points), a row chosen by FNV-1a (32 bits) of the n-gram's UTF-8 bytes modulo the
# bucket count (the same as subwordBuckets in src/entities/ner/subword-buckets.ts). The rows are fitted by
# least squares (Adam) to reproduce the vectors of the fastText vocabulary; a share of the words is held
# out to say how well the table guesses a word it has not seen.
# Usage: /usr/bin/python3 scripts/fit-subword-table.py VECTORS.vec OUT.pt [--buckets N] [--epochs N]
import argparse
import random
import sys
import time

try:
    import torch
    import torch.nn as nn
except ImportError:
    print(f'fit-subword-table: skipped, PyTorch is not installed for {sys.executable}.')
    sys.exit(0)

p = argparse.ArgumentParser()
p.add_argument('vectors')
p.add_argument('out')
p.add_argument('--buckets', type=int, default=100000)
p.add_argument('--minn', type=int, default=3)
p.add_argument('--maxn', type=int, default=6)
p.add_argument('--epochs', type=int, default=30)
p.add_argument('--lr', type=float, default=0.02)
p.add_argument('--held-out', type=float, default=0.05, help='share of words only scored (0: fit all)')
p.add_argument('--threads', type=int, default=1)
p.add_argument('--seed', type=int, default=1)
a = p.parse_args()
torch.set_num_threads(a.threads)
torch.manual_seed(a.seed)
random.seed(a.seed)


def fnv1a(data):
    h = 0x811c9dc5
    for b in data:
        h = ((h ^ b) * 0x01000193) & 0xffffffff
    return h


def buckets(word, n_buckets, minn, maxn):
    w = '<' + word + '>'
    out = []
    for n in range(minn, maxn + 1):
        for i in range(len(w) - n + 1):
            out.append(fnv1a(w[i:i + n].encode('utf8')) % n_buckets)
    return out


words, vecs = [], []
with open(a.vectors, encoding='utf8') as f:
    for i, line in enumerate(f):
        parts = line.rstrip(' \n').split(' ')
        if i == 0 or len(parts) < 3:
            continue
        words.append(parts[0])
        vecs.append([float(x) for x in parts[1:]])
Y = torch.tensor(vecs)
dim = Y.shape[1]
t0 = time.time()
ids = [buckets(w, a.buckets, a.minn, a.maxn) for w in words]
print(f'{len(words)} words, {dim} d, n-grams hashed in {time.time() - t0:.0f}s', flush=True)
order = list(range(len(words)))
random.shuffle(order)
n_held = int(len(order) * a.held_out)
held, fit = order[:n_held], order[n_held:]

table = nn.EmbeddingBag(a.buckets, dim, mode='mean', sparse=True)
nn.init.zeros_(table.weight)
opt = torch.optim.SparseAdam(table.parameters(), lr=a.lr)


def batch_of(idx):
    flat = [b for i in idx for b in ids[i]]
    offsets = torch.tensor([0] + [len(ids[i]) for i in idx[:-1]]).cumsum(0)
    return torch.tensor(flat), offsets


def score(idx):
    with torch.no_grad():
        cos, err = 0.0, 0.0
        for s in range(0, len(idx), 4096):
            part = idx[s:s + 4096]
            flat, off = batch_of(part)
            pred, gold = table(flat, off), Y[part]
            cos += float(nn.functional.cosine_similarity(pred, gold).sum())
            err += float(((pred - gold) ** 2).sum(1).sum())
        return cos / max(1, len(idx)), err / max(1, len(idx))


for epoch in range(1, a.epochs + 1):
    random.shuffle(fit)
    for s in range(0, len(fit), 256):
        part = fit[s:s + 256]
        flat, off = batch_of(part)
        loss = ((table(flat, off) - Y[part]) ** 2).sum(1).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    c_fit, e_fit = score(fit[:20000])
    c_held, e_held = score(held)
    print(f'epoch {epoch}: fitted words cosine {c_fit:.3f} sq.err {e_fit:.3f}; held-out words cosine '
          f'{c_held:.3f} sq.err {e_held:.3f}; {time.time() - t0:.0f}s', flush=True)
torch.save({'table': table.weight.detach().clone(), 'buckets': a.buckets, 'minn': a.minn, 'maxn': a.maxn},
           a.out)
print(f'{a.out}: {a.buckets} x {dim}', flush=True)
