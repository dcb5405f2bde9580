#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""taskscope-cli sensors on the fixture trees and on the live machine.

Run by the system python (psutil is a Debian package there); meson sets
TS_CLI and TS_FIXTURES.  Prints TAP, exits non-zero on any mismatch.

1. Each fixture tree: `$TS_CLI --sysfs TREE/sys sensors --json` parsed and
   compared with tests/fixtures/expected/sensors-<tree>.json, written by
   hand (floats to 1e-9, chips and entries in order); the table output must
   name every chip and label.
2. psutil on the same trees, where psutil 5.9 and Taskscope agree by
   design: psutil reads /sys only, so the tree is bind-mounted over /sys in
   a private mount namespace (unshare -m, which needs CAP_SYS_ADMIN).
   Entries are compared per chip as sorted lists, since psutil sorts paths
   as strings (temp10 before temp2).  Left out on purpose: sys-battery-dual
   (psutil reads BAT0 only), the AMD desktop's battery (psutil takes a
   mouse's battery for the system's), sys-thermal-only's temperatures
   (psutil looks for a "high" trip point, which the kernel calls "hot") and
   sys-sensors-broken (psutil raises on some of its files).  Without the
   privilege this pass is reported as skipped, never as passed.
3. Live: the CLI with no --sysfs; its JSON must equal what psutil returns
   here in shape (chips, labels) and, for temperatures, within 5 degrees;
   with no sensor at all the table output must say so and exit 0.
"""

import json
import math
import os
import subprocess
import sys

CLI = os.environ.get("TS_CLI")
FIXTURES = os.environ.get("TS_FIXTURES")

TREES = [
    "sys-laptop",
    "sys-amd-desktop",
    "sys-battery-charge",
    "sys-battery-capacity",
    "sys-battery-dual",
    "sys-battery-zero",
    "sys-thermal-only",
    "sys-sensors-broken",
]

# tree -> parts psutil is compared on (see the docstring).
PSUTIL_PARTS = {
    "sys-laptop": ("temperatures", "fans", "battery"),
    "sys-amd-desktop": ("temperatures", "fans"),
    "sys-battery-charge": ("temperatures", "fans", "battery"),
    "sys-battery-capacity": ("temperatures", "fans", "battery"),
    "sys-battery-zero": ("temperatures", "fans", "battery"),
    "sys-thermal-only": ("fans", "battery"),
}

n_test = 0
failures = 0


def tap(ok, name, detail=""):
    global n_test, failures
    n_test += 1
    if not ok:
        failures += 1
    print("%s %d %s" % ("ok" if ok else "not ok", n_test, name))
    if detail and not ok:
        for line in detail.splitlines():
            print("# " + line)


def skip(name, reason):
    global n_test
    n_test += 1
    print("ok %d %s # SKIP %s" % (n_test, name, reason))


def same(a, b, path="$"):
    """None when equal (floats to 1e-9, bool not equal to int), else where."""
    if isinstance(a, bool) or isinstance(b, bool):
        return None if a is b else "%s: %r != %r" % (path, a, b)
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        if math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9):
            return None
        return "%s: %r != %r" % (path, a, b)
    if isinstance(a, dict) and isinstance(b, dict):
        if list(a.keys()) != list(b.keys()):
            return "%s: keys %r != %r" % (path, list(a.keys()), list(b.keys()))
        for k in a:
            d = same(a[k], b[k], "%s.%s" % (path, k))
            if d:
                return d
        return None
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return "%s: length %d != %d" % (path, len(a), len(b))
        for i, (x, y) in enumerate(zip(a, b)):
            d = same(x, y, "%s[%d]" % (path, i))
            if d:
                return d
        return None
    return None if a == b else "%s: %r != %r" % (path, a, b)


def run_cli(args):
    return subprocess.run([CLI] + args, capture_output=True, text=True, timeout=60)


def cli_json(sysfs):
    args = (["--sysfs", sysfs] if sysfs else []) + ["sensors", "--json"]
    r = run_cli(args)
    if r.returncode != 0:
        raise RuntimeError("%s: exit %d: %s" % (args, r.returncode, r.stderr))
    return json.loads(r.stdout)


def sorted_entries(d, keys):
    """{chip: [entries]} with each list sorted, entries as tuples."""
    return {chip: sorted(tuple(e[k] for k in keys) for e in entries)
            for chip, entries in d.items()}


PSUTIL_SCRIPT = r"""
import json, psutil
t = {k: [dict(label=e.label, current=e.current, high=e.high, critical=e.critical)
         for e in v] for k, v in psutil.sensors_temperatures().items()}
f = {k: [dict(label=e.label, current=e.current) for e in v]
     for k, v in psutil.sensors_fans().items()}
b = psutil.sensors_battery()
b = None if b is None else dict(percent=b.percent, secsleft=int(b.secsleft),
                                power_plugged=b.power_plugged)
print(json.dumps(dict(temperatures=t, fans=f, battery=b)))
"""


def can_unshare():
    """Whether a private mount namespace with a bind mount can be made here;
    the reason when not."""
    try:
        r = subprocess.run(["unshare", "-m", "sh", "-c",
                            "mount --make-rprivate / && mount --bind /tmp /mnt"],
                           capture_output=True, text=True, timeout=30)
    except FileNotFoundError:
        return False, "no unshare program"
    return r.returncode == 0, r.stderr.strip()


def psutil_on(sysfs):
    """psutil's answer with sysfs mounted over /sys; raises when psutil fails."""
    cmd = ["unshare", "-m", "sh", "-c",
           'mount --make-rprivate / && mount --bind "$0" /sys && exec /usr/bin/python3 -c "$1"',
           sysfs, PSUTIL_SCRIPT]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        raise RuntimeError("psutil on %s: %s" % (sysfs, r.stderr))
    return json.loads(r.stdout)


def compare_with_psutil(tree, ours, theirs, parts):
    for part in parts:
        if part == "battery":
            d = same(ours["battery"], theirs["battery"], "battery")
        elif part == "temperatures":
            keys = ("label", "current", "high", "critical")
            a, b = sorted_entries(ours[part], keys), sorted_entries(theirs[part], keys)
            d = same(sorted(a.keys()), sorted(b.keys()), "chips") or \
                same({k: [list(x) for x in a[k]] for k in sorted(a)},
                     {k: [list(x) for x in b[k]] for k in sorted(a) if k in b}, part)
        else:
            keys = ("label", "current")
            a, b = sorted_entries(ours[part], keys), sorted_entries(theirs[part], keys)
            d = same(sorted(a.keys()), sorted(b.keys()), "chips") or \
                same({k: [list(x) for x in a[k]] for k in sorted(a)},
                     {k: [list(x) for x in b[k]] for k in sorted(a) if k in b}, part)
        tap(d is None, "%s: %s as psutil" % (tree, part), d or "")


def fixtures():
    for tree in TREES:
        sysfs = os.path.join(FIXTURES, tree, "sys")
        expected_path = os.path.join(FIXTURES, "expected", "sensors-%s.json" % tree[4:])
        with open(expected_path) as f:
            expected = json.load(f)
        try:
            ours = cli_json(sysfs)
        except Exception as e:  # noqa: BLE001 - reported as a failure
            tap(False, "%s: --json" % tree, str(e))
            continue
        d = same(ours, expected)
        tap(d is None, "%s: --json as expected" % tree, d or "")

        r = run_cli(["--sysfs", sysfs, "sensors"])
        missing = []
        for part in ("temperatures", "fans"):
            for chip, entries in expected[part].items():
                if chip not in r.stdout:
                    missing.append(chip)
                for e in entries:
                    if e["label"] and e["label"] not in r.stdout:
                        missing.append(e["label"])
        if expected["battery"] is not None:
            pct = "%.1f %%" % expected["battery"]["percent"]
            if pct not in r.stdout:
                missing.append(pct)
        elif "No battery" not in r.stdout and "No sensors" not in r.stdout:
            missing.append("No battery")
        tap(r.returncode == 0 and not missing, "%s: table names every chip and label" % tree,
            "exit %d, missing %r\n%s" % (r.returncode, missing, r.stdout))

    can, why = can_unshare()
    for tree, parts in PSUTIL_PARTS.items():
        sysfs = os.path.join(FIXTURES, tree, "sys")
        if not can:
            for part in parts:
                skip("%s: %s as psutil" % (tree, part), "cannot bind-mount over /sys: %s" % why)
            continue
        try:
            theirs = psutil_on(sysfs)
        except Exception as e:  # noqa: BLE001 - reported as a failure
            tap(False, "%s: psutil" % tree, str(e))
            continue
        compare_with_psutil(tree, cli_json(sysfs), theirs, parts)


def live():
    import psutil

    ours = cli_json(None)
    temps = psutil.sensors_temperatures()
    fans = psutil.sensors_fans()
    bat = psutil.sensors_battery()

    tap(sorted(ours["temperatures"]) == sorted(temps), "live: temperature chips as psutil",
        "%r vs %r" % (sorted(ours["temperatures"]), sorted(temps)))
    ok = True
    for chip, entries in temps.items():
        mine = sorted(ours["temperatures"].get(chip, []), key=lambda e: e["label"])
        theirs = sorted(entries, key=lambda e: e.label)
        if len(mine) != len(theirs):
            ok = False
            continue
        for m, t in zip(mine, theirs):
            ok = ok and m["label"] == t.label and abs(m["current"] - t.current) <= 5
    tap(ok, "live: temperature labels and values near psutil's")
    tap(sorted(ours["fans"]) == sorted(fans), "live: fan chips as psutil")
    tap((ours["battery"] is None) == (bat is None), "live: battery presence as psutil",
        "%r vs %r" % (ours["battery"], bat))

    r = run_cli(["sensors"])
    if not temps and not fans and bat is None:
        tap(r.returncode == 0 and "No sensors" in r.stdout and ours == {
            "temperatures": {}, "fans": {}, "battery": None},
            "live: no sensors is said plainly, exit 0", r.stdout + r.stderr)
    else:
        tap(r.returncode == 0, "live: table exits 0", r.stderr)


def main():
    if not CLI or not FIXTURES:
        print("Bail out! TS_CLI and TS_FIXTURES must be set")
        return 1
    fixtures()
    live()
    print("1..%d" % n_test)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
