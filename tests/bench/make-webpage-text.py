#!/usr/bin/python3
# make-webpage-text.py
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes a large text saved from a web page, made of the sample speech's web
# page: its header (file name, page and uploader lines), its body repeated up
# to SIZE bytes (traditional characters with pinyin glosses such as 建設(shè)),
# cut into lines of about 200 characters with a blank line after every five,
# and its trailer (preview and download notices).
#
#   tests/bench/make-webpage-text.py OUT [SIZE_MB]     (default 5)
#
# bench-import.c builds the same text (webpage_text()).

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join(ROOT, "data", "samples", "civilized-city-speech.webpage.txt")
LINE = 200


def body_line(lines):
    return max(range(len(lines)), key=lambda i: len(lines[i]))


def make(size):
    with open(SAMPLE, encoding="utf-8") as f:
        lines = f.read().split("\n")
    b = body_line(lines)
    head = "\n".join(lines[:b]) + "\n"
    tail = "\n" + "\n".join(lines[b + 1:])
    body = lines[b]

    out = [head]
    n = len(head.encode("utf-8"))
    pos = 0
    count = 0
    while n < size:
        # About LINE characters, never cutting inside a gloss "(...)".
        end = pos + LINE
        piece = (body * 2)[pos:end]
        while piece.rfind("(") > piece.rfind(")"):
            end += 1
            piece = (body * 2)[pos:end]
        pos = end % len(body)
        count += 1
        piece += "\n" + ("\n" if count % 5 == 0 else "")
        out.append(piece)
        n += len(piece.encode("utf-8"))
    out.append(tail)
    return "".join(out)


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: make-webpage-text.py OUT [SIZE_MB]")
    size = float(sys.argv[2]) if len(sys.argv) > 2 else 5
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        f.write(make(int(size * 1024 * 1024)))


if __name__ == "__main__":
    main()
