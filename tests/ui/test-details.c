/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Suite `ui`: the process details window over children the test spawns,
 * read on the live process list's clock.  Screenshots of each page go to
 * the test-artefacts directory.
 */
#define G_LOG_DOMAIN "test-details"

#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <adwaita.h>

#include "ts-files-page.h"
#include "ts-memory-page.h"
#include "ts-threads-page.h"
#include "ts-units.h"
#include "ts-process-list.h"
#include "ts-process-window.h"
#include "ts-ui-kids.h"
#include "ts-ui-util.h"

#define TEST_APP_ID "io.github.taskscope.Taskscope.DetailsTest"

static AdwApplication *app;
static TsProcessList  *list;
static int             shown_pid;   /* the last app.show-process parameter */

/* ------------------------------------------------------------- waiting */

/* Waits for the next "updated" of the window's details. */
static void
wait_updated (TsProcessWindow *window)
{
  TsProcessDetails *d = ts_process_window_get_details (window);
  gboolean done = FALSE, timed_out = FALSE;
  gulong id = g_signal_connect_swapped (d, "updated", G_CALLBACK (set_flag), &done);
  guint t = g_timeout_add (15000, set_flag_source, &timed_out);

  while (!done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (d, id);
  if (!timed_out)
    g_source_remove (t);
  if (!done)
    g_error ("no update of the details came in 15 s");
}

typedef gboolean (*Check) (TsProcessWindow *window, gpointer data);

/* Waits up to max updates for the check to come true. */
static gboolean
wait_until (TsProcessWindow *window, Check check, gpointer data, guint max)
{
  for (guint i = 0; i < max; i++)
    {
      if (check (window, data))
        return TRUE;
      wait_updated (window);
    }
  return check (window, data);
}

static TsProcessWindow *
open_window (TsPid pid)
{
  TsProcessWindow *window = ts_process_window_new (GTK_APPLICATION (app), list, NULL, pid, 0);

  gtk_window_present (GTK_WINDOW (window));
  if (!ts_process_details_get_loaded (ts_process_window_get_details (window)))
    wait_updated (window);
  wait_frames (GTK_WIDGET (window), 1);
  return window;
}

static void
close_window (TsProcessWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_context ();
}

/* ----------------------------------------------------------- overview */

static gboolean
lists_child (TsProcessWindow *window, gpointer data)
{
  const char *children = ts_process_window_get_text (window, "children");

  return children != NULL && strstr (children, data) != NULL;
}

static void
click_first_link (GtkWidget *widget, int *clicked)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (*clicked)
        return;
      if (GTK_IS_BUTTON (c) && g_object_get_data (G_OBJECT (c), "ts-pid") != NULL)
        {
          g_signal_emit_by_name (c, "clicked");
          *clicked = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (c), "ts-pid"));
          return;
        }
      click_first_link (c, clicked);
    }
}

static void
test_overview (void)
{
  TsUiKid kid = ts_ui_kid_spawn ("sleep");
  TsProcessWindow *window = open_window (kid.pid);
  TsProcessWindow *mine;
  g_autofree char *me = g_strdup_printf ("(%d)", (int) getpid ());
  g_autofree char *kid_link = g_strdup_printf ("%s (%d)", kid.name, (int) kid.pid);
  const char *parents;
  int clicked = 0;

  g_assert_true (ts_process_details_get_alive (ts_process_window_get_details (window)));
  g_assert_cmpstr (ts_process_window_get_text (window, "state"), ==, "sleeping");
  g_assert_nonnull (strstr (ts_process_window_get_text (window, "cmdline"), TS_UI_KID_FLAG));
  g_assert_nonnull (strstr (ts_process_window_get_text (window, "exe"), "test-details"));
  /* Its parent is this test: the chain starts with our PID. */
  parents = ts_process_window_get_text (window, "parents");
  g_assert_nonnull (parents);
  g_assert_true (g_str_has_prefix (strstr (parents, "(") , me));
  g_assert_cmpstr (ts_process_window_get_text (window, "children"), ==, "");
  g_assert_null (ts_process_window_get_text (window, "exited"));
  save_screenshot (GTK_WIDGET (window), NULL);

  /* The parent link opens the parent. */
  ts_process_window_set_page (window, "overview");
  click_first_link (GTK_WIDGET (window), &clicked);
  g_assert_cmpint (clicked, ==, getpid ());
  g_assert_cmpint (shown_pid, ==, getpid ());

  /* And the parent's window lists the kid among its children, from the list. */
  mine = open_window (getpid ());
  if (!wait_until (mine, lists_child, kid_link, 20))
    g_error ("children of the test: “%s”, no %s", ts_process_window_get_text (mine, "children"), kid_link);
  close_window (mine);
  close_window (window);
  ts_ui_kids_kill_all ();
}

/* ------------------------------------------------------------- memory */

typedef struct { guint64 at_least; } Grow;

static gboolean
uss_grew (TsProcessWindow *window, gpointer data)
{
  const TsProcSample *s = ts_process_details_get_sample (ts_process_window_get_details (window));

  return s != NULL && (s->valid & TS_PF_MEMORY_FULL) && s->uss >= ((Grow *) data)->at_least;
}

static void
test_memory_grows (void)
{
  TsUiKid kid = ts_ui_kid_spawn ("grow");
  TsProcessWindow *window = open_window (kid.pid);
  TsMemoryPage *page = TS_MEMORY_PAGE (ts_process_window_get_page (window, "memory"));
  const TsProcSample *s = ts_process_details_get_sample (ts_process_window_get_details (window));
  g_autofree char *before_text = NULL;
  Grow grow;

  g_assert_nonnull (s);
  g_assert_true (s->valid & TS_PF_MEMORY_FULL);
  grow.at_least = s->uss + TS_UI_HOG_BYTES - (4 << 20);
  before_text = g_strdup (ts_memory_page_get_text (page, "uss"));
  g_assert_nonnull (before_text);
  g_assert_nonnull (ts_memory_page_get_text (page, "percent-uss"));
  g_assert_true (g_str_has_suffix (ts_memory_page_get_text (page, "percent-uss"), "%"));
  g_assert_null (ts_memory_page_get_text (page, "denied"));

  g_assert_cmpint (kill (kid.pid, SIGUSR1), ==, 0);
  if (!wait_until (window, uss_grew, &grow, 20))
    g_error ("USS of the child did not grow by 64 MiB");
  /* The table shows the new value, and the history has both. */
  g_assert_cmpstr (ts_memory_page_get_text (page, "uss"), !=, before_text);
  {
    g_autofree char *want = ts_format_value ((double) ts_process_details_get_sample (ts_process_window_get_details (window))->uss,
                                             TS_GRAPH_UNIT_BYTES);
    g_assert_cmpstr (ts_memory_page_get_text (page, "uss"), ==, want);
  }
  g_assert_cmpuint (ts_history_get_length (ts_process_details_get_memory_history (ts_process_window_get_details (window))), >=, 2);

  ts_process_window_set_page (window, "memory");
  save_screenshot (GTK_WIDGET (window), NULL);
  close_window (window);
  ts_ui_kids_kill_all ();
}

static gboolean
page_denied (TsProcessWindow *window, gpointer data)
{
  return ts_memory_page_get_text (data, "denied") != NULL;
}

/* Another user's process: as root, the read runs with the effective uid of
 * nobody; otherwise PID 1 is someone else's. */
static void
test_memory_denied (void)
{
  gboolean root = geteuid () == 0;
  TsUiKid kid = { 0 };
  TsProcessWindow *window;
  TsMemoryPage *page;
  const char *denied;

  if (root)
    kid = ts_ui_kid_spawn ("sleep");
  window = open_window (root ? kid.pid : 1);
  page = TS_MEMORY_PAGE (ts_process_window_get_page (window, "memory"));
  if (root)
    {
      /* A read already under way runs as root: wait for one that began
       * after the switch (the list's ticks start more). */
      g_assert_cmpint (seteuid (65534), ==, 0);
      ts_process_details_update (ts_process_window_get_details (window));
      wait_until (window, page_denied, page, 10);
      g_assert_cmpint (seteuid (0), ==, 0);
    }
  denied = ts_memory_page_get_text (page, "denied");
  g_assert_nonnull (denied);
  g_assert_nonnull (strstr (denied, "smaps"));
  g_assert_nonnull (strstr (denied, "EACCES"));
  /* What is readable is shown: statm's RSS. */
  g_assert_cmpstr (ts_memory_page_get_text (page, "uss"), ==, "Not available");
  g_assert_cmpstr (ts_memory_page_get_text (page, "rss"), !=, "Not available");
  ts_process_window_set_page (window, "memory");
  save_screenshot (GTK_WIDGET (window), NULL);
  close_window (window);
  ts_ui_kids_kill_all ();
}

/* -------------------------------------------------------------- exited */

static gboolean
is_gone (TsProcessWindow *window, gpointer data)
{
  return !ts_process_details_get_alive (ts_process_window_get_details (window));
}

static void
test_exited (void)
{
  TsUiKid kid = ts_ui_kid_spawn ("sleep");
  TsProcessWindow *window = open_window (kid.pid);
  g_autofree char *cmdline = g_strdup (ts_process_window_get_text (window, "cmdline"));

  g_assert_cmpint (kill (kid.pid, SIGKILL), ==, 0);
  ts_ui_kid_reap (kid.pid);
  ts_process_details_update (ts_process_window_get_details (window));
  /* A read under way when the child died still saw it alive. */
  g_assert_true (wait_until (window, is_gone, NULL, 10));
  g_assert_false (ts_process_details_get_alive (ts_process_window_get_details (window)));
  g_assert_nonnull (ts_process_window_get_text (window, "exited"));
  /* The last values stay. */
  g_assert_cmpstr (ts_process_window_get_text (window, "cmdline"), ==, cmdline);
  g_assert_cmpstr (ts_process_window_get_text (window, "state"), ==, "exited");
  /* Let the banner finish sliding in. */
  {
    gboolean done = FALSE;
    g_timeout_add (500, set_flag_source, &done);
    while (!done)
      g_main_context_iteration (NULL, TRUE);
  }
  save_screenshot (GTK_WIDGET (window), NULL);
  close_window (window);
}

static void
test_no_such_process (void)
{
  TsProcessWindow *window = ts_process_window_new (GTK_APPLICATION (app), list, NULL, 0x3ffffff0, 0);

  gtk_window_present (GTK_WINDOW (window));
  wait_updated (window);
  g_assert_nonnull (ts_process_details_get_error (ts_process_window_get_details (window)));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "No Process"));
  save_screenshot (GTK_WIDGET (window), NULL);
  close_window (window);
}

/* The fixture tree, for a stable picture: a process with every field. */
static void
test_fixture (void)
{
  TsProcessWindow *window = ts_process_window_new (GTK_APPLICATION (app), NULL,
                                                   TS_FIXTURES "/proc-basic", 1042, 0);

  gtk_window_present (GTK_WINDOW (window));
  wait_updated (window);
  g_assert_cmpstr (ts_process_window_get_text (window, "affinity"), ==, "0–2,5");
  g_assert_cmpstr (ts_process_window_get_text (window, "terminal"), ==, "/dev/pts/3");
  g_assert_cmpstr (ts_process_window_get_text (window, "nice"), ==, "5");
  g_assert_nonnull (strstr (ts_process_window_get_text (window, "user"), "effective"));
  save_screenshot (GTK_WIDGET (window), "overview");
  ts_process_window_set_page (window, "memory");
  save_screenshot (GTK_WIDGET (window), "memory");
  /* Each page has the details: the environment against the parent 1010
   * (not in the tree: no comparison), the 8 open files, the 3 threads. */
  for (const char *const *page = (const char *const[]) { "environment", "files", "threads", NULL }; *page; page++)
    {
      ts_process_window_set_page (window, *page);
      save_screenshot (GTK_WIDGET (window), *page);
    }
  g_assert_cmpuint (ts_files_page_get_n_files (TS_FILES_PAGE (ts_process_window_get_page (window, "files"))), ==, 8);
  g_assert_cmpuint (ts_threads_page_get_n_threads (TS_THREADS_PAGE (ts_process_window_get_page (window, "threads"))), ==, 3);
  close_window (window);
}

/* ---------------------------------------------------------------- main */

static void
show_process_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  shown_pid = g_variant_get_int32 (param);
}

int
main (int argc, char **argv)
{
  static const GActionEntry actions[] = {
    { .name = "show-process", .activate = show_process_activated, .parameter_type = "i" },
  };
  char *why;

  if (argc == 5 && strcmp (argv[1], TS_UI_KID_FLAG) == 0)
    return ts_ui_kid_main (argv[2], argv[3], atoi (argv[4]));

  g_test_init (&argc, &argv, NULL);
  ts_ui_kids_init ();

  why = ts_ui_init (TEST_APP_ID, &app);
  if (why != NULL)
    return ts_ui_fail_setup ("/details/setup", why);
  g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), NULL);

  list = ts_process_list_new (NULL, NULL);
  ts_process_list_set_interval (list, 500);
  ts_process_list_start (list);

  g_test_add_func ("/details/overview", test_overview);
  g_test_add_func ("/details/memory-grows", test_memory_grows);
  g_test_add_func ("/details/memory-denied", test_memory_denied);
  g_test_add_func ("/details/exited", test_exited);
  g_test_add_func ("/details/no-such-process", test_no_such_process);
  g_test_add_func ("/details/fixture", test_fixture);
  return g_test_run ();
}
