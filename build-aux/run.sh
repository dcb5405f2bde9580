#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds Taskscope into build/ and launches it.
# Arguments are passed to taskscope.
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
cd "$top"
. build-aux/deps.sh
ts_install_deps build
[ -f build/build.ninja ] || meson setup build
meson compile -C build
GSETTINGS_SCHEMA_DIR="$top/build/data" exec build/src/taskscope "$@"
