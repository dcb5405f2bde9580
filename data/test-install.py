#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""meson install into a temporary DESTDIR, then check every file lands in its
standard place and the installed programs run.  TAP output.
Usage: test-install.py BUILDDIR PREFIX BINDIR LIBEXECDIR DATADIR LOCALEDIR LINGUAS GUI
GUI is "true" when the window is built (-Dgui=true); without it there is no
`taskscope` to install or run."""
import os
import shutil
import subprocess
import sys
import tempfile

build, prefix, bindir, libexecdir, datadir, localedir, linguas, gui = sys.argv[1:9]
gui = gui == 'true'
app_id = 'io.github.taskscope.Taskscope'
meson = shutil.which('meson') or 'meson'
n = 0
failed = 0


def check(ok, what):
    global n, failed
    n += 1
    if not ok:
        failed += 1
    print(f'{"ok" if ok else "not ok"} {n} {what}', flush=True)


with tempfile.TemporaryDirectory(prefix='ts-install-') as destdir:
    env = dict(os.environ, DESTDIR=destdir)
    r = subprocess.run([meson, 'install', '-C', build, '--no-rebuild', '--destdir', destdir],
                       env=env, capture_output=True, text=True)
    check(r.returncode == 0, 'meson install --destdir')
    if r.returncode != 0:
        print('# ' + (r.stdout + r.stderr).replace('\n', '\n# '))

    def root(*parts):
        return os.path.join(destdir, *(p.lstrip('/') for p in parts))

    def installed(d):
        return d if os.path.isabs(d) else os.path.join(prefix, d)

    share = installed(datadir)
    expected = [(root(installed(bindir), 'taskscope'), True)] if gui else []
    expected += [
        (root(installed(bindir), 'taskscope-cli'), True),
        (root(installed(libexecdir), 'taskscope-helper'), True),
        (root(share, 'applications', app_id + '.desktop'), False),
        (root(share, 'metainfo', app_id + '.metainfo.xml'), False),
        (root(share, 'glib-2.0', 'schemas', app_id + '.gschema.xml'), False),
        (root(share, 'polkit-1', 'actions', app_id + '.policy'), False),
        (root(share, 'icons', 'hicolor', 'scalable', 'apps', app_id + '.svg'), False),
        (root(share, 'icons', 'hicolor', 'symbolic', 'apps', app_id + '-symbolic.svg'), False),
    ]
    for lang in linguas.split():
        expected.append((root(installed(localedir), lang, 'LC_MESSAGES', 'taskscope.mo'), False))
    for path, executable in expected:
        ok = os.path.isfile(path) and (not executable or os.access(path, os.X_OK))
        check(ok, f'installed {os.path.relpath(path, destdir)}')

    # The policy must name the helper where it was installed.
    policy = root(share, 'polkit-1', 'actions', app_id + '.policy')
    helper = os.path.join(installed(libexecdir), 'taskscope-helper')
    text = open(policy, encoding='utf-8').read() if os.path.isfile(policy) else ''
    check(text.count(f'>{helper}<') == 4, f'policy names {helper} in its four actions')

    # The installed desktop file carries the translations.
    desktop = root(share, 'applications', app_id + '.desktop')
    text = open(desktop, encoding='utf-8').read() if os.path.isfile(desktop) else ''
    for lang in linguas.split():
        check(f'Comment[{lang}]=' in text, f'desktop file has Comment[{lang}]')

    for prog in (('taskscope', 'taskscope-cli') if gui else ('taskscope-cli',)):
        path = root(installed(bindir), prog)
        try:
            r = subprocess.run([path, '--version'], capture_output=True, text=True, timeout=30,
                               env=dict(os.environ, GSETTINGS_BACKEND='memory'))
            out = r.stdout.strip()
            check(r.returncode == 0 and out.startswith(prog + ' ') and len(out.split()) == 2,
                  f'installed {prog} --version says “{out}”')
        except OSError as e:
            check(False, f'installed {prog} --version: {e}')

print(f'1..{n}')
sys.exit(1 if failed else 0)
