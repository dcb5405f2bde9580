#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The newest <release> in the metainfo must be meson's project version, and
every screenshot must exist in data/screenshots/ with the size the metainfo
says.  Usage: check-metainfo.py METAINFO VERSION"""
import pathlib
import struct
import sys
import xml.etree.ElementTree as ET

path = pathlib.Path(sys.argv[1])
version = sys.argv[2]
tree = ET.parse(path)
errors = []
releases = tree.findall('./releases/release')
if not releases:
    errors.append('no <release>')
elif releases[0].get('version') != version:
    errors.append(f'newest release is {releases[0].get("version")}, meson says {version}')

prefix = 'https://raw.githubusercontent.com/taskscope/taskscope/main/'
shots = tree.findall('./screenshots/screenshot/image')
if not shots:
    errors.append('no screenshot')
for image in shots:
    url = image.text.strip()
    if not url.startswith(prefix):
        errors.append(f'{url} is not a file of the repository')
        continue
    local = path.parent.parent / url[len(prefix):]
    if not local.is_file():
        errors.append(f'{local} is missing')
        continue
    head = local.read_bytes()[:24]
    if head[:8] != b'\x89PNG\r\n\x1a\n':
        errors.append(f'{local} is not a PNG')
        continue
    width, height = struct.unpack('>II', head[16:24])
    if (str(width), str(height)) != (image.get('width'), image.get('height')):
        errors.append(f'{local} is {width}x{height}, the metainfo says {image.get("width")}x{image.get("height")}')
for e in errors:
    print(e)
sys.exit(1 if errors else 0)
