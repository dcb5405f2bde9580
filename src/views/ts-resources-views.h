/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The views of TsResourcesPage, one per sidebar tile: CPU, memory, each
 * disk and each network interface.  Private to ts-resources-page.c. */

#include <gtk/gtk.h>

#include "ts-monitor.h"

G_BEGIN_DECLS

typedef struct _TsResView TsResView;

struct _TsResView
{
  char        *id;          /* stack page name: "cpu", "memory", "disk:sda", "net:eth0" */
  char        *title;
  char        *subtitle;    /* shown under the title of the detail; may change */
  GtkWidget   *row;         /* the sidebar tile (a GtkListBoxRow) */
  GtkWidget   *detail;      /* the detail, a child of the page's stack */
  GHashTable  *labels;      /* key → GtkLabel, texts the page shows (and tests read) */
  GHashTable  *graphs;      /* key → TsGraph */
  GPtrArray   *slices;      /* Slice: histories the view derives from the monitor's */
  gpointer     object;      /* TsDiskStats or TsNetStats (a reference), or NULL */
  guint        n_cpus;      /* CPU view: what the core grid was built for */
  guint        n_freqs;
  guint64      totals[2];   /* memory view: the totals its ranges were set for */
  void       (*update_tile)   (TsResView *view, TsMonitor *monitor);
  void       (*update_detail) (TsResView *view, TsMonitor *monitor);
};

TsResView  *ts_res_view_new_cpu     (TsMonitor   *monitor);
TsResView  *ts_res_view_new_memory  (TsMonitor   *monitor);
TsResView  *ts_res_view_new_disk    (TsMonitor   *monitor,
                                     TsDiskStats *disk);
TsResView  *ts_res_view_new_net     (TsMonitor   *monitor,
                                     TsNetStats  *net);
void        ts_res_view_free        (TsResView   *view);

/* Sets the label of `key` to text (taken) when it differs; TRUE if it did. */
gboolean    ts_res_view_set_text    (TsResView   *view,
                                     const char  *key,
                                     char        *text);
const char *ts_res_view_get_text    (TsResView   *view,
                                     const char  *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsResView, ts_res_view_free)

G_END_DECLS
