#!/usr/bin/env python3
"""Builds data/gazetteers/common_words.txt: frequent English words that are not known names.

Source: wordfreq 3.1.1 `large_en` Zipf frequencies (data CC BY-SA 4.0, code Apache-2.0), as
stored in ../shared/corpus/ner-extra/gazetteers/wordfreq_en/wordfreq_large_en.tsv. Kept: words
of letters a-z only, two letters or more, Zipf >= 3.6. Removed: the one-word entries of the project's name lists (cities, countries, regions, nationalities,
first names, surnames), so "smith" or "jordan" never count as common words, and the one-word
brand titles of npm simple-icons 16.37.0 (CC0) and organisations of npm compromise 14.17.0's
lexicon (MIT), so "google" or "slack" never do either (only read to filter; none of their names
is kept).

usage: python3 scripts/gazetteers/common_words.py ../shared/corpus/ner-extra/gazetteers
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, '..', '..', 'data', 'gazetteers')
NAME_LISTS = ['cities.txt', 'countries.txt', 'regions.txt', 'nationalities.txt',
              'first_names.txt', 'surnames.txt']
MIN_ZIPF = 3.6


def main(gaz):
    tsv = os.path.join(gaz, 'wordfreq_en', 'wordfreq_large_en.tsv')
    names = set()
    lex = json.load(open(os.path.join(gaz, 'compromise_lexicon', 'compromise_lexicon.json')))
    for w in lex.get('Organization', []):
        if ' ' not in w:
            names.add(w.lower())
    for line in open(os.path.join(gaz, 'simple_icons_brands', 'brands.tsv'), encoding='utf-8'):
        if line.startswith('#'):
            continue
        title = line.split('\t')[0].strip()
        if title and ' ' not in title:
            names.add(title.lower())
    for f in NAME_LISTS:
        for line in open(os.path.join(DATA, f), encoding='utf-8'):
            w = line.strip()
            if w and ' ' not in w:
                names.add(w.lower())
    words = []
    for line in open(tsv, encoding='utf-8'):
        if line.startswith('#'):
            continue
        w, z = line.rstrip('\n').split('\t')
        z = float(z)
        if z < MIN_ZIPF:
            break
        if not re.fullmatch(r'[a-z]{2,}', w):
            continue
        if w in names:
            continue
        words.append(w)
    words.sort()
    with open(os.path.join(DATA, 'common_words.txt'), 'w', encoding='utf-8') as out:
        out.write('\n'.join(words) + '\n')
    print(len(words), 'words')


if __name__ == '__main__':
    main(sys.argv[1])
