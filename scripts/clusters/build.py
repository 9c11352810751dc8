#!/usr/bin/env python3
"""Word clusters for the entity tagger: data/gazetteers/clusters.txt.

Trains word2vec (gensim, skip-gram) on unlabeled, lower-cased text and groups the words into
128 clusters with k-means, so that a word the training data never names ("salesforce") can share
features with words it does ("oracle"). The text: the training corpora's words (CoNLL-2003
eng.train, WNUT-17 train, and the ner-extra train/dev splits that `train-ner` reads), the main
text of the wceb-dev pages outside the NER dev set (data/ner-dev/*.tsv), and the Mozilla
corpus's expected articles. No test split is read. Only word -> cluster ids are written, never
text. Deterministic (one worker, fixed seeds).

Usage: python3 scripts/clusters/build.py [SHARED] > data/gazetteers/clusters.txt
(1024 clusters as a second feature, and 256 instead of 128, scored lower on the dev sets.)
Needs: pip install gensim scikit-learn
"""
import glob
import json
import os
import re
import sys

import numpy as np
from gensim.models import Word2Vec
from sklearn.cluster import KMeans

SHARED = sys.argv[1] if len(sys.argv) > 1 else '../shared'
C = os.path.join(SHARED, 'corpus')
TOKEN = re.compile(r"\w+(?:['’.\-]\w+)*|[^\w\s]")
CLUSTERS = 128
MIN_COUNT = 4


def conll_sentences(path):
    sent = []
    for line in open(path, encoding='utf-8', errors='replace'):
        parts = line.split()
        if not parts or parts[0] == '-DOCSTART-':
            if sent:
                yield sent
            sent = []
            continue
        sent.append(parts[0].lower())
    if sent:
        yield sent


def text_sentences(text):
    for line in text.split('\n'):
        toks = [t.lower() for t in TOKEN.findall(line)]
        if toks:
            yield toks


def corpus():
    files = [os.path.join(C, 'ner/conll2003/eng.train'),
             os.path.join(C, 'ner/wnut17/wnut17train.conll')]
    for name in sorted(glob.glob(os.path.join(C, 'ner-extra/corpora/*.conll4'))):
        base = os.path.basename(name)
        if '_test' not in base:
            files.append(name)
    for f in files:
        yield from conll_sentences(f)
    dev_pages = set()
    for f in glob.glob('data/ner-dev/*.tsv'):
        dev_pages |= set(open(f).readline().split(' ', 1)[1].strip().split(','))
    for p in sorted(glob.glob(os.path.join(C, 'wceb-dev/gt/*.json'))):
        if os.path.basename(p)[:-5] in dev_pages:
            continue
        gt = json.load(open(p, encoding='utf-8')).get('ground_truth', {})
        yield from text_sentences(gt.get('main_content') or '')
    for p in sorted(glob.glob(os.path.join(C, 'readability/*/expected.html'))):
        html = open(p, encoding='utf-8', errors='replace').read()
        yield from text_sentences(re.sub(r'<[^>]+>', '\n', html))


def main():
    sents = list(corpus())
    print(f'{len(sents)} sentences, {sum(map(len, sents))} tokens', file=sys.stderr)
    model = Word2Vec(sents, vector_size=100, window=5, min_count=MIN_COUNT, sg=1, epochs=10,
                     workers=1, seed=7)
    words = [w for w in model.wv.index_to_key if any(c.isalpha() for c in w) and '\t' not in w]
    vecs = np.array([model.wv[w] for w in words])
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-9
    ids = KMeans(n_clusters=CLUSTERS, n_init=1, random_state=7, max_iter=100).fit_predict(vecs)
    print(f'{len(words)} words', file=sys.stderr)
    for i, w in sorted(enumerate(words), key=lambda x: x[1]):
        print(f'{w}\t{ids[i]}')


if __name__ == '__main__':
    main()
