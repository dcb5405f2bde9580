/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-memory-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-memory-bar.h"
#include "ts-units.h"

#define N_PARTS 3

struct _TsMemoryBar
{
  GtkWidget parent_instance;

  guint64   values[N_PARTS];
  GdkRGBA   colors[N_PARTS];
  GdkRGBA   track;
};

G_DEFINE_FINAL_TYPE (TsMemoryBar, ts_memory_bar, GTK_TYPE_WIDGET)

static const char *const color_names[N_PARTS] = { "accent_bg_color", "ts_shared_color", "ts_swap_color" };
static const char *const fallback[N_PARTS] = { "#3584e4", "#2ec27e", "#e66100" };

static void
lookup_colors (TsMemoryBar *self)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *ctx = gtk_widget_get_style_context (GTK_WIDGET (self));

  for (int i = 0; i < N_PARTS; i++)
    if (!gtk_style_context_lookup_color (ctx, color_names[i], &self->colors[i]))
      gdk_rgba_parse (&self->colors[i], fallback[i]);
  gtk_style_context_get_color (ctx, &self->track);
  G_GNUC_END_IGNORE_DEPRECATIONS
  self->track.alpha = 0.12f;
}

static void
ts_memory_bar_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (ts_memory_bar_parent_class)->css_changed (widget, change);
  lookup_colors (TS_MEMORY_BAR (widget));
  gtk_widget_queue_draw (widget);
}

static void
ts_memory_bar_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  TsMemoryBar *self = TS_MEMORY_BAR (widget);
  float w = (float) gtk_widget_get_width (widget);
  float h = (float) gtk_widget_get_height (widget);
  double total = 0;
  GskRoundedRect clip;
  float x = 0;

  for (int i = 0; i < N_PARTS; i++)
    total += (double) self->values[i];

  gsk_rounded_rect_init_from_rect (&clip, &GRAPHENE_RECT_INIT (0, 0, w, h), MIN (6.f, h / 2));
  gtk_snapshot_push_rounded_clip (snapshot, &clip);
  gtk_snapshot_append_color (snapshot, &self->track, &GRAPHENE_RECT_INIT (0, 0, w, h));
  if (total > 0)
    for (int i = 0; i < N_PARTS; i++)
      {
        float part = (float) ((double) self->values[i] / total * w);

        if (part <= 0)
          continue;
        /* A 1 px gap between parts keeps them apart in both themes. */
        gtk_snapshot_append_color (snapshot, &self->colors[i],
                                   &GRAPHENE_RECT_INIT (x, 0, MAX (part - (i < N_PARTS - 1 ? 1.f : 0.f), 1.f), h));
        x += part;
      }
  gtk_snapshot_pop (snapshot);
}

static void
ts_memory_bar_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = 120, *natural = 400;
  else
    *minimum = *natural = 24;
}

static void
ts_memory_bar_class_init (TsMemoryBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = ts_memory_bar_snapshot;
  widget_class->measure = ts_memory_bar_measure;
  widget_class->css_changed = ts_memory_bar_css_changed;
  gtk_widget_class_set_css_name (widget_class, "memorybar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ts_memory_bar_init (TsMemoryBar *self)
{
  lookup_colors (self);
}

GtkWidget *
ts_memory_bar_new (void)
{
  return g_object_new (TS_TYPE_MEMORY_BAR, NULL);
}

void
ts_memory_bar_set_values (TsMemoryBar *self,
                          guint64      uss,
                          guint64      shared,
                          guint64      swap)
{
  g_return_if_fail (TS_IS_MEMORY_BAR (self));

  if (self->values[0] == uss && self->values[1] == shared && self->values[2] == swap)
    return;
  self->values[0] = uss;
  self->values[1] = shared;
  self->values[2] = swap;
  {
    g_autofree char *a = ts_format_value ((double) uss, TS_GRAPH_UNIT_BYTES);
    g_autofree char *b = ts_format_value ((double) shared, TS_GRAPH_UNIT_BYTES);
    g_autofree char *c = ts_format_value ((double) swap, TS_GRAPH_UNIT_BYTES);
    g_autofree char *text = g_strdup_printf (_("Own memory (USS) %s, shared %s, swap %s"), a, b, c);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
