/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ts-monitor.h"

G_BEGIN_DECLS

#define TS_TYPE_RESOURCES_PAGE (ts_resources_page_get_type ())

G_DECLARE_FINAL_TYPE (TsResourcesPage, ts_resources_page, TS, RESOURCES_PAGE, AdwBin)

/* The Resources page: a sidebar of tiles (CPU, Memory, each disk, each
 * network interface; a name, the current value and a sparkline each) and
 * the detail of the selected tile beside it: large graphs and the numbers
 * under them.  An AdwLeaflet: at narrow widths the sidebar and the detail
 * take the whole width in turn, with a back button on the detail.
 *
 * It reads a TsMonitor that its owner drives (ts_monitor_sample on each
 * tick): on "changed" it sets the tiles' values and the numbers of the
 * detail on screen (a label's text only when it changed); the graphs
 * follow the monitor's histories on their own.  On "devices-changed" the
 * tiles are built again and the selection kept by name.  Partitions are
 * listed in their disk's detail, not as tiles; loop, ram and zram devices
 * and the loopback interface only with the monitor's "show-virtual" (a
 * check button under the sidebar switches it).  A source the monitor
 * cannot read shows its error as dim text where its numbers would be.
 *
 * Views are named "cpu", "memory", "disk:NAME" and "net:NAME".  The page
 * has no header bar of its own: put it straight into a view stack. */

GtkWidget   *ts_resources_page_new           (TsMonitor       *monitor);
TsMonitor   *ts_resources_page_get_monitor   (TsResourcesPage *self);

/* The names of the views in sidebar order. */
GStrv        ts_resources_page_dup_views     (TsResourcesPage *self);
/* Selects a tile and shows its detail (the detail takes the width when
 * folded); FALSE if there is no such view. */
gboolean     ts_resources_page_select        (TsResourcesPage *self,
                                              const char      *view);
const char  *ts_resources_page_get_selected  (TsResourcesPage *self);
/* Sidebar and detail side by side (FALSE) or in turn (TRUE). */
gboolean     ts_resources_page_get_folded    (TsResourcesPage *self);

/* For tests: the text shown for `key` in a view ("tile-value",
 * "tile-detail", "title", "subtitle", and the numbers of the detail, e.g.
 * "busy", "read-rate", "freq-0", "load-1"), as on screen; NULL when the
 * view has no such text.  The detail's numbers are those of the last
 * sample at which the view was selected. */
const char  *ts_resources_page_get_text      (TsResourcesPage *self,
                                              const char      *view,
                                              const char      *key);
/* The TsGraph of `key` ("tile", "usage", "core-0", "load", "memory",
 * "throughput", "busy", "traffic", ...) or NULL. */
GtkWidget   *ts_resources_page_get_graph     (TsResourcesPage *self,
                                              const char      *view,
                                              const char      *key);

G_END_DECLS
