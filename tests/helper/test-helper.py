#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""taskscope-helper: argument validation, identity checks, real effects on a
child of this test, refusal without privileges.  TAP output.
Usage: test-helper.py HELPER"""
import os
import signal
import subprocess
import sys
import time

import psutil

HELPER = sys.argv[1]
ROOT = os.geteuid() == 0
n = 0
failed = 0


def check(ok, what, detail=''):
    global n, failed
    n += 1
    if not ok:
        failed += 1
    print(f'{"ok" if ok else "not ok"} {n} {what}', flush=True)
    if not ok and detail:
        print('# ' + detail.replace('\n', '\n# '), flush=True)


def helper(*args, prefix=()):
    r = subprocess.run([*prefix, HELPER, *[str(a) for a in args]], capture_output=True, text=True,
                       timeout=30, env={})
    return r.returncode, r.stderr.strip()


def start_ticks(pid):
    with open(f'/proc/{pid}/stat', 'rb') as f:
        data = f.read()
    return int(data[data.rindex(b')') + 2:].split()[19])


def state(pid):
    with open(f'/proc/{pid}/stat', 'rb') as f:
        data = f.read()
    return data[data.rindex(b')') + 2:].split()[0].decode()


def wait_state(pid, want, seconds=5):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if state(pid) in want:
            return True
        time.sleep(0.02)
    return False


def child():
    p = subprocess.Popen(['sleep', '300'])
    # Wait until exec is done, so the start time and the name are final.
    for _ in range(200):
        try:
            with open(f'/proc/{p.pid}/comm') as f:
                if f.read().strip() == 'sleep':
                    break
        except OSError:
            pass
        time.sleep(0.01)
    return p


def expect(args, code, what, prefix=()):
    rc, err = helper(*args, prefix=prefix)
    check(rc == code and err.startswith('taskscope-helper: ') == (code != 0),
          f'{what}: exit {code}', f'got {rc}: {err}')
    return err


kid = child()
pid, start = kid.pid, start_ticks(kid.pid)

# ------------------------------------------------------------ bad usage: 2
usage = [
    ([], 'no arguments'),
    (['frobnicate', pid, start, 'TERM'], 'unknown operation'),
    (['signal', pid, start], 'too few arguments'),
    (['signal', pid, start, 'TERM', 'extra'], 'an extra argument'),
    (['nice', pid, start, '5', '--'], 'an extra argument after nice'),
    (['ionice', pid, start, '2'], 'ionice without a level'),
    (['signal', '0', start, 'TERM'], 'PID 0'),
    (['signal', '-1', start, 'TERM'], 'PID -1 (every process)'),
    (['signal', f'-{pid}', start, 'TERM'], 'a negative PID (a process group)'),
    (['signal', f'{pid}x', start, 'TERM'], 'a PID with trailing garbage'),
    (['signal', f' {pid}', start, 'TERM'], 'a PID with a leading space'),
    (['signal', f'+{pid}', start, 'TERM'], 'a PID with a plus sign'),
    (['signal', f'0{pid}', start, 'TERM'], 'a PID with a leading zero'),
    (['signal', '0x10', start, 'TERM'], 'a hexadecimal PID'),
    (['signal', '2147483648', start, 'TERM'], 'a PID over 2^31-1'),
    (['signal', '', start, 'TERM'], 'an empty PID'),
    (['signal', pid, '', 'TERM'], 'an empty start time'),
    (['signal', pid, '-1', 'TERM'], 'a negative start time'),
    (['signal', pid, '18446744073709551616', 'TERM'], 'a start time over 2^64-1'),
    (['signal', pid, start, 'SEGV'], 'SIGSEGV, not in the allowed list'),
    (['signal', pid, start, 'SIGTERM'], 'a SIG-prefixed name'),
    (['signal', pid, start, '15'], 'a signal number'),
    (['signal', pid, start, 'term'], 'a lower-case signal name'),
    (['signal', pid, start, ''], 'an empty signal'),
    (['nice', pid, start, '20'], 'nice 20'),
    (['nice', pid, start, '-21'], 'nice -21'),
    (['nice', pid, start, '-0'], 'nice -0'),
    (['nice', pid, start, '5.0'], 'a fractional nice'),
    (['ionice', pid, start, '4', '0'], 'I/O class 4'),
    (['ionice', pid, start, '2', '8'], 'I/O level 8'),
    (['ionice', pid, start, '-1', '0'], 'I/O class -1'),
    (['affinity', pid, start, ''], 'an empty CPU list'),
    (['affinity', pid, start, '0-'], 'an open CPU range'),
    (['affinity', pid, start, ',0'], 'a CPU list starting with a comma'),
    (['affinity', pid, start, '0,'], 'a CPU list ending with a comma'),
    (['affinity', pid, start, '3-1'], 'a reversed CPU range'),
    (['affinity', pid, start, '1024'], 'CPU 1024'),
    (['affinity', pid, start, 'all'], 'a CPU list that is a word'),
]
for args, what in usage:
    expect(args, 2, what)
check(state(pid) in 'SR', 'the child survived the bad calls')

# ------------------------------------------------- identity mismatch: 3
err = expect(['signal', pid, start + 1, 'KILL'], 3, 'a wrong start time')
check('start time' in err and str(pid) in err, 'the message names the PID and the start time', err)
check(kid.poll() is None, 'the child was not killed through a wrong start time')
expect(['nice', pid, start + 1, '5'], 3, 'nice with a wrong start time')
expect(['ionice', pid, max(start - 1, 0) if start else 1, '3', '0'], 3, 'ionice with a wrong start time')
expect(['affinity', pid, start + 100, '0'], 3, 'affinity with a wrong start time')
check(psutil.Process(pid).nice() == 0, 'the child\'s nice is unchanged')

gone = child()
gone_pid, gone_start = gone.pid, start_ticks(gone.pid)
gone.kill()
gone.wait()
expect(['signal', gone_pid, gone_start, 'TERM'], 3, 'a process that has exited')

# ------------------------------------------------------ real effects: 0
expect(['signal', pid, start, 'STOP'], 0, 'STOP')
check(wait_state(pid, 'T'), 'the child is stopped', state(pid))
expect(['signal', pid, start, 'CONT'], 0, 'CONT')
check(wait_state(pid, 'SR'), 'the child runs again', state(pid))
expect(['nice', pid, start, '7'], 0, 'nice 7')
check(psutil.Process(pid).nice() == 7, 'the child\'s nice is 7', str(psutil.Process(pid).nice()))
expect(['ionice', pid, start, '2', '6'], 0, 'ionice best-effort 6')
io = psutil.Process(pid).ionice()
check((int(io.ioclass), io.value) == (2, 6), 'the child\'s I/O priority is best-effort 6', str(io))
expect(['affinity', pid, start, '0'], 0, 'affinity 0')
check(os.sched_getaffinity(pid) == {0}, 'the child runs on CPU 0 only', str(os.sched_getaffinity(pid)))
ncpu = os.cpu_count() or 1
expect(['affinity', pid, start, f'0-{ncpu - 1}'], 0, 'affinity on every CPU')
check(os.sched_getaffinity(pid) == set(range(ncpu)), 'the child runs on every CPU again')
if ROOT:
    expect(['nice', pid, start, '-5'], 0, 'nice -5 as root')
    check(psutil.Process(pid).nice() == -5, 'the child\'s nice is -5', str(psutil.Process(pid).nice()))
else:
    expect(['nice', pid, start, '-5'], 4, 'raising the priority without privileges')

# ------------------------------------------------ without privileges: 4
if ROOT:
    # The child is root's; run the helper as nobody.
    victim, vstart = pid, start
    prefix = ('setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups')
    who = 'nobody on a process of root'
else:
    victim, vstart, prefix = 1, start_ticks(1), ()
    who = f'uid {os.geteuid()} on PID 1'
before_nice = psutil.Process(victim).nice()
err = expect(['signal', victim, vstart, 'STOP'], 4, f'STOP as {who}', prefix)
check('pidfd_send_signal' in err and 'EPERM' in err, 'the message names the call and errno', err)
check(state(victim) != 'T', 'the process was not stopped')
expect(['nice', victim, vstart, '10'], 4, f'nice as {who}', prefix)
check(psutil.Process(victim).nice() == before_nice, 'its nice is unchanged')
expect(['ionice', victim, vstart, '3', '0'], 4, f'ionice as {who}', prefix)
expect(['affinity', victim, vstart, '0'], 4, f'affinity as {who}', prefix)

# ------------------------------------------------------------- the end
expect(['signal', pid, start, 'TERM'], 0, 'TERM')
try:
    rc = kid.wait(timeout=10)
except subprocess.TimeoutExpired:
    rc = None
    kid.kill()
    kid.wait()
check(rc == -signal.SIGTERM, 'the child ended by SIGTERM', str(rc))
expect(['signal', pid, start, 'TERM'], 3, 'the same process once it has ended')

print(f'1..{n}')
sys.exit(1 if failed else 0)
