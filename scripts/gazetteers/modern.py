#!/usr/bin/env python3
"""Builds the modern-text lists in data/gazetteers/ (see ATTRIBUTION.md there):

  companies.txt   modern company and brand names: npm @cspell/dict-companies 3.2.14 (MIT) and
                  the listed companies of PyPI pytickersymbols 1.17.10 (MIT), each full name and
                  the name without its legal suffix ("Adobe Inc." and "Adobe").
  products.txt    brand titles of npm simple-icons 16.37.0 (CC0: apps, services, software,
                  languages, devices of the 2020s), those of at least three characters that
                  start with a capital letter and that no other list (companies, places,
                  names) holds, without single words of Zipf >= 4.
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
    return sorted(n for n in names if any(c.isupper() for c in n))


def products(src, outdir, companies_list):
    """simple-icons titles that name a product rather than a company, a place, a person or an
    English word: not in companies.txt, not in the place and name lists, and not a single word
    of Zipf >= 4 ("Note", "Spring")."""
    taken = set(companies_list)
    for f in ["countries.txt", "cities.txt", "regions.txt", "first_names.txt", "surnames.txt",
              "nationalities.txt"]:
        with open(os.path.join(outdir, f), encoding="utf-8") as fh:
            taken.update(line.strip() for line in fh)
    zipf = {}
    with open(os.path.join(src, "wordfreq_en/wordfreq_large_en.tsv"), encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                word, z = line.rstrip("\n").split("\t")
                zipf[word] = float(z)
    names = set()
    with open(os.path.join(src, "simple_icons_brands/brands.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            title = line.split("\t")[0].strip()
            if len(title) < 3 or not title[0].isupper() or title in taken:
                continue
            if " " not in title and zipf.get(title.lower(), 0) >= 4:
                continue
            names.add(title)
    return sorted(names)


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
    names = products(src, outdir, names)
    with open(os.path.join(outdir, "products.txt"), "w", encoding="utf-8") as f:
        f.writelines(n + "\n" for n in names)
    print(f"products.txt: {len(names)}")
    words = wordfreq(src)
    with open(os.path.join(outdir, "wordfreq_en.txt"), "w", encoding="utf-8") as f:
        f.writelines(f"{w}\t{b}\n" for w, b in words)
    print(f"wordfreq_en.txt: {len(words)}")


if __name__ == "__main__":
    main()
