/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the views of the Resources page are built with, shared by
 * ts-resources-views.c (the view, its tile and its parts),
 * ts-resources-cpu.c (CPU and memory) and ts-resources-devices.c (disks
 * and network interfaces). */

#include "ts-graph.h"
#include "ts-resources-views.h"

G_BEGIN_DECLS

#define TILE_GRAPH_H    26    /* under TsGraph's 28 px: a bare sparkline */
#define CORE_GRAPH_H    52
#define MAIN_GRAPH_H   200
#define SMALL_GRAPH_H  130

typedef void (*TsResViewUpdate) (TsResView *view,
                                 TsMonitor *monitor);

/* One number of a stat grid: the key of its label and its caption, marked
 * with N_() (the grid translates it). */
typedef struct
{
  const char *key;
  const char *caption;
} TsResStat;

TsResView *ts_res_view_alloc  (const char      *id,
                               const char      *title,
                               TsResViewUpdate  update_tile,
                               TsResViewUpdate  update_detail);
/* A history of its own with `n` of src's series, kept in step with src
 * for as long as the view lives. */
TsHistory *ts_res_view_slice  (TsResView   *view,
                               TsHistory   *src,
                               guint        n,
                               const guint *series);
TsGraph   *ts_res_view_graph  (TsResView   *view,
                               const char  *key);

void       ts_res_set_value   (TsResView   *view,
                               const char  *key,
                               double       v,
                               TsGraphUnit  unit);
void       ts_res_set_count   (TsResView   *view,
                               const char  *key,
                               guint64      n);
void       ts_res_set_rate    (TsResView   *view,
                               const char  *key,
                               double       v);
void       ts_res_set_error   (TsResView   *view,
                               const char  *key,
                               const GError *error);

GtkLabel  *ts_res_add_label   (TsResView   *view,
                               const char  *key,
                               GtkWidget   *label);
void       ts_res_add_error   (TsResView   *view,
                               GtkWidget   *box,
                               const char  *key);
void       ts_res_add_heading (GtkWidget   *box,
                               const char  *text);
GtkWidget *ts_res_add_graph   (TsResView   *view,
                               GtkWidget   *box,
                               const char  *key,
                               TsHistory   *history,
                               const char  *title,
                               TsGraphUnit  unit,
                               int          height);
GtkWidget *ts_res_add_stats   (GtkWidget   *box);
void       ts_res_add_stat    (TsResView   *view,
                               GtkWidget   *flow,
                               const char  *key,
                               const char  *caption);
/* ts_res_add_stats() with a ts_res_add_stat() for each of stats. */
GtkWidget *ts_res_add_stat_grid (TsResView       *view,
                                 GtkWidget       *box,
                                 const TsResStat *stats,
                                 gsize            n_stats);
void       ts_res_make_tile   (TsResView   *view,
                               TsHistory   *history,
                               gboolean     stacked);

G_END_DECLS
