/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test-contract: psutil's contract test for the process reader.  Every PID
 * that ts_platform_list_pids gives is read with TS_PF_ALL, and the only
 * outcomes accepted are
 *
 *   - a valid field,
 *   - a field error of kind NO_SUCH_PROCESS (the process went away while we
 *     read it: checked), ACCESS_DENIED, ZOMBIE or NOT_SUPPORTED,
 *   - the call returning false with NO_SUCH_PROCESS (gone: checked).
 *
 * OS_ERROR, PARSE or anything else fails with the error's text, and every
 * error must name a call and a path that holds the PID.  A zombie and a
 * stopped child of ours are in the list on purpose.
 *
 *   test-contract [--expect-denied]
 *
 * --expect-denied: run unprivileged (meson runs it through setpriv as
 * nobody); at least one ACCESS_DENIED must be seen, so the denied paths are
 * known to be exercised and not just absent.
 */
#define G_LOG_DOMAIN "test-contract"
#include "config.h"

#include <glib.h>

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ts-platform.h"
#include "ts-test-kids.h"

static gboolean expect_denied;

typedef struct
{
  TsPlatform *platform;
  pid_t       zombie;
  pid_t       stopped;
  guint       seen[TS_PLATFORM_ERR_INVALID_ARGUMENT + 1];
  guint       read_ok;
  guint       gone;
} Fixture;

static char *
error_text (const TsPlatformError *err)
{
  char buf[512];

  return g_strdup (ts_platform_error_format (err, buf, sizeof buf));
}

/* The process is no longer the one we read (or is dead or dying): a
 * NO_SUCH_PROCESS is then the truth, not a mapping mistake (e.g. ENOENT
 * from readlink on a kernel thread's exe reported as "gone").  A process in
 * the middle of exit has dropped its memory (smaps_rollup, environ: ESRCH)
 * but is not a zombie yet, so give it up to 5 s to become one. */
static gboolean
really_gone (TsPlatform *platform, TsPid pid, uint64_t start_ticks)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  for (;;)
    {
      TsProcSample s;
      TsPlatformError err;
      gboolean gone;

      ts_proc_sample_init (&s);
      ts_platform_error_clear (&err);
      if (!ts_platform_read_process (platform, pid, TS_PF_STATUS, &s, &err))
        return err.kind == TS_PLATFORM_ERR_NO_SUCH_PROCESS;
      gone = s.start_ticks != start_ticks
             || ((s.valid & TS_PF_STATUS)
                 && (s.status == TS_PROC_STATUS_ZOMBIE || s.status == TS_PROC_STATUS_DEAD));
      ts_proc_sample_clear (&s);
      if (gone)
        return TRUE;
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_usleep (5000);
    }
}

/* An error names the call and a path that holds the PID: "/proc/412/..."
 * or "pid 412". */
static void
check_error_names (const TsPlatformError *e, TsPid pid, const char *what)
{
  g_autofree char *text = error_text (e);
  g_autofree char *in_path = g_strdup_printf ("/%d", (int) pid);
  g_autofree char *as_pid = g_strdup_printf ("pid %d", (int) pid);
  g_autofree char *prefix = g_strdup_printf ("%s(\"", e->call);
  const char *p;
  gboolean named = FALSE;

  if (e->call[0] == '\0')
    g_error ("pid %d: %s: the error names no call: %s", (int) pid, what, text);
  if (e->path[0] == '\0')
    g_error ("pid %d: %s: the error names no path: %s", (int) pid, what, text);
  if (g_str_equal (e->path, as_pid))
    named = TRUE;
  /* "/<pid>" followed by '/' or the end, so /proc/12 does not pass for 1. */
  for (p = strstr (e->path, in_path); p != NULL && !named; p = strstr (p + 1, in_path))
    {
      char next = p[strlen (in_path)];
      if (next == '/' || next == '\0')
        named = TRUE;
    }
  if (!named)
    g_error ("pid %d: %s: the error's path does not name the process: %s", (int) pid, what, text);
  if (!g_str_has_prefix (text, prefix))
    g_error ("pid %d: %s: the text does not start with the call: %s", (int) pid, what, text);
}

static gboolean
kind_accepted (TsPlatformErrorKind kind)
{
  return kind == TS_PLATFORM_ERR_NO_SUCH_PROCESS
         || kind == TS_PLATFORM_ERR_ACCESS_DENIED
         || kind == TS_PLATFORM_ERR_ZOMBIE
         || kind == TS_PLATFORM_ERR_NOT_SUPPORTED;
}

static void
check_valid_fields (Fixture *fx, const TsProcSample *s, double boot_time, double now)
{
  if (s->valid & TS_PF_STATUS)
    g_assert_cmpint (s->status, !=, TS_PROC_STATUS_UNKNOWN);
  if (s->valid & TS_PF_NAME)
    g_assert_cmpstr (s->name, !=, "");
  if (s->valid & TS_PF_PPID)
    g_assert_cmpint (s->ppid, >=, 0);
  if (s->valid & TS_PF_EXE)
    g_assert_nonnull (s->exe);
  if (s->valid & TS_PF_CWD)
    g_assert_nonnull (s->cwd);
  if (s->valid & TS_PF_CMDLINE)
    {
      size_t n = 0;

      for (size_t i = 0; i < s->cmdline_len; i++)
        if (s->cmdline[i] == '\0' || i + 1 == s->cmdline_len)
          n++;
      g_assert_cmpuint (s->cmdline_argc, ==, n);
    }
  if (s->valid & TS_PF_ENVIRON)
    g_assert_true (s->environ_len == 0 || s->environ != NULL);
  if (s->valid & TS_PF_CREATE_TIME)
    {
      /* btime is whole seconds: one second of slack either side. */
      if (boot_time > 0)
        g_assert_cmpfloat (s->create_time, >=, boot_time - 1.0);
      g_assert_cmpfloat (s->create_time, <=, now + 1.0);
    }
  if (s->valid & TS_PF_CPU_TIMES)
    {
      g_assert_cmpfloat (s->cpu_user, >=, 0.0);
      g_assert_cmpfloat (s->cpu_system, >=, 0.0);
      g_assert_cmpfloat (s->cpu_children_user, >=, 0.0);
      g_assert_cmpfloat (s->cpu_children_system, >=, 0.0);
      g_assert_cmpfloat (s->cpu_iowait, >=, 0.0);
    }
  if (s->valid & TS_PF_THREADS)
    for (size_t i = 0; i < s->n_threads; i++)
      g_assert_cmpint (s->threads[i].id, >, 0);
  if (s->valid & TS_PF_IONICE)
    g_assert_cmpint (s->ionice_class, >=, 0);

  if (s->pid == fx->zombie)
    {
      g_assert_true (s->valid & TS_PF_STATUS);
      g_assert_cmpint (s->status, ==, TS_PROC_STATUS_ZOMBIE);
    }
  if (s->pid == fx->stopped)
    {
      g_assert_true (s->valid & TS_PF_STATUS);
      g_assert_cmpint (s->status, ==, TS_PROC_STATUS_STOPPED);
    }
}

static void
read_one (Fixture *fx, TsPid pid, double boot_time)
{
  TsProcSample s;
  TsPlatformError err;
  double now = (double) g_get_real_time () / G_USEC_PER_SEC;
  gboolean need_gone_check = FALSE;

  ts_proc_sample_init (&s);
  ts_platform_error_clear (&err);
  if (!ts_platform_read_process (fx->platform, pid, TS_PF_ALL, &s, &err))
    {
      g_autofree char *text = error_text (&err);

      if (err.kind != TS_PLATFORM_ERR_NO_SUCH_PROCESS)
        g_error ("pid %d: read_process returned false with \"%s\": %s", (int) pid,
                 ts_platform_error_kind_name (err.kind), text);
      check_error_names (&err, pid, "read_process");
      if (kill (pid, 0) == 0 || errno == EPERM)
        {
          /* Still there: was it a new process with the same PID?  A fresh
           * read must succeed now, or the "gone" was a lie. */
          TsPlatformError err2;

          ts_proc_sample_init (&s);
          ts_platform_error_clear (&err2);
          if (!ts_platform_read_process (fx->platform, pid, TS_PF_STATUS, &s, &err2)
              && err2.kind == TS_PLATFORM_ERR_NO_SUCH_PROCESS
              && (kill (pid, 0) == 0 || errno == EPERM))
            g_error ("pid %d: read_process says no such process, but kill(pid, 0) finds it: %s",
                     (int) pid, text);
          ts_proc_sample_clear (&s);
        }
      fx->gone++;
      fx->seen[TS_PLATFORM_ERR_NO_SUCH_PROCESS]++;
      return;
    }

  fx->read_ok++;
  g_assert_cmpint (s.pid, ==, pid);
  g_assert_cmpuint (s.wanted, ==, TS_PF_ALL);

  for (int i = 0; i < TS_PF_N_FIELDS; i++)
    {
      TsProcField f = (TsProcField) (1u << i);
      const char *name = ts_proc_field_name (f);
      const TsPlatformError *e;
      g_autofree char *text = NULL;

      g_assert_nonnull (name);
      if (s.valid & f)
        continue;
      e = ts_proc_sample_field_error (&s, f);
      if (e == NULL)
        g_error ("pid %d (%s): %s is neither valid nor has an error", (int) pid, s.name, name);
      text = error_text (e);
      /* Our own zombie is a zombie from the start: nothing of it is "gone". */
      if (pid == fx->zombie && e->kind == TS_PLATFORM_ERR_NO_SUCH_PROCESS)
        g_error ("pid %d (our zombie): %s: \"%s\", want \"%s\": %s", (int) pid, name,
                 ts_platform_error_kind_name (e->kind),
                 ts_platform_error_kind_name (TS_PLATFORM_ERR_ZOMBIE), text);
      if (!kind_accepted (e->kind))
        g_error ("pid %d (%s): %s: \"%s\": %s", (int) pid, s.name, name,
                 ts_platform_error_kind_name (e->kind), text);
      check_error_names (e, pid, name);
      if (e->kind <= TS_PLATFORM_ERR_INVALID_ARGUMENT)
        fx->seen[e->kind]++;
      if (e->kind == TS_PLATFORM_ERR_NO_SUCH_PROCESS)
        need_gone_check = TRUE;
      if (g_test_verbose ())
        g_test_message ("pid %d (%s): %s: %s [%s]", (int) pid, s.name, name, text,
                        ts_platform_error_kind_name (e->kind));
    }

  if (need_gone_check && !really_gone (fx->platform, pid, s.start_ticks))
    {
      for (int i = 0; i < TS_PF_N_FIELDS; i++)
        {
          const TsPlatformError *e = ts_proc_sample_field_error (&s, (TsProcField) (1u << i));

          if (e != NULL && e->kind == TS_PLATFORM_ERR_NO_SUCH_PROCESS)
            {
              g_autofree char *text = error_text (e);
              g_error ("pid %d (%s): %s says no such process, but the process is still "
                       "there (and not a zombie): %s", (int) pid, s.name,
                       ts_proc_field_name ((TsProcField) (1u << i)), text);
            }
        }
    }

  check_valid_fields (fx, &s, boot_time, now);
  ts_proc_sample_clear (&s);
}

static void
fixture_set_up (Fixture *fx, gconstpointer data)
{
  TsPlatformError err;
  siginfo_t info = { 0 };
  int st;

  ts_platform_error_clear (&err);
  fx->platform = ts_platform_new (NULL, NULL, &err);
  if (fx->platform == NULL)
    {
      g_autofree char *text = error_text (&err);
      g_error ("ts_platform_new: %s", text);
    }

  /* A zombie: exited, not reaped until tear-down. */
  fx->zombie = fork ();
  g_assert_cmpint (fx->zombie, >=, 0);
  if (fx->zombie == 0)
    _exit (0);
  ts_test_kids_add (fx->zombie);
  while (waitid (P_PID, (id_t) fx->zombie, &info, WEXITED | WNOWAIT) < 0)
    g_assert_cmpint (errno, ==, EINTR);

  /* A stopped process. */
  fx->stopped = fork ();
  g_assert_cmpint (fx->stopped, >=, 0);
  if (fx->stopped == 0)
    {
      raise (SIGSTOP);
      _exit (0);
    }
  ts_test_kids_add (fx->stopped);
  st = ts_test_reap (fx->stopped, WUNTRACED);
  g_assert_true (WIFSTOPPED (st));
}

static void
fixture_tear_down (Fixture *fx, gconstpointer data)
{
  kill (fx->stopped, SIGKILL);
  ts_test_reap (fx->stopped, 0);
  ts_test_reap (fx->zombie, 0);
  ts_platform_free (fx->platform);
}

static void
test_every_pid (Fixture *fx, gconstpointer data)
{
  TsPlatformError err;
  TsPid *pids = NULL;
  size_t n = 0;
  double boot_time = 0;
  gboolean have_self = FALSE, have_zombie = FALSE, have_stopped = FALSE;

  ts_platform_error_clear (&err);
  if (!ts_platform_boot_time (fx->platform, &boot_time, &err))
    boot_time = 0;

  ts_platform_error_clear (&err);
  if (!ts_platform_list_pids (fx->platform, &pids, &n, &err))
    {
      g_autofree char *text = error_text (&err);
      g_error ("ts_platform_list_pids: %s", text);
    }
  g_assert_cmpuint (n, >, 0);
  for (size_t i = 0; i < n; i++)
    {
      if (i > 0)
        g_assert_cmpint (pids[i], >, pids[i - 1]); /* ascending, no repeats */
      have_self |= pids[i] == getpid ();
      have_zombie |= pids[i] == fx->zombie;
      have_stopped |= pids[i] == fx->stopped;
    }
  g_assert_true (have_self);
  g_assert_true (have_zombie);
  g_assert_true (have_stopped);

  /* Twice with descriptors kept (the second pass preads the kept ones),
   * then once opening everything afresh. */
  for (int pass = 0; pass < 3; pass++)
    {
      ts_platform_set_keep_fds (fx->platform, pass < 2);
      for (size_t i = 0; i < n; i++)
        read_one (fx, pids[i], boot_time);
    }
  free (pids);

  g_test_message ("%zu PIDs, 3 passes: %u read, %u gone; field errors: "
                  "%u no such process, %u access denied, %u zombie, %u not supported",
                  n, fx->read_ok, fx->gone,
                  fx->seen[TS_PLATFORM_ERR_NO_SUCH_PROCESS],
                  fx->seen[TS_PLATFORM_ERR_ACCESS_DENIED],
                  fx->seen[TS_PLATFORM_ERR_ZOMBIE],
                  fx->seen[TS_PLATFORM_ERR_NOT_SUPPORTED]);
  if (expect_denied)
    {
      if (geteuid () == 0)
        g_error ("--expect-denied but running as root: the unprivileged variant is not unprivileged");
      g_assert_cmpuint (fx->seen[TS_PLATFORM_ERR_ACCESS_DENIED], >, 0);
    }
}

/* Errors of the call itself: a PID that is not there. */
static void
test_gone (Fixture *fx, gconstpointer data)
{
  TsPlatformError err;
  TsProcSample s;
  pid_t pid;
  int st;

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (0);
  ts_test_kids_add (pid);
  st = ts_test_reap (pid, 0);
  g_assert_true (WIFEXITED (st));

  ts_proc_sample_init (&s);
  ts_platform_error_clear (&err);
  g_assert_false (ts_platform_read_process (fx->platform, pid, TS_PF_ALL, &s, &err));
  g_assert_cmpint (err.kind, ==, TS_PLATFORM_ERR_NO_SUCH_PROCESS);
  check_error_names (&err, pid, "read_process");
  ts_proc_sample_clear (&s);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--expect-denied"))
      expect_denied = TRUE;
  ts_test_kids_init ();

  g_test_add ("/contract/every-pid", Fixture, NULL, fixture_set_up, test_every_pid, fixture_tear_down);
  g_test_add ("/contract/gone", Fixture, NULL, fixture_set_up, test_gone, fixture_tear_down);
  return g_test_run ();
}
