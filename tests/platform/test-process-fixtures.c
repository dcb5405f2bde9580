/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ts_platform_read_process() and friends over the fixture trees in
 * tests/fixtures/proc-basic and proc-empty (see tests/fixtures/README.md).
 * Every expected value is written by hand from tests/fixtures/gen-proc.py;
 * the file is long because every field of every fixture PID is spelled out.
 */
#include "config.h"

#define G_LOG_DOMAIN "test-process-fixtures"

#include <fcntl.h>
#include <errno.h>
#include <glib.h>
#include <string.h>
#include <unistd.h>

#include "ts-platform.h"

#define BASIC TS_FIXTURES "/proc-basic"
#define EMPTY TS_FIXTURES "/proc-empty"
#define BTIME 1700000000.0

/* Compares with a string literal's bytes (embedded NULs too), without its
 * terminating NUL. */
#define assert_mem(p, n, lit) g_assert_cmpmem ((p), (n), (lit), sizeof (lit) - 1)
#define KB(n) ((guint64) (n) * 1024)

/* Every field a fixture can give; ionice needs a syscall. */
#define FILE_FIELDS (TS_PF_ALL & ~(guint32) TS_PF_IONICE)

/* The fields that come from stat alone. */
#define STAT_FIELDS (TS_PF_PPID | TS_PF_NAME | TS_PF_STATUS | TS_PF_TERMINAL | \
                     TS_PF_CREATE_TIME | TS_PF_CPU_TIMES | TS_PF_NUM_THREADS | \
                     TS_PF_NICE | TS_PF_CPU_NUM)
#define STATUS_FIELDS (TS_PF_UIDS | TS_PF_GIDS | TS_PF_NUM_CTX_SWITCHES | \
                       TS_PF_CPU_AFFINITY | TS_PF_RSS_ANON)

/* What a per-field file that is missing while <pid>/stat is still there
 * answers.  Not NO_SUCH_PROCESS: the process is demonstrably alive, and
 * the GObject layer must not drop it.  psutil raises the plain OSError in
 * that case (wrap_exceptions re-checks <pid>/stat, psutil#2418).  io and
 * smaps are missing for real on kernels built without
 * CONFIG_TASK_IO_ACCOUNTING or CONFIG_PROC_PAGE_MONITOR: psutil says
 * NotImplementedError ("couldn't find /proc/PID/io (kernel too old?)") and
 * has no memory_full_info there. */
#define MISSING_FILE_KIND  TS_PLATFORM_ERR_OS_ERROR
#define MISSING_IO_KIND    TS_PLATFORM_ERR_NOT_SUPPORTED
#define MISSING_SMAPS_KIND TS_PLATFORM_ERR_NOT_SUPPORTED

static const TsPid basic_pids[] = {
  2, 12, 777, 1042, 4321, 5000, 5001, 6001, 6002, 6003, 6004, 6005, 6006, 6007,
  31337, 31338,
};

static double clk_tck;
static guint64 page;

#define TICKS(n) ((double) (n) / clk_tck)
#define PAGES(n) ((guint64) (n) * page)

typedef struct
{
  TsPlatform  *p;
  TsProcSample s;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  TsPlatformError err;

  f->p = ts_platform_new (data != NULL ? data : BASIC, NULL, &err);
  g_assert_nonnull (f->p);
  ts_proc_sample_init (&f->s);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  ts_proc_sample_clear (&f->s);
  ts_platform_free (f->p);
}

static const char *
kind_name (TsPlatformErrorKind kind)
{
  return ts_platform_error_kind_name (kind);
}

static void
read_ok (Fixture *f, TsPid pid, guint32 wanted)
{
  TsPlatformError err;
  char msg[512];

  ts_platform_error_clear (&err);
  if (!ts_platform_read_process (f->p, pid, wanted, &f->s, &err))
    g_error ("read_process(%d): %s", pid, ts_platform_error_format (&err, msg, sizeof msg));
  g_assert_cmpint (err.kind, ==, TS_PLATFORM_OK);
  g_assert_cmpint (f->s.pid, ==, pid);
  g_assert_cmphex (f->s.wanted, ==, wanted);
}

/* Each bit of `fields` must be valid; names every one that is not. */
static void
assert_valid (const TsProcSample *s, guint32 fields)
{
  gboolean bad = FALSE;

  for (int i = 0; i < TS_PF_N_FIELDS; i++)
    {
      guint32 bit = 1u << i;
      char msg[512];

      if (!(fields & bit) || (s->valid & bit))
        continue;
      ts_platform_error_format (ts_proc_sample_field_error (s, bit), msg, sizeof msg);
      g_test_message ("pid %d: %s not valid: %s", s->pid, ts_proc_field_name (bit), msg);
      bad = TRUE;
    }
  if (bad)
    g_test_fail_printf ("pid %d: fields not valid (see messages above)", s->pid);
}

/* field must be invalid, with an error of `kind`, whose call is `call` (if
 * not NULL) and whose path ends in `path_suffix` (if not NULL). */
static void
assert_error (const TsProcSample *s,
              TsProcField         field,
              TsPlatformErrorKind kind,
              int                 os_errno,
              const char         *call,
              const char         *path_suffix)
{
  const TsPlatformError *e;
  char msg[512];

  /* Not fatal: one test names every field that is off. */
#define FAIL(...) G_STMT_START { g_test_message (__VA_ARGS__); g_test_fail_printf (__VA_ARGS__); return; } G_STMT_END

  if (s->valid & field)
    FAIL ("pid %d: %s is valid, expected %s", s->pid,
             ts_proc_field_name (field), kind_name (kind));
  e = ts_proc_sample_field_error (s, field);
  if (e == NULL)
    FAIL ("pid %d: %s invalid but has no error", s->pid, ts_proc_field_name (field));
  ts_platform_error_format (e, msg, sizeof msg);
  if (e->kind != kind)
    FAIL ("pid %d: %s: kind %s, expected %s (%s)", s->pid, ts_proc_field_name (field),
             kind_name (e->kind), kind_name (kind), msg);
  if (os_errno >= 0 && e->os_errno != os_errno)
    FAIL ("pid %d: %s: errno %d, expected %d (%s)", s->pid, ts_proc_field_name (field),
             e->os_errno, os_errno, msg);
  if (call != NULL && strcmp (e->call, call) != 0)
    FAIL ("pid %d: %s: call \"%s\", expected \"%s\" (%s)", s->pid,
             ts_proc_field_name (field), e->call, call, msg);
  if (path_suffix != NULL && !g_str_has_suffix (e->path, path_suffix))
    FAIL ("pid %d: %s: path \"%s\" does not end in \"%s\"", s->pid,
             ts_proc_field_name (field), e->path, path_suffix);
}
#undef FAIL

static const TsThreadTimes *
find_thread (const TsProcSample *s, int32_t id)
{
  for (size_t i = 0; i < s->n_threads; i++)
    if (s->threads[i].id == id)
      return &s->threads[i];
  return NULL;
}

static void
assert_thread (const TsProcSample *s, int32_t id, double user, double system)
{
  const TsThreadTimes *t = find_thread (s, id);

  if (t == NULL)
    g_error ("pid %d: thread %d missing", s->pid, id);
  g_assert_cmpfloat_with_epsilon (t->user, user, 1e-9);
  g_assert_cmpfloat_with_epsilon (t->system, system, 1e-9);
}

static void
assert_cpus (const TsProcSample *s, guint64 word0)
{
  g_assert_cmphex (s->cpu_affinity[0], ==, word0);
  for (int i = 1; i < TS_CPU_SET_WORDS; i++)
    g_assert_cmphex (s->cpu_affinity[i], ==, 0);
}

static void
assert_terminal (Fixture *f, guint64 tty_nr, const char *name)
{
  char buf[64];

  g_assert_true (ts_platform_terminal_name (f->p, tty_nr, buf, sizeof buf));
  g_assert_cmpstr (buf, ==, name);
}

/* ------------------------------------------------------------- list_pids */

static void
test_list_pids (Fixture *f, gconstpointer data)
{
  TsPlatformError err;
  TsPid *pids = NULL;
  size_t n = 0;

  g_assert_true (ts_platform_list_pids (f->p, &pids, &n, &err));
  g_assert_cmpint (err.kind, ==, TS_PLATFORM_OK);
  /* Numeric order ("12" before "1042"); not self, 4x2 or sys. */
  g_assert_cmpmem (pids, n * sizeof *pids, basic_pids, sizeof basic_pids);
  free (pids);

  /* Twice: the descriptor sweep must not disturb the listing. */
  g_assert_true (ts_platform_list_pids (f->p, &pids, &n, &err));
  g_assert_cmpmem (pids, n * sizeof *pids, basic_pids, sizeof basic_pids);
  free (pids);
}

static void
test_empty_tree (Fixture *f, gconstpointer data)
{
  TsPlatformError err;
  TsPid *pids = (TsPid *) 1;
  size_t n = 99;

  g_assert_true (ts_platform_list_pids (f->p, &pids, &n, &err));
  g_assert_cmpint (err.kind, ==, TS_PLATFORM_OK);
  g_assert_cmpuint (n, ==, 0);
  free (pids);

  g_assert_false (ts_platform_read_process (f->p, 1, TS_PF_ALL, &f->s, &err));
  g_assert_cmpint (err.kind, ==, TS_PLATFORM_ERR_NO_SUCH_PROCESS);
  g_assert_true (g_str_has_suffix (err.path, "proc-empty/1/stat"));

  /* The tree still has its tty drivers. */
  assert_terminal (f, 34819, "/dev/pts/3");
}

static void
test_missing_root (void)
{
  TsPlatformError err;
  TsPlatform *p = ts_platform_new (TS_FIXTURES "/no-such-tree", NULL, &err);
  TsProcSample s;
  TsPid *pids = NULL;
  size_t n = 0;

  /* Either the context refuses the root or every call fails cleanly; a
   * missing /proc is not a missing process. */
  if (p == NULL)
    {
      g_assert_cmpint (err.kind, !=, TS_PLATFORM_OK);
      return;
    }
  g_assert_false (ts_platform_list_pids (p, &pids, &n, &err));
  g_assert_cmpint (err.kind, ==, TS_PLATFORM_ERR_OS_ERROR);
  g_assert_cmpint (err.os_errno, ==, ENOENT);
  g_assert_null (pids);
  g_assert_cmpuint (n, ==, 0);

  ts_proc_sample_init (&s);
  g_assert_false (ts_platform_read_process (p, 1042, TS_PF_ALL, &s, &err));
  ts_proc_sample_clear (&s);
  ts_platform_free (p);
}

static void
test_roots (Fixture *f, gconstpointer data)
{
  TsPlatformError err;
  TsPlatform *p;

  g_assert_cmpstr (ts_platform_procfs_root (f->p), ==, BASIC);
  g_assert_cmpstr (ts_platform_sysfs_root (f->p), ==, "/sys");

  /* A trailing slash is not part of the root. */
  p = ts_platform_new (BASIC "/", TS_FIXTURES "/sys-none/", &err);
  g_assert_nonnull (p);
  g_assert_cmpstr (ts_platform_procfs_root (p), ==, BASIC);
  g_assert_cmpstr (ts_platform_sysfs_root (p), ==, TS_FIXTURES "/sys-none");
  ts_platform_free (p);
}

/* ------------------------------------------------------- one PID each */

static void
test_normal (Fixture *f, gconstpointer data)
{
  static const char cmdline[] = "python3\0-m\0http.server\0--bind\0" "127.0.0.1\0";
  static const char env[] =
    "HOME=/home/alice\0LANG=en_GB.UTF-8\0PATH=/usr/local/bin:/usr/bin:/bin\0"
    "SHELL=/bin/bash\0TERM=xterm-256color\0";
  TsProcSample *s = &f->s;

  read_ok (f, 1042, TS_PF_ALL);
  assert_valid (s, FILE_FIELDS);
  g_assert_cmphex (s->valid & FILE_FIELDS, ==, FILE_FIELDS);
  assert_error (s, TS_PF_IONICE, TS_PLATFORM_ERR_NOT_SUPPORTED, -1, NULL, NULL);

  g_assert_cmpuint (s->start_ticks, ==, 123456);
  g_assert_false (s->kernel_thread);
  g_assert_cmpint (s->ppid, ==, 1010);
  g_assert_cmpstr (s->name, ==, "python3");
  g_assert_cmpstr (s->exe, ==, "/usr/bin/python3.11");
  assert_mem (s->cmdline, s->cmdline_len, cmdline);
  g_assert_cmpuint (s->cmdline_argc, ==, 5);
  g_assert_cmpstr (s->cwd, ==, "/home/alice/src/site");
  g_assert_cmpint (s->status, ==, TS_PROC_STATUS_SLEEPING);
  g_assert_cmpint (s->status_char, ==, 'S');
  g_assert_cmpuint (s->uids[0], ==, 1000);
  g_assert_cmpuint (s->uids[1], ==, 1001);
  g_assert_cmpuint (s->uids[2], ==, 1002);
  g_assert_cmpuint (s->gids[0], ==, 100);
  g_assert_cmpuint (s->gids[1], ==, 101);
  g_assert_cmpuint (s->gids[2], ==, 102);
  g_assert_cmpuint (s->tty_nr, ==, 34819);
  assert_terminal (f, s->tty_nr, "/dev/pts/3");
  g_assert_cmpfloat_with_epsilon (s->create_time, BTIME + TICKS (123456), 1e-3);
  g_assert_cmpfloat_with_epsilon (s->cpu_user, TICKS (1234), 1e-9);
  g_assert_cmpfloat_with_epsilon (s->cpu_system, TICKS (567), 1e-9);
  g_assert_cmpfloat_with_epsilon (s->cpu_children_user, TICKS (89), 1e-9);
  g_assert_cmpfloat_with_epsilon (s->cpu_children_system, TICKS (12), 1e-9);
  g_assert_cmpfloat_with_epsilon (s->cpu_iowait, TICKS (42), 1e-9);
  g_assert_cmpint (s->num_threads, ==, 3);
  g_assert_cmpuint (s->ctx_voluntary, ==, 1517);
  g_assert_cmpuint (s->ctx_involuntary, ==, 42);
  g_assert_cmpint (s->nice, ==, 5);
  g_assert_cmpint (s->cpu_num, ==, 1);
  assert_cpus (s, 0x27); /* 0-2,5 */
  g_assert_cmpuint (s->vms, ==, PAGES (40364));
  g_assert_cmpuint (s->rss, ==, PAGES (2252));
  g_assert_cmpuint (s->shared, ==, PAGES (1385));
  g_assert_cmpuint (s->text, ==, PAGES (691));
  g_assert_cmpuint (s->lib, ==, 0);
  g_assert_cmpuint (s->data, ==, PAGES (5395));
  g_assert_cmpuint (s->dirty, ==, 0);
  g_assert_cmpuint (s->uss, ==, KB (3352 + 3468));
  g_assert_cmpuint (s->pss, ==, KB (7283));
  g_assert_cmpuint (s->swap, ==, KB (256));
  g_assert_cmpuint (s->rss_anon, ==, KB (3468));
  g_assert_cmpuint (s->rss_file, ==, KB (5412));
  g_assert_cmpuint (s->rss_shmem, ==, KB (128));
  g_assert_cmpuint (s->vm_swap, ==, KB (256));
  g_assert_cmpuint (s->read_count, ==, 47);
  g_assert_cmpuint (s->write_count, ==, 5);
  g_assert_cmpuint (s->read_bytes, ==, 8192);
  g_assert_cmpuint (s->write_bytes, ==, 4096);
  g_assert_cmpuint (s->read_chars, ==, 296081);
  g_assert_cmpuint (s->write_chars, ==, 10240);
  assert_mem (s->environ, s->environ_len, env);
  g_assert_cmpuint (s->n_threads, ==, 3);
  assert_thread (s, 1042, TICKS (1000), TICKS (500));
  assert_thread (s, 1043, TICKS (200), TICKS (60));
  assert_thread (s, 1044, TICKS (34), TICKS (7));
  g_assert_cmpstr (find_thread (s, 1042)->name, ==, "python3");
  g_assert_cmpstr (find_thread (s, 1043)->name, ==, "asyncio_0");
  g_assert_cmpstr (find_thread (s, 1044)->name, ==, "pool (io)");
  g_assert_cmpint (find_thread (s, 1043)->status_char, ==, 'R');
  g_assert_cmpint (find_thread (s, 1044)->status_char, ==, 'S');
  g_assert_cmpint (find_thread (s, 1043)->cpu_num, ==, 0);
  g_assert_cmpint (find_thread (s, 1044)->cpu_num, ==, 5);
}

static void
test_kthreadd (Fixture *f, gconstpointer data)
{
  TsProcSample *s = &f->s;

  read_ok (f, 2, TS_PF_ALL);
  /* Everything a kernel thread has is valid; what it lacks is empty. */
  assert_valid (s, FILE_FIELDS);
  assert_error (s, TS_PF_IONICE, TS_PLATFORM_ERR_NOT_SUPPORTED, -1, NULL, NULL);

  g_assert_cmpuint (s->start_ticks, ==, 14);
  g_assert_true (s->kernel_thread); /* PF_KTHREAD in stat's flags */
  g_assert_cmpint (s->ppid, ==, 0);
  g_assert_cmpstr (s->name, ==, "kthreadd");
  /* psutil answers '' for a kernel thread's exe. */
  g_assert_nonnull (s->exe);
  g_assert_cmpstr (s->exe, ==, "");
  g_assert_cmpuint (s->cmdline_len, ==, 0);
  g_assert_cmpuint (s->cmdline_argc, ==, 0);
  g_assert_cmpstr (s->cwd, ==, "/");
  g_assert_cmpint (s->status, ==, TS_PROC_STATUS_SLEEPING);
  g_assert_cmpint (s->status_char, ==, 'S');
  g_assert_cmpuint (s->uids[0], ==, 0);
  g_assert_cmpuint (s->gids[2], ==, 0);
  g_assert_cmpuint (s->tty_nr, ==, 0);
  g_assert_cmpfloat_with_epsilon (s->create_time, BTIME + TICKS (14), 1e-3);
  g_assert_cmpfloat_with_epsilon (s->cpu_user, TICKS (3), 1e-9);
  g_assert_cmpfloat_with_epsilon (s->cpu_system, TICKS (17), 1e-9);
  g_assert_cmpfloat_with_epsilon (s->cpu_children_user, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (s->cpu_iowait, 0, 1e-9);
  g_assert_cmpint (s->num_threads, ==, 1);
  g_assert_cmpuint (s->ctx_voluntary, ==, 58);
  g_assert_cmpuint (s->ctx_involuntary, ==, 0);
  g_assert_cmpint (s->nice, ==, 0);
  g_assert_cmpint (s->cpu_num, ==, 3);
  assert_cpus (s, 0xff);
  g_assert_cmpuint (s->vms, ==, 0);
  g_assert_cmpuint (s->rss, ==, 0);
  g_assert_cmpuint (s->data, ==, 0);
  /* An empty smaps is a process with no mappings: no user memory (psutil
   * sums it to zeros). */
  g_assert_cmpuint (s->uss, ==, 0);
  g_assert_cmpuint (s->pss, ==, 0);
  g_assert_cmpuint (s->swap, ==, 0);
  g_assert_cmpuint (s->rss_anon, ==, 0);
  g_assert_cmpuint (s->rss_file, ==, 0);
  g_assert_cmpuint (s->vm_swap, ==, 0);
  g_assert_cmpuint (s->read_count, ==, 0);
  g_assert_cmpuint (s->read_chars, ==, 0);
  g_assert_cmpuint (s->environ_len, ==, 0);
  g_assert_cmpuint (s->n_threads, ==, 1);
  assert_thread (s, 2, TICKS (3), TICKS (17));
  g_assert_false (ts_platform_terminal_name (f->p, s->tty_nr, (char[32]) { 0 }, 32));
}

static void
test_kworker (Fixture *f, gconstpointer data)
{
  TsProcSample *s = &f->s;

  read_ok (f, 12, TS_PF_ALL);
  assert_valid (s, FILE_FIELDS);
  g_assert_true (s->kernel_thread);

  g_assert_cmpint (s->ppid, ==, 2);
  /* Longer than TASK_COMM_LEN, no argv[0]: comm as it is. */
  g_assert_cmpstr (s->name, ==, "kworker/u8:0-ext4-rsv-conversion");
  g_assert_cmpstr (s->exe, ==, "");
  g_assert_cmpuint (s->cmdline_argc, ==, 0);
  g_assert_cmpstr (s->cwd, ==, "/");
  g_assert_cmpint (s->status, ==, TS_PROC_STATUS_IDLE);
  g_assert_cmpint (s->status_char, ==, 'I');
  g_assert_cmpstr (ts_proc_status_name (s->status), ==, "idle");
  g_assert_cmpfloat_with_epsilon (s->cpu_user, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (s->cpu_system, TICKS (9), 1e-9);
  g_assert_cmpuint (s->ctx_voluntary, ==, 1209);
  g_assert_cmpuint (s->ctx_involuntary, ==, 27);
  g_assert_cmpint (s->cpu_num, ==, 1);
  g_assert_cmpuint (s->rss, ==, 0);
  g_assert_cmpuint (s->uss, ==, 0);
  g_assert_cmpuint (s->n_threads, ==, 1);
  assert_thread (s, 12, 0, TICKS (9));
}

static void
test_weird_comm (Fixture *f, gconstpointer data)
{
  static const char cmdline[] = "./a) R 9 (\xff b)\0spin\0";
  TsProcSample *s = &f->s;

  read_ok (f, 777, TS_PF_ALL);
  assert_valid (s, FILE_FIELDS);

  /* Between the first '(' and the last ')', bytes as they are. */
  g_assert_cmpstr (s->name, ==, "a) R 9 (\xff b)");
  g_assert_cmpint (s->status, ==, TS_PROC_STATUS_RUNNING);
  g_assert_cmpint (s->status_char, ==, 'R');
  g_assert_cmpint (s->ppid, ==, 1042);
  g_assert_cmpuint (s->start_ticks, ==, 250000);
  g_assert_cmpuint (s->tty_nr, ==, 34819);
  g_assert_cmpstr (s->exe, ==, "/home/alice/bin/a) R 9 (\xff b)");
  assert_mem (s->cmdline, s->cmdline_len, cmdline);
  g_assert_cmpuint (s->cmdline_argc, ==, 2);
  g_assert_cmpstr (s->cwd, ==, "/home/alice");
  g_assert_cmpuint (s->uids[1], ==, 1000);
  g_assert_cmpfloat_with_epsilon (s->create_time, BTIME + TICKS (250000), 1e-3);
  g_assert_cmpfloat_with_epsilon (s->cpu_user, TICKS (250), 1e-9);
  g_assert_cmpfloat_with_epsilon (s->cpu_system, TICKS (50), 1e-9);
  g_assert_cmpint (s->num_threads, ==, 1);
  g_assert_cmpuint (s->ctx_voluntary, ==, 3);
  g_assert_cmpuint (s->ctx_involuntary, ==, 4000);
  g_assert_cmpint (s->nice, ==, 0);
  g_assert_cmpint (s->cpu_num, ==, 2);
  assert_cpus (s, 0xf);
  g_assert_cmpuint (s->vms, ==, PAGES (650));
  g_assert_cmpuint (s->rss, ==, PAGES (225));
  g_assert_cmpuint (s->shared, ==, PAGES (195));
  g_assert_cmpuint (s->text, ==, PAGES (4));
  g_assert_cmpuint (s->data, ==, PAGES (108));
  g_assert_cmpuint (s->uss, ==, KB (90 + 120));
  g_assert_cmpuint (s->pss, ==, KB (260));
  g_assert_cmpuint (s->swap, ==, 0);
  g_assert_cmpuint (s->rss_anon, ==, KB (120));
  g_assert_cmpuint (s->rss_file, ==, KB (780));
  g_assert_cmpuint (s->read_chars, ==, 1930);
  g_assert_cmpuint (s->read_count, ==, 6);
  assert_mem (s->environ, s->environ_len, "HOME=/home/alice\0");
  g_assert_cmpuint (s->n_threads, ==, 1);
  assert_thread (s, 777, TICKS (250), TICKS (50));
}

static void
test_zombie (Fixture *f, gconstpointer data)
{
  TsProcSample *s = &f->s;

  read_ok (f, 4321, TS_PF_ALL);

  /* What a zombie still has: stat, status (without memory lines), a
   * statm of zeros, io, its one thread. */
  assert_valid (s, STAT_FIELDS | STATUS_FIELDS | TS_PF_MEMORY_INFO |
                   TS_PF_IO_COUNTERS | TS_PF_THREADS | TS_PF_CMDLINE);
  g_assert_cmpint (s->status, ==, TS_PROC_STATUS_ZOMBIE);
  /* Its argv is gone: an empty command line, as psutil gives ([]). */
  g_assert_cmpuint (s->cmdline_argc, ==, 0);
  g_assert_cmpint (s->status_char, ==, 'Z');
  g_assert_cmpstr (ts_proc_status_name (s->status), ==, "zombie");
  g_assert_cmpint (s->ppid, ==, 4300);
  g_assert_cmpstr (s->name, ==, "cc1");
  g_assert_false (s->kernel_thread);
  g_assert_cmpuint (s->start_ticks, ==, 98765);
  g_assert_cmpfloat_with_epsilon (s->create_time, BTIME + TICKS (98765), 1e-3);
  g_assert_cmpfloat_with_epsilon (s->cpu_user, TICKS (5), 1e-9);
  g_assert_cmpfloat_with_epsilon (s->cpu_system, TICKS (2), 1e-9);
  g_assert_cmpuint (s->tty_nr, ==, 0);
  g_assert_cmpint (s->num_threads, ==, 1);
  g_assert_cmpint (s->nice, ==, 0);
  g_assert_cmpint (s->cpu_num, ==, 0);
  g_assert_cmpuint (s->uids[0], ==, 1000);
  g_assert_cmpuint (s->gids[0], ==, 1000);
  g_assert_cmpuint (s->ctx_voluntary, ==, 1);
  g_assert_cmpuint (s->ctx_involuntary, ==, 0);
  assert_cpus (s, 0xf);
  g_assert_cmpuint (s->vms, ==, 0);
  g_assert_cmpuint (s->rss, ==, 0);
  g_assert_cmpuint (s->rss_anon, ==, 0);
  g_assert_cmpuint (s->read_chars, ==, 0);
  g_assert_cmpuint (s->n_threads, ==, 1);
  assert_thread (s, 4321, TICKS (5), TICKS (2));

  /* What it has lost is told as ZOMBIE, with the file that said so. */
  assert_error (s, TS_PF_EXE, TS_PLATFORM_ERR_ZOMBIE, -1, "readlink", "proc-basic/4321/exe");
  assert_error (s, TS_PF_CWD, TS_PLATFORM_ERR_ZOMBIE, -1, "readlink", "proc-basic/4321/cwd");
  assert_error (s, TS_PF_ENVIRON, TS_PLATFORM_ERR_ZOMBIE, -1, NULL, "proc-basic/4321/environ");
  assert_error (s, TS_PF_MEMORY_FULL, TS_PLATFORM_ERR_ZOMBIE, -1, NULL, "proc-basic/4321/smaps");
  /* ionice is a syscall a fixture cannot answer, zombie or not. */
  assert_error (s, TS_PF_IONICE, TS_PLATFORM_ERR_NOT_SUPPORTED, -1, NULL, NULL);
}

static void
test_environ (Fixture *f, gconstpointer data)
{
  static const char env[] =
    "PATH=/usr/bin:/bin\0NOEQUALS\0LANG=C.UTF-8\0BAD=\xff\xfe\x80" "caf\xc3\0"
    "=leading-equals\0EMPTY=\0MULTI=a=b=c\0";
  TsProcSample *s = &f->s;

  read_ok (f, 5000, TS_PF_ALL);
  assert_valid (s, FILE_FIELDS);

  /* Bytes as the kernel gave them: nothing dropped, split or converted. */
  g_assert_cmpuint (s->environ_len, ==, sizeof env - 1);
  assert_mem (s->environ, s->environ_len, env);

  g_assert_cmpstr (s->name, ==, "envtest");
  g_assert_cmpint (s->ppid, ==, 1042);
  g_assert_cmpstr (s->exe, ==, "/usr/bin/envtest");
  assert_mem (s->cmdline, s->cmdline_len, "/usr/bin/envtest\0");
  g_assert_cmpuint (s->cmdline_argc, ==, 1);
  g_assert_cmpstr (s->cwd, ==, "/tmp");
  g_assert_cmpfloat_with_epsilon (s->create_time, BTIME + TICKS (500000), 1e-3);
  g_assert_cmpfloat_with_epsilon (s->cpu_user, TICKS (7), 1e-9);
  g_assert_cmpfloat_with_epsilon (s->cpu_system, TICKS (3), 1e-9);
  g_assert_cmpint (s->cpu_num, ==, 3);
  g_assert_cmpuint (s->ctx_voluntary, ==, 2);
  g_assert_cmpuint (s->ctx_involuntary, ==, 1);
  g_assert_cmpuint (s->vms, ==, PAGES (600));
  g_assert_cmpuint (s->rss, ==, PAGES (200));
  g_assert_cmpuint (s->shared, ==, PAGES (175));
  g_assert_cmpuint (s->data, ==, PAGES (100));
  g_assert_cmpuint (s->uss, ==, KB (200));
  g_assert_cmpuint (s->pss, ==, KB (300));
  g_assert_cmpuint (s->swap, ==, 0);
  g_assert_cmpuint (s->rss_anon, ==, KB (100));
  g_assert_cmpuint (s->rss_file, ==, KB (700));
  g_assert_cmpuint (s->read_chars, ==, 100);
  g_assert_cmpuint (s->write_chars, ==, 200);
  g_assert_cmpuint (s->read_count, ==, 3);
  g_assert_cmpuint (s->write_count, ==, 4);
  g_assert_cmpuint (s->n_threads, ==, 1);
}

static void
test_smaps_fallback (Fixture *f, gconstpointer data)
{
  TsProcSample *s = &f->s;

  read_ok (f, 5001, TS_PF_ALL);
  assert_valid (s, FILE_FIELDS);

  /* Five mappings summed; Pss_Dirty/SwapPss and a mapping named like a key
   * not counted. */
  g_assert_cmpuint (s->pss, ==, KB (120 + 100 + 0 + 32 + 24));
  g_assert_cmpuint (s->uss, ==, KB (40 + 100 + 2048 + 24));
  g_assert_cmpuint (s->swap, ==, KB (48 + 16));

  g_assert_cmpstr (s->name, ==, "oldkernel");
  g_assert_cmpint (s->ppid, ==, 1);
  g_assert_cmpstr (s->exe, ==, "/usr/sbin/oldkernel");
  g_assert_cmpuint (s->cmdline_argc, ==, 2);
  g_assert_cmpstr (s->cwd, ==, "/");
  g_assert_cmpint (s->num_threads, ==, 2);
  g_assert_cmpfloat_with_epsilon (s->cpu_user, TICKS (40), 1e-9);
  g_assert_cmpfloat_with_epsilon (s->cpu_system, TICKS (9), 1e-9);
  g_assert_cmpint (s->cpu_num, ==, 0);
  assert_cpus (s, 0x1);
  g_assert_cmpuint (s->vms, ==, PAGES (2250));
  g_assert_cmpuint (s->rss, ==, PAGES (750));
  g_assert_cmpuint (s->rss_anon, ==, KB (1000));
  g_assert_cmpuint (s->rss_file, ==, KB (2000));
  g_assert_cmpuint (s->rss_shmem, ==, 0);
  g_assert_cmpuint (s->vm_swap, ==, KB (64));
  g_assert_cmpuint (s->read_chars, ==, 1);
  g_assert_cmpuint (s->write_chars, ==, 2);
  g_assert_cmpuint (s->read_count, ==, 3);
  g_assert_cmpuint (s->write_count, ==, 4);
  g_assert_cmpuint (s->read_bytes, ==, 5);
  g_assert_cmpuint (s->write_bytes, ==, 6);
  g_assert_cmpuint (s->environ_len, ==, 0);
  /* task/5002 has no stat (the thread exited while listed): skipped. */
  g_assert_cmpuint (s->n_threads, ==, 2);
  assert_thread (s, 5001, TICKS (30), TICKS (5));
  assert_thread (s, 5003, TICKS (10), TICKS (4));
  g_assert_null (find_thread (s, 5002));
}

static void
test_stat_cut_early (Fixture *f, gconstpointer data)
{
  TsPlatformError err;

  /* Without starttime there is no identity: the whole read fails. */
  g_assert_false (ts_platform_read_process (f->p, 6001, TS_PF_ALL, &f->s, &err));
  g_assert_cmpint (err.kind, ==, TS_PLATFORM_ERR_PARSE);
  g_assert_true (g_str_has_suffix (err.path, "proc-basic/6001/stat"));

  /* Even when only a field of status is wanted. */
  g_assert_false (ts_platform_read_process (f->p, 6001, TS_PF_UIDS, &f->s, &err));
  g_assert_cmpint (err.kind, ==, TS_PLATFORM_ERR_PARSE);
}

static void
test_short_files (Fixture *f, gconstpointer data)
{
  TsProcSample *s = &f->s;

  read_ok (f, 6002, TS_PF_ALL);

  /* stat up to field 30: everything but processor. */
  assert_valid (s, STAT_FIELDS & ~(guint32) TS_PF_CPU_NUM);
  g_assert_cmpuint (s->start_ticks, ==, 700000);
  g_assert_cmpint (s->ppid, ==, 1);
  g_assert_cmpstr (s->name, ==, "shortfiles");
  g_assert_cmpint (s->status, ==, TS_PROC_STATUS_DISK_SLEEP);
  g_assert_cmpint (s->status_char, ==, 'D');
  g_assert_cmpuint (s->tty_nr, ==, 0);
  g_assert_cmpfloat_with_epsilon (s->create_time, BTIME + TICKS (700000), 1e-3);
  g_assert_cmpfloat_with_epsilon (s->cpu_user, TICKS (11), 1e-9);
  g_assert_cmpfloat_with_epsilon (s->cpu_system, TICKS (22), 1e-9);
  g_assert_cmpfloat_with_epsilon (s->cpu_children_user, TICKS (-3), 1e-9);
  g_assert_cmpfloat_with_epsilon (s->cpu_children_system, TICKS (-4), 1e-9);
  g_assert_cmpfloat_with_epsilon (s->cpu_iowait, 0, 1e-9);
  g_assert_cmpint (s->nice, ==, 19);
  /* num_threads is in stat too (field 20). */
  g_assert_cmpint (s->num_threads, ==, 1);
  assert_error (s, TS_PF_CPU_NUM, TS_PLATFORM_ERR_PARSE, -1, NULL, "proc-basic/6002/stat");

  /* status of four lines: no uids, gids, switches, affinity, memory. */
  assert_error (s, TS_PF_UIDS, TS_PLATFORM_ERR_PARSE, -1, NULL, "proc-basic/6002/status");
  assert_error (s, TS_PF_GIDS, TS_PLATFORM_ERR_PARSE, -1, NULL, "proc-basic/6002/status");
  assert_error (s, TS_PF_NUM_CTX_SWITCHES, TS_PLATFORM_ERR_PARSE, -1, NULL, "proc-basic/6002/status");
  assert_error (s, TS_PF_CPU_AFFINITY, TS_PLATFORM_ERR_PARSE, -1, NULL, "proc-basic/6002/status");
  /* A cut status is not a process without memory: no RssAnon is not 0. */
  assert_error (s, TS_PF_RSS_ANON, TS_PLATFORM_ERR_PARSE, -1, NULL, "proc-basic/6002/status");

  /* statm without newline is still statm. */
  assert_valid (s, TS_PF_MEMORY_INFO);
  g_assert_cmpuint (s->vms, ==, PAGES (1));
  g_assert_cmpuint (s->rss, ==, PAGES (1));
  g_assert_cmpuint (s->lib, ==, 0);

  /* cmdline without its last NUL: one argument, still NUL-terminated. */
  assert_valid (s, TS_PF_CMDLINE);
  g_assert_cmpuint (s->cmdline_argc, ==, 1);
  g_assert_cmpuint (s->cmdline_len, >=, 17);
  g_assert_cmpuint (s->cmdline_len, <=, 18);
  g_assert_cmpmem (s->cmdline, 17, "shortfiles --flag", 17);
  g_assert_cmpint (s->cmdline[17], ==, '\0');

  assert_valid (s, TS_PF_EXE);
  g_assert_cmpstr (s->exe, ==, "/usr/bin/shortfiles");

  /* Files that are not there while the process is. */
  assert_error (s, TS_PF_CWD, MISSING_FILE_KIND, ENOENT, "readlink", "proc-basic/6002/cwd");
  assert_error (s, TS_PF_ENVIRON, MISSING_FILE_KIND, ENOENT, "open", "proc-basic/6002/environ");
  assert_error (s, TS_PF_IO_COUNTERS, MISSING_IO_KIND, ENOENT, "open", "proc-basic/6002/io");
  assert_error (s, TS_PF_MEMORY_FULL, MISSING_SMAPS_KIND, ENOENT, "open", "proc-basic/6002/smaps");
  assert_error (s, TS_PF_THREADS, MISSING_FILE_KIND, ENOENT, NULL, "proc-basic/6002/task");
}

static void
test_empty_files (Fixture *f, gconstpointer data)
{
  TsProcSample *s = &f->s;

  read_ok (f, 6003, TS_PF_ALL);

  assert_valid (s, STAT_FIELDS | TS_PF_CMDLINE | TS_PF_ENVIRON | TS_PF_EXE | TS_PF_CWD);
  g_assert_cmpint (s->status, ==, TS_PROC_STATUS_STOPPED);
  g_assert_cmpint (s->status_char, ==, 'T');
  g_assert_cmpstr (s->name, ==, "emptyfiles");
  g_assert_cmpint (s->cpu_num, ==, 1);
  g_assert_cmpfloat_with_epsilon (s->create_time, BTIME + TICKS (710000), 1e-3);
  assert_mem (s->environ, s->environ_len, "A=1\0");
  assert_mem (s->cmdline, s->cmdline_len, "emptyfiles\0");
  g_assert_cmpstr (s->exe, ==, "/usr/bin/emptyfiles");

  assert_error (s, TS_PF_MEMORY_INFO, TS_PLATFORM_ERR_PARSE, -1, NULL, "proc-basic/6003/statm");
  assert_error (s, TS_PF_IO_COUNTERS, TS_PLATFORM_ERR_PARSE, -1, NULL, "proc-basic/6003/io");
  for (guint32 bit = 1; bit & TS_PF_ALL; bit <<= 1)
    if (bit & STATUS_FIELDS)
      assert_error (s, bit, TS_PLATFORM_ERR_PARSE, -1, NULL, "proc-basic/6003/status");
  /* An empty smaps_rollup: no mappings, no user memory (psutil: zeros). */
  assert_valid (s, TS_PF_MEMORY_FULL);
  g_assert_cmpuint (s->uss, ==, 0);
  g_assert_cmpuint (s->pss, ==, 0);
  g_assert_cmpuint (s->swap, ==, 0);
  assert_error (s, TS_PF_THREADS, MISSING_FILE_KIND, ENOENT, NULL, "proc-basic/6003/task");
}

static void
test_garbage_files (Fixture *f, gconstpointer data)
{
  TsProcSample *s = &f->s;

  read_ok (f, 6004, TS_PF_ALL);

  assert_valid (s, STAT_FIELDS | TS_PF_CMDLINE | TS_PF_EXE | TS_PF_CWD);
  g_assert_cmpint (s->status, ==, TS_PROC_STATUS_TRACING_STOP);
  g_assert_cmpint (s->status_char, ==, 't');
  g_assert_cmpstr (s->name, ==, "garbage");
  g_assert_cmpint (s->cpu_num, ==, 2);

  assert_error (s, TS_PF_MEMORY_INFO, TS_PLATFORM_ERR_PARSE, -1, NULL, "proc-basic/6004/statm");
  assert_error (s, TS_PF_MEMORY_FULL, TS_PLATFORM_ERR_PARSE, -1, NULL, "proc-basic/6004/smaps_rollup");
  for (guint32 bit = 1; bit & TS_PF_ALL; bit <<= 1)
    if (bit & STATUS_FIELDS)
      assert_error (s, bit, TS_PLATFORM_ERR_PARSE, -1, NULL, "proc-basic/6004/status");
  /* No io at all: a kernel without task I/O accounting. */
  assert_error (s, TS_PF_IO_COUNTERS, MISSING_IO_KIND, ENOENT, "open", "proc-basic/6004/io");
  assert_error (s, TS_PF_ENVIRON, MISSING_FILE_KIND, ENOENT, "open", "proc-basic/6004/environ");
}

static void
test_unreadable_files (Fixture *f, gconstpointer data)
{
  TsProcSample *s = &f->s;

  read_ok (f, 6005, TS_PF_ALL);

  assert_valid (s, STAT_FIELDS | STATUS_FIELDS | TS_PF_MEMORY_INFO | TS_PF_CMDLINE |
                   TS_PF_EXE | TS_PF_CWD);
  g_assert_cmpint (s->status, ==, TS_PROC_STATUS_RUNNING);
  g_assert_cmpstr (s->name, ==, "unreadable");
  g_assert_cmpuint (s->rss, ==, PAGES (10));
  g_assert_cmpuint (s->rss_anon, ==, KB (10));

  /* io is a directory: open works, read fails. */
  assert_error (s, TS_PF_IO_COUNTERS, TS_PLATFORM_ERR_OS_ERROR, EISDIR, "read", "proc-basic/6005/io");
  /* environ is a symlink loop: open fails. */
  assert_error (s, TS_PF_ENVIRON, TS_PLATFORM_ERR_OS_ERROR, ELOOP, "open", "proc-basic/6005/environ");
  g_assert_null (s->environ);
  g_assert_cmpuint (s->environ_len, ==, 0);
  assert_error (s, TS_PF_MEMORY_FULL, MISSING_SMAPS_KIND, ENOENT, "open", "proc-basic/6005/smaps");
}

static void
test_gone (Fixture *f, gconstpointer data)
{
  TsPlatformError err;

  /* A directory without stat. */
  g_assert_false (ts_platform_read_process (f->p, 6006, TS_PF_ALL, &f->s, &err));
  g_assert_cmpint (err.kind, ==, TS_PLATFORM_ERR_NO_SUCH_PROCESS);
  g_assert_cmpint (err.os_errno, ==, ENOENT);
  g_assert_cmpstr (err.call, ==, "open");
  g_assert_true (g_str_has_suffix (err.path, "proc-basic/6006/stat"));

  /* No directory at all. */
  g_assert_false (ts_platform_read_process (f->p, 99999, TS_PF_ALL, &f->s, &err));
  g_assert_cmpint (err.kind, ==, TS_PLATFORM_ERR_NO_SUCH_PROCESS);
  g_assert_true (g_str_has_suffix (err.path, "proc-basic/99999/stat"));

  g_assert_false (ts_platform_read_process (f->p, 0, TS_PF_ALL, &f->s, &err));
  g_assert_cmpint (err.kind, !=, TS_PLATFORM_OK);
  g_assert_false (ts_platform_read_process (f->p, -1, TS_PF_ALL, &f->s, &err));
  g_assert_cmpint (err.kind, !=, TS_PLATFORM_OK);

  /* Not a PID, though its name starts with digits and it has a stat. */
  g_assert_false (ts_platform_read_process (f->p, 4, TS_PF_ALL, &f->s, &err));
  g_assert_cmpint (err.kind, ==, TS_PLATFORM_ERR_NO_SUCH_PROCESS);

  /* Exiting (PF_EXITING): stat reads, but its cwd and exe are gone, which
   * is "no such process", not an OS error, and not an empty exe. */
  g_assert_true (ts_platform_read_process (f->p, 6007, TS_PF_CWD | TS_PF_EXE, &f->s, &err));
  g_assert_false (f->s.valid & (TS_PF_CWD | TS_PF_EXE));
  g_assert_cmpint (ts_proc_sample_field_error (&f->s, TS_PF_CWD)->kind, ==, TS_PLATFORM_ERR_NO_SUCH_PROCESS);
  g_assert_cmpint (ts_proc_sample_field_error (&f->s, TS_PF_EXE)->kind, ==, TS_PLATFORM_ERR_NO_SUCH_PROCESS);
}

static void
test_name_extended (Fixture *f, gconstpointer data)
{
  static const char cmdline[] =
    "/usr/libexec/gnome-session-binary\0--systemd-service\0--session=ubuntu\0";
  TsProcSample *s = &f->s;

  read_ok (f, 31337, TS_PF_ALL);
  assert_valid (s, STAT_FIELDS | STATUS_FIELDS | TS_PF_MEMORY_INFO | TS_PF_CMDLINE |
                   TS_PF_EXE | TS_PF_CWD | TS_PF_ENVIRON | TS_PF_IO_COUNTERS | TS_PF_THREADS);
  g_assert_cmpstr (s->name, ==, "gnome-session-binary");
  assert_mem (s->cmdline, s->cmdline_len, cmdline);
  g_assert_cmpuint (s->cmdline_argc, ==, 3);
  g_assert_cmpstr (s->exe, ==, "/usr/libexec/gnome-session-binary");
  g_assert_cmpstr (s->cwd, ==, "/home/alice");
  g_assert_cmpint (s->ppid, ==, 1010);
  g_assert_cmpint (s->num_threads, ==, 4);
  g_assert_cmpfloat_with_epsilon (s->cpu_user, TICKS (150), 1e-9);
  g_assert_cmpfloat_with_epsilon (s->cpu_system, TICKS (75), 1e-9);
  g_assert_cmpuint (s->ctx_voluntary, ==, 800);
  g_assert_cmpuint (s->ctx_involuntary, ==, 30);
  g_assert_cmpuint (s->vms, ==, PAGES (137500));
  g_assert_cmpuint (s->rss, ==, PAGES (9500));
  g_assert_cmpuint (s->shared, ==, PAGES (6500));
  g_assert_cmpuint (s->text, ==, PAGES (75));
  g_assert_cmpuint (s->data, ==, PAGES (12500));
  g_assert_cmpuint (s->rss_anon, ==, KB (12000));
  g_assert_cmpuint (s->rss_file, ==, KB (26000));
  g_assert_cmpuint (s->rss_shmem, ==, KB (100));
  assert_mem (s->environ, s->environ_len, "XDG_SESSION_TYPE=wayland\0");
  g_assert_cmpuint (s->n_threads, ==, 1);
  assert_error (s, TS_PF_MEMORY_FULL, MISSING_SMAPS_KIND, ENOENT, "open", "proc-basic/31337/smaps");

  /* The name alone still needs argv[0], even when cmdline is not wanted. */
  read_ok (f, 31337, TS_PF_NAME);
  assert_valid (s, TS_PF_NAME);
  g_assert_cmpstr (s->name, ==, "gnome-session-binary");
}

static void
test_name_not_extended (Fixture *f, gconstpointer data)
{
  TsProcSample *s = &f->s;

  read_ok (f, 31338, TS_PF_NAME | TS_PF_CMDLINE | TS_PF_EXE | TS_PF_PPID);
  assert_valid (s, TS_PF_NAME | TS_PF_CMDLINE | TS_PF_EXE | TS_PF_PPID);
  /* argv[0]'s basename "firefox" does not start with comm: comm stays. */
  g_assert_cmpstr (s->name, ==, "Isolated Web Co");
  g_assert_cmpuint (s->cmdline_argc, ==, 3);
  g_assert_cmpstr (s->exe, ==, "/usr/lib/firefox/firefox");
  g_assert_cmpint (s->ppid, ==, 31337);

  read_ok (f, 31338, TS_PF_NAME);
  g_assert_cmpstr (s->name, ==, "Isolated Web Co");
}

/* ----------------------------------------------------------- wanted mask */

static void
test_wanted_subset (Fixture *f, gconstpointer data)
{
  TsProcSample *s = &f->s;

  /* Nothing wanted: stat is read all the same, for the identity. */
  read_ok (f, 1042, 0);
  g_assert_cmphex (s->valid, ==, 0);
  g_assert_cmpuint (s->start_ticks, ==, 123456);
  read_ok (f, 2, 0);
  g_assert_true (s->kernel_thread);
  for (guint32 bit = 1; bit & TS_PF_ALL; bit <<= 1)
    g_assert_null (ts_proc_sample_field_error (s, bit));

  /* Fields of stat only: the broken statm/status/io of 6004 are never
   * touched, so nothing fails. */
  read_ok (f, 6004, TS_PF_PPID | TS_PF_NAME | TS_PF_CPU_TIMES);
  g_assert_cmphex (s->valid & (TS_PF_PPID | TS_PF_NAME | TS_PF_CPU_TIMES), ==,
                   TS_PF_PPID | TS_PF_NAME | TS_PF_CPU_TIMES);
  for (guint32 bit = 1; bit & TS_PF_ALL; bit <<= 1)
    g_assert_null (ts_proc_sample_field_error (s, bit));
  g_assert_null (s->cmdline);
  g_assert_null (s->environ);
  g_assert_null (s->threads);

  /* Just environ. */
  read_ok (f, 5000, TS_PF_ENVIRON);
  assert_valid (s, TS_PF_ENVIRON);
  g_assert_cmpuint (s->environ_len, >, 0);
  g_assert_null (s->cmdline);
  g_assert_null (s->exe);

  /* Just memory_full on the smaps fallback. */
  read_ok (f, 5001, TS_PF_MEMORY_FULL);
  assert_valid (s, TS_PF_MEMORY_FULL);
  g_assert_cmpuint (s->uss, ==, KB (40 + 100 + 2048 + 24));

  /* Bits outside TS_PF_ALL are not fields. */
  read_ok (f, 1042, TS_PF_PPID);
  g_assert_null (ts_proc_sample_field_error (s, 1u << 30));
}

static void
test_each_field_alone (Fixture *f, gconstpointer data)
{
  /* A field read alone gives what it gives in a full read. */
  for (size_t i = 0; i < G_N_ELEMENTS (basic_pids); i++)
    {
      TsProcSample full;
      TsPlatformError err;
      bool full_ok;

      ts_proc_sample_init (&full);
      full_ok = ts_platform_read_process (f->p, basic_pids[i], TS_PF_ALL, &full, &err);

      for (guint32 bit = 1; bit & TS_PF_ALL; bit <<= 1)
        {
          bool ok = ts_platform_read_process (f->p, basic_pids[i], bit, &f->s, &err);

          g_assert_cmpint (ok, ==, full_ok);
          if (!ok)
            continue;
          if ((full.valid & bit) != (f->s.valid & bit))
            g_error ("pid %d: %s alone: valid %d, in a full read %d", basic_pids[i],
                     ts_proc_field_name (bit), !!(f->s.valid & bit), !!(full.valid & bit));
          if (bit == TS_PF_NAME)
            g_assert_cmpstr (full.name, ==, f->s.name);
          if (!(full.valid & bit))
            {
              const TsPlatformError *a = ts_proc_sample_field_error (&full, bit);
              const TsPlatformError *b = ts_proc_sample_field_error (&f->s, bit);

              g_assert_nonnull (a);
              g_assert_nonnull (b);
              g_assert_cmpint (a->kind, ==, b->kind);
              g_assert_cmpstr (a->path, ==, b->path);
            }
        }
      ts_proc_sample_clear (&full);
    }
}

/* -------------------------------------------------------- no crash, fds */

static void
read_all (Fixture *f, TsProcSample *out)
{
  for (size_t i = 0; i < G_N_ELEMENTS (basic_pids); i++)
    {
      TsPlatformError err;

      ts_proc_sample_init (&out[i]);
      if (!ts_platform_read_process (f->p, basic_pids[i], TS_PF_ALL, &out[i], &err))
        g_assert_true (basic_pids[i] == 6001 || basic_pids[i] == 6006);
    }
}

static void
assert_same (const TsProcSample *a, const TsProcSample *b)
{
  g_assert_cmpint (a->pid, ==, b->pid);
  g_assert_cmphex (a->valid, ==, b->valid);
  g_assert_cmpuint (a->start_ticks, ==, b->start_ticks);
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpmem (a->cmdline, a->cmdline_len, b->cmdline, b->cmdline_len);
  g_assert_cmpmem (a->environ, a->environ_len, b->environ, b->environ_len);
  g_assert_cmpuint (a->rss, ==, b->rss);
  g_assert_cmpuint (a->uss, ==, b->uss);
  g_assert_cmpuint (a->read_chars, ==, b->read_chars);
  g_assert_cmpuint (a->n_threads, ==, b->n_threads);
  for (int i = 0; i < TS_PF_N_FIELDS; i++)
    {
      g_assert_cmpint (a->errors[i].kind, ==, b->errors[i].kind);
      g_assert_cmpstr (a->errors[i].path, ==, b->errors[i].path);
    }
}

static void
test_kept_fds (Fixture *f, gconstpointer data)
{
  TsProcSample first[G_N_ELEMENTS (basic_pids)];
  TsProcSample again[G_N_ELEMENTS (basic_pids)];
  TsProcSample plain[G_N_ELEMENTS (basic_pids)];

  /* First read opens, the second preads kept descriptors, the third opens
   * and closes every time: all three must agree. */
  read_all (f, first);
  read_all (f, again);
  ts_platform_set_keep_fds (f->p, false);
  g_assert_cmpuint (ts_platform_kept_fds (f->p), ==, 0);
  read_all (f, plain);
  g_assert_cmpuint (ts_platform_kept_fds (f->p), ==, 0);

  for (size_t i = 0; i < G_N_ELEMENTS (basic_pids); i++)
    {
      assert_same (&first[i], &again[i]);
      assert_same (&first[i], &plain[i]);
      ts_proc_sample_clear (&first[i]);
      ts_proc_sample_clear (&again[i]);
      ts_proc_sample_clear (&plain[i]);
    }
}

static void
test_sample_reuse (Fixture *f, gconstpointer data)
{
  TsProcSample *s = &f->s;
  TsPlatformError err;

  /* A sample is cleared by each read: nothing of 1042 survives into 2. */
  read_ok (f, 1042, TS_PF_ALL);
  read_ok (f, 2, TS_PF_PPID);
  g_assert_null (s->cmdline);
  g_assert_null (s->environ);
  g_assert_null (s->exe);
  g_assert_null (s->threads);
  g_assert_cmpuint (s->n_threads, ==, 0);
  g_assert_cmpint (s->ppid, ==, 0);

  /* A failed read leaves a sample that can be cleared and reused. */
  g_assert_false (ts_platform_read_process (f->p, 6001, TS_PF_ALL, s, &err));
  ts_proc_sample_clear (s);
  ts_proc_sample_clear (s);
  read_ok (f, 777, TS_PF_ALL);
  g_assert_cmpstr (s->name, ==, "a) R 9 (\xff b)");

  /* No err pointer: allowed. */
  g_assert_false (ts_platform_read_process (f->p, 6006, TS_PF_ALL, s, NULL));
  g_assert_true (ts_platform_read_process (f->p, 1042, TS_PF_ALL, s, NULL));
}

static void
test_error_text (Fixture *f, gconstpointer data)
{
  TsProcSample *s = &f->s;
  char buf[512];
  g_autofree char *want = NULL;

  read_ok (f, 6005, TS_PF_IO_COUNTERS);
  ts_platform_error_format (ts_proc_sample_field_error (s, TS_PF_IO_COUNTERS), buf, sizeof buf);
  want = g_strdup_printf ("read(\"%s/6005/io\"): %s (EISDIR)", BASIC, g_strerror (EISDIR));
  g_assert_cmpstr (buf, ==, want);
}

/* ------------------------------------------------------------ open files */

static void
test_open_files (Fixture *f, gconstpointer data)
{
  static const struct { int fd; TsFdKind kind; const char *target; int flags; gint64 pos; const char *mode; } want[] = {
    { 0, TS_FD_FILE, "/dev/pts/3", 0100002, 0, "r+" },
    { 1, TS_FD_FILE, "/dev/pts/3", 0100001, 100, "w" },
    { 3, TS_FD_FILE, "/home/alice/src/site/db.sqlite", 02100002, 300, "r+" },
    { 4, TS_FD_SOCKET, "socket:[12345]", 02004002, 400, "r+" },
    { 5, TS_FD_PIPE, "pipe:[6789]", 0, 500, "r" },
    { 7, TS_FD_ANON_INODE, "anon_inode:[eventfd]", 02004002, 700, "r+" },
    { 10, TS_FD_FILE, "/var/log/app.log", 02102001, 1000, "a" },
    { 12, TS_FD_FILE, "/tmp/scratch (deleted)", -1, -1, "" },
  };
  TsOpenFile *files = NULL;
  size_t n = 0;
  TsPlatformError err;

  g_assert_true (ts_platform_open_files (f->p, 1042, &files, &n, &err));
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (want));
  for (size_t i = 0; i < n; i++)
    {
      g_assert_cmpint (files[i].fd, ==, want[i].fd);
      g_assert_cmpint (files[i].kind, ==, want[i].kind);
      g_assert_cmpstr (files[i].target, ==, want[i].target);
      g_assert_cmpint (files[i].flags, ==, want[i].flags);
      g_assert_cmpint (files[i].position, ==, want[i].pos);
      g_assert_cmpstr (ts_open_file_mode (files[i].flags), ==, want[i].mode);
    }
  ts_open_files_free (files, n);

  /* No fd/ directory while the process is there: an error, not "gone". */
  g_assert_false (ts_platform_open_files (f->p, 6002, &files, &n, &err));
  g_assert_cmpint (err.kind, ==, TS_PLATFORM_ERR_OS_ERROR);
  g_assert_cmpint (err.os_errno, ==, ENOENT);
  g_assert_null (files);
  g_assert_cmpuint (n, ==, 0);

  g_assert_false (ts_platform_open_files (f->p, 99999, &files, &n, &err));
  g_assert_cmpint (err.kind, ==, TS_PLATFORM_ERR_NO_SUCH_PROCESS);
}

static void
test_open_files_live (void)
{
  TsPlatformError err;
  TsPlatform *p = ts_platform_new (NULL, NULL, &err);
  TsOpenFile *files = NULL;
  size_t n = 0;
  int fd = open ("/proc/self/stat", O_RDONLY | O_APPEND);
  gboolean found = FALSE;

  g_assert_nonnull (p);
  g_assert_cmpint (fd, >=, 0);
  g_assert_true (ts_platform_open_files (p, getpid (), &files, &n, &err));
  for (size_t i = 0; i < n; i++)
    if (files[i].fd == fd)
      {
        g_autofree char *want = g_strdup_printf ("/proc/%d/stat", getpid ());

        found = TRUE;
        g_assert_cmpstr (files[i].target, ==, want);
        g_assert_cmpint (files[i].kind, ==, TS_FD_FILE);
        g_assert_cmpint (files[i].flags & O_ACCMODE, ==, O_RDONLY);
        g_assert_cmpint (files[i].position, ==, 0);
      }
  g_assert_true (found);
  ts_open_files_free (files, n);
  close (fd);
  ts_platform_free (p);
}

/* ------------------------------------------------------------- terminals */

static void
test_terminal_names (Fixture *f, gconstpointer data)
{
  char buf[64];

  assert_terminal (f, 34819, "/dev/pts/3");             /* (136, 3) */
  assert_terminal (f, (1u << 20) | (136u << 8) | 44, "/dev/pts/300");
  assert_terminal (f, (4u << 8) | 1, "/dev/tty1");
  assert_terminal (f, (4u << 8) | 64, "/dev/ttyS0");
  assert_terminal (f, (5u << 8) | 1, "/dev/console");
  g_assert_false (ts_platform_terminal_name (f->p, 0, buf, sizeof buf));
  g_assert_false (ts_platform_terminal_name (f->p, 200u << 8, buf, sizeof buf));
  g_assert_false (ts_platform_terminal_name (f->p, 34819, buf, 4));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  clk_tck = (double) sysconf (_SC_CLK_TCK);
  page = (guint64) sysconf (_SC_PAGESIZE);

#define ADD(path, func) \
  g_test_add ("/process-fixtures/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("list-pids", test_list_pids);
  g_test_add ("/process-fixtures/empty-tree", Fixture, EMPTY, fixture_setup, test_empty_tree,
              fixture_teardown);
  g_test_add_func ("/process-fixtures/missing-root", test_missing_root);
  ADD ("roots", test_roots);
  ADD ("normal", test_normal);
  ADD ("kthreadd", test_kthreadd);
  ADD ("kworker", test_kworker);
  ADD ("weird-comm", test_weird_comm);
  ADD ("zombie", test_zombie);
  ADD ("environ", test_environ);
  ADD ("smaps-fallback", test_smaps_fallback);
  ADD ("stat-cut-early", test_stat_cut_early);
  ADD ("short-files", test_short_files);
  ADD ("empty-files", test_empty_files);
  ADD ("garbage-files", test_garbage_files);
  ADD ("unreadable-files", test_unreadable_files);
  ADD ("gone", test_gone);
  ADD ("name-extended", test_name_extended);
  ADD ("name-not-extended", test_name_not_extended);
  ADD ("wanted-subset", test_wanted_subset);
  ADD ("each-field-alone", test_each_field_alone);
  ADD ("kept-fds", test_kept_fds);
  ADD ("sample-reuse", test_sample_reuse);
  ADD ("error-text", test_error_text);
  ADD ("terminal-names", test_terminal_names);
  ADD ("open-files", test_open_files);
  g_test_add_func ("/process-fixtures/open-files-live", test_open_files_live);

  return g_test_run ();
}
