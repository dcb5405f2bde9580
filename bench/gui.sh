#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# GUI benchmark: the taskscope window against GNOME System Monitor (Debian's
# gnome-system-monitor 42) on the Processes page, same refresh interval,
# N extra sleeping processes, under Xvfb.  Run on purpose; never part of
# `meson test`, and nothing here asserts on time.
#
#   bench/gui.sh [options]
#     -n N            extra sleeping processes (default 2000)
#     -t SECONDS      measured window per app (default 60)
#     -s SECONDS      settle time after the first frame (default 5)
#     -i MS           refresh interval of both apps (default 1000)
#     -r RUNS         full comparisons (default 2; app order alternates)
#     -B DIR          meson build dir (default bench/build-gui, default options)
#     -o DIR          results (default bench/out)
#     --no-build      use DIR as it is
#     --no-install    do not apt-get install missing tools
#     --gsm-smooth    leave GSM's smooth-refresh on (its default: it stretches
#                     its own interval when it uses a lot of CPU); off by
#                     default so both really refresh every -i ms
#     --perf SECONDS  afterwards, one more launch of each app with perf
#                     record -g over SECONDS of steady state (no input);
#                     flat perf report --no-children --sort symbol (and
#                     --sort dso) in bench/out/gui-perf-*.txt
#     --wait-others S wait up to S seconds (default 1200; 0: don't) for another
#                     benchmark (its sleepers or bench/run.sh) to finish
#     --wait-quiet S  then wait up to S seconds (default 0) for the 1-minute
#                     load average to drop below 0.5 (wall times, i.e. first
#                     frame and interaction, suffer from other jobs; CPU
#                     seconds and memory hardly)
#
# Per app and run (bench/README.md has the details): launch → window mapped,
# → first frame and → first frame with rows in the list (X DAMAGE plus a
# read-back of the window's pixels, the same measure for both apps; see
# bench/xframes.c), Taskscope's own first-frame probe (TS_BENCH_FIRST_FRAME=1),
# CPU seconds over the measured window (utime+stime of all threads,
# /proc/PID/stat), the X server's and everybody else's, VmHWM/VmRSS
# (/proc/PID/status), PSS/USS (/proc/PID/smaps_rollup) and where the memory
# is (/proc/PID/smaps), screenshots, and frame timings while scrolling and
# sorting (XTest input).  Results: bench/out/gui-*.
#
# Sleepers, apps, Xvfb and the session bus are always torn down (traps).
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SRC=$(dirname "$BENCH")
SCREEN=1280x800
WIN_W=1280
WIN_H=800

# Where to point and click, in root coordinates, for a 1280x800 window at
# +0+0 (read off the screenshots in bench/out): a row of the list, the
# "Name" column header, and an empty spot of the header bar to park the
# pointer (no tooltips, no hover effects on the list).
TS_ROW_XY="400 151"
TS_NAME_HEADER_XY="60 66"
TS_PARK_XY="300 27"
GSM_ROW_XY="400 200"
GSM_NAME_HEADER_XY="200 57"
GSM_PARK_XY="200 21"
# A patch of the list's rows in window coordinates (X,Y,W,H): empty (one
# colour) until the first rows are drawn.
TS_LIST_REGION="10,90,400,300"
GSM_LIST_REGION="10,90,400,300"

# ======================================================================
# Inner part: runs inside dbus-run-session + xvfb-run, one app at a time.
# ======================================================================
if [ "${1:-}" = --inner ]; then
  shift
  ORDER_FIRST=$1   # taskscope or gsm: who goes first in run 1
  TOOLS=$BUILD/bench-tools
  TS_BIN=$BUILD/src/taskscope
  STATE=$OUT/.gui-inner-pids
  APP=""
  echo $$ > "$STATE"

  inner_cleanup () {
    if [ -n "$APP" ] && kill -0 "$APP" 2>/dev/null; then
      kill -TERM "$APP" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$APP" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$APP" 2>/dev/null || true
    fi
    rm -f "$STATE"
  }
  trap inner_cleanup EXIT
  trap 'exit 130' INT TERM

  # The X server of this session, for its CPU time (the apps' drawing lands
  # partly there).  xvfb-run starts it as our parent's child.
  XVFB=$(pgrep -P "$PPID" -x Xvfb | head -n1 || true)

  cpu_ticks () { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }
  # Busy ticks of the whole machine (all but idle and iowait).
  busy_ticks () { awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
  nprocs () { find /proc -maxdepth 1 -name '[0-9]*' | wc -l; }
  now_us () { awk '{ printf "%.0f", $1 * 1000000 }' /proc/uptime; }  # only for wall deltas
  kib () { awk -v k="$2" '$1 == k":" { print $2; exit }' "/proc/$1/$3"; }
  uss_kib () {
    awk '/^Private_(Clean|Dirty|Hugetlb):/ { s += $2 } END { print s + 0 }' "/proc/$1/smaps_rollup"
  }
  screenshot () { xwd -root -silent | xwdtopnm 2>/dev/null | pnmtopng > "$1"; }
  # Where the resident memory is: Rss, Pss and private (USS) KiB per kind of
  # mapping (heap, anonymous, each file), biggest first.
  smaps_summary () {
    awk '
      /^[0-9a-f]+-[0-9a-f]+ / { name = ($6 == "") ? "[anon]" : $6; next }
      $1 == "Rss:" { rss[name] += $2 }
      $1 == "Pss:" { pss[name] += $2 }
      $1 == "Private_Clean:" || $1 == "Private_Dirty:" { uss[name] += $2 }
      END {
        for (n in rss) { printf "%8d %8d %8d  %s\n", rss[n], pss[n], uss[n], n; t1 += rss[n]; t2 += pss[n]; t3 += uss[n] }
        printf "%8d %8d %8d  TOTAL\n", t1, t2, t3
      }' "/proc/$1/smaps" | sort -k3,3nr | awk 'BEGIN { print "  Rss KiB  Pss KiB  USS KiB  mapping" } NR <= 25' 
  }
  # Pointer on an empty spot of the header bar (no tooltip), then a shot.
  park_and_shoot () {
    # shellcheck disable=SC2086
    xdotool mousemove $1
    sleep 1
    screenshot "$2"
  }

  ms_between () { awk -v a="$1" -v b="$2" 'BEGIN { if (a < 0 || b < 0) print "-"; else printf "%.1f", (a - b) / 1000 }'; }

  # Launch app $1 with the pointer parked on its header bar and a watcher on
  # the root window ready before the exec; sets APP, WIN and FIRST (the
  # watcher's line).  $2: PPM file prefix for the first frame and the first
  # frame with rows in the list, or "".
  launch () {
    local app=$1 ppm=$2 name park region watcher
    local -a cmd
    case $app in
      taskscope) name=Taskscope; cmd=("$TS_BIN"); park=$TS_PARK_XY; region=$TS_LIST_REGION ;;
      gsm) name="System Monitor"; cmd=(gnome-system-monitor -p); park=$GSM_PARK_XY; region=$GSM_LIST_REGION ;;
    esac
    # Every launch starts from the same sort order (the sort tests change it
    # and both apps save it).
    gsettings reset io.github.taskscope.Taskscope sort-column
    gsettings reset io.github.taskscope.Taskscope sort-descending
    gsettings reset org.gnome.gnome-system-monitor.proctree sort-col
    gsettings reset org.gnome.gnome-system-monitor.proctree sort-order
    # shellcheck disable=SC2086
    xdotool mousemove $park
    rm -f "$OUT/.first"
    "$TOOLS/xframes" first "$name" 30 "${ppm:+$ppm-first.ppm}" "$region" "${ppm:+$ppm-list.ppm}" > "$OUT/.first" &
    watcher=$!
    for _ in $(seq 500); do grep -q ready "$OUT/.first" 2>/dev/null && break; sleep 0.01; done
    TS_BENCH_FIRST_FRAME=1 "$TOOLS/stamp-exec" "$OUT/.launch" "${cmd[@]}" > "$LOG" 2>&1 &
    APP=$!
    wait "$watcher" || true
    FIRST=$(grep '^window' "$OUT/.first" || true)
    [ -n "$FIRST" ] || { echo "gui.sh: $app showed no window" >&2; cat "$LOG" >&2; exit 1; }
    WIN=$(awk '{ print $2 }' <<<"$FIRST")
  }

  quit_app () {
    kill -TERM "$APP" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$APP" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$APP" 2>/dev/null || true
    wait "$APP" 2>/dev/null || true
    APP=""
  }

  measure_app () { # app run
    local app=$1 run=$2 launch_us ff raw tick park
    raw=$OUT/gui-run$run-$app.txt
    tick=$(getconf CLK_TCK)
    [ "$app" = taskscope ] && park=$TS_PARK_XY || park=$GSM_PARK_XY
    : > "$raw"
    echo "== run $run: $app (loadavg $(cut -d' ' -f1-3 /proc/loadavg))" >&2

    LOG=$OUT/gui-run$run-$app.log
    launch "$app" "$OUT/.frame"
    launch_us=$(cat "$OUT/.launch")
    for f in first list; do
      if [ -s "$OUT/.frame-$f.ppm" ]; then
        pnmtopng "$OUT/.frame-$f.ppm" > "$OUT/gui-run$run-$app-$f-frame.png" 2>/dev/null || true
      fi
      rm -f "$OUT/.frame-$f.ppm"
    done
    {
      echo "pid $APP"
      echo "window $WIN"
      echo "loadavg_at_start $(cut -d' ' -f1 /proc/loadavg)"
      echo "launch_to_map_ms $(ms_between "$(awk '{ print $4 }' <<<"$FIRST")" "$launch_us")"
      echo "launch_to_first_damage_ms $(ms_between "$(awk '{ print $6 }' <<<"$FIRST")" "$launch_us")"
      echo "launch_to_first_frame_ms $(ms_between "$(awk '{ print $8 }' <<<"$FIRST")" "$launch_us")"
      echo "launch_to_list_frame_ms $(ms_between "$(awk '{ print $10 }' <<<"$FIRST")" "$launch_us")"
    } >> "$raw"

    sleep "$SETTLE"
    if [ "$app" = taskscope ]; then
      ff=$(sed -n 's/^first-frame-ms: \([0-9.]*\) monotonic-us: \([0-9]*\).*/\1 \2/p' "$LOG" | head -n1)
      if [ -n "$ff" ]; then
        echo "main_to_first_paint_ms ${ff% *}" >> "$raw"
        echo "launch_to_first_paint_ms $(ms_between "${ff#* }" "$launch_us")" >> "$raw"
      fi
    fi

    # The measured window.
    local c0 x0 w0 c1 x1 w1 b0 b1 n0
    n0=$(nprocs)
    c0=$(cpu_ticks "$APP"); x0=$(cpu_ticks "$XVFB"); b0=$(busy_ticks); w0=$(now_us)
    if [ "$run" = perf ]; then
      # Steady state only (no input); perf's own overhead is in these numbers.
      perf record -q -g -F 499 -p "$APP" -o "$OUT/gui-perf-$app.data" -- sleep "$MEASURE" 2>/dev/null
    else
      sleep "$MEASURE"
    fi
    c1=$(cpu_ticks "$APP"); x1=$(cpu_ticks "$XVFB"); b1=$(busy_ticks); w1=$(now_us)
    {
      awk -v c0="$c0" -v c1="$c1" -v w0="$w0" -v w1="$w1" -v hz="$tick" \
        'BEGIN { printf "cpu_s %.2f\nwall_s %.2f\ncpu_s_per_min %.2f\n", (c1 - c0) / hz, (w1 - w0) / 1e6, (c1 - c0) / hz * 60e6 / (w1 - w0) }'
      awk -v c0="$x0" -v c1="$x1" -v w0="$w0" -v w1="$w1" -v hz="$tick" \
        'BEGIN { printf "xserver_cpu_s_per_min %.2f\n", (c1 - c0) / hz * 60e6 / (w1 - w0) }'
      # Everything else that ran meanwhile (other jobs skew wall times).
      awk -v b="$(( b1 - b0 - (c1 - c0) - (x1 - x0) ))" -v w0="$w0" -v w1="$w1" -v hz="$tick" \
        'BEGIN { printf "others_cpu_s_per_min %.2f\n", b / hz * 60e6 / (w1 - w0) }'
      echo "processes_at_start $n0"
      echo "processes_at_end $(nprocs)"
      echo "loadavg_at_end $(cut -d' ' -f1 /proc/loadavg)"
      echo "vmhwm_kib $(kib "$APP" VmHWM status)"
      echo "vmrss_kib $(kib "$APP" VmRSS status)"
      echo "pss_kib $(kib "$APP" Pss smaps_rollup)"
      echo "uss_kib $(uss_kib "$APP")"
      echo "threads $(kib "$APP" Threads status)"
    } >> "$raw"
    smaps_summary "$APP" > "$OUT/gui-run$run-$app-smaps.txt"
    park_and_shoot "$park" "$OUT/gui-run$run-$app.png"

    if [ "$run" != perf ]; then
      # Interaction: frames drawn while scrolling and sorting (proxies for
      # smoothness; see xframes.c).  Idle = nothing drawn for 300 ms.
      local row_xy header_xy
      if [ "$app" = taskscope ]; then row_xy=$TS_ROW_XY; header_xy=$TS_NAME_HEADER_XY
      else row_xy=$GSM_ROW_XY; header_xy=$GSM_NAME_HEADER_XY; fi
      local ib0 iw0
      ib0=$(busy_ticks); iw0=$(now_us)
      timeout 5 xdotool windowfocus --sync "$WIN" 2>/dev/null || xdotool windowfocus "$WIN"
      # Select a row, so the list has the keyboard focus; the pointer stays
      # over the list for the wheel.
      # shellcheck disable=SC2086
      xdotool mousemove --sync $row_xy click 1
      sleep 0.5; xdotool key Home; sleep 1
      echo "wheel_100_at_20ms $("$TOOLS/xframes" input "$WIN" "$APP" wheel:100:20 300 30)" >> "$raw"
      # Where the wheel left the list: the same input should end at the same row.
      park_and_shoot "$park" "$OUT/gui-run$run-$app-wheel.png"
      # shellcheck disable=SC2086
      xdotool mousemove $row_xy
      xdotool key Home; sleep 1
      echo "pagedown_100_burst $("$TOOLS/xframes" input "$WIN" "$APP" key:Page_Down:100:0 300 30)" >> "$raw"
      park_and_shoot "$park" "$OUT/gui-run$run-$app-scrolled.png"
      xdotool key Home; sleep 1
      echo "sort_name_1 $("$TOOLS/xframes" input "$WIN" "$APP" "click:${header_xy// /:}" 300 30)" >> "$raw"
      park_and_shoot "$park" "$OUT/gui-run$run-$app-sorted.png"
      echo "sort_name_2 $("$TOOLS/xframes" input "$WIN" "$APP" "click:${header_xy// /:}" 300 30)" >> "$raw"
      sleep 1
      echo "vmhwm_after_interaction_kib $(kib "$APP" VmHWM status)" >> "$raw"
      # The whole machine's busy time over the interaction phase (the app's
      # own share included): interaction timings are wall times.
      awk -v b="$(( $(busy_ticks) - ib0 ))" -v w0="$iw0" -v w1="$(now_us)" -v hz="$tick" -v n="$(nproc)" \
        'BEGIN { printf "interaction_machine_busy_pct %.0f\n", b / hz * 1e8 / (w1 - w0) / n }' >> "$raw"
    fi

    if [ "$run" = perf ]; then
      # Flat: without frame pointers in the distribution's libraries the
      # call chains are mostly noise.
      { perf report -i "$OUT/gui-perf-$app.data" --no-children --sort symbol -g none --stdio 2>/dev/null || true; } \
        | awk 'NF && n++ < 80' > "$OUT/gui-perf-$app.txt"
      { perf report -i "$OUT/gui-perf-$app.data" --no-children --sort dso -g none --stdio 2>/dev/null || true; } \
        | awk 'NF && n++ < 40' > "$OUT/gui-perf-$app-dso.txt"
    fi

    quit_app
    sleep 3
  }

  # Warm-up, not measured: page cache, font and icon caches for both apps.
  for app in taskscope gsm; do
    LOG=$OUT/gui-warmup-$app.log
    launch "$app" ""
    sleep 3
    quit_app
    sleep 2
  done

  for run in $(seq "$RUNS"); do
    if [ $(( run % 2 )) = 1 ]; then first=$ORDER_FIRST; else
      [ "$ORDER_FIRST" = taskscope ] && first=gsm || first=taskscope; fi
    [ "$first" = taskscope ] && second=gsm || second=taskscope
    measure_app "$first" "$run"
    measure_app "$second" "$run"
  done
  if [ "$PERF" -gt 0 ]; then
    MEASURE=$PERF
    measure_app taskscope perf
    measure_app gsm perf
  fi
  exit 0
fi

# ======================================================================
# Outer part.
# ======================================================================
OUT=$BENCH/out
N=2000
MEASURE=60
SETTLE=5
INTERVAL=1000
RUNS=2
BUILD=$BENCH/build-gui
DO_BUILD=1
DO_INSTALL=1
GSM_SMOOTH=false
PERF=0
WAIT_OTHERS=1200
WAIT_QUIET=0
while [ $# -gt 0 ]; do
  case $1 in
    -n) N=$2; shift 2 ;;
    -t) MEASURE=$2; shift 2 ;;
    -s) SETTLE=$2; shift 2 ;;
    -i) INTERVAL=$2; shift 2 ;;
    -r) RUNS=$2; shift 2 ;;
    -B) BUILD=$(realpath -m "$2"); shift 2 ;;
    -o) OUT=$(realpath -m "$2"); shift 2 ;;
    --no-build) DO_BUILD=0; shift ;;
    --no-install) DO_INSTALL=0; shift ;;
    --gsm-smooth) GSM_SMOOTH=true; shift ;;
    --perf) PERF=$2; shift 2 ;;
    --wait-others) WAIT_OTHERS=$2; shift 2 ;;
    --wait-quiet) WAIT_QUIET=$2; shift 2 ;;
    -h|--help) sed -n '3,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "gui.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

# ------------------------------------------------------------ tools, build
need=()
command -v gnome-system-monitor > /dev/null || need+=(gnome-system-monitor)
command -v xdotool > /dev/null || need+=(xdotool)
command -v xwd > /dev/null || need+=(x11-apps)
command -v xwininfo > /dev/null || need+=(x11-utils)
command -v pnmtopng > /dev/null || need+=(netpbm)
command -v xvfb-run > /dev/null || need+=(xvfb xauth)
command -v dbus-run-session > /dev/null || need+=(dbus)
command -v gsettings > /dev/null || need+=(libglib2.0-bin)
[ -f /usr/include/X11/extensions/Xdamage.h ] || need+=(libxdamage-dev)
[ -f /usr/include/X11/extensions/XTest.h ] || need+=(libxtst-dev)
[ -f /usr/include/X11/Xlib.h ] || need+=(libx11-dev)
if [ "$PERF" -gt 0 ] && ! command -v perf > /dev/null; then need+=(linux-perf); fi
if [ ${#need[@]} -gt 0 ]; then
  if [ "$DO_INSTALL" = 1 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      -o DPkg::Lock::Timeout=300 "${need[@]}"
  else
    echo "gui.sh: missing ${need[*]}" >&2; exit 1
  fi
fi

if [ "$DO_BUILD" = 1 ]; then
  [ -f "$BUILD/build.ninja" ] || meson setup "$BUILD" "$SRC"
  meson compile -C "$BUILD" taskscope gsettings-compile-data
fi
[ -x "$BUILD/src/taskscope" ] || { echo "gui.sh: $BUILD/src/taskscope was not built" >&2; exit 1; }
TOOLS=$BUILD/bench-tools
mkdir -p "$TOOLS" "$OUT"
CFLAGS=(-O2 -Wall -Wextra)
cc "${CFLAGS[@]}" -o "$TOOLS/sleepers" "$BENCH/sleepers.c"
cc "${CFLAGS[@]}" -o "$TOOLS/stamp-exec" "$BENCH/stamp-exec.c"
cc "${CFLAGS[@]}" -o "$TOOLS/xframes" "$BENCH/xframes.c" -lX11 -lXdamage -lXfixes -lXtst

# ------------------------------------------------------------ settings
# A keyfile backend in a scratch config dir: `gsettings set` works without a
# dconf daemon and the user's own settings stay untouched.
SCRATCH=$(mktemp -d /tmp/taskscope-gui-bench.XXXXXX)
export XDG_CONFIG_HOME=$SCRATCH/config XDG_CACHE_HOME=$SCRATCH/cache XDG_DATA_HOME=$SCRATCH/data
export GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR=$BUILD/data
export GSK_RENDERER=cairo GDK_BACKEND=x11 GTK_A11Y=none NO_AT_BRIDGE=1
export LANG=C.UTF-8
unset GTK_DEBUG GDK_DEBUG G_DEBUG
mkdir -p "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_DATA_HOME"
TS=io.github.taskscope.Taskscope
GSM=org.gnome.gnome-system-monitor
gsettings set $TS refresh-interval "$INTERVAL"
gsettings set $TS window-width $WIN_W
gsettings set $TS window-height $WIN_H
gsettings set $TS window-maximized false
gsettings set $TS last-page processes
gsettings set $GSM update-interval "$INTERVAL"
gsettings set $GSM smooth-refresh $GSM_SMOOTH
gsettings set $GSM current-tab processes
gsettings set $GSM show-whose-processes all
gsettings set $GSM window-state "($WIN_W, $WIN_H, 0, 0)"
gsettings set $GSM maximized false
{
  echo "taskscope: $(gsettings get $TS refresh-interval) ms, window $(gsettings get $TS window-width)x$(gsettings get $TS window-height), memory column $(gsettings get $TS memory-metric)"
  echo "gnome-system-monitor $(dpkg-query -W -f '${Version}' gnome-system-monitor 2>/dev/null): update-interval $(gsettings get $GSM update-interval) ms, smooth-refresh $(gsettings get $GSM smooth-refresh), show-whose-processes $(gsettings get $GSM show-whose-processes), window-state $(gsettings get $GSM window-state)"
} > "$OUT/gui-settings.txt"

# --------------------------------------------------- wait for other benches
# Another benchmark (bench/run.sh and its 2000 sleepers) would distort both.
others_busy () {
  local pid
  for pid in $(pgrep -f 'sleepers|bench/run\.sh' || true); do
    [ "$pid" = $$ ] && continue
    return 0
  done
  return 1
}
if [ "$WAIT_OTHERS" -gt 0 ] && others_busy; then
  end=$(( SECONDS + WAIT_OTHERS ))
  while others_busy; do
    if [ $SECONDS -ge $end ]; then
      echo "gui.sh: another benchmark is still running after ${WAIT_OTHERS}s:" >&2
      pgrep -fa 'sleepers|bench/run\.sh' | head -n 3 >&2
      rm -rf "$SCRATCH"
      exit 3
    fi
    echo "gui.sh: waiting for another benchmark ($(pgrep -fc 'sleepers' || true) sleepers) ..." >&2
    sleep 60
  done
fi

if [ "$WAIT_QUIET" -gt 0 ]; then
  end=$(( SECONDS + WAIT_QUIET ))
  while awk -v l="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN { exit !(l >= 0.5) }' && [ $SECONDS -lt $end ]; do
    sleep 10
  done
fi

# ------------------------------------------------------------- sleepers
PIDFILE=$SCRATCH/sleepers.pids
SESSION=""
teardown () {
  local keeper pid
  if [ -s "$OUT/.gui-inner-pids" ]; then
    kill -TERM "$(cat "$OUT/.gui-inner-pids")" 2>/dev/null || true
  fi
  if [ -n "$SESSION" ]; then
    for _ in $(seq 100); do kill -0 "$SESSION" 2>/dev/null || break; sleep 0.1; done
    kill -TERM "$SESSION" 2>/dev/null || true
  fi
  if [ -s "$PIDFILE" ]; then
    keeper=$(head -n1 "$PIDFILE")
    kill -TERM "$keeper" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$keeper" 2>/dev/null || break; sleep 0.1; done
    if [ -s "$PIDFILE" ]; then
      while read -r pid; do kill -KILL "$pid" 2>/dev/null || true; done < "$PIDFILE"
    fi
  fi
  [ -n "${KEEPER:-}" ] && { kill -KILL "$KEEPER" 2>/dev/null || true; wait "$KEEPER" 2>/dev/null || true; }
  rm -rf "$SCRATCH"
}
trap teardown EXIT
trap 'exit 130' INT TERM

"$TOOLS/sleepers" "$N" "$PIDFILE" &
KEEPER=$!
for _ in $(seq 300); do
  [ -s "$PIDFILE" ] && break
  kill -0 "$KEEPER" 2>/dev/null || { echo "gui.sh: sleepers failed" >&2; exit 1; }
  sleep 0.1
done
[ -s "$PIDFILE" ] || { echo "gui.sh: sleepers did not start" >&2; exit 1; }

MACHINE="$(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), kernel $(uname -r), $(awk '/MemTotal/ { printf "%.1f GiB RAM", $2 / 1048576 }' /proc/meminfo)"
echo "== $(date -Iseconds) $MACHINE; taskscope $(git -C "$SRC" describe --always --dirty 2>/dev/null || echo '?')" | tee "$OUT/gui-machine.txt"
echo "== $N sleepers (keeper $KEEPER); $(find /proc -maxdepth 1 -name '[0-9]*' | wc -l) processes in /proc; loadavg $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/gui-machine.txt"
cat "$OUT/gui-settings.txt"

rm -f "$OUT"/gui-run*.txt "$OUT"/gui-run*.log
export BUILD OUT RUNS MEASURE SETTLE PERF
dbus-run-session -- xvfb-run -a -s "-screen 0 ${SCREEN}x24 -nolisten tcp" \
  "$BENCH/gui.sh" --inner taskscope < /dev/null &
SESSION=$!
wait "$SESSION"
SESSION=""

# --------------------------------------------------------------- report
val () { awk -v k="$2" '$1 == k { print $2; exit }' "$1"; }
field () { # file key field -> value of field=... on the line of key
  awk -v k="$2" -v f="$3" '$1 == k { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == f) print kv[2] } }' "$1"
}
mib () { awk -v k="$1" 'BEGIN { if (k == "") print "-"; else printf "%.1f", k / 1024 }'; }
ratio () { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "-"; else printf "%.2f", a / b }'; }

{
echo
echo "| run | app | processes | CPU s/min | X server CPU s/min | others' CPU s/min | VmHWM MiB | VmRSS MiB | PSS MiB | USS MiB | launch→map ms | launch→first frame ms | launch→first rows ms | own probe ms (main→paint / launch→paint) | VmHWM after scroll+sort MiB |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for run in $(seq "$RUNS"); do
  for app in taskscope gsm; do
    f=$OUT/gui-run$run-$app.txt
    own="-"
    [ "$app" = taskscope ] && own="$(val "$f" main_to_first_paint_ms) / $(val "$f" launch_to_first_paint_ms)"
    echo "| $run | $app | $(val "$f" processes_at_start)–$(val "$f" processes_at_end) | $(val "$f" cpu_s_per_min) | $(val "$f" xserver_cpu_s_per_min) | $(val "$f" others_cpu_s_per_min) | $(mib "$(val "$f" vmhwm_kib)") | $(mib "$(val "$f" vmrss_kib)") | $(mib "$(val "$f" pss_kib)") | $(mib "$(val "$f" uss_kib)") | $(val "$f" launch_to_map_ms) | $(val "$f" launch_to_first_frame_ms) | $(val "$f" launch_to_list_frame_ms) | $own | $(mib "$(val "$f" vmhwm_after_interaction_kib)") |"
  done
done
echo
echo "Interaction (XTest input, frames = bursts of X DAMAGE on the window; proxies for smoothness):"
echo
echo "| run | app | test | frames | first frame after input ms | busy ms (input → last frame) | lag ms (last input → last frame) | frame gap median / p95 / max ms | app CPU ms | machine busy % (whole phase) |"
echo "|---|---|---|---:|---:|---:|---:|---:|---:|---:|"
for run in $(seq "$RUNS"); do
  for app in taskscope gsm; do
    f=$OUT/gui-run$run-$app.txt
    for t in wheel_100_at_20ms pagedown_100_burst sort_name_1 sort_name_2; do
      echo "| $run | $app | $t | $(field "$f" $t frames) | $(field "$f" $t latency_ms) | $(field "$f" $t busy_ms) | $(field "$f" $t lag_ms) | $(field "$f" $t gap_median_ms) / $(field "$f" $t gap_p95_ms) / $(field "$f" $t gap_max_ms) | $(field "$f" $t cpu_ms) | $(val "$f" interaction_machine_busy_pct) |"
    done
  done
done
echo
for run in $(seq "$RUNS"); do
  t=$OUT/gui-run$run-taskscope.txt; g=$OUT/gui-run$run-gsm.txt
  cpu=$(ratio "$(val "$t" cpu_s_per_min)" "$(val "$g" cpu_s_per_min)")
  mem=$(ratio "$(val "$t" vmhwm_kib)" "$(val "$g" vmhwm_kib)")
  ff=$(val "$t" launch_to_first_frame_ms)
  fl=$(val "$t" launch_to_list_frame_ms)
  ffr=$(ratio "$ff" "$(val "$g" launch_to_first_frame_ms)")
  flr=$(ratio "$fl" "$(val "$g" launch_to_list_frame_ms)")
  awk -v r="$run" -v c="$cpu" -v m="$mem" -v fr="$ffr" -v ff="$ff" -v fl="$fl" -v flr="$flr" 'BEGIN {
    printf "run %s: CPU taskscope/gsm %s (goal <= 0.25: %s); VmHWM taskscope/gsm %s (goal <= 1: %s); first frame taskscope %s ms (goal < 400: %s), taskscope/gsm %s; first rows taskscope %s ms (< 400: %s), taskscope/gsm %s\n",
      r, c, (c != "-" && c <= 0.25) ? "met" : "MISSED", m, (m != "-" && m <= 1) ? "met" : "MISSED",
      ff, (ff != "-" && ff != "" && ff < 400) ? "met" : "MISSED", fr,
      fl, (fl != "-" && fl != "" && fl < 400) ? "met" : "no", flr }'
done
} | tee "$OUT/gui-results.md"
echo "== raw numbers: $OUT/gui-run*.txt; screenshots: $OUT/gui-run*.png; loadavg $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$PERF" -gt 0 ] && echo "== perf: $OUT/gui-perf-*.txt"
echo "== tearing down $N sleepers"
