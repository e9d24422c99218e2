#!/usr/bin/env python3
# make-page-forms.py — part of the Jiejian evaluation set
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write the page forms of the evaluation set with a page generator.

python3 make-page-forms.py MAKE_PAGES OUTDIR [--split heldout|tune|all]
                           [--styles heldout|tune|all] [--stamp FILE]

Runs MAKE_PAGES (tests/pagegen/make-pages.py) on raw/NN.txt of every
document of the split, titled with its title in SOURCES.tsv, so that
OUTDIR holds NN.STYLE.SEED.page.txt for `outline-score --pages OUTDIR`.
"""
import argparse
import csv
import os
import re
import subprocess
import sys


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument('make_pages')
    ap.add_argument('outdir')
    ap.add_argument('--split', default='heldout')
    ap.add_argument('--styles', default='heldout')
    ap.add_argument('--stamp')
    a = ap.parse_args()
    split = {}
    with open(os.path.join(here, 'split.tsv'), encoding='utf-8') as f:
        for line in f:
            if line.strip():
                nn, part = line.rstrip('\n').split('\t')
                split[nn] = part
    with open(os.path.join(here, 'SOURCES.tsv'), encoding='utf-8', newline='') as f:
        rows = list(csv.DictReader(f, delimiter='\t'))
    os.makedirs(a.outdir, exist_ok=True)
    for row in rows:
        nn = row['NN']
        if a.split != 'all' and split.get(nn) != a.split:
            continue
        title = re.sub(r'\s*\([^()]*\)$', '', row['title'])
        subprocess.run([sys.executable, a.make_pages, '--styles', a.styles, '--title', title,
                        a.outdir, os.path.join(here, 'raw', nn + '.txt')], check=True)
    if a.stamp:
        open(a.stamp, 'w').close()


if __name__ == '__main__':
    main()
