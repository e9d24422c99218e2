#!/usr/bin/python3
# score-pages.py — how jiejian-cli cleans the pages make-pages.py wrote
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   score-pages.py [-v] [--strict] JIEJIAN-CLI DIR…
#
# For each DIR/NAME.page.txt and its NAME.json: whether no furniture line is
# left, the first and last sentences of the body are kept, the document's
# title is the speech's, and the body comes back whole (every character, in
# order; line breaks and spaces aside).  Prints the shares per style and
# over the tune and held-out styles; exits 1 when a page is not clean.

import json
import os
import subprocess
import sys
from collections import defaultdict


def norm(s):
    s = s.replace(",", "，").replace(":", "：").replace(";", "；").replace("?", "？").replace("!", "！")
    return "".join(s.split())


def run(cli, *args):
    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="C")
    return subprocess.run([cli] + list(args), capture_output=True, text=True, env=env, check=True).stdout


def score(cli, page):
    with open(page[:-len(".page.txt")] + ".json", encoding="utf-8") as f:
        meta = json.load(f)
    out = run(cli, "text", page)
    title = ""
    for line in run(cli, "info", page).splitlines():
        if line.startswith("Title: "):
            title = line[len("Title: "):]
    o, e = norm(out), norm(meta["body"])
    left = [f for f in meta["furniture"]
            if len(norm(f)) >= 2 and o.count(norm(f)) > e.count(norm(f))]
    r = {
        "clean": not left,
        "first": norm(meta["first_sentence"]) in o,
        "last": norm(meta["last_sentence"]) in o,
        "title": title == meta["title"] if meta.get("title_on_page", True) else None,
        "whole": o == e,
    }
    return meta, r, left, title


def main():
    args = sys.argv[1:]
    verbose = "-v" in args
    strict = "--strict" in args
    args = [a for a in args if a not in ("-v", "--strict")]
    cli, dirs = args[0], args[1:]
    by_style = defaultdict(lambda: defaultdict(int))
    n_style = defaultdict(lambda: defaultdict(int))
    ok = True
    for d in dirs:
        for name in sorted(os.listdir(d)):
            if not name.endswith(".page.txt"):
                continue
            meta, r, left, title = score(cli, os.path.join(d, name))
            group = ("held-out" if meta["style"].startswith("held-") else
                     "blind" if meta["style"].startswith("blind-") else
                     "last" if meta["style"].startswith("last-") else
                     "fresh" if meta["style"].startswith("fresh-") else
                     "sixth" if meta["style"].startswith("sixth-") else "tune")
            for key in (meta["style"], group, group + "/" + meta["form"]):
                for k, v in r.items():
                    if v is not None:
                        n_style[key][k] += 1
                        by_style[key][k] += v
            ok = ok and r["clean"]
            if strict:
                ok = ok and all(v is not False for k, v in r.items() if k != "whole")
            if verbose and False in r.values():
                print("%s: %s%s%s" % (name, " ".join(k for k, v in r.items() if v is False),
                                      "" if r["title"] is not False else " [title “%s”]" % title,
                                      "" if not left else " left: " + " | ".join(left[:4])))
    keys = ["clean", "first", "last", "title", "whole"]
    print("%-22s %5s %s  %s" % ("style", "pages", " ".join("%6s" % k for k in keys), "(titled pages)"))
    for s in sorted(n_style, key=lambda s: (s.count("/") + ("held" in s) * 2 + ("blind" in s) * 3 + ("last" in s) * 4 + ("fresh" in s) * 5 + ("sixth" in s) * 6 + (s in ("tune", "held-out", "blind", "last", "fresh", "sixth")) * 8, s)):
        n = n_style[s]
        print("%-22s %5d %s  (%d)" % (s, n["clean"], " ".join("%6.3f" % (by_style[s][k] / max(n[k], 1)) for k in keys),
                                      n["title"]))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
