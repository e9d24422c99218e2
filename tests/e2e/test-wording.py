#!/usr/bin/python3
# End to end: Compare Wording from a phrase selected in the reader, over
# AT-SPI in the real app, a line of it opening its speech there, and the
# text's context menu comparing another selection.
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
from jjatspi import (App, KEY_CONTROL, KEY_F, KEY_RETURN, KEY_SHIFT,  # noqa: E402
                     app_env, find, find_all, labels, named, press, wait_for)

BUILDDIR = os.environ.get("JJ_BUILD_ROOT", os.path.join(os.path.dirname(__file__), "..", "..", "_build"))
SOURCE_ROOT = os.environ.get("JJ_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.path.join(BUILDDIR, "src", "app", "jiejian")
CORPUS = os.path.join(SOURCE_ROOT, "tests", "data", "corpus-dev", "raw")
# Speeches saying 以人民为中心 (04, 05, 07) and one saying 以城市为中心 (13).
NAMES = ["04.txt", "05.txt", "07.txt", "13.txt"]
PHRASE = "以人民为中心"
VARIANT = "以城市为中心"
TYPED = "营商环境"


def documents(acc):
    return find_all(acc, lambda a: a.name == "Document" and a.getRoleName() == "text")


def selections(acc):
    found = []
    for doc in documents(acc):
        t = doc.queryText()
        for i in range(t.getNSelections()):
            start, end = t.getSelection(i)
            found.append(t.getText(start, end))
    return found


def click(acc):
    """A click in the middle of @acc. Without a window manager every window
    sits at the top left corner of the screen: window coordinates are the
    screen's."""
    x, y, w, h = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    pyatspi.Registry.generateMouseEvent(x + w // 2, y + max(h // 2, 8), "b1c")
    time.sleep(0.3)


def heading_in(window, text):
    results = find(window, named("Wordings and Their Hits", "list"))
    if results is None:
        return None
    for label in labels(results):
        if label.startswith(text + " "):
            return label
    return None


def frames(app):
    return [a.name for a in find_all(app, lambda a: a.getRoleName() == "frame")]


class WordingTest(unittest.TestCase):
    def setUp(self):
        if not os.environ.get("DISPLAY"):
            self.skipTest("no display")
        self.dir = tempfile.mkdtemp(prefix="jj-e2e-wording-")
        self.library = os.path.join(self.dir, "speeches")
        os.mkdir(self.library)
        self.counts = {}
        for name in NAMES:
            shutil.copy(os.path.join(CORPUS, name), self.library)
            with open(os.path.join(CORPUS, name), encoding="utf-8") as f:
                text = f.read()
            self.counts[name] = (text.count(PHRASE), text.count(VARIANT))
        self.env = app_env(BUILDDIR)
        for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_STATE_HOME", "state"),
                         ("XDG_CACHE_HOME", "cache"), ("XDG_CONFIG_HOME", "config")):
            self.env[var] = os.path.join(self.dir, sub)
        # The library's folder, as the preferences would set it.
        settings = os.path.join(self.dir, "config", "glib-2.0", "settings")
        os.makedirs(settings)
        with open(os.path.join(settings, "keyfile"), "w", encoding="utf-8") as f:
            f.write("[org/jiejian/Jiejian]\nlibrary-folders=['%s']\n" % self.library)
        self.env["GSETTINGS_BACKEND"] = "keyfile"
        self.app = None

    def tearDown(self):
        if self.app is not None and self.app.proc.poll() is None:
            self.app.proc.kill()
            self.app.proc.wait()
        shutil.rmtree(self.dir, ignore_errors=True)

    def test_compare_selection_and_open_a_line(self):
        speech = os.path.join(self.library, "05.txt")
        self.app = App(BINARY, speech, self.env)
        app = self.app.app
        wait_for(lambda: documents(app), "the speech in the reader")

        # Select the phrase as a reader would find it.
        press(KEY_CONTROL, KEY_F)
        entry = wait_for(lambda: find(app, named("Find", "entry")), "the find entry")
        wait_for(lambda: entry.getState().contains(pyatspi.STATE_FOCUSED), "the find entry to take the focus")
        entry.queryEditableText().setTextContents(PHRASE)
        wait_for(lambda: "1 match" in labels(app), "the match count")
        press(KEY_RETURN)
        wait_for(lambda: PHRASE in selections(app), "the match to be selected")

        # Ctrl+Shift+F compares it across the library.
        press(KEY_CONTROL, KEY_SHIFT, KEY_F)
        window = self.app.window("Compare Wording")
        wait_for(lambda: heading_in(window, PHRASE), "the wording of the selection")
        results = wait_for(lambda: find(window, named("Wordings and Their Hits", "list")), "the list of wordings")

        n_phrase = sum(c[0] for c in self.counts.values())
        n_phrase_docs = sum(1 for c in self.counts.values() if c[0])
        n_variant = sum(c[1] for c in self.counts.values())
        n_variant_docs = sum(1 for c in self.counts.values() if c[1])
        self.assertEqual((n_phrase, n_phrase_docs, n_variant, n_variant_docs), (3, 3, 1, 1))

        def heading(text):
            for label in labels(results):
                if label.startswith(text + " "):
                    return label
            return None
        exact = wait_for(lambda: heading(PHRASE), "the phrase's heading")
        self.assertIn("as written", exact)
        self.assertIn("%d hits in %d speeches" % (n_phrase, n_phrase_docs), exact)
        variant = wait_for(lambda: heading(VARIANT), "the heading of a variant")
        self.assertIn("2 characters differ", variant)
        self.assertIn("%d hit in %d speech" % (n_variant, n_variant_docs), variant)
        self.assertTrue(any(label.startswith("By year: ") for label in labels(results)))

        # A line of another speech opens that speech at the hit.
        def other_line():
            rows = find_all(results, lambda a: a.getRoleName() in ("list item", "row"))
            for row in rows:
                texts = labels(row)
                # A line: its context, then its speech (another one) and section.
                if len(texts) == 2 and PHRASE in texts[0] \
                   and any(texts[1].startswith(n + " · ") for n in NAMES if n != "05.txt") \
                   and 0 <= row.queryComponent().getExtents(pyatspi.WINDOW_COORDS)[1] < 600:
                    return row, texts
            return None
        row, texts = wait_for(other_line, "a line of another speech")
        where = texts[1].split(" · ")[0].split(" › ")[0]
        before = len(frames(app))
        click(find(row, lambda a: a.getRoleName() == "label" and a.name == texts[0]))
        wait_for(lambda: len(frames(app)) == before + 1, "a reader window for the line's speech")
        opened = wait_for(lambda: find(app, named(where, "frame")), "the window of “%s”" % where)
        wait_for(lambda: PHRASE in selections(opened), "the hit selected in that speech")

        # The text's context menu compares another selection.
        other = "共同富裕" if where == "04.txt" else "创作导向"
        press(KEY_CONTROL, KEY_F)
        entry = wait_for(lambda: [e for e in find_all(opened, named("Find", "entry"))
                                  if e.getState().contains(pyatspi.STATE_FOCUSED)], "the find entry")[0]
        entry.queryEditableText().setTextContents(other)
        wait_for(lambda: "1 match" in labels(opened), "the match count")
        press(KEY_RETURN)
        wait_for(lambda: other in selections(opened), "the match to be selected")
        block = [d for d in documents(opened) if other in d.queryText().getText(0, -1)][0]
        x, y, w, h = block.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        # A long paragraph reaches above the window: click its visible part.
        pyatspi.Registry.generateMouseEvent(x + w // 2, min(max(y + 8, 200), y + max(h, 16) - 8), "b3c")
        item = wait_for(lambda: find(app, lambda a: a.name.replace("_", "") == "Compare Wording"
                                     and a.getRoleName() == "menu item"), "Compare Wording in the context menu")
        item.queryAction().doAction(0)
        wait_for(lambda: heading_in(window, other), "the wording of the new selection")

        # Without a selection (a click in the text clears it), the main menu's
        # Compare Wording asks for the phrase; the same window compares it.
        # Without a window manager the Compare Wording window may lie over
        # that place: the selection is then taken away over AT-SPI.
        pyatspi.Registry.generateMouseEvent(x + w // 2, min(max(y + 8, 200), y + max(h, 16) - 8), "b1c")

        def cleared():
            if not [t for t in selections(opened) if t]:
                return True
            for doc in documents(opened):
                t = doc.queryText()
                for i in reversed(range(t.getNSelections())):
                    t.removeSelection(i)
            return False
        wait_for(cleared, "the selection cleared")
        def main_menu():
            # The menu button and the button inside it share the name.
            for acc in find_all(opened, lambda a: a.name == "Main Menu"):
                try:
                    if acc.queryAction().nActions > 0:
                        return acc
                except NotImplementedError:
                    pass
            return None
        wait_for(main_menu, "the main menu button").queryAction().doAction(0)
        item = wait_for(lambda: find(app, lambda a: a.name.replace("_", "") == "Compare Wording…"
                                     and a.getRoleName() == "menu item"), "Compare Wording in the main menu")
        item.queryAction().doAction(0)
        asked = wait_for(lambda: find(app, named("Phrase to Compare", "text")), "the dialog asking for a phrase")
        asked.queryEditableText().setTextContents(TYPED)
        # GTK 4.8 names a button with a mnemonic "C_ompare Compare".
        compare = wait_for(lambda: find(app, lambda a: a.getRoleName() == "push button"
                                        and a.name.split(" ")[-1] == "Compare"), "the dialog's Compare button")
        compare.queryAction().doAction(0)
        wait_for(lambda: heading_in(window, TYPED), "the wording of the phrase typed")
        self.assertEqual(frames(app).count("Compare Wording"), 1)

        self.assertEqual(self.app.quit(), 0)


if __name__ == "__main__":
    jjatspi.run_tests()
