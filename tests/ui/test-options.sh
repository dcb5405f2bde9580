#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# taskscope's command line: the answers that need no window.  TAP output.
# $1: the taskscope binary.
bin=$1
n=0
fail=0
check () {  # description, expected status, expected text in stderr, args...
    desc=$1; want=$2; text=$3; shift 3
    n=$((n + 1))
    err=$("$bin" "$@" 2>&1 >/dev/null)
    status=$?
    if [ "$status" -eq "$want" ] && printf '%s' "$err" | grep -q -- "$text"; then
        echo "ok $n - $desc"
    else
        echo "not ok $n - $desc: status $status, stderr: $err"
        fail=1
    fi
}
echo "1..4"
check "--process with no such PID" 1 "no process 999999999" --process 999999999
check "--process 0" 1 "no process 0" --process 0
check "--process with a name" 1 "no process bash: not a process ID" --process bash
check "--page with an unknown page" 2 "there is no page" --page nosuch
exit $fail
