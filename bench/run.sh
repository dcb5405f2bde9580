#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Process-reader benchmark: taskscope-cli against a minimal C reader, psutil
# and ps, with N extra sleeping processes.  Run on purpose; never part of
# `meson test`, and nothing here asserts on time.
#
#   bench/run.sh [options]
#     -n N          extra sleeping processes (default 2000)
#     -r RUNS       timed runs per contestant (default 15; psutil gets a third)
#     -k PASSES     passes per round for the in-process comparison (default 20)
#     -B DIR        meson build dir (default bench/build); configured with
#                   -Dgui=false -Dtests=false if it has no build.ninja yet
#     --no-build    use DIR as it is (no meson compile)
#     --profile     also run strace -c and perf stat on taskscope-cli
#     --wait-quiet S  before starting, wait up to S seconds for the 1-minute
#                   load average to drop below 0.5 and for other runs'
#                   sleepers to go (other jobs skew the numbers)
#     --teardown F  kill the sleepers recorded in pid file F and exit
#
# Sleepers are always torn down on exit (trap), also on failure or Ctrl-C.
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SRC=$(dirname "$BENCH")
N=2000
RUNS=15
PASSES=20
BUILD=$BENCH/build
DO_BUILD=1
PROFILE=0
WAIT_QUIET=0
PY=/usr/bin/python3    # Debian's python3 with python3-psutil 5.9.4

teardown () {
  local pidfile=$1 keeper
  [ -s "$pidfile" ] || return 0
  keeper=$(head -n1 "$pidfile")
  if kill -TERM "$keeper" 2>/dev/null; then
    # the keeper kills and reaps its children, then removes the pid file
    for _ in $(seq 100); do
      kill -0 "$keeper" 2>/dev/null || break
      sleep 0.1
    done
  fi
  # Anything left (keeper killed hard, or gone): kill the recorded PIDs,
  # which are ours, one by one.
  if [ -s "$pidfile" ]; then
    while read -r pid; do
      kill -KILL "$pid" 2>/dev/null || true
    done < "$pidfile"
    rm -f "$pidfile" "$pidfile.tmp"
  fi
}

while [ $# -gt 0 ]; do
  case $1 in
    -n) N=$2; shift 2 ;;
    -r) RUNS=$2; shift 2 ;;
    -k) PASSES=$2; shift 2 ;;
    -B) BUILD=$(realpath -m "$2"); shift 2 ;;
    --no-build) DO_BUILD=0; shift ;;
    --profile) PROFILE=1; shift ;;
    --wait-quiet) WAIT_QUIET=$2; shift 2 ;;
    --teardown) teardown "$2"; exit 0 ;;
    -h|--help) sed -n '3,21p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

# ------------------------------------------------------------------- build
TOOLS=$BUILD/bench-tools
if [ "$DO_BUILD" = 1 ]; then
  if [ ! -f "$BUILD/build.ninja" ]; then
    meson setup "$BUILD" "$SRC" -Dgui=false -Dtests=false
  fi
  meson compile -C "$BUILD" taskscope-cli ts-platform
fi
CLI=$BUILD/src/cli/taskscope-cli
LIB=$BUILD/src/backend/libts-platform.a
mkdir -p "$TOOLS"
CFLAGS=(-O2 -Wall -Wextra)
cc "${CFLAGS[@]}" -o "$TOOLS/sleepers" "$BENCH/sleepers.c"
cc "${CFLAGS[@]}" -o "$TOOLS/minimal-reader" "$BENCH/minimal-reader.c"
cc "${CFLAGS[@]}" -o "$TOOLS/timerun" "$BENCH/timerun.c"
HAVE_REPEAT=0
if [ -f "$LIB" ]; then
  cc "${CFLAGS[@]}" -I"$SRC/src/backend" -I"$BUILD" -o "$TOOLS/bench-repeat" \
     "$BENCH/bench-repeat.c" "$LIB" -lm && HAVE_REPEAT=1
fi
[ -x "$CLI" ] || { echo "run.sh: $CLI was not built" >&2; exit 1; }

load1 () { cut -d' ' -f1 /proc/loadavg; }
# Another benchmark's sleepers (bench/gui.sh builds the same sleepers.c)
# would double the process count and every number.
others () { pgrep -x sleepers | wc -l; }
if [ "$WAIT_QUIET" -gt 0 ]; then
  end=$(( SECONDS + WAIT_QUIET ))
  while { awk -v l="$(load1)" 'BEGIN { exit !(l >= 0.5) }' || [ "$(others)" -gt 0 ]; } \
        && [ $SECONDS -lt $end ]; do
    sleep 10
  done
fi
if [ "$(others)" -gt 0 ]; then
  echo "run.sh: WARNING: $(others) 'sleepers' processes of another run exist; numbers will be off" >&2
fi

# ---------------------------------------------------------------- sleepers
PIDFILE=$(mktemp -u /tmp/taskscope-bench-sleepers.XXXXXX)
"$TOOLS/sleepers" "$N" "$PIDFILE" &
KEEPER=$!
trap 'teardown "$PIDFILE"; kill -KILL $KEEPER 2>/dev/null || true; wait $KEEPER 2>/dev/null || true' EXIT
trap 'exit 130' INT TERM
for _ in $(seq 300); do
  [ -s "$PIDFILE" ] && break
  kill -0 "$KEEPER" 2>/dev/null || { echo "run.sh: sleepers failed" >&2; exit 1; }
  sleep 0.1
done
[ -s "$PIDFILE" ] || { echo "run.sh: sleepers did not start" >&2; exit 1; }

NPROC=$(ls -d /proc/[0-9]* | wc -l)
echo "== $(date -I) $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), kernel $(uname -r)"
echo "== $N sleepers started (keeper $KEEPER); $NPROC processes in /proc; loadavg $(cut -d' ' -f1-3 /proc/loadavg)"

# ------------------------------------------------------------- contestants
# Two sets of fields.  "cli": exactly what `taskscope-cli processes --json
# --memory-full` prints (stat, status, statm, cmdline, smaps_rollup, plus a
# user name).  "full": also io, exe, cwd and the rest of status/stat.
FULL_ATTRS=pid,ppid,name,exe,cmdline,cwd,status,username,uids,gids,terminal,create_time,cpu_times,num_threads,num_ctx_switches,nice,cpu_num,memory_info,io_counters
NAMES=(minimal minimal+users taskscope-cli psutil ps-pss-uss ps-plain minimal-full taskscope-cli-full psutil-full)
declare -A CMD BASE
CMD[minimal]="$TOOLS/minimal-reader --set cli"
CMD[minimal+users]="$TOOLS/minimal-reader --set cli --usernames"
CMD[taskscope-cli]="$CLI processes --json --memory-full"
CMD[psutil]="$PY $BENCH/psutil-reader.py --set cli"
CMD[ps-pss-uss]="ps -eo pid,ppid,user,stat,nlwp,rss,vsz,pss,uss,lstart,time,comm,args"
CMD[ps-plain]="ps -eo pid,ppid,user,stat,nlwp,rss,vsz,lstart,time,comm,args"
CMD[minimal-full]="$TOOLS/minimal-reader --set full"
CMD[taskscope-cli-full]="$CLI processes --json --memory-full --attrs $FULL_ATTRS"
CMD[psutil-full]="$PY $BENCH/psutil-reader.py --set full"
for name in "${NAMES[@]}"; do
  case $name in *-full) BASE[$name]=full ;; *) BASE[$name]=cli ;; esac
done

# Sanity: every contestant runs and sees about the same number of processes.
count_json () {
  "$PY" -c '
import json, sys
d = json.load(sys.stdin)
if isinstance(d, dict):
    d = next((v for v in d.values() if isinstance(v, list)), [])
print(len(d))'
}
echo "== processes seen by each contestant"
for name in "${NAMES[@]}"; do
  case $name in
    ps-*) seen=$(( $(${CMD[$name]} | wc -l) - 1 )) ;;
    *) seen=$(${CMD[$name]} 2>/dev/null | count_json) ;;
  esac
  printf '   %-20s %s\n' "$name" "$seen"
done

declare -A WALL CPU USER SYS
echo "== timed runs (median of $RUNS; psutil $(( (RUNS + 2) / 3 )); 2 warm-up runs each)"
for name in "${NAMES[@]}"; do
  runs=$RUNS
  case $name in psutil*) runs=$(( (RUNS + 2) / 3 )) ;; esac
  line=$("$TOOLS/timerun" -n "$runs" -w 2 -- ${CMD[$name]})
  WALL[$name]=$(sed -n 's/.*wall_median_ms=\([0-9.]*\).*/\1/p' <<<"$line")
  CPU[$name]=$(sed -n 's/.*cpu_median_ms=\([0-9.]*\).*/\1/p' <<<"$line")
  USER[$name]=$(sed -n 's/.*user_median_ms=\([0-9.]*\).*/\1/p' <<<"$line")
  SYS[$name]=$(sed -n 's/.*sys_median_ms=\([0-9.]*\).*/\1/p' <<<"$line")
  printf '   %-20s %s\n' "$name" "$line"
done

ratio () { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo
echo "| contestant | set | wall ms | CPU ms | user ms | sys ms | wall / minimal | CPU / minimal | wall / taskscope-cli | CPU / taskscope-cli |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for name in "${NAMES[@]}"; do
  if [ "${BASE[$name]}" = full ]; then m=minimal-full; t=taskscope-cli-full; else m=minimal; t=taskscope-cli; fi
  echo "| $name | ${BASE[$name]} | ${WALL[$name]} | ${CPU[$name]} | ${USER[$name]} | ${SYS[$name]} | $(ratio "${WALL[$name]}" "${WALL[$m]}") | $(ratio "${CPU[$name]}" "${CPU[$m]}") | $(ratio "${WALL[$name]}" "${WALL[$t]}") | $(ratio "${CPU[$name]}" "${CPU[$t]}") |"
done
echo "(user/sys are split by the kernel's tick sampling; their sum, CPU, is exact)"
echo
goal () { # label ratio op limit
  awk -v l="$1" -v r="$2" -v op="$3" -v lim="$4" 'BEGIN {
    ok = (op == "<=") ? (r <= lim) : (r >= lim);
    printf "goal: %-42s %5.2fx (want %s %s): %s\n", l, r, op, lim, ok ? "met" : "MISSED" }'
}
for k in WALL CPU; do
  declare -n T=$k
  goal "taskscope-cli / minimal, $k"             "$(ratio "${T[taskscope-cli]}" "${T[minimal]}")" "<=" 1.3
  goal "taskscope-cli / minimal+users, $k"       "$(ratio "${T[taskscope-cli]}" "${T[minimal+users]}")" "<=" 1.3
  goal "psutil / taskscope-cli, $k"              "$(ratio "${T[psutil]}" "${T[taskscope-cli]}")" ">=" 3
  goal "taskscope-cli-full / minimal-full, $k"   "$(ratio "${T[taskscope-cli-full]}" "${T[minimal-full]}")" "<=" 1.3
  goal "psutil-full / taskscope-cli-full, $k"    "$(ratio "${T[psutil-full]}" "${T[taskscope-cli-full]}")" ">=" 3
  unset -n T
done

# ---------------------------------------------------- repeated, in process
echo
if [ "$HAVE_REPEAT" = 1 ]; then
  for set in cli full fast; do
    echo "== in-process passes (the app's case), set $set"
    "$TOOLS/bench-repeat" -k "$PASSES" -r 3 --set "$set"
    echo
  done
else
  echo "== bench-repeat skipped: $LIB missing or did not link"
fi
echo
echo "== psutil, in-process passes, set cli"
"$PY" "$BENCH/psutil-reader.py" --set cli --repeat $(( (PASSES + 3) / 4 ))

# ----------------------------------------------------------------- profile
if [ "$PROFILE" = 1 ]; then
  echo
  echo "== strace -c: taskscope-cli"
  strace -f -c ${CMD[taskscope-cli]} 2>&1 > /dev/null
  echo "== strace -c: minimal-reader"
  strace -f -c ${CMD[minimal]} 2>&1 > /dev/null
  if command -v perf > /dev/null; then
    echo "== perf stat: taskscope-cli"
    perf stat -r 5 -- ${CMD[taskscope-cli]} 2>&1 > /dev/null || true
    echo "== perf stat: minimal-reader"
    perf stat -r 5 -- ${CMD[minimal]} 2>&1 > /dev/null || true
  fi
fi

echo
echo "== loadavg at the end: $(cut -d' ' -f1-3 /proc/loadavg) (the benchmark alone holds it near 1; wall well above CPU in the table means other jobs shared the 2 CPUs: trust CPU ms then)"
echo "== tearing down $N sleepers"
