#!/usr/bin/env python3
# parallel_candidates.py — part of the Jiejian evaluation set
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Propose parallel-series (排比) candidates for one document, for review.

python3 parallel_candidates.py NN  -> lines in the gold/NN.parallel.tsv format
(level, n, shared opening, first member's first 20 chars), each followed by a
'#' comment line showing every member's opening. Applies the definition of
README.md mechanically; the annotator reviews every series.
"""
import os
import re
import sys

HEADING = re.compile(r'([一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d０-９]{1,3}[）)]|'
                     r'(\d{1,2}|[０-９]{1,2})[.．、](?![\d０-９])|[①-⑳]|'
                     r'[一二三四五六七八九十]{1,2}[是要]|第[一二三四五六七八九十]{1,2}[，、]|'
                     r'其[一二三四五六七八九十][，、]|(首先|其次|再次|最后)，)')
ORD = re.compile(r'^(\D{1,3}?)([一二三四五六七八九十]{1,2}|\d{1,2})(\S)')
CN = '一二三四五六七八九十'
DASH = re.compile(r'^[—－-]{2,}')
TRIVIAL = re.compile(r'^[\d０-９\W_]*$')


def units(line, base):
    """(offset, text) of the sentences of one line (split after 。！？)."""
    out = []
    start = len(line) - len(line.lstrip('\u3000 \t'))
    for m in re.finditer(r'[。！？]+[”’」』]?', line):
        if m.end() > start:
            out.append((base + start, line[start:m.end()]))
        start = m.end()
    if start < len(line) and line[start:].strip():
        out.append((base + start, line[start:]))
    return out


def num(s):
    if s.isdigit():
        return int(s)
    if len(s) == 1:
        return CN.index(s) + 1
    if s[0] == '十':
        return 10 + CN.index(s[1]) + 1
    if s[1] == '十':
        return (CN.index(s[0]) + 1) * 10
    return None


def key(text, ordinal=True):
    if HEADING.match(text):
        return None
    if DASH.match(text):
        return ('dash', '——')
    m = ORD.match(text) if ordinal else None
    if m and not re.search(r'\W', m.group(1)) and num(m.group(2)) is not None:
        return ('ord', m.group(1) + '*' + m.group(3), num(m.group(2)))
    k = text[:2]
    if len(k) < 2 or TRIVIAL.match(k):
        return None
    return ('pre', k)


def runs(items):
    """Maximal runs of >= 3 consecutive items that share their first two
    characters, then ordinal runs (第一阶段…/第二阶段…) where none of those is:
    an opening that merely holds a numeral (过去五年…) still shares its first
    two characters."""
    shared = key_runs(items, False)
    taken = {off for _, members in shared for off, _ in members}
    ordinal = [(k, m) for k, m in key_runs(items, True)
               if k[0] == 'ord' and not any(off in taken for off, _ in m)]
    return sorted(shared + ordinal, key=lambda r: r[1][0][0])


def key_runs(items, ordinal):
    """Maximal runs of >= 3 consecutive items with the same key."""
    out, i = [], 0
    while i < len(items):
        k = key(items[i][1], ordinal)
        j = i + 1
        if k is not None:
            while j < len(items):
                k2 = key(items[j][1], ordinal)
                if k2 is None or k2[:2] != k[:2]:
                    break
                if k[0] == 'ord' and k2[2] != key(items[j - 1][1], ordinal)[2] + 1:
                    break
                j += 1
        if k is not None and j - i >= 3:
            out.append((k, items[i:j]))
            i = j
        else:
            i += 1
    return out


def split_dash(members):
    """Two or more sub-runs of >= 3 with their own opening after the dash
    are separate series."""
    groups = []
    for m in members:
        k = m[1].lstrip('—－-')[:2]
        if groups and groups[-1][0] == k:
            groups[-1][1].append(m)
        else:
            groups.append((k, [m]))
    if sum(len(g) >= 3 for _, g in groups) < 2:
        return [members]
    out, mixed = [], []
    for _, g in groups:
        if len(g) >= 3:
            if len(mixed) >= 3:
                out.append(mixed)
            out.append(g)
            mixed = []
        else:
            mixed += g
    if len(mixed) >= 3:
        out.append(mixed)
    return out


def dash_runs(items):
    """In a one-line source the paragraph breaks are lost: a dash member may be
    followed by up to 12 sentences of its own before the next dash member;
    a heading marker ends the series."""
    out, cur, gap = [], [], 0
    for off, text in items:
        k = key(text)
        if k is not None and k[0] == 'dash':
            cur.append((off, text))
            gap = 0
            continue
        gap += 1
        if k is None and HEADING.match(text) or gap > 12:
            if len(cur) >= 3:
                out += [(('dash', '——'), g) for g in split_dash(cur)]
            cur, gap = [], 0
    if len(cur) >= 3:
        out += [(('dash', '——'), g) for g in split_dash(cur)]
    return out


def common(texts):
    p = texts[0]
    for t in texts[1:]:
        while not t.startswith(p):
            p = p[:-1]
    return p


def main():
    nn = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    raw = open(os.path.join(here, 'raw', nn + '.txt'), encoding='utf-8').read()
    gold = []
    gpath = os.path.join(here, 'gold', nn + '.tsv')
    if os.path.exists(gpath):
        pos = 0
        for line in open(gpath, encoding='utf-8').read().splitlines():
            lvl, head = line.split('\t')
            j = raw.find(head, pos)
            gold.append((j, int(lvl)))
            pos = j + len(head)
    lines = raw.split('\n')
    offs, base = [], 0
    for line in lines:
        offs.append(base)
        base += len(line) + 1
    paras = []
    found = []
    for line, off in zip(lines, offs):
        stripped = line.lstrip('\u3000 \t')
        if stripped:
            paras.append((off + len(line) - len(stripped), stripped, line, off))
        sent = runs(units(line, off))
        if len(lines) <= 2:
            starts = {m[0][0] for k, m in sent if k[0] == 'dash'}
            sent += [r for r in dash_runs(units(line, off)) if r[1][0][0] not in starts]
        found += [('sent', r) for r in sent]
    found += [('para', r) for r in runs([(p[0], p[1]) for p in paras])]
    found.sort(key=lambda f: f[1][1][0][0])
    for kind, (k, members) in found:
        start = members[0][0]
        level = 1
        for gpos, glvl in gold:
            if gpos <= start:
                level = glvl + 1
        if k[0] in ('pre', 'dash'):
            opening = common([m[1] for m in members])
        else:
            opening = k[1]
        line_end = raw.find('\n', start)
        first = raw[start:min(start + 20, line_end if line_end >= 0 else len(raw))]
        print(f'{level}\t{len(members)}\t{opening}\t{first}')
        print('#', kind, ' | '.join(m[1][:14] for m in members))


if __name__ == '__main__':
    main()
