/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test-live: ts_platform_read_process and ts_platform_send_signal against
 * real child processes (ts-test-child) whose environment, argv, name, cwd,
 * threads, memory and I/O the test chose.  Children are driven through their
 * stdin/stdout pipes, never timed with sleeps.
 *
 * Every child is recorded (ts-test-kids.c) and killed and reaped on exit,
 * on a failed assertion and on the signals that end a test.
 */
#define G_LOG_DOMAIN "test-live"
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ts-platform.h"
#include "ts-test-kids.h"

#define MiB (1024u * 1024u)

static TsPlatform *platform;

/* ------------------------------------------------------------------ reads */

static char *
error_text (const TsPlatformError *err)
{
  char buf[512];

  return g_strdup (ts_platform_error_format (err, buf, sizeof buf));
}

static void
read_ok (pid_t pid, uint32_t wanted, TsProcSample *s)
{
  TsPlatformError err;

  /* read_process clears the sample first: it must not hold garbage. */
  ts_proc_sample_init (s);
  ts_platform_error_clear (&err);
  if (!ts_platform_read_process (platform, pid, wanted, s, &err))
    {
      g_autofree char *text = error_text (&err);
      g_error ("ts_platform_read_process(%d): %s", (int) pid, text);
    }
  g_assert_cmpint (s->pid, ==, pid);
}

/* Fails with the field's error text when a wanted field is not valid. */
static void
assert_valid (const TsProcSample *s, TsProcField field)
{
  if (!(s->valid & field))
    {
      const TsPlatformError *e = ts_proc_sample_field_error (s, field);
      g_autofree char *text = e != NULL ? error_text (e) : g_strdup ("(no error recorded)");

      g_error ("pid %d: field %s not valid: %s", (int) s->pid,
               ts_proc_field_name (field), text);
    }
}

static double
now_seconds (void)
{
  return (double) g_get_real_time () / G_USEC_PER_SEC;
}

static char *
real_path (const char *path)
{
  char buf[PATH_MAX];

  g_assert_nonnull (realpath (path, buf));
  return g_strdup (buf);
}

/* Blob of NUL-terminated entries from a NULL-terminated vector. */
static GByteArray *
blob_of (const char *const *v)
{
  GByteArray *b = g_byte_array_new ();

  for (int i = 0; v[i] != NULL; i++)
    g_byte_array_append (b, (const guint8 *) v[i], (guint) strlen (v[i]) + 1);
  return b;
}

/* The entry starting with "NAME=" in an environ blob, or NULL. */
static const char *
environ_find (const char *env, size_t len, const char *name, size_t *entry_len)
{
  size_t nlen = strlen (name);

  for (size_t off = 0; off < len;)
    {
      const char *e = env + off;
      const char *nul = memchr (e, '\0', len - off);
      size_t elen = nul != NULL ? (size_t) (nul - e) : len - off;

      if (elen > nlen && memcmp (e, name, nlen) == 0 && e[nlen] == '=')
        {
          *entry_len = elen;
          return e;
        }
      off += elen + 1;
    }
  return NULL;
}

/* ------------------------------------------------------------------ tests */

/* The child's identity fields, its environment (with bytes that are not
 * UTF-8 and a 100 kB value), threads, argv, cwd. */
static void
test_identity (void)
{
  static const char *const extra[] = { "two words", "", "\xff\xfe not utf-8", "last", NULL };
  g_autofree char *tmp = NULL;
  g_autofree char *cwd = NULL;
  g_autofree char *exe = NULL;
  g_autofree char *big = NULL;
  g_autofree char *tids_line = NULL;
  g_auto(GStrv) tids = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GByteArray) want_env = NULL;
  g_autoptr(GByteArray) want_cmd = NULL;
  TsProcSample s, self;
  char *envp[8];
  const char *argv_expect[16];
  int n = 0;
  double t0, t1;
  TsTestChild *c;

  /* 100 kB value: above one page and the 64 kB a naive fixed buffer holds,
   * below the kernel's 128 kB limit for one string (MAX_ARG_STRLEN). */
  big = g_malloc (strlen ("TS_TEST_BIG=") + 100 * 1024 + 1);
  strcpy (big, "TS_TEST_BIG=");
  for (size_t i = 0; i < 100 * 1024; i++)
    big[strlen ("TS_TEST_BIG=") + i] = (char) ('a' + i % 26);
  big[strlen ("TS_TEST_BIG=") + 100 * 1024] = '\0';

  envp[0] = (char *) "TS_TEST_PLAIN=hello world";
  envp[1] = (char *) "TS_TEST_BADUTF8=\xff\xfe\xc3(end)";
  envp[2] = (char *) "TS_TEST_EMPTY=";
  envp[3] = (char *) "TS_TEST_EQUALS=a=b=c";
  envp[4] = big;
  envp[5] = (char *) "TS_TEST_LAST=1";
  envp[6] = NULL;

  tmp = g_dir_make_tmp ("ts-live cwd \xc3(-XXXXXX", &error);
  g_assert_no_error (error);
  cwd = real_path (tmp);
  exe = real_path (ts_test_child_path ());

  t0 = now_seconds ();
  c = ts_test_child_spawn (&(TsTestChildOptions) { .name = "ts-live-kid", .threads = 4,
                                     .extra = extra, .envp = envp, .cwd = tmp });
  t1 = now_seconds ();
  tids_line = ts_test_child_cmd (c, "tids");

  read_ok (getpid (), TS_PF_TERMINAL, &self);
  read_ok (c->pid, TS_PF_ALL, &s);

  g_assert_cmpuint (s.start_ticks, >, 0);

  assert_valid (&s, TS_PF_PPID);
  g_assert_cmpint (s.ppid, ==, getpid ());

  assert_valid (&s, TS_PF_NAME);
  g_assert_cmpstr (s.name, ==, "ts-live-kid");

  assert_valid (&s, TS_PF_EXE);
  g_assert_cmpstr (s.exe, ==, exe);

  assert_valid (&s, TS_PF_CWD);
  g_assert_cmpstr (s.cwd, ==, cwd);

  /* argv byte for byte: an empty argument and bytes that are not UTF-8. */
  assert_valid (&s, TS_PF_CMDLINE);
  argv_expect[n++] = ts_test_child_path ();
  argv_expect[n++] = "--name";
  argv_expect[n++] = "ts-live-kid";
  argv_expect[n++] = "--threads";
  argv_expect[n++] = "4";
  argv_expect[n++] = "--";
  for (int i = 0; extra[i] != NULL; i++)
    argv_expect[n++] = extra[i];
  argv_expect[n] = NULL;
  want_cmd = blob_of (argv_expect);
  g_assert_cmpuint (s.cmdline_argc, ==, (guint) n);
  g_assert_cmpmem (s.cmdline, s.cmdline_len, want_cmd->data, want_cmd->len);

  /* environ: each entry byte-exact, then the whole block (nothing else in
   * it: the child was spawned with exactly this environment). */
  assert_valid (&s, TS_PF_ENVIRON);
  for (int i = 0; envp[i] != NULL; i++)
    {
      g_autofree char *name = g_strndup (envp[i], (gsize) (strchr (envp[i], '=') - envp[i]));
      size_t elen = 0;
      const char *e = environ_find (s.environ, s.environ_len, name, &elen);

      if (e == NULL)
        g_error ("environ: %s missing", name);
      g_assert_cmpmem (e, elen, envp[i], strlen (envp[i]));
    }
  want_env = blob_of ((const char *const *) envp);
  g_assert_cmpmem (s.environ, s.environ_len, want_env->data, want_env->len);

  /* Threads: the count, and the same TIDs the child reported. */
  assert_valid (&s, TS_PF_NUM_THREADS);
  assert_valid (&s, TS_PF_THREADS);
  g_assert_cmpint (s.num_threads, ==, 4);
  g_assert_cmpuint (s.n_threads, ==, 4);
  g_assert_true (g_str_has_prefix (tids_line, "ok "));
  tids = g_strsplit (tids_line + 3, " ", -1);
  g_assert_cmpuint (g_strv_length (tids), ==, 4);
  for (int i = 0; tids[i] != NULL; i++)
    {
      int tid = atoi (tids[i]);
      gboolean found = FALSE;

      for (size_t j = 0; j < s.n_threads; j++)
        if (s.threads[j].id == tid)
          {
            g_assert_cmpfloat (s.threads[j].user, >=, 0.0);
            g_assert_cmpfloat (s.threads[j].system, >=, 0.0);
            found = TRUE;
          }
      if (!found)
        g_error ("thread %d not in the sample", tid);
    }

  assert_valid (&s, TS_PF_UIDS);
  g_assert_cmpuint (s.uids[0], ==, getuid ());
  g_assert_cmpuint (s.uids[1], ==, geteuid ());
  g_assert_cmpuint (s.uids[2], ==, geteuid ());
  assert_valid (&s, TS_PF_GIDS);
  g_assert_cmpuint (s.gids[0], ==, getgid ());
  g_assert_cmpuint (s.gids[1], ==, getegid ());
  g_assert_cmpuint (s.gids[2], ==, getegid ());

  /* The child inherits our controlling terminal (or lack of one). */
  assert_valid (&s, TS_PF_TERMINAL);
  assert_valid (&self, TS_PF_TERMINAL);
  g_assert_cmpuint (s.tty_nr, ==, self.tty_nr);

  /* create_time is start ticks / CLK_TCK + btime, and btime in /proc/stat
   * is whole seconds (truncated), so the value may be up to 1 s early, plus
   * one 10 ms tick.  2 s either side covers that with margin and still
   * catches a wrong unit (ticks as seconds) or a wrong epoch. */
  assert_valid (&s, TS_PF_CREATE_TIME);
  g_assert_cmpfloat (s.create_time, >=, t0 - 2.0);
  g_assert_cmpfloat (s.create_time, <=, t1 + 2.0);

  /* What the child has not changed is the default. */
  assert_valid (&s, TS_PF_NICE);
  g_assert_cmpint (s.nice, ==, getpriority (PRIO_PROCESS, 0));

  {
    struct passwd *pw = getpwuid (s.uids[1]);
    char user[256];

    g_assert_nonnull (pw);
    g_assert_true (ts_platform_user_name (s.uids[1], user, sizeof user));
    g_assert_cmpstr (user, ==, pw->pw_name);
  }

  ts_proc_sample_clear (&s);
  ts_proc_sample_clear (&self);
  g_assert_true (WIFEXITED (ts_test_child_finish (c)));
  g_assert_cmpint (g_rmdir (tmp), ==, 0);
}

/* comm is cut at 15 bytes; the name is then argv[0]'s basename when that
 * starts with comm (psutil's rule). */
static void
test_long_name (void)
{
  TsProcSample s;
  TsTestChild *c;

  c = ts_test_child_spawn (&(TsTestChildOptions) { .argv0 = "/nonexistent/ts-long-process-name-for-tests",
                                     .name = "ts-long-process-name-for-tests" });
  read_ok (c->pid, TS_PF_NAME | TS_PF_CMDLINE, &s);
  assert_valid (&s, TS_PF_NAME);
  g_assert_cmpstr (s.name, ==, "ts-long-process-name-for-tests");
  ts_proc_sample_clear (&s);
  g_assert_true (WIFEXITED (ts_test_child_finish (c)));
}

/* USS grows by what the child allocates and touches. */
static void
test_uss (void)
{
  const uint64_t size = 64 * MiB;
  /* The helper also touches a few pages of its own while it serves the
   * command (malloc's bookkeeping, stack, the answer buffer): measured
   * 4-8 KiB.  1 MiB (1.6 %) leaves room for a different libc or allocator
   * and still catches kB/bytes or page/byte unit errors. */
  const int64_t tolerance = 1 * MiB;
  TsProcSample a, b;
  int64_t grow;
  TsTestChild *c;

  c = ts_test_child_spawn (&(TsTestChildOptions) { 0 });
  read_ok (c->pid, TS_PF_MEMORY_FULL | TS_PF_MEMORY_INFO, &a);
  assert_valid (&a, TS_PF_MEMORY_FULL);
  assert_valid (&a, TS_PF_MEMORY_INFO);
  ts_test_child_cmd_ok (c, "alloc 67108864");
  read_ok (c->pid, TS_PF_MEMORY_FULL | TS_PF_MEMORY_INFO, &b);
  assert_valid (&b, TS_PF_MEMORY_FULL);
  assert_valid (&b, TS_PF_MEMORY_INFO);

  grow = (int64_t) b.uss - (int64_t) a.uss;
  g_test_message ("uss %" G_GUINT64_FORMAT " -> %" G_GUINT64_FORMAT " (+%" G_GINT64_FORMAT ")",
                  a.uss, b.uss, grow);
  g_assert_cmpint (grow, >=, (int64_t) size - tolerance);
  g_assert_cmpint (grow, <=, (int64_t) size + tolerance);

  /* Private memory: PSS and RSS grow by the same amount. */
  grow = (int64_t) b.pss - (int64_t) a.pss;
  g_assert_cmpint (grow, >=, (int64_t) size - tolerance);
  g_assert_cmpint (grow, <=, (int64_t) size + tolerance);
  grow = (int64_t) b.rss - (int64_t) a.rss;
  g_assert_cmpint (grow, >=, (int64_t) size - tolerance);
  g_assert_cmpint (grow, <=, (int64_t) size + tolerance);
  g_assert_cmpuint (b.uss, <=, b.pss);
  g_assert_cmpuint (b.vms, >=, b.rss);

  ts_proc_sample_clear (&a);
  ts_proc_sample_clear (&b);
  g_assert_true (WIFEXITED (ts_test_child_finish (c)));
}

/* A MAP_SHARED|MAP_ANONYMOUS region touched by the child and then by its
 * forked grandchild: while only one maps the pages, they count fully in its
 * PSS (and, mapped once, in its USS); once both do, half each. */
static void
test_pss_shared (void)
{
  const int64_t size = 32 * MiB;
  /* The fork leaves the child's own pages copy-on-write shared with the
   * grandchild; each page either touches afterwards (stack, the answer
   * buffer) moves 2 KiB of PSS.  Measured 1-5 KiB; 512 KiB is 1.6 % of
   * the region, far from the 16 MiB a missing split would give. */
  const int64_t tolerance = 512 * 1024;
  TsProcSample p0, p1, p2, g0, g2;
  g_autofree char *answer = NULL;
  pid_t gpid;
  TsTestChild *c;

  c = ts_test_child_spawn (&(TsTestChildOptions) { 0 });
  answer = ts_test_child_cmd (c, "shared 33554432");
  g_assert_true (g_str_has_prefix (answer, "ok "));
  gpid = atoi (answer + 3);
  g_assert_cmpint (gpid, >, 0);
  ts_test_kids_add (gpid); /* not ours to ts_test_reap, but ours to kill on failure */

  read_ok (c->pid, TS_PF_MEMORY_FULL, &p0);
  read_ok (gpid, TS_PF_MEMORY_FULL | TS_PF_PPID, &g0);
  assert_valid (&p0, TS_PF_MEMORY_FULL);
  assert_valid (&g0, TS_PF_MEMORY_FULL);
  g_assert_cmpint (g0.ppid, ==, c->pid);

  ts_test_child_cmd_ok (c, "touch-self");
  read_ok (c->pid, TS_PF_MEMORY_FULL, &p1);
  assert_valid (&p1, TS_PF_MEMORY_FULL);
  g_test_message ("child alone: pss %+" G_GINT64_FORMAT " uss %+" G_GINT64_FORMAT,
                  (int64_t) p1.pss - (int64_t) p0.pss, (int64_t) p1.uss - (int64_t) p0.uss);
  g_assert_cmpint ((int64_t) p1.pss - (int64_t) p0.pss, >=, size - tolerance);
  g_assert_cmpint ((int64_t) p1.pss - (int64_t) p0.pss, <=, size + tolerance);
  g_assert_cmpint ((int64_t) p1.uss - (int64_t) p0.uss, >=, size - tolerance);
  g_assert_cmpint ((int64_t) p1.uss - (int64_t) p0.uss, <=, size + tolerance);

  ts_test_child_cmd_ok (c, "touch-child");
  read_ok (c->pid, TS_PF_MEMORY_FULL, &p2);
  read_ok (gpid, TS_PF_MEMORY_FULL, &g2);
  assert_valid (&p2, TS_PF_MEMORY_FULL);
  assert_valid (&g2, TS_PF_MEMORY_FULL);
  g_test_message ("both: child pss %+" G_GINT64_FORMAT " grandchild pss %+" G_GINT64_FORMAT,
                  (int64_t) p2.pss - (int64_t) p1.pss, (int64_t) g2.pss - (int64_t) g0.pss);
  /* The child gives up half, the grandchild gains half. */
  g_assert_cmpint ((int64_t) p1.pss - (int64_t) p2.pss, >=, size / 2 - tolerance);
  g_assert_cmpint ((int64_t) p1.pss - (int64_t) p2.pss, <=, size / 2 + tolerance);
  g_assert_cmpint ((int64_t) g2.pss - (int64_t) g0.pss, >=, size / 2 - tolerance);
  g_assert_cmpint ((int64_t) g2.pss - (int64_t) g0.pss, <=, size / 2 + tolerance);
  /* Shared pages are nobody's unique memory. */
  g_assert_cmpint ((int64_t) p1.uss - (int64_t) p2.uss, >=, size - tolerance);
  g_assert_cmpint ((int64_t) p1.uss - (int64_t) p2.uss, <=, size + tolerance);
  g_assert_cmpint ((int64_t) g2.uss - (int64_t) g0.uss, <=, tolerance);

  ts_proc_sample_clear (&p0);
  ts_proc_sample_clear (&p1);
  ts_proc_sample_clear (&p2);
  ts_proc_sample_clear (&g0);
  ts_proc_sample_clear (&g2);
  ts_test_kids_forget (gpid); /* the child kills and reaps it on EOF */
  g_assert_true (WIFEXITED (ts_test_child_finish (c)));
}

/* Blocked in read(): sleeping.  SIGSTOP: stopped.  SIGCONT: back. */
static void
test_status (void)
{
  TsProcSample s;
  gint64 deadline;
  int st;
  TsTestChild *c;

  c = ts_test_child_spawn (&(TsTestChildOptions) { 0 });
  ts_test_child_cmd_ok (c, "ping");

  /* The child answers and then goes back to read(); between the two it is
   * running.  Nothing to synchronise on but the state itself: re-read it
   * until it is S, for at most 10 s. */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  for (;;)
    {
      read_ok (c->pid, TS_PF_STATUS, &s);
      assert_valid (&s, TS_PF_STATUS);
      if (s.status == TS_PROC_STATUS_SLEEPING || g_get_monotonic_time () > deadline)
        break;
      g_assert_cmpint (s.status, ==, TS_PROC_STATUS_RUNNING);
      ts_proc_sample_clear (&s);
      g_usleep (1000);
    }
  g_assert_cmpstr (ts_proc_status_name (s.status), ==, "sleeping");
  g_assert_cmpint (s.status_char, ==, 'S');
  ts_proc_sample_clear (&s);

  g_assert_cmpint (kill (c->pid, SIGSTOP), ==, 0);
  st = ts_test_reap (c->pid, WUNTRACED); /* returns once it has stopped */
  g_assert_true (WIFSTOPPED (st));
  read_ok (c->pid, TS_PF_STATUS, &s);
  assert_valid (&s, TS_PF_STATUS);
  g_assert_cmpstr (ts_proc_status_name (s.status), ==, "stopped");
  g_assert_cmpint (s.status_char, ==, 'T');
  ts_proc_sample_clear (&s);

  g_assert_cmpint (kill (c->pid, SIGCONT), ==, 0);
  st = ts_test_reap (c->pid, WCONTINUED);
  g_assert_true (WIFCONTINUED (st));
  ts_test_child_cmd_ok (c, "ping");
  g_assert_true (WIFEXITED (ts_test_child_finish (c)));
}

/* Counters the child moves on request: I/O, CPU time, nice, ionice,
 * affinity, CPU number. */
static void
test_counters (void)
{
  const uint32_t wanted = TS_PF_IO_COUNTERS | TS_PF_CPU_TIMES | TS_PF_THREADS
                          | TS_PF_NICE | TS_PF_IONICE | TS_PF_CPU_AFFINITY
                          | TS_PF_CPU_NUM | TS_PF_NUM_CTX_SWITCHES;
  TsProcSample a, b;
  TsTestChild *c;

  c = ts_test_child_spawn (&(TsTestChildOptions) { 0 });
  read_ok (c->pid, wanted, &a);
  assert_valid (&a, TS_PF_IO_COUNTERS);
  assert_valid (&a, TS_PF_IONICE);
  g_assert_cmpint (a.ionice_class, ==, 0); /* never set: IOPRIO_CLASS_NONE */

  /* One write() of 1 MiB, one read() of 512 KiB.  Also counted: each command
   * line the child read (one read() of len bytes, counted before the answer
   * exists) and the answer it wrote (counted when write() returns, which may
   * be after we have read the answer: 0 or 1 write() of 3 bytes). */
  ts_test_child_cmd_ok (c, "write 1048576");
  ts_test_child_cmd_ok (c, "read 524288");
  ts_test_child_cmd_ok (c, "spin 300");
  ts_test_child_cmd_ok (c, "nap 20");
  ts_test_child_cmd_ok (c, "nice 7");
  ts_test_child_cmd_ok (c, "ionice 2 5");
  ts_test_child_cmd_ok (c, "affinity 0");
  read_ok (c->pid, wanted, &b);
  assert_valid (&b, TS_PF_IO_COUNTERS);
  g_test_message ("io: rc %+" G_GINT64_FORMAT " wc %+" G_GINT64_FORMAT
                  " rchar %+" G_GINT64_FORMAT " wchar %+" G_GINT64_FORMAT,
                  (int64_t) (b.read_count - a.read_count), (int64_t) (b.write_count - a.write_count),
                  (int64_t) (b.read_chars - a.read_chars), (int64_t) (b.write_chars - a.write_chars));
  {
    /* Seven command lines, seven answers ("ok\n"), the last maybe uncounted. */
    const uint64_t cmd_bytes = strlen ("write 1048576\nread 524288\nspin 300\nnap 20\nnice 7\n"
                                       "ionice 2 5\naffinity 0\n");

    g_assert_cmpuint (b.write_count - a.write_count, >=, 1 + 6);
    g_assert_cmpuint (b.write_count - a.write_count, <=, 1 + 7);
    g_assert_cmpuint (b.write_chars - a.write_chars, >=, 1048576 + 6 * 3);
    g_assert_cmpuint (b.write_chars - a.write_chars, <=, 1048576 + 7 * 3);
    g_assert_cmpuint (b.read_count - a.read_count, ==, 1 + 7);
    g_assert_cmpuint (b.read_chars - a.read_chars, ==, 524288 + cmd_bytes);
    /* /dev/null and /dev/zero are no block device. */
    g_assert_cmpuint (b.read_bytes, ==, a.read_bytes);
  }

  /* 300 ms of CPU in the main thread; stat counts in 10 ms ticks and
   * rounds, so allow two ticks. */
  assert_valid (&b, TS_PF_CPU_TIMES);
  assert_valid (&b, TS_PF_THREADS);
  g_assert_cmpfloat ((b.cpu_user + b.cpu_system) - (a.cpu_user + a.cpu_system), >=, 0.3 - 0.02);
  g_assert_cmpfloat ((b.cpu_user + b.cpu_system) - (a.cpu_user + a.cpu_system), <=, 5.0);
  g_assert_cmpuint (b.n_threads, ==, 1);
  g_assert_cmpint (b.threads[0].id, ==, c->pid);
  g_assert_cmpfloat (b.threads[0].user + b.threads[0].system, >=, 0.3 - 0.02);

  assert_valid (&b, TS_PF_NICE);
  g_assert_cmpint (b.nice, ==, 7);
  assert_valid (&b, TS_PF_IONICE);
  g_assert_cmpint (b.ionice_class, ==, 2);
  g_assert_cmpint (b.ionice_value, ==, 5);
  assert_valid (&b, TS_PF_CPU_AFFINITY);
  g_assert_cmphex (b.cpu_affinity[0], ==, 1);
  for (int i = 1; i < TS_CPU_SET_WORDS; i++)
    g_assert_cmphex (b.cpu_affinity[i], ==, 0);
  /* sched_setaffinity migrates the caller before it returns. */
  assert_valid (&b, TS_PF_CPU_NUM);
  g_assert_cmpint (b.cpu_num, ==, 0);
  /* A 20 ms nanosleep is a voluntary switch for sure.  (A blocking pipe
   * read is not: the writer may wake the reader before it has scheduled
   * out, measured here as 0-1 voluntary switches for 6 such reads.) */
  assert_valid (&a, TS_PF_NUM_CTX_SWITCHES);
  assert_valid (&b, TS_PF_NUM_CTX_SWITCHES);
  g_assert_cmpuint (b.ctx_voluntary, >=, a.ctx_voluntary + 1);
  g_assert_cmpuint (b.ctx_involuntary, >=, a.ctx_involuntary);

  ts_proc_sample_clear (&a);
  ts_proc_sample_clear (&b);
  g_assert_true (WIFEXITED (ts_test_child_finish (c)));
}

/* A child that exited and was reaped is gone: NO_SUCH_PROCESS, for the read
 * and for a signal. */
static void
test_exited (void)
{
  TsPlatformError err;
  TsProcSample s;
  uint64_t ticks;
  pid_t pid;
  int st;
  TsTestChild *c;

  c = ts_test_child_spawn (&(TsTestChildOptions) { 0 });
  pid = c->pid;
  read_ok (pid, 0, &s);
  ticks = s.start_ticks;
  ts_proc_sample_clear (&s);

  ts_test_child_send (c, "exit 3");
  st = ts_test_child_finish (c);
  g_assert_true (WIFEXITED (st));
  g_assert_cmpint (WEXITSTATUS (st), ==, 3);

  ts_proc_sample_init (&s);
  ts_platform_error_clear (&err);
  g_assert_false (ts_platform_read_process (platform, pid, TS_PF_ALL, &s, &err));
  g_assert_cmpstr (ts_platform_error_kind_name (err.kind), ==,
                   ts_platform_error_kind_name (TS_PLATFORM_ERR_NO_SUCH_PROCESS));
  g_assert_cmpstr (err.call, !=, "");
  g_assert_cmpstr (err.path, !=, "");
  ts_proc_sample_clear (&s);

  ts_platform_error_clear (&err);
  g_assert_false (ts_platform_send_signal (platform, pid, ticks, SIGTERM, &err));
  g_assert_cmpint (err.kind, ==, TS_PLATFORM_ERR_NO_SUCH_PROCESS);
}

/* Exited but not yet reaped: a zombie.  The read succeeds with status
 * zombie, and every field that a zombie no longer has carries a ZOMBIE
 * error (not NO_SUCH_PROCESS: the PID is still there, and not an OS error). */
static void
test_zombie (void)
{
  TsProcSample s;
  siginfo_t info = { 0 };
  g_autofree char *pid_text = NULL;
  pid_t pid;
  TsTestChild *c;
  int r;

  c = ts_test_child_spawn (&(TsTestChildOptions) { .threads = 3 });
  pid = c->pid;
  pid_text = g_strdup_printf ("%d", (int) pid);
  ts_test_child_send (c, "exit 0");
  /* WNOWAIT: wait for the exit but leave the zombie in place. */
  do
    r = waitid (P_PID, (id_t) pid, &info, WEXITED | WNOWAIT);
  while (r < 0 && errno == EINTR);
  g_assert_cmpint (r, ==, 0);
  g_assert_cmpint (info.si_pid, ==, pid);

  read_ok (pid, TS_PF_ALL, &s);
  assert_valid (&s, TS_PF_STATUS);
  g_assert_cmpint (s.status, ==, TS_PROC_STATUS_ZOMBIE);
  g_assert_cmpint (s.status_char, ==, 'Z');
  assert_valid (&s, TS_PF_PPID);
  g_assert_cmpint (s.ppid, ==, getpid ());
  assert_valid (&s, TS_PF_NAME);
  g_assert_cmpstr (s.name, ==, "ts-test-child");
  assert_valid (&s, TS_PF_CREATE_TIME);

  for (int i = 0; i < TS_PF_N_FIELDS; i++)
    {
      TsProcField f = (TsProcField) (1u << i);
      const TsPlatformError *e;
      g_autofree char *text = NULL;

      if (s.valid & f)
        continue;
      e = ts_proc_sample_field_error (&s, f);
      if (e == NULL)
        g_error ("zombie: %s neither valid nor has an error", ts_proc_field_name (f));
      text = error_text (e);
      g_test_message ("zombie: %s: %s [%s]", ts_proc_field_name (f), text,
                      ts_platform_error_kind_name (e->kind));
      if (e->kind != TS_PLATFORM_ERR_ZOMBIE)
        g_error ("zombie: %s: kind \"%s\", want \"%s\": %s", ts_proc_field_name (f),
                 ts_platform_error_kind_name (e->kind),
                 ts_platform_error_kind_name (TS_PLATFORM_ERR_ZOMBIE), text);
      g_assert_cmpstr (e->call, !=, "");
      g_assert_nonnull (strstr (e->path, pid_text));
    }
  /* What a zombie has lost (the kernel: ENOENT for exe and cwd, ESRCH for
   * environ and smaps_rollup) must be reported, not faked. */
  g_assert_false (s.valid & TS_PF_EXE);
  g_assert_false (s.valid & TS_PF_CWD);
  g_assert_false (s.valid & TS_PF_ENVIRON);
  g_assert_false (s.valid & TS_PF_MEMORY_FULL);
  ts_proc_sample_clear (&s);

  g_assert_true (WIFEXITED (ts_test_child_finish (c)));
}

/* send_signal re-checks identity: the wrong start time refuses and the
 * child does not get the signal; the right one works. */
static void
test_send_signal (void)
{
  TsPlatformError err;
  TsProcSample s;
  int st;
  TsTestChild *c;

  c = ts_test_child_spawn (&(TsTestChildOptions) { 0 });
  read_ok (c->pid, 0, &s);

  ts_platform_error_clear (&err);
  g_assert_false (ts_platform_send_signal (platform, c->pid, s.start_ticks + 1, SIGTERM, &err));
  g_assert_cmpint (err.kind, ==, TS_PLATFORM_ERR_NO_SUCH_PROCESS);
  ts_platform_error_clear (&err);
  g_assert_false (ts_platform_send_signal (platform, c->pid, s.start_ticks - 1, SIGKILL, &err));
  g_assert_cmpint (err.kind, ==, TS_PLATFORM_ERR_NO_SUCH_PROCESS);
  /* Still alive and unsignalled: a SIGTERM or SIGKILL would have ended it,
   * and it still answers (a pipe round trip, after any signal delivery). */
  ts_test_child_cmd_ok (c, "ping");
  g_assert_cmpint (waitpid (c->pid, &st, WNOHANG), ==, 0);

  ts_platform_error_clear (&err);
  if (!ts_platform_send_signal (platform, c->pid, s.start_ticks, SIGTERM, &err))
    {
      g_autofree char *text = error_text (&err);
      g_error ("send_signal with the right start time: %s", text);
    }
  close (c->in);
  st = ts_test_reap (c->pid, 0);
  close (c->out);
  g_free (c);
  g_assert_true (WIFSIGNALED (st));
  g_assert_cmpint (WTERMSIG (st), ==, SIGTERM);
  ts_proc_sample_clear (&s);
}

/* Sets the PID the next fork gets (root only); false if not allowed. */
static gboolean
set_next_pid (pid_t next)
{
  g_autofree char *text = g_strdup_printf ("%d", (int) next - 1);
  int fd = open ("/proc/sys/kernel/ns_last_pid", O_WRONLY | O_CLOEXEC);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = write (fd, text, strlen (text)) == (gssize) strlen (text);
  close (fd);
  return ok;
}

/* The same PID, another process: after reading the first (and keeping its
 * descriptors), the second must read as itself, and a signal aimed at the
 * first must not reach it.  ns_last_pid hands the PID back on purpose. */
static void
test_pid_reuse (void)
{
  const uint32_t wanted = TS_PF_NAME | TS_PF_CMDLINE | TS_PF_STATUS | TS_PF_MEMORY_INFO
                          | TS_PF_IO_COUNTERS | TS_PF_MEMORY_FULL | TS_PF_CREATE_TIME;
  static const char *const first_args[] = { "first", NULL };
  static const char *const second_args[] = { "second", NULL };
  TsPlatformError err;
  TsProcSample a, b;
  TsTestChild *c, *d = NULL;
  uint64_t first_ticks;
  pid_t pid;

  if (!set_next_pid (1 << 20) && geteuid () != 0)
    {
      g_test_skip ("writing /proc/sys/kernel/ns_last_pid needs root");
      return;
    }

  c = ts_test_child_spawn (&(TsTestChildOptions) { .name = "ts-first", .extra = first_args });
  pid = c->pid;
  ts_test_child_cmd_ok (c, "alloc 8388608");
  read_ok (pid, wanted, &a);
  first_ticks = a.start_ticks;
  g_assert_cmpstr (a.name, ==, "ts-first");
  g_assert_true (WIFEXITED (ts_test_child_finish (c)));
  /* Identity is (PID, start time in clock ticks): a process that gets the
   * same PID within the same 1/CLK_TCK s is indistinguishable from the one
   * before it, by stat alone.  Let a few ticks pass so the test is about the
   * contract, not about that limit. */
  g_usleep (3 * G_USEC_PER_SEC / sysconf (_SC_CLK_TCK));

  /* Other processes may take the PID first on a busy machine: retry. */
  for (int attempt = 0; attempt < 50 && d == NULL; attempt++)
    {
      g_assert_true (set_next_pid (pid));
      d = ts_test_child_spawn (&(TsTestChildOptions) { .name = "ts-second", .extra = second_args });
      if (d->pid != pid)
        {
          g_assert_true (WIFEXITED (ts_test_child_finish (d)));
          d = NULL;
        }
    }
  if (d == NULL)
    g_error ("could not get PID %d back in 50 tries", (int) pid);

  read_ok (pid, wanted, &b);
  g_assert_cmpuint (b.start_ticks, !=, first_ticks);
  assert_valid (&b, TS_PF_NAME);
  g_assert_cmpstr (b.name, ==, "ts-second");
  assert_valid (&b, TS_PF_CMDLINE);
  g_assert_nonnull (memmem (b.cmdline, b.cmdline_len, "second", 7));
  assert_valid (&b, TS_PF_MEMORY_INFO);
  /* The first had 8 MiB more resident than the second. */
  g_assert_cmpuint (b.rss + 4 * MiB, <, a.rss);
  assert_valid (&b, TS_PF_MEMORY_FULL);
  g_assert_cmpuint (b.uss + 4 * MiB, <, a.uss);

  ts_platform_error_clear (&err);
  g_assert_false (ts_platform_send_signal (platform, pid, first_ticks, SIGKILL, &err));
  g_assert_cmpint (err.kind, ==, TS_PLATFORM_ERR_NO_SUCH_PROCESS);
  ts_test_child_cmd_ok (d, "ping");

  ts_proc_sample_clear (&a);
  ts_proc_sample_clear (&b);
  g_assert_true (WIFEXITED (ts_test_child_finish (d)));
}

/* Only what was asked for is read: the costly sources stay untouched. */
static void
test_wanted_mask (void)
{
  TsProcSample s;
  TsTestChild *c;

  c = ts_test_child_spawn (&(TsTestChildOptions) { 0 });
  read_ok (c->pid, TS_PF_PPID, &s);
  assert_valid (&s, TS_PF_PPID);
  g_assert_cmpuint (s.wanted, ==, TS_PF_PPID);
  g_assert_false (s.valid & (TS_PF_ENVIRON | TS_PF_MEMORY_FULL | TS_PF_THREADS
                             | TS_PF_IO_COUNTERS | TS_PF_CMDLINE));
  g_assert_null (s.environ);
  g_assert_null (s.threads);
  g_assert_null (s.cmdline);
  ts_proc_sample_clear (&s);
  g_assert_true (WIFEXITED (ts_test_child_finish (c)));
}

int
main (int argc, char **argv)
{
  TsPlatformError err;
  int ret;

  g_test_init (&argc, &argv, NULL);
  ts_test_kids_init ();

  (void) ts_test_child_path (); /* fails early if the helper is missing */

  ts_platform_error_clear (&err);
  platform = ts_platform_new (NULL, NULL, &err);
  if (platform == NULL)
    {
      char buf[512];
      g_error ("ts_platform_new: %s", ts_platform_error_format (&err, buf, sizeof buf));
    }

  g_test_add_func ("/live/identity", test_identity);
  g_test_add_func ("/live/long-name", test_long_name);
  g_test_add_func ("/live/uss", test_uss);
  g_test_add_func ("/live/pss-shared", test_pss_shared);
  g_test_add_func ("/live/status", test_status);
  g_test_add_func ("/live/counters", test_counters);
  g_test_add_func ("/live/exited", test_exited);
  g_test_add_func ("/live/zombie", test_zombie);
  g_test_add_func ("/live/send-signal", test_send_signal);
  g_test_add_func ("/live/pid-reuse", test_pid_reuse);
  g_test_add_func ("/live/wanted-mask", test_wanted_mask);

  ret = g_test_run ();
  ts_platform_free (platform);
  return ret;
}
