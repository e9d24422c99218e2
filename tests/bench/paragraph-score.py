#!/usr/bin/env python3
# How well paragraphs are rebuilt in run-on text: each document of the dev
# corpus is imported from its run-on copy (runon/NN.txt) and the paragraph
# breaks are compared with the source's lines (raw/NN.txt).
#
# Usage: tests/bench/paragraph-score.py [BUILD_DIR] [CORPUS_DIR]
import os
import subprocess
import sys

build = sys.argv[1] if len(sys.argv) > 1 else '_build'
corpus = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), '..', 'data', 'corpus-dev')
cli = os.path.join(build, 'src', 'cli', 'jiejian-cli')
BLANKS = set(' \t\u3000\u00a0')
FULL = {'，': ',', '：': ':', '；': ';', '？': '?', '！': '!'}


def gold_breaks(raw):
    breaks, pos = set(), 0
    for line in raw.rstrip('\n').split('\n'):
        k = 0
        while k < len(line) and line[k] in BLANKS:
            k += 1
        if pos > 0 and k < len(line):
            breaks.add(pos + k)
        pos += len(line)
    return breaks


def predicted_breaks(runon, out):
    """Offsets in the run-on text where the output starts a paragraph."""
    breaks, i, pending = set(), 0, False
    for ch in out:
        if ch == '\n':
            pending = True
            continue
        while i < len(runon) and runon[i] != ch and runon[i] != FULL.get(ch) and runon[i] in BLANKS:
            i += 1
        if pending:
            breaks.add(i)
            pending = False
        i += 1
    return breaks


tp_all = fp_all = fn_all = 0
print('doc\tgold\tfound\tright\tprecision\trecall')
for name in sorted(os.listdir(os.path.join(corpus, 'runon'))):
    runon_path = os.path.join(corpus, 'runon', name)
    runon = open(runon_path, encoding='utf-8').read()
    raw = open(os.path.join(corpus, 'raw', name), encoding='utf-8').read()
    if '\n' not in raw.rstrip('\n'):
        continue  # the source itself was run-on: no paragraphs to compare with
    out = subprocess.run([cli, 'text', runon_path], capture_output=True, text=True,
                         check=True).stdout.rstrip('\n')
    gold = gold_breaks(raw)
    found = predicted_breaks(runon, out)
    tp = len(gold & found)
    tp_all += tp
    fp_all += len(found - gold)
    fn_all += len(gold - found)
    print('%s\t%d\t%d\t%d\t%.2f\t%.2f' % (name[:-4], len(gold), len(found), tp,
                                         tp / max(1, len(found)), tp / max(1, len(gold))))

p = tp_all / max(1, tp_all + fp_all)
r = tp_all / max(1, tp_all + fn_all)
print('total\tprecision %.3f\trecall %.3f\tF1 %.3f' % (p, r, 2 * p * r / max(1e-9, p + r)))
