/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * TsProcessList against a fake platform and a fake clock.
 *
 * The fake platform is a procfs tree this test writes into a temporary
 * directory and rewrites between ticks; the list reads it through the real
 * Linux platform layer (descriptors are not kept for a root other than
 * /proc, so replacing files is seen at once).  The fake clock is a number
 * of microseconds the test moves forward by hand, so rates come out exact.
 *
 * Expected values are spelled from the fake files' numbers: bytes are
 * "pages * page size" or "kB * 1024", seconds are "ticks / CLK_TCK".
 */
#include "config.h"

#define G_LOG_DOMAIN "test-process-list"

#include <glib.h>
#include <glib/gstdio.h>
#include <pwd.h>
#include <string.h>
#include <unistd.h>

#include "ts-process-list.h"

#define BTIME  1700000000
#define EPS    1e-9
#define KB(n)  ((guint64) (n) * 1024)
#define SEC(n) ((gint64) ((n) * G_USEC_PER_SEC))

static long clk_tck;
static guint64 page_size;

/* ------------------------------------------------------------ fake procfs */

typedef struct
{
  TsPid       pid;
  TsPid       ppid;
  const char *name;          /* comm */
  char        state;
  guint       uid;
  guint64     utime, stime;  /* clock ticks */
  guint64     starttime;     /* clock ticks after boot */
  int         threads;
  guint64     vms_pages, rss_pages, shared_pages;
  guint64     rss_anon_kb, rss_file_kb, swap_kb;
  guint64     uss_kb, pss_kb;
  guint64     read_bytes, write_bytes;
  const char *cmdline;       /* the arguments joined by single spaces */
  gboolean    no_smaps;      /* neither smaps_rollup nor smaps: USS unknown */
} FakeProc;

static const char *const proc_files[] = {
  "stat", "status", "statm", "cmdline", "io", "smaps_rollup",
};

static void
fake_proc_init (FakeProc   *p,
                TsPid       pid,
                TsPid       ppid,
                const char *name,
                guint64     starttime)
{
  memset (p, 0, sizeof *p);
  p->pid = pid;
  p->ppid = ppid;
  p->name = name;
  p->state = 'S';
  p->uid = 0;
  p->utime = 100;
  p->stime = 50;
  p->starttime = starttime;
  p->threads = 1;
  p->vms_pages = 5000;
  p->rss_pages = 1000;
  p->shared_pages = 300;
  p->rss_anon_kb = 2000;
  p->rss_file_kb = 1900;
  p->swap_kb = 16;
  p->uss_kb = 2100;
  p->pss_kb = 2500;
  p->read_bytes = 4096;
  p->write_bytes = 8192;
  p->cmdline = name;
}

/* As the kernel words it in status. */
static const char *
state_word (char state)
{
  switch (state)
    {
    case 'R': return "running";
    case 'S': return "sleeping";
    case 'D': return "disk sleep";
    case 'T': return "stopped";
    case 'Z': return "zombie";
    default: return "unknown";
    }
}

/* As psutil (and the "state" property) names it. */
static const char *
state_name (char state)
{
  switch (state)
    {
    case 'R': return "running";
    case 'S': return "sleeping";
    case 'D': return "disk-sleep";
    case 'T': return "stopped";
    case 'Z': return "zombie";
    default: return "unknown";
    }
}

/* The bytes of <pid>/<file> as the kernel would write them. */
static GString *
fake_proc_file (const FakeProc *p,
                const char     *file)
{
  GString *s = g_string_new (NULL);

  if (g_str_equal (file, "stat"))
    {
      const char *rest;
      g_auto(GStrv) fields = NULL;

      /* All 52 fields of proc(5); 23 is vsize in bytes, 24 rss in pages. */
      g_string_printf (s,
                       "%d (%s) %c %d %d %d 0 -1 4194560 1000 0 2 0 "
                       "%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " 0 0 20 0 %d 0 "
                       "%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " "
                       "18446744073709551615 94000000000000 94000000100000 140720000000000 0 0 "
                       "0 0 0 0 0 0 0 17 0 0 0 0 0 0 "
                       "94000000200000 94000000300000 94000000400000 140720000001000 "
                       "140720000001100 140720000001100 140720000001200 0\n",
                       (int) p->pid, p->name, p->state, (int) p->ppid, (int) p->pid, (int) p->pid,
                       p->utime, p->stime, p->threads,
                       p->starttime, p->vms_pages * page_size, p->rss_pages);
      /* A miscounted line would test the parser's leniency, not the list. */
      rest = strrchr (s->str, ')') + 2;
      fields = g_strsplit (rest, " ", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 52 - 2);
    }
  else if (g_str_equal (file, "status"))
    {
      g_string_printf (s,
                       "Name:\t%s\nUmask:\t0022\nState:\t%c (%s)\nTgid:\t%d\nNgid:\t0\n"
                       "Pid:\t%d\nPPid:\t%d\nTracerPid:\t0\n"
                       "Uid:\t%u\t%u\t%u\t%u\nGid:\t%u\t%u\t%u\t%u\nFDSize:\t64\n"
                       "VmSize:\t%" G_GUINT64_FORMAT " kB\n"
                       "VmRSS:\t%" G_GUINT64_FORMAT " kB\n"
                       "RssAnon:\t%" G_GUINT64_FORMAT " kB\n"
                       "RssFile:\t%" G_GUINT64_FORMAT " kB\n"
                       "RssShmem:\t0 kB\n"
                       "VmSwap:\t%" G_GUINT64_FORMAT " kB\n"
                       "Threads:\t%d\n"
                       "Cpus_allowed:\t3\nCpus_allowed_list:\t0-1\n"
                       "voluntary_ctxt_switches:\t10\nnonvoluntary_ctxt_switches:\t2\n",
                       p->name, p->state, state_word (p->state), (int) p->pid,
                       (int) p->pid, (int) p->ppid,
                       p->uid, p->uid, p->uid, p->uid, p->uid, p->uid, p->uid, p->uid,
                       p->vms_pages * page_size / 1024, p->rss_pages * page_size / 1024,
                       p->rss_anon_kb, p->rss_file_kb, p->swap_kb, p->threads);
    }
  else if (g_str_equal (file, "statm"))
    {
      g_string_printf (s, "%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
                       " 200 0 1500 0\n",
                       p->vms_pages, p->rss_pages, p->shared_pages);
    }
  else if (g_str_equal (file, "cmdline"))
    {
      /* argv, each argument NUL-terminated. */
      if (p->cmdline != NULL && p->cmdline[0] != '\0')
        {
          g_string_append (s, p->cmdline);
          for (gsize i = 0; i < s->len; i++)
            if (s->str[i] == ' ')
              s->str[i] = '\0';
          g_string_append_c (s, '\0');
        }
    }
  else if (g_str_equal (file, "io"))
    {
      g_string_printf (s,
                       "rchar: %" G_GUINT64_FORMAT "\nwchar: %" G_GUINT64_FORMAT "\n"
                       "syscr: 12\nsyscw: 7\n"
                       "read_bytes: %" G_GUINT64_FORMAT "\nwrite_bytes: %" G_GUINT64_FORMAT "\n"
                       "cancelled_write_bytes: 0\n",
                       p->read_bytes + 100, p->write_bytes + 100,
                       p->read_bytes, p->write_bytes);
    }
  else if (g_str_equal (file, "smaps_rollup"))
    {
      /* USS is Private_Clean + Private_Dirty + Private_Hugetlb. */
      g_string_printf (s,
                       "00400000-7fff42d12000 ---p 00000000 00:00 0                              [rollup]\n"
                       "Rss:                %" G_GUINT64_FORMAT " kB\n"
                       "Pss:                %" G_GUINT64_FORMAT " kB\n"
                       "Shared_Clean:       1000 kB\n"
                       "Shared_Dirty:          0 kB\n"
                       "Private_Clean:      %" G_GUINT64_FORMAT " kB\n"
                       "Private_Dirty:      %" G_GUINT64_FORMAT " kB\n"
                       "Referenced:         %" G_GUINT64_FORMAT " kB\n"
                       "Anonymous:          %" G_GUINT64_FORMAT " kB\n"
                       "Shared_Hugetlb:        0 kB\n"
                       "Private_Hugetlb:       0 kB\n"
                       "Swap:               %" G_GUINT64_FORMAT " kB\n"
                       "SwapPss:            %" G_GUINT64_FORMAT " kB\n"
                       "Locked:                0 kB\n",
                       p->rss_pages * page_size / 1024, p->pss_kb,
                       p->uss_kb / 3, p->uss_kb - p->uss_kb / 3,
                       p->rss_pages * page_size / 1024, p->rss_anon_kb,
                       p->swap_kb, p->swap_kb);
    }
  else
    g_assert_not_reached ();

  return s;
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents,
            gssize      len)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
}

static void
rm_rf (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);

  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            rm_rf (child);
          else
            g_assert_cmpint (g_unlink (child), ==, 0);
        }
      g_dir_close (dir);
      g_assert_cmpint (g_rmdir (path), ==, 0);
    }
  else
    g_unlink (path);
}

/* ---------------------------------------------------------------- fixture */

typedef struct
{
  guint position, removed, added;
} Change;

typedef struct
{
  char          *root;
  char          *procfs;
  char          *sysfs;
  gint64         now;          /* the fake clock, microseconds */

  /* <procfs>/stat, clock ticks */
  guint64        cpu_user, cpu_nice, cpu_system, cpu_idle, cpu_iowait, cpu_irq, cpu_softirq;
  /* <procfs>/meminfo, kB */
  guint64        mem_total, mem_free, mem_available, mem_buffers, mem_cached, mem_sreclaimable;

  TsProcessList *list;
  GArray        *changes;      /* Change: the items-changed of the last tick */
  GPtrArray     *mirror;       /* the model rebuilt from items-changed alone */
} Fixture;

static gint64
fake_clock (gpointer user_data)
{
  return *(gint64 *) user_data;
}

static void
fixture_write_root (Fixture *f)
{
  g_autofree char *stat = NULL;
  g_autofree char *meminfo = NULL;

  /* Two CPUs; the per-CPU lines are the total split in halves. */
  stat = g_strdup_printf ("cpu  %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
                          " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
                          " %" G_GUINT64_FORMAT " 0 0 0\n"
                          "cpu0 %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
                          " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
                          " %" G_GUINT64_FORMAT " 0 0 0\n"
                          "cpu1 %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
                          " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
                          " %" G_GUINT64_FORMAT " 0 0 0\n"
                          "intr 1000 0 0\nctxt 123456\nbtime %d\nprocesses 4000\n"
                          "procs_running 1\nprocs_blocked 0\nsoftirq 100 0 0 0 0 0 0 0 0 0 0\n",
                          f->cpu_user, f->cpu_nice, f->cpu_system, f->cpu_idle, f->cpu_iowait,
                          f->cpu_irq, f->cpu_softirq,
                          f->cpu_user / 2, f->cpu_nice / 2, f->cpu_system / 2, f->cpu_idle / 2,
                          f->cpu_iowait / 2, f->cpu_irq / 2, f->cpu_softirq / 2,
                          f->cpu_user - f->cpu_user / 2, f->cpu_nice - f->cpu_nice / 2,
                          f->cpu_system - f->cpu_system / 2, f->cpu_idle - f->cpu_idle / 2,
                          f->cpu_iowait - f->cpu_iowait / 2, f->cpu_irq - f->cpu_irq / 2,
                          f->cpu_softirq - f->cpu_softirq / 2,
                          BTIME);
  write_file (f->procfs, "stat", stat, -1);

  meminfo = g_strdup_printf ("MemTotal:       %" G_GUINT64_FORMAT " kB\n"
                             "MemFree:        %" G_GUINT64_FORMAT " kB\n"
                             "MemAvailable:   %" G_GUINT64_FORMAT " kB\n"
                             "Buffers:        %" G_GUINT64_FORMAT " kB\n"
                             "Cached:         %" G_GUINT64_FORMAT " kB\n"
                             "SwapCached:            0 kB\n"
                             "Active:          4000000 kB\n"
                             "Inactive:        2000000 kB\n"
                             "SwapTotal:       2097148 kB\n"
                             "SwapFree:        2097148 kB\n"
                             "Shmem:            300000 kB\n"
                             "Slab:             500000 kB\n"
                             "SReclaimable:    %" G_GUINT64_FORMAT " kB\n"
                             "SUnreclaim:       100000 kB\n",
                             f->mem_total, f->mem_free, f->mem_available, f->mem_buffers,
                             f->mem_cached, f->mem_sreclaimable);
  write_file (f->procfs, "meminfo", meminfo, -1);
}

static void
fake_proc_write (Fixture        *f,
                 const FakeProc *p)
{
  g_autofree char *dir = g_strdup_printf ("%s/%d", f->procfs, (int) p->pid);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (proc_files); i++)
    {
      g_autoptr(GString) s = NULL;

      if (p->no_smaps && g_str_equal (proc_files[i], "smaps_rollup"))
        {
          g_autofree char *path = g_build_filename (dir, "smaps_rollup", NULL);

          g_unlink (path);
          continue;
        }
      s = fake_proc_file (p, proc_files[i]);
      write_file (dir, proc_files[i], s->str, (gssize) s->len);
    }
}

static void
fake_proc_remove (Fixture *f,
                  TsPid    pid)
{
  g_autofree char *dir = g_strdup_printf ("%s/%d", f->procfs, (int) pid);

  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));
  rm_rf (dir);
}

/* Applies each emission to a copy of the list, checking what the
 * GListModel contract asks: in range, and the model already in the state it
 * announces when the signal runs. */
static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  Change c = { position, removed, added };

  g_array_append_val (f->changes, c);
  g_assert_cmpuint (position + removed, <=, f->mirror->len);
  g_ptr_array_remove_range (f->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (f->mirror, (int) (position + i), g_list_model_get_item (model, position + i));
  g_assert_cmpuint (f->mirror->len, ==, g_list_model_get_n_items (model));
}

static Fixture *
fixture_new (void)
{
  Fixture *f = g_new0 (Fixture, 1);
  g_autoptr(GError) error = NULL;

  f->root = g_dir_make_tmp ("taskscope-model-XXXXXX", &error);
  g_assert_no_error (error);
  f->procfs = g_build_filename (f->root, "proc", NULL);
  f->sysfs = g_build_filename (f->root, "sys", NULL);
  g_assert_cmpint (g_mkdir (f->procfs, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (f->sysfs, 0755), ==, 0);

  f->cpu_user = 10000;
  f->cpu_nice = 100;
  f->cpu_system = 5000;
  f->cpu_idle = 80000;
  f->cpu_iowait = 1000;
  f->cpu_irq = 200;
  f->cpu_softirq = 300;
  f->mem_total = 16000000;
  f->mem_free = 4000000;
  f->mem_available = 9000000;
  f->mem_buffers = 250000;
  f->mem_cached = 3000000;
  f->mem_sreclaimable = 400000;
  fixture_write_root (f);

  /* Zero is a valid reading of a clock: the list must not take it for
   * "no previous tick". */
  f->now = 0;
  f->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  f->mirror = g_ptr_array_new_with_free_func (g_object_unref);

  f->list = ts_process_list_new (f->procfs, f->sysfs);
  g_assert_nonnull (ts_process_list_get_platform (f->list));
  ts_process_list_set_clock (f->list, fake_clock, &f->now);
  g_signal_connect (f->list, "items-changed", G_CALLBACK (on_items_changed), f);
  return f;
}

static void
fixture_free (Fixture *f)
{
  g_clear_pointer (&f->mirror, g_ptr_array_unref);
  if (f->list != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (f->list), (gpointer *) &f->list);
      g_object_unref (f->list);
      /* Nothing else may hold the list: no tick left in flight. */
      g_assert_null (f->list);
    }
  g_array_unref (f->changes);
  rm_rf (f->root);
  g_free (f->root);
  g_free (f->procfs);
  g_free (f->sysfs);
  g_free (f);
}

static TsProcess *
item (Fixture *f,
      guint    position)
{
  g_autoptr(TsProcess) p = g_list_model_get_item (G_LIST_MODEL (f->list), position);

  g_assert_nonnull (p);
  /* Borrowed: the list keeps its own reference. */
  return p;
}

static guint
n_items (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (f->list));
}

/* One tick after moving the fake clock on by `advance` microseconds. */
static void
fixture_tick (Fixture *f,
              gint64   advance)
{
  f->now += advance;
  g_array_set_size (f->changes, 0);
  ts_process_list_refresh_sync (f->list);

  g_assert_cmpuint (f->mirror->len, ==, n_items (f));
  for (guint i = 0; i < f->mirror->len; i++)
    {
      TsProcess *p = item (f, i);

      g_assert_true (g_ptr_array_index (f->mirror, i) == p);
      g_assert_true (ts_process_list_lookup (f->list, ts_process_get_pid (p)) == p);
      g_assert_true (ts_process_get_alive (p));
    }
}

static void
assert_changes (Fixture     *f,
                const Change *expected,
                guint         n_expected)
{
  g_assert_cmpuint (f->changes->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      const Change *c = &g_array_index (f->changes, Change, i);

      g_assert_cmpuint (c->position, ==, expected[i].position);
      g_assert_cmpuint (c->removed, ==, expected[i].removed);
      g_assert_cmpuint (c->added, ==, expected[i].added);
    }
}

static void
assert_pids (Fixture     *f,
             const TsPid *pids,
             guint        n)
{
  g_assert_cmpuint (n_items (f), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (ts_process_get_pid (item (f, i)), ==, pids[i]);
}

static char *
expected_user (guint uid)
{
  struct passwd pw, *result = NULL;
  char buf[4096];

  if (uid == 0)
    return g_strdup ("root");
  if (getpwuid_r (uid, &pw, buf, sizeof buf, &result) == 0 && result != NULL)
    return g_strdup (result->pw_name);
  return g_strdup_printf ("%u", uid);
}

/* Every property a fake process sets, through the getters and through
 * GObject properties (what the views bind to). */
static void
assert_process (TsProcess      *p,
                const FakeProc *fp)
{
  g_autofree char *user = expected_user (fp->uid);
  g_autofree char *name = NULL, *prop_user = NULL, *state = NULL, *cmdline = NULL;
  guint64 rss = 0, uss = 0, start_ticks = 0;
  double start_time = 0;
  int pid = 0, ppid = 0, threads = 0;
  gboolean alive = FALSE;

  g_assert_cmpint (ts_process_get_pid (p), ==, fp->pid);
  g_assert_cmpint (ts_process_get_ppid (p), ==, fp->ppid);
  g_assert_cmpuint (ts_process_get_start_ticks (p), ==, fp->starttime);
  g_assert_cmpstr (ts_process_get_name (p), ==, fp->name);
  g_assert_cmpuint (ts_process_get_uid (p), ==, fp->uid);
  g_assert_cmpstr (ts_process_get_user (p), ==, user);
  g_assert_cmpstr (ts_process_get_state_name (p), ==, state_name (fp->state));
  g_assert_cmpint (ts_process_get_threads (p), ==, fp->threads);
  g_assert_cmpuint (ts_process_get_rss (p), ==, fp->rss_pages * page_size);
  g_assert_cmpuint (ts_process_get_vms (p), ==, fp->vms_pages * page_size);
  g_assert_cmpuint (ts_process_get_shared (p), ==, fp->shared_pages * page_size);
  g_assert_cmpuint (ts_process_get_rss_anon (p), ==, KB (fp->rss_anon_kb));
  g_assert_cmpstr (ts_process_get_command_line (p), ==, fp->cmdline);
  g_assert_cmpfloat_with_epsilon (ts_process_get_start_time (p),
                                  BTIME + (double) fp->starttime / (double) clk_tck, 1e-6);
  g_assert_false (ts_process_get_kernel_thread (p));
  g_assert_true (ts_process_get_alive (p));
  g_assert_true (ts_process_get_io_valid (p));
  if (!fp->no_smaps)
    {
      g_assert_true (ts_process_get_memory_full_valid (p));
      g_assert_cmpuint (ts_process_get_uss (p), ==, KB (fp->uss_kb));
      g_assert_cmpuint (ts_process_get_pss (p), ==, KB (fp->pss_kb));
      g_assert_cmpuint (ts_process_get_swap (p), ==, KB (fp->swap_kb));
    }

  g_object_get (p,
                "pid", &pid, "ppid", &ppid, "name", &name, "user", &prop_user,
                "state", &state, "threads", &threads, "rss", &rss, "uss", &uss,
                "command-line", &cmdline, "start-time", &start_time,
                "start-ticks", &start_ticks, "alive", &alive,
                NULL);
  g_assert_cmpint (pid, ==, fp->pid);
  g_assert_cmpint (ppid, ==, fp->ppid);
  g_assert_cmpstr (name, ==, fp->name);
  g_assert_cmpstr (prop_user, ==, user);
  g_assert_cmpstr (state, ==, state_name (fp->state));
  g_assert_cmpint (threads, ==, fp->threads);
  g_assert_cmpuint (rss, ==, fp->rss_pages * page_size);
  g_assert_cmpuint (uss, ==, fp->no_smaps ? 0 : KB (fp->uss_kb));
  g_assert_cmpstr (cmdline, ==, fp->cmdline);
  g_assert_cmpfloat_with_epsilon (start_time, ts_process_get_start_time (p), EPS);
  g_assert_cmpuint (start_ticks, ==, fp->starttime);
  g_assert_true (alive);
}

/* ------------------------------------------------------------------ tests */

static void
test_births (void)
{
  Fixture *f = fixture_new ();
  FakeProc init, shell, odd, late;
  const TsPid first[] = { 1, 400, 523 };
  const TsPid then[] = { 1, 400, 523, 450 };
  const Change first_changes[] = { { 0, 0, 3 } };
  const Change late_changes[] = { { 3, 0, 1 } };
  TsProcess *before[3];

  fake_proc_init (&init, 1, 0, "systemd", 5);
  init.cmdline = "/sbin/init splash";
  fake_proc_init (&shell, 400, 1, "bash", 1234);
  shell.state = 'R';
  shell.threads = 1;
  shell.rss_pages = 321;
  shell.uss_kb = 777;
  shell.cmdline = "/bin/bash --login -i";
  fake_proc_init (&odd, 523, 400, "tokio worker", 987654);
  odd.uid = 4242424;   /* most likely nobody's: the user is then the number */
  odd.threads = 17;
  odd.state = 'D';
  odd.cmdline = "/usr/bin/server --port 8080 --name x";
  fake_proc_write (f, &init);
  fake_proc_write (f, &shell);
  fake_proc_write (f, &odd);

  g_assert_cmpuint (n_items (f), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (f->list)) == TS_TYPE_PROCESS);
  fixture_tick (f, SEC (1));
  assert_changes (f, first_changes, G_N_ELEMENTS (first_changes));
  assert_pids (f, first, G_N_ELEMENTS (first));
  g_assert_cmpuint (ts_process_list_get_ticks (f->list), ==, 1);
  assert_process (item (f, 0), &init);
  assert_process (item (f, 1), &shell);
  assert_process (item (f, 2), &odd);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (f->list), 3));
  g_assert_null (ts_process_list_lookup (f->list, 450));
  for (guint i = 0; i < 3; i++)
    {
      before[i] = item (f, i);
      /* First tick: no previous reading, so no rate yet. */
      g_assert_cmpfloat (ts_process_get_cpu_percent (before[i]), ==, 0.0);
      g_assert_cmpfloat (ts_process_get_disk_read_rate (before[i]), ==, 0.0);
    }

  /* Nothing changed: no emission at all. */
  fixture_tick (f, SEC (1));
  assert_changes (f, NULL, 0);

  /* A newcomer goes at the end, not in PID order: rows on screen stay put. */
  fake_proc_init (&late, 450, 400, "vim", 5555);
  late.cmdline = "vim DESIGN.md";
  fake_proc_write (f, &late);
  fixture_tick (f, SEC (1));
  assert_changes (f, late_changes, G_N_ELEMENTS (late_changes));
  assert_pids (f, then, G_N_ELEMENTS (then));
  assert_process (item (f, 3), &late);
  g_assert_true (ts_process_list_lookup (f->list, 450) == item (f, 3));
  for (guint i = 0; i < 3; i++)
    g_assert_true (item (f, i) == before[i]);
  /* Its first tick has no previous reading either, though the list has. */
  g_assert_cmpfloat (ts_process_get_cpu_percent (item (f, 3)), ==, 0.0);

  fixture_free (f);
}

static void
test_deaths (void)
{
  Fixture *f = fixture_new ();
  const TsPid pids[] = { 10, 20, 30, 40, 50, 60, 70 };
  const TsPid after_run[] = { 10, 20, 60, 70 };
  const TsPid after_two[] = { 10, 60 };
  const Change run[] = { { 2, 3, 0 } };
  /* From the end backwards, so each position is right when it is told. */
  const Change two[] = { { 3, 1, 0 }, { 1, 1, 0 } };
  TsProcess *held[G_N_ELEMENTS (pids)];

  for (guint i = 0; i < G_N_ELEMENTS (pids); i++)
    {
      FakeProc fp;

      fake_proc_init (&fp, pids[i], 1, "worker", 1000 + i);
      fake_proc_write (f, &fp);
    }
  fixture_tick (f, SEC (1));
  assert_pids (f, pids, G_N_ELEMENTS (pids));
  for (guint i = 0; i < G_N_ELEMENTS (pids); i++)
    held[i] = g_object_ref (item (f, i));

  /* Three adjacent PIDs: one emission. */
  fake_proc_remove (f, 30);
  fake_proc_remove (f, 40);
  fake_proc_remove (f, 50);
  fixture_tick (f, SEC (1));
  assert_changes (f, run, G_N_ELEMENTS (run));
  assert_pids (f, after_run, G_N_ELEMENTS (after_run));
  for (guint i = 2; i <= 4; i++)
    {
      g_assert_false (ts_process_get_alive (held[i]));
      /* The dead keep their last values. */
      g_assert_cmpint (ts_process_get_pid (held[i]), ==, pids[i]);
      g_assert_cmpstr (ts_process_get_name (held[i]), ==, "worker");
      g_assert_null (ts_process_list_lookup (f->list, pids[i]));
    }
  g_assert_true (item (f, 0) == held[0]);
  g_assert_true (item (f, 1) == held[1]);
  g_assert_true (item (f, 2) == held[5]);
  g_assert_true (item (f, 3) == held[6]);

  /* Two runs apart, one at the very end: two emissions. */
  fake_proc_remove (f, 20);
  fake_proc_remove (f, 70);
  fixture_tick (f, SEC (1));
  assert_changes (f, two, G_N_ELEMENTS (two));
  assert_pids (f, after_two, G_N_ELEMENTS (after_two));
  g_assert_false (ts_process_get_alive (held[1]));
  g_assert_false (ts_process_get_alive (held[6]));
  g_assert_true (item (f, 0) == held[0]);
  g_assert_true (item (f, 1) == held[5]);
  g_assert_true (ts_process_get_alive (held[0]));
  g_assert_true (ts_process_get_alive (held[5]));

  /* Everybody gone, and a death together with a birth in one tick. */
  {
    FakeProc fp;
    const Change both[] = { { 0, 2, 0 }, { 0, 0, 1 } };
    const TsPid only[] = { 90 };

    fake_proc_remove (f, 10);
    fake_proc_remove (f, 60);
    fake_proc_init (&fp, 90, 1, "new", 9000);
    fake_proc_write (f, &fp);
    fixture_tick (f, SEC (1));
    assert_changes (f, both, G_N_ELEMENTS (both));
    assert_pids (f, only, G_N_ELEMENTS (only));
    g_assert_false (ts_process_get_alive (held[0]));
    g_assert_false (ts_process_get_alive (held[5]));
  }

  for (guint i = 0; i < G_N_ELEMENTS (pids); i++)
    g_object_unref (held[i]);
  fixture_free (f);
}

static void
test_pid_reuse (void)
{
  Fixture *f = fixture_new ();
  FakeProc a, b, reused;
  const Change changes[] = { { 0, 1, 0 }, { 1, 0, 1 } };
  const TsPid pids[] = { 201, 101 };
  g_autoptr(TsProcess) old = NULL;
  TsProcess *fresh;
  guint64 tick;

  fake_proc_init (&a, 101, 1, "old", 1000);
  a.cmdline = "old --flag";
  a.uss_kb = 1111;
  fake_proc_init (&b, 201, 1, "bystander", 1001);
  fake_proc_write (f, &a);
  fake_proc_write (f, &b);
  fixture_tick (f, SEC (1));
  old = g_object_ref (ts_process_list_lookup (f->list, 101));
  g_assert_nonnull (old);

  /* The same PID, started later: another process. */
  fake_proc_init (&reused, 101, 201, "new", 5000);
  reused.cmdline = "new --other";
  reused.uss_kb = 2222;
  reused.utime = 1;
  reused.stime = 1;
  fake_proc_write (f, &reused);
  /* Not a slow tick for 101: its slow fields must be read all the same,
   * it is a new process. */
  tick = ts_process_list_get_ticks (f->list) + 1;
  g_assert_cmpuint ((tick + 101) % TS_PROCESS_LIST_SLOW_EVERY, !=, 0);
  fixture_tick (f, SEC (1));

  assert_changes (f, changes, G_N_ELEMENTS (changes));
  assert_pids (f, pids, G_N_ELEMENTS (pids));
  fresh = ts_process_list_lookup (f->list, 101);
  g_assert_true (fresh != old);
  g_assert_true (item (f, 1) == fresh);
  g_assert_false (ts_process_get_alive (old));
  g_assert_cmpuint (ts_process_get_start_ticks (old), ==, 1000);
  g_assert_cmpstr (ts_process_get_name (old), ==, "old");
  assert_process (fresh, &reused);
  /* A new process's CPU is not the old one's counters' difference. */
  g_assert_cmpfloat (ts_process_get_cpu_percent (fresh), ==, 0.0);

  fixture_free (f);
}

static void
test_cpu_percent (void)
{
  Fixture *f = fixture_new ();
  FakeProc p;
  TsProcess *proc;

  fake_proc_init (&p, 300, 1, "busy", 100);
  p.utime = 1000;
  p.stime = 500;
  fake_proc_write (f, &p);
  /* The first reading at a clock of exactly 0. */
  fixture_tick (f, 0);
  g_assert_cmpint (f->now, ==, 0);
  proc = ts_process_list_lookup (f->list, 300);
  g_assert_cmpfloat (ts_process_get_cpu_percent (proc), ==, 0.0);

  /* 50 ticks (0.5 s of CPU) in 1 s: half a core. */
  p.utime += 30;
  p.stime += 20;
  fake_proc_write (f, &p);
  fixture_tick (f, SEC (1));
  g_assert_cmpfloat_with_epsilon (ts_process_get_cpu_percent (proc), 50.0, EPS);

  /* The same in 0.5 s: a whole core. */
  p.utime += 50;
  fake_proc_write (f, &p);
  fixture_tick (f, SEC (0.5));
  g_assert_cmpfloat_with_epsilon (ts_process_get_cpu_percent (proc), 100.0, EPS);

  /* Two cores' worth: per core, like top, so over 100. */
  p.utime += 100;
  p.stime += 100;
  fake_proc_write (f, &p);
  fixture_tick (f, SEC (1));
  g_assert_cmpfloat_with_epsilon (ts_process_get_cpu_percent (proc), 200.0, EPS);

  /* Idle. */
  fixture_tick (f, SEC (1));
  g_assert_cmpfloat (ts_process_get_cpu_percent (proc), ==, 0.0);

  /* A counter that goes back is no usage, never a negative one. */
  p.utime -= 200;
  fake_proc_write (f, &p);
  fixture_tick (f, SEC (1));
  g_assert_cmpfloat (ts_process_get_cpu_percent (proc), ==, 0.0);

  /* ...and the next difference is taken from the lowered counter. */
  p.utime += 25;
  fake_proc_write (f, &p);
  fixture_tick (f, SEC (1));
  g_assert_cmpfloat_with_epsilon (ts_process_get_cpu_percent (proc), 25.0, EPS);

  /* A clock that did not move gives no rate rather than a division by 0. */
  p.utime += 25;
  fake_proc_write (f, &p);
  fixture_tick (f, 0);
  g_assert_cmpfloat (ts_process_get_cpu_percent (proc), ==, 0.0);
  g_assert_true (ts_process_list_lookup (f->list, 300) == proc);

  fixture_free (f);
}

static void
test_disk_rates (void)
{
  Fixture *f = fixture_new ();
  FakeProc p;
  TsProcess *proc;

  fake_proc_init (&p, 300, 1, "dd", 100);
  p.read_bytes = 1000000;
  p.write_bytes = 2000000;
  fake_proc_write (f, &p);
  fixture_tick (f, SEC (1));
  proc = ts_process_list_lookup (f->list, 300);
  g_assert_true (ts_process_get_io_valid (proc));
  g_assert_cmpfloat (ts_process_get_disk_read_rate (proc), ==, 0.0);
  g_assert_cmpfloat (ts_process_get_disk_write_rate (proc), ==, 0.0);

  /* 1 MiB read and 4 KiB written in half a second. */
  p.read_bytes += 1048576;
  p.write_bytes += 4096;
  fake_proc_write (f, &p);
  fixture_tick (f, SEC (0.5));
  g_assert_cmpfloat_with_epsilon (ts_process_get_disk_read_rate (proc), 2097152.0, EPS);
  g_assert_cmpfloat_with_epsilon (ts_process_get_disk_write_rate (proc), 8192.0, EPS);

  /* Writes only, over two seconds. */
  p.write_bytes += 1000000;
  fake_proc_write (f, &p);
  fixture_tick (f, SEC (2));
  g_assert_cmpfloat (ts_process_get_disk_read_rate (proc), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (ts_process_get_disk_write_rate (proc), 500000.0, EPS);

  /* Counters going back: no negative rates. */
  p.read_bytes -= 4096;
  p.write_bytes -= 4096;
  fake_proc_write (f, &p);
  fixture_tick (f, SEC (1));
  g_assert_cmpfloat (ts_process_get_disk_read_rate (proc), ==, 0.0);
  g_assert_cmpfloat (ts_process_get_disk_write_rate (proc), ==, 0.0);

  /* A dead process shows no activity. */
  {
    g_autoptr(TsProcess) held = g_object_ref (proc);

    p.read_bytes += 10000;
    fake_proc_write (f, &p);
    fixture_tick (f, SEC (1));
    g_assert_cmpfloat (ts_process_get_disk_read_rate (held), >, 0.0);
    fake_proc_remove (f, 300);
    fixture_tick (f, SEC (1));
    g_assert_false (ts_process_get_alive (held));
    g_assert_cmpfloat (ts_process_get_disk_read_rate (held), ==, 0.0);
    g_assert_cmpfloat (ts_process_get_cpu_percent (held), ==, 0.0);
  }

  fixture_free (f);
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           GPtrArray  *log)
{
  g_ptr_array_add (log, g_strdup_printf ("%d:%s", (int) ts_process_get_pid (TS_PROCESS (object)),
                                         pspec->name));
}

static void
test_notify_only_changes (void)
{
  Fixture *f = fixture_new ();
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (g_free);
  FakeProc procs[5];

  for (guint i = 0; i < G_N_ELEMENTS (procs); i++)
    {
      fake_proc_init (&procs[i], 100 + (TsPid) i, 1, "quiet", 50 + i);
      fake_proc_write (f, &procs[i]);
    }
  fixture_tick (f, SEC (1));
  for (guint i = 0; i < n_items (f); i++)
    g_signal_connect (item (f, i), "notify", G_CALLBACK (on_notify), log);

  /* Enough unchanged ticks that every process has had its slow fields
   * read again too; the clock moves, cpu-percent stays 0. */
  for (guint t = 0; t < TS_PROCESS_LIST_SLOW_EVERY + 1; t++)
    {
      fixture_tick (f, SEC (1));
      if (log->len > 0)
        g_error ("unexpected notify on an unchanged tree: %s", (char *) log->pdata[0]);
    }

  /* Only rss moves (statm; status keeps its figures): one notify, "rss". */
  procs[2].rss_pages += 10;
  fake_proc_write (f, &procs[2]);
  fixture_tick (f, SEC (1));
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpstr (log->pdata[0], ==, "102:rss");

  /* And nothing more while it stays there. */
  g_ptr_array_set_size (log, 0);
  for (guint t = 0; t < TS_PROCESS_LIST_SLOW_EVERY; t++)
    fixture_tick (f, SEC (1));
  g_assert_cmpuint (log->len, ==, 0);

  /* CPU time: cpu-percent rises, then falls back; two notifies. */
  procs[4].utime += 10;
  fake_proc_write (f, &procs[4]);
  fixture_tick (f, SEC (1));
  fixture_tick (f, SEC (1));
  g_assert_cmpuint (log->len, ==, 2);
  g_assert_cmpstr (log->pdata[0], ==, "104:cpu-percent");
  g_assert_cmpstr (log->pdata[1], ==, "104:cpu-percent");

  fixture_free (f);
}

static gboolean
is_slow_tick (guint64 tick,
              TsPid   pid)
{
  /* ts-process-list.c reads a fifth of the processes' slow fields each
   * tick, in turn by PID. */
  return (tick + (guint64) pid) % TS_PROCESS_LIST_SLOW_EVERY == 0;
}

static void
test_slow_fields (void)
{
  Fixture *f = fixture_new ();
  FakeProc procs[5];
  static const char *const new_cmdlines[] = { "a --new", "b --new", "c --new", "d --new", "e --new" };
  gboolean seen_slow[5] = { FALSE };
  TsPid watched;

  for (guint i = 0; i < G_N_ELEMENTS (procs); i++)
    {
      fake_proc_init (&procs[i], 100 + (TsPid) i, 1, "lazy", 10 + i);
      procs[i].cmdline = "old --cmdline";
      fake_proc_write (f, &procs[i]);
    }
  /* Tick 1: everything is new, everything is read. */
  fixture_tick (f, SEC (1));
  for (guint i = 0; i < G_N_ELEMENTS (procs); i++)
    assert_process (item (f, i), &procs[i]);

  for (guint i = 0; i < G_N_ELEMENTS (procs); i++)
    {
      procs[i].uss_kb += 1000 * (i + 1);
      procs[i].cmdline = new_cmdlines[i];
      procs[i].rss_pages += 1;
      fake_proc_write (f, &procs[i]);
    }

  /* Ticks 2..6: each process's slow fields are read on its turn and not
   * before; the cheap ones (rss) every tick. */
  for (guint64 t = 2; t <= 1 + TS_PROCESS_LIST_SLOW_EVERY; t++)
    {
      fixture_tick (f, SEC (1));
      g_assert_cmpuint (ts_process_list_get_ticks (f->list), ==, t);
      for (guint i = 0; i < G_N_ELEMENTS (procs); i++)
        {
          TsProcess *p = ts_process_list_lookup (f->list, procs[i].pid);
          guint64 old_uss = procs[i].uss_kb - 1000 * (i + 1);

          seen_slow[i] |= is_slow_tick (t, procs[i].pid);
          g_assert_cmpuint (ts_process_get_rss (p), ==, procs[i].rss_pages * page_size);
          g_assert_cmpuint (ts_process_get_uss (p), ==, KB (seen_slow[i] ? procs[i].uss_kb : old_uss));
          g_assert_cmpstr (ts_process_get_command_line (p), ==,
                           seen_slow[i] ? procs[i].cmdline : "old --cmdline");
        }
    }
  /* Within TS_PROCESS_LIST_SLOW_EVERY ticks, everybody has caught up. */
  for (guint i = 0; i < G_N_ELEMENTS (procs); i++)
    {
      g_assert_true (seen_slow[i]);
      assert_process (item (f, i), &procs[i]);
    }

  /* A watched process (a row on screen, an open details pane) has its slow
   * fields read on the very next tick. */
  for (guint i = 0; i < G_N_ELEMENTS (procs); i++)
    {
      procs[i].uss_kb += 7;
      fake_proc_write (f, &procs[i]);
    }
  watched = 0;
  for (guint i = 0; i < G_N_ELEMENTS (procs) && watched == 0; i++)
    if (!is_slow_tick (ts_process_list_get_ticks (f->list) + 1, procs[i].pid))
      watched = procs[i].pid;
  ts_process_list_set_watched (f->list, &watched, 1);
  fixture_tick (f, SEC (1));
  for (guint i = 0; i < G_N_ELEMENTS (procs); i++)
    {
      TsProcess *p = ts_process_list_lookup (f->list, procs[i].pid);
      gboolean expect_new = procs[i].pid == watched
                            || is_slow_tick (ts_process_list_get_ticks (f->list), procs[i].pid);

      g_assert_cmpuint (ts_process_get_uss (p), ==, KB (procs[i].uss_kb - (expect_new ? 0 : 7)));
    }

  /* Still watched: every tick. */
  procs[watched - 100].uss_kb += 3;
  fake_proc_write (f, &procs[watched - 100]);
  fixture_tick (f, SEC (1));
  g_assert_cmpuint (ts_process_get_uss (ts_process_list_lookup (f->list, watched)), ==,
                    KB (procs[watched - 100].uss_kb));

  /* Unwatched: back to its turn. */
  ts_process_list_set_watched (f->list, NULL, 0);
  procs[watched - 100].uss_kb += 5;
  fake_proc_write (f, &procs[watched - 100]);
  for (;;)
    {
      guint64 t = ts_process_list_get_ticks (f->list) + 1;
      TsProcess *p;

      fixture_tick (f, SEC (1));
      p = ts_process_list_lookup (f->list, watched);
      if (is_slow_tick (t, watched))
        {
          g_assert_cmpuint (ts_process_get_uss (p), ==, KB (procs[watched - 100].uss_kb));
          break;
        }
      g_assert_cmpuint (ts_process_get_uss (p), ==, KB (procs[watched - 100].uss_kb - 5));
    }

  fixture_free (f);
}

static void
test_system_figures (void)
{
  Fixture *f = fixture_new ();
  guint64 used;

  g_assert_cmpint (ts_process_list_get_n_cpus (f->list), ==, 2);
  fixture_tick (f, SEC (1));
  /* No previous reading of the CPU lines yet. */
  g_assert_cmpfloat (ts_process_list_get_cpu_usage (f->list), ==, 0.0);
  /* psutil: used = total - free - (Cached + SReclaimable) - Buffers. */
  used = KB (16000000) - KB (4000000) - (KB (3000000) + KB (400000)) - KB (250000);
  g_assert_cmpuint (ts_process_list_get_memory_total (f->list), ==, KB (16000000));
  g_assert_cmpuint (ts_process_list_get_memory_used (f->list), ==, used);

  /* 1000 ticks pass: 300 busy (user, nice, system, irq, softirq, steal),
   * 700 idle (idle, iowait). */
  f->cpu_user += 150;
  f->cpu_nice += 20;
  f->cpu_system += 80;
  f->cpu_irq += 20;
  f->cpu_softirq += 30;
  f->cpu_idle += 600;
  f->cpu_iowait += 100;
  f->mem_free -= 1000000;
  f->mem_cached += 200000;
  f->mem_buffers += 1000;
  fixture_write_root (f);
  fixture_tick (f, SEC (1));
  g_assert_cmpfloat_with_epsilon (ts_process_list_get_cpu_usage (f->list), 30.0, 1e-6);
  used = KB (16000000) - KB (3000000) - (KB (3200000) + KB (400000)) - KB (251000);
  g_assert_cmpuint (ts_process_list_get_memory_used (f->list), ==, used);

  /* All idle. */
  f->cpu_idle += 2000;
  fixture_write_root (f);
  fixture_tick (f, SEC (1));
  g_assert_cmpfloat (ts_process_list_get_cpu_usage (f->list), ==, 0.0);

  /* All busy. */
  f->cpu_user += 500;
  f->cpu_system += 500;
  fixture_write_root (f);
  fixture_tick (f, SEC (1));
  g_assert_cmpfloat_with_epsilon (ts_process_list_get_cpu_usage (f->list), 100.0, 1e-6);

  /* Counters going back (a doctored tree, a broken hypervisor): stays
   * within 0..100. */
  f->cpu_user -= 5000;
  fixture_write_root (f);
  fixture_tick (f, SEC (1));
  g_assert_cmpfloat (ts_process_list_get_cpu_usage (f->list), >=, 0.0);
  g_assert_cmpfloat (ts_process_list_get_cpu_usage (f->list), <=, 100.0);

  fixture_free (f);
}

/* ------------------------------------------------------------ async path */

typedef struct
{
  gint           in_flight;    /* atomic: clock reads not yet followed by "refreshed" */
  gint           overlaps;     /* atomic: a read began while another was under way */
  gint           clock_calls;  /* atomic */
  guint          refreshed;
  guint          pause_at;     /* pause from "refreshed" when it reaches this; 0: never */
  gboolean       worker_thread; /* the clock ran off the main thread */
  GThread       *main_thread;
} AsyncState;

/* The clock opens each read, in the worker thread: a slow one widens the
 * window in which an overlapping tick would show. */
static gint64
slow_clock (gpointer user_data)
{
  AsyncState *s = user_data;

  if (g_atomic_int_add (&s->in_flight, 1) != 0)
    g_atomic_int_inc (&s->overlaps);
  g_atomic_int_inc (&s->clock_calls);
  if (g_thread_self () != s->main_thread)
    s->worker_thread = TRUE;
  g_usleep (50 * 1000);
  return g_get_monotonic_time ();
}

static void
on_refreshed (TsProcessList *list,
              AsyncState    *s)
{
  g_assert_true (g_thread_self () == s->main_thread);
  g_atomic_int_add (&s->in_flight, -1);
  s->refreshed++;
  if (s->pause_at != 0 && s->refreshed == s->pause_at)
    ts_process_list_set_paused (list, TRUE);
}

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until `refreshed` reaches `target` or `timeout_ms`
 * of wall-clock time pass. */
static gboolean
spin_until_refreshed (AsyncState *s,
                      guint       target,
                      guint       timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, set_flag, &timed_out);

  while (s->refreshed < target && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return s->refreshed >= target;
}

static void
spin_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_async (void)
{
  Fixture *f = fixture_new ();
  AsyncState s = { 0 };
  FakeProc procs[3];
  guint count, calls;

  s.main_thread = g_thread_self ();
  for (guint i = 0; i < G_N_ELEMENTS (procs); i++)
    {
      fake_proc_init (&procs[i], 100 + (TsPid) i, 1, "async", 10 + i);
      fake_proc_write (f, &procs[i]);
    }
  ts_process_list_set_clock (f->list, slow_clock, &s);
  ts_process_list_set_interval (f->list, 500);
  g_assert_cmpuint (ts_process_list_get_interval (f->list), ==, 500);
  g_signal_connect (f->list, "refreshed", G_CALLBACK (on_refreshed), &s);

  /* start() ticks at once, in a worker; a refresh asked for meanwhile runs
   * after it, and refresh_sync() waits for both before reading its own. */
  ts_process_list_start (f->list);
  ts_process_list_refresh (f->list);
  ts_process_list_refresh (f->list);
  g_assert_cmpuint (s.refreshed, ==, 0);
  ts_process_list_refresh_sync (f->list);
  g_assert_cmpuint (s.refreshed, ==, 3);
  g_assert_cmpuint (ts_process_list_get_ticks (f->list), ==, 3);
  g_assert_true (s.worker_thread);
  g_assert_cmpuint (n_items (f), ==, G_N_ELEMENTS (procs));
  for (guint i = 0; i < G_N_ELEMENTS (procs); i++)
    assert_process (item (f, i), &procs[i]);

  /* The timer goes on by itself; pause from "refreshed" (no tick is under
   * way then), so nothing at all may follow. */
  s.pause_at = 5;
  g_assert_true (spin_until_refreshed (&s, 5, 20000));
  g_assert_true (ts_process_list_get_paused (f->list));
  count = s.refreshed;
  calls = (guint) g_atomic_int_get (&s.clock_calls);
  /* Three intervals and then some: a generous wait, not a speed test. */
  spin_for (3 * 500 + 1000);
  g_assert_cmpuint (s.refreshed, ==, count);
  g_assert_cmpuint ((guint) g_atomic_int_get (&s.clock_calls), ==, calls);

  /* Unpaused, it ticks again. */
  s.pause_at = count + 2;
  ts_process_list_set_paused (f->list, FALSE);
  g_assert_false (ts_process_list_get_paused (f->list));
  g_assert_true (spin_until_refreshed (&s, count + 2, 20000));
  g_assert_true (ts_process_list_get_paused (f->list));

  /* Paused, an explicit refresh still gives exactly one tick. */
  count = s.refreshed;
  ts_process_list_refresh (f->list);
  g_assert_true (spin_until_refreshed (&s, count + 1, 20000));
  spin_for (3 * 500 + 500);
  g_assert_cmpuint (s.refreshed, ==, count + 1);

  g_assert_cmpint (g_atomic_int_get (&s.overlaps), ==, 0);
  g_assert_cmpint (g_atomic_int_get (&s.in_flight), ==, 0);
  g_assert_cmpuint ((guint) g_atomic_int_get (&s.clock_calls), ==, s.refreshed);
  g_assert_cmpuint (ts_process_list_get_ticks (f->list), ==, s.refreshed);

  g_signal_handlers_disconnect_by_data (f->list, &s);
  fixture_free (f);
}

/* ------------------------------------------------------------ bad trees */

static void
write_prefixes (Fixture        *f,
                const FakeProc *p)
{
  g_autofree char *dir = g_strdup_printf ("%s/%d", f->procfs, (int) p->pid);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (proc_files); i++)
    {
      g_autoptr(GString) s = fake_proc_file (p, proc_files[i]);
      gsize len = (gsize) g_test_rand_int_range (0, (gint32) s->len + 1);

      if (g_test_rand_bit ())
        /* garbage of about the same size */
        for (gsize k = 0; k < len; k++)
          s->str[k] = (char) g_test_rand_int_range (0, 256);
      write_file (dir, proc_files[i], s->str, (gssize) len);
    }
}

static void
test_bad_files (void)
{
  Fixture *f = fixture_new ();
  FakeProc good, cut, garbage, empty, latin1, flaky;
  g_autofree char *dir = NULL;
  TsProcess *good_obj, *p;

  fake_proc_init (&good, 100, 1, "good", 10);
  fake_proc_write (f, &good);

  /* stat cut before starttime: no identity, not listed. */
  fake_proc_init (&cut, 200, 1, "cut", 20);
  fake_proc_write (f, &cut);
  dir = g_strdup_printf ("%s/200", f->procfs);
  write_file (dir, "stat", "200 (cut) S 1 200 200 0 -1 4194560 1000 0 2 0 5", -1);
  g_clear_pointer (&dir, g_free);

  /* Every other file garbage: listed, with what stat tells. */
  fake_proc_init (&garbage, 300, 1, "garbage", 30);
  fake_proc_write (f, &garbage);
  dir = g_strdup_printf ("%s/300", f->procfs);
  write_file (dir, "status", "abc def\n\xff\xfe\n:::\n", -1);
  write_file (dir, "statm", "abc def ghi", -1);
  write_file (dir, "io", "read_bytes: lots\n", -1);
  write_file (dir, "smaps_rollup", "Private_Dirty: many kB\nPss: x\n", -1);
  write_file (dir, "cmdline", "\xff\xfe\0\x80", 4);
  g_clear_pointer (&dir, g_free);

  /* Every other file empty. */
  fake_proc_init (&empty, 400, 1, "empty", 40);
  fake_proc_write (f, &empty);
  dir = g_strdup_printf ("%s/400", f->procfs);
  for (guint i = 0; i < G_N_ELEMENTS (proc_files); i++)
    if (!g_str_equal (proc_files[i], "stat"))
      write_file (dir, proc_files[i], "", 0);
  g_clear_pointer (&dir, g_free);

  /* Not UTF-8, as comm and argv may be. */
  fake_proc_init (&latin1, 500, 1, "caf\xe9", 50);
  latin1.cmdline = "/opt/caf\xe9 --na\xefve";
  fake_proc_write (f, &latin1);

  /* A directory with no files at all, one with only garbage in stat, and
   * not-PIDs. */
  dir = g_strdup_printf ("%s/600", f->procfs);
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_clear_pointer (&dir, g_free);
  dir = g_strdup_printf ("%s/700", f->procfs);
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  write_file (dir, "stat", "\xff\0garbage(((", 12);
  g_clear_pointer (&dir, g_free);
  dir = g_strdup_printf ("%s/12abc", f->procfs);
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_clear_pointer (&dir, g_free);

  fixture_tick (f, SEC (1));
  {
    const TsPid pids[] = { 100, 300, 400, 500 };

    assert_pids (f, pids, G_N_ELEMENTS (pids));
  }
  good_obj = ts_process_list_lookup (f->list, 100);
  assert_process (good_obj, &good);

  p = ts_process_list_lookup (f->list, 300);
  g_assert_cmpstr (ts_process_get_name (p), ==, "garbage");
  g_assert_cmpint (ts_process_get_ppid (p), ==, 1);
  g_assert_false (ts_process_get_memory_full_valid (p));
  g_assert_false (ts_process_get_io_valid (p));
  g_assert_true (g_utf8_validate (ts_process_get_command_line (p), -1, NULL));

  p = ts_process_list_lookup (f->list, 400);
  g_assert_cmpstr (ts_process_get_name (p), ==, "empty");
  g_assert_cmpstr (ts_process_get_command_line (p), ==, "");
  g_assert_false (ts_process_get_io_valid (p));

  p = ts_process_list_lookup (f->list, 500);
  g_assert_true (g_utf8_validate (ts_process_get_name (p), -1, NULL));
  g_assert_true (g_utf8_validate (ts_process_get_command_line (p), -1, NULL));
  g_assert_true (g_str_has_prefix (ts_process_get_name (p), "caf"));
  g_assert_true (g_str_has_prefix (ts_process_get_command_line (p), "/opt/caf"));

  /* A process whose files turn to garbage and back, tick after tick: the
   * list stays consistent (fixture_tick checks the emissions against the
   * model) and the others are left alone. */
  fake_proc_init (&flaky, 800, 1, "flaky", 80);
  for (guint t = 0; t < 200; t++)
    {
      if (t % 3 == 0)
        fake_proc_write (f, &flaky);
      else
        write_prefixes (f, &flaky);
      flaky.utime += 7;
      fixture_tick (f, SEC (1));
      g_assert_true (ts_process_list_lookup (f->list, 100) == good_obj);
      g_assert_true (item (f, 0) == good_obj);
      p = ts_process_list_lookup (f->list, 800);
      if (p != NULL)
        {
          g_assert_cmpfloat (ts_process_get_cpu_percent (p), >=, 0.0);
          if (ts_process_get_name (p) != NULL)
            g_assert_true (g_utf8_validate (ts_process_get_name (p), -1, NULL));
          if (ts_process_get_command_line (p) != NULL)
            g_assert_true (g_utf8_validate (ts_process_get_command_line (p), -1, NULL));
        }
      if (t % 3 == 0)
        g_assert_nonnull (p);
    }

  /* A directory that goes away between listing and reading is the same as
   * a death; one that loses its stat too. */
  fake_proc_remove (f, 300);
  dir = g_strdup_printf ("%s/400/stat", f->procfs);
  g_assert_cmpint (g_unlink (dir), ==, 0);
  fixture_tick (f, SEC (1));
  g_assert_null (ts_process_list_lookup (f->list, 300));
  g_assert_null (ts_process_list_lookup (f->list, 400));
  g_assert_true (ts_process_list_lookup (f->list, 100) == good_obj);

  fixture_free (f);
}

static void
test_missing_smaps (void)
{
  Fixture *f = fixture_new ();
  FakeProc full, denied;
  TsProcess *p;
  gboolean estimated = TRUE;

  fake_proc_init (&full, 100, 1, "full", 10);
  full.uss_kb = 3000;
  full.rss_anon_kb = 2900;
  fake_proc_init (&denied, 200, 1, "denied", 20);
  denied.no_smaps = TRUE;
  denied.uss_kb = 9999;          /* not written anywhere */
  denied.rss_anon_kb = 1234;
  fake_proc_write (f, &full);
  fake_proc_write (f, &denied);
  fixture_tick (f, SEC (1));

  p = ts_process_list_lookup (f->list, 100);
  g_assert_true (ts_process_get_memory_full_valid (p));
  g_assert_cmpuint (ts_process_get_memory (p, &estimated), ==, KB (3000));
  g_assert_false (estimated);

  p = ts_process_list_lookup (f->list, 200);
  assert_process (p, &denied);
  g_assert_false (ts_process_get_memory_full_valid (p));
  g_assert_cmpuint (ts_process_get_uss (p), ==, 0);
  estimated = FALSE;
  g_assert_cmpuint (ts_process_get_memory (p, &estimated), ==, KB (1234));
  g_assert_true (estimated);
  g_assert_cmpuint (ts_process_get_memory (p, NULL), ==, KB (1234));

  /* The estimate follows RssAnon (a slow field: within a round of turns). */
  denied.rss_anon_kb = 4321;
  fake_proc_write (f, &denied);
  for (guint t = 0; t < TS_PROCESS_LIST_SLOW_EVERY; t++)
    fixture_tick (f, SEC (1));
  g_assert_cmpuint (ts_process_get_memory (p, &estimated), ==, KB (4321));
  g_assert_true (estimated);
  g_assert_true (ts_process_list_lookup (f->list, 200) == p);

  fixture_free (f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  clk_tck = sysconf (_SC_CLK_TCK);
  page_size = (guint64) sysconf (_SC_PAGESIZE);

  g_test_add_func ("/process-list/births", test_births);
  g_test_add_func ("/process-list/deaths", test_deaths);
  g_test_add_func ("/process-list/pid-reuse", test_pid_reuse);
  g_test_add_func ("/process-list/cpu-percent", test_cpu_percent);
  g_test_add_func ("/process-list/disk-rates", test_disk_rates);
  g_test_add_func ("/process-list/notify-only-changes", test_notify_only_changes);
  g_test_add_func ("/process-list/slow-fields", test_slow_fields);
  g_test_add_func ("/process-list/system-figures", test_system_figures);
  g_test_add_func ("/process-list/async", test_async);
  g_test_add_func ("/process-list/bad-files", test_bad_files);
  g_test_add_func ("/process-list/missing-smaps", test_missing_smaps);

  return g_test_run ();
}
