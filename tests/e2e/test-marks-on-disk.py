#!/usr/bin/python3
# End to end: what happens to the marks of an open speech when its files
# change on disk is said, never done silently.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import jjatspi  # noqa: E402
from jjatspi import App, app_env, find_all, labels, wait_for  # noqa: E402

BUILDDIR = os.environ.get("JJ_BUILD_ROOT", os.path.join(os.path.dirname(__file__), "..", "..", "_build"))
SOURCE_ROOT = os.environ.get("JJ_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.path.join(BUILDDIR, "src", "app", "jiejian")
CLI = os.path.join(BUILDDIR, "src", "cli", "jiejian-cli")
SAMPLE = os.path.join(SOURCE_ROOT, "tests", "data", "samples", "civilized-city-speech.txt")
TITLE = "全国文明城市建设工作培训会议讲话"

# Before the edit, after the edit, reworded by it, and cut by it.
IN_PLACE = "深入分析创建新形势"
MOVED = "继续保留“全国文明城市”这块金字招牌"
REWORDED = "集中表现为“三个新”的特点"
CUT = "首年复检结果将直接计入总成绩"


def mark_ids(path):
    with open(path, encoding="utf-8") as f:
        content = f.read()
    return [q for q in (IN_PLACE, MOVED, REWORDED, CUT) if q in content]


class MarksOnDiskTest(unittest.TestCase):
    def setUp(self):
        if not os.environ.get("DISPLAY"):
            self.skipTest("no display")
        self.dir = tempfile.mkdtemp(prefix="jj-e2e-")
        self.path = os.path.join(self.dir, "speech.txt")
        self.sidecar = self.path + ".jiejian.xml"
        shutil.copy(SAMPLE, self.path)
        os.chmod(self.path, 0o644)
        self.env = app_env(BUILDDIR)
        self.env["XDG_DATA_HOME"] = os.path.join(self.dir, "data")
        self.env["XDG_STATE_HOME"] = os.path.join(self.dir, "state")
        self.env["XDG_CACHE_HOME"] = os.path.join(self.dir, "cache")
        self.app = None

        # Four marks, made as a script would, before the app opens the speech.
        text = subprocess.run([CLI, "text", self.path], capture_output=True, text=True,
                              check=True, env=self.env).stdout
        for quote in (IN_PLACE, MOVED, REWORDED, CUT):
            start = text.find(quote)
            self.assertGreaterEqual(start, 0, quote)
            subprocess.run([CLI, "mark", self.path, "--start", str(start), "--end", str(start + len(quote)),
                            "--kind", "borrow"], check=True, capture_output=True, env=self.env)
        self.assertEqual(len(mark_ids(self.sidecar)), 4)

    def tearDown(self):
        if self.app is not None and self.app.proc.poll() is None:
            self.app.proc.kill()
            self.app.proc.wait()
        shutil.rmtree(self.dir, ignore_errors=True)

    def toast_with(self, app, *parts):
        def found():
            for label in labels(app):
                if label and all(p in label for p in parts):
                    return label
            return None
        return wait_for(found, "a toast saying " + " … ".join(parts))

    def test_deleted_then_edited(self):
        self.app = App(BINARY, self.path, self.env)
        app = self.app.app
        self.app.window(TITLE)
        wait_for(lambda: len(find_all(app, lambda a: a.name == "Document" and a.getRoleName() == "text")) > 0,
                 "the speech")

        # The sidecar deleted while the speech is open: written again from
        # the marks in memory, and said.
        os.unlink(self.sidecar)
        wait_for(lambda: os.path.exists(self.sidecar) and len(mark_ids(self.sidecar)) == 4,
                 "the sidecar written again with its four marks")
        self.toast_with(app, "marks file was deleted", "4 marks")

        # The speech edited on disk: one passage moves, one is reworded, one
        # is cut. The reload says what became of each mark.
        with open(self.path, encoding="utf-8") as f:
            raw = f.read()
        edited = (raw.replace("从总体来看", "会前先通报一件事情。从总体来看", 1)
                     .replace("集中表现为", "集中体现为", 1)
                     .replace(CUT + "，", "", 1))
        self.assertNotEqual(raw, edited)
        with open(self.path, "w", encoding="utf-8") as f:
            f.write(edited)
        label = self.toast_with(app, "changed on disk and was reloaded", "Marks:")
        self.assertIn("1 in place", label)
        self.assertIn("1 moved", label)
        self.assertIn("1 with changed wording", label)
        self.assertIn("1 orphaned", label)

        # Nothing was lost: the orphan is kept in the sidecar too.
        self.assertEqual(self.app.quit(), 0)
        listing = subprocess.run([CLI, "marks", self.path], capture_output=True, text=True,
                                 check=True, env=self.env).stdout
        self.assertEqual(len(listing.strip().splitlines()), 4, listing)


if __name__ == "__main__":
    jjatspi.run_tests()
