/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ts-environment.h"
#include "ts-process-details.h"

#define BASIC TS_FIXTURES "/proc-basic"

static void
quit_loop (gpointer user_data)
{
  g_main_loop_quit (user_data);
}

static gboolean
give_up (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until the signal fires once. */
static void
wait_for (TsProcessDetails *d, const char *signal)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  gulong id = g_signal_connect_swapped (d, signal, G_CALLBACK (quit_loop), loop);
  guint timeout = g_timeout_add_seconds (30, give_up, loop);

  g_main_loop_run (loop);
  g_signal_handler_disconnect (d, id);
  g_source_remove (timeout);
}

static void
test_fixture_overview (void)
{
  g_autoptr(TsProcessDetails) d = ts_process_details_new (BASIC, 777, 0);
  const TsProcSample *s;
  const TsAncestor *parents;
  const TsOpenFile *files;
  const GError *error = NULL;
  guint n;
  gsize n_files;

  g_assert_false (ts_process_details_get_loaded (d));
  g_assert_null (ts_process_details_get_sample (d));
  ts_process_details_update (d);
  wait_for (d, "updated");

  g_assert_true (ts_process_details_get_loaded (d));
  g_assert_true (ts_process_details_get_alive (d));
  s = ts_process_details_get_sample (d);
  g_assert_nonnull (s);
  g_assert_cmpint (s->pid, ==, 777);
  g_assert_cmpint (s->ppid, ==, 1042);
  g_assert_cmpstr (ts_process_details_get_terminal (d), ==, "/dev/pts/3");
  /* 777 -> 1042 -> 1010, which the tree does not have: the chain ends. */
  parents = ts_process_details_get_parents (d, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (parents[0].pid, ==, 1042);
  g_assert_cmpstr (parents[0].name, ==, "python3");
  /* 777 has no fd/ in the tree: the error says which directory. */
  files = ts_process_details_get_open_files (d, &n_files, &error);
  g_assert_null (files);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "/777/fd"));
}

static void
test_fixture_files_and_memory (void)
{
  g_autoptr(TsProcessDetails) d = ts_process_details_new (BASIC, 1042, 0);
  const TsOpenFile *files;
  const GError *error = NULL;
  gsize n_files;
  TsHistory *h;

  ts_process_details_update (d);
  wait_for (d, "updated");
  files = ts_process_details_get_open_files (d, &n_files, &error);
  g_assert_no_error ((GError *) error);
  g_assert_cmpuint (n_files, ==, 8);
  g_assert_cmpstr (files[2].target, ==, "/home/alice/src/site/db.sqlite");
  h = ts_process_details_get_memory_history (d);
  g_assert_cmpuint (ts_history_get_length (h), ==, 1);
  g_assert_cmpfloat (ts_history_get_last (h, 0), ==, (double) ts_process_details_get_sample (d)->uss);
  g_assert_cmpfloat (ts_history_get_last (h, 1), ==, 7283.0 * 1024);
  /* proc-basic has no meminfo: no total, so no percentages. */
  g_assert_cmpuint (ts_process_details_get_memory_total (d), ==, 0);
  g_assert_cmpuint (ts_process_details_get_sample (d)->n_threads, ==, 3);
}

static void
test_fixture_environment (void)
{
  g_autoptr(TsProcessDetails) d = ts_process_details_new (BASIC, 5000, 0);
  const GError *error = NULL;
  GListModel *env;
  guint n, added = 0, removed = 0;

  g_assert_false (ts_process_details_get_environment_loaded (d));
  ts_process_details_reload_environment (d);
  wait_for (d, "environment-changed");
  env = ts_process_details_get_environment (d, &error);
  g_assert_no_error ((GError *) error);
  g_assert_nonnull (env);
  /* Compared with 1042, its parent in the tree, whose environ differs. */
  g_assert_cmpint (ts_process_details_get_environment_parent (d), ==, 1042);
  n = g_list_model_get_n_items (env);
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsEnvVar) v = g_list_model_get_item (env, i);

      added += ts_env_var_get_diff (v) == TS_ENV_ADDED;
      removed += ts_env_var_get_diff (v) == TS_ENV_REMOVED;
    }
  g_assert_cmpuint (added, >, 0);
  g_assert_cmpuint (removed, >, 0);
}

static void
test_fixture_errors (void)
{
  g_autoptr(TsProcessDetails) gone = ts_process_details_new (BASIC, 6006, 0);
  g_autoptr(TsProcessDetails) other = ts_process_details_new (BASIC, 1042, 99);
  g_autoptr(TsProcessDetails) loop = ts_process_details_new (BASIC, 6005, 0);
  const GError *error = NULL;

  ts_process_details_update (gone);
  wait_for (gone, "updated");
  g_assert_false (ts_process_details_get_alive (gone));
  g_assert_nonnull (ts_process_details_get_error (gone));

  /* The PID runs, but it is not the process the user saw. */
  ts_process_details_update (other);
  wait_for (other, "updated");
  g_assert_false (ts_process_details_get_alive (other));
  g_assert_null (ts_process_details_get_sample (other));

  /* environ is a symlink loop: the error names the call and file. */
  ts_process_details_reload_environment (loop);
  wait_for (loop, "environment-changed");
  g_assert_null (ts_process_details_get_environment (loop, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "6005/environ"));
  g_assert_nonnull (strstr (error->message, "ELOOP"));
}

static void
test_live_exit (void)
{
  g_autoptr(GSubprocess) child = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, NULL, "sleep", "60", NULL);
  TsPid pid = (TsPid) atoi (g_subprocess_get_identifier (child));
  g_autoptr(TsProcessDetails) d = ts_process_details_new (NULL, pid, 0);
  const TsAncestor *parents;
  guint n;
  guint64 uss;

  ts_process_details_update (d);
  wait_for (d, "updated");
  g_assert_true (ts_process_details_get_alive (d));
  parents = ts_process_details_get_parents (d, &n);
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpint (parents[0].pid, ==, getpid ());
  uss = ts_process_details_get_sample (d)->uss;
  g_assert_cmpuint (ts_process_details_get_memory_total (d), >, 0);

  g_subprocess_force_exit (child);
  g_subprocess_wait (child, NULL, NULL);
  ts_process_details_update (d);
  wait_for (d, "updated");
  g_assert_false (ts_process_details_get_alive (d));
  /* The last values stay. */
  g_assert_nonnull (ts_process_details_get_sample (d));
  g_assert_cmpuint (ts_process_details_get_sample (d)->uss, ==, uss);
}

static gboolean
has_fd (TsProcessDetails *d, int fd)
{
  gsize n;
  const TsOpenFile *files = ts_process_details_get_open_files (d, &n, NULL);

  for (gsize i = 0; i < n; i++)
    if (files[i].fd == fd)
      return TRUE;
  return FALSE;
}

/* Files and threads not asked for are not read: the last ones stay. */
static void
test_reads (void)
{
  g_autoptr(TsProcessDetails) d = ts_process_details_new (NULL, getpid (), 0);
  const TsProcSample *s;
  int fd, low;

  ts_process_details_update (d);
  wait_for (d, "updated");
  s = ts_process_details_get_sample (d);
  g_assert_true (s->valid & TS_PF_THREADS);
  g_assert_cmpuint (s->n_threads, >=, 1);

  ts_process_details_set_reads (d, 0);
  /* A number no earlier read saw (their own descriptors come and go). */
  low = open ("/proc/self/stat", O_RDONLY | O_CLOEXEC);
  g_assert_cmpint (low, >=, 0);
  fd = fcntl (low, F_DUPFD_CLOEXEC, 900);
  close (low);
  g_assert_cmpint (fd, >=, 900);
  ts_process_details_update (d);
  wait_for (d, "updated");
  s = ts_process_details_get_sample (d);
  g_assert_true (s->valid & TS_PF_THREADS);
  g_assert_cmpuint (s->n_threads, >=, 1);
  g_assert_false (has_fd (d, fd));

  ts_process_details_set_reads (d, TS_DETAILS_READ_FILES);
  ts_process_details_update (d);
  wait_for (d, "updated");
  g_assert_true (has_fd (d, fd));
  g_assert_true (ts_process_details_get_sample (d)->valid & TS_PF_THREADS);
  close (fd);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/process-details/fixture/overview", test_fixture_overview);
  g_test_add_func ("/process-details/fixture/files-memory", test_fixture_files_and_memory);
  g_test_add_func ("/process-details/fixture/environment", test_fixture_environment);
  g_test_add_func ("/process-details/fixture/errors", test_fixture_errors);
  g_test_add_func ("/process-details/live-exit", test_live_exit);
  g_test_add_func ("/process-details/reads", test_reads);
  return g_test_run ();
}
