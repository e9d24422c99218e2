# Helpers to drive the running app over AT-SPI.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import faulthandler
import os
import subprocess
import time

import pyatspi
from gi.repository import GLib

# Where a crash in libatspi happens, in the test log.
faulthandler.enable()

# X keycodes on Xvfb's default keymap
KEY_CONTROL = 37
KEY_RETURN = 36
KEY_F = 41
KEY_Q = 24
KEY_1 = 10
KEY_SHIFT = 50
KEY_M = 58


class Timeout(AssertionError):
    pass


def pump():
    """Let libatspi handle what the bus sent (new applications, changes)."""
    context = GLib.MainContext.default()
    while context.pending():
        context.iteration(False)


def wait_for(predicate, what, timeout=30.0):
    deadline = time.monotonic() + timeout
    while True:
        pump()
        try:
            value = predicate()
        except Exception as e:  # the tree changes under our feet
            if os.environ.get("JJ_E2E_DEBUG"):
                print("wait_for:", repr(e))
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            raise Timeout("timed out waiting for " + what)
        time.sleep(0.1)


def find_all(root, predicate, limit=10000, prune=None):
    """Accessibles below root that predicate accepts; prune(acc) true keeps
    the walk out of acc's children (lists whose rows GTK rebinds while we
    walk them, which can crash libatspi)."""
    found = []
    stack = [root]
    while stack and len(found) < limit:
        acc = stack.pop()
        if acc is None:
            continue
        try:
            if predicate(acc):
                found.append(acc)
            if prune is not None and acc is not root and prune(acc):
                continue
            n = acc.childCount
        except Exception:
            continue
        for i in reversed(range(n)):
            stack.append(acc.getChildAtIndex(i))
    return found


def is_list(acc):
    return acc.getRoleName() in ("list", "list box", "tree table", "table")


def find(root, predicate, prune=None):
    found = find_all(root, predicate, limit=1, prune=prune)
    return found[0] if found else None


def named(name, role=None):
    def predicate(acc):
        return acc.name == name and (role is None or acc.getRoleName() == role)
    return predicate


def labels(acc):
    return [a.name for a in find_all(acc, lambda a: a.getRoleName() == "label")]


def press(*keycodes):
    """Press keys together: modifiers first, released in reverse order."""
    for code in keycodes[:-1]:
        pyatspi.Registry.generateKeyboardEvent(code, None, pyatspi.KEY_PRESS)
    pyatspi.Registry.generateKeyboardEvent(keycodes[-1], None, pyatspi.KEY_PRESSRELEASE)
    for code in reversed(keycodes[:-1]):
        pyatspi.Registry.generateKeyboardEvent(code, None, pyatspi.KEY_RELEASE)
    time.sleep(0.2)


_display = None


def hold_display():
    """Keeps a connection to the X server for the whole test: Xvfb resets
    when its last client leaves (the accessibility bus's launcher, at
    first), and an app started then cannot open the display."""
    global _display
    import ctypes
    import ctypes.util
    if _display is not None:
        return
    try:
        xlib = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
    except OSError:
        return
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    deadline = time.monotonic() + 20
    while not _display:
        _display = xlib.XOpenDisplay(None)
        if not _display and time.monotonic() > deadline:
            raise AssertionError("the display %s does not answer" % os.environ["DISPLAY"])
        time.sleep(0.1)


def _die_with_parent():
    import ctypes
    import signal
    PR_SET_PDEATHSIG = 1
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


class App:
    """The jiejian binary, started on a file, found on the accessibility bus."""

    def __init__(self, binary, path, env):
        # The app dies with the test: one left running after a crash in
        # libatspi holds the test's output open, and meson waits for it.
        hold_display()
        self.proc = subprocess.Popen([binary, path], env=env, preexec_fn=_die_with_parent)
        try:
            self.app = wait_for(self._find_app, "the application on the accessibility bus", 60)
        except Timeout:
            desktop = pyatspi.Registry.getDesktop(0)
            seen = [(a.name, a.get_process_id()) for a in desktop if a is not None]
            raise Timeout("the application (pid %d, %s) is not on the accessibility bus; there are %r"
                          % (self.proc.pid, "running" if self.proc.poll() is None else
                             "exited with %s" % self.proc.returncode, seen))

    def _find_app(self):
        desktop = pyatspi.Registry.getDesktop(0)
        # Without a running main loop the desktop's children are not
        # updated by events: ask again each time.
        desktop.clear_cache()
        for app in desktop:
            if app is not None and app.name == "jiejian" and app.get_process_id() == self.proc.pid:
                return app
        return None

    def window(self, title):
        return wait_for(lambda: find(self.app, named(title, "frame")), "window “%s”" % title)

    def quit(self):
        press(KEY_CONTROL, KEY_Q)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise AssertionError("the application did not quit on Ctrl+Q")
        return self.proc.returncode


def app_env(builddir):
    env = dict(os.environ)
    env.pop("NO_AT_BRIDGE", None)
    env["GSETTINGS_BACKEND"] = "memory"
    env["GSETTINGS_SCHEMA_DIR"] = os.path.join(builddir, "data")
    return env


def run_tests():
    """unittest.main(), but a run where every test skipped exits 77, so
    meson reports SKIP rather than a pass that tested nothing."""
    import sys
    import unittest

    program = unittest.main(verbosity=2, exit=False)
    result = program.result
    if not result.wasSuccessful():
        sys.exit(1)
    if result.testsRun > 0 and len(result.skipped) == result.testsRun:
        sys.exit(77)
    sys.exit(0)
