#!/usr/bin/python3
# End to end: `jiejian FILE.jiejian-draft.xml` opens the draft board, and
# its keys, pressed on the real keyboard, move, add and undo cards.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import pyatspi  # noqa: E402

import jjatspi  # noqa: E402
from jjatspi import (App, KEY_CONTROL, KEY_RETURN, KEY_SHIFT, Timeout,  # noqa: E402
                     app_env, find_all, press, wait_for)

BUILDDIR = os.environ.get("JJ_BUILD_ROOT", os.path.join(os.path.dirname(__file__), "..", "..", "_build"))
BINARY = os.path.join(BUILDDIR, "src", "app", "jiejian")
CLI = os.path.join(BUILDDIR, "src", "cli", "jiejian-cli")

# X keycodes on Xvfb's default keymap
KEY_ALT = 64
KEY_UP = 111
KEY_Z = 52
KEY_T = 28
KEY_F10 = 76
KEY_D = 40
KEY_F = 41
KEY_DOWN = 116
KEY_E = 26

TITLE = "端到端测试讲话"
FIRST = "第一张卡片的文字。"
SECOND = "第二张卡片的文字。"


def start_app(path, env):
    """The app on @path. Under meson, the first start in a fresh Xvfb now
    and then fails with "cannot open display" and status 1, before any of
    our code runs; that start alone is tried again."""
    try:
        return App(BINARY, path, env)
    except Timeout as e:
        if "exited with 1" not in str(e):
            raise
        print("the app could not start, once:", e, file=sys.stderr)
        return App(BINARY, path, env)


def own_cards(app):
    return find_all(app, lambda a: a.name == "Own text" and a.getRoleName() == "text")


def click(acc):
    """A click on the first line of @acc. Without a window manager the
    window sits at the top left corner of the screen, so window
    coordinates are the screen's (GTK 4.8 gives no height for a text)."""
    x, y, w, h = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    pyatspi.Registry.generateMouseEvent(x + w // 2, y + max(h // 2, 8), "b1c")
    time.sleep(0.3)


def text_of(acc):
    t = acc.queryText()
    return t.getText(0, t.characterCount)


class DraftBoardTest(unittest.TestCase):
    def setUp(self):
        if not os.environ.get("DISPLAY"):
            self.skipTest("no display")
        self.dir = tempfile.mkdtemp(prefix="jj-e2e-draft-")
        self.path = os.path.join(self.dir, "草稿" + ".jiejian-draft.xml")
        self.env = app_env(BUILDDIR)
        self.env["XDG_DATA_HOME"] = os.path.join(self.dir, "data")
        self.env["XDG_STATE_HOME"] = os.path.join(self.dir, "state")
        self.env["XDG_CACHE_HOME"] = os.path.join(self.dir, "cache")
        subprocess.run([CLI, "draft", "new", self.path, "--title", TITLE], env=self.env, check=True)
        for text in (FIRST, SECOND):
            subprocess.run([CLI, "draft", "add", self.path, "--section", "2", "--text", text],
                           env=self.env, check=True)
        self.app = None

    def tearDown(self):
        if self.app is not None and self.app.proc.poll() is None:
            self.app.proc.kill()
            self.app.proc.wait()
        shutil.rmtree(self.dir, ignore_errors=True)

    def saved_order(self):
        with open(self.path, encoding="utf-8") as f:
            content = f.read()
        positions = [content.find(FIRST), content.find(SECOND)]
        return positions if min(positions) >= 0 else None

    def test_move_add_undo(self):
        self.app = start_app(self.path, self.env)
        self.app.window(TITLE)
        app = self.app.app

        cards = wait_for(lambda: own_cards(app) if len(own_cards(app)) == 2 else None, "the two cards")
        self.assertEqual([text_of(c) for c in cards], [FIRST, SECOND])

        # Alt+Up on the second card moves it first; the board saves by itself.
        click(cards[1])
        press(KEY_ALT, KEY_UP)
        wait_for(lambda: [text_of(c) for c in own_cards(app)] == [SECOND, FIRST], "the card to move up")
        wait_for(lambda: (lambda p: p and p[1] < p[0])(self.saved_order()), "the new order on disk")

        # Ctrl+Return in a card's text adds a card after it, not a new line.
        card = own_cards(app)[0]
        click(card)
        press(KEY_CONTROL, KEY_RETURN)
        wait_for(lambda: len(own_cards(app)) == 3, "a new card")
        self.assertEqual([text_of(c) for c in own_cards(app)], [SECOND, "", FIRST])

        # Ctrl+Z twice: the new card goes, then the move is undone.
        press(KEY_CONTROL, KEY_Z)
        wait_for(lambda: len(own_cards(app)) == 2, "the new card to be undone")
        press(KEY_CONTROL, KEY_Z)
        wait_for(lambda: [text_of(c) for c in own_cards(app)] == [FIRST, SECOND], "the move to be undone")
        press(KEY_CONTROL, KEY_SHIFT, KEY_Z)
        wait_for(lambda: [text_of(c) for c in own_cards(app)] == [SECOND, FIRST], "the move to be redone")

        # Quitting saves what the timer had not saved yet.
        self.assertEqual(self.app.quit(), 0)
        order = self.saved_order()
        self.assertTrue(order and order[1] < order[0], order)

    def test_drag(self):
        self.app = start_app(self.path, self.env)
        self.app.window(TITLE)
        app = self.app.app
        cards = wait_for(lambda: own_cards(app) if len(own_cards(app)) == 2 else None, "the two cards")

        # Drag the second card by its handle, left of its text, onto the
        # upper half of the first.
        x0, y0, w0, h0 = cards[0].queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        x1, y1, w1, h1 = cards[1].queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        start = (x1 - 12, y1 + 8)
        end = (x0 + 40, y0 + 2)
        pyatspi.Registry.generateMouseEvent(start[0], start[1], "abs")
        time.sleep(0.2)
        pyatspi.Registry.generateMouseEvent(start[0], start[1], "b1p")
        time.sleep(0.2)
        for i in range(1, 11):
            pyatspi.Registry.generateMouseEvent(start[0] + (end[0] - start[0]) * i // 10,
                                                start[1] + (end[1] - start[1]) * i // 10, "abs")
            time.sleep(0.05)
        time.sleep(0.3)
        pyatspi.Registry.generateMouseEvent(end[0], end[1], "b1r")
        wait_for(lambda: [text_of(c) for c in own_cards(app)] == [SECOND, FIRST], "the card dragged up")
        self.assertEqual(self.app.quit(), 0)
        order = self.saved_order()
        self.assertTrue(order and order[1] < order[0], order)

    def test_damaged_draft(self):
        with open(self.path, "w", encoding="utf-8") as f:
            f.write("<draft><title>未写完")
        self.app = start_app(self.path, self.env)
        app = self.app.app
        wait_for(lambda: find_all(app, lambda a: a.name == "The draft could not be opened"),
                 "a message that the draft could not be opened")
        self.assertEqual(self.app.quit(), 0)
        with open(self.path, encoding="utf-8") as f:
            self.assertEqual(f.read(), "<draft><title>未写完")

    def test_new_draft_from_outline(self):
        speech = os.path.join(self.dir, "讲话.txt")
        with open(speech, "w", encoding="utf-8") as f:
            f.write("关于推进社区治理工作的讲话\n\n同志们：\n\n今天召开这次会议，部署下一步工作。\n\n"
                    "一、提高思想认识\n\n社区是城市治理的基本单元。\n\n"
                    "二、突出工作重点\n\n要把解决群众急难愁盼问题作为出发点。\n")
        self.app = start_app(speech, self.env)
        self.app.window("关于推进社区治理工作的讲话")
        app = self.app.app

        def headings():
            return [text_of(a) for a in find_all(app, lambda a: a.name == "Heading" and a.getRoleName() == "text")]

        # The main menu (F10), then its item by its mnemonic.
        press(KEY_F10)
        wait_for(lambda: find_all(app, lambda a: a.name == "New Draft from This Outline"), "the menu item")
        press(KEY_T)
        board = wait_for(lambda: headings(), "the draft board")
        self.assertEqual(board, ["同志们：", "一、提高思想认识", "二、突出工作重点"])
        title = wait_for(lambda: find_all(app, lambda a: a.name == "Title of the speech"), "the title entry")[0]
        self.assertEqual(text_of(title), "关于推进社区治理工作的讲话")
        self.assertEqual(self.app.quit(), 0)

    def test_open_source(self):
        speech = os.path.join(self.dir, "讲话.txt")
        with open(speech, "w", encoding="utf-8") as f:
            f.write("关于推进社区治理工作的讲话\n\n同志们：\n\n一、提高思想认识\n\n"
                    "社区是城市治理的基本单元，做好社区工作关系群众切身利益。\n")
        with open(speech, encoding="utf-8") as f:
            text = f.read()
        # Offsets count in the display text, one line break between paragraphs.
        start = text.replace("\n\n", "\n").index("社区是城市治理")
        mark = subprocess.run([CLI, "mark", speech, "--start", str(start), "--end", str(start + 12),
                               "--kind", "golden"], env=self.env, check=True,
                              capture_output=True, text=True).stdout.strip()
        subprocess.run([CLI, "draft", "add", self.path, "--section", "3", "--mark", speech + ":" + mark],
                       env=self.env, check=True)

        self.app = start_app(self.path, self.env)
        self.app.window(TITLE)
        app = self.app.app
        borrowed = wait_for(lambda: find_all(app, lambda a: a.name == "Borrowed passage"), "the borrowed card")
        self.assertEqual(text_of(borrowed[0]), "社区是城市治理的基本单元")

        # Its button opens the speech in the reader, the passage selected.
        button = wait_for(lambda: find_all(app, lambda a: a.name == "Open Source" and a.getRoleName() == "push button"),
                          "the button that opens the source")[0]
        button.queryAction().doAction(0)
        self.app.window("关于推进社区治理工作的讲话")

        def selected(passage="社区是城市治理的基本单元"):
            for doc in find_all(app, lambda a: a.name == "Document" and a.getRoleName() == "text"):
                t = doc.queryText()
                for i in range(t.getNSelections()):
                    s, e = t.getSelection(i)
                    if t.getText(s, e) == passage:
                        return True
            return False
        wait_for(lambda: selected(), "the passage selected in the reader")

        def borrowed_texts():
            return [text_of(a) for a in find_all(app, lambda a: a.name == "Borrowed passage")]

        def send_to_draft(*keys):
            """The chooser of Send to Draft: the keys choose the heading, Return sends."""
            wait_for(lambda: find_all(app, lambda a: a.name == "Send to Draft" and a.getRoleName() in ("frame", "dialog", "filler")),
                     "the Send to Draft chooser")
            time.sleep(0.3)
            for key in keys:
                press(key)
                time.sleep(0.2)
            press(KEY_RETURN)
            wait_for(lambda: not find_all(app, lambda a: a.name == "Send to Draft" and a.getRoleName() in ("frame", "dialog", "filler")),
                     "the chooser to close")

        # Ctrl+D in the reader sends the marked selection to the board, under
        # the heading the chooser offers first…
        press(KEY_CONTROL, KEY_D)
        send_to_draft()
        wait_for(lambda: len(borrowed_texts()) == 2, "the marked passage sent from the reader")

        # …and marks a selection not yet marked as 借鉴 first.
        press(KEY_CONTROL, KEY_F)
        entry = wait_for(lambda: find_all(app, lambda a: a.name == "Find" and a.getRoleName() == "entry"),
                         "the find entry")[0]
        entry.queryEditableText().setTextContents("做好社区工作")
        wait_for(lambda: "1 match" in [a.name for a in find_all(app, lambda a: a.getRoleName() == "label")],
                 "the match count")
        press(KEY_RETURN)
        wait_for(lambda: selected("做好社区工作"), "the match to be selected")
        press(KEY_CONTROL, KEY_D)
        send_to_draft()
        wait_for(lambda: "做好社区工作" in borrowed_texts(), "the new mark sent from the reader")
        with open(speech + ".jiejian.xml", encoding="utf-8") as f:
            self.assertIn('kind="borrow"', f.read())

        # Send to Draft (app.send-to-draft, here over D-Bus as a script
        # would): the chooser starts on the heading the board is at (一、,
        # where the last passage went); Down twice chooses 三、.
        subprocess.run(["gdbus", "call", "--session", "--dest", "org.jiejian.Jiejian",
                        "--object-path", "/org/jiejian/Jiejian", "--method", "org.gtk.Actions.Activate",
                        "send-to-draft", "[<('%s', '%s')>]" % (speech, mark), "{}"],
                       env=self.env, check=True, stdout=subprocess.DEVNULL)
        send_to_draft(KEY_DOWN, KEY_DOWN)
        wait_for(lambda: len(borrowed_texts()) == 4, "the passage sent to the draft")
        self.assertEqual(self.app.quit(), 0)
        with open(self.path, encoding="utf-8") as f:
            saved = f.read()
        self.assertEqual(saved.count('mark="%s"' % mark), 3)
        # By heading, the marks of the cards under it.
        ns = {"d": "https://jiejian.org/ns/draft/1"}
        root = ET.fromstring(saved)
        under = {s.find("d:heading", ns).text: [c.find("d:source", ns).get("mark") if c.find("d:source", ns) is not None
                                                else None for c in s.findall("d:card", ns)]
                 for s in root.findall("d:section", ns)}
        self.assertEqual(under["三、"], [mark])
        self.assertEqual(len(under["一、"]), 4)
        self.assertEqual(under["二、"], [mark])

    def test_reuse_from_board(self):
        # A speech read in the app is in the library; the draft borrowed a
        # passage of it and adds text of its own.
        speech = os.path.join(self.dir, "讲话.txt")
        passage = "社区是城市治理的基本单元，做好社区工作关系群众切身利益"
        with open(speech, "w", encoding="utf-8") as f:
            f.write("关于推进社区治理工作的讲话\n\n同志们：\n\n一、提高思想认识\n\n" + passage + "。\n")
        with open(speech, encoding="utf-8") as f:
            start = f.read().replace("\n\n", "\n").index(passage)
        mark = subprocess.run([CLI, "mark", speech, "--start", str(start), "--end", str(start + len(passage)),
                               "--kind", "golden"], env=self.env, check=True,
                              capture_output=True, text=True).stdout.strip()
        subprocess.run([CLI, "draft", "add", self.path, "--section", "3", "--mark", speech + ":" + mark],
                       env=self.env, check=True)

        self.app = start_app(speech, self.env)
        self.app.window("关于推进社区治理工作的讲话")
        app = self.app.app
        # The draft, opened as a file manager would, comes up on its board.
        subprocess.run([BINARY, self.path], env=self.env, check=True, timeout=30)
        self.app.window(TITLE)
        wait_for(lambda: find_all(app, lambda a: a.name == "Borrowed passage"), "the borrowed card")
        time.sleep(0.5)

        # The board's menu (F10), then Check Reuse by its mnemonic.
        press(KEY_F10)
        wait_for(lambda: find_all(app, lambda a: a.name == "Check Reuse…"), "the menu item")
        press(KEY_E)
        self.app.window("Check Reuse: " + TITLE)

        def total():
            for a in find_all(app, lambda a: a.getRoleName() == "label" and a.name.startswith("In all: ")):
                return a.name
            return None
        share = wait_for(total, "the share of the draft taken from the library")
        percent = float(share[len("In all: "):].split("%")[0])
        print("reuse check from the board:", share, file=sys.stderr)
        # The passage's 25 characters are a little under half of the draft's
        # (its title, headings and own cards count too: 44.8% when written).
        self.assertGreater(percent, 20.0, share)
        self.assertLess(percent, 80.0, share)
        source = wait_for(lambda: find_all(app, lambda a: a.name.startswith("关于推进社区治理工作的讲话: ")),
                          "the source with its share")
        self.assertIn(share[len("In all: "):].split(" ")[0], source[0].name)

        # A click on the source's line selects the passage in the reader.
        click(source[0])

        def selected():
            for doc in find_all(app, lambda a: a.name == "Document" and a.getRoleName() == "text"):
                t = doc.queryText()
                for i in range(t.getNSelections()):
                    s, e = t.getSelection(i)
                    if t.getText(s, e) == passage:
                        return True
            return False
        wait_for(selected, "the borrowed passage selected in the reader")
        self.assertEqual(self.app.quit(), 0)


if __name__ == "__main__":
    jjatspi.run_tests()
