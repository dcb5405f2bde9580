/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ts-list-cells.h"

G_BEGIN_DECLS

/* The machinery the small tables of the process details (open files,
 * threads) share: a plain struct each page embeds in its instance, not a
 * widget.  The page's template provides the children (bound with
 * ts_table_page_bind_template()); the helper builds store -> filter ->
 * sort -> single selection, keeps the scroll offset across updates and
 * sorts (GTK 4.8 moves it), shows the status page or the list, and opens
 * the row context menu on a right click.
 *
 * The page keeps its own filter function, state logic and API; it calls
 * ts_table_page_dispose() before gtk_widget_dispose_template() and
 * ts_table_page_clear() after it. */

typedef struct
{
  /* template children */
  GtkSearchEntry     *search_entry;
  GtkLabel           *count_label;
  GtkStack           *stack;
  GtkScrolledWindow  *scrolled;
  GtkColumnView      *column_view;
  AdwStatusPage      *status_page;
  GMenuModel         *context_model;

  GtkWidget          *owner;
  const char         *copy_action; /* enabled while a row is selected */
  GtkWidget          *context_menu;
  GListStore         *store;       /* ascending by the page's key */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  GtkSingleSelection *selection;
  char               *search;      /* casefolded, NULL when empty */
  const char         *state;
  gboolean            resorting;
  guint               scroll_idle;
  double              scroll_offset;
} TsTablePage;

/* How ts_table_page_merge() matches new entries (plain structs, one
 * integer key each, unique) with the store's items (ascending by key). */
typedef struct
{
  int      (*item_key)  (gpointer item);
  int      (*entry_key) (gconstpointer entry);
  /* A new item for an entry (full reference). */
  gpointer (*new_item)  (gconstpointer entry, gpointer data);
  /* NULL: an entry with the item's key is always the same row. */
  gboolean (*is_same)   (gpointer item, gconstpointer entry);
  /* Updates the item in place; TRUE when its place in a sorted view may
   * have changed. */
  gboolean (*update)    (gpointer item, gconstpointer entry, gpointer data);
} TsTableMerge;

/* offset: G_STRUCT_OFFSET (Page, the TsTablePage member). */
void                 ts_table_page_bind_template (GtkWidgetClass      *widget_class,
                                                  gssize               offset);

/* Before ts_table_page_setup(), after gtk_widget_init_template(). */
GtkColumnViewColumn *ts_table_page_add_column    (TsTablePage         *self,
                                                  const char          *title,
                                                  TsCellFormat         format,
                                                  TsCellFlags          flags,
                                                  const char          *watch,
                                                  GCompareDataFunc     compare);

/* filter_func gets owner as its data; update_state (owner) runs whenever
 * the rows shown change. */
void                 ts_table_page_setup         (TsTablePage         *self,
                                                  GtkWidget           *owner,
                                                  GType                item_type,
                                                  GtkCustomFilterFunc  filter_func,
                                                  GtkColumnViewColumn *sort_column,
                                                  GCallback            update_state,
                                                  const char          *copy_action);
void                 ts_table_page_dispose       (TsTablePage         *self);
void                 ts_table_page_clear         (TsTablePage         *self);

/* Puts the current offset back once the rows changing now are laid out. */
void                 ts_table_page_keep_scroll   (TsTablePage         *self);

/* Takes the entry's text as the search and filters again; the page then
 * updates its state. */
void                 ts_table_page_take_search   (TsTablePage         *self);

/* entries: n structs of entry_size bytes, in any order. Returns TRUE when
 * an item updated in place may belong elsewhere in the sorted view. */
gboolean             ts_table_page_merge         (TsTablePage         *self,
                                                  const TsTableMerge  *merge,
                                                  gconstpointer        entries,
                                                  gsize                n,
                                                  gsize                entry_size,
                                                  gpointer             data);
/* Sorts again without the scroll reset a header click gets. */
void                 ts_table_page_resort        (TsTablePage         *self);

guint                ts_table_page_get_n_items   (TsTablePage         *self);

/* Sets the entry's sensitivity; while not loaded shows the (empty) list in
 * the "loading" state and returns FALSE. */
gboolean             ts_table_page_begin_update  (TsTablePage         *self,
                                                  gboolean             loaded);
void                 ts_table_page_show_status   (TsTablePage         *self,
                                                  const char          *state,
                                                  const char          *icon,
                                                  const char          *title,
                                                  const char          *description);
/* message: the error's text, not escaped; denied_text: why a denied read
 * failed. Clears the count. */
void                 ts_table_page_show_error    (TsTablePage         *self,
                                                  const char          *title,
                                                  gboolean             denied,
                                                  const char          *denied_text,
                                                  const char          *message);
/* count_all: the count without a filter ("3 threads"). Shows the list, or
 * the "empty" or "no-matches" status. */
void                 ts_table_page_show_rows     (TsTablePage         *self,
                                                  const char          *count_all,
                                                  const char          *empty_icon,
                                                  const char          *empty_title,
                                                  const char          *empty_description,
                                                  const char          *no_matches_description);

/* A context menu for the rows of view, opened by a right click on a row
 * (which it selects in the view's model first); unparent it on dispose.
 * The cells must carry their GtkListItem (see ts-list-cells.h). */
GtkWidget           *ts_table_context_menu_new   (GtkColumnView       *view,
                                                  GMenuModel          *model);
void                 ts_table_context_menu_popup (GtkWidget           *menu,
                                                  double               x,
                                                  double               y);

G_END_DECLS
