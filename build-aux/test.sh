#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds Taskscope and runs every test suite:
#   1. the whole `meson test` run (build-test/, -Dwerror=true) under Xvfb and a private D-Bus;
#   2. the same suites built with AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/);
#   3. each libFuzzer target for a few seconds (build-fuzz/, clang);
#   4. the Windows platform layer cross-built with mingw-w64 and its `win32`
#      suite run under wine (build-win32/, prefix in build-win32/wineprefix).
# Ends with "N passed, N failed, N skipped" counted from meson's test logs.
# --quick runs only step 1.  TS_FUZZ_SECONDS sets the time per fuzzer (default 5).
set -uo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
cd "$top"
. build-aux/deps.sh
ts_install_deps test || { echo "could not install the build dependencies" >&2; exit 1; }

quick=0
[ "${1:-}" = "--quick" ] && quick=1

export GSK_RENDERER=cairo GDK_BACKEND=x11 GTK_A11Y=none GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1
export G_DEBUG=gc-friendly,fatal-criticals
status=0
logs=()

run_suite () {  # dir, meson setup args...
  local dir=$1; shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" --werror "$@" || return 1
  fi
  meson compile -C "$dir" || return 1
  dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
    meson test -C "$dir" --print-errorlogs --num-processes 2
}

run_suite build-test -Dbuildtype=debugoptimized || status=1
logs+=(build-test/meson-logs/testlog.json)

if [ $quick -eq 0 ]; then
  # detect_leaks=0: GTK and fontconfig keep caches for the life of the process.
  ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    run_suite build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug || status=1
  logs+=(build-asan/meson-logs/testlog.json)

  if [ ! -f build-fuzz/build.ninja ]; then
    CC=clang meson setup build-fuzz --werror -Dfuzzing=true -Dgui=false -Dtests=false -Dbuildtype=debug || status=1
  fi
  if meson compile -C build-fuzz; then
    TS_FUZZ_SECONDS=${TS_FUZZ_SECONDS:-5} meson test -C build-fuzz --suite fuzz --print-errorlogs || status=1
  else
    status=1
  fi
  logs+=(build-fuzz/meson-logs/testlog.json)

  # --- win32 (issue 7): the Windows platform layer, cross-built with
  # mingw-w64, its `win32` suite run under wine in a prefix of its own.
  win32_start=$SECONDS
  if ts_install_deps win32; then
    if [ ! -f build-win32/build.ninja ]; then
      meson setup build-win32 --werror --cross-file build-aux/x86_64-w64-mingw32.ini || status=1
    fi
    if meson compile -C build-win32; then
      # No display needed: the tests open no window, and the overrides keep
      # wineboot from offering to install Mono and Gecko.
      export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
      [ -f build-win32/wineprefix/system.reg ] || WINEPREFIX="$PWD/build-win32/wineprefix" wineboot -i >/dev/null 2>&1
      meson test -C build-win32 --suite win32 --print-errorlogs || status=1
      WINEPREFIX="$PWD/build-win32/wineprefix" wineserver -k 2>/dev/null
    else
      status=1
    fi
  else
    echo "could not install the win32 dependencies" >&2
    status=1
  fi
  logs+=(build-win32/meson-logs/testlog.json)
  echo "win32 step: $((SECONDS - win32_start)) s" >&2
  # --- end win32
fi

/usr/bin/env python3 - "${logs[@]}" <<'PY'
import json, sys
counts = {"passed": 0, "failed": 0, "skipped": 0}
for path in sys.argv[1:]:
    try:
        lines = open(path).read().splitlines()
    except OSError:
        counts["failed"] += 1
        print(f"missing test log {path}", file=sys.stderr)
        continue
    for line in lines:
        r = json.loads(line).get("result")
        if r in ("OK", "EXPECTEDFAIL"):
            counts["passed"] += 1
        elif r == "SKIP":
            counts["skipped"] += 1
        else:
            counts["failed"] += 1
print(f'{counts["passed"]} passed, {counts["failed"]} failed, {counts["skipped"]} skipped')
sys.exit(1 if counts["failed"] else 0)
PY
py=$?
[ $py -ne 0 ] && status=1
exit $status
