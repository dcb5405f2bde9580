/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The NAME and VALUE columns of the Environment page, over TsEnvVar items.
 * Cells are single lines (a 100 kB value is cut for display and ellipsized;
 * the tooltip holds a longer part).  With compare on, ADDED, CHANGED and
 * REMOVED entries get a coloured mark, REMOVED ones are struck through and
 * a CHANGED one shows the parent's value under its own. */

typedef struct _TsEnvCells TsEnvCells;

/* Characters of a value shown in a cell and in a tooltip. */
#define TS_ENV_CELL_MAX    2048
#define TS_ENV_TOOLTIP_MAX 4000

TsEnvCells  *ts_env_cells_new           (GtkColumnView *column_view);
void         ts_env_cells_free          (TsEnvCells    *cells);
/* Re-marks the rows on screen. */
void         ts_env_cells_set_compare   (TsEnvCells    *cells,
                                         gboolean       compare);
/* The list item a cell's widget (or a child of it) shows, or NULL. */
GtkListItem *ts_env_cells_list_item_for (GtkWidget     *widget);
/* text cut to at most max bytes on a character boundary, "…" added when
 * cut. */
char        *ts_env_cells_truncate      (const char    *text,
                                         gsize          max);

G_END_DECLS
