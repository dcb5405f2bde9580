/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The NAME and VALUE columns of the Environment page, over TsEnvVar items.
 * Cells are single lines (a 100 kB value is cut for display and ellipsized;
 * the tooltip holds a longer part).  With compare on, ADDED, CHANGED and
 * REMOVED entries get a coloured mark, REMOVED ones are struck through and
 * a CHANGED one shows the parent's value under its own.  Each cell carries
 * its GtkListItem as ts-list-cells.h's do, for ts_list_cell_find_item(). */

typedef struct _TsEnvCells TsEnvCells;

/* Characters of a value shown in a cell and in a tooltip. */
#define TS_ENV_CELL_MAX    2048
#define TS_ENV_TOOLTIP_MAX 4000

TsEnvCells  *ts_env_cells_new           (GtkColumnView *column_view);
void         ts_env_cells_free          (TsEnvCells    *cells);
/* Re-marks the rows on screen. */
void         ts_env_cells_set_compare   (TsEnvCells    *cells,
                                         gboolean       compare);
/* text cut to at most max bytes on a character boundary, "…" added when
 * cut. */
char        *ts_env_cells_truncate      (const char    *text,
                                         gsize          max);

G_END_DECLS
