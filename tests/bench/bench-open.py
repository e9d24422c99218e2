#!/usr/bin/python3
# bench-open.py
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Open time, idle time, peak memory and key response of the jiejian app, for
# the sample speech, a generated 5 MB text in paragraphs, a 1 MB text with
# no line break and a 5 MB text saved from a web page (the sample's page
# repeated: traditional characters with pinyin glosses, lines of about 200
# characters, about 9,500 outline entries; make-webpage-text.py); the same
# for gnome-text-editor and foliate when they are installed, with the
# ratios. Run under Xvfb:
#
#   xvfb-run -a -s '-screen 0 1280x1024x24' /usr/bin/python3 tests/bench/bench-open.py [BUILDDIR] [RUNS] [APPS] [FILES]
#
# APPS is a comma-separated list of the apps to run (default: all found),
# FILES one of the inputs' labels (default: all). The load average is printed
# before and after: the machine may be shared.
#
# Measured from outside the process, with no help from the app:
# - mapped: from the start of the process until xdotool sees a visible window
#   of its pid (GTK maps the window when its first frame is ready);
# - idle: until its CPU time (utime+stime in /proc, 10 ms ticks) stops
#   growing for 1 s, counted at the start of that quiet second;
# - cpu: the CPU time it used until idle (utime+stime), which a loaded
#   machine stretches less than the idle time;
# - peak memory: VmHWM from /proc/PID/status once idle;
# - keys: Page Down six times, then Ctrl+End and Ctrl+Home, sent with
#   xdotool to the window; the answer time runs from before xdotool starts
#   until the CPU time stops growing (200 ms quiet), which bounds the time
#   to handle the key and draw the frame.
# GTK cursor blink and animations are off (settings.ini in a temporary
# XDG_CONFIG_HOME) so that nothing keeps the CPU busy once idle.
# Every app runs on one D-Bus session bus started for the run, as in a
# desktop session: without one, GLib spawns dbus-launch at start-up.

import importlib.util
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "_build")
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 5
ONLY = sys.argv[3].split(",") if len(sys.argv) > 3 and sys.argv[3] else None
ONLY_FILES = sys.argv[4].split(",") if len(sys.argv) > 4 else None
TICK = os.sysconf("SC_CLK_TCK")
TIMEOUT = 150.0


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def vm_hwm_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def window_of(pid):
    r = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid)],
                       capture_output=True, text=True)
    ids = r.stdout.split()
    return ids[-1] if ids else None


def wait_quiet(pid, quiet, since, timeout=TIMEOUT):
    """Time (from @since) of the last CPU activity before @quiet seconds of none."""
    last_cpu = cpu_seconds(pid)
    last_change = time.monotonic()
    while True:
        time.sleep(0.01)
        now = time.monotonic()
        cpu = cpu_seconds(pid)
        if cpu != last_cpu:
            last_cpu = cpu
            last_change = now
        elif now - last_change >= quiet:
            return last_change - since
        if now - since > timeout:
            return None


def make_files(tmp):
    files = {}
    sample = os.path.join(ROOT, "data", "samples", "civilized-city-speech.webpage.txt")
    files["sample"] = sample

    raw = os.path.join(ROOT, "tests", "data", "corpus-dev", "raw")
    paragraphs = []
    if os.path.isdir(raw):
        for name in sorted(os.listdir(raw)):
            if name.endswith(".txt"):
                with open(os.path.join(raw, name), encoding="utf-8") as f:
                    paragraphs += [p for p in f.read().split("\n") if p.strip()]
    if not paragraphs:
        with open(sample, encoding="utf-8") as f:
            paragraphs = [p for p in f.read().split("\n") if p.strip()]
    rng = random.Random(5)

    big = os.path.join(tmp, "paragraphs-5mb.txt")
    with open(big, "w", encoding="utf-8") as f:
        size = 0
        while size < 5 * 1024 * 1024:
            p = rng.choice(paragraphs) + "\n"
            f.write(p)
            size += len(p.encode("utf-8"))
    files["5 MB paragraphs"] = big

    line = os.path.join(tmp, "one-line-1mb.txt")
    with open(line, "w", encoding="utf-8") as f:
        size = 0
        while size < 1024 * 1024:
            p = rng.choice(paragraphs)
            f.write(p)
            size += len(p.encode("utf-8"))
    files["1 MB one line"] = line

    spec = importlib.util.spec_from_file_location(
        "make_webpage_text", os.path.join(os.path.dirname(os.path.abspath(__file__)), "make-webpage-text.py"))
    webpage = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(webpage)
    page = os.path.join(tmp, "webpage-5mb.txt")
    with open(page, "w", encoding="utf-8") as f:
        f.write(webpage.make(5 * 1024 * 1024))
    files["5 MB web page"] = page

    if ONLY_FILES:
        files = {k: v for k, v in files.items() if k in ONLY_FILES}
    return files


def name_has_owner(name, env):
    r = subprocess.run(["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
                        "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner", "string:" + name],
                       env=env, capture_output=True, text=True)
    return "boolean true" in r.stdout


def wait_name_released(name, env, timeout=5.0):
    """A single-instance app killed keeps its bus name until the bus notices;
    started again before that, it would hand its file to the dead one."""
    if not name or not shutil.which("dbus-send"):
        return
    deadline = time.monotonic() + timeout
    while name_has_owner(name, env) and time.monotonic() < deadline:
        time.sleep(0.01)


def measure(argv, env, keys=True, bus_name=None):
    t0 = time.monotonic()
    errors = tempfile.TemporaryFile(mode="w+")
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=errors)
    result = {"mapped": None, "idle": None, "cpu": None, "hwm": None, "keys": [], "no_display": False}
    try:
        win = None
        while time.monotonic() - t0 < TIMEOUT and proc.poll() is None:
            win = window_of(proc.pid)
            if win:
                result["mapped"] = time.monotonic() - t0
                break
            time.sleep(0.01)
        if win is None:
            return result
        result["idle"] = wait_quiet(proc.pid, 1.0, t0)
        if result["idle"] is None:
            return result
        result["cpu"] = cpu_seconds(proc.pid)
        result["hwm"] = vm_hwm_mb(proc.pid)
        if keys:
            for key in ("Next", "Next", "Next", "Next", "Next", "Next", "ctrl+End", "ctrl+Home"):
                # Counted from before xdotool starts: an upper bound, which
                # includes xdotool's own start-up (about 10 ms), since the app
                # may have answered by the time xdotool returns.
                t = time.monotonic()
                subprocess.run(["xdotool", "key", "--window", win, key], check=False)
                answered = wait_quiet(proc.pid, 0.2, t, timeout=30)
                result["keys"].append((key, answered))
        result["hwm"] = vm_hwm_mb(proc.pid)
    finally:
        exited = proc.poll() is not None and result["mapped"] is None
        proc.kill()
        proc.wait()
        errors.seek(0)
        stderr = errors.read()
        errors.close()
        if exited:
            # Xvfb now and then refuses a connection ("cannot open display"):
            # that run says nothing of the app, and is made again.
            result["no_display"] = "cannot open display" in stderr
            print(f"  {os.path.basename(argv[0])} exited with {proc.returncode} before showing a window"
                  + (": Xvfb refused the connection" if result["no_display"] else ""), flush=True)
        wait_name_released(bus_name, env)
    return result


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(v, unit="s"):
    if v is None:
        return "   —  "
    return f"{v:6.2f} {unit}" if unit == "s" else f"{v:6.0f} {unit}"


def main():
    if not os.environ.get("DISPLAY"):
        sys.exit("No display: run under xvfb-run")
    if not shutil.which("xdotool"):
        sys.exit("xdotool is needed (apt-get install xdotool)")

    tmp = tempfile.mkdtemp(prefix="jj-bench-open-")
    config = os.path.join(tmp, "config")
    os.makedirs(os.path.join(config, "gtk-4.0"))
    with open(os.path.join(config, "gtk-4.0", "settings.ini"), "w") as f:
        f.write("[Settings]\ngtk-cursor-blink=false\ngtk-enable-animations=false\n")

    env = dict(os.environ)
    env.update({
        "XDG_CONFIG_HOME": config,
        "XDG_DATA_HOME": os.path.join(tmp, "data"),
        "XDG_CACHE_HOME": os.path.join(tmp, "cache"),
        "XDG_STATE_HOME": os.path.join(tmp, "state"),
        "GSETTINGS_BACKEND": "memory",
        "GSETTINGS_SCHEMA_DIR": os.path.join(BUILD, "data"),
        "NO_AT_BRIDGE": "1",
        "GTK_A11Y": "none",
        "LC_ALL": "C.UTF-8",
    })

    bus = None
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS") and shutil.which("dbus-daemon"):
        bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                               stdout=subprocess.PIPE, text=True)
        env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().strip()

    files = make_files(tmp)
    apps = [("jiejian", lambda path: [os.path.join(BUILD, "src", "app", "jiejian"), path])]
    bus_names = {"jiejian": "org.jiejian.Jiejian"}
    if shutil.which("gnome-text-editor"):
        apps.append(("gnome-text-editor", lambda path: ["gnome-text-editor", "--standalone", path]))
    if shutil.which("foliate"):
        apps.append(("foliate", lambda path: ["foliate", path]))
    if ONLY:
        apps = [a for a in apps if a[0] in ONLY]

    print(f"{os.cpu_count()} cores; medians of {RUNS} runs; cursor blink and animations off")
    print("load average at start: " + " ".join(f"{x:.2f}" for x in os.getloadavg()), flush=True)
    table = {}
    for app, cmd in apps:
        for label, path in files.items():
            runs = []
            for _ in range(RUNS):
                # Each run opens a fresh copy, with no marks or state left over.
                copy = os.path.join(tmp, "run-" + os.path.basename(path))
                shutil.copy(path, copy)
                for _attempt in range(3):
                    run = measure(cmd(copy), env, keys=True, bus_name=bus_names.get(app))
                    if not run["no_display"]:
                        break
                runs.append(run)
                for leftover in os.listdir(tmp):
                    if leftover.startswith("run-"):
                        os.unlink(os.path.join(tmp, leftover))
            mapped = median([r["mapped"] for r in runs])
            idle = median([r["idle"] for r in runs])
            cpu = median([r["cpu"] for r in runs])
            hwm = median([r["hwm"] for r in runs])
            keys = [k for r in runs for k in r["keys"]]
            answered = [t for _, t in keys if t is not None]
            worst = max(answered) if answered else None
            within = sum(1 for t in answered if t <= 0.1)
            table[(app, label)] = (mapped, idle, hwm)
            print(f"{app:18s} {label:16s} mapped {fmt(mapped)}  idle {fmt(idle)}  cpu {fmt(cpu)}  peak {fmt(hwm, 'MB')}"
                  f"  keys answered ≤100 ms: {within}/{len(keys)} (slowest {fmt(worst)})", flush=True)
            print(f"{'':18s} {'':16s} idle per run: " +
                  " ".join(fmt(r["idle"]).strip() for r in runs), flush=True)

    for app, _ in apps[1:]:
        print(f"ratios {app} / jiejian:")
        for label in files:
            a = table.get((app, label))
            j = table.get(("jiejian", label))
            if not a or not j:
                continue
            parts = []
            for name, x, y in (("mapped", a[0], j[0]), ("idle", a[1], j[1]), ("peak memory", a[2], j[2])):
                parts.append(f"{name} {x / y:5.1f}x" if x and y else f"{name}   —")
            print(f"  {label:16s} " + ", ".join(parts))

    print("load average at end: " + " ".join(f"{x:.2f}" for x in os.getloadavg()), flush=True)
    if bus:
        bus.terminate()
        bus.wait()
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
