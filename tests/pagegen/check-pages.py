#!/usr/bin/python3
# check-pages.py — the pages of the generator's styles, cleaned by jiejian-cli
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   check-pages.py JIEJIAN-CLI STYLES [SEEDS]
#
# Writes the pages of the speeches in speeches/ in a temporary folder and
# fails unless every page loses all its furniture, keeps the first and last
# sentences of the body, and is titled with the speech where the page shows
# the title.

import os
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
cli, styles = sys.argv[1], sys.argv[2]
seeds = sys.argv[3] if len(sys.argv) > 3 else "2"
speeches = sorted(os.path.join(here, "speeches", n) for n in os.listdir(os.path.join(here, "speeches")))

with tempfile.TemporaryDirectory() as out:
    subprocess.run([sys.executable, os.path.join(here, "make-pages.py"), "--styles", styles,
                    "--seeds", seeds, out] + speeches, check=True)
    sys.exit(subprocess.run([sys.executable, os.path.join(here, "score-pages.py"), "-v", "--strict",
                             cli, out]).returncode)
