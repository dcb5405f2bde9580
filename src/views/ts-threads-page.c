/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-threads-page"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "ts-backend-error.h"
#include "ts-threads-page.h"
#include "ts-list-cells.h"
#include "ts-thread-item.h"

struct _TsThreadsPage
{
  AdwBin              parent_instance;

  GtkSearchEntry     *search_entry;
  GtkLabel           *count_label;
  GtkStack           *stack;
  GtkScrolledWindow  *scrolled;
  GtkColumnView      *column_view;
  AdwStatusPage      *status_page;
  GMenuModel         *context_model;
  GtkWidget          *context_menu;

  TsProcessDetails   *details;
  gboolean            applied;     /* a good read of this details was shown */
  GListStore         *store;       /* TsThreadItem, ascending by TID */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  GtkSingleSelection *selection;
  char               *search;      /* casefolded, NULL when empty */
  const char         *state;
  gboolean            resorting;
  guint               scroll_idle;
  double              scroll_offset;
};

G_DEFINE_FINAL_TYPE (TsThreadsPage, ts_threads_page, ADW_TYPE_BIN)

/* ------------------------------------------------------------- scrolling */

/* GTK 4.8 moves the list when rows change or are sorted (its anchor row is
 * kept in view, and a sort scrolls to the bottom): put the offset back
 * once the rows are laid out, only if it moved. */
static gboolean
restore_offset_cb (gpointer data)
{
  TsThreadsPage *self = data;
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scrolled);

  self->scroll_idle = 0;
  if (ABS (gtk_adjustment_get_value (vadj) - self->scroll_offset) >= 0.5)
    gtk_adjustment_set_value (vadj, self->scroll_offset);
  return G_SOURCE_REMOVE;
}

static void
keep_scroll (TsThreadsPage *self, double value)
{
  self->scroll_offset = value;
  if (self->scroll_idle == 0)
    self->scroll_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, restore_offset_cb, self, NULL);
}

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

static GtkColumnViewColumn *
add_column (TsThreadsPage      *self,
            const char       *title,
            TsCellFormat      format,
            TsCellFlags       flags,
            const char       *watch,
            GCompareDataFunc  compare)
{
  GtkColumnViewColumn *column;
  GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (compare, NULL, NULL));

  column = gtk_column_view_column_new (title, ts_list_cell_factory_new (format, flags, watch));
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (sorter);
  g_object_unref (column);
  return column;
}

static void
sorter_changed_cb (TsThreadsPage *self)
{
  /* A header click: GTK 4.8 scrolled to the bottom, start at the top. */
  if (!self->resorting)
    keep_scroll (self, 0);
}

/* ----------------------------------------------------------- the filter */

static gboolean
filter_func (gpointer item, gpointer data)
{
  TsThreadsPage *self = data;
  g_autofree char *name = NULL;
  char tid[16];

  if (self->search == NULL)
    return TRUE;
  g_snprintf (tid, sizeof tid, "%d", ts_thread_item_get_tid (item));
  if (g_str_has_prefix (tid, self->search))
    return TRUE;
  name = g_utf8_casefold (ts_thread_item_get_name (item), -1);
  return strstr (name, self->search) != NULL;
}

/* --------------------------------------------------------------- status */

static void
show_status (TsThreadsPage *self, const char *state, const char *icon, const char *title,
             const char *description)
{
  self->state = state;
  adw_status_page_set_icon_name (self->status_page, icon);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_stack_set_visible_child_name (self->stack, "status");
}

/* text: the error's full text, not escaped. */
static void
show_error (TsThreadsPage *self, gboolean denied, const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_autofree char *description = NULL;

  if (denied)
    description = g_strdup_printf ("%s\n\n<small>%s</small>",
                                   _("This process belongs to another user: only its owner "
                                     "or an administrator can see its threads."),
                                   escaped);
  else
    description = g_strdup (escaped);
  show_status (self, "error", denied ? "changes-prevent-symbolic" : "dialog-warning-symbolic",
               _("Threads Not Available"), description);
}

static void
update_state (TsThreadsPage *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *count = NULL;

  /* Nothing to filter: the entry waits (unless the filter is on). */
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), total > 0 || self->search != NULL);

  if (self->details == NULL || !ts_process_details_get_loaded (self->details))
    {
      self->state = "loading";
      gtk_label_set_text (self->count_label, "");
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }

  if (total == 0)
    {
      const TsProcSample *sample = ts_process_details_get_sample (self->details);
      const TsPlatformError *perr = sample != NULL ? ts_proc_sample_field_error (sample, TS_PF_THREADS) : NULL;
      const GError *error = ts_process_details_get_error (self->details);

      if (!self->applied && error != NULL)
        {
          /* Gone before the first read: why it could not be read at all. */
          gtk_label_set_text (self->count_label, "");
          show_error (self, g_error_matches (error, TS_BACKEND_ERROR, TS_BACKEND_ERROR_ACCESS_DENIED),
                      error->message);
          return;
        }
      if (perr != NULL)
        {
          g_autofree char *text = ts_backend_error_to_string (perr);

          gtk_label_set_text (self->count_label, "");
          show_error (self, perr->kind == TS_PLATFORM_ERR_ACCESS_DENIED, text);
          return;
        }
    }

  if (self->search != NULL)
    /* Translators: threads shown of all threads. */
    count = g_strdup_printf (_("%u of %u"), shown, total);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u thread", "%u threads", total), total);
  gtk_label_set_text (self->count_label, count);

  if (total == 0)
    show_status (self, "empty", "system-run-symbolic", _("No Threads"),
                 _("The process has no threads left"));
  else if (shown == 0)
    show_status (self, "no-matches", "system-search-symbolic", _("No Matches"),
                 _("No thread matches the filter"));
  else
    {
      self->state = "list";
      gtk_stack_set_visible_child_name (self->stack, "list");
    }
}

/* --------------------------------------------------------------- update */

static int
compare_thread (const void *a, const void *b)
{
  const TsThreadTimes *x = *(const TsThreadTimes *const *) a, *y = *(const TsThreadTimes *const *) b;

  return (x->id > y->id) - (x->id < y->id);
}

/* Merges the new threads into the store by TID: only threads that started
 * or ended change the model; the rest are updated in place. */
static void
apply_threads (TsThreadsPage *self, const TsThreadTimes *threads, gsize n, gint64 now)
{
  g_autofree const TsThreadTimes **sorted = g_new (const TsThreadTimes *, n + 1);
  gboolean changed = FALSE, renamed = FALSE;
  guint pos = 0;
  gsize i = 0;

  for (gsize k = 0; k < n; k++)
    sorted[k] = &threads[k];
  qsort (sorted, n, sizeof *sorted, compare_thread);

  while (pos < g_list_model_get_n_items (G_LIST_MODEL (self->store)) || i < n)
    {
      g_autoptr(TsThreadItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), pos);
      int tid = item != NULL ? ts_thread_item_get_tid (item) : G_MAXINT;

      if (item != NULL && (i == n || tid < sorted[i]->id))
        g_list_store_remove (self->store, pos);
      else if (item == NULL || sorted[i]->id < tid)
        {
          g_autoptr(TsThreadItem) added = ts_thread_item_new (sorted[i++], now);

          g_list_store_insert (self->store, pos++, added);
        }
      else
        {
          g_autofree char *name = g_strdup (ts_thread_item_get_name (item));

          ts_thread_item_update (item, sorted[i++], now);
          renamed |= strcmp (name, ts_thread_item_get_name (item)) != 0;
          changed = TRUE;
          pos++;
        }
    }

  /* A thread may rename itself: the filter looks at names. */
  if (renamed && self->search != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  /* Times and CPU % move each update: rows may belong elsewhere now. */
  if (changed)
    {
      self->resorting = TRUE;
      gtk_sorter_changed (gtk_column_view_get_sorter (self->column_view), GTK_SORTER_CHANGE_DIFFERENT);
      self->resorting = FALSE;
    }
}

static void
details_updated_cb (TsThreadsPage *self)
{
  const TsProcSample *sample = ts_process_details_get_sample (self->details);

  /* An exited process keeps its last list. */
  if (ts_process_details_get_alive (self->details) && sample != NULL)
    {
      gboolean valid = (sample->valid & TS_PF_THREADS) != 0;

      keep_scroll (self, gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scrolled)));
      apply_threads (self, valid ? sample->threads : NULL, valid ? sample->n_threads : 0,
                     g_get_monotonic_time ());
      self->applied = TRUE;
    }
  update_state (self);
}

/* ------------------------------------------------------------------ copy */

static void
copy_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TsThreadsPage *self = TS_THREADS_PAGE (widget);
  TsThreadItem *item = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *text = NULL;

  (void) action_name;
  (void) parameter;
  if (item == NULL)
    return;
  text = g_strdup_printf ("%d %s", ts_thread_item_get_tid (item), ts_thread_item_get_name (item));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

static void
selection_changed_cb (TsThreadsPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "threads.copy",
                                 gtk_single_selection_get_selected_item (self->selection) != NULL);
}

static void
context_click_cb (GtkGestureClick *gesture, int n_press, double x, double y, TsThreadsPage *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->column_view), x, y, GTK_PICK_DEFAULT);
  GtkListItem *item = ts_list_cell_find_item (picked);

  (void) n_press;
  if (item == NULL || gtk_list_item_get_position (item) == GTK_INVALID_LIST_POSITION)
    return;
  gtk_single_selection_set_selected (self->selection, gtk_list_item_get_position (item));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* ----------------------------------------------------------------- search */

static void
search_changed_cb (TsThreadsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search, g_free);
  if (*stripped != '\0')
    self->search = g_utf8_casefold (stripped, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

static void
stop_search_cb (TsThreadsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
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
  g_list_store_remove_all (self->store);
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

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* search-changed comes after a delay; callers expect the result now. */
  search_changed_cb (self);
}

GListModel *
ts_threads_page_get_model (TsThreadsPage *self)
{
  g_return_val_if_fail (TS_IS_THREADS_PAGE (self), NULL);
  return G_LIST_MODEL (self->selection);
}

GtkSelectionModel *
ts_threads_page_get_selection (TsThreadsPage *self)
{
  g_return_val_if_fail (TS_IS_THREADS_PAGE (self), NULL);
  return GTK_SELECTION_MODEL (self->selection);
}

guint
ts_threads_page_get_n_threads (TsThreadsPage *self)
{
  g_return_val_if_fail (TS_IS_THREADS_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->store));
}

const char *
ts_threads_page_get_state (TsThreadsPage *self)
{
  g_return_val_if_fail (TS_IS_THREADS_PAGE (self), NULL);
  return self->state;
}

AdwStatusPage *
ts_threads_page_get_status_page (TsThreadsPage *self)
{
  g_return_val_if_fail (TS_IS_THREADS_PAGE (self), NULL);
  return self->status_page;
}

const char *
ts_threads_page_get_count_text (TsThreadsPage *self)
{
  g_return_val_if_fail (TS_IS_THREADS_PAGE (self), NULL);
  return gtk_label_get_text (self->count_label);
}

GtkColumnView *
ts_threads_page_get_column_view (TsThreadsPage *self)
{
  g_return_val_if_fail (TS_IS_THREADS_PAGE (self), NULL);
  return self->column_view;
}

/* ------------------------------------------------------------- lifecycle */

static void
ts_threads_page_dispose (GObject *object)
{
  TsThreadsPage *self = TS_THREADS_PAGE (object);

  if (self->details != NULL)
    g_signal_handlers_disconnect_by_data (self->details, self);
  g_clear_object (&self->details);
  if (self->column_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
      gtk_column_view_set_model (self->column_view, NULL);
    }
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_model, self);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  g_clear_handle_id (&self->scroll_idle, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_THREADS_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (ts_threads_page_parent_class)->dispose (object);
}

static void
ts_threads_page_class_init (TsThreadsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ts_threads_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/taskscope/Taskscope/ts-threads-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TsThreadsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TsThreadsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, TsThreadsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TsThreadsPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, TsThreadsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, TsThreadsPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, TsThreadsPage, context_model);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_install_action (widget_class, "threads.copy", NULL, copy_activated);
  /* The entry's own Ctrl+C runs first when it has the focus. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "threads.copy", NULL);
}

static void
ts_threads_page_init (TsThreadsPage *self)
{
  GtkColumnViewColumn *tid_column, *name_column;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->state = "loading";

  tid_column = add_column (self, _("TID"), format_tid, TS_CELL_NUMERIC, "tid", compare_tid);
  name_column = add_column (self, _("Name"), format_name, TS_CELL_TEXT, "name", compare_name);
  gtk_column_view_column_set_expand (name_column, TRUE);
  add_column (self, _("State"), format_state, TS_CELL_TEXT, "state", compare_state);
  add_column (self, _("CPU"), format_cpu, TS_CELL_NUMERIC, "cpu", compare_cpu);
  add_column (self, _("User Time"), format_user, TS_CELL_NUMERIC, "user-time", compare_user);
  add_column (self, _("System Time"), format_system, TS_CELL_NUMERIC, "system-time", compare_system);
  add_column (self, _("CPU %"), format_percent, TS_CELL_NUMERIC, "cpu-percent", compare_percent);

  self->store = g_list_store_new (TS_TYPE_THREAD_ITEM);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_sort_by_column (self->column_view, tid_column, GTK_SORT_ASCENDING);

  g_signal_connect_swapped (gtk_column_view_get_sorter (self->column_view), "changed",
                            G_CALLBACK (sorter_changed_cb), self);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->filter_model, "items-changed", G_CALLBACK (update_state), self);
  selection_changed_cb (self);

  self->context_menu = gtk_popover_menu_new_from_model (self->context_model);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self->column_view));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (context_click_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (click));

  update_state (self);
}
