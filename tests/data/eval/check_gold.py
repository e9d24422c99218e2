#!/usr/bin/env python3
# check_gold.py — part of the Jiejian evaluation set
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the gold outlines of a corpus (python3, standard library only).

Adapted from the dev corpus checker: it also checks the parallel-series files
gold/NN.parallel.tsv (see README.md) and prints the figures per split when the
corpus has a split.tsv (NN<TAB>tune|heldout).

For every gold/NN.tsv this verifies that
  * raw/NN.txt and runon/NN.txt exist, are UTF-8, and runon == raw with all newlines removed;
  * every gold line is "level<TAB>heading", level is an integer >= 1, the first heading is
    level 1 and the level never rises by more than one step from one heading to the next;
  * every heading occurs verbatim, and in gold order, in raw/NN.txt (within one line)
    and in runon/NN.txt;
  * the char count in SOURCES.tsv (if present) equals len(runon/NN.txt).
It prints per-document heading counts by level and exits non-zero on any failure.

Usage: python3 check_gold.py [corpus_dir]   (default: the directory of this script)
"""
import csv
import glob
import os
import sys
from collections import Counter


def read_text(path):
    with open(path, encoding='utf-8') as f:
        return f.read()


def find_in_order(text, headings):
    """Return (ok, message). Each heading must be found after the end of the previous match."""
    pos = 0
    for i, (_, h) in enumerate(headings, 1):
        j = text.find(h, pos)
        if j < 0:
            if text.find(h) >= 0:
                return False, f'heading #{i} {h!r} occurs, but not after heading #{i - 1}'
            return False, f'heading #{i} {h!r} not found'
        pos = j + len(h)
    return True, ''


def parse_gold(path):
    errors, items = [], []
    for n, line in enumerate(read_text(path).split('\n'), 1):
        if not line.strip():
            continue
        parts = line.split('\t')
        if len(parts) != 2:
            errors.append(f'{path}:{n}: expected "level<TAB>heading", got {line!r}')
            continue
        lvl, head = parts
        if not lvl.isdigit() or int(lvl) < 1:
            errors.append(f'{path}:{n}: bad level {lvl!r}')
            continue
        if not head or head != head.strip():
            errors.append(f'{path}:{n}: empty heading or surrounding whitespace: {head!r}')
            continue
        items.append((int(lvl), head))
    prev = 0
    for k, (lvl, head) in enumerate(items, 1):
        if lvl > prev + 1:
            errors.append(f'{path}: heading #{k} {head!r} jumps from level {prev} to {lvl}')
        prev = lvl
    return items, errors


def parse_parallel(path, raw, runon, headings):
    """Return (series, errors) of gold/NN.parallel.tsv."""
    errors, items = [], []
    if not os.path.exists(path):
        return None, []
    for n, line in enumerate(read_text(path).split('\n'), 1):
        if not line.strip():
            continue
        parts = line.split('\t')
        if len(parts) != 4:
            errors.append(f'{path}:{n}: expected "level<TAB>n<TAB>opening<TAB>first20", got {line!r}')
            continue
        lvl, cnt, opening, first = parts
        if not lvl.isdigit() or int(lvl) < 1 or not cnt.isdigit() or int(cnt) < 3:
            errors.append(f'{path}:{n}: bad level or count (level >= 1, n >= 3): {line!r}')
            continue
        if not opening or not first or len(first) > 20 or first != first.strip():
            errors.append(f'{path}:{n}: empty opening/first member or first member longer than 20: {line!r}')
            continue
        if '*' in opening:
            head, _, tail = opening.partition('*')
            if not first.startswith(head) or tail[:1] not in first:
                errors.append(f'{path}:{n}: first member {first!r} does not fit the opening {opening!r}')
        elif len(opening) < 2 or not (first.startswith(opening) or opening.startswith(first)):
            errors.append(f'{path}:{n}: first member {first!r} does not start with the opening {opening!r}')
        items.append((int(lvl), first))
    for name, text in (('raw', raw), ('runon', runon)):
        ok, msg = find_in_order(text, items)
        if not ok:
            errors.append(f'{path}: {name}: {msg}')
    # the level is one below the last heading that starts before the series
    heads, pos = [], 0
    for lvl, h in headings:
        j = raw.find(h, pos)
        heads.append((j, lvl))
        pos = j + len(h)
    pos = 0
    for k, (lvl, first) in enumerate(items, 1):
        j = raw.find(first, pos)
        pos = j + len(first)
        want = 1
        for hpos, hlvl in heads:
            if 0 <= hpos <= j:
                want = hlvl + 1
        if lvl != want:
            errors.append(f'{path}: series #{k} {first!r} has level {lvl}, expected {want}')
    return items, errors


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    gold_files = sorted(g for g in glob.glob(os.path.join(root, 'gold', '*.tsv'))
                        if not g.endswith('.parallel.tsv'))
    if not gold_files:
        print(f'no gold files under {root}/gold', file=sys.stderr)
        return 1
    sources = {}
    src_path = os.path.join(root, 'SOURCES.tsv')
    if os.path.exists(src_path):
        with open(src_path, encoding='utf-8', newline='') as f:
            for row in csv.DictReader(f, delimiter='\t'):
                sources[row['NN']] = row
    failures = 0
    total = Counter()
    maxlvl = 1
    rows = []
    for gpath in gold_files:
        nn = os.path.splitext(os.path.basename(gpath))[0]
        errs = []
        raw_path = os.path.join(root, 'raw', nn + '.txt')
        run_path = os.path.join(root, 'runon', nn + '.txt')
        try:
            raw = read_text(raw_path)
            runon = read_text(run_path)
        except (OSError, UnicodeDecodeError) as e:
            errs.append(f'{nn}: cannot read raw/runon: {e}')
            raw = runon = ''
        if raw and runon != raw.replace('\n', ''):
            errs.append(f'{nn}: runon/{nn}.txt is not raw/{nn}.txt with newlines removed')
        if '\r' in raw or '\r' in runon:
            errs.append(f'{nn}: carriage return found')
        items, gerrs = parse_gold(gpath)
        errs += gerrs
        if items and items[0][0] != 1:
            errs.append(f'{nn}: first heading is not level 1')
        for name, text in (('raw', raw), ('runon', runon)):
            ok, msg = find_in_order(text, items)
            if not ok:
                errs.append(f'{nn}: {name}: {msg}')
        if nn in sources:
            want = sources[nn].get('chars', '')
            if want and want.isdigit() and int(want) != len(runon):
                errs.append(f'{nn}: SOURCES.tsv chars={want} but runon has {len(runon)} chars')
        elif sources:
            errs.append(f'{nn}: missing from SOURCES.tsv')
        par, perrs = parse_parallel(os.path.join(root, 'gold', nn + '.parallel.tsv'), raw, runon, items)
        errs += perrs
        cnt = Counter(l for l, _ in items)
        total.update(cnt)
        if cnt:
            maxlvl = max(maxlvl, max(cnt))
        rows.append((nn, len(runon), raw.count('\n'), len(items), cnt, errs, par))
        failures += bool(errs)
    split = {}
    split_path = os.path.join(root, 'split.tsv')
    if os.path.exists(split_path):
        for line in read_text(split_path).split('\n'):
            if line.strip():
                nn, part = line.split('\t')
                split[nn] = part
    levels = [f'L{i}' for i in range(1, maxlvl + 1)]
    header = ['doc', 'chars', 'lines', 'headings'] + levels + ['parallel', 'split', 'status']
    print('\t'.join(header))
    for nn, chars, lines, n, cnt, errs, par in rows:
        print('\t'.join([nn, str(chars), str(lines), str(n)] +
                        [str(cnt.get(i, 0)) for i in range(1, maxlvl + 1)] +
                        ['-' if par is None else str(len(par)), split.get(nn, '-'),
                         'OK' if not errs else 'FAIL']))
    parts = [('total', None)] + [(p, p) for p in sorted(set(split.values()))]
    for label, part in parts:
        sel = [r for r in rows if part is None or split.get(r[0]) == part]
        c = Counter()
        for r in sel:
            c.update(r[4])
        npar = sum(len(r[6]) for r in sel if r[6] is not None)
        print('\t'.join([f'{label} ({len(sel)} docs)', str(sum(r[1] for r in sel)), '',
                         str(sum(c.values()))] + [str(c.get(i, 0)) for i in range(1, maxlvl + 1)] +
                        [str(npar), '', 'OK' if not any(r[5] for r in sel) else 'FAILED']))
    for *_, errs, _ in rows:
        for e in errs:
            print('ERROR:', e, file=sys.stderr)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
