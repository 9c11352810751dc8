#!/usr/bin/env python3
"""Builds the modern-text lists in data/gazetteers/ (see ATTRIBUTION.md there):

  companies.txt   modern company and brand names: npm @cspell/dict-companies 3.2.14 (MIT) and
                  the listed companies of PyPI pytickersymbols 1.17.10 (MIT), each full name and
                  the name without its legal suffix ("Adobe Inc." and "Adobe"), and the brand
                  titles of npm simple-icons 16.37.0 (CC0: apps, services, software, devices
                  of the 2020s), those of at least three characters with a capital letter.
  wordfreq_en.txt English words with their frequency, PyPI wordfreq 3.1.1 large_en
                  (data CC BY-SA 4.0, so this file is CC BY-SA 4.0 too): lower-cased words of
                  Zipf >= MIN_ZIPF, as "word<TAB>bucket" with bucket = floor(2 * Zipf).

Usage: python3 scripts/gazetteers/modern.py ../shared/corpus/ner-extra/gazetteers data/gazetteers
(the shared folder holds the packages' files as published; see its SOURCES.txt).
One entry per line, sorted, so reruns give identical files.
"""
import math
import os
import re
import sys

MIN_ZIPF = 3.5
# Legal-form suffixes dropped to get a company's short name.
SUFFIXES = re.compile(
    r"\s*,?\s+(Inc\.?|Corp\.?|Corporation|Co\.?|Company|Ltd\.?|Limited|plc|PLC|AG|SE|SA|S\.A\.|"
    r"N\.V\.|NV|ASA|AB|Oyj|S\.p\.A\.|SpA|Group|Holdings?|Holding AG|& Co\. KGaA|KGaA|GmbH)$"
)
WORD = re.compile(r"^[a-z][a-z'\-]*$")


def companies(src):
    names = set()
    with open(os.path.join(src, "cspell_companies/companies.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#") and len(line) >= 3 and line[0].isupper():
                names.add(line)
    with open(os.path.join(src, "pytickersymbols/index_companies.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            for name in [cols[0]] + [a for a in cols[3].split("|") if a] if len(cols) > 3 else cols[:1]:
                name = name.strip()
                if len(name) < 2:
                    continue
                names.add(name)
                short = name
                while True:
                    s = SUFFIXES.sub("", short)
                    if s == short:
                        break
                    short = s
                if len(short) >= 3:
                    names.add(short)
    with open(os.path.join(src, "simple_icons_brands/brands.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            title = line.split("\t")[0].strip()
            if len(title) >= 3 and title[0].isupper():
                names.add(title)
    return sorted(n for n in names if any(c.isupper() for c in n))


def wordfreq(src):
    out = []
    with open(os.path.join(src, "wordfreq_en/wordfreq_large_en.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            word, zipf = line.rstrip("\n").split("\t")
            z = float(zipf)
            if z >= MIN_ZIPF and WORD.match(word):
                out.append((word, int(math.floor(2 * z + 1e-9))))
    return sorted(out)


def main():
    src, outdir = sys.argv[1], sys.argv[2]
    names = companies(src)
    with open(os.path.join(outdir, "companies.txt"), "w", encoding="utf-8") as f:
        f.writelines(n + "\n" for n in names)
    print(f"companies.txt: {len(names)}")
    words = wordfreq(src)
    with open(os.path.join(outdir, "wordfreq_en.txt"), "w", encoding="utf-8") as f:
        f.writelines(f"{w}\t{b}\n" for w, b in words)
    print(f"wordfreq_en.txt: {len(words)}")


if __name__ == "__main__":
    main()
