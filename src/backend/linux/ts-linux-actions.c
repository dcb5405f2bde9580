/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Acting on a process: signals, nice, I/O priority, affinity.  Each call
 * first makes sure the PID still names the process the caller saw. */
#include "config.h"

#include "ts-linux-private.h"
#include "ts-linux-parse.h"

#include <errno.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

/* Pins pid with a pidfd and checks its start time; returns the pidfd or -1. */
static int
pin_process (TsPlatform      *self,
             TsPid            pid,
             uint64_t         start_ticks,
             const char      *call,
             char            *what,
             size_t           what_len,
             TsPlatformError *err)
{
  char path[PATH_MAX];
  char *buf = NULL;
  size_t len = 0;
  TsLinuxStat st;
  int pidfd;
  bool ok;

  ts_platform_error_clear (err);
  snprintf (what, what_len, "pid %d", (int) pid);
  if (pid <= 0)
    {
      ts_platform_error_set (err, TS_PLATFORM_ERR_INVALID_ARGUMENT, EINVAL, call, what);
      return -1;
    }
  if (!self->real_procfs)
    {
      /* A fixture tree's PIDs are not this machine's processes. */
      ts_platform_error_set (err, TS_PLATFORM_ERR_NOT_SUPPORTED, 0, call, what);
      return -1;
    }

  /* Pin first, then check: if the PID was reused in between, the start
   * time differs and we refuse. */
  pidfd = (int) syscall (SYS_pidfd_open, (pid_t) pid, 0);
  if (pidfd < 0)
    {
      ts_platform_error_from_errno (err, errno, "pidfd_open", what);
      return -1;
    }

  ts_linux_path (path, sizeof path, "%s/%d/stat", self->procfs, (int) pid);
  if (!ts_linux_read_path (path, &buf, &len, err))
    {
      close (pidfd);
      return -1;
    }
  ok = ts_linux_parse_stat (buf, len, &st);
  free (buf);
  if (!ok)
    {
      close (pidfd);
      ts_platform_error_set (err, TS_PLATFORM_ERR_PARSE, 0, "parse", path);
      return -1;
    }
  if (st.starttime != start_ticks)
    {
      close (pidfd);
      /* The process the caller meant has exited; this PID is another one.
       * The error names the file whose start time did not match. */
      ts_platform_error_set (err, TS_PLATFORM_ERR_NO_SUCH_PROCESS, ESRCH, "start time", path);
      return -1;
    }
  return pidfd;
}

bool
ts_platform_send_signal (TsPlatform      *self,
                         TsPid            pid,
                         uint64_t         start_ticks,
                         int              signum,
                         TsPlatformError *err)
{
  char what[32];
  int pidfd = pin_process (self, pid, start_ticks, "pidfd_send_signal", what, sizeof what, err);
  int rc, e;

  if (pidfd < 0)
    return false;
  rc = (int) syscall (SYS_pidfd_send_signal, pidfd, signum, NULL, 0);
  e = errno;
  close (pidfd);
  if (rc != 0)
    return ts_platform_error_from_errno (err, e, "pidfd_send_signal", what);
  return true;
}

bool
ts_platform_set_nice (TsPlatform      *self,
                      TsPid            pid,
                      uint64_t         start_ticks,
                      int              nice,
                      TsPlatformError *err)
{
  char what[32];
  int pidfd, rc, e;

  if (nice < -20 || nice > 19)
    {
      snprintf (what, sizeof what, "nice %d", nice);
      return ts_platform_error_set (err, TS_PLATFORM_ERR_INVALID_ARGUMENT, EINVAL, "setpriority", what);
    }
  pidfd = pin_process (self, pid, start_ticks, "setpriority", what, sizeof what, err);
  if (pidfd < 0)
    return false;
  rc = setpriority (PRIO_PROCESS, (id_t) pid, nice);
  e = errno;
  close (pidfd);
  if (rc != 0)
    return ts_platform_error_from_errno (err, e, "setpriority", what);
  return true;
}

bool
ts_platform_set_ionice (TsPlatform      *self,
                        TsPid            pid,
                        uint64_t         start_ticks,
                        int              ioclass,
                        int              level,
                        TsPlatformError *err)
{
  char what[32];
  int pidfd, e;
  long rc;

  if (ioclass < 0 || ioclass > 3 || level < 0 || level > 7)
    {
      snprintf (what, sizeof what, "class %d level %d", ioclass, level);
      return ts_platform_error_set (err, TS_PLATFORM_ERR_INVALID_ARGUMENT, EINVAL, "ioprio_set", what);
    }
  pidfd = pin_process (self, pid, start_ticks, "ioprio_set", what, sizeof what, err);
  if (pidfd < 0)
    return false;
  /* The idle and "none" classes take no level. IOPRIO_WHO_PROCESS = 1. */
  if (ioclass == 0 || ioclass == 3)
    level = 0;
  rc = syscall (SYS_ioprio_set, 1, (int) pid, (ioclass << 13) | level);
  e = errno;
  close (pidfd);
  if (rc != 0)
    return ts_platform_error_from_errno (err, e, "ioprio_set", what);
  return true;
}

bool
ts_platform_set_affinity (TsPlatform      *self,
                          TsPid            pid,
                          uint64_t         start_ticks,
                          const uint64_t   cpus[TS_CPU_SET_WORDS],
                          TsPlatformError *err)
{
  char what[32];
  cpu_set_t set;
  bool any = false;
  int pidfd, rc, e;

  CPU_ZERO (&set);
  for (int cpu = 0; cpu < TS_CPU_SET_WORDS * 64 && cpu < CPU_SETSIZE; cpu++)
    if (cpus[cpu / 64] & (UINT64_C (1) << (cpu % 64)))
      {
        CPU_SET (cpu, &set);
        any = true;
      }
  if (!any)
    {
      snprintf (what, sizeof what, "pid %d", (int) pid);
      return ts_platform_error_set (err, TS_PLATFORM_ERR_INVALID_ARGUMENT, EINVAL, "sched_setaffinity", what);
    }
  pidfd = pin_process (self, pid, start_ticks, "sched_setaffinity", what, sizeof what, err);
  if (pidfd < 0)
    return false;
  rc = sched_setaffinity ((pid_t) pid, sizeof set, &set);
  e = errno;
  close (pidfd);
  if (rc != 0)
    return ts_platform_error_from_errno (err, e, "sched_setaffinity", what);
  return true;
}
