/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ts-history.h"
#include "ts-units.h"

G_BEGIN_DECLS

/* TsGraph: a time graph of a TsHistory (CSS name `tsgraph`).
 *
 * The x axis is time: the right edge is the newest sample's time, the left
 * edge that minus ts_history_get_span(), so graphs of histories with the
 * same span line up whatever their refresh rate.  Each series of the
 * history is a line with a light fill, or, stacked, a band on top of the
 * previous series (CPU user + system + I/O wait).  NAN values leave a gap
 * (stacked: a NAN counts as 0 unless every series is NAN).
 *
 * Two looks:
 *  - full (default): a card (the `card` style class) with the title, the
 *    current value large in the top right corner (stacked: the sum of the
 *    series, otherwise the first series), a faint grid (horizontal lines at
 *    nice steps, vertical lines every 10 s / 1 min ...), the top of the scale
 *    and the span as small labels, and a legend: colour, label and current
 *    value of each series that has a label.  Remove the `card` class when
 *    the graph sits in a card of its own.
 *  - compact (ts_graph_set_compact): for sparklines, per-core tiles and
 *    list rows: a faint rounded background with the line or area; when the
 *    widget is at least 28 px high, the title top left and the current value
 *    top right in small print.  No grid, no legend, no scale labels.
 *
 * Colours are names of the style sheet's colours (`@define-color`), resolved
 * again whenever the style changes, so dark mode and high contrast work.
 * Besides libadwaita's own (accent_color, success_color, warning_color,
 * error_color, blue_3, ...), ts-graph.css defines a palette with light and
 * dark variants: graph_blue, graph_green, graph_yellow, graph_orange,
 * graph_red, graph_purple, graph_teal, graph_pink, graph_brown, graph_grey.
 * A series without a colour gets the palette in that order.
 *
 * Accessibility: role IMG; the description is the title and the current
 * value of each series ("CPU: User 12.3 %, System 4.1 %"), updated only
 * when that text changes.  Also put the numbers in text near the graph.
 *
 * Cost: when the graph is not mapped a history change does nothing but set
 * a flag; when mapped it formats the current values and queues a redraw.
 * A frame draws one path per series (fill and line) with at most one point
 * per pixel column (the column's largest value, so spikes stay visible);
 * its buffers are kept, so a warm frame allocates only what GTK's render
 * nodes need.  Measured in bench/graph-draw.c (bench/README.md).
 *
 * Typical use:
 *
 *   TsGraph *cpu = ts_graph_new ();
 *   ts_graph_set_title (cpu, _("CPU"));
 *   ts_graph_set_history (cpu, cpu_history);          // 3 series
 *   ts_graph_set_stacked (cpu, TRUE);
 *   ts_graph_set_range (cpu, 0, 100);
 *   ts_graph_set_unit (cpu, TS_GRAPH_UNIT_PERCENT);
 *   ts_graph_set_series (cpu, 0, _("User"), "graph_blue");
 *   ts_graph_set_series (cpu, 1, _("System"), "graph_orange");
 *   ts_graph_set_series (cpu, 2, _("I/O wait"), "graph_purple");
 *
 *   TsGraph *load = ...;                                // 1, 5, 15 min
 *   ts_graph_set_auto_scale (load, 1.0);
 *   ts_graph_add_marker (load, n_cpus, _("CPUs"), "warning_color");
 *
 *   TsGraph *net = ...;                                 // rx, tx
 *   ts_graph_set_unit (net, TS_GRAPH_UNIT_BYTES_PER_SECOND);
 *   ts_graph_set_auto_scale (net, 64 * 1024);
 */

#define TS_TYPE_GRAPH (ts_graph_get_type ())

G_DECLARE_FINAL_TYPE (TsGraph, ts_graph, TS, GRAPH, GtkWidget)

GtkWidget   *ts_graph_new            (void);

/* Property "history".  The graph keeps a reference and follows its
 * "changed" signal until another history (or NULL) is set or the graph is
 * disposed.  Series settings are kept across histories. */
void         ts_graph_set_history    (TsGraph     *self,
                                      TsHistory   *history);
TsHistory   *ts_graph_get_history    (TsGraph     *self);

/* Property "title": shown top left, first in the accessible description. */
void         ts_graph_set_title      (TsGraph     *self,
                                      const char  *title);
const char  *ts_graph_get_title      (TsGraph     *self);

/* Label (NULL: none; not in the legend) and colour name (NULL: the
 * palette colour for index) of series `index` of the history.  May be
 * called before the history is set. */
void         ts_graph_set_series     (TsGraph     *self,
                                      guint        index,
                                      const char  *label,
                                      const char  *color_name);

/* Property "stacked": bands on top of each other, the scale covers the
 * sum.  Default FALSE. */
void         ts_graph_set_stacked    (TsGraph     *self,
                                      gboolean     stacked);
gboolean     ts_graph_get_stacked    (TsGraph     *self);

/* Property "compact".  Default FALSE (full look). */
void         ts_graph_set_compact    (TsGraph     *self,
                                      gboolean     compact);
gboolean     ts_graph_get_compact    (TsGraph     *self);

/* Fixed scale from min to max (values outside are clipped); turns auto
 * scale off.  Default 0 to 100. */
void         ts_graph_set_range      (TsGraph     *self,
                                      double       min,
                                      double       max);
/* Auto scale: from 0 to ts_graph_nice_ceiling() of the largest value on
 * screen (stacked: of the sum), but at least nice_ceiling (min_ceiling), so
 * an idle network graph is not a full-height wiggle of a few bytes.
 * Markers do not widen the scale: one above it is not drawn. */
void         ts_graph_set_auto_scale (TsGraph     *self,
                                      double       min_ceiling);
/* The scale in use for the data shown now. */
void         ts_graph_get_scale      (TsGraph     *self,
                                      double      *min,
                                      double      *max);

/* Property "unit" (TS_TYPE_GRAPH_UNIT) for labels, legend and description.
 * Default TS_GRAPH_UNIT_PERCENT. */
void         ts_graph_set_unit       (TsGraph     *self,
                                      TsGraphUnit  unit);
TsGraphUnit  ts_graph_get_unit       (TsGraph     *self);

/* A dashed horizontal line at value, with label (may be NULL) at its right
 * end in full mode, in the style colour color_name (NULL: dim foreground).
 * E.g. the number of CPUs on a load graph, high and critical on a
 * temperature graph. */
void         ts_graph_add_marker     (TsGraph     *self,
                                      double       value,
                                      const char  *label,
                                      const char  *color_name);
void         ts_graph_clear_markers  (TsGraph     *self);

/* The accessible description as last set (NULL before the first one). */
const char  *ts_graph_get_description (TsGraph    *self);

/* For tests and benchmarks: how many times the graph was drawn and the
 * time spent in its snapshot function (µs, monotonic clock). */
void         ts_graph_get_draw_stats (TsGraph     *self,
                                      guint       *n_draws,
                                      gint64      *snapshot_us);

/* The smallest 1, 2 or 5 × 10^k at least v (a tiny rounding error above
 * such a number does not count).  1 for v <= 0 or NAN. */
double       ts_graph_nice_ceiling   (double       v);

/* Loads ts-graph.css (and its dark variant while libadwaita is dark) for
 * display, once; needs adw_init() (AdwApplication does it).  TsGraph and
 * TsMeter call it when realized.  Without the app's resources (a test or
 * tool that does not link them) graphs fall back to the accent colour. */
void         ts_graph_ensure_style   (GdkDisplay  *display);
/* The style's named colour name (NULL: skipped), else fallback_name's, else
 * fallback (NULL: the widget's foreground colour).  For css_changed. */
GdkRGBA      ts_graph_lookup_color   (GtkWidget     *widget,
                                      const char    *name,
                                      const char    *fallback_name,
                                      const GdkRGBA *fallback);

G_END_DECLS
