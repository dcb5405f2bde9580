#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""taskscope-cli system, disks and net against psutil on the live machine.

Two passes, run by the system python (psutil 5.9.4 is a Debian package
there); meson sets TS_CLI.  Prints TAP and exits non-zero on any mismatch.
It never skips itself: a missing psutil or CLI is a failure.

1. Frozen: the live /proc files both sides read (stat, meminfo, vmstat,
   zoneinfo, loadavg, diskstats, net/dev, cpuinfo) are copied into a
   temporary tree, then `$TS_CLI --procfs TREE` and psutil with
   psutil.PROCFS_PATH = TREE read the same bytes, so every field must be
   equal: this checks the formulas on real data.  Exceptions: sin/sout are
   psutil's * page size / 4096 (psutil assumes 4 KiB pages, we use the page
   size; equal on x86); cpu_freq.current is compared only where psutil takes
   it from cpuinfo as we then do (no cpufreq in sysfs), since with cpufreq
   psutil may prefer cpuinfo's MHz and we read scaling_cur_freq.

2. Live: psutil, then `$TS_CLI system|disks|net --json` on /proc, then
   psutil again.  Tolerances:
  exact            cpu_count (logical, physical), virtual_memory.total,
                   swap_memory.total, the number of per-CPU entries, the
                   disk and interface names, cpu_freq's length, min and max.
  boot_time        1 s: both read btime, which the kernel derives from the
                   clock and the uptime and may step by a second.
  counters         cpu_times (total and per CPU), swap sin/sout, every disk
                   and interface counter: the CLI read lies between psutil's
                   two reads, since counters only grow.  idle and iowait
                   get 1 s of slack: the kernel's NOHZ accounting of both can
                   go back a little (iowait is documented as unreliable).
  loadavg          between psutil's two reads, 0.01 (two decimals in the
                   file): it changes every 5 s, so at most once in between.
  memory           available, used, free, active, inactive, buffers, cached,
                   shared, slab, swap used/free: between the two reads
                   widened by 2% of total + 32 MiB, since other tests and
                   builds run in parallel and allocate and free; percent the
                   same way (2.5 points).  Pass 1 checks these exactly.
  cpu_freq.current an instantaneous sample, not a counter: > 0, and inside
                   [min/2, max*1.5] when the limits are known, else within
                   50% of psutil's value.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import warnings

TAP_N = 0
FAILED = 0
MIB = 1024 * 1024


def tap(ok, desc, diag=None):
    global TAP_N, FAILED
    TAP_N += 1
    if not ok:
        FAILED += 1
    print("%s %d - %s" % ("ok" if ok else "not ok", TAP_N, desc))
    if diag and not ok:
        for line in str(diag).splitlines():
            print("#   " + line)
    sys.stdout.flush()


def bail(msg):
    print("1..1")
    print("not ok 1 - %s" % msg)
    sys.exit(1)


try:
    import psutil
except ImportError as e:
    bail("import psutil: %s" % e)

CLI = os.environ.get("TS_CLI")
if not CLI or not os.access(CLI, os.X_OK):
    bail("TS_CLI is not set to an executable (%r)" % CLI)


def run_cli(*args, procfs=None):
    extra = ["--procfs", procfs] if procfs else []
    p = subprocess.run([CLI, "--json"] + extra + list(args), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=60)
    if p.returncode != 0:
        return None, "exit %d: %s" % (p.returncode, p.stderr.decode(errors="replace"))
    try:
        return json.loads(p.stdout), None
    except ValueError as e:
        return None, "bad JSON: %s" % e


def read_psutil():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return {
            "cpu_times": psutil.cpu_times()._asdict(),
            "cpu_times_percpu": [t._asdict() for t in psutil.cpu_times(percpu=True)],
            "cpu_count": {"logical": psutil.cpu_count(),
                          "physical": psutil.cpu_count(logical=False)},
            "cpu_freq": [f._asdict() for f in psutil.cpu_freq(percpu=True)],
            "virtual_memory": psutil.virtual_memory()._asdict(),
            "swap_memory": psutil.swap_memory()._asdict(),
            "loadavg": list(psutil.getloadavg()),
            "boot_time": psutil.boot_time(),
            # Raw counters: nowrap would adjust them across calls.
            "disks": {k: v._asdict() for k, v in
                      psutil.disk_io_counters(perdisk=True, nowrap=False).items()},
            "net": {k: v._asdict() for k, v in
                    psutil.net_io_counters(pernic=True, nowrap=False).items()},
        }


def between(value, a, b, slack=0.0):
    lo, hi = min(a, b), max(a, b)
    return lo - slack <= value <= hi + slack


def check_counters(desc, got, before, after, fields, slack=None):
    """got, before, after: dicts; every field must lie between the reads."""
    slack = slack or {}
    bad = []
    if not isinstance(got, dict):
        tap(False, desc, "not an object: %r" % (got,))
        return
    for f in fields:
        if f not in got:
            bad.append("%s missing" % f)
            continue
        b = before.get(f, 0)
        a = after.get(f, 0)
        if not between(got[f], b, a, slack.get(f, 0)):
            bad.append("%s = %r, psutil %r .. %r" % (f, got[f], b, a))
    tap(not bad, desc, "\n".join(bad))


CPU_FIELDS = ["user", "nice", "system", "idle", "iowait", "irq", "softirq",
              "steal", "guest", "guest_nice"]
CPU_SLACK = {"idle": 1.0, "iowait": 1.0}
DISK_FIELDS = ["read_count", "write_count", "read_bytes", "write_bytes",
               "read_time", "write_time", "read_merged_count",
               "write_merged_count", "busy_time"]
NET_FIELDS = ["bytes_sent", "bytes_recv", "packets_sent", "packets_recv",
              "errin", "errout", "dropin", "dropout"]
VM_MOVING = ["available", "used", "free", "active", "inactive", "buffers",
             "cached", "shared", "slab"]


FROZEN_FILES = ["stat", "meminfo", "vmstat", "zoneinfo", "loadavg",
                "diskstats", "net/dev", "cpuinfo"]


def check_equal(desc, got, want):
    if got == want:
        tap(True, desc)
        return
    diag = []
    if isinstance(got, dict) and isinstance(want, dict):
        for k in sorted(set(got) | set(want)):
            if got.get(k, "<missing>") != want.get(k, "<missing>"):
                diag.append("%s: cli %r, psutil %r" % (k, got.get(k, "<missing>"),
                                                       want.get(k, "<missing>")))
    else:
        diag.append("cli %r\npsutil %r" % (got, want))
    tap(False, desc, "\n".join(diag))


def frozen_pass():
    tmp = tempfile.mkdtemp(prefix="ts-compare-system-")
    try:
        proc = os.path.join(tmp, "proc")
        for name in FROZEN_FILES:
            path = os.path.join(proc, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            try:
                with open("/proc/" + name, "rb") as f:
                    data = f.read()
            except OSError:
                continue  # zoneinfo, vmstat may be absent; then both sides lack it
            with open(path, "wb") as f:
                f.write(data)

        system, err = run_cli("system", procfs=proc)
        tap(system is not None, "frozen: taskscope-cli --procfs TREE system --json", err)
        disks, err = run_cli("disks", procfs=proc)
        tap(disks is not None, "frozen: disks --json", err)
        net, err = run_cli("net", procfs=proc)
        tap(net is not None, "frozen: net --json", err)
        if system is None or disks is None or net is None:
            return

        saved = psutil.PROCFS_PATH
        psutil.PROCFS_PATH = proc
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                ct = psutil.cpu_times()._asdict()
                per = [t._asdict() for t in psutil.cpu_times(percpu=True)]
                vm = psutil.virtual_memory()._asdict()
                sw = psutil.swap_memory()._asdict()
                bt = psutil.boot_time()
                freq = [f._asdict() for f in psutil.cpu_freq(percpu=True)]
                pd = {k: v._asdict() for k, v in
                      psutil.disk_io_counters(perdisk=True, nowrap=False).items()}
                pn = {k: v._asdict() for k, v in
                      psutil.net_io_counters(pernic=True, nowrap=False).items()}
        finally:
            psutil.PROCFS_PATH = saved

        # Fields an older kernel lacks are absent in psutil, 0 with us.
        check_equal("frozen: cpu_times", system["cpu_times"],
                    {k: ct.get(k, 0.0) for k in CPU_FIELDS})
        check_equal("frozen: cpu_times_percpu", system["cpu_times_percpu"],
                    [{k: t.get(k, 0.0) for k in CPU_FIELDS} for t in per])
        check_equal("frozen: virtual_memory", system["virtual_memory"], vm)
        page = os.sysconf("SC_PAGE_SIZE")
        sw["sin"] = sw["sin"] // 4096 * page
        sw["sout"] = sw["sout"] // 4096 * page
        check_equal("frozen: swap_memory", system["swap_memory"], sw)
        check_equal("frozen: boot_time", system["boot_time"], bt)
        with open(os.path.join(proc, "loadavg"), "rb") as f:
            la = [float(x) for x in f.read().split()[:3]]
        check_equal("frozen: loadavg", system["loadavg"], la)
        have_cpufreq = (os.path.exists("/sys/devices/system/cpu/cpufreq/policy0")
                        or os.path.exists("/sys/devices/system/cpu/cpu0/cpufreq"))
        if not freq:
            tap(system["cpu_freq"] is None and "cpu_freq" in system["errors"],
                "frozen: cpu_freq: none, as in psutil", "cli %r" % (system["cpu_freq"],))
        elif have_cpufreq:
            check_equal("frozen: cpu_freq min/max",
                        [(f["min"], f["max"]) for f in system["cpu_freq"] or []],
                        [(f["min"], f["max"]) for f in freq])
        else:
            check_equal("frozen: cpu_freq (from cpuinfo)", system["cpu_freq"], freq)
        check_equal("frozen: disk_io_counters(perdisk=True)", disks, pd)
        check_equal("frozen: net_io_counters(pernic=True)", net, pn)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    frozen_pass()

    before = read_psutil()
    system, system_err = run_cli("system")
    disks, disks_err = run_cli("disks")
    net, net_err = run_cli("net")
    after = read_psutil()

    tap(system is not None, "taskscope-cli system --json", system_err)
    tap(disks is not None, "taskscope-cli disks --json", disks_err)
    tap(net is not None, "taskscope-cli net --json", net_err)
    if system is None or disks is None or net is None:
        print("1..%d" % TAP_N)
        return 1

    # Which parts failed, and why; only cpu_freq may, and only where psutil
    # finds no frequency either.
    errors = system.get("errors")
    allowed = {"cpu_freq"} if not before["cpu_freq"] else set()
    tap(isinstance(errors, dict) and set(errors) <= allowed,
        "system: no reader failed", "errors: %r" % (errors,))

    # --- exact
    tap(system["cpu_count"] == before["cpu_count"] == after["cpu_count"],
        "cpu_count", "cli %r, psutil %r" % (system["cpu_count"], before["cpu_count"]))
    vm = system["virtual_memory"] or {}
    tap(vm.get("total") == before["virtual_memory"]["total"],
        "virtual_memory.total", "cli %r, psutil %r" % (vm.get("total"), before["virtual_memory"]["total"]))
    sw = system["swap_memory"] or {}
    tap(sw.get("total") == before["swap_memory"]["total"],
        "swap_memory.total", "cli %r, psutil %r" % (sw.get("total"), before["swap_memory"]["total"]))
    bt = system["boot_time"]
    tap(isinstance(bt, (int, float)) and abs(bt - before["boot_time"]) <= 1.0,
        "boot_time within 1 s", "cli %r, psutil %r" % (bt, before["boot_time"]))

    # --- CPU times
    check_counters("cpu_times", system["cpu_times"], before["cpu_times"],
                   after["cpu_times"], CPU_FIELDS, CPU_SLACK)
    per = system["cpu_times_percpu"] or []
    tap(len(per) == len(before["cpu_times_percpu"]) == len(after["cpu_times_percpu"]),
        "cpu_times_percpu: %d entries" % len(per),
        "cli %d, psutil %d" % (len(per), len(before["cpu_times_percpu"])))
    for i, t in enumerate(per[:len(before["cpu_times_percpu"])]):
        check_counters("cpu_times_percpu[%d]" % i, t, before["cpu_times_percpu"][i],
                       after["cpu_times_percpu"][i], CPU_FIELDS, CPU_SLACK)

    # --- CPU frequency
    freq = system["cpu_freq"]
    pf = before["cpu_freq"]
    if not pf:
        tap(freq is None and "cpu_freq" in errors,
            "cpu_freq: none here, and psutil has none either", "cli %r" % (freq,))
    else:
        tap(isinstance(freq, list) and len(freq) == len(pf),
            "cpu_freq: %d entries" % len(pf), "cli %r, psutil %r" % (freq, pf))
        for i, (f, p) in enumerate(zip(freq or [], pf)):
            bad = []
            if f["min"] != p["min"] or f["max"] != p["max"]:
                bad.append("min/max cli %r/%r, psutil %r/%r" % (f["min"], f["max"], p["min"], p["max"]))
            cur = f["current"]
            if not cur > 0:
                bad.append("current %r" % cur)
            elif f["max"] > 0:
                if not (f["min"] / 2 <= cur <= f["max"] * 1.5):
                    bad.append("current %r outside [%r/2, %r*1.5]" % (cur, f["min"], f["max"]))
            elif abs(cur - p["current"]) > 0.5 * p["current"]:
                bad.append("current %r, psutil %r" % (cur, p["current"]))
            tap(not bad, "cpu_freq[%d]" % i, "\n".join(bad))

    # --- memory
    total = before["virtual_memory"]["total"]
    tol = 0.02 * total + 32 * MIB
    bad = []
    for k in VM_MOVING:
        if not between(vm.get(k, -1), before["virtual_memory"][k],
                       after["virtual_memory"][k], tol):
            bad.append("%s = %r, psutil %r .. %r" % (k, vm.get(k), before["virtual_memory"][k],
                                                      after["virtual_memory"][k]))
    if not between(vm.get("percent", -1), before["virtual_memory"]["percent"],
                   after["virtual_memory"]["percent"], 2.5):
        bad.append("percent = %r, psutil %r" % (vm.get("percent"), before["virtual_memory"]["percent"]))
    tap(not bad, "virtual_memory (tolerance %d MiB)" % (tol // MIB), "\n".join(bad))

    bad = []
    for k in ["used", "free"]:
        if not between(sw.get(k, -1), before["swap_memory"][k], after["swap_memory"][k], tol):
            bad.append("%s = %r, psutil %r" % (k, sw.get(k), before["swap_memory"][k]))
    if not between(sw.get("percent", -1), before["swap_memory"]["percent"],
                   after["swap_memory"]["percent"], 2.5):
        bad.append("percent = %r, psutil %r" % (sw.get("percent"), before["swap_memory"]["percent"]))
    tap(not bad, "swap_memory used/free/percent", "\n".join(bad))
    check_counters("swap_memory sin/sout", sw, before["swap_memory"], after["swap_memory"],
                   ["sin", "sout"])

    # --- load average
    la = system["loadavg"] or []
    tap(len(la) == 3 and all(between(la[i], before["loadavg"][i], after["loadavg"][i], 0.01)
                             for i in range(3)),
        "loadavg", "cli %r, psutil %r .. %r" % (la, before["loadavg"], after["loadavg"]))

    # --- disks
    names = set(before["disks"]) & set(after["disks"])
    tap(set(disks) == names, "disks: the same %d devices" % len(names),
        "cli %r\npsutil %r" % (sorted(disks), sorted(names)))
    for name in sorted(names & set(disks)):
        check_counters("disk %s" % name, disks[name], before["disks"][name],
                       after["disks"][name], DISK_FIELDS)

    # --- network
    names = set(before["net"]) & set(after["net"])
    tap(set(net) == names, "net: the same %d interfaces" % len(names),
        "cli %r\npsutil %r" % (sorted(net), sorted(names)))
    for name in sorted(names & set(net)):
        check_counters("net %s" % name, net[name], before["net"][name],
                       after["net"][name], NET_FIELDS)

    print("1..%d" % TAP_N)
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
