#!/usr/bin/env python3
# extract.py — part of the Jiejian evaluation set
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Rebuild raw/ and runon/ of the evaluation set from the source repositories.

Needs git snapshots of the two source repositories (see SOURCES.tsv); run it
only to re-create or audit the texts:
  python3 extract.py ALDOHEMSN_GIT_DIR VANILLABEANS_GIT_DIR
The transformations are the dev corpus ones (see README.md): nothing is retyped.
"""
import csv
import io
import json
import os
import re
import subprocess
import sys

ALDO_COMMIT = '99bc4b01d11c2b884a83ecc8f966d97e17cd450e'
XI_COMMIT = 'f5b9bf33ce0ca63a04ddab5f63d728eca9208055'
LIMIT = 25000

# extract.tsv, one document per line:
# NN, source (aldo|xi), file, key, cut-before.  key = JSONL title or CSV row
# index; cut-before: the text is cut just before the first line starting with
# it (a section boundary) to keep it under LIMIT characters, "-" for none.


def read_docs(here):
    docs = {}
    with open(os.path.join(here, 'extract.tsv'), encoding='utf-8') as f:
        for line in f:
            if not line.strip() or line.startswith('#'):
                continue
            nn, src, name, key, cut = line.rstrip('\n').split('\t')
            docs[nn] = (src, name, int(key) if src == 'xi' else key, None if cut == '-' else cut)
    return dict(sorted(docs.items()))


FOOTER = re.compile(r'本作品(是中华人民共和国的|来自|在全世界|属于)')


def show(git_dir, commit, path):
    return subprocess.run(['git', '--git-dir', git_dir, 'show', f'{commit}:{path}'],
                          check=True, capture_output=True).stdout.decode('utf-8')


def clean_wikisource(content):
    m = FOOTER.search(content)
    if m:
        content = content[:m.start()]
    content = content.replace('\u200b', '').replace('\r', '')
    lines = []
    for para in re.split(r'\n\s*\n', content):
        # a single newline not after sentence-final punctuation is a wiki
        # link / sub- or superscript split: join it
        para = re.sub(r'(?<![。！？：；])\n', '', para)
        for line in para.split('\n'):
            line = line.rstrip()
            if line.strip():
                lines.append(line)
    return lines


def clean_xi(text):
    text = text.replace('\r', '')
    if '\u3000\u3000' in text:
        parts = text.split('\u3000\u3000')
    else:
        parts = [text]
    return [p.rstrip() for p in parts if p.strip()]


def main():
    aldo, xi = sys.argv[1], sys.argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    jsonl = {}
    for name in ('government_work_reports.jsonl', 'cpc_congress_reports.jsonl'):
        for line in show(aldo, ALDO_COMMIT, name).splitlines():
            d = json.loads(line)
            jsonl[(name, d['title'])] = d['content']
    csv.field_size_limit(10 ** 9)
    rows = list(csv.DictReader(io.StringIO(show(xi, XI_COMMIT, 'all_data.csv'))))
    for sub in ('raw', 'runon'):
        os.makedirs(os.path.join(here, sub), exist_ok=True)
    for nn, (src, name, key, cut) in read_docs(here).items():
        if src == 'aldo':
            lines = clean_wikisource(jsonl[(name, key)])
        else:
            lines = clean_xi(rows[key]['Text'])
        if cut:
            for i, line in enumerate(lines):
                if line.lstrip('\u3000 ').startswith(cut):
                    lines = lines[:i]
                    break
            else:
                sys.exit(f'{nn}: cut point {cut!r} not found')
        raw = '\n'.join(lines) + '\n'
        with open(os.path.join(here, 'raw', nn + '.txt'), 'w', encoding='utf-8') as f:
            f.write(raw)
        with open(os.path.join(here, 'runon', nn + '.txt'), 'w', encoding='utf-8') as f:
            f.write(raw.replace('\n', ''))
        print(nn, len(raw.replace('\n', '')), raw.count('\n'))


if __name__ == '__main__':
    main()
