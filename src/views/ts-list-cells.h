/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Column cells for the small tables of the process details (open files,
 * threads): a label with an optional icon before it and an optional tag
 * after it, filled by a format function and refreshed when the row's item
 * notifies the property the column watches.  Each cell widget carries its
 * GtkListItem as the "ts-list-item" object data, for context menus. */

typedef struct
{
  char       *text;     /* the cell's text; NULL shows nothing */
  char       *tooltip;  /* NULL: none */
  const char *icon;     /* an icon name, with TS_CELL_ICON */
  const char *tag;      /* a short word after the text ("deleted"), with TS_CELL_TAG */
  gboolean    dim;      /* a placeholder such as "—" */
} TsCell;

typedef void (*TsCellFormat) (gpointer item,
                              TsCell  *cell);

typedef enum
{
  TS_CELL_TEXT              = 0,
  TS_CELL_NUMERIC           = 1 << 0, /* right aligned, tabular figures */
  TS_CELL_ICON              = 1 << 1,
  TS_CELL_ELLIPSIZE_MIDDLE  = 1 << 2, /* paths: keep both ends */
  TS_CELL_TAG               = 1 << 3,
} TsCellFlags;

/* watch: the property whose notify refreshes the cell, or NULL for any. */
GtkListItemFactory *ts_list_cell_factory_new (TsCellFormat  format,
                                              TsCellFlags   flags,
                                              const char   *watch);

/* The GtkListItem of the cell under a picked widget, or NULL. */
GtkListItem        *ts_list_cell_find_item   (GtkWidget    *picked);

G_END_DECLS
