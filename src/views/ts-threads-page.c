/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-threads-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ts-backend-error.h"
#include "ts-threads-page.h"
#include "ts-table-page.h"
#include "ts-thread-item.h"

struct _TsThreadsPage
{
  AdwBin            parent_instance;

  TsTablePage       table;       /* TsThreadItem, ascending by TID */
  TsProcessDetails *details;
  gboolean          applied;     /* a good read of this details was shown */
};

G_DEFINE_FINAL_TYPE (TsThreadsPage, ts_threads_page, ADW_TYPE_BIN)

/* ----------------------------------------------------------------- cells */

static void
format_tid (gpointer item, TsCell *cell)
{
  cell->text = g_strdup_printf ("%d", ts_thread_item_get_tid (item));
}

static void
format_name (gpointer item, TsCell *cell)
{
  cell->text = g_strdup (ts_thread_item_get_name (item));
  cell->tooltip = g_strdup (cell->text);
}

static void
format_state (gpointer item, TsCell *cell)
{
  char letter = ts_thread_item_get_state_char (item);

  cell->text = ts_thread_state_dup_label (letter);
  if (g_ascii_isprint (letter))
    cell->tooltip = g_strdup_printf (_("State %c (%s)"), letter, ts_thread_item_get_state (item));
}

static void
format_cpu (gpointer item, TsCell *cell)
{
  int cpu = ts_thread_item_get_cpu (item);

  if (cpu < 0)
    {
      cell->text = g_strdup ("—");
      cell->dim = TRUE;
      return;
    }
  cell->text = g_strdup_printf ("%d", cpu);
  cell->tooltip = g_strdup (_("The CPU the thread last ran on"));
}

static void
format_user (gpointer item, TsCell *cell)
{
  cell->text = ts_format_cpu_time (ts_thread_item_get_user_time (item));
}

static void
format_system (gpointer item, TsCell *cell)
{
  cell->text = ts_format_cpu_time (ts_thread_item_get_system_time (item));
}

static void
format_percent (gpointer item, TsCell *cell)
{
  double percent = ts_thread_item_get_cpu_percent (item);

  if (percent < 0)
    {
      cell->text = g_strdup ("—");
      cell->tooltip = g_strdup (_("Shown from the next update on"));
      cell->dim = TRUE;
      return;
    }
  cell->text = g_strdup_printf ("%.1f %%", percent);
}

/* --------------------------------------------------------------- sorting */

static int
compare_tid (gconstpointer a, gconstpointer b, gpointer data)
{
  int x = ts_thread_item_get_tid ((gpointer) a), y = ts_thread_item_get_tid ((gpointer) b);

  (void) data;
  return (x > y) - (x < y);
}

static int
compare_name (gconstpointer a, gconstpointer b, gpointer data)
{
  int r = g_utf8_collate (ts_thread_item_get_name ((gpointer) a), ts_thread_item_get_name ((gpointer) b));

  return r != 0 ? r : compare_tid (a, b, data);
}

static int
compare_state (gconstpointer a, gconstpointer b, gpointer data)
{
  int r = strcmp (ts_thread_item_get_state ((gpointer) a), ts_thread_item_get_state ((gpointer) b));

  return r != 0 ? r : compare_tid (a, b, data);
}

static int
compare_doubles (double x, double y, gconstpointer a, gconstpointer b)
{
  return x != y ? (x > y) - (x < y) : compare_tid (a, b, NULL);
}

static int
compare_cpu (gconstpointer a, gconstpointer b, gpointer data)
{
  (void) data;
  return compare_doubles (ts_thread_item_get_cpu ((gpointer) a), ts_thread_item_get_cpu ((gpointer) b), a, b);
}

static int
compare_user (gconstpointer a, gconstpointer b, gpointer data)
{
  (void) data;
  return compare_doubles (ts_thread_item_get_user_time ((gpointer) a),
                          ts_thread_item_get_user_time ((gpointer) b), a, b);
}

static int
compare_system (gconstpointer a, gconstpointer b, gpointer data)
{
  (void) data;
  return compare_doubles (ts_thread_item_get_system_time ((gpointer) a),
                          ts_thread_item_get_system_time ((gpointer) b), a, b);
}

static int
compare_percent (gconstpointer a, gconstpointer b, gpointer data)
{
  (void) data;
  return compare_doubles (ts_thread_item_get_cpu_percent ((gpointer) a),
                          ts_thread_item_get_cpu_percent ((gpointer) b), a, b);
}

/* ----------------------------------------------------------- the filter */

static gboolean
filter_func (gpointer item, gpointer data)
{
  TsThreadsPage *self = data;
  g_autofree char *name = NULL;
  char tid[16];

  if (self->table.search == NULL)
    return TRUE;
  g_snprintf (tid, sizeof tid, "%d", ts_thread_item_get_tid (item));
  if (g_str_has_prefix (tid, self->table.search))
    return TRUE;
  name = g_utf8_casefold (ts_thread_item_get_name (item), -1);
  return strstr (name, self->table.search) != NULL;
}

/* --------------------------------------------------------------- status */

/* text: the error's full text, not escaped. */
static void
show_error (TsThreadsPage *self, gboolean denied, const char *text)
{
  ts_table_page_show_error (&self->table, _("Threads Not Available"), denied,
                            _("This process belongs to another user: only its owner "
                              "or an administrator can see its threads."),
                            text);
}

static void
update_state (TsThreadsPage *self)
{
  TsTablePage *t = &self->table;
  guint total = ts_table_page_get_n_items (t);
  g_autofree char *count = NULL;

  if (!ts_table_page_begin_update (t, self->details != NULL && ts_process_details_get_loaded (self->details)))
    return;

  if (total == 0)
    {
      const TsProcSample *sample = ts_process_details_get_sample (self->details);
      const TsPlatformError *perr = sample != NULL ? ts_proc_sample_field_error (sample, TS_PF_THREADS) : NULL;
      const GError *error = ts_process_details_get_error (self->details);

      if (!self->applied && error != NULL)
        {
          /* Gone before the first read: why it could not be read at all. */
          show_error (self, g_error_matches (error, TS_BACKEND_ERROR, TS_BACKEND_ERROR_ACCESS_DENIED),
                      error->message);
          return;
        }
      if (perr != NULL)
        {
          g_autofree char *text = ts_backend_error_to_string (perr);

          show_error (self, perr->kind == TS_PLATFORM_ERR_ACCESS_DENIED, text);
          return;
        }
    }

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u thread", "%u threads", total), total);
  ts_table_page_show_rows (t, count, "system-run-symbolic", _("No Threads"),
                           _("The process has no threads left"),
                           _("No thread matches the filter"));
}

/* --------------------------------------------------------------- update */

/* Threads start and end; the rest are updated in place. */
typedef struct
{
  gint64   now;
  gboolean renamed;
} MergeData;

static int
item_tid (gpointer item)
{
  return ts_thread_item_get_tid (item);
}

static int
entry_tid (gconstpointer entry)
{
  return ((const TsThreadTimes *) entry)->id;
}

static gpointer
new_item (gconstpointer entry, gpointer data)
{
  return ts_thread_item_new (entry, ((MergeData *) data)->now);
}

static gboolean
update_item (gpointer item, gconstpointer entry, gpointer data)
{
  MergeData *merge = data;
  g_autofree char *name = g_strdup (ts_thread_item_get_name (item));

  ts_thread_item_update (item, entry, merge->now);
  merge->renamed |= strcmp (name, ts_thread_item_get_name (item)) != 0;
  /* Times and CPU % move each update: rows may belong elsewhere now. */
  return TRUE;
}

static const TsTableMerge merge_threads = { item_tid, entry_tid, new_item, NULL, update_item };

static void
details_updated_cb (TsThreadsPage *self)
{
  const TsProcSample *sample = ts_process_details_get_sample (self->details);

  /* An exited process keeps its last list. */
  if (ts_process_details_get_alive (self->details) && sample != NULL)
    {
      gboolean valid = (sample->valid & TS_PF_THREADS) != 0;
      MergeData data = { g_get_monotonic_time (), FALSE };
      gboolean changed;

      ts_table_page_keep_scroll (&self->table);
      changed = ts_table_page_merge (&self->table, &merge_threads, valid ? sample->threads : NULL,
                                     valid ? sample->n_threads : 0, sizeof *sample->threads, &data);
      /* A thread may rename itself: the filter looks at names. */
      if (data.renamed && self->table.search != NULL)
        gtk_filter_changed (GTK_FILTER (self->table.filter), GTK_FILTER_CHANGE_DIFFERENT);
      if (changed)
        ts_table_page_resort (&self->table);
      self->applied = TRUE;
    }
  update_state (self);
}

/* ------------------------------------------------------------------ copy */

static void
copy_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TsThreadsPage *self = TS_THREADS_PAGE (widget);
  TsThreadItem *item = gtk_single_selection_get_selected_item (self->table.selection);
  g_autofree char *text = NULL;

  (void) action_name;
  (void) parameter;
  if (item == NULL)
    return;
  text = g_strdup_printf ("%d %s", ts_thread_item_get_tid (item), ts_thread_item_get_name (item));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

/* ----------------------------------------------------------------- search */

static void
search_changed_cb (TsThreadsPage *self)
{
  ts_table_page_take_search (&self->table);
  update_state (self);
}

static void
stop_search_cb (TsThreadsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->table.search_entry), "");
}

/* ------------------------------------------------------------ public API */

TsThreadsPage *
ts_threads_page_new (void)
{
  return g_object_new (TS_TYPE_THREADS_PAGE, NULL);
}

void
ts_threads_page_set_details (TsThreadsPage      *self,
                           TsProcessDetails *details)
{
  g_return_if_fail (TS_IS_THREADS_PAGE (self));
  g_return_if_fail (details == NULL || TS_IS_PROCESS_DETAILS (details));

  if (self->details == details)
    return;
  if (self->details != NULL)
    g_signal_handlers_disconnect_by_data (self->details, self);
  g_set_object (&self->details, details);
  self->applied = FALSE;
  /* Another process: none of the rows are the same threads. */
  g_list_store_remove_all (self->table.store);
  if (details != NULL)
    {
      g_signal_connect_swapped (details, "updated", G_CALLBACK (details_updated_cb), self);
      if (ts_process_details_get_loaded (details))
        details_updated_cb (self);
    }
  update_state (self);
}

TsProcessDetails *
ts_threads_page_get_details (TsThreadsPage *self)
{
  g_return_val_if_fail (TS_IS_THREADS_PAGE (self), NULL);
  return self->details;
}

void
ts_threads_page_set_filter (TsThreadsPage *self,
                          const char  *text)
{
  g_return_if_fail (TS_IS_THREADS_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->table.search_entry), text != NULL ? text : "");
  /* search-changed comes after a delay; callers expect the result now. */
  search_changed_cb (self);
}

GListModel *
ts_threads_page_get_model (TsThreadsPage *self)
{
  g_return_val_if_fail (TS_IS_THREADS_PAGE (self), NULL);
  return G_LIST_MODEL (self->table.selection);
}

GtkSelectionModel *
ts_threads_page_get_selection (TsThreadsPage *self)
{
  g_return_val_if_fail (TS_IS_THREADS_PAGE (self), NULL);
  return GTK_SELECTION_MODEL (self->table.selection);
}

guint
ts_threads_page_get_n_threads (TsThreadsPage *self)
{
  g_return_val_if_fail (TS_IS_THREADS_PAGE (self), 0);
  return ts_table_page_get_n_items (&self->table);
}

const char *
ts_threads_page_get_state (TsThreadsPage *self)
{
  g_return_val_if_fail (TS_IS_THREADS_PAGE (self), NULL);
  return self->table.state;
}

AdwStatusPage *
ts_threads_page_get_status_page (TsThreadsPage *self)
{
  g_return_val_if_fail (TS_IS_THREADS_PAGE (self), NULL);
  return self->table.status_page;
}

const char *
ts_threads_page_get_count_text (TsThreadsPage *self)
{
  g_return_val_if_fail (TS_IS_THREADS_PAGE (self), NULL);
  return gtk_label_get_text (self->table.count_label);
}

GtkColumnView *
ts_threads_page_get_column_view (TsThreadsPage *self)
{
  g_return_val_if_fail (TS_IS_THREADS_PAGE (self), NULL);
  return self->table.column_view;
}

/* ------------------------------------------------------------- lifecycle */

static void
ts_threads_page_dispose (GObject *object)
{
  TsThreadsPage *self = TS_THREADS_PAGE (object);

  if (self->details != NULL)
    g_signal_handlers_disconnect_by_data (self->details, self);
  g_clear_object (&self->details);
  ts_table_page_dispose (&self->table);

  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_THREADS_PAGE);

  ts_table_page_clear (&self->table);

  G_OBJECT_CLASS (ts_threads_page_parent_class)->dispose (object);
}

static void
ts_threads_page_class_init (TsThreadsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ts_threads_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/taskscope/Taskscope/ts-threads-page.ui");
  ts_table_page_bind_template (widget_class, G_STRUCT_OFFSET (TsThreadsPage, table));
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_install_action (widget_class, "threads.copy", NULL, copy_activated);
  /* The entry's own Ctrl+C runs first when it has the focus. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "threads.copy", NULL);
}

static void
ts_threads_page_init (TsThreadsPage *self)
{
  TsTablePage *t = &self->table;
  GtkColumnViewColumn *tid_column, *name_column;

  gtk_widget_init_template (GTK_WIDGET (self));

  tid_column = ts_table_page_add_column (t, _("TID"), format_tid, TS_CELL_NUMERIC, "tid", compare_tid);
  name_column = ts_table_page_add_column (t, _("Name"), format_name, TS_CELL_TEXT, "name", compare_name);
  gtk_column_view_column_set_expand (name_column, TRUE);
  ts_table_page_add_column (t, _("State"), format_state, TS_CELL_TEXT, "state", compare_state);
  ts_table_page_add_column (t, _("CPU"), format_cpu, TS_CELL_NUMERIC, "cpu", compare_cpu);
  ts_table_page_add_column (t, _("User Time"), format_user, TS_CELL_NUMERIC, "user-time", compare_user);
  ts_table_page_add_column (t, _("System Time"), format_system, TS_CELL_NUMERIC, "system-time", compare_system);
  ts_table_page_add_column (t, _("CPU %"), format_percent, TS_CELL_NUMERIC, "cpu-percent", compare_percent);

  ts_table_page_setup (t, GTK_WIDGET (self), TS_TYPE_THREAD_ITEM, filter_func, tid_column,
                       G_CALLBACK (update_state), "threads.copy");
  update_state (self);
}
