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

# NN: (source, file, key, cut-before) ; key = JSONL title or CSV row index.
# cut-before: the text is cut just before the first line starting with it
# (a section boundary) to keep it under LIMIT characters.
DOCS = {
    '01': ('aldo', 'government_work_reports.jsonl', '1956年中华人民共和国国务院政府工作报告', None),
    '02': ('aldo', 'government_work_reports.jsonl', '1960年中华人民共和国国务院政府工作报告', None),
    '03': ('aldo', 'government_work_reports.jsonl', '1975年中华人民共和国国务院政府工作报告', None),
    '04': ('aldo', 'government_work_reports.jsonl', '1980年中华人民共和国国务院政府工作报告', None),
    '05': ('aldo', 'government_work_reports.jsonl', '1985年中华人民共和国国务院政府工作报告', None),
    '06': ('aldo', 'government_work_reports.jsonl', '1992年中华人民共和国国务院政府工作报告', None),
    '07': ('aldo', 'government_work_reports.jsonl', '1997年中华人民共和国国务院政府工作报告', None),
    '08': ('aldo', 'government_work_reports.jsonl', '2001年中华人民共和国国务院政府工作报告', None),
    '09': ('aldo', 'government_work_reports.jsonl', '2007年中华人民共和国国务院政府工作报告', None),
    '10': ('aldo', 'government_work_reports.jsonl', '2012年中华人民共和国国务院政府工作报告', None),
    '11': ('aldo', 'government_work_reports.jsonl', '2018年中华人民共和国国务院政府工作报告', None),
    '12': ('aldo', 'government_work_reports.jsonl', '2021年中华人民共和国国务院政府工作报告', None),
    '13': ('aldo', 'government_work_reports.jsonl', '2024年中华人民共和国国务院政府工作报告', None),
    '14': ('aldo', 'cpc_congress_reports.jsonl', '在中国共产党第九次全国代表大会上的报告', None),
    '15': ('aldo', 'cpc_congress_reports.jsonl', '在中国共产党第十次全国代表大会上的报告', None),
    '16': ('aldo', 'cpc_congress_reports.jsonl', '沿着有中国特色的社会主义道路前进 (十三大)', '六、在改革开放中加强党的建设'),
    '17': ('aldo', 'cpc_congress_reports.jsonl', '加快改革开放和现代化建设步伐 (十四大)', '四、加强党的建设和改善党的领导'),
    '18': ('aldo', 'cpc_congress_reports.jsonl', '高举邓小平理论伟大旗帜，把建设有中国特色社会主义事业全面推向二十一世纪 (十五大)', '十、面向新世纪的中国共产党'),
    '19': ('aldo', 'cpc_congress_reports.jsonl', '高举中国特色社会主义伟大旗帜，为夺取全面建设小康社会新胜利而奋斗 (十七大)', '十二、以改革创新精神全面推进党的建设新的伟大工程'),
    '20': ('aldo', 'cpc_congress_reports.jsonl', '高举中国特色社会主义伟大旗帜 为全面建设社会主义现代化国家而团结奋斗 (二十大)', '十二、实现建军一百年奋斗目标'),
    '21': ('xi', 'all_data.csv', 1, None),
    '22': ('xi', 'all_data.csv', 13, None),
    '23': ('xi', 'all_data.csv', 17, None),
    '24': ('xi', 'all_data.csv', 18, None),
    '25': ('xi', 'all_data.csv', 22, None),
    '26': ('xi', 'all_data.csv', 24, None),
    '27': ('xi', 'all_data.csv', 37, None),
    '28': ('xi', 'all_data.csv', 44, None),
    '29': ('xi', 'all_data.csv', 50, None),
    '30': ('xi', 'all_data.csv', 51, None),
    '31': ('xi', 'all_data.csv', 55, None),
    '32': ('xi', 'all_data.csv', 25, None),
}

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
    for nn, (src, name, key, cut) in DOCS.items():
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
