/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * graph-draw: N TsGraph in one window, each over a history of S samples x 3
 * series, with a sample pushed into every history R times a second; how many
 * frames are drawn, how many pushes never reached the screen, and what a
 * frame costs.  Built and run by bench/graph.sh (under Xvfb); see
 * bench/README.md.
 *
 *   graph-draw [-n GRAPHS] [-s SAMPLES] [-r RATE_HZ] [-t SECONDS] [--compact] [--hidden]
 *
 * --hidden keeps the graphs in the window but not visible (an inactive
 * page): the pushes go on, nothing should be drawn and little CPU spent.
 *
 * Frame cost: the window's GdkFrameClock "before-paint" to "after-paint" is
 * the paint phase (every widget's snapshot, then the renderer drawing the
 * node tree: with GSK_RENDERER=cairo that is the rasterising).  The graphs'
 * own snapshot time (ts_graph_get_draw_stats) is the part TsGraph controls.
 * CPU: getrusage of this process over the measured window.  The fake clock
 * advances one second per push, so every history always holds S samples
 * whatever the push rate.
 */
#define G_LOG_DOMAIN "graph-draw"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <adwaita.h>

#include "ts-graph.h"

typedef struct
{
  guint       n_graphs;
  guint       n_samples;
  double      rate;
  double      seconds;
  gboolean    compact;
  gboolean    hidden;

  GtkWidget  *window;
  TsGraph   **graphs;
  TsHistory **histories;
  gint64      fake_now;
  guint       step;

  /* Measuring */
  gboolean    measuring;
  gint64      paint_start;
  GArray     *paint_us;       /* per frame: before-paint -> after-paint */
  GArray     *snapshot_us;    /* per frame: sum of the graphs' snapshot time */
  GArray     *frame_gap_us;   /* between after-paints */
  gint64      last_after_paint;
  gint64      snap_total_before;
  guint       pushes;
  guint       missed;         /* pushes whose graph 0 was not drawn before the next push */
  guint       draws_at_push;
  guint       frames_with_graph_draws;
  guint       draws_total_start;
  struct rusage ru_start;
  gint64      wall_start;
  GMainLoop  *loop;
} Bench;

static gint64
graphs_snapshot_us (Bench *b, guint *draws)
{
  gint64 total = 0;
  guint n = 0;

  for (guint i = 0; i < b->n_graphs; i++)
    {
      guint d;
      gint64 us;

      ts_graph_get_draw_stats (b->graphs[i], &d, &us);
      total += us;
      n += d;
    }
  if (draws != NULL)
    *draws = n;
  return total;
}

static double
wave (guint i, double phase)
{
  return 0.5 + 0.3 * sin (i * 0.11 + phase) + 0.2 * sin (i * 0.37 + 2 * phase);
}

static void
push_all (Bench *b)
{
  b->fake_now += G_USEC_PER_SEC;
  b->step++;
  for (guint g = 0; g < b->n_graphs; g++)
    {
      double v[3] = { 40 * wave (b->step, g), 15 * wave (b->step, g + 1.5), 5 * wave (b->step, g + 3) };

      if (g % 2 == 1)
        for (guint k = 0; k < 3; k++)
          v[k] *= 1e5;
      ts_history_push (b->histories[g], b->fake_now, v);
    }
}

static void
before_paint_cb (GdkFrameClock *clock, Bench *b)
{
  b->paint_start = g_get_monotonic_time ();
  b->snap_total_before = graphs_snapshot_us (b, NULL);
}

static void
after_paint_cb (GdkFrameClock *clock, Bench *b)
{
  gint64 now = g_get_monotonic_time ();
  guint draws;
  gint64 snap = graphs_snapshot_us (b, &draws) - b->snap_total_before;
  gint64 paint = now - b->paint_start;

  if (!b->measuring || b->paint_start == 0)
    return;
  g_array_append_val (b->paint_us, paint);
  g_array_append_val (b->snapshot_us, snap);
  if (b->last_after_paint != 0)
    {
      gint64 gap = now - b->last_after_paint;

      g_array_append_val (b->frame_gap_us, gap);
    }
  b->last_after_paint = now;
  if (snap > 0)
    b->frames_with_graph_draws++;
}

static gboolean
push_cb (gpointer data)
{
  Bench *b = data;
  guint draws;

  ts_graph_get_draw_stats (b->graphs[0], &draws, NULL);
  if (b->pushes > 0 && draws == b->draws_at_push)
    b->missed++;
  push_all (b);
  b->pushes++;
  ts_graph_get_draw_stats (b->graphs[0], &b->draws_at_push, NULL);
  return G_SOURCE_CONTINUE;
}

static gboolean
quit_cb (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

static gboolean
start_cb (gpointer data)
{
  Bench *b = data;

  b->measuring = TRUE;
  graphs_snapshot_us (b, &b->draws_total_start);
  getrusage (RUSAGE_SELF, &b->ru_start);
  b->wall_start = g_get_monotonic_time ();
  g_timeout_add ((guint) (1000 / b->rate), push_cb, b);
  g_timeout_add ((guint) (b->seconds * 1000), quit_cb, b->loop);
  return G_SOURCE_REMOVE;
}

static int
cmp_i64 (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
stats (const char *what, GArray *a)
{
  gint64 sum = 0;

  if (a->len == 0)
    {
      printf ("%-28s (none)\n", what);
      return;
    }
  g_array_sort (a, cmp_i64);
  for (guint i = 0; i < a->len; i++)
    sum += g_array_index (a, gint64, i);
  printf ("%-28s n=%u mean=%.2f median=%.2f p95=%.2f max=%.2f ms\n", what, a->len,
          sum / 1000.0 / a->len,
          g_array_index (a, gint64, a->len / 2) / 1000.0,
          g_array_index (a, gint64, MIN (a->len - 1, a->len * 95 / 100)) / 1000.0,
          g_array_index (a, gint64, a->len - 1) / 1000.0);
}

static double
tv_ms (struct timeval tv)
{
  return tv.tv_sec * 1000.0 + tv.tv_usec / 1000.0;
}

int
main (int argc, char **argv)
{
  Bench b = { .n_graphs = 20, .n_samples = 600, .rate = 10, .seconds = 20 };
  GtkWidget *grid;
  struct rusage ru_end;
  double wall_ms, cpu_ms;
  guint draws_end, cols;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "-n") == 0 && i + 1 < argc)
        b.n_graphs = (guint) atoi (argv[++i]);
      else if (strcmp (argv[i], "-s") == 0 && i + 1 < argc)
        b.n_samples = (guint) atoi (argv[++i]);
      else if (strcmp (argv[i], "-r") == 0 && i + 1 < argc)
        b.rate = atof (argv[++i]);
      else if (strcmp (argv[i], "-t") == 0 && i + 1 < argc)
        b.seconds = atof (argv[++i]);
      else if (strcmp (argv[i], "--compact") == 0)
        b.compact = TRUE;
      else if (strcmp (argv[i], "--hidden") == 0)
        b.hidden = TRUE;
      else
        {
          fprintf (stderr, "usage: %s [-n GRAPHS] [-s SAMPLES] [-r RATE_HZ] [-t SECONDS] [--compact] [--hidden]\n", argv[0]);
          return 2;
        }
    }
  if (b.n_graphs == 0 || b.n_samples < 2 || b.rate <= 0 || b.rate > 1000 || b.seconds <= 0)
    {
      fprintf (stderr, "graph-draw: bad arguments\n");
      return 2;
    }

  gtk_init ();
  adw_init ();
  b.loop = g_main_loop_new (NULL, FALSE);
  b.paint_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  b.snapshot_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  b.frame_gap_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  b.graphs = g_new0 (TsGraph *, b.n_graphs);
  b.histories = g_new0 (TsHistory *, b.n_graphs);

  b.window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (b.window), 1200, 760);
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_row_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  cols = b.n_graphs >= 20 ? 5 : MAX (1, (guint) ceil (sqrt (b.n_graphs)));

  for (guint g = 0; g < b.n_graphs; g++)
    {
      g_autofree char *title = g_strdup_printf ("Graph %u", g + 1);
      TsGraph *graph = TS_GRAPH (ts_graph_new ());

      b.histories[g] = ts_history_new (3, (gint64) b.n_samples * G_USEC_PER_SEC);
      ts_graph_set_title (graph, title);
      ts_graph_set_history (graph, b.histories[g]);
      ts_graph_set_compact (graph, b.compact);
      ts_graph_set_series (graph, 0, "User", "graph_blue");
      ts_graph_set_series (graph, 1, "System", "graph_orange");
      ts_graph_set_series (graph, 2, "I/O wait", "graph_purple");
      /* Half CPU-like (stacked, 0-100 %), half network-like (auto scale). */
      if (g % 2 == 0)
        {
          ts_graph_set_stacked (graph, TRUE);
          ts_graph_set_range (graph, 0, 100);
        }
      else
        {
          ts_graph_set_unit (graph, TS_GRAPH_UNIT_BYTES_PER_SECOND);
          ts_graph_set_auto_scale (graph, 1024);
        }
      gtk_widget_set_hexpand (GTK_WIDGET (graph), TRUE);
      gtk_widget_set_vexpand (GTK_WIDGET (graph), TRUE);
      gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (graph), g % cols, g / cols, 1, 1);
      b.graphs[g] = graph;
    }
  /* Warm: every history full before the window shows. */
  for (guint i = 0; i < b.n_samples; i++)
    push_all (&b);

  if (b.hidden)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      gtk_box_append (GTK_BOX (box), gtk_label_new ("graphs hidden"));
      gtk_box_append (GTK_BOX (box), grid);
      gtk_widget_set_visible (grid, FALSE);
      gtk_window_set_child (GTK_WINDOW (b.window), box);
    }
  else
    gtk_window_set_child (GTK_WINDOW (b.window), grid);
  gtk_window_present (GTK_WINDOW (b.window));
  gtk_widget_realize (b.window);
  g_signal_connect (gtk_widget_get_frame_clock (b.window), "before-paint", G_CALLBACK (before_paint_cb), &b);
  g_signal_connect (gtk_widget_get_frame_clock (b.window), "after-paint", G_CALLBACK (after_paint_cb), &b);
  /* Two seconds to settle (first frames, fonts, glyph caches). */
  g_timeout_add (2000, start_cb, &b);
  g_main_loop_run (b.loop);

  getrusage (RUSAGE_SELF, &ru_end);
  wall_ms = (g_get_monotonic_time () - b.wall_start) / 1000.0;
  cpu_ms = tv_ms (ru_end.ru_utime) - tv_ms (b.ru_start.ru_utime)
         + tv_ms (ru_end.ru_stime) - tv_ms (b.ru_start.ru_stime);
  graphs_snapshot_us (&b, &draws_end);

  printf ("graphs=%u samples=%u series=3 rate=%.1f/s seconds=%.1f mode=%s window=%dx%d renderer=%s\n",
          b.n_graphs, b.n_samples, b.rate, b.seconds, b.hidden ? "hidden" : b.compact ? "compact" : "full",
          gtk_widget_get_width (b.window), gtk_widget_get_height (b.window),
          g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  printf ("graph size                   %dx%d\n", gtk_widget_get_width (GTK_WIDGET (b.graphs[0])),
          gtk_widget_get_height (GTK_WIDGET (b.graphs[0])));
  printf ("pushes                       %u (%.1f/s)\n", b.pushes, b.pushes / (wall_ms / 1000));
  printf ("frames                       %u (%.1f/s), %u with graph redraws\n", b.paint_us->len,
          b.paint_us->len / (wall_ms / 1000), b.frames_with_graph_draws);
  printf ("graph snapshots              %u (%.1f per push)\n", draws_end - b.draws_total_start,
          (double) (draws_end - b.draws_total_start) / MAX (1, b.pushes));
  printf ("pushes not drawn before next %u\n", b.missed);
  stats ("paint phase per frame", b.paint_us);
  stats ("graphs' snapshot per frame", b.snapshot_us);
  stats ("gap between frames", b.frame_gap_us);
  printf ("process CPU                  %.0f ms in %.0f ms wall = %.1f %% of one CPU\n",
          cpu_ms, wall_ms, 100 * cpu_ms / wall_ms);

  gtk_window_destroy (GTK_WINDOW (b.window));
  for (guint g = 0; g < b.n_graphs; g++)
    g_object_unref (b.histories[g]);
  g_free (b.graphs);
  g_free (b.histories);
  g_array_unref (b.paint_us);
  g_array_unref (b.snapshot_us);
  g_array_unref (b.frame_gap_us);
  g_main_loop_unref (b.loop);
  return 0;
}
