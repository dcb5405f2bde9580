#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Takes the metainfo's screenshots (data/screenshots/*.png, 1000x700) from the
# app under Xvfb: the live machine's processes and resources, the laptop
# fixture's sensors.  Usage: build-aux/screenshots.sh [BUILDDIR] [OUTDIR]
# Needs xvfb-run, dbus-run-session, xdotool, xwd (x11-apps) and netpbm.
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${1:-$top/build}" && pwd)"
out="${2:-$top/data/screenshots}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

if [ -z "${TS_SCREENSHOTS_INNER:-}" ]; then
  TS_SCREENSHOTS_INNER=1 exec dbus-run-session -- xvfb-run -a -s "-screen 0 1000x700x24" "$0" "$build" "$out"
fi

export GSK_RENDERER=cairo GDK_BACKEND=x11 GTK_A11Y=none NO_AT_BRIDGE=1 GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR="$build/data" ADW_DEBUG_COLOR_SCHEME="${ADW_DEBUG_COLOR_SCHEME:-default}"
app="$build/src/taskscope"

shoot () {  # name, seconds to wait, app arguments...
  local name=$1 wait=$2 pid win
  shift 2
  "$app" "$@" &
  pid=$!
  sleep "$wait"
  win=$(xdotool search --sync --onlyvisible --pid "$pid" 2>/dev/null | head -n1)
  xdotool windowmove "$win" 0 0 windowsize "$win" 1000 700
  sleep 1.5
  xwd -root -silent | xwdtopnm 2>/dev/null | pamcut -left 0 -top 0 -width 1000 -height 700 | pnmtopng -compression 9 > "$out/$name.png"
  if [ "$name" = processes ] && [ -n "${TS_SCREENSHOTS_ABOUT:-}" ]; then
    gapplication action io.github.taskscope.Taskscope about
    sleep 1.5
    xwd -root -silent | xwdtopnm 2>/dev/null | pnmtopng > "$TS_SCREENSHOTS_ABOUT"
  fi
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  echo "$out/$name.png"
}

shoot processes 4 --page processes
shoot resources 6 --page resources
shoot sensors 4 --page sensors --sysfs "$top/tests/fixtures/sys-laptop/sys"
