#!/usr/bin/env python3
# check-manpage.py: the man page and `jiejian-cli COMMAND --help` list the
# same commands and, for each command, the same options.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import re
import subprocess
import sys


def man_commands(path):
    """Returns {command: set of options} from the COMMANDS section."""
    commands = {}
    current = None
    in_commands = False
    after_tp = False
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if line.startswith('.SH'):
                in_commands = line.split(None, 1)[1].strip('"') == 'COMMANDS'
                current = None
                continue
            if not in_commands:
                continue
            if line.startswith('.SS'):
                current = line.split(None, 1)[1].strip('"')
                commands[current] = set()
                continue
            if line.startswith('.TP'):
                after_tp = True
                continue
            if after_tp and current is not None:
                text = re.sub(r'\\f[RBIP]', ' ', line).replace('\\-', '-')
                for name in re.findall(r'(?<![\w-])--([a-z][a-z0-9-]*)', text):
                    commands[current].add('--' + name)
                for name in re.findall(r'(?<![\w-])-([a-zA-Z])(?![\w-])', text):
                    commands[current].add('-' + name)
            after_tp = False
    return commands


def help_options(cli, command):
    out = subprocess.run([cli, command, '--help'], check=True,
                         capture_output=True, text=True,
                         env={'LC_ALL': 'C.UTF-8', 'PATH': '/usr/bin:/bin'}).stdout
    options = set()
    section = None
    for line in out.splitlines():
        if line and not line.startswith(' '):
            section = line
            continue
        if section is None or section.startswith('Help Options'):
            continue
        m = re.match(r'^\s+(?:-([a-zA-Z]), )?--([a-z][a-z0-9-]*)', line)
        if m:
            if m.group(1):
                options.add('-' + m.group(1))
            options.add('--' + m.group(2))
    return options


def help_commands(cli):
    out = subprocess.run([cli, '--help'], check=True, capture_output=True,
                         text=True, env={'LC_ALL': 'C.UTF-8'}).stdout
    names = []
    listing = False
    for line in out.splitlines():
        if line.startswith('Commands:'):
            listing = True
            continue
        if listing:
            m = re.match(r'^  (\S+)\s', line)
            if not m:
                break
            names.append(m.group(1))
    return names


def main():
    cli, manpage = sys.argv[1], sys.argv[2]
    documented = man_commands(manpage)
    listed = help_commands(cli)
    failures = []

    print('1..%d' % (len(listed) + 1))
    n = 1
    if set(listed) != set(documented):
        print('not ok %d commands: --help lists %s, the man page documents %s'
              % (n, sorted(listed), sorted(documented)))
        failures.append('commands')
    else:
        print('ok %d commands (%d)' % (n, len(listed)))

    for command in listed:
        n += 1
        actual = help_options(cli, command)
        expected = documented.get(command, set())
        if actual != expected:
            print('not ok %d %s: only in --help: %s; only in the man page: %s'
                  % (n, command, sorted(actual - expected), sorted(expected - actual)))
            failures.append(command)
        elif not actual:
            print('not ok %d %s: no options found' % (n, command))
            failures.append(command)
        else:
            print('ok %d %s: %s' % (n, command, ' '.join(sorted(actual))))

    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
