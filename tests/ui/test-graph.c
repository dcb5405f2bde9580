/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Suite `ui`: TsGraph and TsMeter in a window under Xvfb, fed with known
 * histories on a fake clock: the scale, the accessible text, redraws only
 * while mapped, history replacement, and screenshots of every kind of graph
 * in light and dark mode (TS_ARTEFACTS_DIR).
 */
#define G_LOG_DOMAIN "test-graph"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <adwaita.h>

#include "ts-graph.h"
#include "ts-meter.h"
#include "ts-ui-util.h"

#define SEC   G_USEC_PER_SEC
#define T0    ((gint64) 1000 * SEC)   /* the fake clock's start */

/* ------------------------------------------------------------- helpers */

/* Lets pending idles run, and a bit more time pass (no frame clock needed). */
static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag_source, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static GtkWidget *
new_window (int width, int height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  return window;
}

static void
destroy_window (GtkWidget *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  run_for (20);
}

/* A smooth, repeatable wiggle in [0, 1]. */
static double
wave (guint i, double phase)
{
  return 0.5 + 0.3 * sin (i * 0.11 + phase) + 0.2 * sin (i * 0.37 + 2 * phase);
}

/* ---------------------------------------------------------------- scale */

static void
test_nice_ceiling (void)
{
  static const struct { double in, out; } cases[] = {
    { 0, 1 }, { -3, 1 }, { 1, 1 }, { 1.0000000001, 1 }, { 1.5, 2 }, { 2, 2 },
    { 2.1, 5 }, { 5, 5 }, { 7, 10 }, { 73, 100 }, { 100, 100 }, { 120, 200 },
    { 0.3, 0.5 }, { 0.042, 0.05 }, { 2.5e6, 5e6 }, { 1e9, 1e9 }, { 1.2e9, 2e9 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double got = ts_graph_nice_ceiling (cases[i].in);

      g_test_message ("nice_ceiling (%g) = %g", cases[i].in, got);
      g_assert_true (G_APPROX_VALUE (got, cases[i].out, cases[i].out * 1e-12));
    }
  g_assert_cmpfloat (ts_graph_nice_ceiling (NAN), ==, 1);
  g_assert_cmpfloat (ts_graph_nice_ceiling (INFINITY), ==, 1);
}

static void
test_scale (void)
{
  g_autoptr(TsHistory) net = ts_history_new (2, 60 * SEC);
  g_autoptr(TsHistory) cpu = ts_history_new (3, 60 * SEC);
  TsGraph *graph = TS_GRAPH (g_object_ref_sink (ts_graph_new ()));
  double min, max;

  /* Auto: the nice ceiling of the largest value of either series. */
  ts_graph_set_history (graph, net);
  ts_graph_set_auto_scale (graph, 64 * 1024);
  ts_graph_get_scale (graph, &min, &max);
  g_assert_cmpfloat (min, ==, 0);
  g_assert_cmpfloat (max, ==, 1e5);   /* empty: the floor, made nice */
  for (guint i = 0; i < 30; i++)
    ts_history_push (net, T0 + i * SEC, (double[]) { 1e6 * wave (i, 0), i == 20 ? 3.4e6 : 2e5 });
  ts_graph_get_scale (graph, &min, &max);
  g_assert_cmpfloat (max, ==, 5e6);

  /* The spike leaves the window: the scale shrinks to the rest (< 1 MB/s). */
  for (guint i = 30; i < 100; i++)
    ts_history_push (net, T0 + i * SEC, (double[]) { 1e6 * wave (i, 0), 2e5 });
  ts_graph_get_scale (graph, &min, &max);
  g_assert_cmpfloat (max, ==, 1e6);

  /* Stacked: the sum counts; a NAN series counts as 0. */
  ts_graph_set_history (graph, cpu);
  ts_graph_set_stacked (graph, TRUE);
  ts_graph_set_auto_scale (graph, 1);
  ts_history_push (cpu, T0, (double[]) { 30, 20, NAN });
  ts_history_push (cpu, T0 + SEC, (double[]) { 45, 25, 12 });
  ts_graph_get_scale (graph, &min, &max);
  g_assert_cmpfloat (max, ==, 100);  /* 82, made nice */
  ts_graph_set_stacked (graph, FALSE);
  ts_graph_get_scale (graph, &min, &max);
  g_assert_cmpfloat (max, ==, 50);   /* 45 */

  /* Fixed range wins over the data. */
  ts_graph_set_range (graph, 20, 110);
  ts_graph_get_scale (graph, &min, &max);
  g_assert_cmpfloat (min, ==, 20);
  g_assert_cmpfloat (max, ==, 110);

  g_object_unref (graph);
}

/* ------------------------------------------------------- accessibility */

static TsGraph *
cpu_graph (TsHistory *history)
{
  TsGraph *graph = TS_GRAPH (ts_graph_new ());

  ts_graph_set_title (graph, "CPU");
  ts_graph_set_history (graph, history);
  ts_graph_set_stacked (graph, TRUE);
  ts_graph_set_range (graph, 0, 100);
  ts_graph_set_unit (graph, TS_GRAPH_UNIT_PERCENT);
  ts_graph_set_series (graph, 0, "User", "graph_blue");
  ts_graph_set_series (graph, 1, "System", "graph_orange");
  ts_graph_set_series (graph, 2, "I/O wait", "graph_purple");
  return graph;
}

static void
assert_contains_value (const char *text, const char *label, double v, TsGraphUnit unit)
{
  g_autofree char *value = ts_format_value (v, unit);
  g_autofree char *want = g_strdup_printf ("%s %s", label, value);

  if (strstr (text, want) == NULL)
    g_error ("“%s” does not contain “%s”", text, want);
}

static void
test_description (void)
{
  g_autoptr(TsHistory) history = ts_history_new (3, 60 * SEC);
  GtkWidget *window = new_window (400, 240);
  TsGraph *graph = cpu_graph (history);
  const char *desc;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (graph));
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (window, 2);

  gtk_test_accessible_assert_role (graph, GTK_ACCESSIBLE_ROLE_IMG);
  ts_history_push (history, T0, (double[]) { 12.5, 4.3, 0.75 });
  desc = ts_graph_get_description (graph);
  g_assert_nonnull (desc);
  g_test_message ("description: %s", desc);
  g_assert_true (g_str_has_prefix (desc, "CPU: "));
  assert_contains_value (desc, "User", 12.5, TS_GRAPH_UNIT_PERCENT);
  assert_contains_value (desc, "System", 4.3, TS_GRAPH_UNIT_PERCENT);
  assert_contains_value (desc, "I/O wait", 0.75, TS_GRAPH_UNIT_PERCENT);
  assert_contains_value (desc, "total", 12.5 + 4.3 + 0.75, TS_GRAPH_UNIT_PERCENT);
  /* What the accessibility layer holds is that text. */
  gtk_test_accessible_assert_property (graph, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, desc);

  ts_history_push (history, T0 + SEC, (double[]) { 60, 30, 5 });
  desc = ts_graph_get_description (graph);
  assert_contains_value (desc, "User", 60, TS_GRAPH_UNIT_PERCENT);
  assert_contains_value (desc, "total", 95, TS_GRAPH_UNIT_PERCENT);
  gtk_test_accessible_assert_property (graph, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, desc);

  /* Another unit formats the same numbers differently. */
  ts_graph_set_unit (graph, TS_GRAPH_UNIT_WATTS);
  assert_contains_value (ts_graph_get_description (graph), "User", 60, TS_GRAPH_UNIT_WATTS);

  destroy_window (window);
}

/* -------------------------------------------------------------- redraws */

static void
test_redraw_only_mapped (void)
{
  g_autoptr(TsHistory) history = ts_history_new (3, 60 * SEC);
  GtkWidget *window = new_window (400, 300);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  TsGraph *graph = cpu_graph (history);
  TsGraph *other = TS_GRAPH (ts_graph_new ());
  g_autofree char *before = NULL;
  guint draws, draws_other;
  gint64 us;

  /* A second graph keeps the frame clock busy while the first is hidden. */
  gtk_widget_set_vexpand (GTK_WIDGET (graph), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (other), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (graph));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (other));
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  ts_history_push (history, T0, (double[]) { 10, 5, 1 });
  wait_frames (window, 3);

  /* Mapped: a push redraws it. */
  ts_graph_get_draw_stats (graph, &draws, &us);
  g_assert_cmpuint (draws, >, 0);
  ts_history_push (history, T0 + SEC, (double[]) { 20, 5, 1 });
  wait_frames (window, 2);
  {
    guint after;

    ts_graph_get_draw_stats (graph, &after, NULL);
    g_assert_cmpuint (after, >, draws);
  }

  /* Another widget's redraw does not redraw it. */
  ts_graph_get_draw_stats (graph, &draws, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (other));
  wait_frames (window, 2);
  {
    guint after;

    ts_graph_get_draw_stats (graph, &after, NULL);
    g_assert_cmpuint (after, ==, draws);
  }

  /* Hidden: pushes neither draw it nor touch its text. */
  gtk_widget_set_visible (GTK_WIDGET (graph), FALSE);
  wait_frames (window, 2);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (graph)));
  before = g_strdup (ts_graph_get_description (graph));
  ts_graph_get_draw_stats (graph, &draws, NULL);
  ts_graph_get_draw_stats (other, &draws_other, NULL);
  for (guint i = 2; i < 6; i++)
    {
      ts_history_push (history, T0 + i * SEC, (double[]) { 70 + i, 5, 1 });
      gtk_widget_queue_draw (GTK_WIDGET (other));
      wait_frames (window, 1);
    }
  {
    guint after, after_other;

    ts_graph_get_draw_stats (graph, &after, NULL);
    ts_graph_get_draw_stats (other, &after_other, NULL);
    g_assert_cmpuint (after_other, >, draws_other);   /* the window did draw */
    g_assert_cmpuint (after, ==, draws);
    g_assert_cmpstr (ts_graph_get_description (graph), ==, before);
  }

  /* Shown again: it catches up at once. */
  gtk_widget_set_visible (GTK_WIDGET (graph), TRUE);
  wait_frames (window, 3);
  {
    guint after;

    ts_graph_get_draw_stats (graph, &after, NULL);
    g_assert_cmpuint (after, >, draws);
    assert_contains_value (ts_graph_get_description (graph), "User", 75, TS_GRAPH_UNIT_PERCENT);
  }

  destroy_window (window);
}

static void
test_replace_history (void)
{
  TsHistory *first = ts_history_new (3, 60 * SEC);
  TsHistory *second = ts_history_new (1, 30 * SEC);
  GtkWidget *window = new_window (400, 240);
  TsGraph *graph = cpu_graph (first);
  gpointer first_alive = first;
  guint draws, after;

  g_object_add_weak_pointer (G_OBJECT (first), &first_alive);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (graph));
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 10; i++)
    ts_history_push (first, T0 + i * SEC, (double[]) { 10, 5, NAN });
  wait_frames (window, 2);

  /* Replaced while shown: the old one no longer reaches the graph. */
  ts_graph_set_history (graph, second);
  g_assert_true (ts_graph_get_history (graph) == second);
  ts_history_push (second, T0, (double[]) { 42 });
  wait_frames (window, 2);
  assert_contains_value (ts_graph_get_description (graph), "User", 42, TS_GRAPH_UNIT_PERCENT);
  ts_graph_get_draw_stats (graph, &draws, NULL);
  ts_history_push (first, T0 + 20 * SEC, (double[]) { 99, 0, 0 });
  wait_frames (window, 2);
  ts_graph_get_draw_stats (graph, &after, NULL);
  g_assert_cmpuint (after, ==, draws);
  assert_contains_value (ts_graph_get_description (graph), "User", 42, TS_GRAPH_UNIT_PERCENT);

  /* The graph held no other reference: the old history is gone. */
  g_object_unref (first);
  g_assert_null (first_alive);

  /* Cleared while shown, then the history is pushed and the graph drawn. */
  ts_graph_set_history (graph, NULL);
  ts_history_push (second, T0 + SEC, (double[]) { 43 });
  wait_frames (window, 2);
  g_assert_true (strstr (ts_graph_get_description (graph), "no data") != NULL);

  /* The graph goes away while it holds a history; pushes afterwards reach
   * nobody. */
  ts_graph_set_history (graph, second);
  wait_frames (window, 1);
  destroy_window (window);
  ts_history_push (second, T0 + 2 * SEC, (double[]) { 44 });
  ts_history_clear (second);
  g_object_unref (second);
}

/* ---------------------------------------------------------------- meter */

static void
test_meter (void)
{
  TsMeter *meter = TS_METER (g_object_ref_sink (ts_meter_new ()));
  g_autofree char *text = NULL;

  ts_meter_set_range (meter, 0, 110);
  ts_meter_set_levels (meter, 80, 100);
  ts_meter_set_unit (meter, TS_GRAPH_UNIT_CELSIUS);
  g_assert_cmpint (ts_meter_get_level (meter), ==, TS_METER_LEVEL_NORMAL);  /* NAN */
  ts_meter_set_value (meter, 45);
  g_assert_cmpint (ts_meter_get_level (meter), ==, TS_METER_LEVEL_NORMAL);
  ts_meter_set_value (meter, 80);
  g_assert_cmpint (ts_meter_get_level (meter), ==, TS_METER_LEVEL_HIGH);
  ts_meter_set_value (meter, 104);
  g_assert_cmpint (ts_meter_get_level (meter), ==, TS_METER_LEVEL_CRITICAL);
  text = ts_format_value (104, TS_GRAPH_UNIT_CELSIUS);
  gtk_test_accessible_assert_role (meter, GTK_ACCESSIBLE_ROLE_METER);
  gtk_test_accessible_assert_property (meter, GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text);
  gtk_test_accessible_assert_property (meter, GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, 104.0);

  /* A battery: low is bad. */
  ts_meter_set_range (meter, 0, 100);
  ts_meter_set_levels (meter, 20, 5);
  ts_meter_set_inverted (meter, TRUE);
  ts_meter_set_value (meter, 64);
  g_assert_cmpint (ts_meter_get_level (meter), ==, TS_METER_LEVEL_NORMAL);
  ts_meter_set_value (meter, 15);
  g_assert_cmpint (ts_meter_get_level (meter), ==, TS_METER_LEVEL_HIGH);
  ts_meter_set_value (meter, 3);
  g_assert_cmpint (ts_meter_get_level (meter), ==, TS_METER_LEVEL_CRITICAL);

  /* No levels: never coloured. */
  ts_meter_set_levels (meter, NAN, NAN);
  ts_meter_set_inverted (meter, FALSE);
  ts_meter_set_value (meter, 100);
  g_assert_cmpint (ts_meter_get_level (meter), ==, TS_METER_LEVEL_NORMAL);
  g_object_unref (meter);
}

/* ----------------------------------------------------------- showcase */

static GtkWidget *
add_graph (GtkGrid *grid, int col, int row, int width, const char *title, TsHistory *history)
{
  GtkWidget *graph = ts_graph_new ();

  ts_graph_set_title (TS_GRAPH (graph), title);
  ts_graph_set_history (TS_GRAPH (graph), history);
  gtk_widget_set_hexpand (graph, TRUE);
  gtk_widget_set_vexpand (graph, TRUE);
  gtk_grid_attach (grid, graph, col, row, width, 1);
  return graph;
}

static GtkWidget *
meter_row (const char *label, double value, double high, double critical, gboolean inverted,
           TsGraphUnit unit, double max)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (label);
  g_autofree char *text = ts_format_value (value, unit);
  GtkWidget *number = gtk_label_new (text);
  GtkWidget *meter = ts_meter_new ();

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_set_size_request (name, 90, -1);
  gtk_label_set_xalign (GTK_LABEL (number), 1);
  gtk_widget_set_size_request (number, 60, -1);
  gtk_widget_add_css_class (number, "numeric");
  ts_meter_set_range (TS_METER (meter), 0, max);
  ts_meter_set_levels (TS_METER (meter), high, critical);
  ts_meter_set_inverted (TS_METER (meter), inverted);
  ts_meter_set_unit (TS_METER (meter), unit);
  ts_meter_set_value (TS_METER (meter), value);
  gtk_widget_set_hexpand (meter, TRUE);
  gtk_widget_set_valign (meter, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), meter);
  gtk_box_append (GTK_BOX (box), number);
  return box;
}

static void
test_showcase (void)
{
  g_autoptr(TsHistory) cpu = ts_history_new (3, 60 * SEC);
  g_autoptr(TsHistory) net = ts_history_new (2, 60 * SEC);
  g_autoptr(TsHistory) load = ts_history_new (3, 60 * SEC);
  g_autoptr(TsHistory) temp = ts_history_new (2, 60 * SEC);
  g_autoptr(TsHistory) mem = ts_history_new (1, 60 * SEC);
  TsHistory *cores[4];
  GtkWidget *window = new_window (1000, 700);
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *sparks = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *meters = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkWidget *g;
  AdwStyleManager *style = adw_style_manager_get_default ();

  for (guint c = 0; c < G_N_ELEMENTS (cores); c++)
    cores[c] = ts_history_new (1, 60 * SEC);

  /* 120 samples at 0.5 s: the graphs are full. */
  for (guint i = 0; i < 121; i++)
    {
      gint64 t = T0 + i * SEC / 2;
      double user = 35 * wave (i, 0), sys = 12 * wave (i, 1.3), io = 4 * wave (i, 2.1);
      bool gap = i >= 70 && i < 80;

      ts_history_push (cpu, t, (double[]) { user, sys, io });
      ts_history_push (net, t, (double[]) { 4.2e6 * wave (i, 0.4) * wave (i / 3, 0), 0.9e6 * wave (i, 2.5) });
      ts_history_push (load, t, (double[]) { 2.2 + 2.5 * wave (i / 2, 0.2), 2.6 + wave (i / 4, 0.1), 2.4 + 0.3 * wave (i / 8, 0) });
      ts_history_push (temp, t, (double[]) { gap ? NAN : 52 + 38 * wave (i, 0.8), 40 + 6 * wave (i, 3) });
      ts_history_push (mem, t, (double[]) { 5.4e9 + 1.5e9 * wave (i / 5, 0.3) });
      for (guint c = 0; c < G_N_ELEMENTS (cores); c++)
        ts_history_push (cores[c], t, (double[]) { 100 * wave (i, c * 1.7) * (c == 2 ? 0.3 : 1) });
    }

  gtk_widget_set_margin_start (outer, 18);
  gtk_widget_set_margin_end (outer, 18);
  gtk_widget_set_margin_top (outer, 18);
  gtk_widget_set_margin_bottom (outer, 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_vexpand (grid, TRUE);

  g = add_graph (GTK_GRID (grid), 0, 0, 1, "CPU", cpu);
  ts_graph_set_stacked (TS_GRAPH (g), TRUE);
  ts_graph_set_range (TS_GRAPH (g), 0, 100);
  ts_graph_set_series (TS_GRAPH (g), 0, "User", "graph_blue");
  ts_graph_set_series (TS_GRAPH (g), 1, "System", "graph_orange");
  ts_graph_set_series (TS_GRAPH (g), 2, "I/O wait", "graph_purple");

  g = add_graph (GTK_GRID (grid), 1, 0, 1, "Network", net);
  ts_graph_set_unit (TS_GRAPH (g), TS_GRAPH_UNIT_BYTES_PER_SECOND);
  ts_graph_set_auto_scale (TS_GRAPH (g), 64 * 1024);
  ts_graph_set_series (TS_GRAPH (g), 0, "Received", "graph_teal");
  ts_graph_set_series (TS_GRAPH (g), 1, "Sent", "graph_pink");

  g = add_graph (GTK_GRID (grid), 0, 1, 1, "Load average", load);
  ts_graph_set_unit (TS_GRAPH (g), TS_GRAPH_UNIT_NUMBER);
  ts_graph_set_auto_scale (TS_GRAPH (g), 1);
  ts_graph_set_series (TS_GRAPH (g), 0, "1 min", NULL);
  ts_graph_set_series (TS_GRAPH (g), 1, "5 min", NULL);
  ts_graph_set_series (TS_GRAPH (g), 2, "15 min", NULL);
  ts_graph_add_marker (TS_GRAPH (g), 4, "4 CPUs", "warning_color");

  g = add_graph (GTK_GRID (grid), 1, 1, 1, "Temperatures", temp);
  ts_graph_set_unit (TS_GRAPH (g), TS_GRAPH_UNIT_CELSIUS);
  ts_graph_set_range (TS_GRAPH (g), 20, 110);
  ts_graph_set_series (TS_GRAPH (g), 0, "Package", "graph_red");
  ts_graph_set_series (TS_GRAPH (g), 1, "NVMe", "graph_green");
  ts_graph_add_marker (TS_GRAPH (g), 85, "High", "warning_color");
  ts_graph_add_marker (TS_GRAPH (g), 100, "Critical", "error_color");

  g = add_graph (GTK_GRID (grid), 0, 2, 1, "Memory", mem);
  ts_graph_set_unit (TS_GRAPH (g), TS_GRAPH_UNIT_BYTES);
  ts_graph_set_range (TS_GRAPH (g), 0, 16e9);
  ts_graph_set_series (TS_GRAPH (g), 0, "Used", "graph_green");

  for (guint c = 0; c < G_N_ELEMENTS (cores); c++)
    {
      g_autofree char *title = g_strdup_printf ("CPU %u", c + 1);

      g = ts_graph_new ();
      ts_graph_set_compact (TS_GRAPH (g), TRUE);
      ts_graph_set_title (TS_GRAPH (g), title);
      ts_graph_set_history (TS_GRAPH (g), cores[c]);
      gtk_widget_set_size_request (g, -1, 48);
      gtk_widget_set_hexpand (g, TRUE);
      gtk_box_append (GTK_BOX (sparks), g);
    }
  /* A bare sparkline, too low for text. */
  g = ts_graph_new ();
  ts_graph_set_compact (TS_GRAPH (g), TRUE);
  ts_graph_set_history (TS_GRAPH (g), temp);
  ts_graph_set_unit (TS_GRAPH (g), TS_GRAPH_UNIT_CELSIUS);
  ts_graph_set_range (TS_GRAPH (g), 20, 110);
  ts_graph_set_series (TS_GRAPH (g), 0, NULL, "graph_red");
  ts_graph_add_marker (TS_GRAPH (g), 85, NULL, "warning_color");
  gtk_widget_set_size_request (g, 120, 20);
  gtk_widget_set_valign (g, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (sparks), g);

  gtk_box_append (GTK_BOX (meters), meter_row ("CPU package", 56, 85, 100, FALSE, TS_GRAPH_UNIT_CELSIUS, 110));
  gtk_box_append (GTK_BOX (meters), meter_row ("GPU", 91, 85, 100, FALSE, TS_GRAPH_UNIT_CELSIUS, 110));
  gtk_box_append (GTK_BOX (meters), meter_row ("NVMe", 104, 85, 100, FALSE, TS_GRAPH_UNIT_CELSIUS, 110));
  gtk_box_append (GTK_BOX (meters), meter_row ("Battery", 14, 20, 5, TRUE, TS_GRAPH_UNIT_PERCENT, 100));
  {
    GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

    gtk_widget_add_css_class (card, "card");
    gtk_widget_set_margin_start (meters, 14);
    gtk_widget_set_margin_end (meters, 14);
    gtk_widget_set_margin_top (meters, 12);
    gtk_widget_set_margin_bottom (meters, 12);
    gtk_widget_set_valign (card, GTK_ALIGN_START);
    gtk_box_append (GTK_BOX (card), meters);
    gtk_grid_attach (GTK_GRID (grid), card, 1, 2, 1, 1);
  }

  gtk_box_append (GTK_BOX (outer), grid);
  gtk_box_append (GTK_BOX (outer), sparks);
  gtk_window_set_child (GTK_WINDOW (window), outer);
  gtk_window_present (GTK_WINDOW (window));

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  save_screenshot (window, "light");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  save_screenshot (window, "dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  destroy_window (window);
  for (guint c = 0; c < G_N_ELEMENTS (cores); c++)
    g_object_unref (cores[c]);
}

/* ------------------------------------------------------------------ main */

/* GTK's test accessibility context prints each change on stdout, which is
 * the TAP stream: those lines go to stderr instead. */
static void
print_cb (const char *text)
{
  if (g_str_has_prefix (text, "Accessible state changed"))
    fputs (text, stderr);
  else
    fputs (text, stdout);
}

int
main (int argc, char **argv)
{
  char *why;

  /* The accessible properties are only kept with an AT context; "test" has
   * one without a bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_set_print_handler (print_cb);
  g_test_init (&argc, &argv, NULL);

  why = ts_ui_init (NULL, NULL);
  if (why != NULL)
    return ts_ui_fail_setup ("/graph/setup", why);

  g_test_add_func ("/graph/nice-ceiling", test_nice_ceiling);
  g_test_add_func ("/graph/scale", test_scale);
  g_test_add_func ("/graph/description", test_description);
  g_test_add_func ("/graph/redraw-only-mapped", test_redraw_only_mapped);
  g_test_add_func ("/graph/replace-history", test_replace_history);
  g_test_add_func ("/graph/meter", test_meter);
  g_test_add_func ("/graph/showcase", test_showcase);
  return g_test_run ();
}
