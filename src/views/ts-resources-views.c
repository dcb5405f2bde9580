/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-resources-views"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ts-graph.h"
#include "ts-resources-views.h"
#include "ts-units.h"

#define TILE_GRAPH_H    26    /* under TsGraph's 28 px: a bare sparkline */
#define CORE_GRAPH_H    52
#define MAIN_GRAPH_H   200
#define SMALL_GRAPH_H  130

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

static TsHistory *
slice_new (TsResView *view, TsHistory *src, guint n, const guint *series)
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

static TsResView *
view_new (const char *id, const char *title)
{
  TsResView *view = g_new0 (TsResView, 1);

  view->id = g_strdup (id);
  view->title = g_strdup (title);
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

static void
set_value (TsResView *view, const char *key, double v, TsGraphUnit unit)
{
  ts_res_view_set_text (view, key, ts_format_value (v, unit));
}

static void
set_count (TsResView *view, const char *key, guint64 n)
{
  ts_res_view_set_text (view, key, g_strdup_printf ("%" G_GUINT64_FORMAT, n));
}

/* A per-second count (IOPS, merges): "12.5/s". */
static void
set_rate (TsResView *view, const char *key, double v)
{
  g_autofree char *n = ts_format_value (v, TS_GRAPH_UNIT_NUMBER);

  /* TRANSLATORS: a count per second, %s is a number such as "12.5" */
  ts_res_view_set_text (view, key, isnan (v) ? g_strdup (n) : g_strdup_printf (_("%s/s"), n));
}

/* The error label of a source: hidden while the source reads well. */
static void
set_error (TsResView *view, const char *key, const GError *error)
{
  GtkLabel *label = g_hash_table_lookup (view->labels, key);

  if (label == NULL)
    return;
  ts_res_view_set_text (view, key, g_strdup (error != NULL ? error->message : ""));
  gtk_widget_set_visible (GTK_WIDGET (label), error != NULL);
}

static GtkLabel *
add_label (TsResView *view, const char *key, GtkWidget *label)
{
  g_hash_table_insert (view->labels, g_strdup (key), label);
  return GTK_LABEL (label);
}

static void
add_error (TsResView *view, GtkWidget *box, const char *key)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_visible (label, FALSE);
  gtk_box_append (GTK_BOX (box), label);
  add_label (view, key, label);
}

static void
add_heading (GtkWidget *box, const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  gtk_box_append (GTK_BOX (box), label);
}

static GtkWidget *
add_graph (TsResView   *view,
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
static GtkWidget *
add_stats (GtkWidget *box)
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

static void
add_stat (TsResView *view, GtkWidget *flow, const char *key, const char *caption)
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
  add_label (view, key, value);
}

/* The sidebar tile: name and value, a dim line under them, a sparkline. */
static void
make_tile (TsResView *view, TsHistory *history, gboolean stacked)
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
  add_label (view, "tile-value", value);
  add_label (view, "tile-detail", detail);
  g_hash_table_insert (view->graphs, g_strdup ("tile"), graph);
}

static TsGraph *
view_graph (TsResView *view, const char *key)
{
  return g_hash_table_lookup (view->graphs, key);
}

/* ------------------------------------------------------------------ CPU */

static double
mean_freq (TsMonitor *monitor)
{
  double sum = 0, cur;
  guint n = 0;

  for (guint i = 0; i < ts_monitor_get_n_freqs (monitor); i++)
    if (ts_monitor_get_freq (monitor, i, &cur, NULL, NULL) && isfinite (cur))
      {
        sum += cur;
        n++;
      }
  return n > 0 ? sum / n * 1e6 : NAN;
}

static void
cpu_update_tile (TsResView *view, TsMonitor *monitor)
{
  double freq = mean_freq (monitor);
  guint n = ts_monitor_get_n_cpus (monitor);

  set_value (view, "tile-value", ts_monitor_get_cpu_usage (monitor), TS_GRAPH_UNIT_PERCENT);
  if (!isnan (freq))
    set_value (view, "tile-detail", freq, TS_GRAPH_UNIT_HERTZ);
  else if (n > 0)
    ts_res_view_set_text (view, "tile-detail", g_strdup_printf (ngettext ("%u CPU", "%u CPUs", n), n));
  else
    ts_res_view_set_text (view, "tile-detail", g_strdup ("—"));
}

static void
set_freq (TsResView *view, TsMonitor *monitor, guint index, const char *key)
{
  GtkLabel *label = g_hash_table_lookup (view->labels, key);
  double cur = NAN, min = 0, max = 0;
  g_autofree char *tip = NULL;

  ts_monitor_get_freq (monitor, index, &cur, &min, &max);
  set_value (view, key, isfinite (cur) ? cur * 1e6 : NAN, TS_GRAPH_UNIT_HERTZ);
  if (label != NULL && min > 0 && max > 0)
    {
      g_autofree char *lo = ts_format_value (min * 1e6, TS_GRAPH_UNIT_HERTZ);
      g_autofree char *hi = ts_format_value (max * 1e6, TS_GRAPH_UNIT_HERTZ);

      /* TRANSLATORS: the range of a CPU's frequency, "400 MHz – 3.10 GHz" */
      tip = g_strdup_printf (_("Range %s – %s"), lo, hi);
    }
  if (label != NULL && g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (label)), tip) != 0)
    gtk_widget_set_tooltip_text (GTK_WIDGET (label), tip);
}

static void
cpu_update_detail (TsResView *view, TsMonitor *monitor)
{
  const char *model = ts_monitor_get_cpu_model (monitor);
  const GError *errors[] = {
    ts_monitor_get_error (monitor, TS_MONITOR_SOURCE_CPU),
    ts_monitor_get_error (monitor, TS_MONITOR_SOURCE_CPU_FREQ),
    ts_monitor_get_error (monitor, TS_MONITOR_SOURCE_CPU_MODEL),
  };
  g_autoptr (GString) error_text = g_string_new (NULL);
  double load[3];

  g_free (view->subtitle);
  view->subtitle = g_strdup (model != NULL && *model != '\0' ? model : NULL);

  set_value (view, "usage", ts_monitor_get_cpu_usage (monitor), TS_GRAPH_UNIT_PERCENT);
  set_value (view, "user", ts_monitor_get_cpu_user (monitor), TS_GRAPH_UNIT_PERCENT);
  set_value (view, "system", ts_monitor_get_cpu_system (monitor), TS_GRAPH_UNIT_PERCENT);
  set_value (view, "iowait", ts_monitor_get_cpu_iowait (monitor), TS_GRAPH_UNIT_PERCENT);
  set_value (view, "freq", mean_freq (monitor), TS_GRAPH_UNIT_HERTZ);
  if (view->n_cpus > 0)
    set_count (view, "n-cpus", view->n_cpus);

  for (guint i = 0; i < view->n_freqs; i++)
    {
      g_autofree char *key = g_strdup_printf ("freq-%u", i);

      set_freq (view, monitor, i, key);
    }

  ts_monitor_get_loadavg (monitor, load);
  set_value (view, "load-1", load[0], TS_GRAPH_UNIT_NUMBER);
  set_value (view, "load-5", load[1], TS_GRAPH_UNIT_NUMBER);
  set_value (view, "load-15", load[2], TS_GRAPH_UNIT_NUMBER);

  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    if (errors[i] != NULL)
      g_string_append_printf (error_text, "%s%s", error_text->len > 0 ? "\n" : "", errors[i]->message);
  if (error_text->len > 0)
    {
      GError fake = { 0, 0, error_text->str };

      set_error (view, "error", &fake);
    }
  else
    set_error (view, "error", NULL);
  set_error (view, "load-error", ts_monitor_get_error (monitor, TS_MONITOR_SOURCE_LOADAVG));
}

TsResView *
ts_res_view_new_cpu (TsMonitor *monitor)
{
  TsResView *view = view_new ("cpu", _("CPU"));
  GtkWidget *box = view->detail, *g, *stats, *cores;
  guint n = ts_monitor_get_n_cpus (monitor);
  g_autofree char *marker = NULL;

  view->n_cpus = n;
  view->n_freqs = ts_monitor_get_n_freqs (monitor);
  make_tile (view, ts_monitor_get_cpu_history (monitor), TRUE);
  ts_graph_set_range (view_graph (view, "tile"), 0, 100);

  add_error (view, box, "error");
  g = add_graph (view, box, "usage", ts_monitor_get_cpu_history (monitor), _("Usage"),
                 TS_GRAPH_UNIT_PERCENT, MAIN_GRAPH_H);
  ts_graph_set_stacked (TS_GRAPH (g), TRUE);
  ts_graph_set_range (TS_GRAPH (g), 0, 100);
  ts_graph_set_series (TS_GRAPH (g), TS_CPU_SERIES_USER, _("User"), "graph_blue");
  ts_graph_set_series (TS_GRAPH (g), TS_CPU_SERIES_SYSTEM, _("System"), "graph_orange");
  ts_graph_set_series (TS_GRAPH (g), TS_CPU_SERIES_IOWAIT, _("I/O wait"), "graph_purple");

  stats = add_stats (box);
  add_stat (view, stats, "usage", _("Usage"));
  add_stat (view, stats, "user", _("User"));
  add_stat (view, stats, "system", _("System"));
  add_stat (view, stats, "iowait", _("I/O wait"));
  add_stat (view, stats, "freq", _("Mean frequency"));
  add_stat (view, stats, "n-cpus", _("CPUs"));

  if (n > 0)
    {
      add_heading (box, _("Cores"));
      cores = gtk_flow_box_new ();
      gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (cores), GTK_SELECTION_NONE);
      gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (cores), TRUE);
      gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (cores), 2);
      /* A row of up to 8 cores fills the width; more wrap. */
      gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (cores), MIN (n, 8));
      gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (cores), 8);
      gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (cores), 8);
      gtk_widget_add_css_class (cores, "ts-cores");
      gtk_box_append (GTK_BOX (box), cores);
      for (guint i = 0; i < n; i++)
        {
          GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
          GtkWidget *core = ts_graph_new ();
          g_autofree char *title = g_strdup_printf (_("CPU %u"), i);
          g_autofree char *key = g_strdup_printf ("core-%u", i);

          ts_graph_set_compact (TS_GRAPH (core), TRUE);
          ts_graph_set_title (TS_GRAPH (core), title);
          ts_graph_set_history (TS_GRAPH (core), ts_monitor_get_core_history (monitor, i));
          ts_graph_set_range (TS_GRAPH (core), 0, 100);
          gtk_widget_set_size_request (core, 96, CORE_GRAPH_H);
          gtk_box_append (GTK_BOX (cell), core);
          g_hash_table_insert (view->graphs, g_strdup (key), core);
          /* One frequency per core when cpufreq has a policy per CPU;
           * otherwise they are listed under the grid. */
          if (view->n_freqs == n)
            {
              GtkWidget *freq = gtk_label_new ("—");
              g_autofree char *fkey = g_strdup_printf ("freq-%u", i);

              gtk_label_set_xalign (GTK_LABEL (freq), 0);
              gtk_widget_set_margin_start (freq, 6);
              gtk_widget_add_css_class (freq, "caption");
              gtk_widget_add_css_class (freq, "dim-label");
              gtk_widget_add_css_class (freq, "numeric");
              gtk_box_append (GTK_BOX (cell), freq);
              add_label (view, fkey, freq);
            }
          gtk_flow_box_append (GTK_FLOW_BOX (cores), cell);
          gtk_widget_set_focusable (gtk_widget_get_parent (cell), FALSE);
        }
      if (view->n_freqs > 0 && view->n_freqs != n)
        {
          stats = add_stats (box);
          for (guint i = 0; i < view->n_freqs; i++)
            {
              g_autofree char *caption = g_strdup_printf (_("Frequency %u"), i);
              g_autofree char *key = g_strdup_printf ("freq-%u", i);

              add_stat (view, stats, key, caption);
            }
        }
    }

  add_heading (box, _("Load Average"));
  add_error (view, box, "load-error");
  stats = add_stats (box);
  add_stat (view, stats, "load-1", _("1 minute"));
  add_stat (view, stats, "load-5", _("5 minutes"));
  add_stat (view, stats, "load-15", _("15 minutes"));
  g = add_graph (view, box, "load", ts_monitor_get_load_history (monitor), _("Load"),
                 TS_GRAPH_UNIT_NUMBER, SMALL_GRAPH_H + 20);
  ts_graph_set_series (TS_GRAPH (g), TS_LOAD_SERIES_1, _("1 min"), "graph_blue");
  ts_graph_set_series (TS_GRAPH (g), TS_LOAD_SERIES_5, _("5 min"), "graph_teal");
  ts_graph_set_series (TS_GRAPH (g), TS_LOAD_SERIES_15, _("15 min"), "graph_grey");
  /* A marker does not widen the scale: keep the scale above the number of
   * CPUs, with room, so the line that means "overloaded" is always drawn. */
  ts_graph_set_auto_scale (TS_GRAPH (g), MAX (n, 1) * 1.25);
  if (n > 0)
    {
      marker = g_strdup_printf (ngettext ("%u CPU", "%u CPUs", n), n);
      ts_graph_add_marker (TS_GRAPH (g), n, marker, "warning_color");
    }

  view->update_tile = cpu_update_tile;
  view->update_detail = cpu_update_detail;
  return view;
}

/* --------------------------------------------------------------- memory */

static void
memory_update_tile (TsResView *view, TsMonitor *monitor)
{
  guint64 total = ts_monitor_get_memory_total (monitor), used = ts_monitor_get_memory_used (monitor);
  g_autofree char *u = ts_format_value (used, TS_GRAPH_UNIT_BYTES);
  g_autofree char *t = ts_format_value (total, TS_GRAPH_UNIT_BYTES);

  if (total != view->totals[0])
    {
      view->totals[0] = total;
      if (total > 0)
        {
          ts_graph_set_range (view_graph (view, "tile"), 0, total);
          ts_graph_set_range (view_graph (view, "memory"), 0, total);
        }
    }
  set_value (view, "tile-value", total > 0 ? 100.0 * used / total : NAN, TS_GRAPH_UNIT_PERCENT);
  /* TRANSLATORS: memory in use, "4.2 GB of 8.0 GB" */
  ts_res_view_set_text (view, "tile-detail", total > 0 ? g_strdup_printf (_("%s of %s"), u, t) : g_strdup ("—"));
}

static void
memory_update_detail (TsResView *view, TsMonitor *monitor)
{
  guint64 total = ts_monitor_get_memory_total (monitor), used = ts_monitor_get_memory_used (monitor);
  guint64 swap_total = ts_monitor_get_swap_total (monitor);
  GtkWidget *swap_box = g_object_get_data (G_OBJECT (view->detail), "swap-box");
  GtkWidget *no_swap = g_object_get_data (G_OBJECT (view->detail), "no-swap");

  g_free (view->subtitle);
  if (total > 0)
    {
      g_autofree char *t = ts_format_value (total, TS_GRAPH_UNIT_BYTES);

      /* TRANSLATORS: the size of the memory, "8.0 GB installed" */
      view->subtitle = g_strdup_printf (_("%s usable"), t);
    }
  else
    view->subtitle = NULL;

  set_error (view, "error", ts_monitor_get_error (monitor, TS_MONITOR_SOURCE_MEMORY));
  set_value (view, "used", total > 0 ? used : NAN, TS_GRAPH_UNIT_BYTES);
  set_value (view, "used-percent", total > 0 ? 100.0 * used / total : NAN, TS_GRAPH_UNIT_PERCENT);
  set_value (view, "cache", total > 0 ? ts_monitor_get_memory_cache (monitor) : NAN, TS_GRAPH_UNIT_BYTES);
  set_value (view, "available", total > 0 ? ts_monitor_get_memory_available (monitor) : NAN,
             TS_GRAPH_UNIT_BYTES);
  set_value (view, "total", total > 0 ? total : NAN, TS_GRAPH_UNIT_BYTES);

  set_error (view, "swap-error", ts_monitor_get_error (monitor, TS_MONITOR_SOURCE_SWAP));
  set_value (view, "swap-used", swap_total > 0 ? ts_monitor_get_swap_used (monitor) : NAN,
             TS_GRAPH_UNIT_BYTES);
  set_value (view, "swap-total", swap_total, TS_GRAPH_UNIT_BYTES);
  set_value (view, "swap-in", ts_monitor_get_swap_in_rate (monitor), TS_GRAPH_UNIT_BYTES_PER_SECOND);
  set_value (view, "swap-out", ts_monitor_get_swap_out_rate (monitor), TS_GRAPH_UNIT_BYTES_PER_SECOND);
  if (swap_total != view->totals[1] && swap_total > 0)
    ts_graph_set_range (view_graph (view, "swap"), 0, swap_total);
  view->totals[1] = swap_total;
  gtk_widget_set_visible (swap_box, swap_total > 0);
  gtk_widget_set_visible (no_swap, swap_total == 0 && ts_monitor_get_error (monitor, TS_MONITOR_SOURCE_SWAP) == NULL);
}

TsResView *
ts_res_view_new_memory (TsMonitor *monitor)
{
  static const guint used[] = { TS_MEMORY_SERIES_USED };
  TsResView *view = view_new ("memory", _("Memory"));
  GtkWidget *box = view->detail, *g, *stats, *swap_box, *no_swap;

  make_tile (view, slice_new (view, ts_monitor_get_memory_history (monitor), 1, used), FALSE);
  ts_graph_set_unit (view_graph (view, "tile"), TS_GRAPH_UNIT_BYTES);

  add_error (view, box, "error");
  g = add_graph (view, box, "memory", ts_monitor_get_memory_history (monitor), _("Memory"),
                 TS_GRAPH_UNIT_BYTES, MAIN_GRAPH_H);
  ts_graph_set_series (TS_GRAPH (g), TS_MEMORY_SERIES_USED, _("Used"), "graph_blue");
  ts_graph_set_series (TS_GRAPH (g), TS_MEMORY_SERIES_CACHE, _("Cache and buffers"), "graph_purple");
  ts_graph_set_series (TS_GRAPH (g), TS_MEMORY_SERIES_AVAILABLE, _("Available"), "graph_green");

  stats = add_stats (box);
  add_stat (view, stats, "used", _("Used"));
  add_stat (view, stats, "used-percent", _("In use"));
  add_stat (view, stats, "cache", _("Cache and buffers"));
  add_stat (view, stats, "available", _("Available"));
  add_stat (view, stats, "total", _("Total"));

  add_heading (box, _("Swap"));
  add_error (view, box, "swap-error");
  no_swap = gtk_label_new (_("No swap space is in use."));
  gtk_label_set_xalign (GTK_LABEL (no_swap), 0);
  gtk_widget_add_css_class (no_swap, "dim-label");
  gtk_box_append (GTK_BOX (box), no_swap);
  g_object_set_data (G_OBJECT (view->detail), "no-swap", no_swap);

  stats = add_stats (box);
  add_stat (view, stats, "swap-used", _("Used"));
  add_stat (view, stats, "swap-total", _("Total"));
  add_stat (view, stats, "swap-in", _("Swapped in"));
  add_stat (view, stats, "swap-out", _("Swapped out"));

  swap_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), swap_box);
  g_object_set_data (G_OBJECT (view->detail), "swap-box", swap_box);
  g = add_graph (view, swap_box, "swap", ts_monitor_get_swap_history (monitor), _("Swap Used"),
                 TS_GRAPH_UNIT_BYTES, SMALL_GRAPH_H);
  ts_graph_set_series (TS_GRAPH (g), 0, NULL, "graph_orange");
  g = add_graph (view, swap_box, "swap-io", ts_monitor_get_swap_io_history (monitor), _("Swap Activity"),
                 TS_GRAPH_UNIT_BYTES_PER_SECOND, SMALL_GRAPH_H);
  ts_graph_set_auto_scale (TS_GRAPH (g), 64 * 1024);
  ts_graph_set_series (TS_GRAPH (g), TS_SWAP_IO_SERIES_IN, _("In"), "graph_teal");
  ts_graph_set_series (TS_GRAPH (g), TS_SWAP_IO_SERIES_OUT, _("Out"), "graph_orange");

  view->update_tile = memory_update_tile;
  view->update_detail = memory_update_detail;
  return view;
}

/* ---------------------------------------------------------------- disks */

static void
disk_update_tile (TsResView *view, TsMonitor *monitor)
{
  TsDiskStats *disk = view->object;
  g_autofree char *r = ts_format_value (ts_disk_stats_get_read_rate (disk), TS_GRAPH_UNIT_BYTES_PER_SECOND);
  g_autofree char *w = ts_format_value (ts_disk_stats_get_write_rate (disk), TS_GRAPH_UNIT_BYTES_PER_SECOND);

  (void) monitor;
  set_value (view, "tile-value", ts_disk_stats_get_busy (disk), TS_GRAPH_UNIT_PERCENT);
  /* TRANSLATORS: a disk's read and write rates in the sidebar */
  ts_res_view_set_text (view, "tile-detail", g_strdup_printf (_("R %s · W %s"), r, w));
}

static void
disk_update_detail (TsResView *view, TsMonitor *monitor)
{
  TsDiskStats *disk = view->object;
  GListModel *parts = ts_disk_stats_get_partitions (disk);

  set_error (view, "error", ts_monitor_get_error (monitor, TS_MONITOR_SOURCE_DISKS));
  set_value (view, "read-rate", ts_disk_stats_get_read_rate (disk), TS_GRAPH_UNIT_BYTES_PER_SECOND);
  set_value (view, "write-rate", ts_disk_stats_get_write_rate (disk), TS_GRAPH_UNIT_BYTES_PER_SECOND);
  set_rate (view, "read-iops", ts_disk_stats_get_read_iops (disk));
  set_rate (view, "write-iops", ts_disk_stats_get_write_iops (disk));
  set_value (view, "busy", ts_disk_stats_get_busy (disk), TS_GRAPH_UNIT_PERCENT);
  {
    double await = ts_disk_stats_get_await (disk);
    g_autofree char *n = ts_format_value (await, TS_GRAPH_UNIT_NUMBER);

    /* TRANSLATORS: milliseconds */
    ts_res_view_set_text (view, "await", isnan (await) ? g_strdup (n) : g_strdup_printf (_("%s ms"), n));
  }
  set_rate (view, "read-merged", ts_disk_stats_get_read_merged_rate (disk));
  set_rate (view, "write-merged", ts_disk_stats_get_write_merged_rate (disk));
  set_value (view, "read-total", ts_disk_stats_get_read_bytes (disk), TS_GRAPH_UNIT_BYTES);
  set_value (view, "write-total", ts_disk_stats_get_write_bytes (disk), TS_GRAPH_UNIT_BYTES);
  set_count (view, "read-count", ts_disk_stats_get_read_count (disk));
  set_count (view, "write-count", ts_disk_stats_get_write_count (disk));

  for (guint i = 0; i < g_list_model_get_n_items (parts); i++)
    {
      g_autoptr (TsDiskStats) part = g_list_model_get_item (parts, i);
      g_autofree char *key = g_strdup_printf ("part:%s", ts_disk_stats_get_name (part));
      g_autofree char *r = ts_format_value (ts_disk_stats_get_read_bytes (part), TS_GRAPH_UNIT_BYTES);
      g_autofree char *w = ts_format_value (ts_disk_stats_get_write_bytes (part), TS_GRAPH_UNIT_BYTES);

      /* TRANSLATORS: a partition's totals since boot */
      ts_res_view_set_text (view, key, g_strdup_printf (_("%s read · %s written"), r, w));
    }
}

TsResView *
ts_res_view_new_disk (TsMonitor *monitor, TsDiskStats *disk)
{
  static const guint rw[] = { TS_DISK_SERIES_READ, TS_DISK_SERIES_WRITE };
  static const guint busy[] = { TS_DISK_SERIES_BUSY };
  g_autofree char *id = g_strdup_printf ("disk:%s", ts_disk_stats_get_name (disk));
  TsResView *view = view_new (id, ts_disk_stats_get_name (disk));
  TsHistory *h = ts_disk_stats_get_history (disk);
  TsHistory *busy_h = slice_new (view, h, 1, busy);
  GListModel *parts = ts_disk_stats_get_partitions (disk);
  guint n_parts = g_list_model_get_n_items (parts);
  GtkWidget *box = view->detail, *g, *stats;

  view->object = g_object_ref (disk);
  if (ts_disk_stats_get_is_partition (disk))
    /* TRANSLATORS: a partition whose disk is not listed, "Partition of sda" */
    view->subtitle = g_strdup_printf (_("Partition of %s"), ts_disk_stats_get_parent (disk));
  else if (n_parts > 0)
    view->subtitle = g_strdup_printf (ngettext ("Disk with %u partition", "Disk with %u partitions", n_parts),
                                      n_parts);
  else
    view->subtitle = g_strdup (_("Disk"));
  make_tile (view, busy_h, FALSE);
  ts_graph_set_range (view_graph (view, "tile"), 0, 100);
  ts_graph_set_series (view_graph (view, "tile"), 0, NULL, "graph_purple");

  add_error (view, box, "error");
  g = add_graph (view, box, "throughput", slice_new (view, h, 2, rw), _("Throughput"),
                 TS_GRAPH_UNIT_BYTES_PER_SECOND, MAIN_GRAPH_H);
  ts_graph_set_auto_scale (TS_GRAPH (g), 1e6);
  ts_graph_set_series (TS_GRAPH (g), 0, _("Read"), "graph_blue");
  ts_graph_set_series (TS_GRAPH (g), 1, _("Write"), "graph_orange");

  stats = add_stats (box);
  add_stat (view, stats, "read-rate", _("Read"));
  add_stat (view, stats, "write-rate", _("Write"));
  add_stat (view, stats, "read-iops", _("Reads"));
  add_stat (view, stats, "write-iops", _("Writes"));
  add_stat (view, stats, "busy", _("Busy"));
  add_stat (view, stats, "await", _("Average wait"));
  add_stat (view, stats, "read-merged", _("Merged reads"));
  add_stat (view, stats, "write-merged", _("Merged writes"));

  g = add_graph (view, box, "busy", busy_h, _("Busy Time"), TS_GRAPH_UNIT_PERCENT, SMALL_GRAPH_H);
  ts_graph_set_range (TS_GRAPH (g), 0, 100);
  ts_graph_set_series (TS_GRAPH (g), 0, NULL, "graph_purple");
  gtk_widget_set_tooltip_text (g, _("The share of the time the disk had requests in flight. "
                                    "Disks that serve requests in parallel (SSD, NVMe) can do more at 100 %."));

  add_heading (box, _("Since Boot"));
  stats = add_stats (box);
  add_stat (view, stats, "read-total", _("Read"));
  add_stat (view, stats, "write-total", _("Written"));
  add_stat (view, stats, "read-count", _("Read requests"));
  add_stat (view, stats, "write-count", _("Write requests"));

  if (n_parts > 0)
    {
      GtkWidget *list = gtk_list_box_new ();

      add_heading (box, _("Partitions"));
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      for (guint i = 0; i < n_parts; i++)
        {
          g_autoptr (TsDiskStats) part = g_list_model_get_item (parts, i);
          g_autofree char *key = g_strdup_printf ("part:%s", ts_disk_stats_get_name (part));
          GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
          GtkWidget *name = gtk_label_new (ts_disk_stats_get_name (part));
          GtkWidget *totals = gtk_label_new ("—");

          gtk_widget_set_margin_start (row, 12);
          gtk_widget_set_margin_end (row, 12);
          gtk_widget_set_margin_top (row, 10);
          gtk_widget_set_margin_bottom (row, 10);
          gtk_label_set_xalign (GTK_LABEL (name), 0);
          gtk_widget_set_hexpand (name, TRUE);
          gtk_label_set_xalign (GTK_LABEL (totals), 1);
          gtk_label_set_ellipsize (GTK_LABEL (totals), PANGO_ELLIPSIZE_START);
          gtk_widget_add_css_class (totals, "dim-label");
          gtk_widget_add_css_class (totals, "numeric");
          gtk_box_append (GTK_BOX (row), name);
          gtk_box_append (GTK_BOX (row), totals);
          gtk_list_box_append (GTK_LIST_BOX (list), row);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (row)), FALSE);
          add_label (view, key, totals);
        }
      gtk_box_append (GTK_BOX (box), list);
    }

  view->update_tile = disk_update_tile;
  view->update_detail = disk_update_detail;
  return view;
}

/* -------------------------------------------------------------- network */

static void
net_update_tile (TsResView *view, TsMonitor *monitor)
{
  TsNetStats *net = view->object;
  g_autofree char *rx = ts_format_value (ts_net_stats_get_rx_rate (net), TS_GRAPH_UNIT_BYTES_PER_SECOND);
  g_autofree char *tx = ts_format_value (ts_net_stats_get_tx_rate (net), TS_GRAPH_UNIT_BYTES_PER_SECOND);

  (void) monitor;
  /* TRANSLATORS: receive and send rates of an interface in the sidebar */
  ts_res_view_set_text (view, "tile-detail", g_strdup_printf (_("↓ %s · ↑ %s"), rx, tx));
}

static void
net_update_detail (TsResView *view, TsMonitor *monitor)
{
  TsNetStats *net = view->object;

  set_error (view, "error", ts_monitor_get_error (monitor, TS_MONITOR_SOURCE_NET));
  set_value (view, "rx-rate", ts_net_stats_get_rx_rate (net), TS_GRAPH_UNIT_BYTES_PER_SECOND);
  set_value (view, "tx-rate", ts_net_stats_get_tx_rate (net), TS_GRAPH_UNIT_BYTES_PER_SECOND);
  set_value (view, "rx-total", ts_net_stats_get_bytes_recv (net), TS_GRAPH_UNIT_BYTES);
  set_value (view, "tx-total", ts_net_stats_get_bytes_sent (net), TS_GRAPH_UNIT_BYTES);
  set_count (view, "rx-packets", ts_net_stats_get_packets_recv (net));
  set_count (view, "tx-packets", ts_net_stats_get_packets_sent (net));
  set_count (view, "errin", ts_net_stats_get_errin (net));
  set_count (view, "errout", ts_net_stats_get_errout (net));
  set_count (view, "dropin", ts_net_stats_get_dropin (net));
  set_count (view, "dropout", ts_net_stats_get_dropout (net));
}

TsResView *
ts_res_view_new_net (TsMonitor *monitor, TsNetStats *net)
{
  g_autofree char *id = g_strdup_printf ("net:%s", ts_net_stats_get_name (net));
  TsResView *view = view_new (id, ts_net_stats_get_name (net));
  TsHistory *h = ts_net_stats_get_history (net);
  GtkWidget *box = view->detail, *g, *stats;

  (void) monitor;
  view->object = g_object_ref (net);
  view->subtitle = g_strdup (g_str_equal (ts_net_stats_get_name (net), "lo") ? _("Loopback")
                                                                              : _("Network interface"));
  make_tile (view, h, FALSE);
  ts_graph_set_auto_scale (view_graph (view, "tile"), 64 * 1024);
  ts_graph_set_unit (view_graph (view, "tile"), TS_GRAPH_UNIT_BYTES_PER_SECOND);
  ts_graph_set_series (view_graph (view, "tile"), TS_NET_SERIES_RX, NULL, "graph_blue");
  ts_graph_set_series (view_graph (view, "tile"), TS_NET_SERIES_TX, NULL, "graph_orange");

  add_error (view, box, "error");
  g = add_graph (view, box, "traffic", h, _("Traffic"), TS_GRAPH_UNIT_BYTES_PER_SECOND, MAIN_GRAPH_H);
  ts_graph_set_auto_scale (TS_GRAPH (g), 64 * 1024);
  ts_graph_set_series (TS_GRAPH (g), TS_NET_SERIES_RX, _("Received"), "graph_blue");
  ts_graph_set_series (TS_GRAPH (g), TS_NET_SERIES_TX, _("Sent"), "graph_orange");

  stats = add_stats (box);
  add_stat (view, stats, "rx-rate", _("Receiving"));
  add_stat (view, stats, "tx-rate", _("Sending"));

  add_heading (box, _("Since Boot"));
  stats = add_stats (box);
  add_stat (view, stats, "rx-total", _("Received"));
  add_stat (view, stats, "tx-total", _("Sent"));
  add_stat (view, stats, "rx-packets", _("Packets received"));
  add_stat (view, stats, "tx-packets", _("Packets sent"));
  add_stat (view, stats, "errin", _("Receive errors"));
  add_stat (view, stats, "errout", _("Send errors"));
  add_stat (view, stats, "dropin", _("Dropped on receive"));
  add_stat (view, stats, "dropout", _("Dropped on send"));

  view->update_tile = net_update_tile;
  view->update_detail = net_update_detail;
  return view;
}
