#!/usr/bin/python3
# End to end: a working session in the reader and the library (issue 18,
# points 1, 2 and 5), the real app under Xvfb driven over AT-SPI with real
# key presses and pointer clicks.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import pyatspi  # noqa: E402
from gi.repository import GLib  # noqa: E402

import jjatspi  # noqa: E402
from jjatspi import (App, KEY_1, KEY_CONTROL, KEY_RETURN,  # noqa: E402
                     app_env, find, find_all, is_list, labels, named, press, wait_for)

BUILDDIR = os.environ.get("JJ_BUILD_ROOT", os.path.join(os.path.dirname(__file__), "..", "..", "_build"))
SOURCE_ROOT = os.environ.get("JJ_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.path.join(BUILDDIR, "src", "app", "jiejian")
CLI = os.path.join(BUILDDIR, "src", "cli", "jiejian-cli")
SAMPLE = os.path.join(SOURCE_ROOT, "data", "samples", "civilized-city-speech.webpage.txt")
TITLE = "全国文明城市建设工作培训会议讲话"
CLOSING = "同志们，文明创建从未停步"

# X keycodes on Xvfb's default keymap
KEY_SPACE = 65
KEY_HOME = 110
KEY_PAGE_UP = 112
KEY_END = 115
KEY_PAGE_DOWN = 117
KEY_Z = 52
KEY_L = 46


def text_of(acc):
    t = acc.queryText()
    return t.getText(0, t.characterCount)


def extents(acc, coords=pyatspi.WINDOW_COORDS):
    e = acc.queryComponent().getExtents(coords)
    return (e.x, e.y, e.width, e.height)


def reader(app):
    view = wait_for(lambda: find(app, lambda a: a.name == "JjReaderView"), "the reader")
    # The rows of text are rebound as the view scrolls: ask GTK for the
    # children again rather than trust what libatspi keeps.
    view.clear_cache()
    return view


def documents(app):
    """The blocks of text the reader shows, with their place in the window."""
    found = []
    for doc in find_all(reader(app), lambda a: a.name == "Document" and a.getRoleName() == "text"):
        x, y, w, h = extents(doc)
        if w > 0 and h > 0:
            found.append(doc)
    return found


def scrollbar_value(app):
    """The reader's vertical scroll position and its largest value."""
    best = None
    for bar in find_all(reader(app), lambda a: a.getRoleName() == "scroll bar"):
        x, y, w, h = extents(bar)
        if h <= w:
            continue
        for child in find_all(bar, lambda a: "Value" in pyatspi.utils.listInterfaces(a)):
            v = child.queryValue()
            best = (v.currentValue, v.maximumValue)
    return best


def viewport(app):
    """The part of the window where the reader shows text."""
    pane = find(reader(app), lambda a: a.getRoleName() == "scroll pane")
    return extents(pane)


def view(app):
    """What the reader shows: its scroll position, and the first characters
    and place of each block of text in view (GTK 4.8 gives no extents of
    single characters over AT-SPI)."""
    vx, vy, vw, vh = viewport(app)
    blocks = []
    for doc in documents(app):
        x, y, w, h = extents(doc)
        if y + h > vy and y < vy + vh:
            blocks.append((text_of(doc)[:20], y, h))
    blocks.sort(key=lambda b: b[1])
    return {"value": scrollbar_value(app)[0], "blocks": blocks}


def click(x, y):
    """A real click; GTK 4 gives no screen coordinates, but under Xvfb
    without a window manager the window is at the screen's origin."""
    pyatspi.Registry.generateMouseEvent(int(x), int(y), "b1c")
    time.sleep(0.3)


def press_action(acc):
    """Does the first action of acc or of the first widget in it that has one."""
    for a in [acc] + find_all(acc, lambda a: True):
        try:
            action = a.queryAction()
            if action.nActions > 0:
                action.doAction(0)
                return
        except NotImplementedError:
            continue
    raise AssertionError("nothing to press in %s" % acc.name)


def read(path):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except FileNotFoundError:
        return ""




class SessionTest(unittest.TestCase):
    def setUp(self):
        warnings.simplefilter("ignore", DeprecationWarning)
        if not os.environ.get("DISPLAY"):
            self.skipTest("no display")
        self.dir = tempfile.mkdtemp(prefix="jj-e2e-session-")
        self.speeches = os.path.join(self.dir, "speeches")
        os.mkdir(self.speeches)
        self.path = os.path.join(self.speeches, "speech.txt")
        shutil.copy(SAMPLE, self.path)
        os.chmod(self.path, 0o644)
        self.env = app_env(BUILDDIR)
        self.env["XDG_DATA_HOME"] = os.path.join(self.dir, "data")
        self.env["XDG_STATE_HOME"] = os.path.join(self.dir, "state")
        self.env["XDG_CACHE_HOME"] = os.path.join(self.dir, "cache")
        self.env["XDG_CONFIG_HOME"] = os.path.join(self.dir, "config")
        self.app = None

    def tearDown(self):
        if self.app is not None and self.app.proc.poll() is None:
            self.app.proc.kill()
            self.app.proc.wait()
        shutil.rmtree(self.dir, ignore_errors=True)

    def start(self):
        self.app = App(BINARY, self.path, self.env)
        self.window = self.app.window(TITLE)
        app = self.app.app
        wait_for(lambda: documents(app) and scrollbar_value(app) and scrollbar_value(app)[1] > 0,
                 "the speech in the reader")
        return app

    def focus_reader(self, app):
        """Clicks the text on top, as a reader would before reading on."""
        doc = wait_for(lambda: documents(app)[0], "a block of text")
        x, y, w, h = extents(doc)
        click(x + w // 2, y + min(h // 2, 10))
        wait_for(lambda: doc.getState().contains(pyatspi.STATE_FOCUSED), "the reader to take the focus")

    def at_end(self, app, value):
        """The scroll bar's largest value is that of its bottom edge."""
        return value + viewport(app)[3] >= scrollbar_value(app)[1] - 1

    def key_moves(self, app, keys, what, check):
        """Presses keys and waits until the reader's scroll position passes
        check; returns the new position and how long it took."""
        before = scrollbar_value(app)[0]
        started = time.monotonic()
        press(*keys)
        try:
            value = wait_for(lambda: (lambda v: [v] if check(before, v) else None)(scrollbar_value(app)[0]),
                             what, timeout=10)[0]
        except AssertionError:
            focused = find_all(app, lambda a: a.getState().contains(pyatspi.STATE_FOCUSED))
            raise AssertionError("%s: the scroll bar stayed at %s (from %s); the focus is on %s"
                                 % (what, scrollbar_value(app), before,
                                    [(a.getRoleName(), a.name) for a in focused]))
        # press() sleeps 0.2 s after the keys; the scroll happened before.
        return value, time.monotonic() - started

    # Point 1: the whole document reads by keyboard.
    def test_keyboard_reading(self):
        app = self.start()
        self.focus_reader(app)
        value, maximum = scrollbar_value(app)
        self.assertEqual(value, 0)
        top = view(app)
        self.assertTrue(top["blocks"][0][0].startswith(TITLE[:20]), top)

        moved = []
        value, took = self.key_moves(app, (KEY_PAGE_DOWN,), "Page Down to scroll", lambda b, v: v > b)
        moved.append(("Page Down", value, took))
        # The text moved up by as much as the scroll bar says.
        title_block = [b for b in view(app)["blocks"] if b[0].startswith(TITLE[:20])]
        if title_block:
            self.assertAlmostEqual(title_block[0][1], top["blocks"][0][1] - value, delta=2)
        else:
            self.assertGreater(value, top["blocks"][0][2])

        value, took = self.key_moves(app, (KEY_SPACE,), "Space to scroll", lambda b, v: v > b)
        moved.append(("Space", value, took))
        value, took = self.key_moves(app, (KEY_PAGE_UP,), "Page Up to scroll back", lambda b, v: v < b)
        moved.append(("Page Up", value, took))

        # End reaches the end of the speech: its closing is on screen.
        value, took = self.key_moves(app, (KEY_END,), "End to reach the end", lambda b, v: self.at_end(app, v))
        moved.append(("End", value, took))
        vx, vy, vw, vh = viewport(app)
        last = wait_for(lambda: [d for d in documents(app) if CLOSING in text_of(d)], "the closing paragraph")[0]
        x, y, w, h = extents(last)
        self.assertLessEqual(y + h, vy + vh + 2)

        value, took = self.key_moves(app, (KEY_HOME,), "Home to go back to the top", lambda b, v: v == 0)
        moved.append(("Home", value, took))
        # The first row, the title's, is back at the top of the view.
        first_row = find(reader(app), lambda a: a.getRoleName() == "list item")
        wait_for(lambda: abs(extents(first_row)[1] - viewport(app)[1]) <= 4, "the title on top")

        value, took = self.key_moves(app, (KEY_CONTROL, KEY_END), "Ctrl+End to reach the end",
                                     lambda b, v: self.at_end(app, v))
        moved.append(("Ctrl+End", value, took))
        value, took = self.key_moves(app, (KEY_CONTROL, KEY_HOME), "Ctrl+Home to go back to the top",
                                     lambda b, v: v == 0)
        moved.append(("Ctrl+Home", value, took))

        # Page Down, pressed again and again, reads the whole speech.
        presses = 0
        while not self.at_end(app, scrollbar_value(app)[0]):
            presses += 1
            self.assertLess(presses, 50, "Page Down stopped before the end")
            self.key_moves(app, (KEY_PAGE_DOWN,), "Page Down to scroll on", lambda b, v: v > b)
        wait_for(lambda: [d for d in documents(app) if CLOSING in text_of(d)], "the closing paragraph")
        for key, value, took in moved:
            print("%s: scrolled to %.0f of %.0f in %.0f ms (AT-SPI round trips included)"
                  % (key, value, maximum, (took - 0.2) * 1000))
        print("Page Down pressed %d times from the top to the end" % presses)
        self.assertEqual(self.app.quit(), 0)

    # Point 2: marking, deleting from the popover and undoing never move
    # the view.
    def test_view_stays(self):
        app = self.start()
        self.focus_reader(app)
        # Read on until the last section's heading is in view, below the
        # top: its first line is where its block of text begins.
        heading = "三、要严格落实新要求"
        vx, vy, vw, vh = viewport(app)

        def heading_in_view():
            for d in documents(app):
                if text_of(d).startswith(heading) and vy + 40 <= extents(d)[1] <= vy + vh - 120:
                    return d
            return None
        for i in range(5):
            self.key_moves(app, (KEY_PAGE_DOWN,), "Page Down to scroll", lambda b, v: v > b)
            time.sleep(0.3)
            if heading_in_view():
                break
        doc = wait_for(heading_in_view, "the heading in view")
        self.assertGreater(scrollbar_value(app)[0], 0)
        t = doc.queryText()
        quote = heading
        try:
            t.addSelection(0, len(heading))
        except GLib.Error:
            pass  # GTK 4.8 selects, then answers with the wrong type
        wait_for(lambda: t.getNSelections() == 1 and tuple(t.getSelection(0)) == (0, len(heading)),
                 "the heading to be selected")
        before = view(app)
        print("view:", before)

        sidecar = self.path + ".jiejian.xml"
        press(KEY_1)
        wait_for(lambda: quote in read(sidecar) and 'kind="borrow"' in read(sidecar), "the mark in the sidecar")
        time.sleep(0.5)
        self.assertEqual(view(app), before, "marking moved the view")

        # Click the highlight: its popover opens, pointing at it.
        # Its third character, past the 12 px margin (a heading has no
        # first-line indent).
        x, y, w, h = extents(doc)
        click(x + 60, y + 10)

        def delete_button():
            app.clear_cache()
            label = find(app, lambda a: a.name == "Delete" and a.getRoleName() in ("label", "push button"))
            if label is None:
                return None
            return label if label.getRoleName() == "push button" else label.parent
        delete = wait_for(delete_button, "the popover with its Delete button")
        self.assertEqual(view(app), before, "opening the popover moved the view")
        delete.queryAction().doAction(0)
        wait_for(lambda: quote not in read(sidecar), "the mark to be deleted from the sidecar")
        time.sleep(0.5)
        self.assertEqual(view(app), before, "deleting the mark moved the view")

        press(KEY_CONTROL, KEY_Z)
        wait_for(lambda: quote in read(sidecar), "the mark to come back in the sidecar")
        time.sleep(0.5)
        self.assertEqual(view(app), before, "undoing moved the view")
        self.assertEqual(self.app.quit(), 0)


    # Point 5: the library finds tags with and without #, says when
    # nothing matches, and exports what it says it exports.
    def mark(self, phrase, kind, *options):
        text = subprocess.run([CLI, "text", self.path], check=True, capture_output=True,
                              encoding="utf-8").stdout
        start = text.index(phrase)
        subprocess.run([CLI, "mark", self.path, "--start", str(start), "--end", str(start + len(phrase)),
                        "--kind", kind] + list(options), check=True, stdout=subprocess.DEVNULL, env=self.env)

    def test_library_search_export(self):
        tagged = ["要吃透测评标准", "要用好培训成果"]
        untagged = ["文明发展无止境"]
        self.mark(tagged[0], "borrow", "--tag", "党建")
        self.mark(tagged[1], "wording", "--tag", "党建", "--tag", "方法", "--note", "培训")
        self.mark(untagged[0], "golden", "--tag", "金句")
        settings = os.path.join(self.env["XDG_CONFIG_HOME"], "glib-2.0", "settings")
        os.makedirs(settings)
        with open(os.path.join(settings, "keyfile"), "w", encoding="utf-8") as f:
            f.write("[org/jiejian/Jiejian]\nlibrary-folders=['%s']\n" % self.speeches)
        self.env["GSETTINGS_BACKEND"] = "keyfile"
        app = self.start()

        press(KEY_CONTROL, KEY_L)
        def library_window():
            # The application's own children are its windows: no walk into
            # the reader's rows, which GTK rebinds while we would walk them.
            for i in range(app.childCount):
                window = app.getChildAtIndex(i)
                if window is not None and window.name == "Library" and window.getRoleName() == "frame":
                    return window
            return None
        library = wait_for(library_window, "the library window")
        search = wait_for(lambda: find(library, named("Search the Library", "entry"), prune=is_list),
                          "the search entry")

        def shown():
            library.clear_cache()
            found = []
            for lst in find_all(library, lambda a: a.getRoleName() == "list"):
                found += labels(lst)
            return found

        def export_label():
            button = (find(library, named("Export", "push button"), prune=is_list)
                      or find(library, named("Export", "toggle button"), prune=is_list))
            return [n for n in labels(button) if n.startswith("Export")] if button else []

        wait_for(lambda: all(any(q in l for l in shown()) for q in tagged + untagged), "the three passages")
        self.assertEqual(wait_for(export_label, "the export button's label"), ["Export 3 Passages"])

        for query in ("党建", "#党建"):
            search.queryEditableText().setTextContents(query)
            wait_for(lambda: all(any(q in l for l in shown()) for q in tagged)
                     and not any(untagged[0] in l for l in shown()),
                     "the two passages tagged 党建 for “%s”" % query)
            wait_for(lambda: export_label() == ["Export 2 Passages"], "the export label to count 2 for " + query)

        search.queryEditableText().setTextContents("没有这句话")
        no_results = "No quote, note, tag or section matches “没有这句话” with the chosen filters."
        wait_for(lambda: "No Passages Found" in labels(library) and no_results in labels(library),
                 "the no-results page")
        self.assertNotIn("No Marked Passages", labels(library))

        # Export what a tag search shows: the button says how many, the
        # toast says how many were written, the file holds them.
        search.queryEditableText().setTextContents("#党建")
        wait_for(lambda: export_label() == ["Export 2 Passages"], "the export label to count 2")
        button = (find(library, named("Export", "push button"), prune=is_list)
                  or find(library, named("Export", "toggle button"), prune=is_list))
        press_action(button)

        def menu_item():
            # The export menu is the button's popover, in the 素材库 window:
            # only that window is asked again, not the reader's rows.
            library.clear_cache()
            return find(library, lambda a: a.name == "Markdown (.md)…" and a.getRoleName() != "label",
                        prune=is_list)
        press_action(wait_for(menu_item, "the Markdown item of the export menu"))
        out = os.path.join(self.dir, "exported.md")

        # The file chooser is titled with what it exports.
        dialog = wait_for(lambda: app.clear_cache() or find(app, lambda a: a.name == "Export 2 Passages"
                                                            and a.getRoleName() != "label"
                                                            and a.getRoleName() != "push button"
                                                            and a.getRoleName() != "toggle button",
                                                            prune=is_list),
                          "the file chooser")
        entry = wait_for(lambda: find(dialog, lambda a: a.name == "Name:" and a.getRoleName() == "text"),
                         "the file chooser's name entry")
        entry.queryEditableText().setTextContents(out)
        press(KEY_RETURN)
        wait_for(lambda: os.path.exists(out), "the exported file")
        with open(out, encoding="utf-8") as f:
            exported = f.read()
        for q in tagged:
            self.assertIn(q, exported)
        self.assertNotIn(untagged[0], exported)
        wait_for(lambda: "Exported 2 passages to “exported.md”" in labels(library), "the toast with the count")
        self.assertEqual(self.app.quit(), 0)


if __name__ == "__main__":
    jjatspi.run_tests()
