/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Suite `ui`: the real TsWindow over the live process list, built in this
 * process under Xvfb and driven through the view's API and actions, against
 * children the test spawns.  Each test saves a screenshot of the window in
 * TS_ARTEFACTS_DIR (the environment variable wins over the build default).
 *
 * The children (ts-ui-kids.h) are this binary run again; they are killed
 * and reaped at teardown, at exit and on a fatal signal.
 *
 * Waiting is done on the list's "refreshed" signal with a timeout guard;
 * checks are predicates given a number of ticks to come true.
 */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <adwaita.h>

#include "ts-process-columns.h"
#include "ts-process-list.h"
#include "ts-process-view.h"
#include "ts-ui-kids.h"
#include "ts-ui-util.h"
#include "ts-window.h"

#ifndef TS_ARTEFACTS_DIR
#define TS_ARTEFACTS_DIR "test-artefacts"
#endif

#define TEST_APP_ID     "io.github.taskscope.Taskscope.UiTest"
#define TICK_TIMEOUT_MS 10000   /* one refresh must come within this */

static AdwApplication *app;
static int             shown_pid;  /* the last app.show-process parameter */
static TsProcessList  *list;

/* ------------------------------------------------------------- waiting */

/* Runs the main loop until the list's next tick is applied (the view has
 * handled it by then: it connected first).  FALSE if none came in time. */
static gboolean
wait_refresh (void)
{
  gboolean done = FALSE, timed_out = FALSE;
  gulong id = g_signal_connect_swapped (list, "refreshed", G_CALLBACK (set_flag), &done);
  guint timeout = g_timeout_add (TICK_TIMEOUT_MS, set_flag_source, &timed_out);

  while (!done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (list, id);
  if (!timed_out)
    g_source_remove (timeout);
  return done;
}

typedef struct
{
  TsWindow      *window;
  TsProcessView *view;
  GSettings     *settings;
} Fixture;

typedef gboolean (*Check) (Fixture *fx, gpointer data);

/* TRUE once check holds, checked now and after each of up to max_ticks
 * refreshes. */
static gboolean
wait_until (Fixture *fx, Check check, gpointer data, guint max_ticks)
{
  for (guint i = 0;; i++)
    {
      if (check (fx, data))
        return TRUE;
      if (i == max_ticks)
        return FALSE;
      if (!wait_refresh ())
        g_error ("the process list did not refresh within %d ms", TICK_TIMEOUT_MS);
    }
}

/* Lets pending idles and redraws run (settings changes, dialogs). */
/* ---------------------------------------------------------- the window */

static GListModel *
view_model (Fixture *fx)
{
  /* Tree mode rebuilds the models: fetch it each time. */
  return ts_process_view_get_model (fx->view);
}

static TsPid
row_pid (GtkTreeListRow *row)
{
  g_autoptr(TsProcess) p = gtk_tree_list_row_get_item (row);

  return ts_process_get_pid (p);
}

/* The row showing pid (a new reference), or NULL. */
static GtkTreeListRow *
find_row (Fixture *fx, TsPid pid, guint *position)
{
  GListModel *model = view_model (fx);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);

      if (row_pid (row) == pid)
        {
          if (position != NULL)
            *position = i;
          return g_steal_pointer (&row);
        }
    }
  return NULL;
}

/* The child is in the list under its own name (names are read on the slow
 * cadence, so a child seen before PR_SET_NAME needs a few ticks) and shown. */
static gboolean
kid_listed (Fixture *fx, gpointer data)
{
  const TsUiKid *kid = data;
  TsProcess *p = ts_process_list_lookup (list, kid->pid);
  g_autoptr(GtkTreeListRow) row = NULL;

  if (p == NULL || g_strcmp0 (ts_process_get_name (p), kid->name) != 0)
    return FALSE;
  row = find_row (fx, kid->pid, NULL);
  return row != NULL;
}

static void
assert_kid_listed (Fixture *fx, const TsUiKid *kid)
{
  if (!wait_until (fx, kid_listed, (gpointer) kid, 3 * TS_PROCESS_LIST_SLOW_EVERY))
    {
      TsProcess *p = ts_process_list_lookup (list, kid->pid);

      g_error ("child %s (PID %d) not shown after %d ticks (in the list: %s, name “%s”)",
               kid->name, (int) kid->pid, 3 * TS_PROCESS_LIST_SLOW_EVERY,
               p != NULL ? "yes" : "no", p != NULL ? ts_process_get_name (p) : "");
    }
}

static GtkColumnViewColumn *
column_by_id (Fixture *fx, const char *id)
{
  GListModel *cols = gtk_column_view_get_columns (ts_process_view_get_column_view (fx->view));

  for (guint i = 0; i < g_list_model_get_n_items (cols); i++)
    {
      g_autoptr(GtkColumnViewColumn) col = g_list_model_get_item (cols, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (col), "ts-id"), id) == 0)
        return col;  /* the column view keeps it */
    }
  g_error ("no column with ts-id “%s”", id);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
destroy_dialogs (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      gtk_window_destroy (l->data);
}

static gboolean
view_has_rows (Fixture *fx, gpointer data)
{
  return g_list_model_get_n_items (view_model (fx)) > 0
         && ts_process_list_lookup (list, getpid ()) != NULL;
}

static void
fixture_setup (Fixture *fx, gconstpointer data)
{
  fx->settings = g_settings_new (APPLICATION_ID);
  /* The memory backend lives as long as the process: start each test from
   * the defaults, with fast ticks. */
  {
    static const char *const keys[] = {
      "tree-view", "confirm-end", "sort-column", "sort-descending", "columns",
      "show-mine-only", "show-kernel-threads", "memory-metric", "cpu-mode", "last-page",
    };

    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      g_settings_reset (fx->settings, keys[i]);
  }
  g_settings_set_uint (fx->settings, "refresh-interval", 500);

  fx->window = ts_window_new (GTK_APPLICATION (app), list);
  g_assert_nonnull (fx->window);
  fx->view = TS_PROCESS_VIEW (ts_window_get_process_view (fx->window));
  gtk_window_present (GTK_WINDOW (fx->window));
  wait_frames (GTK_WIDGET (fx->window), 1);

  if (!wait_until (fx, view_has_rows, NULL, 10))
    g_error ("the Processes view stayed empty for 10 ticks");
}

static const char *const window_setting_actions[] = { "tree-view", "show-mine-only", "show-kernel-threads" };

static void
fixture_teardown (Fixture *fx, gconstpointer data)
{
  ts_ui_kids_kill_all ();
  destroy_dialogs ();
  /* A destroyed TsWindow leaves its "win" action group behind (one
   * reference, likely its action muxer's, is never dropped), and the group
   * still forwards its actions' state changes to the freed window: a later
   * change of tree-view then hits a dead object.  Take the GSettings-backed
   * actions out first, so their keys reach nobody once the window is gone. */
  for (guint i = 0; i < G_N_ELEMENTS (window_setting_actions); i++)
    g_action_map_remove_action (G_ACTION_MAP (fx->window), window_setting_actions[i]);
  gtk_window_destroy (GTK_WINDOW (fx->window));
  drain_main_context ();
  g_clear_object (&fx->settings);
}

/* -------------------------------------------------------------- tests */

static void
test_opens (Fixture *fx, gconstpointer data)
{
  g_autoptr(GtkTreeListRow) row = NULL;

  g_assert_cmpstr (ts_window_get_page (fx->window), ==, "processes");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fx->view)));
  g_assert_cmpuint (g_list_model_get_n_items (view_model (fx)), >, 0);
  g_assert_nonnull (ts_process_list_lookup (list, getpid ()));
  row = find_row (fx, getpid (), NULL);
  g_assert_nonnull (row);
  g_assert_cmpuint (gtk_tree_list_row_get_depth (row), ==, 0);

  save_screenshot (GTK_WIDGET (fx->window), NULL);
}

static void
test_search (Fixture *fx, gconstpointer data)
{
  TsUiKid kid = ts_ui_kid_spawn ("sleep");
  GListModel *model;
  g_autoptr(GtkTreeListRow) row = NULL;

  assert_kid_listed (fx, &kid);
  ts_process_view_set_search (fx->view, kid.name);
  model = view_model (fx);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  row = g_list_model_get_item (model, 0);
  g_assert_cmpint (row_pid (row), ==, kid.pid);
  g_clear_object (&row);

  /* The filter holds across refreshes. */
  g_assert_true (wait_refresh ());
  model = view_model (fx);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  row = g_list_model_get_item (model, 0);
  g_assert_cmpint (row_pid (row), ==, kid.pid);

  /* Any case matches. */
  {
    g_autofree char *upper = g_ascii_strup (kid.name, -1);

    ts_process_view_set_search (fx->view, upper);
    g_assert_cmpuint (g_list_model_get_n_items (view_model (fx)), ==, 1);
  }

  save_screenshot (GTK_WIDGET (fx->window), NULL);

  ts_process_view_set_search (fx->view, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (view_model (fx)), >, 1);
}

typedef struct
{
  const TsUiKid *high;
  const TsUiKid *low;
  double     (*value) (TsProcess *p);
  double     min_high;  /* the high child must reach this */
} Order;

static double
cpu_value (TsProcess *p)
{
  return ts_process_get_cpu_percent (p);
}

static double
memory_value (TsProcess *p)
{
  /* What the Memory column sorts by with the default metric (USS). */
  return (double) ts_process_columns_memory (p, 0, NULL);
}

static gboolean
ordered (Fixture *fx, gpointer data)
{
  Order *o = data;
  g_autoptr(GtkTreeListRow) high = NULL;
  g_autoptr(GtkTreeListRow) low = NULL;
  TsProcess *ph, *pl;
  guint pos_high = 0, pos_low = 0;

  ph = ts_process_list_lookup (list, o->high->pid);
  pl = ts_process_list_lookup (list, o->low->pid);
  if (ph == NULL || pl == NULL || o->value (ph) < o->min_high)
    return FALSE;
  high = find_row (fx, o->high->pid, &pos_high);
  low = find_row (fx, o->low->pid, &pos_low);
  return high != NULL && low != NULL && pos_high < pos_low;
}

/* The whole list, not only the two children, is in descending order. */
static void
assert_descending (Fixture *fx, double (*value) (TsProcess *p), const char *what)
{
  GListModel *model = view_model (fx);
  guint n = g_list_model_get_n_items (model);
  double prev = G_MAXDOUBLE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(TsProcess) p = gtk_tree_list_row_get_item (row);
      double v = value (p);

      if (v > prev)
        g_error ("rows not sorted by %s: row %u (PID %d) has %g after %g", what, i,
                 ts_process_get_pid (p), v, prev);
      prev = v;
    }
}

static void
test_sort_cpu (Fixture *fx, gconstpointer data)
{
  TsUiKid busy = ts_ui_kid_spawn ("spin");
  TsUiKid idle = ts_ui_kid_spawn ("sleep");
  GtkColumnView *cv = ts_process_view_get_column_view (fx->view);
  Order order = { &busy, &idle, cpu_value, 20.0 };
  g_autofree char *sort_column = NULL;

  assert_kid_listed (fx, &busy);
  assert_kid_listed (fx, &idle);
  gtk_column_view_sort_by_column (cv, column_by_id (fx, "cpu"), GTK_SORT_DESCENDING);
  sort_column = g_settings_get_string (fx->settings, "sort-column");
  g_assert_cmpstr (sort_column, ==, "cpu");
  g_assert_true (g_settings_get_boolean (fx->settings, "sort-descending"));

  if (!wait_until (fx, ordered, &order, 10))
    g_error ("after 10 ticks the busy child (%.1f %%) is not above the idle one (%.1f %%)",
             cpu_value (ts_process_list_lookup (list, busy.pid)),
             cpu_value (ts_process_list_lookup (list, idle.pid)));
  assert_descending (fx, cpu_value, "CPU %");
  save_screenshot (GTK_WIDGET (fx->window), NULL);
}

static void
test_sort_memory (Fixture *fx, gconstpointer data)
{
  TsUiKid hog = ts_ui_kid_spawn ("hog");
  TsUiKid idle = ts_ui_kid_spawn ("sleep");
  GtkColumnView *cv = ts_process_view_get_column_view (fx->view);
  Order order = { &hog, &idle, memory_value, (double) TS_UI_HOG_BYTES };
  g_autofree char *sort_column = NULL;

  assert_kid_listed (fx, &hog);
  assert_kid_listed (fx, &idle);
  gtk_column_view_sort_by_column (cv, column_by_id (fx, "memory"), GTK_SORT_DESCENDING);
  sort_column = g_settings_get_string (fx->settings, "sort-column");
  g_assert_cmpstr (sort_column, ==, "memory");
  g_assert_true (g_settings_get_boolean (fx->settings, "sort-descending"));

  /* USS is a slow field: up to TS_PROCESS_LIST_SLOW_EVERY ticks old. */
  if (!wait_until (fx, ordered, &order, 3 * TS_PROCESS_LIST_SLOW_EVERY))
    g_error ("the child with 64 MiB (%.0f bytes) is not above the idle one (%.0f bytes)",
             memory_value (ts_process_list_lookup (list, hog.pid)),
             memory_value (ts_process_list_lookup (list, idle.pid)));
  assert_descending (fx, memory_value, "memory");
  ts_process_view_select_pid (fx->view, hog.pid);
  save_screenshot (GTK_WIDGET (fx->window), NULL);
}

/* In the tree, the child is under this test process. */
static gboolean
kid_under_test (Fixture *fx, gpointer data)
{
  const TsUiKid *kid = data;
  g_autoptr(GtkTreeListRow) row = find_row (fx, kid->pid, NULL);
  g_autoptr(GtkTreeListRow) parent = NULL;

  if (row == NULL || gtk_tree_list_row_get_depth (row) == 0)
    return FALSE;
  parent = gtk_tree_list_row_get_parent (row);
  return parent != NULL && row_pid (parent) == getpid ();
}

/* Expands the rows of this process and its ancestors, should they be
 * collapsed; TRUE if it expanded any. */
static gboolean
expand_ancestors (Fixture *fx)
{
  g_autoptr(GHashTable) chain = g_hash_table_new (NULL, NULL);
  GListModel *model = view_model (fx);
  gboolean expanded = FALSE;
  TsProcess *p = ts_process_list_lookup (list, getpid ());

  for (guint depth = 0; p != NULL && depth < 64; depth++)
    {
      g_hash_table_add (chain, GINT_TO_POINTER (ts_process_get_pid (p)));
      p = ts_process_list_lookup (list, ts_process_get_ppid (p));
    }
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);

      if (g_hash_table_contains (chain, GINT_TO_POINTER (row_pid (row)))
          && gtk_tree_list_row_is_expandable (row) && !gtk_tree_list_row_get_expanded (row))
        {
          gtk_tree_list_row_set_expanded (row, TRUE);
          expanded = TRUE;
        }
    }
  return expanded;
}

static void
test_tree (Fixture *fx, gconstpointer data)
{
  TsUiKid kid = ts_ui_kid_spawn ("sleep");

  assert_kid_listed (fx, &kid);
  g_settings_set_boolean (fx->settings, "tree-view", TRUE);
  drain_main_context ();

  if (!wait_until (fx, kid_under_test, &kid, 4))
    {
      /* The model autoexpands in tree mode; if rows came collapsed, say so
       * and expand the chain by hand. */
      if (expand_ancestors (fx))
        g_test_message ("tree rows were collapsed: expanded the test's ancestors");
      if (!wait_until (fx, kid_under_test, &kid, 4))
        g_error ("child %d is not shown under the test process %d in the tree",
                 (int) kid.pid, (int) getpid ());
    }

  /* Tree mode reads the setting, not only the toggle. */
  g_assert_true (g_settings_get_boolean (fx->settings, "tree-view"));
  g_assert_true (ts_process_view_select_pid (fx->view, kid.pid));
  save_screenshot (GTK_WIDGET (fx->window), NULL);

  /* And back to the flat list: every row at depth 0. */
  g_settings_set_boolean (fx->settings, "tree-view", FALSE);
  drain_main_context ();
  {
    g_autoptr(GtkTreeListRow) row = find_row (fx, kid.pid, NULL);

    g_assert_nonnull (row);
    g_assert_cmpuint (gtk_tree_list_row_get_depth (row), ==, 0);
  }
}

typedef struct
{
  pid_t       pid;
  const char *state;
} StateWant;

static gboolean
state_is (Fixture *fx, gpointer data)
{
  StateWant *want = data;
  TsProcess *p = ts_process_list_lookup (list, want->pid);

  return p != NULL && g_strcmp0 (ts_process_get_state_name (p), want->state) == 0;
}

static void
select_kid (Fixture *fx, const TsUiKid *kid)
{
  g_autoptr(GPtrArray) selected = NULL;

  g_assert_true (ts_process_view_select_pid (fx->view, kid->pid));
  selected = ts_process_view_get_selected (fx->view);
  g_assert_cmpuint (selected->len, ==, 1);
  g_assert_cmpint (ts_process_get_pid (g_ptr_array_index (selected, 0)), ==, kid->pid);
}

/* The row of pid is within the scrolled window's visible range (rows have
 * one height here, so the adjustment maps linearly onto positions). */
static void
assert_row_on_screen (Fixture *fx, TsPid pid, const char *when)
{
  GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (ts_process_view_get_column_view (fx->view)));
  guint n = g_list_model_get_n_items (view_model (fx));
  g_autoptr(GtkTreeListRow) row = NULL;
  double row_height, top, bottom;
  guint pos = 0;

  wait_frames (GTK_WIDGET (fx->window), 3);
  row = find_row (fx, pid, &pos);
  g_assert_nonnull (row);
  row_height = gtk_adjustment_get_upper (vadj) / MAX (n, 1);
  top = gtk_adjustment_get_value (vadj);
  bottom = top + gtk_adjustment_get_page_size (vadj);
  if (pos * row_height < top - row_height || (pos + 1) * row_height > bottom + row_height)
    g_error ("%s: row %u of %u (PID %d) is off screen: rows %.0f to %.0f are shown", when, pos, n,
             (int) pid, top / row_height, bottom / row_height);
}

static void
test_stop_continue (Fixture *fx, gconstpointer data)
{
  TsUiKid kid = ts_ui_kid_spawn ("sleep");
  StateWant stopped = { kid.pid, "stopped" };
  StateWant sleeping = { kid.pid, "sleeping" };

  assert_kid_listed (fx, &kid);
  select_kid (fx, &kid);
  /* Selecting scrolls the row into view, and refreshes keep it there. */
  assert_row_on_screen (fx, kid.pid, "after select_pid");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->view), "proc.stop", NULL));
  if (!wait_until (fx, state_is, &stopped, 6))
    g_error ("child %d is “%s”, not stopped, 6 ticks after proc.stop", (int) kid.pid,
             ts_process_get_state_name (ts_process_list_lookup (list, kid.pid)));
  assert_row_on_screen (fx, kid.pid, "after refreshes");
  save_screenshot (GTK_WIDGET (fx->window), "stopped");

  select_kid (fx, &kid);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->view), "proc.continue", NULL));
  if (!wait_until (fx, state_is, &sleeping, 6))
    g_error ("child %d is “%s”, not sleeping, 6 ticks after proc.continue", (int) kid.pid,
             ts_process_get_state_name (ts_process_list_lookup (list, kid.pid)));
  g_assert_true (ts_ui_kid_alive (kid.pid));
}

static gboolean
kid_gone (Fixture *fx, gpointer data)
{
  const TsUiKid *kid = data;
  g_autoptr(GtkTreeListRow) row = find_row (fx, kid->pid, NULL);

  return row == NULL && ts_process_list_lookup (list, kid->pid) == NULL;
}

static void
test_end (Fixture *fx, gconstpointer data)
{
  TsUiKid kid = ts_ui_kid_spawn ("sleep");
  int status;

  g_settings_set_boolean (fx->settings, "confirm-end", FALSE);
  assert_kid_listed (fx, &kid);
  select_kid (fx, &kid);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->view), "proc.end", NULL));
  g_assert_null (find_message_dialog ());
  /* Reap first: until then the child is a zombie, which is still listed. */
  status = ts_ui_kid_reap (kid.pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGTERM);

  if (!wait_until (fx, kid_gone, &kid, 4))
    g_error ("child %d still shown 4 ticks after it was reaped", (int) kid.pid);
  {
    g_autoptr(GPtrArray) selected = ts_process_view_get_selected (fx->view);

    g_assert_cmpuint (selected->len, ==, 0);
  }
  save_screenshot (GTK_WIDGET (fx->window), NULL);
}

static void
test_end_confirm (Fixture *fx, gconstpointer data)
{
  TsUiKid kid = ts_ui_kid_spawn ("sleep");
  AdwMessageDialog *dialog = NULL;
  g_autofree char *pid_text = NULL;
  g_autoptr(GtkTreeListRow) row = NULL;
  gint64 deadline;

  g_assert_true (g_settings_get_boolean (fx->settings, "confirm-end"));
  assert_kid_listed (fx, &kid);
  select_kid (fx, &kid);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->view), "proc.end", NULL));
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while ((dialog = find_message_dialog ()) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (dialog);

  pid_text = g_strdup_printf ("PID %d", (int) kid.pid);
  g_test_message ("heading: %s", adw_message_dialog_get_heading (dialog));
  g_test_message ("body: %s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), kid.name));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), kid.name));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), pid_text));
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  g_assert_true (adw_message_dialog_has_response (dialog, "confirm"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fx->window));
  g_assert_true (ts_ui_kid_alive (kid.pid));  /* nothing sent before the answer */

  save_screenshot (GTK_WIDGET (dialog), "dialog");
  save_screenshot (GTK_WIDGET (fx->window), NULL);

  adw_message_dialog_response (dialog, "cancel");
  if (find_message_dialog () == dialog)
    gtk_window_destroy (GTK_WINDOW (dialog));
  drain_main_context ();

  g_assert_true (wait_refresh ());
  g_assert_true (wait_refresh ());
  g_assert_true (ts_ui_kid_alive (kid.pid));
  row = find_row (fx, kid.pid, NULL);
  g_assert_nonnull (row);
  g_assert_cmpstr (ts_process_get_state_name (ts_process_list_lookup (list, kid.pid)), ==, "sleeping");
}

static void
test_pid_reuse_guard (Fixture *fx, gconstpointer data)
{
  TsUiKid kid = ts_ui_kid_spawn ("sleep");
  TsPlatform *platform = ts_process_list_get_platform (list);
  TsPlatformError err = { 0 };
  guint64 start;
  char text[512];
  int status;

  g_assert_nonnull (platform);
  assert_kid_listed (fx, &kid);
  start = ts_process_get_start_ticks (ts_process_list_lookup (list, kid.pid));

  /* Another start time is another process that had this PID: refused. */
  g_assert_false (ts_platform_send_signal (platform, kid.pid, start + 1, SIGKILL, &err));
  ts_platform_error_format (&err, text, sizeof text);
  g_test_message ("refused: %s", text);
  g_assert_true (ts_ui_kid_alive (kid.pid));

  g_assert_true (ts_platform_send_signal (platform, kid.pid, start, SIGTERM, &err));
  status = ts_ui_kid_reap (kid.pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGTERM);
  save_screenshot (GTK_WIDGET (fx->window), NULL);
}

/* ---------------------------------------------------------------- main */

#define ADD(path, func) \
  g_test_add ("/ui/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

/* Enter or a double click on a row ("activate") opens its details:
 * app.show-process with the row's PID (TsApplication opens the window). */
static void
test_properties (Fixture *fx, gconstpointer data)
{
  TsUiKid kid = ts_ui_kid_spawn ("sleep");
  GtkColumnView *cv = ts_process_view_get_column_view (fx->view);
  guint pos = 0;

  assert_kid_listed (fx, &kid);
  g_assert_true (ts_process_view_select_pid (fx->view, kid.pid));
  {
    g_autoptr(GtkTreeListRow) row = find_row (fx, kid.pid, &pos);
    g_assert_nonnull (row);
  }
  shown_pid = 0;
  g_signal_emit_by_name (cv, "activate", pos);
  g_assert_cmpint (shown_pid, ==, kid.pid);

  /* Alt+Enter and the menu item go through the same action. */
  shown_pid = 0;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->view), "proc.properties", NULL));
  g_assert_cmpint (shown_pid, ==, kid.pid);
}

/* Pages added after Processes; the remembered page is shown once it exists,
 * and the search and tree buttons belong to Processes only. */
static void
test_pages (Fixture *fx, gconstpointer data)
{
  TsWindow *window;
  GtkWidget *search = NULL;

  g_settings_set_string (fx->settings, "last-page", "sensors");
  window = ts_window_new (GTK_APPLICATION (app), list);
  g_assert_cmpstr (ts_window_get_page (window), ==, "processes");
  ts_window_add_page (window, gtk_label_new ("r"), "resources", "Resources", "computer-symbolic");
  g_assert_cmpstr (ts_window_get_page (window), ==, "processes");
  ts_window_add_page (window, gtk_label_new ("s"), "sensors", "Sensors", "computer-symbolic");
  g_assert_cmpstr (ts_window_get_page (window), ==, "sensors");
  g_assert_false (ts_window_set_page (window, "nosuch"));
  g_assert_cmpstr (ts_window_get_page (window), ==, "sensors");

  /* The first toggle button in the header is the search. */
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (window)); w != NULL && search == NULL; )
    {
      if (GTK_IS_TOGGLE_BUTTON (w) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (w)), "system-search-symbolic") == 0)
        search = w;
      else if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w != NULL ? gtk_widget_get_next_sibling (w) : NULL;
        }
    }
  g_assert_nonnull (search);
  g_assert_false (gtk_widget_get_visible (search));
  g_assert_true (ts_window_set_page (window, "processes"));
  g_assert_true (gtk_widget_get_visible (search));
  g_assert_cmpstr (g_settings_get_string (fx->settings, "last-page"), ==, "processes");

  for (guint i = 0; i < G_N_ELEMENTS (window_setting_actions); i++)
    g_action_map_remove_action (G_ACTION_MAP (window), window_setting_actions[i]);
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_context ();
}

static void
show_process_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  shown_pid = g_variant_get_int32 (param);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;
  const char *display;

  if (argc == 5 && strcmp (argv[1], TS_UI_KID_FLAG) == 0)
    return ts_ui_kid_main (argv[2], argv[3], atoi (argv[4]));

  g_test_init (&argc, &argv, NULL);
  ts_ui_kids_init ();

  /* Never skip into green: without a display the suite fails, saying why. */
  display = g_getenv ("DISPLAY");
  if (display == NULL || *display == '\0')
    return ts_ui_fail_setup ("/ui/setup", g_strdup ("DISPLAY is not set: the ui suite needs an X server; run it under "
                               "`dbus-run-session -- xvfb-run -a meson test --suite ui` "
                               "(build-aux/test.sh does)"));
  if (!gtk_init_check ())
    return ts_ui_fail_setup ("/ui/setup", g_strdup_printf ("cannot open the display “%s” (GDK_BACKEND=%s)", display,
                                      g_getenv ("GDK_BACKEND") ? g_getenv ("GDK_BACKEND") : "unset"));

  source = g_settings_schema_source_get_default ();
  schema = source != NULL ? g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE) : NULL;
  if (schema == NULL)
    return ts_ui_fail_setup ("/ui/setup", g_strdup_printf ("the GSettings schema %s is not found (GSETTINGS_SCHEMA_DIR=%s)",
                                      APPLICATION_ID, g_getenv ("GSETTINGS_SCHEMA_DIR") ?: "unset"));

  /* A window needs a registered application (startup also runs adw_init). */
  app = adw_application_new (TEST_APP_ID, G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    return ts_ui_fail_setup ("/ui/setup", g_strdup_printf ("cannot register the application: %s", error->message));

  {
    static const GActionEntry actions[] = {
      { .name = "show-process", .activate = show_process_activated, .parameter_type = "i" },
    };
    g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), NULL);
  }

  list = ts_process_list_new (NULL, NULL);
  ts_process_list_set_interval (list, 500);
  ts_process_list_start (list);

  ADD ("window/opens", test_opens);
  ADD ("processes/search", test_search);
  ADD ("processes/sort-cpu", test_sort_cpu);
  ADD ("processes/sort-memory", test_sort_memory);
  ADD ("processes/tree", test_tree);
  ADD ("actions/stop-continue", test_stop_continue);
  ADD ("actions/end", test_end);
  ADD ("actions/end-confirm", test_end_confirm);
  ADD ("actions/pid-reuse-guard", test_pid_reuse_guard);
  ADD ("actions/properties", test_properties);
  ADD ("window/pages", test_pages);

  return g_test_run ();
}
