/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Suite `ui`: the Environment page (TsEnvPage) in a window under Xvfb, over
 * a TsProcessDetails of a `sleep` the test spawns with an environment it
 * chose: variables it added, one it changed and one it removed compared
 * with its own, invalid UTF-8, a 100 kB value, and a second child with
 * 10,000 more.  Also the fixture tree's PID 5000 and a denied read.
 * Screenshots, light and dark, go to TS_ARTEFACTS_DIR.
 */
#define G_LOG_DOMAIN "test-env-page"

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ts-env-page.h"
#include "ts-environment.h"
#include "ts-process-details.h"
#include "ts-ui-util.h"

#define TEST_APP_ID "io.github.taskscope.Taskscope.EnvPageTest"
#define WAIT_MS     10000
#define LONG_LEN    (100 * 1024)
#define BULK_N      10000

/* The variable of the test's own environment that the child gets with
 * another value (the ui suite always sets it, see tests/ui/meson.build), and
 * the one the child does not get. */
#define CHANGED_NAME "GDK_BACKEND"
#define REMOVED_NAME "NO_AT_BRIDGE"

static AdwApplication *app;

/* ------------------------------------------------------------- waiting */

/* Runs the main loop until details emits signal (connected before the
 * action that causes it: the caller passes the action as a callback). */
static void
wait_signal (gpointer     instance,
             const char  *signal,
             void       (*start) (gpointer),
             gpointer     start_data)
{
  gboolean done = FALSE, timed_out = FALSE;
  gulong id = g_signal_connect_swapped (instance, signal, G_CALLBACK (set_flag), &done);
  guint timeout = g_timeout_add (WAIT_MS, set_flag_source, &timed_out);

  if (start != NULL)
    start (start_data);
  while (!done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (instance, id);
  if (!timed_out)
    g_source_remove (timeout);
  if (!done)
    g_error ("no “%s” within %d ms", signal, WAIT_MS);
}

/* ------------------------------------------------------------ children */

static void
child_setup (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

/* `sleep 600` with exactly envp as its environment. */
static GSubprocess *
spawn_sleep (char **envp)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GError) error = NULL;
  GSubprocess *child;

  g_subprocess_launcher_set_environ (launcher, envp);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);
  child = g_subprocess_launcher_spawn (launcher, &error, "sleep", "600", NULL);
  g_assert_no_error (error);
  g_test_message ("child sleep: PID %s", g_subprocess_get_identifier (child));
  return child;
}

static void
kill_child (GSubprocess *child)
{
  g_subprocess_force_exit (child);
  g_assert_true (g_subprocess_wait (child, NULL, NULL));
}

/* The test's own environment as the kernel keeps it (what the page compares
 * the child's with), not as setenv may have changed it since. */
static char *
own_initial_value (const char *name)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  gsize name_len = strlen (name);

  g_assert_true (g_file_get_contents ("/proc/self/environ", &data, &len, NULL));
  for (gsize i = 0; i < len; i += strlen (data + i) + 1)
    if (strncmp (data + i, name, name_len) == 0 && data[i + name_len] == '=')
      return g_strdup (data + i + name_len + 1);
  return NULL;
}

/* ------------------------------------------------------------- fixture */

typedef struct
{
  GtkWindow        *window;
  TsEnvPage        *page;
  TsProcessDetails *details;
  GSubprocess      *child;
  char            **envp;      /* the child's */
  char             *added;     /* value of TS_ENV_TEST_ADDED */
  char             *unique;    /* value of TS_ENV_TEST_UNIQUE */
} Fixture;

static void
fixture_setup (Fixture *fx, gconstpointer data)
{
  fx->window = GTK_WINDOW (gtk_application_window_new (GTK_APPLICATION (app)));
  gtk_window_set_default_size (fx->window, 980, 640);
  fx->page = TS_ENV_PAGE (ts_env_page_new ());
  gtk_window_set_child (fx->window, GTK_WIDGET (fx->page));
  gtk_window_present (fx->window);
  wait_frames (GTK_WIDGET (fx->window), 2);
}

static void
fixture_teardown (Fixture *fx, gconstpointer data)
{
  ts_env_page_set_details (fx->page, NULL);
  gtk_window_destroy (fx->window);
  if (fx->child != NULL)
    kill_child (fx->child);
  g_clear_object (&fx->child);
  g_clear_object (&fx->details);
  g_clear_pointer (&fx->envp, g_strfreev);
  g_free (fx->added);
  g_free (fx->unique);
  for (guint i = 0; i < 100 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static void
reload_cb (gpointer data)
{
  Fixture *fx = data;

  ts_env_page_set_details (fx->page, fx->details);
  /* The read runs in a worker: until it is back, the page says so. */
  g_assert_cmpstr (ts_env_page_get_visible_state (fx->page), ==, "status");
  g_assert_cmpstr (adw_status_page_get_title (ts_env_page_get_status_page (fx->page)), ==, "Loading…");
}

/* Shows details on the page and waits for its environment. */
static void
show_details (Fixture *fx, TsProcessDetails *details)
{
  fx->details = details;
  g_assert_false (ts_process_details_get_environment_loaded (details));
  wait_signal (details, "environment-changed", reload_cb, fx);
  g_assert_true (ts_process_details_get_environment_loaded (details));
  wait_frames (GTK_WIDGET (fx->window), 2);
}

/* A child with the known variables, shown on the page. */
static void
setup_known_child (Fixture *fx)
{
  g_autofree char *long_value = g_malloc (LONG_LEN + 1);
  g_autofree char *changed = own_initial_value (CHANGED_NAME);
  g_autofree char *removed = own_initial_value (REMOVED_NAME);

  if (changed == NULL || removed == NULL)
    g_error ("the test's environment lacks %s or %s (tests/ui/meson.build sets them)", CHANGED_NAME, REMOVED_NAME);
  for (gsize i = 0; i < LONG_LEN; i++)
    long_value[i] = "/usr/local/sbin:"[i % 16];
  long_value[LONG_LEN] = '\0';

  fx->added = g_strdup_printf ("added-by-test-%d", (int) getpid ());
  fx->unique = g_strdup_printf ("zq-Unique-%d", g_random_int_range (100000, 999999));
  fx->envp = g_get_environ ();
  fx->envp = g_environ_setenv (fx->envp, "TS_ENV_TEST_ADDED", fx->added, TRUE);
  fx->envp = g_environ_setenv (fx->envp, "TS_ENV_TEST_UNIQUE", fx->unique, TRUE);
  fx->envp = g_environ_setenv (fx->envp, "TS_ENV_TEST_QUOTE", "it's", TRUE);
  fx->envp = g_environ_setenv (fx->envp, "TS_ENV_TEST_BAD", "ab\xff\xfe" "cd", TRUE);
  fx->envp = g_environ_setenv (fx->envp, "TS_ENV_TEST_LONG", long_value, TRUE);
  fx->envp = g_environ_setenv (fx->envp, CHANGED_NAME, "changed-by-test", TRUE);
  fx->envp = g_environ_unsetenv (fx->envp, REMOVED_NAME);
  fx->child = spawn_sleep (fx->envp);

  show_details (fx, ts_process_details_new (NULL, atoi (g_subprocess_get_identifier (fx->child)), 0));
  g_assert_cmpstr (ts_env_page_get_visible_state (fx->page), ==, "list");
}

/* ------------------------------------------------------------- helpers */

typedef struct
{
  const char *want;
  gboolean    done;
} SearchWait;

static void
search_changed_cb (GtkEditable *entry, SearchWait *w)
{
  /* set_text deletes, then inserts: the first report can be of "". */
  if (strcmp (gtk_editable_get_text (entry), w->want) == 0)
    w->done = TRUE;
}

static void
set_filter (Fixture *fx, const char *text)
{
  GtkEditable *entry = ts_env_page_get_search_entry (fx->page);
  SearchWait w = { text, FALSE };
  gulong id = g_signal_connect (entry, "search-changed", G_CALLBACK (search_changed_cb), &w);

  gtk_editable_set_text (entry, text);
  /* GtkSearchEntry reports after a short delay. */
  while (!w.done)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (entry, id);
  wait_frames (GTK_WIDGET (fx->window), 2);
}

/* Position of name in the page's rows, or -1. */
static int
find_name (Fixture *fx, const char *name)
{
  GListModel *model = ts_env_page_get_model (fx->page);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TsEnvVar) v = g_list_model_get_item (model, i);

      if (strcmp (ts_env_var_get_name (v), name) == 0)
        return (int) i;
    }
  return -1;
}

static TsEnvVar *
var_at (Fixture *fx, int pos)
{
  g_assert_cmpint (pos, >=, 0);
  return g_list_model_get_item (ts_env_page_get_model (fx->page), (guint) pos);
}

/* Texts of the visible labels under widget, "|"-joined, in tree order. */
static void
collect_labels (GtkWidget *widget, GString *out, const char *css_class)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget) && (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    g_string_append_printf (out, "%s|", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_labels (c, out, css_class);
}

static char *
row_labels (Fixture *fx, const char *css_class)
{
  GString *out = g_string_new (NULL);

  collect_labels (GTK_WIDGET (ts_env_page_get_column_view (fx->page)), out, css_class);
  return g_string_free (out, FALSE);
}

static GtkWidget *
find_actionable (GtkWidget *widget, const char *action)
{
  if (GTK_IS_ACTIONABLE (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_actionable (c, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
read_text_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  char **out = data;
  g_autoptr(GError) error = NULL;

  *out = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
  if (*out == NULL)
    *out = g_strdup ("");
}

static char *
clipboard_text (Fixture *fx)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (fx->page)), NULL, read_text_cb, &text);
  while (text == NULL)
    g_main_context_iteration (NULL, TRUE);
  return text;
}

static char *
copy_row (Fixture *fx, const char *name, const char *action)
{
  int pos = find_name (fx, name);

  g_assert_cmpint (pos, >=, 0);
  gtk_single_selection_set_selected (ts_env_page_get_selection (fx->page), (guint) pos);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->page), action, NULL));
  return clipboard_text (fx);
}

/* ---------------------------------------------------------------- tests */

static void
test_known (Fixture *fx, gconstpointer data)
{
  guint n;
  g_autofree char *count = NULL;
  g_autofree char *count1 = NULL;
  const char *known[] = { "TS_ENV_TEST_ADDED", "TS_ENV_TEST_UNIQUE", "TS_ENV_TEST_QUOTE",
                          "TS_ENV_TEST_BAD", "TS_ENV_TEST_LONG", CHANGED_NAME };
  g_autoptr(TsEnvVar) bad = NULL;
  g_autoptr(TsEnvVar) lng = NULL;
  g_autoptr(TsEnvVar) unique = NULL;

  setup_known_child (fx);
  n = g_strv_length (fx->envp);
  count = g_strdup_printf ("%u variables", n);
  count1 = g_strdup_printf ("1 of %u variables", n);

  g_assert_cmpstr (ts_env_page_get_count_text (fx->page), ==, count);
  g_assert_cmpuint (g_list_model_get_n_items (ts_env_page_get_model (fx->page)), ==, n);
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (find_name (fx, known[i]) < 0)
      g_error ("%s is not among the page's rows", known[i]);
  g_assert_cmpint (find_name (fx, REMOVED_NAME), ==, -1);
  g_assert_null (ts_env_page_get_diff_text (fx->page));

  bad = var_at (fx, find_name (fx, "TS_ENV_TEST_BAD"));
  g_assert_true (ts_env_var_get_invalid_utf8 (bad));
  g_assert_nonnull (strstr (ts_env_var_get_value (bad), "\xef\xbf\xbd"));
  lng = var_at (fx, find_name (fx, "TS_ENV_TEST_LONG"));
  g_assert_cmpuint (strlen (ts_env_var_get_value (lng)), ==, LONG_LEN);

  /* Rows are sorted by name. */
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(TsEnvVar) a = var_at (fx, (int) i - 1);
      g_autoptr(TsEnvVar) b = var_at (fx, (int) i);

      g_assert_cmpint (strcmp (ts_env_var_get_name (a), ts_env_var_get_name (b)), <=, 0);
    }

  /* A 100 kB value leaves the window as wide as it was. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fx->window)), <=, 1000);

  /* The filter looks at values too, case-insensitively. */
  {
    g_autofree char *upper = g_ascii_strup (fx->unique, -1);

    set_filter (fx, upper);
  }
  g_assert_cmpuint (g_list_model_get_n_items (ts_env_page_get_model (fx->page)), ==, 1);
  unique = var_at (fx, 0);
  g_assert_cmpstr (ts_env_var_get_name (unique), ==, "TS_ENV_TEST_UNIQUE");
  g_assert_cmpstr (ts_env_page_get_count_text (fx->page), ==, count1);
  {
    g_autofree char *labels = row_labels (fx, NULL);

    g_assert_nonnull (strstr (labels, "TS_ENV_TEST_UNIQUE|"));
    g_assert_nonnull (strstr (labels, fx->unique));
  }

  set_filter (fx, "no-such-variable-anywhere-\xc3\xa9");
  g_assert_cmpstr (ts_env_page_get_visible_state (fx->page), ==, "status");
  g_assert_cmpstr (adw_status_page_get_title (ts_env_page_get_status_page (fx->page)), ==, "No Matches");
  set_filter (fx, "");
  g_assert_cmpstr (ts_env_page_get_visible_state (fx->page), ==, "list");
  g_assert_cmpstr (ts_env_page_get_count_text (fx->page), ==, count);

  /* Scrolled to the long value: the page keeps its width. */
  set_filter (fx, "TS_ENV_TEST_");
  g_assert_cmpuint (g_list_model_get_n_items (ts_env_page_get_model (fx->page)), ==, 5);
  save_screenshots (GTK_WIDGET (fx->window), "filtered");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fx->window)), <=, 1000);
  {
    g_autofree char *labels = row_labels (fx, NULL);

    g_assert_nonnull (strstr (labels, "TS_ENV_TEST_LONG|/usr/local/sbin:/usr/local/sbin:"));
  }
}

static void
test_compare (Fixture *fx, gconstpointer data)
{
  g_autofree char *own = NULL;
  g_autofree char *parent_line = NULL;
  g_autofree char *pid_text = g_strdup_printf ("PID %d", (int) getpid ());

  setup_known_child (fx);
  own = own_initial_value (CHANGED_NAME);

  /* Off: no marks anywhere. */
  {
    g_autofree char *marks = row_labels (fx, "ts-env-mark");

    g_assert_cmpstr (marks, ==, "");
  }

  ts_env_page_set_compare (fx->page, TRUE);
  g_assert_nonnull (ts_env_page_get_diff_text (fx->page));
  g_assert_nonnull (strstr (ts_env_page_get_diff_text (fx->page), pid_text));
  g_assert_cmpint (ts_process_details_get_environment_parent (fx->details), ==, getpid ());

  set_filter (fx, "TS_ENV_TEST_ADDED");
  g_assert_cmpuint (g_list_model_get_n_items (ts_env_page_get_model (fx->page)), ==, 1);
  {
    g_autoptr(TsEnvVar) v = var_at (fx, 0);
    g_autofree char *marks = row_labels (fx, "ts-env-mark");

    g_assert_cmpint (ts_env_var_get_diff (v), ==, TS_ENV_ADDED);
    g_assert_cmpstr (marks, ==, "Added|");
  }

  set_filter (fx, CHANGED_NAME);
  {
    int pos = find_name (fx, CHANGED_NAME);
    g_autoptr(TsEnvVar) v = var_at (fx, pos);
    g_autofree char *marks = row_labels (fx, "ts-env-mark");
    g_autofree char *labels = row_labels (fx, NULL);

    g_assert_cmpint (ts_env_var_get_diff (v), ==, TS_ENV_CHANGED);
    g_assert_cmpstr (ts_env_var_get_parent_value (v), ==, own);
    g_assert_nonnull (strstr (marks, "Changed|"));
    parent_line = g_strdup_printf ("Parent: %s|", own);
    g_assert_nonnull (strstr (labels, parent_line));
  }

  /* Removed entries show only with compare on. */
  set_filter (fx, REMOVED_NAME);
  {
    int pos = find_name (fx, REMOVED_NAME);
    g_autoptr(TsEnvVar) v = var_at (fx, pos);
    g_autofree char *marks = row_labels (fx, "ts-env-mark");

    g_assert_cmpint (ts_env_var_get_diff (v), ==, TS_ENV_REMOVED);
    g_assert_cmpstr (marks, ==, "Removed|");
    /* Not the process's: not counted. */
    g_assert_true (g_str_has_prefix (ts_env_page_get_count_text (fx->page), "0 of "));
  }
  ts_env_page_set_compare (fx->page, FALSE);
  wait_frames (GTK_WIDGET (fx->window), 2);
  g_assert_cmpint (find_name (fx, REMOVED_NAME), ==, -1);
  g_assert_cmpstr (ts_env_page_get_visible_state (fx->page), ==, "status");
  ts_env_page_set_compare (fx->page, TRUE);
  g_assert_cmpint (find_name (fx, REMOVED_NAME), >=, 0);

  set_filter (fx, "TS_ENV_TEST");
  save_screenshots (GTK_WIDGET (fx->window), "compare");
  set_filter (fx, "");
  ts_env_page_set_compare (fx->page, FALSE);
  {
    g_autofree char *marks = row_labels (fx, "ts-env-mark");

    g_assert_cmpstr (marks, ==, "");
  }
}

static void
save_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ts_env_page_save_finish (TS_ENV_PAGE (source), result, &error));
  g_assert_no_error (error);
  *(gboolean *) data = TRUE;
}

static void
test_copy (Fixture *fx, gconstpointer data)
{
  g_autofree char *text = NULL;
  g_autofree char *added_line = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;
  gsize len;

  setup_known_child (fx);

  text = copy_row (fx, "TS_ENV_TEST_ADDED", "env.copy-value");
  g_assert_cmpstr (text, ==, fx->added);
  g_clear_pointer (&text, g_free);

  text = copy_row (fx, "TS_ENV_TEST_UNIQUE", "env.copy-line");
  added_line = g_strdup_printf ("TS_ENV_TEST_UNIQUE=%s", fx->unique);
  g_assert_cmpstr (text, ==, added_line);
  g_clear_pointer (&text, g_free);

  /* The clipboard has the display form: U+FFFD for the bad bytes. */
  text = copy_row (fx, "TS_ENV_TEST_BAD", "env.copy-line");
  g_assert_cmpstr (text, ==, "TS_ENV_TEST_BAD=ab\xef\xbf\xbd\xef\xbf\xbd" "cd");
  g_clear_pointer (&text, g_free);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->page), "env.copy-all", NULL));
  text = clipboard_text (fx);
  g_clear_pointer (&added_line, g_free);
  added_line = g_strdup_printf ("export TS_ENV_TEST_ADDED='%s'\n", fx->added);
  g_assert_nonnull (strstr (text, added_line));
  g_assert_nonnull (strstr (text, "\nexport TS_ENV_TEST_QUOTE='it'\\''s'\n"));
  g_assert_nonnull (strstr (text, "\nexport " CHANGED_NAME "='changed-by-test'\n"));
  g_assert_null (strstr (text, "export " REMOVED_NAME "="));
  g_assert_cmpuint (strlen (text), >, LONG_LEN);

  /* A file has the raw bytes. */
  tmpdir = g_dir_make_tmp ("ts-env-page-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (tmpdir, "env.sh", NULL);
  file = g_file_new_for_path (path);
  ts_env_page_save_async (fx->page, file, NULL, save_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_get_contents (path, &saved, &len, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (saved, "\nexport TS_ENV_TEST_BAD='ab\xff\xfe" "cd'\n"));
  g_assert_nonnull (strstr (saved, added_line));
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (tmpdir), ==, 0);
}

static void
update_cb (gpointer data)
{
  ts_process_details_update (data);
}

static void
test_exited (Fixture *fx, gconstpointer data)
{
  g_autofree char *count = NULL;
  GtkWidget *refresh;

  setup_known_child (fx);
  refresh = find_actionable (GTK_WIDGET (fx->page), "env.refresh");
  g_assert_nonnull (refresh);
  wait_signal (fx->details, "updated", update_cb, fx->details);
  g_assert_true (ts_process_details_get_alive (fx->details));
  g_assert_true (gtk_widget_get_sensitive (refresh));
  count = g_strdup (ts_env_page_get_count_text (fx->page));

  kill_child (fx->child);
  g_clear_object (&fx->child);
  wait_signal (fx->details, "updated", update_cb, fx->details);
  g_assert_false (ts_process_details_get_alive (fx->details));
  g_assert_false (gtk_widget_get_sensitive (refresh));
  g_assert_cmpstr (ts_env_page_get_visible_state (fx->page), ==, "list");
  g_assert_cmpstr (ts_env_page_get_count_text (fx->page), ==, count);
}

static void
test_bulk (Fixture *fx, gconstpointer data)
{
  g_auto(GStrv) envp = g_new0 (char *, BULK_N + 2);
  g_autofree char *count = g_strdup_printf ("%u variables", BULK_N + 1);
  g_autofree char *count1 = g_strdup_printf ("1 of %u variables", BULK_N + 1);
  g_autofree char *count2 = g_strdup_printf ("2 of %u variables", BULK_N + 1);
  g_autofree char *count10 = g_strdup_printf ("10 of %u variables", BULK_N + 1);
  g_autoptr(TsEnvVar) v = NULL;

  for (guint i = 0; i < BULK_N; i++)
    envp[i] = g_strdup_printf ("TS_BULK_%05u=value-%05u", i, i * 7);
  envp[BULK_N] = g_strdup ("PATH=/usr/bin:/bin");
  fx->child = spawn_sleep (envp);
  show_details (fx, ts_process_details_new (NULL, atoi (g_subprocess_get_identifier (fx->child)), 0));

  g_assert_cmpstr (ts_env_page_get_visible_state (fx->page), ==, "list");
  g_assert_cmpstr (ts_env_page_get_count_text (fx->page), ==, count);
  save_screenshots (GTK_WIDGET (fx->window), "all");

  set_filter (fx, "value-0700");          /* i * 7 = 7000 or 7007 */
  g_assert_cmpstr (ts_env_page_get_count_text (fx->page), ==, count2);
  set_filter (fx, "value-07000");
  g_assert_cmpstr (ts_env_page_get_count_text (fx->page), ==, count1);
  v = var_at (fx, 0);
  g_assert_cmpstr (ts_env_var_get_name (v), ==, "TS_BULK_01000");
  set_filter (fx, "ts_bulk_0999");
  g_assert_cmpstr (ts_env_page_get_count_text (fx->page), ==, count10);
  set_filter (fx, "");
  g_assert_cmpuint (g_list_model_get_n_items (ts_env_page_get_model (fx->page)), ==, BULK_N + 1);

  ts_env_page_set_compare (fx->page, TRUE);
  /* Everything but PATH is ADDED; the parent's others are REMOVED. */
  g_assert_nonnull (strstr (ts_env_page_get_diff_text (fx->page), "10000 added"));
  g_assert_cmpstr (ts_env_page_get_count_text (fx->page), ==, count);
}

static void
test_empty (Fixture *fx, gconstpointer data)
{
  char *envp[] = { NULL };

  fx->child = spawn_sleep (envp);
  show_details (fx, ts_process_details_new (NULL, atoi (g_subprocess_get_identifier (fx->child)), 0));
  g_assert_cmpstr (ts_env_page_get_visible_state (fx->page), ==, "status");
  g_assert_cmpstr (adw_status_page_get_title (ts_env_page_get_status_page (fx->page)), ==, "No Variables");
  g_assert_cmpstr (ts_env_page_get_count_text (fx->page), ==, "0 variables");
  /* With the parent's shown as removed, there are rows again. */
  ts_env_page_set_compare (fx->page, TRUE);
  g_assert_cmpstr (ts_env_page_get_visible_state (fx->page), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (ts_env_page_get_model (fx->page)), >, 0);
  g_assert_cmpstr (ts_env_page_get_count_text (fx->page), ==, "0 variables");
}

static void
test_fixture (Fixture *fx, gconstpointer data)
{
  g_autofree char *labels = NULL;
  g_autofree char *marks = NULL;
  int pos;

  show_details (fx, ts_process_details_new (TS_FIXTURES "/proc-basic", 5000, 0));
  g_assert_cmpstr (ts_env_page_get_visible_state (fx->page), ==, "list");
  g_assert_cmpstr (ts_env_page_get_count_text (fx->page), ==, "7 variables");

  pos = find_name (fx, "NOEQUALS");
  {
    g_autoptr(TsEnvVar) v = var_at (fx, pos);

    g_assert_false (ts_env_var_get_has_equals (v));
  }
  pos = find_name (fx, "BAD");
  {
    g_autoptr(TsEnvVar) v = var_at (fx, pos);

    g_assert_true (ts_env_var_get_invalid_utf8 (v));
  }

  ts_env_page_set_compare (fx->page, TRUE);
  g_assert_cmpint (ts_process_details_get_environment_parent (fx->details), ==, 1042);
  g_assert_cmpstr (ts_env_page_get_diff_text (fx->page), ==,
                   "Compared with the parent process (PID 1042): 5 added, 2 changed, 3 removed.");
  g_assert_cmpstr (ts_env_page_get_count_text (fx->page), ==, "7 variables");
  g_assert_cmpuint (g_list_model_get_n_items (ts_env_page_get_model (fx->page)), ==, 10);
  wait_frames (GTK_WIDGET (fx->window), 3);
  labels = row_labels (fx, NULL);
  g_test_message ("labels: %s", labels);
  g_assert_nonnull (strstr (labels, "NOEQUALS|Added|(no “=”)|"));
  g_assert_nonnull (strstr (labels, "Parent: /usr/local/bin:/usr/bin:/bin|"));
  marks = row_labels (fx, "ts-env-mark");
  g_assert_cmpstr (marks, ==, "Added|Added|Added|Removed|Changed|Added|Added|Changed|Removed|Removed|");
  save_screenshots (GTK_WIDGET (fx->window), NULL);
}

static void
reload_as_nobody (gpointer data)
{
  Fixture *fx = data;

  /* The worker thread opens environ while the effective uid is nobody's. */
  g_assert_cmpint (seteuid (65534), ==, 0);
  ts_env_page_set_details (fx->page, fx->details);
}

static void
test_denied (Fixture *fx, gconstpointer data)
{
  AdwStatusPage *status;
  const char *description;

  if (geteuid () == 0)
    {
      char **envp = g_get_environ ();

      fx->child = spawn_sleep (envp);
      g_strfreev (envp);
      fx->details = ts_process_details_new (NULL, atoi (g_subprocess_get_identifier (fx->child)), 0);
      wait_signal (fx->details, "environment-changed", reload_as_nobody, fx);
      g_assert_cmpint (seteuid (0), ==, 0);
    }
  else
    {
      g_assert_cmpint (getuid (), !=, 0);
      show_details (fx, ts_process_details_new (NULL, 1, 0));
    }

  wait_frames (GTK_WIDGET (fx->window), 2);
  status = ts_env_page_get_status_page (fx->page);
  description = adw_status_page_get_description (status);
  g_test_message ("denied: %s", description);
  g_assert_cmpstr (ts_env_page_get_visible_state (fx->page), ==, "status");
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "Environment Not Available");
  g_assert_nonnull (strstr (description, "/environ"));
  g_assert_nonnull (strstr (description, "EACCES"));
  g_assert_nonnull (strstr (description, "another user"));
  g_assert_cmpstr (ts_env_page_get_count_text (fx->page), ==, "");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (ts_env_page_get_search_entry (fx->page))));
  g_assert_false (gtk_widget_get_sensitive (find_actionable (GTK_WIDGET (fx->page), "env.compare")));
  save_screenshots (GTK_WIDGET (fx->window), NULL);
}

/* ---------------------------------------------------------------- main */

#define ADD(path, func) \
  g_test_add ("/env-page/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int argc, char **argv)
{
  char *why;

  g_test_init (&argc, &argv, NULL);

  why = ts_ui_init (TEST_APP_ID, &app);
  if (why != NULL)
    return ts_ui_fail_setup ("/env-page/setup", why);

  ADD ("known", test_known);
  ADD ("compare", test_compare);
  ADD ("copy", test_copy);
  ADD ("exited", test_exited);
  ADD ("bulk", test_bulk);
  ADD ("empty", test_empty);
  ADD ("fixture", test_fixture);
  ADD ("denied", test_denied);

  return g_test_run ();
}
