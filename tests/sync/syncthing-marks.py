#!/usr/bin/python3
# syncthing-marks.py — two machines' writers marking the same speeches in a
# folder shared through real Syncthing instances, then compared.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: syncthing-marks.py CLI SPEECH... [--rounds N] [--paused-rounds N]
#                           [--adds N] [--edits N] [--deletes N] [--app JIEJIAN]
#
# Two Syncthing instances on 127.0.0.1 (own homes, API keys and ports; no
# discovery, relays, NAT or STUN) share one folder. Each "machine" has its
# own writer (jiejian-cli with its own XDG folders) adding, editing and
# deleting marks on the same speeches at the same time. Rounds run back to
# back without waiting for the folders to converge; in the paused rounds the
# link is paused while both write, then resumed. At the end the folders are
# left to converge (a writer's next save merges the conflict copies
# Syncthing made), and both machines must hold the same marks: every add and
# edit, less the deletes, with no conflict copy left; meanwhile every sidecar
# read on either side must have parsed. With --app, the second machine also
# has the app open on the first speech, marking by itself every 300 ms
# (JJ_DEBUG_AUTOMARK) while the writers and Syncthing change its marks file:
# every mark it reported saved must end on both machines too.
#
# Exits 0 when all holds, 1 when not, 77 when Syncthing is not installed.

import argparse
import hashlib
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import xml.etree.ElementTree as ET

FOLDER_ID = 'speeches'


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


class Machine:
    def __init__(self, root, name, cli):
        self.name = name
        self.cli = cli
        self.home = os.path.join(root, name, 'syncthing')
        self.folder = os.path.join(root, name, 'speeches')
        self.xdg = os.path.join(root, name, 'xdg')
        self.gui_port = free_port()
        self.listen_port = free_port()
        self.api_key = hashlib.sha256(os.urandom(16)).hexdigest()[:32]
        os.makedirs(self.folder)
        os.makedirs(self.xdg)
        subprocess.run(['syncthing', 'generate', '--home', self.home, '--no-default-folder',
                        '--skip-port-probing'], check=True, stdout=subprocess.DEVNULL)
        self.device_id = subprocess.run(['syncthing', 'serve', '--home', self.home, '--device-id'],
                                        check=True, capture_output=True, text=True).stdout.strip()
        self.process = None
        self.env = dict(os.environ,
                        XDG_CONFIG_HOME=os.path.join(self.xdg, 'config'),
                        XDG_CACHE_HOME=os.path.join(self.xdg, 'cache'),
                        XDG_DATA_HOME=os.path.join(self.xdg, 'data'),
                        LC_ALL='C.UTF-8')

    def configure(self, other):
        path = os.path.join(self.home, 'config.xml')
        tree = ET.parse(path)
        root = tree.getroot()
        for folder in root.findall('folder'):
            root.remove(folder)
        for device in root.findall('device'):
            root.remove(device)
        gui = root.find('gui')
        gui.set('enabled', 'true')
        gui.find('address').text = '127.0.0.1:%d' % self.gui_port
        key = gui.find('apikey')
        if key is None:
            key = ET.SubElement(gui, 'apikey')
        key.text = self.api_key
        options = root.find('options')
        settings = {
            'listenAddress': 'tcp://127.0.0.1:%d' % self.listen_port,
            'globalAnnounceEnabled': 'false', 'localAnnounceEnabled': 'false',
            'relaysEnabled': 'false', 'natEnabled': 'false', 'urAccepted': '-1',
            'autoUpgradeIntervalH': '0', 'crashReportingEnabled': 'false',
            'startBrowser': 'false', 'stunKeepaliveStartS': '0', 'stunKeepaliveMinS': '0',
            'announceLANAddresses': 'false', 'setLowPriority': 'false',
        }
        for name, value in settings.items():
            for old in options.findall(name):
                options.remove(old)
            ET.SubElement(options, name).text = value
        tree.write(path, encoding='utf-8', xml_declaration=False)

    def start(self):
        log = open(os.path.join(self.home, 'log.txt'), 'w')
        self.process = subprocess.Popen(
            ['syncthing', 'serve', '--home', self.home, '--no-browser', '--no-restart',
             '--no-upgrade'],
            stdout=log, stderr=subprocess.STDOUT,
            env=dict(os.environ, STNODEFAULTFOLDER='1', STNOUPGRADE='1', STNORESTART='1'))
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                self.get('/rest/system/ping')
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError('%s: Syncthing did not answer on 127.0.0.1:%d' % (self.name, self.gui_port))

    def share(self, other):
        """The other machine and the folder, with Syncthing's own defaults
        for everything not set here (as the GUI would add them)."""
        for device in (self, other):
            config = self.get('/rest/config/defaults/device')
            config.update(deviceID=device.device_id, name=device.name,
                          addresses=['tcp://127.0.0.1:%d' % device.listen_port],
                          autoAcceptFolders=False)
            self.request('PUT', '/rest/config/devices/' + device.device_id, config)
        config = self.get('/rest/config/defaults/folder')
        config.update(id=FOLDER_ID, label=FOLDER_ID, path=self.folder, type='sendreceive',
                      rescanIntervalS=5, fsWatcherEnabled=True, fsWatcherDelayS=1,
                      devices=[{'deviceID': d.device_id} for d in (self, other)])
        self.request('PUT', '/rest/config/folders/' + FOLDER_ID, config)

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def request(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request('http://127.0.0.1:%d%s' % (self.gui_port, path), method=method,
                                         data=data, headers={'X-API-Key': self.api_key,
                                                             'Content-Type': 'application/json'})
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def get(self, path):
        return self.request('GET', path)

    def post(self, path):
        return self.request('POST', path)

    def run(self, *args):
        result = subprocess.run([self.cli] + list(args), capture_output=True, text=True, env=self.env)
        return result

    def marks(self, speech):
        result = self.run('marks', os.path.join(self.folder, speech), '--format', 'json')
        if result.returncode != 0:
            raise RuntimeError('%s: marks %s failed: %s' % (self.name, speech, result.stderr))
        return {m['id']: m for m in json.loads(result.stdout)}


class App:
    """The real app on one machine, marking by itself."""

    def __init__(self, binary, machine, speech):
        self.machine = machine
        settings = os.path.join(machine.xdg, 'config', 'glib-2.0', 'settings')
        os.makedirs(settings, exist_ok=True)
        with open(os.path.join(settings, 'keyfile'), 'w') as f:
            f.write("[org/jiejian/Jiejian]\nsave-delay=uint32 300\nauthor='%s-app'\n" % machine.name)
        self.log_path = os.path.join(machine.xdg, 'app.log')
        env = dict(machine.env, GSETTINGS_BACKEND='keyfile', G_MESSAGES_DEBUG='Jiejian',
                   JJ_DEBUG_AUTOMARK='300', GTK_A11Y='none', HOME=machine.xdg,
                   XDG_STATE_HOME=os.path.join(machine.xdg, 'state'))
        self.log = open(self.log_path, 'w')
        self.process = subprocess.Popen([binary, os.path.join(machine.folder, speech)],
                                        stdout=self.log, stderr=subprocess.STDOUT, env=env)

    def stop(self):
        # As a user closing it: the window saves what is pending.
        self.process.terminate()
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()

    def saved_ids(self):
        """Every mark the app said it saved (G_MESSAGES_DEBUG=Jiejian)."""
        ids = set()
        with open(self.log_path, encoding='utf-8', errors='replace') as f:
            for line in f:
                if 'Saved marks: ' in line:
                    ids.update(line.split('Saved marks: ', 1)[1].split(':', 1)[1].split())
        return ids


def folder_state(folder):
    state = {}
    for name in sorted(os.listdir(folder)):
        if name.startswith('.st') or name.startswith('~syncthing~') or name.startswith('.syncthing.'):
            continue
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            with open(path, 'rb') as f:
                state[name] = hashlib.sha256(f.read()).hexdigest()
    return state


def conflict_copies(machine):
    # Syncthing's own temporary files (.syncthing.NAME.tmp) of a download it
    # gave up are its business: it removes them after a day.
    return [name for name in os.listdir(machine.folder)
            if 'sync-conflict' in name and not name.startswith(('.syncthing.', '~syncthing~'))]


def converged(a, b):
    for m, other in ((a, b), (b, a)):
        status = m.get('/rest/db/status?folder=' + FOLDER_ID)
        if status['state'] != 'idle' or status['needTotalItems'] != 0:
            return False
        completion = m.get('/rest/db/completion?folder=%s&device=%s' % (FOLDER_ID, other.device_id))
        if completion['completion'] < 100:
            return False
    return folder_state(a.folder) == folder_state(b.folder)


def wait_converged(a, b, timeout):
    start = time.time()
    stable = 0
    while time.time() - start < timeout:
        if converged(a, b):
            stable += 1
            if stable >= 3:
                return time.time() - start
        else:
            stable = 0
        time.sleep(0.5)
    return None


class Monitor(threading.Thread):
    """Parses every sidecar of the folders over and over."""

    def __init__(self, folders):
        super().__init__(daemon=True)
        self.folders = folders
        self.reads = 0
        self.failures = []
        self.stopping = False

    def run(self):
        while not self.stopping:
            for folder in self.folders:
                for name in os.listdir(folder):
                    if not name.endswith('.jiejian.xml'):
                        continue
                    try:
                        with open(os.path.join(folder, name), 'rb') as f:
                            data = f.read()
                    except (FileNotFoundError, IsADirectoryError):
                        continue
                    self.reads += 1
                    try:
                        ET.fromstring(data)
                    except ET.ParseError as e:
                        self.failures.append('%s: %s' % (name, e))
            time.sleep(0.02)


class Writer(threading.Thread):
    """One machine's round: adds, then edits and deletes of marks it sees."""

    def __init__(self, machine, speeches, lengths, ledger, lock, rng, counts, edit_class, delete_class, round_no):
        super().__init__()
        self.machine = machine
        self.speeches = speeches
        self.lengths = lengths
        self.ledger = ledger
        self.lock = lock
        self.rng = rng
        self.adds, self.edits, self.deletes = counts
        self.edit_class = edit_class
        self.delete_class = delete_class
        self.round_no = round_no
        self.errors = []

    def run(self):
        m = self.machine
        for i in range(self.adds):
            speech = self.speeches[i % len(self.speeches)]
            start = self.rng.randrange(0, self.lengths[speech] - 80)
            end = start + self.rng.randrange(8, 60)
            r = m.run('mark', os.path.join(m.folder, speech), '--start', str(start), '--end', str(end),
                      '--kind', 'borrow', '--author', m.name)
            if r.returncode != 0:
                self.errors.append('mark: ' + r.stderr.strip())
                continue
            with self.lock:
                self.ledger['added'][r.stdout.strip()] = (m.name, speech)

        # What this machine sees now: its own marks and what has come in.
        seen = []
        for speech in self.speeches:
            for mark_id in m.marks(speech):
                seen.append((mark_id, speech))
        self.rng.shuffle(seen)

        def mark_class(mark_id):
            return int(hashlib.sha256(mark_id.encode()).hexdigest(), 16) % 4

        editable = [(i, s) for i, s in seen if mark_class(i) == self.edit_class]
        with self.lock:
            deletable = [(i, s) for i, s in seen
                         if mark_class(i) == self.delete_class and self.ledger['added'].get(i, (None,))[0] == m.name]
        for mark_id, speech in editable[:self.edits]:
            note = '%s 第%d轮 %s' % (m.name, self.round_no, mark_id[:8])
            r = m.run('edit', os.path.join(m.folder, speech), mark_id, '--note', note, '--author', m.name)
            if r.returncode != 0:
                self.errors.append('edit: ' + r.stderr.strip())
                continue
            with self.lock:
                self.ledger['notes'][mark_id] = note
        for mark_id, speech in deletable[:self.deletes]:
            r = m.run('edit', os.path.join(m.folder, speech), mark_id, '--delete')
            if r.returncode != 0:
                self.errors.append('delete: ' + r.stderr.strip())
                continue
            with self.lock:
                self.ledger['deleted'].add(mark_id)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('cli')
    parser.add_argument('speeches', nargs='+')
    parser.add_argument('--rounds', type=int, default=10)
    parser.add_argument('--paused-rounds', type=int, default=3)
    parser.add_argument('--adds', type=int, default=100)
    parser.add_argument('--edits', type=int, default=30)
    parser.add_argument('--deletes', type=int, default=20)
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--app', help='the jiejian app, to run on the second machine too')
    args = parser.parse_args()

    if shutil.which('syncthing') is None:
        print('1..0 # SKIP Syncthing is not installed (apt-get install syncthing)')
        return 77

    root = tempfile.mkdtemp(prefix='jj-sync-')
    a = Machine(root, 'A', args.cli)
    b = Machine(root, 'B', args.cli)
    a.configure(b)
    b.configure(a)
    speeches = []
    lengths = {}
    for path in args.speeches:
        name = os.path.basename(path)
        shutil.copy(path, os.path.join(a.folder, name))
        speeches.append(name)
        text = subprocess.run([args.cli, 'text', path], capture_output=True, text=True, check=True).stdout
        lengths[name] = len(text.rstrip('\n'))

    monitor = Monitor([a.folder, b.folder])
    ok = True
    try:
        a.start()
        b.start()
        a.share(b)
        b.share(a)
        t = wait_converged(a, b, 120)
        if t is None:
            print('not ok: the speeches did not reach the second machine')
            return 1
        print('# speeches shared in %.1f s' % t)
        monitor.start()
        app = None
        if args.app and (os.environ.get('DISPLAY') or os.environ.get('WAYLAND_DISPLAY')):
            app = App(args.app, b, speeches[0])
            print('# the app marks %s on B by itself' % speeches[0])
        elif args.app:
            print('# no display: the app is left out')

        ledger = {'added': {}, 'notes': {}, 'deleted': set()}
        lock = threading.Lock()
        max_conflicts = 0
        started = time.time()
        paused_rounds = set(range(args.rounds - args.paused_rounds, args.rounds))
        for round_no in range(args.rounds):
            paused = round_no in paused_rounds
            if paused:
                a.post('/rest/system/pause?device=' + b.device_id)
                b.post('/rest/system/pause?device=' + a.device_id)
            writers = [
                Writer(a, speeches, lengths, ledger, lock, random.Random(args.seed * 1000 + round_no * 2),
                       (args.adds, args.edits, args.deletes), 0, 1, round_no),
                Writer(b, speeches, lengths, ledger, lock, random.Random(args.seed * 1000 + round_no * 2 + 1),
                       (args.adds, args.edits, args.deletes), 2, 3, round_no),
            ]
            round_start = time.time()
            for w in writers:
                w.start()
            for w in writers:
                w.join()
            for w in writers:
                for e in w.errors:
                    print('not ok: round %d, %s: %s' % (round_no, w.machine.name, e))
                    ok = False
            if paused:
                a.post('/rest/system/resume?device=' + b.device_id)
                b.post('/rest/system/resume?device=' + a.device_id)
            max_conflicts = max(max_conflicts, len(conflict_copies(a)) + len(conflict_copies(b)))
            print('# round %d%s: %.1f s' % (round_no + 1, ' (link paused)' if paused else '', time.time() - round_start))

        app_ids = set()
        if app is not None:
            app.stop()
            app_ids = app.saved_ids()
            print('# the app saved %d marks of its own' % len({i for i in app_ids if i not in ledger['added']}))

        # Let the folders converge; a writer's next save merges the
        # conflict copies Syncthing made, and that change converges too.
        settle_start = time.time()
        expected_live = {i for i in ledger['added'] if i not in ledger['deleted']}
        expected_live |= {i for i in app_ids if i not in ledger['deleted'] and i not in ledger['added']}
        for attempt in range(12):
            t = wait_converged(a, b, 180)
            if t is None:
                print('not ok: the folders did not converge')
                ok = False
                break
            copies = conflict_copies(a) + conflict_copies(b)
            max_conflicts = max(max_conflicts, len(copies))
            if not copies:
                break
            for m in (a, b):
                for speech in speeches:
                    r = m.run('marks', os.path.join(m.folder, speech), '--check')
                    if r.returncode != 0:
                        print('not ok: %s: marks --check %s: %s' % (m.name, speech, r.stderr.strip()))
                        ok = False
        settle = time.time() - settle_start
        monitor.stopping = True
        monitor.join()

        copies = conflict_copies(a) + conflict_copies(b)
        if copies:
            print('not ok: conflict copies left: %s' % copies)
            ok = False
        actual = {}
        for m in (a, b):
            live = {}
            for speech in speeches:
                live.update(m.marks(speech))
            actual[m.name] = live
        for name, live in actual.items():
            missing = expected_live - set(live)
            # The app may save a last mark as it is stopped, before it says so.
            extra = {i for i in set(live) - expected_live if not str(live[i].get('author')).endswith('-app')}
            wrong_notes = [i for i, note in ledger['notes'].items()
                           if i in live and live[i].get('note') != note]
            wrong_authors = [i for i in live if i in ledger['added'] and i not in ledger['notes']
                             and live[i].get('author') != ledger['added'][i][0]]
            print('# %s: %d marks, %d missing, %d not expected, %d with another note, %d with another author'
                  % (name, len(live), len(missing), len(extra), len(wrong_notes), len(wrong_authors)))
            if missing or extra or wrong_notes or wrong_authors:
                ok = False
                print('not ok: %s differs from the writers\' ledger: missing %s, extra %s, notes %s'
                      % (name, sorted(missing)[:5], sorted(extra)[:5], wrong_notes[:5]))
        if set(actual['A']) != set(actual['B']):
            ok = False
            print('not ok: the machines hold different marks')
        if monitor.failures:
            ok = False
            print('not ok: %d sidecar reads did not parse: %s' % (len(monitor.failures), monitor.failures[:3]))

        print('# %d adds, %d edits, %d deletes over %d rounds (%d with the link paused) in %.1f s'
              % (len(ledger['added']), len(ledger['notes']), len(ledger['deleted']), args.rounds,
                 len(paused_rounds), time.time() - started))
        print('# converged %.1f s after the last round; conflict copies at most %d at once; '
              '%d sidecar reads, %d unreadable' % (settle, max_conflicts, monitor.reads, len(monitor.failures)))
    finally:
        monitor.stopping = True
        a.stop()
        b.stop()
        if ok:
            shutil.rmtree(root, ignore_errors=True)
        else:
            print('# kept for inspection: %s' % root)

    print('ok' if ok else 'not ok')
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
