#!/usr/bin/env python3
"""Standoff entity annotations from name lists, for data/ner-dev (see its README).

An annotator writes, per page, the names in its main text and their types; this turns them into
byte offsets, so that no page text enters the project.

  standoff.py text PAGE              the page's main_content, lines numbered
  standoff.py build LIST... > OUT    a .tsv from list files (format below)
  standoff.py show LIST...           the marked text, [[name|TYPE]], for checking by eye

List format, one page after another:
  #page 0008
  Ahmad al-Sharaa<TAB>PER          every occurrence of the words, at word boundaries
  Apple@3<TAB>MISC                 only its 3rd occurrence (counted over the whole text)
  Apple@5<TAB>-                    its 5th occurrence is no entity
Longer names win over names inside them ("New York Times" over "New York").

With CORPUS=readability the pages are Mozilla's Readability test pages (folder names as page ids)
and their text is what `lectern eval standoff-text --readability` prints (LECTERN: the binary,
default target/release/lectern); `build` then writes a `#corpus readability` line.
"""
import collections
import json
import os
import re
import subprocess
import sys

PAGES = os.environ.get("WCEB", os.path.join(os.path.dirname(__file__), "../../../shared/corpus/wceb-dev"))
TYPES = {"PER", "ORG", "LOC", "MISC", "-"}


CORPUS = os.environ.get("CORPUS", "wceb-dev")
LECTERN = os.environ.get("LECTERN", os.path.join(os.path.dirname(__file__), "../../target/release/lectern"))


def page_text(pid):
    if CORPUS == "readability":
        cmd = [LECTERN, "eval", "standoff-text", "--readability", "--pages", PAGES, pid]
        return subprocess.run(cmd, capture_output=True, check=True).stdout.decode("utf-8")
    with open(os.path.join(PAGES, "gt", pid + ".json"), encoding="utf-8") as f:
        return json.load(f)["ground_truth"]["main_content"]


def occurrences(text, name):
    """Character spans of `name` at word boundaries."""
    pat = r"(?<![\w])" + re.escape(name) + r"(?![\w])"
    return [(m.start(), m.end()) for m in re.finditer(pat, text)]


def read_lists(paths):
    pages = collections.OrderedDict()
    pid = None
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("# "):
                    continue
                if line.startswith("#page"):
                    pid = line.split()[1]
                    pages.setdefault(pid, [])
                    continue
                name, _, typ = line.rpartition("\t")
                if pid is None or not name or typ not in TYPES:
                    sys.exit(f"{path}:{n}: expected NAME<TAB>TYPE under a #page line: {line!r}")
                pages[pid].append((name, typ, f"{path}:{n}"))
    return pages


def spans(text, entries):
    """(start, end, type) character spans, longest names first, no overlaps."""
    whole = [(n, t, w) for n, t, w in entries if not re.search(r"@\d+$", n)]
    picked = {}
    for name, typ, where in sorted(whole, key=lambda e: -len(e[0])):
        occ = occurrences(text, name)
        if not occ:
            sys.exit(f"{where}: {name!r} is not in the page")
        for s, e in occ:
            if all(e <= ps or s >= pe for ps, pe in picked):
                picked[(s, e)] = typ
    for name, typ, where in entries:
        m = re.search(r"@(\d+)$", name)
        if not m:
            continue
        base, k = name[: m.start()], int(m.group(1))
        occ = occurrences(text, base)
        if k < 1 or k > len(occ):
            sys.exit(f"{where}: {base!r} occurs {len(occ)} times, not {k}")
        s, e = occ[k - 1]
        for ps, pe in [p for p in picked if not (e <= p[0] or s >= p[1])]:
            del picked[(ps, pe)]
        picked[(s, e)] = typ
    return sorted((s, e, t) for (s, e), t in picked.items() if t != "-")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "text":
        for i, line in enumerate(page_text(args[0]).split("\n"), 1):
            print(f"{i:4} {line}")
        return
    pages = read_lists(args)
    if cmd == "build":
        if CORPUS == "readability":
            print("#corpus readability")
        print("#pages " + ",".join(pages))
        for pid, entries in pages.items():
            text = page_text(pid)
            for s, e, t in spans(text, entries):
                bs = len(text[:s].encode("utf-8"))
                be = bs + len(text[s:e].encode("utf-8"))
                print(f"{pid}\t{bs}\t{be}\t{t}")
    elif cmd == "show":
        for pid, entries in pages.items():
            text = page_text(pid)
            out, at = [], 0
            for s, e, t in spans(text, entries):
                out += [text[at:s], f"[[{text[s:e]}|{t}]]"]
                at = e
            out.append(text[at:])
            print(f"===== {pid}\n" + "".join(out))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
