#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a file with translatable strings is missing from po/POTFILES.in,
or when POTFILES.in names a file that does not exist.  Usage: check-potfiles.py SRCROOT"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
C_MARK = re.compile(r'(?<![A-Za-z0-9_])(_|N_|C_|NC_|Q_|g_dgettext|g_dngettext|g_dpgettext2|ngettext)\s*\(\s*"'
                    r'|(?<![A-Za-z0-9_])g_dngettext\s*\(')
UI_MARK = re.compile(r'translatable\s*=\s*"(yes|true|1)"')


def wants_translation(path):
    text = path.read_text(encoding='utf-8', errors='replace')
    if path.suffix in ('.c', '.h'):
        return C_MARK.search(text) is not None
    if path.suffix == '.ui':
        return UI_MARK.search(text) is not None
    return True  # .desktop.in, .metainfo.xml.in, .policy.in: always translated


candidates = []
for pattern in ('src/**/*.c', 'src/**/*.h', 'src/**/*.ui'):
    candidates += root.glob(pattern)
candidates += root.glob('data/*.desktop.in')
candidates += root.glob('data/*.metainfo.xml.in')
candidates += root.glob('data/*.policy.in')
candidates += root.glob('data/*.gschema.xml')

listed = set()
for line in (root / 'po' / 'POTFILES.in').read_text(encoding='utf-8').splitlines():
    line = line.strip()
    if line and not line.startswith('#'):
        listed.add(line)

missing = sorted(str(p.relative_to(root)) for p in candidates
                 if wants_translation(p) and str(p.relative_to(root)) not in listed)
gone = sorted(f for f in listed if not (root / f).is_file())
for f in missing:
    print(f'po/POTFILES.in lacks {f}, which has translatable strings')
for f in gone:
    print(f'po/POTFILES.in names {f}, which does not exist')
if missing or gone:
    sys.exit(1)
print(f'{len(listed)} files in po/POTFILES.in, none missing')
