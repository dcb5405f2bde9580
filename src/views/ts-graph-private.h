/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* TsGraph's insides, shared by ts-graph.c (the object, texts, style) and
 * ts-graph-draw.c (points, scale and the frame). */

#include <cairo.h>

#include "ts-graph.h"

G_BEGIN_DECLS

#define PLOT_RADIUS    6.0
#define COMPACT_TEXT_H 28     /* below this a compact graph shows no text */
#define LEGEND_GAP     16.0

typedef struct
{
  char        *label;
  char        *color_name;
  GdkRGBA      color;
  char        *value_text;
  PangoLayout *label_layout;
  PangoLayout *value_layout;
  /* Cached gradient of the fill, for this geometry and alpha. */
  cairo_pattern_t *fill;
  double       fill_top;
  double       fill_base;
  float        fill_alpha;
} Series;

typedef struct
{
  double       value;
  char        *color_name;
  GdkRGBA      color;
  PangoLayout *layout;    /* NULL without a label */
} Marker;

struct _TsGraph
{
  GtkWidget     parent_instance;

  TsHistory    *history;
  gulong        changed_id;
  char         *title;
  GArray       *series;   /* Series; may be longer than the history's */
  GArray       *markers;  /* Marker */
  TsGraphUnit   unit;
  double        range_min;
  double        range_max;
  double        min_ceiling;
  guint         auto_scale : 1;
  guint         stacked : 1;
  guint         compact : 1;

  GdkRGBA       fg;

  /* One frame's points: n_points rows of (x, value per series). */
  double       *points;
  gsize         points_capacity;  /* in doubles */
  guint         n_points;
  double        scale_min;
  double        scale_max;

  PangoLayout  *title_layout;
  PangoLayout  *value_layout;
  PangoLayout  *top_layout;
  PangoLayout  *span_layout;
  char         *value_text;
  double        top_value;
  gint64        span_shown;

  char         *description;
  guint         n_draws;
  gint64        snapshot_us;
};

static inline GdkRGBA
with_alpha (const GdkRGBA *c,
            float          alpha)
{
  return (GdkRGBA) { c->red, c->green, c->blue, c->alpha * alpha };
}

static inline guint
ts_graph_n_series (TsGraph *self)
{
  return self->history != NULL ? ts_history_get_n_series (self->history) : 0;
}

/* Fills self->points for a plot `width` wide and sets the scale; returns
 * the rows' stride. */
guint   ts_graph_collect_points (TsGraph     *self,
                                 double       width);
/* Height of the legend laid out across width (0 without labels). */
double  ts_graph_legend_height  (TsGraph     *self,
                                 double       width);
void    ts_graph_draw           (TsGraph     *self,
                                 GtkSnapshot *snapshot);

G_END_DECLS
