#!/usr/bin/python3
# End to end: the real app under Xvfb, driven over AT-SPI like a person would.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import pyatspi  # noqa: E402

import jjatspi  # noqa: E402
from jjatspi import (App, KEY_1, KEY_CONTROL, KEY_F, KEY_RETURN, KEY_SHIFT, KEY_M,  # noqa: E402
                     app_env, find, find_all, labels, named, press, wait_for)

BUILDDIR = os.environ.get("JJ_BUILD_ROOT", os.path.join(os.path.dirname(__file__), "..", "..", "_build"))
SOURCE_ROOT = os.environ.get("JJ_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.path.join(BUILDDIR, "src", "app", "jiejian")
SAMPLE = os.path.join(SOURCE_ROOT, "data", "samples", "civilized-city-speech.webpage.txt")
TITLE = "全国文明城市建设工作培训会议讲话"
OUTLINE = [
    TITLE,
    "同志们：",
    "一、要牢牢把握新形势",
    "一是“新一轮”",
    "二是“新复检”",
    "三是“新面孔”",
    "二、要切实提高新认识",
    "一要坚持以群众为中心",
    "二要坚持以典范为目标",
    "三要坚持以问题为导向",
    "三、要严格落实新要求",
    "一方面，要吃透测评标准",
    "另一方面，要用好培训成果",
]


def documents(app):
    return find_all(app, lambda a: a.name == "Document" and a.getRoleName() == "text")


def text_of(acc):
    t = acc.queryText()
    return t.getText(0, t.characterCount)


def selections(app):
    found = []
    for doc in documents(app):
        t = doc.queryText()
        for i in range(t.getNSelections()):
            start, end = t.getSelection(i)
            found.append(t.getText(start, end))
    return found


class ReaderTest(unittest.TestCase):
    def setUp(self):
        if not os.environ.get("DISPLAY"):
            self.skipTest("no display")
        self.dir = tempfile.mkdtemp(prefix="jj-e2e-")
        self.path = os.path.join(self.dir, "speech.txt")
        shutil.copy(SAMPLE, self.path)
        os.chmod(self.path, 0o644)
        self.env = app_env(BUILDDIR)
        self.env["XDG_DATA_HOME"] = os.path.join(self.dir, "data")
        self.env["XDG_STATE_HOME"] = os.path.join(self.dir, "state")
        self.env["XDG_CACHE_HOME"] = os.path.join(self.dir, "cache")
        self.app = None

    def tearDown(self):
        if self.app is not None and self.app.proc.poll() is None:
            self.app.proc.kill()
            self.app.proc.wait()
        shutil.rmtree(self.dir, ignore_errors=True)

    def start(self):
        self.app = App(BINARY, self.path, self.env)
        self.app.window(TITLE)
        return self.app.app

    def test_read_navigate_find(self):
        app = self.start()

        outline = wait_for(lambda: find(app, named("Outline", "list")), "the outline")
        rows = wait_for(lambda: [labels(outline.getChildAtIndex(i))[0] for i in range(outline.childCount)]
                        if outline.childCount >= len(OUTLINE) else None, "outline rows")
        self.assertEqual(rows[:len(OUTLINE)], OUTLINE)
        self.assertTrue(rows[-1].startswith("同志们，"), rows[-1])

        # Activate a section: its heading comes to the top of the reader.
        outline.querySelection().selectChild(OUTLINE.index("三、要严格落实新要求"))

        def heading_on_top():
            for doc in documents(app):
                if text_of(doc).startswith("三、要严格落实新要求"):
                    x, y, w, h = doc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
                    # In the top third: with lines 1.7 em apart the last
                    # section is shorter than the window, which cannot
                    # scroll past the end of the speech.
                    return 0 <= y < 260
            return False
        wait_for(heading_on_top, "the section heading at the top of the reader")

        # Find a phrase; Enter selects the match so it can be marked.
        press(KEY_CONTROL, KEY_F)
        entry = wait_for(lambda: find(app, named("Find", "entry")), "the find entry")
        wait_for(lambda: entry.getState().contains(pyatspi.STATE_FOCUSED), "the find entry to take the focus")
        entry.queryEditableText().setTextContents("吃透测评标准")
        wait_for(lambda: "1 match" in labels(app), "the match count")
        press(KEY_RETURN)
        wait_for(lambda: "吃透测评标准" in selections(app), "the match to be selected")

        # Mark it as 借鉴 with one key; the sidecar beside the speech gets it.
        press(KEY_1)
        sidecar = self.path + ".jiejian.xml"

        def saved():
            with open(sidecar, encoding="utf-8") as f:
                content = f.read()
            return "吃透测评标准" in content and 'kind="borrow"' in content
        wait_for(saved, "the mark in the sidecar")
        self.assertEqual(self.app.quit(), 0)

        # Start again: the mark is highlighted and listed.
        app = self.start()

        def highlighted():
            for doc in documents(app):
                text = text_of(doc)
                i = text.find("吃透测评标准")
                if i >= 0:
                    attrs, start, end = doc.queryText().getAttributeRun(i + 1, False)
                    return any(a.startswith("bg-color") for a in attrs) and start <= i and end >= i + 6
            return False
        wait_for(highlighted, "the highlight of the mark")

        press(KEY_CONTROL, KEY_SHIFT, KEY_M)
        marks = wait_for(lambda: find(app, named("Marks", "list")), "the marks list")
        wait_for(lambda: "吃透测评标准" in labels(marks), "the mark in the marks list")
        self.assertEqual(self.app.quit(), 0)


if __name__ == "__main__":
    jjatspi.run_tests()
