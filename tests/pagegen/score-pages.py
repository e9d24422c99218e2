#!/usr/bin/python3
# score-pages.py — how jiejian-cli cleans the pages make-pages.py wrote
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   score-pages.py [-v] [--strict] JIEJIAN-CLI DIR…
#
# For each DIR/NAME.page.txt and its NAME.json: whether no furniture line is
# left, the first and last sentences of the body are kept, the document's
# title is the speech's, the body comes back whole (every character, in
# order; line breaks and spaces aside), and it comes back in the speech's
# paragraphs (`paras`, on the body forms that keep paragraphs: lines, and
# text hard-wrapped at a width, whose paragraphs are its lines joined where
# they reach the width).  Prints the shares per style and over each set of
# styles; exits 1 when a page is not clean.

import json
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict


def norm(s):
    s = s.replace(",", "，").replace(":", "：").replace(";", "；").replace("?", "？").replace("!", "！")
    return "".join(s.split())


def run(cli, *args):
    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="C")
    return subprocess.run([cli] + list(args), capture_output=True, text=True, env=env, check=True).stdout


def paragraphs(text):
    return [norm(p) for p in text.split("\n") if norm(p)]


def breaks(paras):
    """The offsets, in the text without spaces, where a paragraph ends."""
    out, n = set(), 0
    for p in paras[:-1]:
        n += len(p)
        out.add(n)
    return out


FULL_STOP = re.compile(r"[。！？…][”’」』）]*$")


def shown(cli, text):
    """The paragraphs jiejian-cli shows of a clean text (uncleaned, so that
    a long paragraph is split as the speech's own would be)."""
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt") as f:
        f.write(text)
        f.flush()
        return paragraphs(run(cli, "text", "--no-clean", f.name))


def unwrapped(body, join_full_stops):
    """A hard-wrapped body's paragraphs: a line shorter than the width ends
    one, a line that fills it goes on (one that ends a sentence too when
    @join_full_stops: the page cannot tell)."""
    lines = [l for l in body.split("\n") if l.strip()]
    width = max(len(l) for l in lines)
    out = ""
    for l in lines:
        out += l
        if len(l) < width or (not join_full_stops and FULL_STOP.search(l.rstrip())):
            out += "\n"
    return out


def paragraphs_kept(cli, meta, out):
    """Whether the cleaned text has the paragraphs of the clean speech;
    None where the page's body has none (run on)."""
    got = paragraphs(out)
    if meta["form"] == "lines":
        return got == shown(cli, meta["body"])
    if meta["form"] != "wrapped":
        return None
    a = shown(cli, unwrapped(meta["body"], False))
    b = shown(cli, unwrapped(meta["body"], True))
    if "".join(got) != "".join(a):
        return False
    ba, bb, bg = breaks(a), breaks(b), breaks(got)
    return ba & bb <= bg <= ba | bb


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
        "paras": paragraphs_kept(cli, meta, out),
    }
    return meta, r, left, title, out


def first_difference(cli, meta, out):
    """The first paragraph of the cleaned text that is not the speech's."""
    got = paragraphs(out)
    want = shown(cli, meta["body"] if meta["form"] != "wrapped" else unwrapped(meta["body"], False))
    for k, (g, w) in enumerate(zip(got, want)):
        if g != w:
            return "paragraph %d: “%s” for “%s”" % (k + 1, g[:40], w[:40])
    return "%d paragraphs for %d" % (len(got), len(want))


def group_of(style):
    """The set a style belongs to: the word before its first "-"."""
    if style.startswith("held-"):
        return "held-out"
    if "-" not in style or style.startswith("library-"):
        return "tune"
    return style.split("-")[0]


def main():
    args = sys.argv[1:]
    verbose = "-v" in args
    strict = "--strict" in args
    args = [a for a in args if a not in ("-v", "--strict")]
    cli, dirs = args[0], args[1:]
    by_style = defaultdict(lambda: defaultdict(int))
    n_style = defaultdict(lambda: defaultdict(int))
    groups = []
    ok = True
    for d in dirs:
        for name in sorted(os.listdir(d)):
            if not name.endswith(".page.txt"):
                continue
            meta, r, left, title, out = score(cli, os.path.join(d, name))
            group = group_of(meta["style"])
            if group not in groups:
                groups.append(group)
            for key in (meta["style"], group, group + "/" + meta["form"]):
                n_style[key]["pages"] += 1
                for k, v in r.items():
                    if v is not None:
                        n_style[key][k] += 1
                        by_style[key][k] += v
            ok = ok and r["clean"]
            if strict:
                ok = ok and all(v is not False for k, v in r.items() if k not in ("whole", "paras"))
            if verbose and False in r.values():
                print("%s: %s%s%s%s" % (name, " ".join(k for k, v in r.items() if v is False),
                                        "" if r["title"] is not False else " [title “%s”]" % title,
                                        "" if not left else " left: " + " | ".join(left[:4]),
                                        "" if r["paras"] is not False else
                                        " [%s]" % first_difference(cli, meta, out)))
    keys = ["clean", "first", "last", "title", "whole", "paras"]
    order = ["tune", "held-out", "blind", "last", "fresh", "sixth"]
    order += sorted(g for g in groups if g not in order)
    print("%-22s %5s %s  %s" % ("style", "pages", " ".join("%6s" % k for k in keys),
                                "(titled pages, paragraphed pages)"))

    def rank(s):
        g = s if s in order else s.split("/")[0] if "/" in s else group_of(s)
        return (s in order, order.index(g) if g in order else len(order), s.count("/"), s)

    for s in sorted(n_style, key=rank):
        n = n_style[s]
        print("%-22s %5d %s  (%d, %d)" % (s, n["pages"],
                                          " ".join("%6.3f" % (by_style[s][k] / n[k]) if n[k] else "%6s" % "-"
                                                   for k in keys),
                                          n["title"], n["paras"]))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
