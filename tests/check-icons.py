#!/usr/bin/env python3
# check-icons.py: the application icons are SVG of the sizes the icon theme
# specification expects; the symbolic one is a single flat colour.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import re
import sys
import xml.etree.ElementTree as ET

SVG = '{http://www.w3.org/2000/svg}'


def check(path, size, symbolic):
    root = ET.parse(path).getroot()
    problems = []
    if root.tag != SVG + 'svg':
        problems.append('the root element is not <svg>')
    if root.get('viewBox') != '0 0 %d %d' % (size, size):
        problems.append('viewBox is %r, not 0 0 %d %d' % (root.get('viewBox'), size, size))
    if symbolic:
        colours = set()
        for element in root.iter():
            if element.tag in (SVG + 'linearGradient', SVG + 'radialGradient', SVG + 'image'):
                problems.append('a symbolic icon has a %s' % element.tag.replace(SVG, ''))
            for attribute in ('fill', 'stroke'):
                value = element.get(attribute)
                if value and value != 'none':
                    colours.add(value.lower())
            for value in re.findall(r'(?:fill|stroke)\s*:\s*(#[0-9a-fA-F]+)', element.get('style', '')):
                colours.add(value.lower())
        if len(colours) > 1:
            problems.append('a symbolic icon has several colours: %s' % sorted(colours))
    return problems


def main():
    failures = 0
    print('1..%d' % (len(sys.argv) - 1))
    for n, path in enumerate(sys.argv[1:], 1):
        symbolic = path.endswith('-symbolic.svg')
        problems = check(path, 16 if symbolic else 128, symbolic)
        if problems:
            failures += 1
            print('not ok %d %s: %s' % (n, path, '; '.join(problems)))
        else:
            print('ok %d %s' % (n, path))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
