/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Windows layer against live processes: this test and a child started
 * with a known command line, working directory and environment, then
 * suspended, resumed, reprioritised and ended. */
#include "config.h"

#include "ts-tap.h"
#include "ts-win32.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <windows.h>

#define ENV_MARK "TS_TEST_MARK=h\xc3\xa9llo w\xc3\xb6rld"

typedef struct
{
  PROCESS_INFORMATION pi;
  wchar_t             dir[MAX_PATH];
  char                dir_utf8[MAX_PATH * 3];
} Child;

static bool
has_entry (const char *list, size_t len, const char *entry)
{
  for (size_t off = 0; off < len;)
    {
      size_t n = strnlen (list + off, len - off);

      if (n == strlen (entry) && memcmp (list + off, entry, n) == 0)
        return true;
      off += n + 1;
    }
  return false;
}

static bool
start_child (Child *c)
{
  wchar_t exe[MAX_PATH], cmd[MAX_PATH * 2 + 64], *slash;
  /* Sorted, as Windows wants an environment block. */
  static const wchar_t env[] = L"FOO=bar\0SystemRoot=C:\\windows\0TS_TEST_MARK=h\u00e9llo w\u00f6rld\0";
  wchar_t block[sizeof env / sizeof env[0] + 1];
  STARTUPINFOW si = { .cb = sizeof si };
  wchar_t tmp[MAX_PATH];

  memcpy (block, env, sizeof env);
  block[sizeof env / sizeof env[0]] = L'\0';
  GetModuleFileNameW (NULL, exe, MAX_PATH);
  slash = wcsrchr (exe, L'\\');
  if (slash == NULL)
    return false;
  wcscpy (slash + 1, L"ts-win32-child.exe");

  /* A working directory with a space and a non-ASCII letter in its name. */
  GetTempPathW (MAX_PATH, tmp);
  swprintf (c->dir, MAX_PATH, L"%lsts w\u00e9-%lu", tmp, (unsigned long) GetCurrentProcessId ());
  CreateDirectoryW (c->dir, NULL);
  WideCharToMultiByte (CP_UTF8, 0, c->dir, -1, c->dir_utf8, sizeof c->dir_utf8, NULL, NULL);

  swprintf (cmd, sizeof cmd / sizeof cmd[0], L"\"%ls\" wait 60 \"two words\" \u00fcml", exe);
  return CreateProcessW (exe, cmd, NULL, NULL, FALSE, CREATE_UNICODE_ENVIRONMENT, block, c->dir,
                         &si, &c->pi);
}

static bool
pid_listed (TsPlatform *p, TsPid pid)
{
  TsPlatformError err;
  TsPid *pids;
  size_t n;
  bool found = false;

  if (!ts_platform_list_pids (p, &pids, &n, &err))
    return false;
  for (size_t i = 0; i < n; i++)
    found |= pids[i] == pid;
  free (pids);
  return found;
}

/* The suspend count of the child's main thread, read by suspending it once
 * more and undoing that: independent of what the snapshot reports. */
static int
suspend_count (Child *c)
{
  HANDLE t = OpenThread (THREAD_SUSPEND_RESUME, FALSE, c->pi.dwThreadId);
  DWORD prev;

  if (t == NULL)
    return -1;
  prev = SuspendThread (t);
  if (prev != (DWORD) -1)
    ResumeThread (t);
  CloseHandle (t);
  return prev == (DWORD) -1 ? -1 : (int) prev;
}

/* Whether this OS fills the threads' states in the snapshot at all: under
 * wine 8 every thread reads as state 0 (initialized). */
static bool
thread_states_known (const TsProcSample *s)
{
  for (size_t i = 0; i < s->n_threads; i++)
    if (s->threads[i].status_char != '?')
      return true;
  return false;
}

static void
test_self (TsPlatform *p)
{
  TsPlatformError err;
  TsProcSample s;
  TsPid me = (TsPid) GetCurrentProcessId ();
  bool ok;

  ts_proc_sample_init (&s);
  TAP_OK (pid_listed (p, me), "the process list holds this test (pid %ld)", (long) me);
  ok = ts_platform_read_process (p, me, TS_PF_ALL, &s, &err);
  TAP_OK (ok && s.pid == me, "read this test");
  TAP_OK ((s.valid & TS_PF_PPID) && (s.ppid == 0 || pid_listed (p, s.ppid)),
          "its parent %ld is listed (or 0: started from outside)", (long) s.ppid);
  TAP_OK (strcmp (s.name, "test-win32-live.exe") == 0, "name %s", s.name);
  TAP_OK ((s.valid & TS_PF_EXE) && strstr (s.exe, "test-win32-live.exe") != NULL, "exe %s",
          s.exe ? s.exe : "(none)");
  TAP_OK ((s.valid & TS_PF_NUM_THREADS) && s.num_threads >= 1, "threads: %d", (int) s.num_threads);
  TAP_OK ((s.valid & TS_PF_MEMORY_INFO) && s.rss > 0, "rss %llu", (unsigned long long) s.rss);
  TAP_OK ((s.valid & TS_PF_ENVIRON) && s.environ_len > 0, "own environment read");
  TAP_OK (!(s.valid & TS_PF_TERMINAL) && ts_proc_sample_field_error (&s, TS_PF_TERMINAL)->kind
          == TS_PLATFORM_ERR_NOT_SUPPORTED, "terminal: not supported");
  ts_proc_sample_clear (&s);
}

static void
test_child_fields (TsPlatform *p, Child *c, uint64_t *start_ticks)
{
  TsPlatformError err;
  TsProcSample s;
  TsPid pid = (TsPid) c->pi.dwProcessId;
  FILETIME cr, ex, k, u;
  char user_child[128] = "", user_me[128] = "";
  uint32_t my_uid = UINT32_MAX;
  bool ok;

  ts_proc_sample_init (&s);
  TAP_OK (pid_listed (p, pid), "the child %ld is listed", (long) pid);
  ok = ts_platform_read_process (p, pid, TS_PF_ALL, &s, &err);
  TAP_OK (ok, "read the child");
  if (!ok)
    return;
  TAP_OK (s.ppid == (TsPid) GetCurrentProcessId (), "child's parent is this test (%ld)", (long) s.ppid);
  TAP_OK (strcmp (s.name, "ts-win32-child.exe") == 0, "child name %s", s.name);
  {
    static const char want[] = "wait\0" "60\0" "two words\0" "\xc3\xbcml";
    const char *argv0_end = (s.valid & TS_PF_CMDLINE) ? memchr (s.cmdline, '\0', s.cmdline_len) : NULL;
    size_t rest = argv0_end ? s.cmdline_len - (size_t) (argv0_end + 1 - s.cmdline) : 0;

    TAP_OK (argv0_end != NULL && s.cmdline_argc == 5 && strstr (s.cmdline, "ts-win32-child.exe") != NULL
            && rest == sizeof want && memcmp (argv0_end + 1, want, sizeof want) == 0,
            "child's argv read back (%zu args)", s.cmdline_argc);
  }
  TAP_OK ((s.valid & TS_PF_CWD) && strcmp (s.cwd, c->dir_utf8) == 0, "child's cwd \"%s\"",
          s.cwd ? s.cwd : "(none)");
  TAP_OK ((s.valid & TS_PF_ENVIRON) && has_entry (s.environ, s.environ_len, ENV_MARK)
          && has_entry (s.environ, s.environ_len, "FOO=bar"), "child's environment read back in UTF-8");
  TAP_OK ((s.valid & TS_PF_EXE) && strstr (s.exe, "ts-win32-child.exe") != NULL, "child's exe %s",
          s.exe ? s.exe : "(none)");

  GetProcessTimes (c->pi.hProcess, &cr, &ex, &k, &u);
  *start_ticks = ((uint64_t) cr.dwHighDateTime << 32) | cr.dwLowDateTime;
  TAP_OK (s.start_ticks == *start_ticks && s.start_ticks != 0, "identity: start ticks = creation time");
  {
    FILETIME now;
    double t;

    GetSystemTimeAsFileTime (&now);
    t = ts_win32_filetime_to_epoch (((uint64_t) now.dwHighDateTime << 32) | now.dwLowDateTime);
    TAP_OK (s.create_time > t - 30 && s.create_time <= t + 1, "create_time %.1f near now %.1f",
            s.create_time, t);
  }
  TAP_OK ((s.valid & TS_PF_THREADS) && s.n_threads == (size_t) s.num_threads && s.n_threads >= 1
          && s.threads[0].id != 0, "threads listed: %zu", s.n_threads);
  TAP_OK ((s.valid & TS_PF_CPU_TIMES) && s.cpu_user >= 0 && s.cpu_system >= 0, "cpu times");
  TAP_OK ((s.valid & TS_PF_NICE) && s.nice == 0, "child's priority class is normal (nice %d)", (int) s.nice);
  TAP_OK ((s.valid & TS_PF_CPU_AFFINITY) && s.cpu_affinity[0] != 0, "affinity 0x%llx",
          (unsigned long long) s.cpu_affinity[0]);

  TAP_OK (s.valid & TS_PF_UIDS, "child's user");
  if (s.valid & TS_PF_UIDS)
    {
      TsProcSample me;

      ts_proc_sample_init (&me);
      if (ts_platform_read_process (p, (TsPid) GetCurrentProcessId (), TS_PF_UIDS, &me, &err)
          && (me.valid & TS_PF_UIDS))
        my_uid = me.uids[0];
      ts_proc_sample_clear (&me);
      TAP_OK (ts_platform_user_name (s.uids[0], user_child, sizeof user_child)
              && ts_platform_user_name (my_uid, user_me, sizeof user_me) && s.uids[0] == my_uid
              && strcmp (user_child, user_me) == 0 && user_child[0] != '\0',
              "child runs as this test's user \"%s\"", user_child);
      TAP_OK (!ts_platform_user_name (9999, user_me, sizeof user_me) && strcmp (user_me, "9999") == 0,
              "an unknown uid gives its number and false");
    }
  ts_proc_sample_clear (&s);
}

static void
test_actions (TsPlatform *p, Child *c, uint64_t start_ticks)
{
  TsPlatformError err;
  TsProcSample s;
  TsPid pid = (TsPid) c->pi.dwProcessId;
  uint64_t cpus[TS_CPU_SET_WORDS] = { 1 };
  DWORD_PTR pmask = 0, smask = 0;
  DWORD code = 0;
  bool ok;

  ts_proc_sample_init (&s);

  /* Suspend and resume the whole process. */
  TAP_OK (suspend_count (c) == 0, "child's main thread runs before SIGSTOP");
  ok = ts_platform_send_signal (p, pid, start_ticks, TS_WIN32_SIGSTOP, &err);
  TAP_OK (ok, "SIGSTOP -> NtSuspendProcess");
  TAP_OK (suspend_count (c) == 1, "child's main thread is suspended once (count %d)", suspend_count (c));
  (void) pid_listed (p, pid); /* a fresh snapshot */
  if (ts_platform_read_process (p, pid, TS_PF_STATUS | TS_PF_THREADS, &s, &err) && thread_states_known (&s))
    TAP_OK (s.status == TS_PROC_STATUS_STOPPED, "suspended child's status: %s", ts_proc_status_name (s.status));
  else
    tap_skip ("suspended child's status is stopped", "this OS leaves the snapshot's thread states unset");
  ok = ts_platform_send_signal (p, pid, start_ticks, TS_WIN32_SIGCONT, &err);
  TAP_OK (ok && suspend_count (c) == 0, "SIGCONT -> NtResumeProcess: the thread runs again");
  if (ts_platform_read_process (p, pid, TS_PF_STATUS | TS_PF_THREADS, &s, &err) && thread_states_known (&s))
    TAP_OK (s.status != TS_PROC_STATUS_STOPPED, "resumed child's status: %s", ts_proc_status_name (s.status));
  else
    tap_skip ("resumed child's status is not stopped", "this OS leaves the snapshot's thread states unset");

  /* Priority, affinity. */
  ok = ts_platform_set_nice (p, pid, start_ticks, 10, &err);
  TAP_OK (ok && GetPriorityClass (c->pi.hProcess) == BELOW_NORMAL_PRIORITY_CLASS, "nice 10 -> below normal");
  (void) pid_listed (p, pid); /* a fresh snapshot */
  TAP_OK (ts_platform_read_process (p, pid, TS_PF_NICE, &s, &err) && (s.valid & TS_PF_NICE) && s.nice == 10,
          "nice reads back 10");
  TAP_OK (!ts_platform_set_nice (p, pid, start_ticks, 25, &err) && err.kind == TS_PLATFORM_ERR_INVALID_ARGUMENT,
          "nice 25 is refused");
  ok = ts_platform_set_affinity (p, pid, start_ticks, cpus, &err);
  TAP_OK (ok && GetProcessAffinityMask (c->pi.hProcess, &pmask, &smask) && pmask == 1, "affinity -> CPU 0");
  cpus[0] = 0;
  TAP_OK (!ts_platform_set_affinity (p, pid, start_ticks, cpus, &err)
          && err.kind == TS_PLATFORM_ERR_INVALID_ARGUMENT, "an empty CPU set is refused");

  /* The identity check and bad signals. */
  TAP_OK (!ts_platform_send_signal (p, pid, start_ticks + 1, TS_WIN32_SIGKILL, &err)
          && err.kind == TS_PLATFORM_ERR_NO_SUCH_PROCESS && WaitForSingleObject (c->pi.hProcess, 0) == WAIT_TIMEOUT,
          "a wrong start time is another process: refused, child alive");
  TAP_OK (!ts_platform_send_signal (p, pid, start_ticks, 2, &err) && err.kind == TS_PLATFORM_ERR_INVALID_ARGUMENT,
          "SIGINT has no Windows meaning: invalid argument");

  /* Terminate. */
  ok = ts_platform_send_signal (p, pid, start_ticks, TS_WIN32_SIGTERM, &err);
  TAP_OK (ok && WaitForSingleObject (c->pi.hProcess, 10000) == WAIT_OBJECT_0, "SIGTERM -> TerminateProcess ends it");
  ok = GetExitCodeProcess (c->pi.hProcess, &code);
  TAP_OK (ok && code == 1, "exit code 1 (%lu)", (unsigned long) code);
  TAP_OK (!ts_platform_send_signal (p, pid, start_ticks, TS_WIN32_SIGKILL, &err)
          && err.kind == TS_PLATFORM_ERR_NO_SUCH_PROCESS, "signalling the ended child: no such process");
  {
    bool gone = false;

    /* The snapshot may list it for a moment while its handles close. */
    for (int i = 0; i < 50 && !gone; i++)
      {
        gone = !pid_listed (p, pid);
        if (!gone)
          Sleep (100);
      }
    TAP_OK (gone, "the ended child leaves the process list");
    TAP_OK (!ts_platform_read_process (p, pid, TS_PF_ALL, &s, &err) && err.kind == TS_PLATFORM_ERR_NO_SUCH_PROCESS,
            "reading it: no such process");
  }
  ts_proc_sample_clear (&s);
}

int
main (void)
{
  TsPlatformError err;
  TsPlatform *p = ts_platform_new (NULL, NULL, &err);
  TsProcSample s;
  Child c;
  uint64_t start_ticks = 0;

  TAP_OK (p != NULL, "ts_platform_new");
  if (p == NULL)
    return tap_done ();
  tap_diag ("SeDebugPrivilege %s", ts_win32_has_debug_privilege (p) ? "enabled" : "not held");

  test_self (p);

  memset (&c, 0, sizeof c);
  TAP_OK (start_child (&c), "CreateProcessW starts the child");
  if (c.pi.hProcess != NULL)
    {
      test_child_fields (p, &c, &start_ticks);
      test_actions (p, &c, start_ticks);
      TerminateProcess (c.pi.hProcess, 0);
      CloseHandle (c.pi.hThread);
      CloseHandle (c.pi.hProcess);
      RemoveDirectoryW (c.dir);
    }

  ts_proc_sample_init (&s);
  TAP_OK (!ts_platform_read_process (p, 0x7ffffffc, TS_PF_ALL, &s, &err)
          && err.kind == TS_PLATFORM_ERR_NO_SUCH_PROCESS, "a PID nobody has: no such process");
  TAP_OK (!ts_platform_send_signal (p, 0x7ffffffc, 1, TS_WIN32_SIGKILL, &err)
          && err.kind == TS_PLATFORM_ERR_NO_SUCH_PROCESS && strcmp (err.call, "OpenProcess") == 0,
          "signalling it: no such process, from OpenProcess");
  ts_platform_free (p);
  return tap_done ();
}
