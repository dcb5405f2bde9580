/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-files-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ts-backend-error.h"
#include "ts-files-page.h"
#include "ts-open-file-item.h"
#include "ts-table-page.h"

struct _TsFilesPage
{
  AdwBin            parent_instance;

  TsTablePage       table;       /* TsOpenFileItem, ascending by fd */
  TsProcessDetails *details;
  gboolean          applied;     /* a good read of this details was shown */
};

G_DEFINE_FINAL_TYPE (TsFilesPage, ts_files_page, ADW_TYPE_BIN)

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

/* ----------------------------------------------------------- the filter */

static gboolean
filter_func (gpointer item, gpointer data)
{
  TsFilesPage *self = data;
  g_autofree char *path = NULL;
  g_autofree char *kind = NULL;
  char fd[16];

  if (self->table.search == NULL)
    return TRUE;
  g_snprintf (fd, sizeof fd, "%d", ts_open_file_item_get_fd (item));
  if (g_str_has_prefix (fd, self->table.search))
    return TRUE;
  path = g_utf8_casefold (ts_open_file_item_get_path (item), -1);
  if (strstr (path, self->table.search) != NULL)
    return TRUE;
  kind = g_utf8_casefold (ts_fd_kind_get_label (ts_open_file_item_get_kind (item)), -1);
  return strstr (kind, self->table.search) != NULL;
}

/* --------------------------------------------------------------- status */

static void
update_state (TsFilesPage *self)
{
  TsTablePage *t = &self->table;
  guint total = ts_table_page_get_n_items (t);
  const GError *error = NULL;
  g_autofree char *count = NULL;

  if (!ts_table_page_begin_update (t, self->details != NULL && ts_process_details_get_loaded (self->details)))
    return;

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
      ts_table_page_show_error (t, _("Open Files Not Available"),
                                g_error_matches (error, TS_BACKEND_ERROR, TS_BACKEND_ERROR_ACCESS_DENIED),
                                _("This process belongs to another user: only its owner "
                                  "or an administrator can see its open files."),
                                error->message);
      return;
    }

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open file", "%u open files", total), total);
  ts_table_page_show_rows (t, count, "text-x-generic-symbolic", _("No Open Files"),
                           _("The process has no file descriptors open"),
                           _("No open file matches the filter"));
}

/* --------------------------------------------------------------- update */

static int
item_fd (gpointer item)
{
  return ts_open_file_item_get_fd (item);
}

static int
entry_fd (gconstpointer entry)
{
  return ((const TsOpenFile *) entry)->fd;
}

static gpointer
new_item (gconstpointer entry, gpointer data)
{
  (void) data;
  return ts_open_file_item_new (entry);
}

static gboolean
is_same (gpointer item, gconstpointer entry)
{
  return ts_open_file_item_is_same (item, entry);
}

static gboolean
update_item (gpointer item, gconstpointer entry, gpointer data)
{
  gint64 position = ts_open_file_item_get_position (item);
  int flags = ts_open_file_item_get_flags (item);

  (void) data;
  ts_open_file_item_update (item, entry);
  return position != ts_open_file_item_get_position (item) || flags != ts_open_file_item_get_flags (item);
}

static const TsTableMerge merge_files = { item_fd, entry_fd, new_item, is_same, update_item };

static void
details_updated_cb (TsFilesPage *self)
{
  const TsOpenFile *files;
  const GError *error = NULL;
  gsize n = 0;

  /* An exited process keeps its last list. */
  if (ts_process_details_get_alive (self->details))
    {
      ts_table_page_keep_scroll (&self->table);
      files = ts_process_details_get_open_files (self->details, &n, &error);
      /* Rows updated in place may belong elsewhere in the sorted view now. */
      if (ts_table_page_merge (&self->table, &merge_files, error != NULL ? NULL : files,
                               error != NULL ? 0 : n, sizeof *files, NULL))
        ts_table_page_resort (&self->table);
      self->applied = TRUE;
    }
  update_state (self);
}

/* ------------------------------------------------------------------ copy */

static void
copy_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TsFilesPage *self = TS_FILES_PAGE (widget);
  TsOpenFileItem *item = gtk_single_selection_get_selected_item (self->table.selection);

  (void) action_name;
  (void) parameter;
  if (item != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), ts_open_file_item_get_path (item));
}

/* ----------------------------------------------------------------- search */

static void
search_changed_cb (TsFilesPage *self)
{
  ts_table_page_take_search (&self->table);
  update_state (self);
}

static void
stop_search_cb (TsFilesPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->table.search_entry), "");
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

  gtk_editable_set_text (GTK_EDITABLE (self->table.search_entry), text != NULL ? text : "");
  /* search-changed comes after a delay; callers expect the result now. */
  search_changed_cb (self);
}

GListModel *
ts_files_page_get_model (TsFilesPage *self)
{
  g_return_val_if_fail (TS_IS_FILES_PAGE (self), NULL);
  return G_LIST_MODEL (self->table.selection);
}

GtkSelectionModel *
ts_files_page_get_selection (TsFilesPage *self)
{
  g_return_val_if_fail (TS_IS_FILES_PAGE (self), NULL);
  return GTK_SELECTION_MODEL (self->table.selection);
}

guint
ts_files_page_get_n_files (TsFilesPage *self)
{
  g_return_val_if_fail (TS_IS_FILES_PAGE (self), 0);
  return ts_table_page_get_n_items (&self->table);
}

const char *
ts_files_page_get_state (TsFilesPage *self)
{
  g_return_val_if_fail (TS_IS_FILES_PAGE (self), NULL);
  return self->table.state;
}

AdwStatusPage *
ts_files_page_get_status_page (TsFilesPage *self)
{
  g_return_val_if_fail (TS_IS_FILES_PAGE (self), NULL);
  return self->table.status_page;
}

const char *
ts_files_page_get_count_text (TsFilesPage *self)
{
  g_return_val_if_fail (TS_IS_FILES_PAGE (self), NULL);
  return gtk_label_get_text (self->table.count_label);
}

GtkColumnView *
ts_files_page_get_column_view (TsFilesPage *self)
{
  g_return_val_if_fail (TS_IS_FILES_PAGE (self), NULL);
  return self->table.column_view;
}

/* ------------------------------------------------------------- lifecycle */

static void
ts_files_page_dispose (GObject *object)
{
  TsFilesPage *self = TS_FILES_PAGE (object);

  if (self->details != NULL)
    g_signal_handlers_disconnect_by_data (self->details, self);
  g_clear_object (&self->details);
  ts_table_page_dispose (&self->table);

  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_FILES_PAGE);

  ts_table_page_clear (&self->table);

  G_OBJECT_CLASS (ts_files_page_parent_class)->dispose (object);
}

static void
ts_files_page_class_init (TsFilesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ts_files_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/taskscope/Taskscope/ts-files-page.ui");
  ts_table_page_bind_template (widget_class, G_STRUCT_OFFSET (TsFilesPage, table));
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_install_action (widget_class, "files.copy", NULL, copy_activated);
  /* The entry's own Ctrl+C runs first when it has the focus. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "files.copy", NULL);
}

static void
ts_files_page_init (TsFilesPage *self)
{
  TsTablePage *t = &self->table;
  GtkColumnViewColumn *fd_column, *path_column;

  gtk_widget_init_template (GTK_WIDGET (self));

  fd_column = ts_table_page_add_column (t, _("FD"), format_fd, TS_CELL_NUMERIC, "fd", compare_fd);
  ts_table_page_add_column (t, _("Type"), format_type, TS_CELL_ICON, "kind", compare_type);
  ts_table_page_add_column (t, _("Mode"), format_mode, TS_CELL_TEXT, "mode", compare_mode);
  ts_table_page_add_column (t, _("Position"), format_position, TS_CELL_NUMERIC, "position", compare_position);
  path_column = ts_table_page_add_column (t, _("Path"), format_path, TS_CELL_ELLIPSIZE_MIDDLE | TS_CELL_TAG,
                                          NULL, compare_path);
  gtk_column_view_column_set_expand (path_column, TRUE);

  ts_table_page_setup (t, GTK_WIDGET (self), TS_TYPE_OPEN_FILE_ITEM, filter_func, fd_column,
                       G_CALLBACK (update_state), "files.copy");
  update_state (self);
}
