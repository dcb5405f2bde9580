/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Windows platform layer: acting on a process.  The handle pins the
 * process object, so once its creation time matches the caller's, the
 * action cannot reach another process that reused the PID.  No GLib. */
#include "config.h"

#include "ts-win32-private.h"

#include <stdio.h>

#define PROCESS_IO_PRIORITY_CLASS 33

/* Opens pid with access and checks its creation time; NULL with err. */
static HANDLE
pin_process (TsPid            pid,
             uint64_t         start_ticks,
             DWORD            access,
             const char      *call,
             char            *what,
             size_t           what_len,
             TsPlatformError *err)
{
  HANDLE h;

  ts_platform_error_clear (err);
  ts_win32_pid_text (what, what_len, pid);
  if (pid <= 0)
    {
      ts_platform_error_set (err, TS_PLATFORM_ERR_INVALID_ARGUMENT, ERROR_INVALID_PARAMETER, call, what);
      return NULL;
    }
  /* The creation time needs the limited query right in any case. */
  h = ts_win32_open_process (pid, access | PROCESS_QUERY_LIMITED_INFORMATION, 0, NULL, err);
  if (h == NULL)
    return NULL;
  if (ts_win32_process_start (h) != start_ticks)
    {
      CloseHandle (h);
      ts_platform_error_set (err, TS_PLATFORM_ERR_NO_SUCH_PROCESS, ERROR_INVALID_PARAMETER,
                             "GetProcessTimes", what);
      return NULL;
    }
  /* An exited process whose object is still held open is gone too. */
  if (WaitForSingleObject (h, 0) == WAIT_OBJECT_0)
    {
      CloseHandle (h);
      ts_platform_error_set (err, TS_PLATFORM_ERR_NO_SUCH_PROCESS, ERROR_INVALID_PARAMETER,
                             "WaitForSingleObject", what);
      return NULL;
    }
  return h;
}

bool
ts_platform_send_signal (TsPlatform      *self,
                         TsPid            pid,
                         uint64_t         start_ticks,
                         int              signum,
                         TsPlatformError *err)
{
  const TsNtApi *nt = ts_win32_nt ();
  char what[32];
  HANDLE h;
  bool ok = true;

  switch (signum)
    {
    case TS_WIN32_SIGKILL:
    case TS_WIN32_SIGTERM:
      h = pin_process (pid, start_ticks, PROCESS_TERMINATE | SYNCHRONIZE, "TerminateProcess",
                       what, sizeof what, err);
      if (h == NULL)
        return false;
      /* psutil's exit code for a killed process. */
      if (!TerminateProcess (h, 1))
        ok = ts_win32_last_error (err, "TerminateProcess", what);
      CloseHandle (h);
      return ok;

    case TS_WIN32_SIGSTOP:
    case TS_WIN32_SIGCONT:
      {
        bool stop = signum == TS_WIN32_SIGSTOP;
        const char *call = stop ? "NtSuspendProcess" : "NtResumeProcess";
        TsNtProcessFn fn = stop ? nt->suspend_process : nt->resume_process;
        NTSTATUS status;

        if (fn == NULL)
          {
            ts_win32_pid_text (what, sizeof what, pid);
            return ts_platform_error_set (err, TS_PLATFORM_ERR_NOT_SUPPORTED, ERROR_PROC_NOT_FOUND,
                                          call, what);
          }
        h = pin_process (pid, start_ticks, PROCESS_SUSPEND_RESUME | SYNCHRONIZE, call,
                         what, sizeof what, err);
        if (h == NULL)
          return false;
        status = fn (h);
        if (!TS_NT_SUCCESS (status))
          ok = ts_win32_nt_error (err, status, call, what);
        CloseHandle (h);
        return ok;
      }

    default:
      snprintf (what, sizeof what, "signal %d", signum);
      return ts_platform_error_set (err, TS_PLATFORM_ERR_INVALID_ARGUMENT, ERROR_INVALID_PARAMETER,
                                    "send_signal", what);
    }
}

bool
ts_platform_set_nice (TsPlatform      *self,
                      TsPid            pid,
                      uint64_t         start_ticks,
                      int              nice,
                      TsPlatformError *err)
{
  char what[32];
  HANDLE h;
  bool ok = true;

  if (nice < -20 || nice > 19)
    {
      snprintf (what, sizeof what, "nice %d", nice);
      return ts_platform_error_set (err, TS_PLATFORM_ERR_INVALID_ARGUMENT, ERROR_INVALID_PARAMETER,
                                    "SetPriorityClass", what);
    }
  h = pin_process (pid, start_ticks, PROCESS_SET_INFORMATION | SYNCHRONIZE, "SetPriorityClass",
                   what, sizeof what, err);
  if (h == NULL)
    return false;
  if (!SetPriorityClass (h, (DWORD) ts_win32_priority_class_from_nice (nice)))
    ok = ts_win32_last_error (err, "SetPriorityClass", what);
  CloseHandle (h);
  return ok;
}

bool
ts_platform_set_ionice (TsPlatform      *self,
                        TsPid            pid,
                        uint64_t         start_ticks,
                        int              ioclass,
                        int              level,
                        TsPlatformError *err)
{
  const TsNtApi *nt = ts_win32_nt ();
  char what[32];
  ULONG hint;
  NTSTATUS status;
  HANDLE h;
  bool ok = true;

  if (ioclass < 0 || ioclass > 3 || level < 0 || level > 7)
    {
      snprintf (what, sizeof what, "class %d level %d", ioclass, level);
      return ts_platform_error_set (err, TS_PLATFORM_ERR_INVALID_ARGUMENT, ERROR_INVALID_PARAMETER,
                                    "NtSetInformationProcess", what);
    }
  if (nt->set_information_process == NULL)
    {
      ts_win32_pid_text (what, sizeof what, pid);
      return ts_platform_error_set (err, TS_PLATFORM_ERR_NOT_SUPPORTED, ERROR_PROC_NOT_FOUND,
                                    "NtSetInformationProcess", what);
    }
  h = pin_process (pid, start_ticks, PROCESS_SET_INFORMATION | SYNCHRONIZE,
                   "NtSetInformationProcess", what, sizeof what, err);
  if (h == NULL)
    return false;
  hint = (ULONG) ts_win32_hint_from_ionice (ioclass, level);
  status = nt->set_information_process (h, PROCESS_IO_PRIORITY_CLASS, &hint, sizeof hint);
  if (!TS_NT_SUCCESS (status))
    ok = ts_win32_nt_error (err, status, "NtSetInformationProcess", what);
  CloseHandle (h);
  return ok;
}

bool
ts_platform_set_affinity (TsPlatform      *self,
                          TsPid            pid,
                          uint64_t         start_ticks,
                          const uint64_t   cpus[TS_CPU_SET_WORDS],
                          TsPlatformError *err)
{
  char what[32];
  DWORD_PTR mask = (DWORD_PTR) cpus[0];
  HANDLE h;
  bool ok = true;

  /* One processor group (64 CPUs) is what SetProcessAffinityMask reaches. */
  for (int i = 1; i < TS_CPU_SET_WORDS; i++)
    if (cpus[i] != 0)
      mask = 0;
  if (mask == 0)
    {
      ts_win32_pid_text (what, sizeof what, pid);
      return ts_platform_error_set (err, TS_PLATFORM_ERR_INVALID_ARGUMENT, ERROR_INVALID_PARAMETER,
                                    "SetProcessAffinityMask", what);
    }
  h = pin_process (pid, start_ticks, PROCESS_SET_INFORMATION | SYNCHRONIZE,
                   "SetProcessAffinityMask", what, sizeof what, err);
  if (h == NULL)
    return false;
  if (!SetProcessAffinityMask (h, mask))
    ok = ts_win32_last_error (err, "SetProcessAffinityMask", what);
  CloseHandle (h);
  return ok;
}
