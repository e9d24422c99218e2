#!/usr/bin/env python3
# check-potfiles.py SOURCE_ROOT: every source file with translatable strings
# is listed in po/POTFILES.in, and every file listed there exists.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import sys

MARKERS = {
    '.c': re.compile(r'\b(?:_|N_|C_|NC_|Q_|g_dpgettext2?)\s*\('),
    '.ui': re.compile(r'translatable="yes"'),
    '.in': re.compile(r'^(?:Name|GenericName|Comment|Keywords)=|<(?:summary|p|li|name|caption)>', re.M),
    '.xml': re.compile(r'<summary>'),
}


def main():
    root = sys.argv[1]
    with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        listed = {line.strip() for line in f if line.strip() and not line.startswith('#')}

    needed = set()
    for folder in ('src', 'ui', 'data'):
        for dirpath, _dirs, files in os.walk(os.path.join(root, folder)):
            for name in files:
                path = os.path.join(dirpath, name)
                relative = os.path.relpath(path, root)
                extension = os.path.splitext(name)[1]
                if extension == '.xml' and not name.endswith('.gschema.xml'):
                    continue
                if extension == '.in' and not (name.endswith('.desktop.in') or name.endswith('.metainfo.xml.in')):
                    continue
                marker = MARKERS.get(extension)
                if marker is None:
                    continue
                with open(path, encoding='utf-8') as f:
                    if marker.search(f.read()):
                        needed.add(relative)

    print('1..2')
    missing = sorted(needed - listed)
    stale = sorted(p for p in listed if not os.path.exists(os.path.join(root, p)))
    if missing:
        print('not ok 1 files with translatable strings missing from po/POTFILES.in: ' + ' '.join(missing))
    else:
        print('ok 1 po/POTFILES.in lists the %d files with translatable strings' % len(needed))
    if stale:
        print('not ok 2 po/POTFILES.in lists files that do not exist: ' + ' '.join(stale))
    else:
        print('ok 2 every file in po/POTFILES.in exists')
    return 1 if missing or stale else 0


if __name__ == '__main__':
    sys.exit(main())
