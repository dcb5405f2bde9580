/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-resources-views"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ts-graph.h"
#include "ts-resources-views-private.h"
#include "ts-units.h"

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

  ts_res_set_value (view, "tile-value", ts_monitor_get_cpu_usage (monitor), TS_GRAPH_UNIT_PERCENT);
  if (!isnan (freq))
    ts_res_set_value (view, "tile-detail", freq, TS_GRAPH_UNIT_HERTZ);
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
  ts_res_set_value (view, key, isfinite (cur) ? cur * 1e6 : NAN, TS_GRAPH_UNIT_HERTZ);
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

  ts_res_set_value (view, "usage", ts_monitor_get_cpu_usage (monitor), TS_GRAPH_UNIT_PERCENT);
  ts_res_set_value (view, "user", ts_monitor_get_cpu_user (monitor), TS_GRAPH_UNIT_PERCENT);
  ts_res_set_value (view, "system", ts_monitor_get_cpu_system (monitor), TS_GRAPH_UNIT_PERCENT);
  ts_res_set_value (view, "iowait", ts_monitor_get_cpu_iowait (monitor), TS_GRAPH_UNIT_PERCENT);
  ts_res_set_value (view, "freq", mean_freq (monitor), TS_GRAPH_UNIT_HERTZ);
  if (view->n_cpus > 0)
    ts_res_set_count (view, "n-cpus", view->n_cpus);

  for (guint i = 0; i < view->n_freqs; i++)
    {
      g_autofree char *key = g_strdup_printf ("freq-%u", i);

      set_freq (view, monitor, i, key);
    }

  ts_monitor_get_loadavg (monitor, load);
  ts_res_set_value (view, "load-1", load[0], TS_GRAPH_UNIT_NUMBER);
  ts_res_set_value (view, "load-5", load[1], TS_GRAPH_UNIT_NUMBER);
  ts_res_set_value (view, "load-15", load[2], TS_GRAPH_UNIT_NUMBER);

  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    if (errors[i] != NULL)
      g_string_append_printf (error_text, "%s%s", error_text->len > 0 ? "\n" : "", errors[i]->message);
  if (error_text->len > 0)
    {
      GError fake = { 0, 0, error_text->str };

      ts_res_set_error (view, "error", &fake);
    }
  else
    ts_res_set_error (view, "error", NULL);
  ts_res_set_error (view, "load-error", ts_monitor_get_error (monitor, TS_MONITOR_SOURCE_LOADAVG));
}

static const TsResStat cpu_stats[] = {
  { "usage",  N_("Usage") },
  { "user",   N_("User") },
  { "system", N_("System") },
  { "iowait", N_("I/O wait") },
  { "freq",   N_("Mean frequency") },
  { "n-cpus", N_("CPUs") },
};

static const TsResStat load_stats[] = {
  { "load-1",  N_("1 minute") },
  { "load-5",  N_("5 minutes") },
  { "load-15", N_("15 minutes") },
};

TsResView *
ts_res_view_new_cpu (TsMonitor *monitor)
{
  TsResView *view = ts_res_view_alloc ("cpu", _("CPU"), cpu_update_tile, cpu_update_detail);
  GtkWidget *box = view->detail, *g, *cores;
  guint n = ts_monitor_get_n_cpus (monitor);
  g_autofree char *marker = NULL;

  view->n_cpus = n;
  view->n_freqs = ts_monitor_get_n_freqs (monitor);
  ts_res_make_tile (view, ts_monitor_get_cpu_history (monitor), TRUE);
  ts_graph_set_range (ts_res_view_graph (view, "tile"), 0, 100);

  ts_res_add_error (view, box, "error");
  g = ts_res_add_graph (view, box, "usage", ts_monitor_get_cpu_history (monitor), _("Usage"),
                        TS_GRAPH_UNIT_PERCENT, MAIN_GRAPH_H);
  ts_graph_set_stacked (TS_GRAPH (g), TRUE);
  ts_graph_set_range (TS_GRAPH (g), 0, 100);
  ts_graph_set_series (TS_GRAPH (g), TS_CPU_SERIES_USER, _("User"), "graph_blue");
  ts_graph_set_series (TS_GRAPH (g), TS_CPU_SERIES_SYSTEM, _("System"), "graph_orange");
  ts_graph_set_series (TS_GRAPH (g), TS_CPU_SERIES_IOWAIT, _("I/O wait"), "graph_purple");

  ts_res_add_stat_grid (view, box, cpu_stats, G_N_ELEMENTS (cpu_stats));

  if (n > 0)
    {
      ts_res_add_heading (box, _("Cores"));
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
              ts_res_add_label (view, fkey, freq);
            }
          gtk_flow_box_append (GTK_FLOW_BOX (cores), cell);
          gtk_widget_set_focusable (gtk_widget_get_parent (cell), FALSE);
        }
      if (view->n_freqs > 0 && view->n_freqs != n)
        {
          GtkWidget *stats = ts_res_add_stats (box);

          for (guint i = 0; i < view->n_freqs; i++)
            {
              g_autofree char *caption = g_strdup_printf (_("Frequency %u"), i);
              g_autofree char *key = g_strdup_printf ("freq-%u", i);

              ts_res_add_stat (view, stats, key, caption);
            }
        }
    }

  ts_res_add_heading (box, _("Load Average"));
  ts_res_add_error (view, box, "load-error");
  ts_res_add_stat_grid (view, box, load_stats, G_N_ELEMENTS (load_stats));
  g = ts_res_add_graph (view, box, "load", ts_monitor_get_load_history (monitor), _("Load"),
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
          ts_graph_set_range (ts_res_view_graph (view, "tile"), 0, total);
          ts_graph_set_range (ts_res_view_graph (view, "memory"), 0, total);
        }
    }
  ts_res_set_value (view, "tile-value", total > 0 ? 100.0 * used / total : NAN, TS_GRAPH_UNIT_PERCENT);
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

  ts_res_set_error (view, "error", ts_monitor_get_error (monitor, TS_MONITOR_SOURCE_MEMORY));
  ts_res_set_value (view, "used", total > 0 ? used : NAN, TS_GRAPH_UNIT_BYTES);
  ts_res_set_value (view, "used-percent", total > 0 ? 100.0 * used / total : NAN, TS_GRAPH_UNIT_PERCENT);
  ts_res_set_value (view, "cache", total > 0 ? ts_monitor_get_memory_cache (monitor) : NAN, TS_GRAPH_UNIT_BYTES);
  ts_res_set_value (view, "available", total > 0 ? ts_monitor_get_memory_available (monitor) : NAN,
                    TS_GRAPH_UNIT_BYTES);
  ts_res_set_value (view, "total", total > 0 ? total : NAN, TS_GRAPH_UNIT_BYTES);

  ts_res_set_error (view, "swap-error", ts_monitor_get_error (monitor, TS_MONITOR_SOURCE_SWAP));
  ts_res_set_value (view, "swap-used", swap_total > 0 ? ts_monitor_get_swap_used (monitor) : NAN,
                    TS_GRAPH_UNIT_BYTES);
  ts_res_set_value (view, "swap-total", swap_total, TS_GRAPH_UNIT_BYTES);
  ts_res_set_value (view, "swap-in", ts_monitor_get_swap_in_rate (monitor), TS_GRAPH_UNIT_BYTES_PER_SECOND);
  ts_res_set_value (view, "swap-out", ts_monitor_get_swap_out_rate (monitor), TS_GRAPH_UNIT_BYTES_PER_SECOND);
  if (swap_total != view->totals[1] && swap_total > 0)
    ts_graph_set_range (ts_res_view_graph (view, "swap"), 0, swap_total);
  view->totals[1] = swap_total;
  gtk_widget_set_visible (swap_box, swap_total > 0);
  gtk_widget_set_visible (no_swap, swap_total == 0 && ts_monitor_get_error (monitor, TS_MONITOR_SOURCE_SWAP) == NULL);
}

static const TsResStat memory_stats[] = {
  { "used",         N_("Used") },
  { "used-percent", N_("In use") },
  { "cache",        N_("Cache and buffers") },
  { "available",    N_("Available") },
  { "total",        N_("Total") },
};

static const TsResStat swap_stats[] = {
  { "swap-used",  N_("Used") },
  { "swap-total", N_("Total") },
  { "swap-in",    N_("Swapped in") },
  { "swap-out",   N_("Swapped out") },
};

TsResView *
ts_res_view_new_memory (TsMonitor *monitor)
{
  static const guint used[] = { TS_MEMORY_SERIES_USED };
  TsResView *view = ts_res_view_alloc ("memory", _("Memory"), memory_update_tile, memory_update_detail);
  GtkWidget *box = view->detail, *g, *swap_box, *no_swap;

  ts_res_make_tile (view, ts_res_view_slice (view, ts_monitor_get_memory_history (monitor), 1, used), FALSE);
  ts_graph_set_unit (ts_res_view_graph (view, "tile"), TS_GRAPH_UNIT_BYTES);

  ts_res_add_error (view, box, "error");
  g = ts_res_add_graph (view, box, "memory", ts_monitor_get_memory_history (monitor), _("Memory"),
                        TS_GRAPH_UNIT_BYTES, MAIN_GRAPH_H);
  ts_graph_set_series (TS_GRAPH (g), TS_MEMORY_SERIES_USED, _("Used"), "graph_blue");
  ts_graph_set_series (TS_GRAPH (g), TS_MEMORY_SERIES_CACHE, _("Cache and buffers"), "graph_purple");
  ts_graph_set_series (TS_GRAPH (g), TS_MEMORY_SERIES_AVAILABLE, _("Available"), "graph_green");

  ts_res_add_stat_grid (view, box, memory_stats, G_N_ELEMENTS (memory_stats));

  ts_res_add_heading (box, _("Swap"));
  ts_res_add_error (view, box, "swap-error");
  no_swap = gtk_label_new (_("No swap space is in use."));
  gtk_label_set_xalign (GTK_LABEL (no_swap), 0);
  gtk_widget_add_css_class (no_swap, "dim-label");
  gtk_box_append (GTK_BOX (box), no_swap);
  g_object_set_data (G_OBJECT (view->detail), "no-swap", no_swap);

  ts_res_add_stat_grid (view, box, swap_stats, G_N_ELEMENTS (swap_stats));

  swap_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), swap_box);
  g_object_set_data (G_OBJECT (view->detail), "swap-box", swap_box);
  g = ts_res_add_graph (view, swap_box, "swap", ts_monitor_get_swap_history (monitor), _("Swap Used"),
                        TS_GRAPH_UNIT_BYTES, SMALL_GRAPH_H);
  ts_graph_set_series (TS_GRAPH (g), 0, NULL, "graph_orange");
  g = ts_res_add_graph (view, swap_box, "swap-io", ts_monitor_get_swap_io_history (monitor), _("Swap Activity"),
                        TS_GRAPH_UNIT_BYTES_PER_SECOND, SMALL_GRAPH_H);
  ts_graph_set_auto_scale (TS_GRAPH (g), 64 * 1024);
  ts_graph_set_series (TS_GRAPH (g), TS_SWAP_IO_SERIES_IN, _("In"), "graph_teal");
  ts_graph_set_series (TS_GRAPH (g), TS_SWAP_IO_SERIES_OUT, _("Out"), "graph_orange");

  return view;
}
