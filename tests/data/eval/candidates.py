#!/usr/bin/env python3
# candidates.py — part of the Jiejian evaluation set
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Propose gold candidates for one document; a human reviews every line.

python3 candidates.py NN  -> prints candidate headings (level, text, context)
and candidate parallel series, in the file formats of gold/. It only finds
markers by regular expressions and applies the cutting rules of README.md;
levels and fused run-on headings need the annotator's review. It never runs
the detector under test.
"""
import os
import re
import sys

CN = '一二三四五六七八九十'
OPEN_Q = '“‘《（「『(['
CLOSE_Q = '”’》）」』)]'
SENT_END = '。！？；：”'

NUMBERED = [
    ('bare', re.compile(r'[一二三四五六七八九十]{1,3}$')),
    ('cn', re.compile(r'[一二三四五六七八九十]{1,3}、')),
    ('pcn', re.compile(r'[（(][一二三四五六七八九十]{1,3}[）)]')),
    ('arab', re.compile(r'(?:\d{1,2}|[０-９]{1,2})[.．、](?![\d０-９])')),
    ('parab', re.compile(r'[（(](?:\d{1,2}|[０-９]{1,2})[）)]')),
    ('circ', re.compile(r'[①-⑳]')),
]
ENUMS = [
    ('shi', re.compile(r'([一二三四五六七八九十]{1,2})是')),
    ('yao', re.compile(r'([一二三四五六七八九十]{1,2})要')),
    ('dige', re.compile(r'第([一二三四五六七八九十]{1,2})个(?:问题|方面)[：，]')),
    ('di', re.compile(r'第([一二三四五六七八九十]{1,2})[，、]')),
    ('qi', re.compile(r'其([一二三四五六七八九十])[，、是]')),
    ('seq', re.compile(r'(首先|其次|再次|最后)，')),
]
SEQ = {'首先': 1, '其次': 2, '再次': 3, '最后': 9}


def cn_value(s):
    if s in SEQ:
        return SEQ[s]
    v = 0
    if '十' in s:
        a, _, b = s.partition('十')
        v = (CN.index(a) + 1 if a else 1) * 10 + (CN.index(b) + 1 if b else 0)
    else:
        v = CN.index(s) + 1
    return v


def cut(text, stops):
    depth = 0
    for i, c in enumerate(text):
        if c in OPEN_Q and not (c == '“' and depth and False):
            depth += 1
        elif c in CLOSE_Q:
            depth = max(0, depth - 1)
        elif c in stops and depth == 0:
            return text[:i]
    return text


def starts(line):
    """Positions where a sentence starts inside one line."""
    lead = len(line) - len(line.lstrip('\u3000 \t'))
    yield lead
    # a photo caption fused into a run-on source (…新华社记者 某某/摄) ends a paragraph
    for m in re.finditer('[。！？：]|/摄', line):
        yield m.end()


def find(lines):
    cands = []
    for ln, line in enumerate(lines):
        for pos in starts(line):
            rest = line[pos:]
            for fam, rx in NUMBERED:
                m = rx.match(rest)
                if m:
                    cands.append(dict(ln=ln, pos=pos, fam=fam, kind='num',
                                      text=cut(rest, '。！？'), own=pos == 0 or line[:pos].strip() == ''))
                    break
            else:
                for fam, rx in ENUMS:
                    m = rx.match(rest)
                    if m:
                        cands.append(dict(ln=ln, pos=pos, fam=fam, kind='enum', val=cn_value(m.group(1)),
                                          text=m.group(0) + cut(rest[m.end():], '，。；：！？'), own=pos == 0))
                        break
    # enumerator series: >= 2 items of one family in sequence, starting at 1
    keep = []
    i = 0
    enums = [c for c in cands if c['kind'] == 'enum']
    used = set()
    for k, c in enumerate(enums):
        if id(c) in used:
            continue
        series = [c]
        for d in enums[k + 1:]:
            if d['fam'] == c['fam'] and id(d) not in used:
                if d['val'] == series[-1]['val'] + 1 or (d['fam'] == 'seq' and d['val'] == 9):
                    series.append(d)
                    if d['fam'] == 'seq' and d['val'] == 9:
                        break
                elif d['val'] <= series[-1]['val']:
                    break
        if len(series) >= 2:
            for d in series:
                used.add(id(d))
                d['series'] = id(c)
    out = [c for c in cands if c['kind'] == 'num' or id(c) in used]
    return out


def levels(items):
    stack = []
    spans = []
    for c in items:
        if c['kind'] == 'num':
            if c['fam'] in stack:
                stack = stack[:stack.index(c['fam']) + 1]
            else:
                stack.append(c['fam'])
            c['level'] = len(stack)
            c['base'] = len(stack)
    # enumerators: below the last numbered heading before the series start
    last = 0
    first_of = {}
    for c in items:
        if c['kind'] == 'num':
            last = c['level']
        elif c['series'] not in first_of:
            first_of[c['series']] = last
        if c['kind'] == 'enum':
            c['level'] = first_of[c['series']] + 1
    return items


def main():
    nn = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    lines = open(os.path.join(here, 'raw', nn + '.txt'), encoding='utf-8').read().split('\n')
    items = levels(find(lines))
    for c in items:
        line = lines[c['ln']]
        ctx = line[max(0, c['pos'] - 16):c['pos']].replace('\t', ' ')
        after = line[c['pos'] + len(c['text']):c['pos'] + len(c['text']) + 12]
        flag = '' if c['own'] else ' [in-line]'
        print(f"{c['level']}\t{c['text']}\t#L{c['ln'] + 1} …{ctx}|{after}…{flag}")


if __name__ == '__main__':
    main()
