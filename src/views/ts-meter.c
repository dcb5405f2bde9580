/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-meter"

#include "config.h"

#include <math.h>

#include "ts-graph.h"
#include "ts-meter.h"

struct _TsMeter
{
  GtkWidget    parent_instance;

  double       value;
  double       min;
  double       max;
  double       high;
  double       critical;
  gboolean     inverted;
  TsGraphUnit  unit;

  GdkRGBA      trough;
  GdkRGBA      fill[3];   /* by TsMeterLevel */
  GdkRGBA      tick[3];
  char        *value_text;
};

G_DEFINE_FINAL_TYPE (TsMeter, ts_meter, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_VALUE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static double
fraction (TsMeter *self,
          double   v)
{
  return CLAMP ((v - self->min) / (self->max - self->min), 0, 1);
}

static void
ts_meter_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  TsMeter *self = TS_METER (widget);
  float w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  const double levels[] = { self->high, self->critical };
  GskRoundedRect trough;

  gsk_rounded_rect_init_from_rect (&trough, &GRAPHENE_RECT_INIT (0, 0, w, h), h / 2);
  gtk_snapshot_push_rounded_clip (snapshot, &trough);
  gtk_snapshot_append_color (snapshot, &self->trough, &trough.bounds);
  if (!isnan (self->value))
    gtk_snapshot_append_color (snapshot, &self->fill[ts_meter_get_level (self)],
                               &GRAPHENE_RECT_INIT (0, 0, roundf (w * fraction (self, self->value)), h));
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    if (!isnan (levels[i]) && levels[i] > self->min && levels[i] < self->max)
      gtk_snapshot_append_color (snapshot, &self->tick[i + 1],
                                 &GRAPHENE_RECT_INIT (roundf (w * fraction (self, levels[i])) - 1, 0, 2, h));
  gtk_snapshot_pop (snapshot);
}

static void
ts_meter_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 40 : 6;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 160 : 8;
}

static GdkRGBA
lookup (GtkWidget  *widget,
        const char *name,
        const char *fallback_name)
{
  return ts_graph_lookup_color (widget, name, fallback_name, NULL);
}

static void
ts_meter_css_changed (GtkWidget         *widget,
                      GtkCssStyleChange *change)
{
  TsMeter *self = TS_METER (widget);
  GdkRGBA fg;

  GTK_WIDGET_CLASS (ts_meter_parent_class)->css_changed (widget, change);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  self->trough = (GdkRGBA) { fg.red, fg.green, fg.blue, fg.alpha * 0.12f };
  self->fill[TS_METER_LEVEL_NORMAL] = lookup (widget, "accent_bg_color", "accent_color");
  self->fill[TS_METER_LEVEL_HIGH] = lookup (widget, "warning_bg_color", "warning_color");
  self->fill[TS_METER_LEVEL_CRITICAL] = lookup (widget, "error_bg_color", "error_color");
  self->tick[TS_METER_LEVEL_HIGH] = lookup (widget, "warning_color", "warning_bg_color");
  self->tick[TS_METER_LEVEL_CRITICAL] = lookup (widget, "error_color", "error_bg_color");
}

static void
ts_meter_realize (GtkWidget *widget)
{
  ts_graph_ensure_style (gtk_widget_get_display (widget));
  GTK_WIDGET_CLASS (ts_meter_parent_class)->realize (widget);
}

static void
update_accessible (TsMeter *self)
{
  g_autofree char *text = ts_format_value (self->value, self->unit);

  if (g_strcmp0 (text, self->value_text) == 0)
    return;
  g_free (self->value_text);
  self->value_text = g_steal_pointer (&text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, self->min,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, self->max,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW,
                                  isnan (self->value) ? self->min : CLAMP (self->value, self->min, self->max),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, self->value_text,
                                  -1);
}

static void
ts_meter_finalize (GObject *object)
{
  g_free (TS_METER (object)->value_text);
  G_OBJECT_CLASS (ts_meter_parent_class)->finalize (object);
}

static void
ts_meter_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_double (value, TS_METER (object)->value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_meter_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_VALUE:
      ts_meter_set_value (TS_METER (object), g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_meter_class_init (TsMeterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ts_meter_finalize;
  object_class->get_property = ts_meter_get_property;
  object_class->set_property = ts_meter_set_property;
  widget_class->snapshot = ts_meter_snapshot;
  widget_class->measure = ts_meter_measure;
  widget_class->css_changed = ts_meter_css_changed;
  widget_class->realize = ts_meter_realize;

  properties[PROP_VALUE] = g_param_spec_double ("value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                                | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "tsmeter");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_METER);
}

static void
ts_meter_init (TsMeter *self)
{
  self->value = NAN;
  self->min = 0;
  self->max = 100;
  self->high = NAN;
  self->critical = NAN;
  self->unit = TS_GRAPH_UNIT_PERCENT;
  update_accessible (self);
}

GtkWidget *
ts_meter_new (void)
{
  return g_object_new (TS_TYPE_METER, NULL);
}

void
ts_meter_set_value (TsMeter *self,
                    double   value)
{
  g_return_if_fail (TS_IS_METER (self));

  if (self->value == value || (isnan (self->value) && isnan (value)))
    return;
  self->value = value;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

double
ts_meter_get_value (TsMeter *self)
{
  g_return_val_if_fail (TS_IS_METER (self), NAN);
  return self->value;
}

void
ts_meter_set_range (TsMeter *self,
                    double   min,
                    double   max)
{
  g_return_if_fail (TS_IS_METER (self));
  g_return_if_fail (min < max);

  self->min = min;
  self->max = max;
  g_clear_pointer (&self->value_text, g_free);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ts_meter_set_levels (TsMeter *self,
                     double   high,
                     double   critical)
{
  g_return_if_fail (TS_IS_METER (self));

  self->high = high;
  self->critical = critical;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ts_meter_set_inverted (TsMeter  *self,
                       gboolean  inverted)
{
  g_return_if_fail (TS_IS_METER (self));

  self->inverted = !!inverted;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ts_meter_set_unit (TsMeter     *self,
                   TsGraphUnit  unit)
{
  g_return_if_fail (TS_IS_METER (self));

  self->unit = unit;
  g_clear_pointer (&self->value_text, g_free);
  update_accessible (self);
}

TsMeterLevel
ts_meter_get_level (TsMeter *self)
{
  double v;

  g_return_val_if_fail (TS_IS_METER (self), TS_METER_LEVEL_NORMAL);

  v = self->value;
  if (isnan (v))
    return TS_METER_LEVEL_NORMAL;
  if (self->inverted)
    return v <= self->critical ? TS_METER_LEVEL_CRITICAL
         : v <= self->high ? TS_METER_LEVEL_HIGH : TS_METER_LEVEL_NORMAL;
  return v >= self->critical ? TS_METER_LEVEL_CRITICAL
       : v >= self->high ? TS_METER_LEVEL_HIGH : TS_METER_LEVEL_NORMAL;
}
