/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Children for the live tests: a table of every process a test started,
 * emptied (SIGKILL + reap) on exit, on abort (a failed assertion) and on the
 * signals that end a test from outside; and ts-test-child driven through its
 * stdin/stdout pipes.
 */
#define G_LOG_DOMAIN "ts-test-kids"
#include "config.h"

#include "ts-test-kids.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

/* ------------------------------------------------------------ child table */

#define MAX_KIDS 64
static volatile pid_t kids[MAX_KIDS];

void
ts_test_kids_add (pid_t pid)
{
  for (int i = 0; i < MAX_KIDS; i++)
    if (kids[i] == 0)
      {
        kids[i] = pid;
        return;
      }
  g_error ("child table full");
}

void
ts_test_kids_forget (pid_t pid)
{
  for (int i = 0; i < MAX_KIDS; i++)
    if (kids[i] == pid)
      kids[i] = 0;
}

/* Async-signal-safe: kill and waitpid only. */
void
ts_test_kids_kill_all (void)
{
  int saved = errno;

  for (int i = 0; i < MAX_KIDS; i++)
    if (kids[i] > 0)
      kill (kids[i], SIGKILL);
  /* Our own children, and orphans handed to us as subreaper.  Everything
   * left has been sent SIGKILL (or PR_SET_PDEATHSIG does it), so this ends. */
  for (;;)
    {
      pid_t r = waitpid (-1, NULL, __WALL);

      if (r < 0 && errno == EINTR)
        continue;
      if (r < 0)
        break;
    }
  for (int i = 0; i < MAX_KIDS; i++)
    kids[i] = 0;
  errno = saved;
}

static void
on_fatal_signal (int sig)
{
  ts_test_kids_kill_all ();
  signal (sig, SIG_DFL);
  raise (sig);
}

void
ts_test_kids_init (void)
{
  static const int sigs[] = { SIGABRT, SIGTERM, SIGINT, SIGHUP, SIGSEGV, SIGBUS, SIGFPE, SIGTRAP };
  struct sigaction sa = { 0 };

  sa.sa_handler = on_fatal_signal;
  sigemptyset (&sa.sa_mask);
  for (size_t i = 0; i < G_N_ELEMENTS (sigs); i++)
    sigaction (sigs[i], &sa, NULL);
  atexit (ts_test_kids_kill_all);
  if (prctl (PR_SET_CHILD_SUBREAPER, 1) < 0)
    g_warning ("PR_SET_CHILD_SUBREAPER: %s", g_strerror (errno));
}

/* Waits for one of our children, retrying on EINTR. */
int
ts_test_reap (pid_t pid, int options)
{
  int status = 0;
  pid_t r;

  do
    r = waitpid (pid, &status, options);
  while (r < 0 && errno == EINTR);
  g_assert_cmpint (r, ==, pid);
  if (!(options & (WUNTRACED | WCONTINUED)))
    ts_test_kids_forget (pid);
  return status;
}

/* --------------------------------------------------------------- children */

/* One answer line from the child; fails the test after 30 s of silence
 * (a hung child), never returns NULL. */
char *
ts_test_child_read_line (TsTestChild *c)
{
  for (;;)
    {
      char *nl = memchr (c->buf, '\n', c->have);
      struct pollfd pfd = { .fd = c->out, .events = POLLIN };
      ssize_t r;
      int pr;

      if (nl != NULL)
        {
          size_t used = (size_t) (nl - c->buf) + 1;
          char *line = g_strndup (c->buf, used - 1);

          memmove (c->buf, c->buf + used, c->have - used);
          c->have -= used;
          return line;
        }
      pr = poll (&pfd, 1, 30000);
      if (pr < 0 && errno == EINTR)
        continue;
      if (pr == 0)
        g_error ("child %d did not answer in 30 s", (int) c->pid);
      r = read (c->out, c->buf + c->have, sizeof c->buf - c->have);
      if (r < 0 && errno == EINTR)
        continue;
      if (r <= 0)
        g_error ("child %d closed its stdout (died?)", (int) c->pid);
      c->have += (size_t) r;
    }
}

void
ts_test_child_send (TsTestChild *c, const char *line)
{
  g_autofree char *full = g_strconcat (line, "\n", NULL);
  size_t len = strlen (full);

  g_assert_cmpint (write (c->in, full, len), ==, (gssize) len);
}

char *
ts_test_child_cmd (TsTestChild *c, const char *line)
{
  ts_test_child_send (c, line);
  return ts_test_child_read_line (c);
}

void
ts_test_child_cmd_ok (TsTestChild *c, const char *line)
{
  g_autofree char *answer = ts_test_child_cmd (c, line);

  if (!g_str_has_prefix (answer, "ok") && !g_str_equal (answer, "pong"))
    g_error ("child %d: \"%s\" answered \"%s\"", (int) c->pid, line, answer);
}

static char **
default_envp (void)
{
  char **envp = g_new0 (char *, 3);

  envp[0] = g_strdup ("TS_TEST=1");
  envp[1] = g_strdup ("LC_ALL=C");
  return envp;
}

TsTestChild *
ts_test_child_spawn (const TsTestChildOptions *opt)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) envp = opt->envp != NULL ? g_strdupv (opt->envp) : default_envp ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ready = NULL;
  g_autofree char *expect = NULL;
  GSpawnFlags flags = G_SPAWN_DO_NOT_REAP_CHILD;
  sigset_t block, old;
  TsTestChild *c = g_new0 (TsTestChild, 1);

  g_ptr_array_add (argv, g_strdup (ts_test_child_path ()));
  if (opt->argv0 != NULL)
    {
      g_ptr_array_add (argv, g_strdup (opt->argv0));
      flags |= G_SPAWN_FILE_AND_ARGV_ZERO;
    }
  if (opt->name != NULL)
    {
      g_ptr_array_add (argv, g_strdup ("--name"));
      g_ptr_array_add (argv, g_strdup (opt->name));
    }
  if (opt->threads > 0)
    {
      g_ptr_array_add (argv, g_strdup ("--threads"));
      g_ptr_array_add (argv, g_strdup_printf ("%d", opt->threads));
    }
  if (opt->extra != NULL)
    {
      g_ptr_array_add (argv, g_strdup ("--"));
      for (int i = 0; opt->extra[i] != NULL; i++)
        g_ptr_array_add (argv, g_strdup (opt->extra[i]));
    }
  g_ptr_array_add (argv, NULL);

  /* Block the signals that end us from outside around spawn + record, so
   * no child exists that the cleanup does not know of. */
  sigemptyset (&block);
  sigaddset (&block, SIGTERM);
  sigaddset (&block, SIGINT);
  sigaddset (&block, SIGHUP);
  sigprocmask (SIG_BLOCK, &block, &old);
  if (!g_spawn_async_with_pipes_and_fds (opt->cwd, (const char * const *) argv->pdata,
                                         (const char * const *) envp, flags,
                                         NULL, NULL, -1, -1, -1, NULL, NULL, 0,
                                         &c->pid, &c->in, &c->out, NULL, &error))
    g_error ("spawning %s: %s", ts_test_child_path (), error->message);
  ts_test_kids_add (c->pid);
  sigprocmask (SIG_SETMASK, &old, NULL);

  ready = ts_test_child_read_line (c);
  expect = g_strdup_printf ("ready %d", (int) c->pid);
  g_assert_cmpstr (ready, ==, expect);
  return c;
}

/* Closes stdin (the child exits on EOF), reaps it, frees c.  Returns the
 * wait status. */
int
ts_test_child_finish (TsTestChild *c)
{
  int status;

  close (c->in);
  status = ts_test_reap (c->pid, 0);
  close (c->out);
  g_free (c);
  return status;
}

const char *
ts_test_child_path (void)
{
  static char *path;
  const char *env;

  if (path != NULL)
    return path;
  env = g_getenv ("TS_TEST_CHILD");
  if (env != NULL && *env != '\0')
    path = g_strdup (env);
  else
    {
      /* Run by hand: the helper is built next to the test. */
      g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
      g_autofree char *dir = NULL;

      g_assert_nonnull (self);
      dir = g_path_get_dirname (self);
      path = g_build_filename (dir, "ts-test-child", NULL);
    }
  if (!g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("helper %s is not there (set TS_TEST_CHILD)", path);
  return path;
}
