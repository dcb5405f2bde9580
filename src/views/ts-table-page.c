/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-table-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-table-page.h"

/* ------------------------------------------------------------- scrolling */

/* GTK 4.8 moves the list when rows change or are sorted (its anchor row is
 * kept in view, and a sort scrolls to the bottom): put the offset back
 * once the rows are laid out, only if it moved. */
static gboolean
restore_offset_cb (gpointer data)
{
  TsTablePage *self = data;
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scrolled);

  self->scroll_idle = 0;
  if (ABS (gtk_adjustment_get_value (vadj) - self->scroll_offset) >= 0.5)
    gtk_adjustment_set_value (vadj, self->scroll_offset);
  return G_SOURCE_REMOVE;
}

static void
keep_scroll_at (TsTablePage *self, double value)
{
  self->scroll_offset = value;
  if (self->scroll_idle == 0)
    self->scroll_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, restore_offset_cb, self, NULL);
}

void
ts_table_page_keep_scroll (TsTablePage *self)
{
  keep_scroll_at (self, gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scrolled)));
}

static void
sorter_changed_cb (TsTablePage *self)
{
  /* A header click: GTK 4.8 scrolled to the bottom, start at the top. */
  if (!self->resorting)
    keep_scroll_at (self, 0);
}

void
ts_table_page_resort (TsTablePage *self)
{
  self->resorting = TRUE;
  gtk_sorter_changed (gtk_column_view_get_sorter (self->column_view), GTK_SORTER_CHANGE_DIFFERENT);
  self->resorting = FALSE;
}

/* --------------------------------------------------------------- columns */

GtkColumnViewColumn *
ts_table_page_add_column (TsTablePage      *self,
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

/* ---------------------------------------------------------------- search */

void
ts_table_page_take_search (TsTablePage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search, g_free);
  if (*stripped != '\0')
    self->search = g_utf8_casefold (stripped, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* ----------------------------------------------------------------- merge */

static int
compare_entries (gconstpointer a, gconstpointer b, gpointer data)
{
  const TsTableMerge *merge = data;
  int x = merge->entry_key (*(gconstpointer const *) a);
  int y = merge->entry_key (*(gconstpointer const *) b);

  return (x > y) - (x < y);
}

/* Only added, removed or replaced rows change the model; the rest are
 * updated in place, so selection and scroll position stay. */
gboolean
ts_table_page_merge (TsTablePage        *self,
                     const TsTableMerge *merge,
                     gconstpointer       entries,
                     gsize               n,
                     gsize               entry_size,
                     gpointer            data)
{
  GListModel *model = G_LIST_MODEL (self->store);
  g_autofree gconstpointer *sorted = g_new (gconstpointer, n + 1);
  gboolean changed = FALSE;
  guint pos = 0;
  gsize i = 0;

  for (gsize k = 0; k < n; k++)
    sorted[k] = (const char *) entries + k * entry_size;
  g_qsort_with_data (sorted, (int) n, sizeof *sorted, compare_entries, (gpointer) merge);

  while (pos < g_list_model_get_n_items (model) || i < n)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, pos);
      int key = item != NULL ? merge->item_key (item) : G_MAXINT;

      if (item != NULL && (i == n || key < merge->entry_key (sorted[i])))
        g_list_store_remove (self->store, pos);
      else if (item == NULL || merge->entry_key (sorted[i]) < key)
        {
          g_autoptr(GObject) added = merge->new_item (sorted[i++], data);

          g_list_store_insert (self->store, pos++, added);
        }
      else if (merge->is_same != NULL && !merge->is_same (item, sorted[i]))
        {
          g_autoptr(GObject) added = merge->new_item (sorted[i++], data);

          g_list_store_splice (self->store, pos++, 1, (gpointer *) &added, 1);
        }
      else
        {
          changed |= merge->update (item, sorted[i++], data);
          pos++;
        }
    }
  return changed;
}

/* ---------------------------------------------------------------- status */

guint
ts_table_page_get_n_items (TsTablePage *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->store));
}

gboolean
ts_table_page_begin_update (TsTablePage *self,
                            gboolean     loaded)
{
  guint total = ts_table_page_get_n_items (self);

  /* Nothing to filter: the entry waits (unless the filter is on). */
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), total > 0 || self->search != NULL);

  if (!loaded)
    {
      self->state = "loading";
      gtk_label_set_text (self->count_label, "");
      gtk_stack_set_visible_child_name (self->stack, "list");
    }
  return loaded;
}

void
ts_table_page_show_status (TsTablePage *self,
                           const char  *state,
                           const char  *icon,
                           const char  *title,
                           const char  *description)
{
  self->state = state;
  adw_status_page_set_icon_name (self->status_page, icon);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_stack_set_visible_child_name (self->stack, "status");
}

void
ts_table_page_show_error (TsTablePage *self,
                          const char  *title,
                          gboolean     denied,
                          const char  *denied_text,
                          const char  *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  g_autofree char *description = NULL;

  gtk_label_set_text (self->count_label, "");
  if (denied)
    description = g_strdup_printf ("%s\n\n<small>%s</small>", denied_text, escaped);
  else
    description = g_strdup (escaped);
  ts_table_page_show_status (self, "error", denied ? "changes-prevent-symbolic" : "dialog-warning-symbolic",
                             title, description);
}

void
ts_table_page_show_rows (TsTablePage *self,
                         const char  *count_all,
                         const char  *empty_icon,
                         const char  *empty_title,
                         const char  *empty_description,
                         const char  *no_matches_description)
{
  guint total = ts_table_page_get_n_items (self);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  if (self->search != NULL)
    {
      /* Translators: rows shown of all rows (open files, threads). */
      g_autofree char *count = g_strdup_printf (_("%u of %u"), shown, total);

      gtk_label_set_text (self->count_label, count);
    }
  else
    gtk_label_set_text (self->count_label, count_all);

  if (total == 0)
    ts_table_page_show_status (self, "empty", empty_icon, empty_title, empty_description);
  else if (shown == 0)
    ts_table_page_show_status (self, "no-matches", "system-search-symbolic", _("No Matches"),
                               no_matches_description);
  else
    {
      self->state = "list";
      gtk_stack_set_visible_child_name (self->stack, "list");
    }
}

/* ---------------------------------------------------------- context menu */

void
ts_table_context_menu_popup (GtkWidget *menu,
                             double     x,
                             double     y)
{
  gtk_popover_set_pointing_to (GTK_POPOVER (menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (menu));
}

/* Right click: select the row under the pointer, open the menu there. */
static void
context_click_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkWidget       *menu)
{
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *picked = gtk_widget_pick (view, x, y, GTK_PICK_DEFAULT);
  GtkListItem *item = ts_list_cell_find_item (picked);
  GtkSelectionModel *selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (view));

  (void) n_press;
  if (item == NULL || gtk_list_item_get_position (item) == GTK_INVALID_LIST_POSITION || selection == NULL)
    return;
  gtk_selection_model_select_item (selection, gtk_list_item_get_position (item), TRUE);
  ts_table_context_menu_popup (menu, x, y);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

GtkWidget *
ts_table_context_menu_new (GtkColumnView *view,
                           GMenuModel    *model)
{
  GtkWidget *menu = gtk_popover_menu_new_from_model (model);
  GtkGesture *click;

  gtk_widget_set_parent (menu, GTK_WIDGET (view));
  gtk_popover_set_has_arrow (GTK_POPOVER (menu), FALSE);
  gtk_widget_set_halign (menu, GTK_ALIGN_START);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (context_click_cb), menu);
  gtk_widget_add_controller (GTK_WIDGET (view), GTK_EVENT_CONTROLLER (click));
  return menu;
}

/* ------------------------------------------------------------- lifecycle */

static void
selection_changed_cb (TsTablePage *self)
{
  gtk_widget_action_set_enabled (self->owner, self->copy_action,
                                 gtk_single_selection_get_selected_item (self->selection) != NULL);
}

void
ts_table_page_bind_template (GtkWidgetClass *widget_class,
                             gssize          offset)
{
#define BIND(member) \
  gtk_widget_class_bind_template_child_full (widget_class, #member, FALSE, \
                                             offset + G_STRUCT_OFFSET (TsTablePage, member))
  BIND (search_entry);
  BIND (count_label);
  BIND (stack);
  BIND (scrolled);
  BIND (column_view);
  BIND (status_page);
  BIND (context_model);
#undef BIND
}

void
ts_table_page_setup (TsTablePage         *self,
                     GtkWidget           *owner,
                     GType                item_type,
                     GtkCustomFilterFunc  filter_func,
                     GtkColumnViewColumn *sort_column,
                     GCallback            update_state,
                     const char          *copy_action)
{
  self->owner = owner;
  self->copy_action = copy_action;
  self->state = "loading";

  self->store = g_list_store_new (item_type);
  self->filter = gtk_custom_filter_new (filter_func, owner, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_sort_by_column (self->column_view, sort_column, GTK_SORT_ASCENDING);

  g_signal_connect_swapped (gtk_column_view_get_sorter (self->column_view), "changed",
                            G_CALLBACK (sorter_changed_cb), self);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->filter_model, "items-changed", update_state, owner);
  selection_changed_cb (self);

  self->context_menu = ts_table_context_menu_new (self->column_view, self->context_model);
}

void
ts_table_page_dispose (TsTablePage *self)
{
  if (self->column_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
      gtk_column_view_set_model (self->column_view, NULL);
    }
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_model, self->owner);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  g_clear_handle_id (&self->scroll_idle, g_source_remove);
}

void
ts_table_page_clear (TsTablePage *self)
{
  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_pointer (&self->search, g_free);
}
