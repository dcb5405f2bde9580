#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""taskscope-cli against psutil, field by field, for the same processes.

Starts ts-test-child children in known states (threads, a name, argv and an
environment with bytes that are not UTF-8 and a 100 kB value, private and
shared memory, I/O, CPU time, nice, ionice, affinity, a stopped one, a zombie
one), runs `$TS_CLI process PID --json` for each, and compares with what
psutil says about the same PID.  Then `$TS_CLI processes --json` against
psutil.pids(), and the fields that do not move for every other PID.

Run by the system python (psutil 5.9 is a Debian package there); meson sets
TS_CLI and TS_TEST_CHILD.  Prints TAP and exits non-zero on any mismatch.  It
never skips itself: a missing psutil, CLI or helper is a failure.

Tolerances (children are blocked in read() between the reads, so most
fields must be equal; where they may not be, why):
  create_time       0.01 s: both compute starttime / CLK_TCK + btime; only
                    float formatting may differ.
  cpu_times,        0.02 s (two 10 ms ticks): an idle child accrues nothing,
  threads times     but a tick may land on its wake-up.
  memory_full_info  uss and pss 128 KiB: the two reads are a moment apart and
                    another process (the CLI itself, then python) mapping a
                    library page the child also maps turns that page from
                    private to shared and splits its PSS: measured
                    0-2 KiB.  PSS also moves when any other process maps or
                    unmaps a library the child maps (meson runs tests in
                    parallel; under ASan every one maps the 7 MiB runtime):
                    seen 135 KiB of 3.3 MiB, so 10 % of it where that is
                    more.  swap exact (the machine may have none: 0 == 0).
  io_counters       read_count, write_count, read_bytes, write_bytes exact;
                    read_chars, write_chars 4 KiB: the child's blocked read()
                    is counted when it returns, the answer's write() when it
                    returns, so a line in flight may be on one side only.
  every other PID   one `processes --json --attrs ...` call; only fields that
                    do not move: ppid, name, exe, cmdline, uids, gids,
                    create_time, terminal (not a kworker's name: it names the
                    workqueue it runs this moment).  A PID that is gone or was reused
                    between the two reads is not compared (counted, noted).
"""

import ctypes
import json
import os
import signal
import subprocess
import sys
import tempfile
import time

TAP_N = 0
FAILED = 0


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


def note(text):
    for line in str(text).splitlines():
        print("# " + line)
    sys.stdout.flush()


def bail(text):
    print("Bail out! " + text)
    sys.stdout.flush()
    sys.exit(1)


try:
    import psutil
except ImportError as e:  # a failure, not a skip
    bail("psutil is not importable by %s: %s" % (sys.executable, e))

TS_CLI = os.environ.get("TS_CLI")
TS_TEST_CHILD = os.environ.get("TS_TEST_CHILD")
if not TS_CLI or not os.access(TS_CLI, os.X_OK):
    bail("TS_CLI is not set to an executable (%r)" % TS_CLI)
if not TS_TEST_CHILD or not os.access(TS_TEST_CHILD, os.X_OK):
    bail("TS_TEST_CHILD is not set to an executable (%r)" % TS_TEST_CHILD)

KIB = 1024
MIB = 1024 * 1024

# ------------------------------------------------------------------ children

KIDS = []         # Popen objects: killed and reaped at exit
TMPDIRS = []      # removed at exit
GRANDKIDS = []    # PIDs: killed at exit (their parent, or we, reap them)


def set_subreaper():
    # An orphaned grandchild comes back to us, so cleanup can reap it.
    libc = ctypes.CDLL(None, use_errno=True)
    PR_SET_CHILD_SUBREAPER = 36
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        note("PR_SET_CHILD_SUBREAPER failed: errno %d" % ctypes.get_errno())


def cleanup():
    for pid in GRANDKIDS:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    for p in KIDS:
        try:
            p.kill()
        except OSError:
            pass
    for p in KIDS:
        try:
            p.wait(timeout=10)
        except Exception:
            pass
    for d in TMPDIRS:
        try:
            os.rmdir(d)
        except OSError:
            pass
    # Anything else of ours (orphans handed to the subreaper).
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            break
        if pid == 0:
            time.sleep(0.01)


def on_signal(sig, frame):
    raise SystemExit(128 + sig)


class Child:
    def __init__(self, name=None, threads=None, extra=None, argv0=None,
                 env=None, cwd=None):
        args = [TS_TEST_CHILD]
        if name is not None:
            args += ["--name", name]
        if threads is not None:
            args += ["--threads", str(threads)]
        if extra is not None:
            args += ["--"] + list(extra)
        if env is None:
            env = {b"TS_TEST": b"1", b"LC_ALL": b"C"}
        self.proc = subprocess.Popen(args, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, env=env, cwd=cwd,
                                     close_fds=True)
        KIDS.append(self.proc)
        self.pid = self.proc.pid
        ready = self.proc.stdout.readline().decode()
        if ready.strip() != "ready %d" % self.pid:
            raise RuntimeError("child %d said %r" % (self.pid, ready))

    def cmd(self, line):
        self.proc.stdin.write((line + "\n").encode())
        self.proc.stdin.flush()
        answer = self.proc.stdout.readline().decode().strip()
        if not (answer.startswith("ok") or answer == "pong"):
            raise RuntimeError("child %d: %r answered %r" % (self.pid, line, answer))
        return answer

    def send(self, line):
        self.proc.stdin.write((line + "\n").encode())
        self.proc.stdin.flush()

    def finish(self):
        self.proc.stdin.close()
        rc = self.proc.wait(timeout=30)
        self.proc.stdout.close()
        KIDS.remove(self.proc)
        return rc


def wait_state(pid, states, timeout=10.0):
    """A child answers and then goes back to read(): running until it is
    there.  Wait for the state itself (bounded), nothing else to sync on."""
    deadline = time.monotonic() + timeout
    while True:
        st = psutil.Process(pid).status()
        if st in states or time.monotonic() > deadline:
            return st
        time.sleep(0.002)


# ------------------------------------------------------------------ the CLI

def cli_json(*args):
    r = subprocess.run([TS_CLI] + list(args), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=120)
    if r.returncode != 0:
        raise RuntimeError("%s %s: exit %d: %s" % (TS_CLI, " ".join(args), r.returncode,
                                                   r.stderr.decode(errors="replace")))
    return json.loads(r.stdout)


def text(s):
    """psutil's str (surrogate-escaped bytes) as the CLI prints it: the OS's
    bytes, invalid UTF-8 replaced by U+FFFD."""
    if s is None:
        return None
    return os.fsencode(s).decode("utf-8", "replace")


# ----------------------------------------------------------------- compares

def close(a, b, tol):
    return a is not None and b is not None and abs(a - b) <= tol


def compare_fields(label, ts, p, fields, tolerances=None, skip=(), report=None):
    """ts: the CLI's JSON object; p: psutil.Process.  One TAP line a field,
    or, with report (a dict), count into {field: {"n": compared, "bad": [...]}}."""
    tolerances = tolerances or {}
    errors = ts.get("errors") or {}
    with p.oneshot():
        for f in fields:
            if f in skip:
                continue
            ok, diag, desc = compare_one(ts, errors, p, f, tolerances)
            desc = "%s: %s%s" % (label, f, desc)
            if report is None:
                tap(ok, desc, diag)
            else:
                r = report.setdefault(f, {"n": 0, "bad": []})
                r["n"] += 1
                if not ok:
                    r["bad"].append("%s\n%s" % (desc, diag))


def compare_one(ts, errors, p, f, tolerances):
    try:
        want = psutil_value(p, f)
    except psutil.Error as e:
        want = e
    got = ts.get(f, KeyError("no member %r" % f))
    if isinstance(want, psutil.Error):
        # psutil could not read it either: ours must be null with an error.
        return (got is None and f in errors,
                "taskscope: %r, errors: %r" % (got, errors.get(f)),
                " (psutil: %s)" % type(want).__name__)
    if want is None:
        # psutil's None (no terminal): ours is null with no error.
        return (got is None and f not in errors,
                "taskscope: %r (%s); psutil: None" % (got, errors.get(f)), "")
    if got is None:
        return False, "taskscope: null (%s); psutil: %r" % (errors.get(f), want), ""
    if f in ("exe", "cwd") and isinstance(got, str) and got.endswith(" (deleted)") \
            and got[:-len(" (deleted)")] == want and not os.path.exists(got):
        # ts-platform.h keeps the kernel's " (deleted)"; psutil strips it
        # when the path with it does not exist.  The same link either way.
        return True, "", " (deleted)"
    ok, diag = equal(f, got, want, tolerances.get(f))
    return ok, diag, ""


def psutil_value(p, f):
    if f == "pid":
        return p.pid
    if f == "name":
        return text(p.name())
    if f == "exe":
        return text(p.exe())
    if f == "cwd":
        return text(p.cwd())
    if f == "cmdline":
        return [text(a) for a in p.cmdline()]
    if f == "environ":
        return {text(k): text(v) for k, v in p.environ().items()}
    if f in ("uids", "gids"):
        t = getattr(p, f)()
        return {"real": t.real, "effective": t.effective, "saved": t.saved}
    if f == "terminal":
        return p.terminal()
    if f == "ionice":
        t = p.ionice()
        return {"ioclass": int(t.ioclass), "value": t.value}
    if f == "cpu_affinity":
        return sorted(p.cpu_affinity())
    if f == "threads":
        return {t.id: (t.user_time, t.system_time) for t in p.threads()}
    if f == "parents":
        return [q.pid for q in p.parents()]
    if f == "children":
        return sorted(q.pid for q in p.children())
    v = getattr(p, f)()
    if hasattr(v, "_asdict"):
        return dict(v._asdict())
    return v


def equal(f, got, want, tol):
    diag = "taskscope: %r\npsutil:    %r" % (got, want)
    if f == "threads":
        ids = {t["id"]: (t["user_time"], t["system_time"]) for t in got}
        if set(ids) != set(want):
            return False, "thread ids differ\n" + diag
        for tid, (u, s) in want.items():
            if not (close(ids[tid][0], u, 0.02) and close(ids[tid][1], s, 0.02)):
                return False, "thread %d times differ\n%s" % (tid, diag)
        return True, diag
    if f == "children":
        return sorted(got) == want, diag
    if f == "environ" and isinstance(got, dict) and isinstance(want, dict):
        if got == want:
            return True, diag
        lines = []
        for k in sorted(set(got) | set(want)):
            if got.get(k) != want.get(k):
                lines.append("%r: taskscope %r, psutil %r" % (
                    k, (got.get(k) or "")[:80], (want.get(k) or "")[:80]))
        return False, "\n".join(lines[:10])
    if isinstance(want, dict):
        if not isinstance(got, dict) or set(got) != set(want):
            return False, "keys differ\n" + diag
        tol = tol or {}
        for k, w in want.items():
            t = tol.get(k, 0) if isinstance(tol, dict) else tol
            if callable(t):
                t = t(w)
            if t:
                if not close(got[k], w, t):
                    return False, "%s differs by more than %s\n%s" % (k, t, diag)
            elif got[k] != w:
                return False, "%s differs\n%s" % (k, diag)
        return True, diag
    if tol:
        return close(got, want, tol), diag
    return got == want, diag


CHILD_FIELDS = [
    "pid", "ppid", "name", "exe", "cmdline", "cwd", "status", "username",
    "uids", "gids", "terminal", "create_time", "cpu_times", "num_threads",
    "num_ctx_switches", "nice", "ionice", "cpu_num", "cpu_affinity",
    "memory_info", "memory_full_info", "io_counters", "environ", "threads",
    "parents", "children",
]

TOLERANCES = {
    "create_time": 0.01,
    "cpu_times": {"user": 0.02, "system": 0.02, "children_user": 0.02,
                  "children_system": 0.02, "iowait": 0.02},
    "memory_full_info": {"uss": 128 * KIB, "pss": lambda want: max(128 * KIB, want // 10)},
    "io_counters": {"read_chars": 4 * KIB, "write_chars": 4 * KIB},
}


def compare_child(label, pid, skip=()):
    ts = cli_json("process", str(pid), "--json")
    p = psutil.Process(pid)
    compare_fields(label, ts, p, CHILD_FIELDS, TOLERANCES, skip)
    errors = ts.get("errors") or {}
    # Our children, read by their owner: nothing may be missing.
    bad = {k: v for k, v in errors.items() if k not in skip and v is not None}
    tap(not bad, "%s: no field errors" % label, json.dumps(bad, indent=1))
    return ts


# --------------------------------------------------------------------- main

def run():
    tmp = tempfile.mkdtemp(prefix="ts-cmp cwd \u00e9-")
    TMPDIRS.append(tmp)
    big = bytes((ord("a") + i % 26) for i in range(100 * KIB))
    env = {
        b"TS_TEST_PLAIN": b"hello world",
        b"TS_TEST_BADUTF8": b"\xff\xfe\xc3(end)",
        b"TS_TEST_EMPTY": b"",
        b"TS_TEST_EQUALS": b"a=b=c",
        b"TS_TEST_BIG": big,
        b"LC_ALL": b"C",
    }

    # 1. A busy life: threads, argv, env, cwd, memory, I/O, CPU, priorities.
    a = Child(name="ts-cmp-kid", threads=3, env=env, cwd=tmp,
              extra=[b"two words", b"", b"\xff\xfe not utf-8", b"last"])
    for line in ["alloc %d" % (16 * MIB), "write %d" % MIB, "read %d" % (256 * KIB),
                 "spin 150", "nice 5", "ionice 2 3", "affinity 0"]:
        a.cmd(line)

    # 2. Shared memory with a grandchild (which is compared too).
    b = Child()
    gpid = int(b.cmd("shared %d" % (8 * MIB)).split()[1])
    GRANDKIDS.append(gpid)
    b.cmd("touch-self")
    b.cmd("touch-child")

    # 3. Stopped.
    c = Child(threads=2)
    os.kill(c.pid, signal.SIGSTOP)
    os.waitpid(c.pid, os.WUNTRACED)

    # 4. A long name: comm is cut at 15 bytes, psutil then takes argv[0].
    d = Child(name="ts-long-process-name-for-tests")

    # 5. A zombie: exited, not reaped.
    z = Child(threads=2)
    z.send("exit 0")
    os.waitid(os.P_PID, z.pid, os.WEXITED | os.WNOWAIT)

    for kid, state in ((a, "sleeping"), (b, "sleeping"), (d, "sleeping")):
        st = wait_state(kid.pid, (state,))
        if st != state:
            note("pid %d is %s, not %s" % (kid.pid, st, state))
    wait_state(gpid, ("sleeping",))

    compare_child("busy child %d" % a.pid, a.pid)
    ts = cli_json("process", str(a.pid), "--json")
    # psutil's view of the environment is the reference above; this pins
    # the bytes the CLI must keep (the 100 kB value, the empty one).
    tap(ts.get("environ", {}).get("TS_TEST_BIG") == big.decode(),
        "busy child: 100 kB variable intact",
        "length %d" % len(ts.get("environ", {}).get("TS_TEST_BIG") or ""))
    tap(ts.get("environ", {}).get("TS_TEST_BADUTF8") == "\ufffd\ufffd\ufffd(end)",
        "busy child: invalid UTF-8 shown as U+FFFD", repr(ts.get("environ", {}).get("TS_TEST_BADUTF8")))
    tap(ts.get("nice") == 5 and ts.get("ionice") == {"ioclass": 2, "value": 3}
        and ts.get("cpu_affinity") == [0],
        "busy child: nice, ionice, affinity as set", repr((ts.get("nice"), ts.get("ionice"), ts.get("cpu_affinity"))))

    compare_child("shared child %d" % b.pid, b.pid)
    compare_child("grandchild %d" % gpid, gpid)
    compare_child("stopped child %d" % c.pid, c.pid)
    compare_child("long-name child %d" % d.pid, d.pid)

    # The zombie: what psutil can read must match; what a zombie has lost
    # is null with an error in ours (psutil answers exe "" and an empty
    # environ or NoSuchProcess there, which is not a value to match).
    lost = ("exe", "cwd", "environ", "memory_full_info")
    ts = cli_json("process", str(z.pid), "--json")
    compare_fields("zombie %d" % z.pid, ts, psutil.Process(z.pid),
                   ["pid", "ppid", "name", "status", "username", "uids", "gids",
                    "create_time", "cpu_times", "num_threads", "nice", "memory_info"],
                   TOLERANCES)
    errors = ts.get("errors") or {}
    for f in lost:
        tap(ts.get(f) is None and f in errors,
            "zombie %d: %s is null with an error" % (z.pid, f),
            "value %r, error %r" % (ts.get(f), errors.get(f)))

    # processes --json: every PID alive before and after must be listed.
    before = set(psutil.pids())
    listed = cli_json("processes", "--json")
    after = set(psutil.pids())
    cli_pids = set()
    for item in listed:
        cli_pids.add(item["pid"] if isinstance(item, dict) else int(item))
    ours = {a.pid, b.pid, gpid, c.pid, d.pid, z.pid}
    tap(ours <= cli_pids, "processes: our children are listed", sorted(ours - cli_pids))
    long_lived = before & after
    missing = sorted(long_lived - cli_pids)
    tap(not missing, "processes: every PID alive before and after is listed (%d)" % len(long_lived),
        "missing: %r" % missing)
    extra = sorted(pid for pid in cli_pids - before - after if psutil.pid_exists(pid))
    tap(not extra, "processes: nothing listed that psutil never saw and that still exists",
        "extra: %r" % extra)

    # Every other PID, for the fields that do not move, from one
    # `processes --json --attrs` call.
    stable = ["ppid", "name", "exe", "cmdline", "uids", "gids", "create_time", "terminal"]
    listed = cli_json("processes", "--json", "--attrs", ",".join(["pid", "status"] + stable))
    compared = gone = 0
    report = {}
    for ts in listed:
        pid = ts.get("pid")
        if pid in ours or pid == os.getpid():
            continue
        try:
            p = psutil.Process(pid)
            ct = p.create_time()
            zombie = p.status() == psutil.STATUS_ZOMBIE
        except psutil.NoSuchProcess:
            gone += 1
            continue
        if ts.get("create_time") is not None and abs(ts["create_time"] - ct) > 0.01:
            gone += 1  # the PID was reused between the two reads
            continue
        # A kworker's name carries the workqueue it is running right now.
        skip = ("name",) if (ts.get("name") or "").startswith("kworker/") else ()
        if ts.get("status") == "zombie" or zombie:
            # psutil answers exe "" for a zombie (as for a kernel thread);
            # ours is null with an error, as the zombie test above checks.
            skip += ("exe",)
        label = "pid %d (%s)" % (pid, ts.get("name"))
        try:
            local = {}
            compare_fields(label, ts, p, stable, TOLERANCES, skip, local)
            if any(r["bad"] for r in local.values()):
                # "Stable" fields can still move: a process may switch its
                # effective uid (other tests running beside this one do).
                # Read both sides again; only a difference seen twice counts.
                again = cli_json("process", str(pid), "--json")
                local = {}
                compare_fields(label, again, p, stable, TOLERANCES, skip, local)
        except (psutil.NoSuchProcess, RuntimeError):
            gone += 1
            continue
        for f, r in local.items():
            mine = report.setdefault(f, {"n": 0, "bad": []})
            mine["n"] += r["n"]
            mine["bad"] += r["bad"]
        compared += 1
    for f in stable:
        r = report.get(f, {"n": 0, "bad": []})
        bad = r["bad"]
        tap(r["n"] > 0 and not bad, "other PIDs: %s (%d compared, %d differ)" % (f, r["n"], len(bad)),
            "\n".join(bad[:20]) + ("\n... %d more" % (len(bad) - 20) if len(bad) > 20 else ""))
    note("other PIDs: %d compared, %d gone or reused in between" % (compared, gone))
    tap(compared > 0, "other PIDs: some were compared")

    # Tear down in order: the stopped one must be continued to exit.
    os.kill(c.pid, signal.SIGCONT)
    for kid in (a, b, c, d):
        kid.finish()
    z.finish()
    GRANDKIDS.remove(gpid)


def main():
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    set_subreaper()
    try:
        run()
    except SystemExit:
        raise
    except BaseException:
        import traceback
        tap(False, "compare-psutil ran to the end", traceback.format_exc())
    finally:
        cleanup()
    print("1..%d" % TAP_N)
    sys.exit(1 if FAILED or TAP_N == 0 else 0)


if __name__ == "__main__":
    main()
