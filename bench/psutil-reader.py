#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""psutil contestant for the process-reader benchmark.

Every process with the fields `taskscope-cli processes --json --memory-full`
prints (--set cli, the default) or a wider set (--set full), through psutil.process_iter(attrs=...).  process_iter calls
Process.as_dict(), which runs inside Process.oneshot(), so stat/status/statm
are read once per process; memory_full_info reads smaps_rollup.

Run it with Debian's /usr/bin/python3 (python3-psutil 5.9.4):

    /usr/bin/python3 bench/psutil-reader.py > out.json
    /usr/bin/python3 bench/psutil-reader.py --set full > out.json
    /usr/bin/python3 bench/psutil-reader.py --repeat 20   # ms per pass, in one process
"""
import argparse
import json
import resource
import sys
import time

import psutil

SETS = {
    # what `taskscope-cli processes --json --memory-full` prints
    "cli": ["pid", "ppid", "name", "username", "status", "create_time",
            "cpu_times", "num_threads", "memory_info", "cmdline",
            "memory_full_info"],
    # everything from stat, status, statm, cmdline, io, smaps_rollup, exe, cwd
    "full": ["pid", "ppid", "name", "exe", "cmdline", "cwd", "status",
             "username", "uids", "gids", "terminal", "create_time",
             "cpu_times", "num_threads", "num_ctx_switches", "nice",
             "cpu_num", "memory_info", "memory_full_info", "io_counters"],
}
ATTRS = list(SETS["cli"])


def one_pass():
    out = []
    for proc in psutil.process_iter(attrs=ATTRS, ad_value=None):
        info = proc.info
        for key, value in info.items():
            if hasattr(value, "_asdict"):
                info[key] = value._asdict()
        out.append(info)
    return out


def cpu_seconds():
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=0,
                        help="run this many passes in one process and print ms per pass")
    parser.add_argument("--set", choices=sorted(SETS), default="cli",
                        help="attribute set (default: cli, what taskscope-cli prints)")
    parser.add_argument("--attrs", default=None,
                        help="comma-separated psutil attribute names instead of a set")
    args = parser.parse_args()
    ATTRS[:] = args.attrs.split(",") if args.attrs else SETS[args.set]

    if args.repeat:
        one_pass()  # warm up: imports, the pid map, caches
        wall0, cpu0 = time.monotonic(), cpu_seconds()
        n = 0
        for _ in range(args.repeat):
            n = len(one_pass())
        wall, cpu = time.monotonic() - wall0, cpu_seconds() - cpu0
        print("psutil %d passes, %d processes: %.2f ms wall/pass, %.2f ms cpu/pass"
              % (args.repeat, n, wall * 1000 / args.repeat, cpu * 1000 / args.repeat))
        return 0

    procs = one_pass()
    json.dump(procs, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")
    print("psutil-reader: %d processes" % len(procs), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
