/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-graph"

#include "config.h"

#include <math.h>

#include "ts-graph-private.h"

static void
draw_layout (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             float          x,
             float          y,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* --------------------------------------------------------------- points */

static double *
ensure_points (TsGraph *self,
               guint    rows)
{
  gsize need = (gsize) rows * (ts_graph_n_series (self) + 1);

  if (need > self->points_capacity)
    {
      self->points_capacity = MAX (need, self->points_capacity * 2);
      self->points = g_renew (double, self->points, self->points_capacity);
    }
  return self->points;
}

/* Maps the samples to x in [0, width] and keeps one row per pixel column
 * (each series' largest value in it, so a one-sample spike still shows),
 * then sets the scale from what is on screen. */
guint
ts_graph_collect_points (TsGraph *self,
                         double   width)
{
  guint n = ts_graph_n_series (self), stride = n + 1;
  guint len = self->history != NULL ? ts_history_get_length (self->history) : 0;
  gint64 span = self->history != NULL ? ts_history_get_span (self->history) : 1;
  gint64 newest = self->history != NULL ? ts_history_get_last_time (self->history) : 0;
  double *pts = ensure_points (self, len), max = 0;
  double last_col = -G_MAXDOUBLE;

  self->n_points = 0;
  for (guint i = 0; i < len; i++)
    {
      double x = width - (double) (newest - ts_history_get_time (self->history, i)) * width / span;
      double col = floor (x);
      double *row;

      if (col == last_col && self->n_points > 0)
        {
          row = pts + (gsize) (self->n_points - 1) * stride;
          row[0] = x;
          for (guint k = 0; k < n; k++)
            {
              double v = ts_history_get_value (self->history, i, k);

              if (!isnan (v) && (isnan (row[k + 1]) || v > row[k + 1]))
                row[k + 1] = v;
            }
          continue;
        }
      row = pts + (gsize) self->n_points++ * stride;
      row[0] = x;
      for (guint k = 0; k < n; k++)
        row[k + 1] = ts_history_get_value (self->history, i, k);
      last_col = col;
    }

  if (self->auto_scale)
    {
      /* The sample left of the edge (kept to draw the line to it) does not
       * count: it is not on screen. */
      for (guint p = 0; p < self->n_points; p++)
        {
          const double *row = pts + (gsize) p * stride;
          double sum = 0;

          if (row[0] < 0)
            continue;
          for (guint k = 0; k < n; k++)
            if (!isnan (row[k + 1]))
              {
                if (self->stacked)
                  sum += row[k + 1];
                else
                  max = MAX (max, row[k + 1]);
              }
          max = MAX (max, sum);
        }
      self->scale_min = 0;
      self->scale_max = ts_graph_nice_ceiling (MAX (max, self->min_ceiling));
    }
  else
    {
      self->scale_min = self->range_min;
      self->scale_max = self->range_max;
    }
  return stride;
}

/* Stacked: the top of band k at a row (k = -1: the baseline), NAN when the
 * row is a gap (every series unknown). */
static double
stack_top (const double *row,
           guint         n,
           int           k)
{
  double sum = 0;
  bool known = false;

  for (guint j = 0; j < n; j++)
    {
      if (!isnan (row[j + 1]))
        {
          known = true;
          if ((int) j <= k)
            sum += row[j + 1];
        }
    }
  return known ? sum : NAN;
}

static inline double
map_y (TsGraph               *self,
       const graphene_rect_t *plot,
       double                 v)
{
  double f = (v - self->scale_min) / (self->scale_max - self->scale_min);

  return plot->origin.y + plot->size.height * (1 - CLAMP (f, -0.01, 1.01));
}

/* A fill fading from the line down to the baseline: overlapping series
 * stay readable, where flat fills would mix into mud.  Cached per series
 * and made again only when the plot or the colour changes. */
static cairo_pattern_t *
fill_pattern (Series                *s,
              const graphene_rect_t *plot,
              float                  alpha)
{
  double top = plot->origin.y, base = plot->origin.y + plot->size.height;

  if (s->fill != NULL && s->fill_top == top && s->fill_base == base && s->fill_alpha == alpha)
    return s->fill;
  g_clear_pointer (&s->fill, cairo_pattern_destroy);
  s->fill = cairo_pattern_create_linear (0, top, 0, base);
  cairo_pattern_add_color_stop_rgba (s->fill, 0, s->color.red, s->color.green, s->color.blue,
                                     s->color.alpha * alpha);
  cairo_pattern_add_color_stop_rgba (s->fill, 1, s->color.red, s->color.green, s->color.blue,
                                     s->color.alpha * alpha * 0.15);
  s->fill_top = top;
  s->fill_base = base;
  s->fill_alpha = alpha;
  return s->fill;
}

static void
draw_lines (TsGraph               *self,
            cairo_t               *cr,
            const graphene_rect_t *plot,
            guint                  stride)
{
  guint n = ts_graph_n_series (self);
  double x0 = plot->origin.x, base = plot->origin.y + plot->size.height;
  float alpha = n > 1 ? 0.22f : 0.32f;

  /* All fills under all lines; the first series last, so it is on top. */
  for (int k = (int) n - 1; k >= 0; k--)
    {
      Series *s = &g_array_index (self->series, Series, k);
      double run_x = 0;
      bool in_run = false;

      for (guint p = 0; p <= self->n_points; p++)
        {
          const double *row = p < self->n_points ? self->points + (gsize) p * stride : NULL;
          bool known = row != NULL && !isnan (row[k + 1]);

          if (known && !in_run)
            cairo_move_to (cr, x0 + row[0], base);
          if (known)
            cairo_line_to (cr, x0 + row[0], map_y (self, plot, row[k + 1]));
          else if (in_run)
            {
              cairo_line_to (cr, run_x, base);
              cairo_close_path (cr);
            }
          in_run = known;
          if (known)
            run_x = x0 + row[0];
        }
      cairo_set_source (cr, fill_pattern (s, plot, alpha));
      cairo_fill (cr);
    }

  for (int k = (int) n - 1; k >= 0; k--)
    {
      const Series *s = &g_array_index (self->series, Series, k);
      bool in_run = false;

      for (guint p = 0; p < self->n_points; p++)
        {
          const double *row = self->points + (gsize) p * stride;
          bool known = !isnan (row[k + 1]);

          if (known)
            {
              double y = map_y (self, plot, row[k + 1]);

              if (in_run)
                cairo_line_to (cr, x0 + row[0], y);
              else
                cairo_move_to (cr, x0 + row[0], y);
            }
          in_run = known;
        }
      gdk_cairo_set_source_rgba (cr, &s->color);
      cairo_stroke (cr);
    }
}

static void
draw_stacked (TsGraph               *self,
              cairo_t               *cr,
              const graphene_rect_t *plot,
              guint                  stride)
{
  guint n = ts_graph_n_series (self);
  double x0 = plot->origin.x;

  for (guint k = 0; k < n; k++)
    {
      const Series *s = &g_array_index (self->series, Series, k);
      GdkRGBA fill = with_alpha (&s->color, 0.45f);
      guint p = 0;

      /* Each run of known rows is a polygon: along this band's top, back
       * along the one below. */
      while (p < self->n_points)
        {
          guint start, end;

          while (p < self->n_points && isnan (stack_top (self->points + (gsize) p * stride, n, 0)))
            p++;
          if (p == self->n_points)
            break;
          start = p;
          while (p < self->n_points && !isnan (stack_top (self->points + (gsize) p * stride, n, 0)))
            p++;
          end = p;
          for (guint q = start; q < end; q++)
            {
              const double *row = self->points + (gsize) q * stride;
              double y = map_y (self, plot, stack_top (row, n, k));

              if (q == start)
                cairo_move_to (cr, x0 + row[0], y);
              else
                cairo_line_to (cr, x0 + row[0], y);
            }
          for (guint q = end; q-- > start;)
            {
              const double *row = self->points + (gsize) q * stride;

              cairo_line_to (cr, x0 + row[0], map_y (self, plot, stack_top (row, n, (int) k - 1)));
            }
          cairo_close_path (cr);
        }
      gdk_cairo_set_source_rgba (cr, &fill);
      cairo_fill (cr);
    }

  /* The top edge of each band, in full colour, over all the fills. */
  for (guint k = 0; k < n; k++)
    {
      const Series *s = &g_array_index (self->series, Series, k);
      bool in_run = false;

      for (guint p = 0; p < self->n_points; p++)
        {
          const double *row = self->points + (gsize) p * stride;
          double top = stack_top (row, n, k);

          if (!isnan (top))
            {
              double y = map_y (self, plot, top);

              if (in_run)
                cairo_line_to (cr, x0 + row[0], y);
              else
                cairo_move_to (cr, x0 + row[0], y);
            }
          in_run = !isnan (top);
        }
      gdk_cairo_set_source_rgba (cr, &s->color);
      cairo_stroke (cr);
    }
}

static void
draw_markers (TsGraph               *self,
              GtkSnapshot           *snapshot,
              cairo_t               *cr,
              const graphene_rect_t *plot,
              bool                   labels)
{
  static const double dash[] = { 4, 3 };
  graphene_rect_t placed[4];
  guint n_placed = 0;

  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < self->markers->len; i++)
    {
      Marker *m = &g_array_index (self->markers, Marker, i);
      double y;

      if (m->value < self->scale_min || m->value > self->scale_max)
        continue;
      y = round (map_y (self, plot, m->value)) + 0.5;
      cairo_move_to (cr, plot->origin.x, y);
      cairo_line_to (cr, plot->origin.x + plot->size.width, y);
      gdk_cairo_set_source_rgba (cr, &m->color);
      cairo_stroke (cr);
    }
  cairo_set_dash (cr, NULL, 0, 0);

  if (!labels)
    return;
  /* Labels sit on their line at the right end; one that would cover an
   * earlier label moves left of it. */
  for (guint i = 0; i < self->markers->len && n_placed < G_N_ELEMENTS (placed); i++)
    {
      Marker *m = &g_array_index (self->markers, Marker, i);
      graphene_rect_t r;
      int w, h;

      if (m->layout == NULL || m->value < self->scale_min || m->value > self->scale_max)
        continue;
      pango_layout_get_pixel_size (m->layout, &w, &h);
      r = GRAPHENE_RECT_INIT (plot->origin.x + plot->size.width - w - 6,
                              map_y (self, plot, m->value) - h - 1, w, h);
      if (r.origin.y < plot->origin.y)
        r.origin.y = map_y (self, plot, m->value) + 2;
      for (guint j = 0; j < n_placed; j++)
        if (graphene_rect_intersection (&r, &placed[j], NULL))
          r.origin.x = placed[j].origin.x - w - 10;
      placed[n_placed++] = r;
      draw_layout (snapshot, m->layout, r.origin.x, r.origin.y, &m->color);
    }
}

static void
draw_grid (TsGraph               *self,
           GtkSnapshot           *snapshot,
           const graphene_rect_t *plot)
{
  GdkRGBA grid = with_alpha (&self->fg, 0.07f), frame = with_alpha (&self->fg, 0.14f);
  double span_s = self->history != NULL ? ts_history_get_span (self->history) / (double) G_USEC_PER_SEC : 60;
  static const double time_steps[] = { 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600 };
  double step = time_steps[G_N_ELEMENTS (time_steps) - 1];
  double range = self->scale_max - self->scale_min;
  double mantissa = range / pow (10, floor (log10 (range)));
  int divisions = fabs (mantissa - 5) < 1e-6 ? 5 : 4;
  GskRoundedRect outline;

  for (int i = 1; i < divisions; i++)
    {
      float y = roundf (plot->origin.y + plot->size.height * i / divisions);

      gtk_snapshot_append_color (snapshot, &grid,
                                 &GRAPHENE_RECT_INIT (plot->origin.x, y, plot->size.width, 1));
    }

  for (guint i = 0; i < G_N_ELEMENTS (time_steps); i++)
    if (span_s / time_steps[i] <= 6)
      {
        step = time_steps[i];
        break;
      }
  for (double t = step; t < span_s - step * 0.25; t += step)
    {
      float x = roundf (plot->origin.x + plot->size.width * (1 - t / span_s));

      gtk_snapshot_append_color (snapshot, &grid,
                                 &GRAPHENE_RECT_INIT (x, plot->origin.y, 1, plot->size.height));
    }

  gsk_rounded_rect_init_from_rect (&outline, plot, PLOT_RADIUS);
  gtk_snapshot_append_border (snapshot, &outline, (float[4]) { 1, 1, 1, 1 },
                              (GdkRGBA[4]) { frame, frame, frame, frame });
}

/* Lays the legend out in rows across width; draws it at y when snapshot is
 * given.  Returns its height. */
static double
legend (TsGraph     *self,
        GtkSnapshot *snapshot,
        double       width,
        double       y)
{
  GdkRGBA dim = with_alpha (&self->fg, 0.7f);
  double x = 0, row_h = 0, top = y;
  guint n = ts_graph_n_series (self);

  for (guint i = 0; i < n; i++)
    {
      const Series *s = &g_array_index (self->series, Series, i);
      int lw, lh, vw, vh;
      double item_w;

      if (s->label == NULL)
        continue;
      pango_layout_get_pixel_size (s->label_layout, &lw, &lh);
      pango_layout_get_pixel_size (s->value_layout, &vw, &vh);
      /* Room for a wider value, so items do not shift as values change. */
      item_w = 10 + 6 + lw + 6 + MAX (vw, 48);
      if (x > 0 && x + item_w > width)
        {
          x = 0;
          y += row_h + 4;
        }
      row_h = MAX (row_h, MAX (lh, vh));
      if (snapshot != NULL)
        {
          GskRoundedRect swatch;

          gsk_rounded_rect_init_from_rect (&swatch, &GRAPHENE_RECT_INIT (x, y + (lh - 10) / 2.0, 10, 10), 3);
          gtk_snapshot_push_rounded_clip (snapshot, &swatch);
          gtk_snapshot_append_color (snapshot, &s->color, &swatch.bounds);
          gtk_snapshot_pop (snapshot);
          draw_layout (snapshot, s->label_layout, x + 16, y, &dim);
          draw_layout (snapshot, s->value_layout, x + 16 + lw + 6, y, &self->fg);
        }
      x += item_w + LEGEND_GAP;
    }
  return row_h > 0 ? y + row_h - top : 0;
}

double
ts_graph_legend_height (TsGraph *self,
                        double   width)
{
  return legend (self, NULL, width, 0);
}

void
ts_graph_draw (TsGraph     *self,
               GtkSnapshot *snapshot)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gint64 start = g_get_monotonic_time ();
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  GdkRGBA dim = with_alpha (&self->fg, 0.6f);
  graphene_rect_t plot, clip_rect;
  GskRoundedRect clip;
  double legend_h = 0;
  int tw, th, vw, vh;
  bool compact_text = self->compact && height >= COMPACT_TEXT_H;
  guint stride;
  cairo_t *cr;

  if (width < 4 || height < 4)
    return;

  pango_layout_get_pixel_size (self->title_layout, &tw, &th);
  pango_layout_get_pixel_size (self->value_layout, &vw, &vh);
  if (self->compact)
    {
      /* The text gets its own row: a line under it would be unreadable. */
      double top = compact_text ? MAX (th, vh) + 4 : 2;

      clip_rect = GRAPHENE_RECT_INIT (0, 0, width, height);
      plot = GRAPHENE_RECT_INIT (0, top, width, height - top);
    }
  else
    {
      double header = MAX (th, vh) + 6;

      legend_h = legend (self, NULL, width, 0);
      plot = GRAPHENE_RECT_INIT (0, header, width,
                                 MAX (8, height - header - (legend_h > 0 ? legend_h + 10 : 0)));
      clip_rect = plot;
    }

  stride = ts_graph_collect_points (self, plot.size.width);
  if (!self->compact)
    draw_grid (self, snapshot, &plot);

  gsk_rounded_rect_init_from_rect (&clip, &clip_rect, PLOT_RADIUS);
  gtk_snapshot_push_rounded_clip (snapshot, &clip);
  cr = gtk_snapshot_append_cairo (snapshot, &plot);
  /* Cairo's fast antialiasing (a coarser coverage grid) halves the cost of
   * a frame of stroked lines (bench/README.md) with no visible difference
   * on these 1.5 px lines. */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, self->compact ? 1.25 : 1.5);
  if (self->stacked)
    draw_stacked (self, cr, &plot, stride);
  else
    draw_lines (self, cr, &plot, stride);
  draw_markers (self, snapshot, cr, &plot, !self->compact);
  cairo_destroy (cr);
  gtk_snapshot_pop (snapshot);

  if (self->compact)
    {
      if (compact_text)
        {
          draw_layout (snapshot, self->title_layout, 6, 2, &dim);
          if (tw + vw + 18 <= width)
            draw_layout (snapshot, self->value_layout, width - vw - 6, 2, &self->fg);
        }
    }
  else
    {
      int baseline_t = pango_layout_get_baseline (self->title_layout) / PANGO_SCALE;
      int baseline_v = pango_layout_get_baseline (self->value_layout) / PANGO_SCALE;
      int base = MAX (baseline_t, baseline_v);
      int w, h;

      draw_layout (snapshot, self->title_layout, 0, base - baseline_t, &self->fg);
      draw_layout (snapshot, self->value_layout, width - vw, base - baseline_v, &self->fg);

      if (self->scale_max != self->top_value)
        {
          g_autofree char *text = ts_format_value (self->scale_max, self->unit);

          self->top_value = self->scale_max;
          pango_layout_set_text (self->top_layout, text, -1);
        }
      draw_layout (snapshot, self->top_layout, plot.origin.x + 6, plot.origin.y + 3, &dim);
      pango_layout_get_pixel_size (self->span_layout, &w, &h);
      draw_layout (snapshot, self->span_layout, plot.origin.x + 6,
                   plot.origin.y + plot.size.height - h - 3, &dim);
      if (legend_h > 0)
        legend (self, snapshot, width, plot.origin.y + plot.size.height + 10);
    }

  self->n_draws++;
  self->snapshot_us += g_get_monotonic_time () - start;
}
