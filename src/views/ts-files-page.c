/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-files-page"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "ts-backend-error.h"
#include "ts-files-page.h"
#include "ts-list-cells.h"
#include "ts-open-file-item.h"

struct _TsFilesPage
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
  GListStore         *store;       /* TsOpenFileItem, ascending by fd */
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

G_DEFINE_FINAL_TYPE (TsFilesPage, ts_files_page, ADW_TYPE_BIN)

/* ------------------------------------------------------------- scrolling */

/* GTK 4.8 moves the list when rows change or are sorted (its anchor row is
 * kept in view, and a sort scrolls to the bottom): put the offset back
 * once the rows are laid out, only if it moved. */
static gboolean
restore_offset_cb (gpointer data)
{
  TsFilesPage *self = data;
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scrolled);

  self->scroll_idle = 0;
  if (ABS (gtk_adjustment_get_value (vadj) - self->scroll_offset) >= 0.5)
    gtk_adjustment_set_value (vadj, self->scroll_offset);
  return G_SOURCE_REMOVE;
}

static void
keep_scroll (TsFilesPage *self, double value)
{
  self->scroll_offset = value;
  if (self->scroll_idle == 0)
    self->scroll_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, restore_offset_cb, self, NULL);
}

/* ----------------------------------------------------------------- cells */

static void
format_fd (gpointer item, TsCell *cell)
{
  cell->text = g_strdup_printf ("%d", ts_open_file_item_get_fd (item));
}

static void
format_type (gpointer item, TsCell *cell)
{
  TsFdKind kind = ts_open_file_item_get_kind (item);

  cell->text = g_strdup (ts_fd_kind_get_label (kind));
  cell->icon = ts_fd_kind_get_icon_name (kind);
}

static const char *
mode_description (const char *mode)
{
  if (strcmp (mode, "r") == 0)
    return _("Read only");
  if (strcmp (mode, "w") == 0)
    return _("Write only");
  if (strcmp (mode, "a") == 0)
    return _("Write only, appending at the end");
  if (strcmp (mode, "r+") == 0)
    return _("Read and write");
  if (strcmp (mode, "a+") == 0)
    return _("Read and write, appending at the end");
  return NULL;
}

static void
format_mode (gpointer item, TsCell *cell)
{
  const char *mode = ts_open_file_item_get_mode (item);
  const char *description = mode_description (mode);

  if (description == NULL)
    {
      cell->text = g_strdup ("—");
      cell->tooltip = g_strdup (_("The mode is not known"));
      cell->dim = TRUE;
      return;
    }
  cell->text = g_strdup (mode);
  cell->tooltip = g_strdup (description);
}

static void
format_position (gpointer item, TsCell *cell)
{
  gint64 position = ts_open_file_item_get_position (item);

  /* Sockets and pipes have no offset the user can read anything from. */
  if (position < 0 || ts_open_file_item_get_kind (item) != TS_FD_FILE)
    {
      cell->text = g_strdup ("—");
      cell->dim = TRUE;
      return;
    }
  cell->text = g_format_size ((guint64) position);
  cell->tooltip = g_format_size_full ((guint64) position, G_FORMAT_SIZE_LONG_FORMAT);
}

static void
format_path (gpointer item, TsCell *cell)
{
  const char *path = ts_open_file_item_get_path (item);

  cell->text = g_strdup (path);
  if (ts_open_file_item_get_deleted (item))
    {
      cell->tag = _("deleted");
      cell->tooltip = g_strdup_printf (_("%s\nDeleted while open: the data stays until it is closed"), path);
    }
  else
    cell->tooltip = g_strdup (path);
}

/* --------------------------------------------------------------- sorting */

static int
compare_fd (gconstpointer a, gconstpointer b, gpointer data)
{
  int x = ts_open_file_item_get_fd ((gpointer) a), y = ts_open_file_item_get_fd ((gpointer) b);

  (void) data;
  return (x > y) - (x < y);
}

static int
compare_type (gconstpointer a, gconstpointer b, gpointer data)
{
  int r = g_utf8_collate (ts_fd_kind_get_label (ts_open_file_item_get_kind ((gpointer) a)),
                          ts_fd_kind_get_label (ts_open_file_item_get_kind ((gpointer) b)));

  return r != 0 ? r : compare_fd (a, b, data);
}

static int
compare_mode (gconstpointer a, gconstpointer b, gpointer data)
{
  int r = strcmp (ts_open_file_item_get_mode ((gpointer) a), ts_open_file_item_get_mode ((gpointer) b));

  return r != 0 ? r : compare_fd (a, b, data);
}

static int
compare_position (gconstpointer a, gconstpointer b, gpointer data)
{
  gint64 x = ts_open_file_item_get_position ((gpointer) a);
  gint64 y = ts_open_file_item_get_position ((gpointer) b);

  return x != y ? (x > y) - (x < y) : compare_fd (a, b, data);
}

static int
compare_path (gconstpointer a, gconstpointer b, gpointer data)
{
  int r = g_utf8_collate (ts_open_file_item_get_path ((gpointer) a),
                          ts_open_file_item_get_path ((gpointer) b));

  return r != 0 ? r : compare_fd (a, b, data);
}

static GtkColumnViewColumn *
add_column (TsFilesPage      *self,
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
sorter_changed_cb (TsFilesPage *self)
{
  /* A header click: GTK 4.8 scrolled to the bottom, start at the top. */
  if (!self->resorting)
    keep_scroll (self, 0);
}

/* ----------------------------------------------------------- the filter */

static gboolean
filter_func (gpointer item, gpointer data)
{
  TsFilesPage *self = data;
  g_autofree char *path = NULL;
  g_autofree char *kind = NULL;
  char fd[16];

  if (self->search == NULL)
    return TRUE;
  g_snprintf (fd, sizeof fd, "%d", ts_open_file_item_get_fd (item));
  if (g_str_has_prefix (fd, self->search))
    return TRUE;
  path = g_utf8_casefold (ts_open_file_item_get_path (item), -1);
  if (strstr (path, self->search) != NULL)
    return TRUE;
  kind = g_utf8_casefold (ts_fd_kind_get_label (ts_open_file_item_get_kind (item)), -1);
  return strstr (kind, self->search) != NULL;
}

/* --------------------------------------------------------------- status */

static void
show_status (TsFilesPage *self, const char *state, const char *icon, const char *title,
             const char *description)
{
  self->state = state;
  adw_status_page_set_icon_name (self->status_page, icon);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_stack_set_visible_child_name (self->stack, "status");
}

static void
show_error (TsFilesPage *self, const GError *error)
{
  g_autofree char *text = g_markup_escape_text (error->message, -1);
  g_autofree char *description = NULL;

  if (g_error_matches (error, TS_BACKEND_ERROR, TS_BACKEND_ERROR_ACCESS_DENIED))
    description = g_strdup_printf ("%s\n\n<small>%s</small>",
                                   _("This process belongs to another user: only its owner "
                                     "or an administrator can see its open files."),
                                   text);
  else
    description = g_strdup (text);
  show_status (self, "error",
               g_error_matches (error, TS_BACKEND_ERROR, TS_BACKEND_ERROR_ACCESS_DENIED)
                 ? "changes-prevent-symbolic" : "dialog-warning-symbolic",
               _("Open Files Not Available"), description);
}

static void
update_state (TsFilesPage *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  const GError *error = NULL;
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

  if (self->applied)
    {
      gsize n;

      ts_process_details_get_open_files (self->details, &n, &error);
    }
  else
    /* Gone before the first read: why it could not be read at all. */
    error = ts_process_details_get_error (self->details);
  if (error != NULL && total == 0)
    {
      gtk_label_set_text (self->count_label, "");
      show_error (self, error);
      return;
    }

  if (self->search != NULL)
    /* Translators: open files shown of all open files. */
    count = g_strdup_printf (_("%u of %u"), shown, total);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open file", "%u open files", total), total);
  gtk_label_set_text (self->count_label, count);

  if (total == 0)
    show_status (self, "empty", "text-x-generic-symbolic", _("No Open Files"),
                 _("The process has no file descriptors open"));
  else if (shown == 0)
    show_status (self, "no-matches", "system-search-symbolic", _("No Matches"),
                 _("No open file matches the filter"));
  else
    {
      self->state = "list";
      gtk_stack_set_visible_child_name (self->stack, "list");
    }
}

/* --------------------------------------------------------------- update */

static int
compare_open_file (const void *a, const void *b)
{
  const TsOpenFile *x = *(const TsOpenFile *const *) a, *y = *(const TsOpenFile *const *) b;

  return (x->fd > y->fd) - (x->fd < y->fd);
}

/* Merges the new list into the store by fd: only added, removed or
 * replaced rows change the model; the rest are updated in place. */
static void
apply_files (TsFilesPage *self, const TsOpenFile *files, gsize n)
{
  g_autofree const TsOpenFile **sorted = g_new (const TsOpenFile *, n + 1);
  gboolean changed = FALSE;
  guint pos = 0;
  gsize i = 0;

  for (gsize k = 0; k < n; k++)
    sorted[k] = &files[k];
  qsort (sorted, n, sizeof *sorted, compare_open_file);

  while (pos < g_list_model_get_n_items (G_LIST_MODEL (self->store)) || i < n)
    {
      g_autoptr(TsOpenFileItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), pos);
      int fd = item != NULL ? ts_open_file_item_get_fd (item) : G_MAXINT;

      if (item != NULL && (i == n || fd < sorted[i]->fd))
        g_list_store_remove (self->store, pos);
      else if (item == NULL || sorted[i]->fd < fd)
        {
          g_autoptr(TsOpenFileItem) added = ts_open_file_item_new (sorted[i++]);

          g_list_store_insert (self->store, pos++, added);
        }
      else if (!ts_open_file_item_is_same (item, sorted[i]))
        {
          g_autoptr(TsOpenFileItem) added = ts_open_file_item_new (sorted[i++]);

          g_list_store_splice (self->store, pos++, 1, (gpointer *) &added, 1);
        }
      else
        {
          gint64 position = ts_open_file_item_get_position (item);
          int flags = ts_open_file_item_get_flags (item);

          ts_open_file_item_update (item, sorted[i++]);
          changed |= position != ts_open_file_item_get_position (item)
                     || flags != ts_open_file_item_get_flags (item);
          pos++;
        }
    }

  /* Rows updated in place may belong elsewhere in the sorted view now. */
  if (changed)
    {
      self->resorting = TRUE;
      gtk_sorter_changed (gtk_column_view_get_sorter (self->column_view), GTK_SORTER_CHANGE_DIFFERENT);
      self->resorting = FALSE;
    }
}

static void
details_updated_cb (TsFilesPage *self)
{
  const TsOpenFile *files;
  const GError *error = NULL;
  gsize n = 0;

  /* An exited process keeps its last list. */
  if (ts_process_details_get_alive (self->details))
    {
      keep_scroll (self, gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scrolled)));
      files = ts_process_details_get_open_files (self->details, &n, &error);
      apply_files (self, error != NULL ? NULL : files, error != NULL ? 0 : n);
      self->applied = TRUE;
    }
  update_state (self);
}

/* ------------------------------------------------------------------ copy */

static void
copy_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TsFilesPage *self = TS_FILES_PAGE (widget);
  TsOpenFileItem *item = gtk_single_selection_get_selected_item (self->selection);

  (void) action_name;
  (void) parameter;
  if (item != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), ts_open_file_item_get_path (item));
}

static void
selection_changed_cb (TsFilesPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "files.copy",
                                 gtk_single_selection_get_selected_item (self->selection) != NULL);
}

static void
context_click_cb (GtkGestureClick *gesture, int n_press, double x, double y, TsFilesPage *self)
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
search_changed_cb (TsFilesPage *self)
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
stop_search_cb (TsFilesPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* ------------------------------------------------------------ public API */

TsFilesPage *
ts_files_page_new (void)
{
  return g_object_new (TS_TYPE_FILES_PAGE, NULL);
}

void
ts_files_page_set_details (TsFilesPage      *self,
                           TsProcessDetails *details)
{
  g_return_if_fail (TS_IS_FILES_PAGE (self));
  g_return_if_fail (details == NULL || TS_IS_PROCESS_DETAILS (details));

  if (self->details == details)
    return;
  if (self->details != NULL)
    g_signal_handlers_disconnect_by_data (self->details, self);
  g_set_object (&self->details, details);
  self->applied = FALSE;
  /* Another process: none of the rows are the same files. */
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
ts_files_page_get_details (TsFilesPage *self)
{
  g_return_val_if_fail (TS_IS_FILES_PAGE (self), NULL);
  return self->details;
}

void
ts_files_page_set_filter (TsFilesPage *self,
                          const char  *text)
{
  g_return_if_fail (TS_IS_FILES_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* search-changed comes after a delay; callers expect the result now. */
  search_changed_cb (self);
}

GListModel *
ts_files_page_get_model (TsFilesPage *self)
{
  g_return_val_if_fail (TS_IS_FILES_PAGE (self), NULL);
  return G_LIST_MODEL (self->selection);
}

GtkSelectionModel *
ts_files_page_get_selection (TsFilesPage *self)
{
  g_return_val_if_fail (TS_IS_FILES_PAGE (self), NULL);
  return GTK_SELECTION_MODEL (self->selection);
}

guint
ts_files_page_get_n_files (TsFilesPage *self)
{
  g_return_val_if_fail (TS_IS_FILES_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->store));
}

const char *
ts_files_page_get_state (TsFilesPage *self)
{
  g_return_val_if_fail (TS_IS_FILES_PAGE (self), NULL);
  return self->state;
}

AdwStatusPage *
ts_files_page_get_status_page (TsFilesPage *self)
{
  g_return_val_if_fail (TS_IS_FILES_PAGE (self), NULL);
  return self->status_page;
}

const char *
ts_files_page_get_count_text (TsFilesPage *self)
{
  g_return_val_if_fail (TS_IS_FILES_PAGE (self), NULL);
  return gtk_label_get_text (self->count_label);
}

GtkColumnView *
ts_files_page_get_column_view (TsFilesPage *self)
{
  g_return_val_if_fail (TS_IS_FILES_PAGE (self), NULL);
  return self->column_view;
}

/* ------------------------------------------------------------- lifecycle */

static void
ts_files_page_dispose (GObject *object)
{
  TsFilesPage *self = TS_FILES_PAGE (object);

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

  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_FILES_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (ts_files_page_parent_class)->dispose (object);
}

static void
ts_files_page_class_init (TsFilesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ts_files_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/taskscope/Taskscope/ts-files-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TsFilesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TsFilesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, TsFilesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TsFilesPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, TsFilesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, TsFilesPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, TsFilesPage, context_model);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_install_action (widget_class, "files.copy", NULL, copy_activated);
  /* The entry's own Ctrl+C runs first when it has the focus. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "files.copy", NULL);
}

static void
ts_files_page_init (TsFilesPage *self)
{
  GtkColumnViewColumn *fd_column, *path_column;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->state = "loading";

  fd_column = add_column (self, _("FD"), format_fd, TS_CELL_NUMERIC, "fd", compare_fd);
  add_column (self, _("Type"), format_type, TS_CELL_ICON, "kind", compare_type);
  add_column (self, _("Mode"), format_mode, TS_CELL_TEXT, "mode", compare_mode);
  add_column (self, _("Position"), format_position, TS_CELL_NUMERIC, "position", compare_position);
  path_column = add_column (self, _("Path"), format_path, TS_CELL_ELLIPSIZE_MIDDLE | TS_CELL_TAG,
                            NULL, compare_path);
  gtk_column_view_column_set_expand (path_column, TRUE);

  self->store = g_list_store_new (TS_TYPE_OPEN_FILE_ITEM);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_sort_by_column (self->column_view, fd_column, GTK_SORT_ASCENDING);

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
