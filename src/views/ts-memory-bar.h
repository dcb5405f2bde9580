/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TS_TYPE_MEMORY_BAR (ts_memory_bar_get_type ())

G_DECLARE_FINAL_TYPE (TsMemoryBar, ts_memory_bar, TS, MEMORY_BAR, GtkWidget)

/* One stacked bar of a process's memory: USS (its own), the shared part of
 * RSS (RSS − USS) and swap, each as a share of their sum.  Colours come
 * from the style sheet: accent, then the named colours "ts_shared_color"
 * and "ts_swap_color" if the theme defines them, else fixed ones. */

GtkWidget *ts_memory_bar_new        (void);
/* Bytes; a negative value or all zero draws an empty track. */
void       ts_memory_bar_set_values (TsMemoryBar *self,
                                     guint64      uss,
                                     guint64      shared,
                                     guint64      swap);

G_END_DECLS
