/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-resources-views"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ts-graph.h"
#include "ts-resources-views-private.h"
#include "ts-units.h"

/* ---------------------------------------------------------------- slices */

/* A TsGraph draws every series of its history on one scale, and a disk's
 * history mixes bytes/s with a percentage: the view follows such a history
 * and copies the series it wants into one of its own. */
typedef struct
{
  TsHistory *src;
  TsHistory *dst;
  guint      series[TS_DISK_N_SERIES];
  guint      n;
  gulong     changed_id;
} Slice;

static void
slice_sync (Slice *s)
{
  guint len = ts_history_get_length (s->src);
  gint64 last = ts_history_get_last_time (s->dst);
  double values[TS_DISK_N_SERIES];
  guint first = len;

  if (ts_history_get_span (s->dst) != ts_history_get_span (s->src))
    ts_history_set_span (s->dst, ts_history_get_span (s->src));
  if (len == 0)
    {
      if (ts_history_get_length (s->dst) > 0)
        ts_history_clear (s->dst);
      return;
    }
  /* Usually the one sample just pushed; all of them the first time. */
  while (first > 0 && ts_history_get_time (s->src, first - 1) > last)
    first--;
  for (guint i = first; i < len; i++)
    {
      for (guint k = 0; k < s->n; k++)
        values[k] = ts_history_get_value (s->src, i, s->series[k]);
      ts_history_push (s->dst, ts_history_get_time (s->src, i), values);
    }
}

static void
slice_free (gpointer data)
{
  Slice *s = data;

  g_clear_signal_handler (&s->changed_id, s->src);
  g_clear_object (&s->src);
  g_clear_object (&s->dst);
  g_free (s);
}

TsHistory *
ts_res_view_slice (TsResView *view, TsHistory *src, guint n, const guint *series)
{
  Slice *s = g_new0 (Slice, 1);

  g_assert (n <= G_N_ELEMENTS (s->series));
  s->src = g_object_ref (src);
  s->dst = ts_history_new (n, ts_history_get_span (src));
  s->n = n;
  memcpy (s->series, series, n * sizeof *series);
  s->changed_id = g_signal_connect_swapped (src, "changed", G_CALLBACK (slice_sync), s);
  slice_sync (s);
  g_ptr_array_add (view->slices, s);
  return s->dst;
}

/* ----------------------------------------------------------- the view */

TsResView *
ts_res_view_alloc (const char      *id,
                   const char      *title,
                   TsResViewUpdate  update_tile,
                   TsResViewUpdate  update_detail)
{
  TsResView *view = g_new0 (TsResView, 1);

  view->id = g_strdup (id);
  view->title = g_strdup (title);
  view->update_tile = update_tile;
  view->update_detail = update_detail;
  view->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  view->graphs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  view->slices = g_ptr_array_new_with_free_func (slice_free);
  view->detail = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_object_ref_sink (view->detail);
  gtk_widget_add_css_class (view->detail, "ts-resource-detail");
  return view;
}

void
ts_res_view_free (TsResView *view)
{
  if (view == NULL)
    return;
  /* Slices first: their graphs may outlive this (a pending frame). */
  g_clear_pointer (&view->slices, g_ptr_array_unref);
  g_clear_pointer (&view->labels, g_hash_table_unref);
  g_clear_pointer (&view->graphs, g_hash_table_unref);
  g_clear_object (&view->detail);
  g_clear_object (&view->row);
  g_clear_object (&view->object);
  g_free (view->id);
  g_free (view->title);
  g_free (view->subtitle);
  g_free (view);
}

gboolean
ts_res_view_set_text (TsResView *view, const char *key, char *text)
{
  GtkLabel *label = g_hash_table_lookup (view->labels, key);
  gboolean changed = FALSE;

  if (label != NULL && g_strcmp0 (gtk_label_get_text (label), text) != 0)
    {
      gtk_label_set_text (label, text);
      changed = TRUE;
    }
  g_free (text);
  return changed;
}

const char *
ts_res_view_get_text (TsResView *view, const char *key)
{
  GtkLabel *label = g_hash_table_lookup (view->labels, key);

  return label != NULL ? gtk_label_get_text (label) : NULL;
}

void
ts_res_set_value (TsResView *view, const char *key, double v, TsGraphUnit unit)
{
  ts_res_view_set_text (view, key, ts_format_value (v, unit));
}

void
ts_res_set_count (TsResView *view, const char *key, guint64 n)
{
  ts_res_view_set_text (view, key, g_strdup_printf ("%" G_GUINT64_FORMAT, n));
}

/* A per-second count (IOPS, merges): "12.5/s". */
void
ts_res_set_rate (TsResView *view, const char *key, double v)
{
  g_autofree char *n = ts_format_value (v, TS_GRAPH_UNIT_NUMBER);

  /* TRANSLATORS: a count per second, %s is a number such as "12.5" */
  ts_res_view_set_text (view, key, isnan (v) ? g_strdup (n) : g_strdup_printf (_("%s/s"), n));
}

/* The error label of a source: hidden while the source reads well. */
void
ts_res_set_error (TsResView *view, const char *key, const GError *error)
{
  GtkLabel *label = g_hash_table_lookup (view->labels, key);

  if (label == NULL)
    return;
  ts_res_view_set_text (view, key, g_strdup (error != NULL ? error->message : ""));
  gtk_widget_set_visible (GTK_WIDGET (label), error != NULL);
}

GtkLabel *
ts_res_add_label (TsResView *view, const char *key, GtkWidget *label)
{
  g_hash_table_insert (view->labels, g_strdup (key), label);
  return GTK_LABEL (label);
}

void
ts_res_add_error (TsResView *view, GtkWidget *box, const char *key)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_visible (label, FALSE);
  gtk_box_append (GTK_BOX (box), label);
  ts_res_add_label (view, key, label);
}

void
ts_res_add_heading (GtkWidget *box, const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  gtk_box_append (GTK_BOX (box), label);
}

GtkWidget *
ts_res_add_graph (TsResView   *view,
                  GtkWidget   *box,
                  const char  *key,
                  TsHistory   *history,
                  const char  *title,
                  TsGraphUnit  unit,
                  int          height)
{
  GtkWidget *graph = ts_graph_new ();

  ts_graph_set_title (TS_GRAPH (graph), title);
  ts_graph_set_history (TS_GRAPH (graph), history);
  ts_graph_set_unit (TS_GRAPH (graph), unit);
  gtk_widget_set_size_request (graph, -1, height);
  gtk_box_append (GTK_BOX (box), graph);
  g_hash_table_insert (view->graphs, g_strdup (key), graph);
  return graph;
}

/* The numbers under a graph: caption over value, in as many columns as
 * the width allows. */
GtkWidget *
ts_res_add_stats (GtkWidget *box)
{
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 4);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_widget_add_css_class (flow, "ts-resource-stats");
  gtk_box_append (GTK_BOX (box), flow);
  return flow;
}

void
ts_res_add_stat (TsResView *view, GtkWidget *flow, const char *key, const char *caption)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_label_new (caption);
  GtkWidget *value = gtk_label_new ("—");

  gtk_label_set_xalign (GTK_LABEL (top), 0);
  gtk_label_set_ellipsize (GTK_LABEL (top), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (top, "caption");
  gtk_widget_add_css_class (top, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_ellipsize (GTK_LABEL (value), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (value, "numeric");
  gtk_widget_add_css_class (value, "title-4");
  gtk_box_append (GTK_BOX (cell), top);
  gtk_box_append (GTK_BOX (cell), value);
  gtk_flow_box_append (GTK_FLOW_BOX (flow), cell);
  gtk_widget_set_focusable (gtk_widget_get_parent (cell), FALSE);
  ts_res_add_label (view, key, value);
}

GtkWidget *
ts_res_add_stat_grid (TsResView       *view,
                      GtkWidget       *box,
                      const TsResStat *stats,
                      gsize            n_stats)
{
  GtkWidget *flow = ts_res_add_stats (box);

  for (gsize i = 0; i < n_stats; i++)
    ts_res_add_stat (view, flow, stats[i].key, _(stats[i].caption));
  return flow;
}

/* The sidebar tile: name and value, a dim line under them, a sparkline. */
void
ts_res_make_tile (TsResView *view, TsHistory *history, gboolean stacked)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (view->title);
  GtkWidget *value = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *graph = ts_graph_new ();

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (value), 1);
  gtk_widget_add_css_class (value, "numeric");
  gtk_box_append (GTK_BOX (top), name);
  gtk_box_append (GTK_BOX (top), value);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "numeric");

  ts_graph_set_compact (TS_GRAPH (graph), TRUE);
  ts_graph_set_title (TS_GRAPH (graph), view->title);
  ts_graph_set_history (TS_GRAPH (graph), history);
  ts_graph_set_stacked (TS_GRAPH (graph), stacked);
  gtk_widget_set_size_request (graph, -1, TILE_GRAPH_H);
  gtk_widget_set_margin_top (graph, 3);

  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_box_append (GTK_BOX (box), graph);
  gtk_widget_add_css_class (box, "ts-tile");

  view->row = g_object_ref_sink (gtk_list_box_row_new ());
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (view->row), box);
  gtk_widget_set_tooltip_text (view->row, view->title);
  ts_res_add_label (view, "tile-value", value);
  ts_res_add_label (view, "tile-detail", detail);
  g_hash_table_insert (view->graphs, g_strdup ("tile"), graph);
}

TsGraph *
ts_res_view_graph (TsResView *view, const char *key)
{
  return g_hash_table_lookup (view->graphs, key);
}
