#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one libFuzzer target briefly, as a meson test (suite 'fuzz').
#
#   run-fuzzer.sh FUZZER SCRATCH_DIR ARTIFACT_DIR SEED_DIR [libFuzzer flags...]
#
# libFuzzer writes the inputs it finds into the first corpus directory only,
# so the scratch directory (in the build tree) goes first and the seed corpus
# in the source tree second, read-only.  Crashing inputs land in ARTIFACT_DIR.
# A crash must fail the test: libFuzzer's default exit code, 77, is what meson
# takes for "skipped", hence -error_exitcode.
# How long: TS_FUZZ_SECONDS (default 5); 0 runs the corpus once and stops
# (libFuzzer's own -max_total_time=0 would mean "forever").
set -eu

if [ "$#" -lt 4 ]; then
  echo "usage: $0 FUZZER SCRATCH_DIR ARTIFACT_DIR SEED_DIR [libFuzzer flags...]" >&2
  exit 2
fi

fuzzer=$1
scratch=$2
artifacts=$3
seeds=$4
shift 4

seconds=${TS_FUZZ_SECONDS:-5}
case $seconds in
  ''|*[!0-9]*)
    echo "TS_FUZZ_SECONDS must be a whole number of seconds, not '$seconds'" >&2
    exit 2
    ;;
esac

if [ "$seconds" -eq 0 ]; then
  limit=-runs=0
else
  limit=-max_total_time=$seconds
fi

mkdir -p "$scratch" "$artifacts"

exec "$fuzzer" \
  "$limit" \
  -artifact_prefix="$artifacts/" \
  -print_final_stats=1 \
  -error_exitcode=1 \
  -timeout_exitcode=1 \
  "$@" \
  "$scratch" "$seeds"
