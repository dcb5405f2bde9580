/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Suite `ui`: the Open Files and Threads pages of the process details, each
 * in a window of its own under Xvfb, over TsProcessDetails of the fixture
 * tree (tests/fixtures/proc-basic/1042), of this test process itself, of a
 * child without descriptors and of a process this test may not read.
 * Screenshots go to TS_ARTEFACTS_DIR, light and dark.
 */
#define G_LOG_DOMAIN "test-files-threads"

#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <adwaita.h>

#include "ts-files-page.h"
#include "ts-open-file-item.h"
#include "ts-thread-item.h"
#include "ts-threads-page.h"
#include "ts-ui-kids.h"
#include "ts-ui-util.h"

#define UPDATE_TIMEOUT_MS 10000

/* ------------------------------------------------------------- waiting */

/* Starts a read and runs the main loop until its "updated" (the pages
 * connected first, so they have handled it by then). */
static void
update_and_wait (TsProcessDetails *details)
{
  gboolean done = FALSE, timed_out = FALSE;
  gulong id = g_signal_connect_swapped (details, "updated", G_CALLBACK (set_flag), &done);
  guint timeout = g_timeout_add (UPDATE_TIMEOUT_MS, set_flag_source, &timed_out);

  ts_process_details_update (details);
  while (!done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (details, id);
  if (timed_out)
    g_error ("no \"updated\" within %d ms", UPDATE_TIMEOUT_MS);
  g_source_remove (timeout);
}

/* ----------------------------------------------------------- the window */

static GtkWindow *
window_for (GtkWidget *page)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 720, 400);
  gtk_window_set_child (window, page);
  gtk_window_present (window);
  wait_frames (GTK_WIDGET (window), 2);
  return window;
}

/* A visible label under widget whose text is text, or NULL. */
static GtkLabel *
find_label (GtkWidget *widget, const char *text)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return GTK_LABEL (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *found = find_label (c, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
assert_icon_exists (GtkWidget *widget, const char *name)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));

  if (!gtk_icon_theme_has_icon (theme, name))
    g_error ("the icon theme “%s” has no icon %s", gtk_icon_theme_get_theme_name (theme), name);
}

static void
keep_result_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static char *
read_clipboard (GtkWidget *widget)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *text;

  gdk_clipboard_read_text_async (clipboard, NULL, keep_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  text = gdk_clipboard_read_text_finish (clipboard, result, &error);
  g_assert_no_error (error);
  return text;
}

/* ---------------------------------------------------------------- models */

static TsOpenFileItem *
file_with_fd (TsFilesPage *page, int fd)
{
  GListModel *model = ts_files_page_get_model (page);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TsOpenFileItem) item = g_list_model_get_item (model, i);

      if (ts_open_file_item_get_fd (item) == fd)
        return item;  /* the model keeps a reference */
    }
  return NULL;
}

static guint
position_of (GListModel *model, gpointer wanted)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (item == wanted)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static TsThreadItem *
thread_named (TsThreadsPage *page, const char *name)
{
  GListModel *model = ts_threads_page_get_model (page);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TsThreadItem) item = g_list_model_get_item (model, i);

      if (strcmp (ts_thread_item_get_name (item), name) == 0)
        return item;
    }
  return NULL;
}

static GtkColumnViewColumn *
column_titled (GtkColumnView *view, const char *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (strcmp (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }
  g_error ("no column %s", title);
}

/* ------------------------------------------------------- fixture: files */

typedef struct
{
  int         fd;
  TsFdKind    kind;
  const char *path;
  const char *mode;
  gint64      position;
  gboolean    deleted;
} ExpectedFile;

/* tests/fixtures/proc-basic/1042/fd and fdinfo. */
static const ExpectedFile fixture_files[] = {
  { 0,  TS_FD_FILE,       "/dev/pts/3",                     "r+", 0,    FALSE },
  { 1,  TS_FD_FILE,       "/dev/pts/3",                     "w",  100,  FALSE },
  { 3,  TS_FD_FILE,       "/home/alice/src/site/db.sqlite", "r+", 300,  FALSE },
  { 4,  TS_FD_SOCKET,     "socket:[12345]",                 "r+", 400,  FALSE },
  { 5,  TS_FD_PIPE,       "pipe:[6789]",                    "r",  500,  FALSE },
  { 7,  TS_FD_ANON_INODE, "anon_inode:[eventfd]",           "r+", 700,  FALSE },
  { 10, TS_FD_FILE,       "/var/log/app.log",               "a",  1000, FALSE },
  { 12, TS_FD_FILE,       "/tmp/scratch",                   "",   -1,   TRUE },
};

static void
test_files_fixture (void)
{
  g_autoptr(TsProcessDetails) details = ts_process_details_new (TS_FIXTURES "/proc-basic", 1042, 0);
  TsFilesPage *page = ts_files_page_new ();
  GtkWindow *window = window_for (GTK_WIDGET (page));
  GtkSelectionModel *selection = ts_files_page_get_selection (page);
  GListModel *model = ts_files_page_get_model (page);
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *copied = NULL;
  g_autofree char *size_1000 = g_format_size (1000);  /* "1.0 kB" with a no-break space */
  TsOpenFileItem *item;

  g_assert_cmpstr (ts_files_page_get_state (page), ==, "loading");
  ts_files_page_set_details (page, details);
  update_and_wait (details);

  g_assert_cmpstr (ts_files_page_get_state (page), ==, "list");
  g_assert_cmpuint (ts_files_page_get_n_files (page), ==, G_N_ELEMENTS (fixture_files));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (fixture_files));
  g_assert_cmpstr (ts_files_page_get_count_text (page), ==, "8 open files");
  /* Sorted by FD as numbers: 10 and 12 come last, not after 1. */
  for (guint i = 0; i < G_N_ELEMENTS (fixture_files); i++)
    {
      const ExpectedFile *e = &fixture_files[i];
      g_autoptr(TsOpenFileItem) row = g_list_model_get_item (model, i);

      g_test_message ("fd %d", e->fd);
      g_assert_cmpint (ts_open_file_item_get_fd (row), ==, e->fd);
      g_assert_cmpint (ts_open_file_item_get_kind (row), ==, e->kind);
      g_assert_cmpstr (ts_open_file_item_get_path (row), ==, e->path);
      g_assert_cmpstr (ts_open_file_item_get_mode (row), ==, e->mode);
      g_assert_cmpint (ts_open_file_item_get_position (row), ==, e->position);
      g_assert_cmpint (ts_open_file_item_get_deleted (row), ==, e->deleted);
      g_ptr_array_add (before, g_object_ref (row));
      assert_icon_exists (GTK_WIDGET (page), ts_fd_kind_get_icon_name (e->kind));
    }
  /* What the cells show: the deleted tag, "—" for the unknown mode, sizes. */
  g_assert_nonnull (find_label (GTK_WIDGET (page), "deleted"));
  g_assert_nonnull (find_label (GTK_WIDGET (page), "—"));
  g_assert_nonnull (find_label (GTK_WIDGET (page), size_1000));
  g_assert_nonnull (find_label (GTK_WIDGET (page), "Anonymous inode"));

  /* A second read updates in place: the same objects, the selection stays. */
  gtk_selection_model_select_item (selection, 6, TRUE);
  update_and_wait (details);
  for (guint i = 0; i < before->len; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (model, i);

      g_assert_true (row == g_ptr_array_index (before, i));
    }
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection)), ==, 6);

  /* Sorting by position, largest first, keeps the selected row selected. */
  gtk_column_view_sort_by_column (ts_files_page_get_column_view (page),
                                  column_titled (ts_files_page_get_column_view (page), "Position"),
                                  GTK_SORT_DESCENDING);
  item = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection));
  g_assert_nonnull (item);
  g_assert_cmpint (ts_open_file_item_get_fd (item), ==, 10);
  {
    g_autoptr(TsOpenFileItem) first = g_list_model_get_item (model, 0);
    g_autoptr(TsOpenFileItem) last = g_list_model_get_item (model, 7);

    g_assert_cmpint (ts_open_file_item_get_fd (first), ==, 10);
    g_assert_cmpint (ts_open_file_item_get_fd (last), ==, 12);
  }

  /* Ctrl+C's action copies the selected path. */
  gtk_selection_model_select_item (selection, position_of (model, file_with_fd (page, 3)), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "files.copy", NULL));
  copied = read_clipboard (GTK_WIDGET (page));
  g_assert_cmpstr (copied, ==, "/home/alice/src/site/db.sqlite");

  save_screenshots (GTK_WIDGET (window), NULL);

  /* The filter: a kind, a descriptor, nothing. */
  ts_files_page_set_filter (page, "socket");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpint (ts_open_file_item_get_fd (g_list_model_get_item (model, 0)), ==, 4);
  g_object_unref (g_list_model_get_item (model, 0));
  g_assert_cmpstr (ts_files_page_get_count_text (page), ==, "1 of 8");
  ts_files_page_set_filter (page, "PIPE");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  ts_files_page_set_filter (page, "10");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_nonnull (file_with_fd (page, 10));
  ts_files_page_set_filter (page, "scratch");
  g_assert_nonnull (file_with_fd (page, 12));
  g_assert_true (ts_open_file_item_get_deleted (file_with_fd (page, 12)));
  ts_files_page_set_filter (page, "no such file anywhere");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpstr (ts_files_page_get_state (page), ==, "no-matches");
  g_assert_cmpstr (adw_status_page_get_title (ts_files_page_get_status_page (page)), ==, "No Matches");
  save_screenshot (GTK_WIDGET (window), "no-matches");
  ts_files_page_set_filter (page, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 8);
  g_assert_cmpstr (ts_files_page_get_state (page), ==, "list");

  /* Cleared: nothing shown, nothing followed. */
  ts_files_page_set_details (page, NULL);
  g_assert_cmpuint (ts_files_page_get_n_files (page), ==, 0);
  g_assert_cmpstr (ts_files_page_get_state (page), ==, "loading");

  gtk_window_destroy (window);
}

/* ----------------------------------------------------- fixture: threads */

static void
test_threads_fixture (void)
{
  g_autoptr(TsProcessDetails) details = ts_process_details_new (TS_FIXTURES "/proc-basic", 1042, 0);
  TsThreadsPage *page = ts_threads_page_new ();
  GtkWindow *window = window_for (GTK_WIDGET (page));
  GListModel *model = ts_threads_page_get_model (page);
  g_autofree char *copied = NULL;
  TsThreadItem *t;

  ts_threads_page_set_details (page, details);
  update_and_wait (details);

  g_assert_cmpstr (ts_threads_page_get_state (page), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpstr (ts_threads_page_get_count_text (page), ==, "3 threads");
  t = thread_named (page, "python3");
  g_assert_nonnull (t);
  g_assert_cmpint (ts_thread_item_get_tid (t), ==, 1042);
  g_assert_cmpstr (ts_thread_item_get_state (t), ==, "sleeping");
  t = thread_named (page, "asyncio_0");
  g_assert_nonnull (t);
  g_assert_cmpint (ts_thread_item_get_tid (t), ==, 1043);
  g_assert_cmpstr (ts_thread_item_get_state (t), ==, "running");
  g_assert_cmpint (ts_thread_item_get_cpu (t), ==, 0);
  t = thread_named (page, "pool (io)");
  g_assert_nonnull (t);
  g_assert_cmpint (ts_thread_item_get_tid (t), ==, 1044);
  g_assert_cmpint (ts_thread_item_get_cpu (t), ==, 5);
  g_assert_cmpfloat (ts_thread_item_get_cpu_percent (t), <, 0);
  g_assert_nonnull (find_label (GTK_WIDGET (page), "Running"));
  g_assert_nonnull (find_label (GTK_WIDGET (page), "—"));

  /* The second read gives every thread a CPU % (the fixture's times stand
   * still: 0). */
  update_and_wait (details);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(TsThreadItem) row = g_list_model_get_item (model, i);

      g_assert_cmpfloat (ts_thread_item_get_cpu_percent (row), ==, 0.0);
    }
  g_assert_nonnull (find_label (GTK_WIDGET (page), "0.0 %"));
  g_assert_null (find_label (GTK_WIDGET (page), "—"));

  gtk_selection_model_select_item (ts_threads_page_get_selection (page),
                                   position_of (model, thread_named (page, "asyncio_0")), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "threads.copy", NULL));
  copied = read_clipboard (GTK_WIDGET (page));
  g_assert_cmpstr (copied, ==, "1043 asyncio_0");

  save_screenshots (GTK_WIDGET (window), NULL);

  ts_threads_page_set_filter (page, "POOL");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_nonnull (thread_named (page, "pool (io)"));
  g_assert_cmpstr (ts_threads_page_get_count_text (page), ==, "1 of 3");
  ts_threads_page_set_filter (page, "1043");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_nonnull (thread_named (page, "asyncio_0"));
  ts_threads_page_set_filter (page, "nothing like this");
  g_assert_cmpstr (ts_threads_page_get_state (page), ==, "no-matches");
  ts_threads_page_set_filter (page, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  gtk_window_destroy (window);
}

/* Invalid UTF-8 in a thread's name (fixture 777) is shown, replaced. */
static void
test_threads_invalid_utf8 (void)
{
  g_autoptr(TsProcessDetails) details = ts_process_details_new (TS_FIXTURES "/proc-basic", 777, 0);
  TsThreadsPage *page = ts_threads_page_new ();
  GtkWindow *window = window_for (GTK_WIDGET (page));
  g_autoptr(TsThreadItem) t = NULL;

  ts_threads_page_set_details (page, details);
  update_and_wait (details);
  g_assert_cmpuint (g_list_model_get_n_items (ts_threads_page_get_model (page)), ==, 1);
  t = g_list_model_get_item (ts_threads_page_get_model (page), 0);
  g_assert_true (g_utf8_validate (ts_thread_item_get_name (t), -1, NULL));
  g_assert_nonnull (strstr (ts_thread_item_get_name (t), "\xef\xbf\xbd"));
  gtk_window_destroy (window);
}

/* ------------------------------------------------------------------ live */

static void
test_files_live (void)
{
  g_autoptr(TsProcessDetails) details = ts_process_details_new (NULL, getpid (), 0);
  g_autofree char *tmp_path = NULL;
  g_autofree char *pipe_path = NULL;
  g_autoptr(GError) error = NULL;
  TsFilesPage *page = ts_files_page_new ();
  GtkWindow *window = window_for (GTK_WIDGET (page));
  TsOpenFileItem *item;
  GListModel *model;
  int tmp, fds[2];
  guint n;

  /* A long name: the screenshot shows the Path column ellipsized. */
  tmp = g_file_open_tmp ("ts-files-page-a-rather-long-file-name-to-see-the-middle-ellipsized-XXXXXX",
                         &tmp_path, &error);
  g_assert_no_error (error);
  close (tmp);
  tmp = open (tmp_path, O_WRONLY | O_APPEND);
  g_assert_cmpint (tmp, >=, 0);
  g_assert_cmpint (write (tmp, "hello", 5), ==, 5);
  g_assert_cmpint (pipe (fds), ==, 0);

  ts_files_page_set_details (page, details);
  update_and_wait (details);
  g_assert_cmpstr (ts_files_page_get_state (page), ==, "list");

  item = file_with_fd (page, tmp);
  g_assert_nonnull (item);
  g_assert_cmpint (ts_open_file_item_get_kind (item), ==, TS_FD_FILE);
  g_assert_cmpstr (ts_open_file_item_get_path (item), ==, tmp_path);
  g_assert_cmpstr (ts_open_file_item_get_mode (item), ==, "a");
  g_assert_cmpint (ts_open_file_item_get_position (item), ==, 5);
  for (guint i = 0; i < 2; i++)
    {
      item = file_with_fd (page, fds[i]);
      g_assert_nonnull (item);
      g_assert_cmpint (ts_open_file_item_get_kind (item), ==, TS_FD_PIPE);
      g_assert_true (g_str_has_prefix (ts_open_file_item_get_path (item), "pipe:["));
    }
  g_assert_cmpstr (ts_open_file_item_get_mode (file_with_fd (page, fds[0])), ==, "r");
  g_assert_cmpstr (ts_open_file_item_get_mode (file_with_fd (page, fds[1])), ==, "w");

  /* The position moves in place; a closed descriptor's row goes. */
  pipe_path = g_strdup (ts_open_file_item_get_path (file_with_fd (page, fds[0])));
  item = g_object_ref (file_with_fd (page, tmp));
  g_assert_cmpint (write (tmp, "hello", 5), ==, 5);
  n = ts_files_page_get_n_files (page);
  close (fds[0]);
  close (fds[1]);
  update_and_wait (details);
  g_assert_true (file_with_fd (page, tmp) == item);
  g_assert_cmpint (ts_open_file_item_get_position (item), ==, 10);
  g_object_unref (item);
  /* The reader's own descriptors may take the pipe's numbers: look at
   * paths. */
  model = ts_files_page_get_model (page);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TsOpenFileItem) row = g_list_model_get_item (model, i);

      g_assert_cmpstr (ts_open_file_item_get_path (row), !=, pipe_path);
    }
  g_assert_cmpuint (ts_files_page_get_n_files (page), <, n);

  ts_files_page_set_filter (page, tmp_path);
  g_assert_cmpuint (g_list_model_get_n_items (ts_files_page_get_model (page)), ==, 1);
  ts_files_page_set_filter (page, NULL);
  gtk_window_set_default_size (window, 560, 400);
  save_screenshots (GTK_WIDGET (window), NULL);

  close (tmp);
  unlink (tmp_path);
  gtk_window_destroy (window);
}

typedef struct
{
  gint stop;
  gint started;
  volatile guint64 spins;
} Spinner;

static gpointer
spin_thread (gpointer data)
{
  Spinner *s = data;

  /* GLib names the thread before it calls this: the name is readable now. */
  g_atomic_int_set (&s->started, 1);
  while (!g_atomic_int_get (&s->stop))
    s->spins++;
  return NULL;
}

static void
test_threads_live (void)
{
  g_autoptr(TsProcessDetails) details = ts_process_details_new (NULL, getpid (), 0);
  TsThreadsPage *page = ts_threads_page_new ();
  GtkWindow *window = window_for (GTK_WIDGET (page));
  Spinner spinner = { 0 };
  g_autofree char *count = NULL;
  GThread *thread;
  TsThreadItem *t;

  /* GLib gives the thread its name (PR_SET_NAME), at most 15 bytes. */
  thread = g_thread_new ("ts-spin-thread", spin_thread, &spinner);
  while (!g_atomic_int_get (&spinner.started))
    g_usleep (1000);

  ts_threads_page_set_details (page, details);
  update_and_wait (details);
  ts_threads_page_set_filter (page, "ts-spin");
  g_assert_cmpuint (g_list_model_get_n_items (ts_threads_page_get_model (page)), ==, 1);
  t = thread_named (page, "ts-spin-thread");
  g_assert_nonnull (t);
  g_assert_cmpfloat (ts_thread_item_get_cpu_percent (t), <, 0);
  g_assert_cmpint (ts_thread_item_get_tid (t), !=, getpid ());
  count = g_strdup_printf ("1 of %u", ts_threads_page_get_n_threads (page));
  g_assert_cmpstr (ts_threads_page_get_count_text (page), ==, count);

  /* A second read, a while later: the spinning thread used some CPU.  The
   * rows are sorted again after each read: the selection follows its row. */
  gtk_selection_model_select_item (ts_threads_page_get_selection (page), 0, TRUE);
  g_usleep (300000);
  update_and_wait (details);
  g_assert_true (thread_named (page, "ts-spin-thread") == t);
  g_assert_true (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (ts_threads_page_get_selection (page))) == t);
  g_test_message ("spinner: %.1f %%", ts_thread_item_get_cpu_percent (t));
  g_assert_cmpfloat (ts_thread_item_get_cpu_percent (t), >, 0);
  g_assert_cmpfloat (ts_thread_item_get_cpu_percent (t), <=, 101);
  g_assert_cmpfloat (ts_thread_item_get_user_time (t) + ts_thread_item_get_system_time (t), >, 0);
  save_screenshots (GTK_WIDGET (window), NULL);

  /* When it ends, its row goes. */
  g_atomic_int_set (&spinner.stop, 1);
  g_thread_join (thread);
  update_and_wait (details);
  g_assert_cmpuint (g_list_model_get_n_items (ts_threads_page_get_model (page)), ==, 0);
  g_assert_cmpstr (ts_threads_page_get_state (page), ==, "no-matches");

  gtk_window_destroy (window);
}

/* ------------------------------------------------------------ exceptions */

/* A process this test may not read: as root, a root-owned child read with
 * the effective uid of nobody; otherwise PID 1. */
static void
test_files_denied (void)
{
  g_autoptr(TsProcessDetails) details = NULL;
  TsFilesPage *page = ts_files_page_new ();
  TsThreadsPage *threads = ts_threads_page_new ();
  GtkWindow *window = window_for (GTK_WIDGET (page));
  GtkWindow *threads_window = window_for (GTK_WIDGET (threads));
  AdwStatusPage *status;
  gboolean root = geteuid () == 0;
  TsUiKid kid = { 0 };
  g_autofree char *fd_dir = NULL;

  if (root)
    {
      kid = ts_ui_kid_spawn ("sleep");
      details = ts_process_details_new (NULL, kid.pid, 0);
    }
  else
    details = ts_process_details_new (NULL, 1, 0);
  fd_dir = g_strdup_printf ("/proc/%d/fd", root ? (int) kid.pid : 1);
  ts_files_page_set_details (page, details);
  ts_threads_page_set_details (threads, details);

  /* seteuid changes every thread of the process (glibc), the reader too. */
  if (root)
    g_assert_cmpint (seteuid (65534), ==, 0);
  update_and_wait (details);
  if (root)
    g_assert_cmpint (seteuid (0), ==, 0);

  g_assert_cmpstr (ts_files_page_get_state (page), ==, "error");
  g_assert_cmpuint (ts_files_page_get_n_files (page), ==, 0);
  g_assert_cmpstr (ts_files_page_get_count_text (page), ==, "");
  status = ts_files_page_get_status_page (page);
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "Open Files Not Available");
  g_test_message ("%s", adw_status_page_get_description (status));
  g_assert_nonnull (strstr (adw_status_page_get_description (status), fd_dir));
  g_assert_nonnull (strstr (adw_status_page_get_description (status), "EACCES"));
  g_assert_nonnull (strstr (adw_status_page_get_description (status), "another user"));
  g_assert_cmpstr (adw_status_page_get_icon_name (status), ==, "changes-prevent-symbolic");
  assert_icon_exists (GTK_WIDGET (page), "changes-prevent-symbolic");
  /* Threads are world-readable: that page still has its list. */
  g_assert_cmpstr (ts_threads_page_get_state (threads), ==, "list");
  g_assert_cmpuint (ts_threads_page_get_n_threads (threads), >=, 1);
  save_screenshots (GTK_WIDGET (window), NULL);

  gtk_window_destroy (threads_window);
  gtk_window_destroy (window);
  if (root)
    {
      kill (kid.pid, SIGKILL);
      ts_ui_kid_reap (kid.pid);
    }
}

/* A child without a single descriptor, then gone: "No Open Files", then
 * the last list stays. */
static void
test_files_empty_and_exited (void)
{
  g_autoptr(TsProcessDetails) details = NULL;
  TsFilesPage *page = ts_files_page_new ();
  GtkWindow *window = window_for (GTK_WIDGET (page));
  pid_t pid = fork ();
  guint tries;

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      /* Async-signal-safe only: the parent has threads. */
      prctl (PR_SET_PDEATHSIG, SIGKILL);
      for (int fd = 0; fd < 4096; fd++)
        close (fd);
      for (;;)
        pause ();
    }

  details = ts_process_details_new (NULL, pid, 0);
  ts_files_page_set_details (page, details);
  for (tries = 0; tries < 100; tries++)
    {
      update_and_wait (details);
      if (ts_files_page_get_n_files (page) == 0)
        break;
      g_usleep (20000);
    }
  g_assert_cmpuint (ts_files_page_get_n_files (page), ==, 0);
  g_assert_cmpstr (ts_files_page_get_state (page), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (ts_files_page_get_status_page (page)), ==, "No Open Files");
  g_assert_cmpstr (ts_files_page_get_count_text (page), ==, "0 open files");
  save_screenshot (GTK_WIDGET (window), "empty");
  gtk_window_destroy (window);

  /* The same on a process with files that exits: they stay listed. */
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, NULL, 0), ==, pid);
  {
    TsUiKid kid = ts_ui_kid_spawn ("sleep");
    g_autoptr(TsProcessDetails) d2 = ts_process_details_new (NULL, kid.pid, 0);
    TsFilesPage *p2 = ts_files_page_new ();
    GtkWindow *w2 = window_for (GTK_WIDGET (p2));
    guint n;

    ts_files_page_set_details (p2, d2);
    update_and_wait (d2);
    n = ts_files_page_get_n_files (p2);
    g_assert_cmpuint (n, >, 0);
    kill (kid.pid, SIGKILL);
    ts_ui_kid_reap (kid.pid);
    update_and_wait (d2);
    g_assert_false (ts_process_details_get_alive (d2));
    g_assert_cmpuint (ts_files_page_get_n_files (p2), ==, n);
    g_assert_cmpstr (ts_files_page_get_state (p2), ==, "list");
    gtk_window_destroy (w2);
  }
}

/* ---------------------------------------------------------------- main */

int
main (int argc, char **argv)
{
  char *why;

  if (argc == 5 && strcmp (argv[1], TS_UI_KID_FLAG) == 0)
    return ts_ui_kid_main (argv[2], argv[3], atoi (argv[4]));

  g_test_init (&argc, &argv, NULL);
  ts_ui_kids_init ();

  why = ts_ui_init (NULL, NULL);
  if (why != NULL)
    return ts_ui_fail_setup ("/files-threads/setup", why);

  g_test_add_func ("/files-threads/files/fixture", test_files_fixture);
  g_test_add_func ("/files-threads/files/live", test_files_live);
  g_test_add_func ("/files-threads/files/denied", test_files_denied);
  g_test_add_func ("/files-threads/files/empty-and-exited", test_files_empty_and_exited);
  g_test_add_func ("/files-threads/threads/fixture", test_threads_fixture);
  g_test_add_func ("/files-threads/threads/invalid-utf8", test_threads_invalid_utf8);
  g_test_add_func ("/files-threads/threads/live", test_threads_live);

  return g_test_run ();
}
