#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# One tick of the system and sensor samplers against a minimal C reader of
# the same files (bench/monitor-sample.c), and psutil doing the same reads.
# Run on purpose; nothing here asserts on time.
#
#   bench/monitor.sh [-B BUILDDIR] [-n TICKS] [-r RUNS]
set -euo pipefail
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SRC=$(dirname "$BENCH")
BUILD=$BENCH/build-monitor
TICKS=5000
RUNS=3
while [ $# -gt 0 ]; do
  case $1 in
    -B) BUILD=$(realpath -m "$2"); shift 2 ;;
    -n) TICKS=$2; shift 2 ;;
    -r) RUNS=$2; shift 2 ;;
    *) echo "monitor.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -f "$BUILD/build.ninja" ] || meson setup "$BUILD" "$SRC" -Dgui=false -Dtests=false >/dev/null
meson compile -C "$BUILD" >/dev/null
cc -std=gnu17 -O2 -g -I"$BUILD" -I"$SRC/src/backend" -o "$BUILD/monitor-sample" "$BENCH/monitor-sample.c" \
  "$BUILD/src/backend/libts-backend.a" "$BUILD/src/backend/libts-platform.a" \
  $(pkg-config --cflags --libs gio-2.0) -lm
for r in $(seq "$RUNS"); do
  echo "== run $r"
  "$BUILD/monitor-sample" minimal "$TICKS"
  "$BUILD/monitor-sample" taskscope "$TICKS"
  /usr/bin/python3 - "$TICKS" <<'PY'
import resource, sys, psutil
n = int(sys.argv[1]) // 10
def tick():
    psutil.cpu_times(percpu=True); psutil.cpu_times()
    psutil.cpu_freq(percpu=True)
    psutil.virtual_memory(); psutil.swap_memory(); psutil.getloadavg()
    psutil.disk_io_counters(perdisk=True); psutil.net_io_counters(pernic=True)
    psutil.sensors_temperatures(); psutil.sensors_fans(); psutil.sensors_battery()
tick()
r0 = resource.getrusage(resource.RUSAGE_SELF)
for _ in range(n):
    tick()
r1 = resource.getrusage(resource.RUSAGE_SELF)
t = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
print("psutil: %.1f us CPU per tick over %d ticks" % (t / n * 1e6, n))
PY
done
