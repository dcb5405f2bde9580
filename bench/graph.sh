#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Graph drawing benchmark: 20 TsGraph of 600 samples x 3 series in one
# window under Xvfb, a sample pushed into each 1 and 10 times a second; frames,
# pushes that never reached the screen, paint and snapshot time per frame, CPU.
# Run on purpose; never part of `meson test`, and nothing here asserts on time.
#
#   bench/graph.sh [options] [-- graph-draw options]
#     -B DIR        meson build dir (default bench/build-graph, -Dgui=true -Dtests=false)
#     --no-build    use DIR as it is
#     -t SECONDS    measured time per run (default 20)
#
# Without graph-draw options it runs: full look at 1/s and 10/s, compact at
# 10/s, and hidden graphs at 10/s.  Needs meson, ninja, cc, GTK 4 and
# libadwaita development files, xvfb-run and dbus-run-session.
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SRC=$(dirname "$BENCH")
BUILD=$BENCH/build-graph
DO_BUILD=1
SECONDS_PER_RUN=20

while [ $# -gt 0 ]; do
  case $1 in
    -B) BUILD=$(realpath -m "$2"); shift 2 ;;
    --no-build) DO_BUILD=0; shift ;;
    -t) SECONDS_PER_RUN=$2; shift 2 ;;
    --) shift; break ;;
    -h|--help) sed -n '3,16p' "$0"; exit 0 ;;
    *) echo "graph.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

if [ "$DO_BUILD" = 1 ]; then
  if [ ! -f "$BUILD/build.ninja" ]; then
    meson setup "$BUILD" "$SRC" -Dgui=true -Dtests=false
  fi
  meson compile -C "$BUILD" taskscope-app taskscope
fi

# The app library, the backend it needs and the app's resources (the graph
# style sheet), with the project's floors; -O2 like the meson build.
TOOLS=$BUILD/bench-tools
mkdir -p "$TOOLS"
# shellcheck disable=SC2046
cc -std=gnu17 -O2 -g -Wall -Wextra -Wno-unused-parameter \
  -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74 \
  -DGDK_VERSION_MIN_REQUIRED=GDK_VERSION_4_8 -DGDK_VERSION_MAX_ALLOWED=GDK_VERSION_4_8 \
  -DADW_VERSION_MIN_REQUIRED=ADW_VERSION_1_2 -DADW_VERSION_MAX_ALLOWED=ADW_VERSION_1_2 \
  -I"$BUILD" -I"$SRC/src/views" -I"$SRC/src/backend" -I"$BUILD/src" \
  -o "$TOOLS/graph-draw" "$BENCH/graph-draw.c" "$BUILD/src/ts-resources.c" \
  "$BUILD/src/libtaskscope-app.a" "$BUILD/src/backend/libts-backend.a" \
  "$BUILD/src/backend/libts-platform.a" \
  $(pkg-config --cflags --libs gtk4 libadwaita-1) -lm

run () {
  echo "== graph-draw $*"
  dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
    env GSK_RENDERER=cairo GDK_BACKEND=x11 GTK_A11Y=none NO_AT_BRIDGE=1 \
    "$TOOLS/graph-draw" "$@" 2> >(grep -v 'Failed to set fd limit' >&2)
  echo
}

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, $(uname -r), loadavg $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# tree: $(git -C "$SRC" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ $# -gt 0 ]; then
  run "$@"
else
  run -t "$SECONDS_PER_RUN" -r 1
  run -t "$SECONDS_PER_RUN" -r 10
  run -t "$SECONDS_PER_RUN" -r 10 --compact
  run -t "$SECONDS_PER_RUN" -r 10 --hidden
fi
