/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-graph"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ts-graph.h"

#include "ts-graph-private.h"

#define RESOURCE_PATH  "/io/github/taskscope/Taskscope/"

G_DEFINE_FINAL_TYPE (TsGraph, ts_graph, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_HISTORY,
  PROP_TITLE,
  PROP_STACKED,
  PROP_COMPACT,
  PROP_UNIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const palette[] = {
  "graph_blue", "graph_orange", "graph_purple", "graph_green", "graph_red",
  "graph_teal", "graph_yellow", "graph_pink", "graph_brown", "graph_grey",
};

/* ------------------------------------------------------------- helpers */

/* g_set_str is GLib 2.76, above the floor. */
static gboolean
set_str (char       **store,
         const char  *value)
{
  if (g_strcmp0 (*store, value) == 0)
    return FALSE;
  g_free (*store);
  *store = g_strdup (value);
  return TRUE;
}

double
ts_graph_nice_ceiling (double v)
{
  static const double steps[] = { 1, 2, 5, 10 };
  double p, m;

  if (!(v > 0) || isinf (v))
    return 1;
  p = pow (10, floor (log10 (v)));
  m = v / p;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (m <= steps[i] * (1 + 1e-9))
      return steps[i] * p;
  return 10 * p;
}

/* Takes text; sets it on the layout only when it differs. */
static gboolean
set_text (char        **store,
          PangoLayout  *layout,
          char         *text)
{
  if (g_strcmp0 (*store, text) == 0)
    {
      g_free (text);
      return FALSE;
    }
  g_free (*store);
  *store = text;
  pango_layout_set_text (layout, text, -1);
  return TRUE;
}

static PangoAttrList *
make_attrs (double scale,
            int    weight,
            bool   tabular)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  if (scale != 1.0)
    pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  if (weight != PANGO_WEIGHT_NORMAL)
    pango_attr_list_insert (attrs, pango_attr_weight_new (weight));
  if (tabular)
    pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  return attrs;
}

static PangoLayout *
new_layout (TsGraph    *self,
            double      scale,
            int         weight,
            bool        tabular)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  PangoAttrList *attrs = make_attrs (scale, weight, tabular);

  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static void
apply_fonts (TsGraph *self)
{
  PangoAttrList *title = self->compact ? make_attrs (0.8333, PANGO_WEIGHT_NORMAL, false)
                                       : make_attrs (1.0, PANGO_WEIGHT_BOLD, false);
  PangoAttrList *value = self->compact ? make_attrs (0.8333, PANGO_WEIGHT_BOLD, true)
                                       : make_attrs (1.5, PANGO_WEIGHT_BOLD, true);

  pango_layout_set_attributes (self->title_layout, title);
  pango_layout_set_attributes (self->value_layout, value);
  pango_attr_list_unref (title);
  pango_attr_list_unref (value);
}

static Series *
get_series (TsGraph *self,
            guint    index)
{
  if (index >= self->series->len)
    {
      guint old = self->series->len;

      g_array_set_size (self->series, index + 1);
      for (guint i = old; i <= index; i++)
        {
          Series *s = &g_array_index (self->series, Series, i);

          s->label_layout = new_layout (self, 0.8333, PANGO_WEIGHT_NORMAL, false);
          s->value_layout = new_layout (self, 0.8333, PANGO_WEIGHT_BOLD, true);
        }
    }
  return &g_array_index (self->series, Series, index);
}

static void
series_clear (gpointer data)
{
  Series *s = data;

  g_clear_pointer (&s->label, g_free);
  g_clear_pointer (&s->color_name, g_free);
  g_clear_pointer (&s->value_text, g_free);
  g_clear_object (&s->label_layout);
  g_clear_object (&s->value_layout);
  g_clear_pointer (&s->fill, cairo_pattern_destroy);
}

static void
marker_clear (gpointer data)
{
  Marker *m = data;

  g_clear_pointer (&m->color_name, g_free);
  g_clear_object (&m->layout);
}


/* ---------------------------------------------------------------- style */

static void
style_dark_cb (AdwStyleManager *manager,
               GParamSpec      *pspec,
               GtkCssProvider  *dark)
{
  GdkDisplay *display = adw_style_manager_get_display (manager);

  if (adw_style_manager_get_dark (manager))
    gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (dark),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION - 1);
  else
    gtk_style_context_remove_provider_for_display (display, GTK_STYLE_PROVIDER (dark));
}

void
ts_graph_ensure_style (GdkDisplay *display)
{
  GtkCssProvider *base, *dark;
  AdwStyleManager *manager;

  g_return_if_fail (GDK_IS_DISPLAY (display));

  if (g_object_get_data (G_OBJECT (display), "ts-graph-style") != NULL)
    return;
  /* An executable without the app's resources (a benchmark, say) draws with
   * the fallback colours rather than failing. */
  if (!g_resources_get_info (RESOURCE_PATH "ts-graph.css", 0, NULL, NULL, NULL))
    {
      g_debug ("%s is not in the resources: graphs use fallback colours", RESOURCE_PATH "ts-graph.css");
      g_object_set_data (G_OBJECT (display), "ts-graph-style", GINT_TO_POINTER (1));
      return;
    }

  /* Below the application priority, so an app's style.css can override it. */
  base = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (base, RESOURCE_PATH "ts-graph.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (base),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION - 2);
  g_object_set_data_full (G_OBJECT (display), "ts-graph-style", base, g_object_unref);

  dark = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (dark, RESOURCE_PATH "ts-graph-dark.css");
  g_object_set_data_full (G_OBJECT (display), "ts-graph-style-dark", dark, g_object_unref);
  manager = adw_style_manager_get_for_display (display);
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (style_dark_cb), dark, 0);
  style_dark_cb (manager, NULL, dark);
}

GdkRGBA
ts_graph_lookup_color (GtkWidget     *widget,
                       const char    *name,
                       const char    *fallback_name,
                       const GdkRGBA *fallback)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA color;

  if (name != NULL && gtk_style_context_lookup_color (context, name, &color))
    return color;
  if (gtk_style_context_lookup_color (context, fallback_name, &color))
    return color;
  if (fallback != NULL)
    return *fallback;
  gtk_style_context_get_color (context, &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return color;
}

static GdkRGBA
lookup_color (TsGraph       *self,
              const char    *name,
              const GdkRGBA *fallback)
{
  return ts_graph_lookup_color (GTK_WIDGET (self), name, "accent_color", fallback);
}

static void
resolve_colors (TsGraph *self)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &self->fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *s = &g_array_index (self->series, Series, i);

      s->color = lookup_color (self, s->color_name ? s->color_name : palette[i % G_N_ELEMENTS (palette)],
                               &self->fg);
      g_clear_pointer (&s->fill, cairo_pattern_destroy);
    }
  for (guint i = 0; i < self->markers->len; i++)
    {
      Marker *m = &g_array_index (self->markers, Marker, i);
      GdkRGBA dim = with_alpha (&self->fg, 0.55f);

      m->color = m->color_name != NULL ? lookup_color (self, m->color_name, &dim) : dim;
    }
}

/* ----------------------------------------------------------------- text */

static char *
format_span (gint64 span_us)
{
  gint64 s = span_us / G_USEC_PER_SEC;

  if (s >= 2 * 3600 && s % 3600 == 0)
    return g_strdup_printf (_("%d\u00a0h"), (int) (s / 3600));
  if (s >= 120 && s % 60 == 0)
    return g_strdup_printf (_("%d\u00a0min"), (int) (s / 60));
  return g_strdup_printf (_("%d\u00a0s"), (int) s);
}

/* The current values in the legend, the corner and the description.  Runs
 * once per history change while mapped, and on map. */
static void
update_texts (TsGraph *self)
{
  g_autoptr(GString) desc = g_string_new (self->title);
  guint n = ts_graph_n_series (self);
  double big = NAN;
  bool first = true;

  if (desc->len > 0)
    g_string_append (desc, ": ");

  for (guint i = 0; i < n; i++)
    {
      Series *s = get_series (self, i);
      double v = ts_history_get_last (self->history, i);

      set_text (&s->value_text, s->value_layout, ts_format_value (v, self->unit));
      if (self->stacked)
        big = isnan (big) ? v : isnan (v) ? big : big + v;
      else if (i == 0)
        big = v;

      if (s->label == NULL && n > 1)
        continue;
      if (!first)
        g_string_append (desc, ", ");
      if (s->label != NULL)
        g_string_append_printf (desc, "%s ", s->label);
      g_string_append (desc, s->value_text);
      first = false;
    }
  if (n == 0)
    g_string_append (desc, _("no data"));
  else if (self->stacked && n > 1)
    {
      g_autofree char *total = ts_format_value (big, self->unit);

      /* TRANSLATORS: the sum of a stacked graph's series, e.g. "total 42 %" */
      g_string_append_printf (desc, _(", total %s"), total);
    }

  set_text (&self->value_text, self->value_layout, ts_format_value (big, self->unit));

  if (self->history != NULL && ts_history_get_span (self->history) != self->span_shown)
    {
      g_autofree char *text = NULL;

      self->span_shown = ts_history_get_span (self->history);
      text = format_span (self->span_shown);
      pango_layout_set_text (self->span_layout, text, -1);
    }

  if (g_strcmp0 (desc->str, self->description) != 0)
    {
      g_free (self->description);
      self->description = g_strdup (desc->str);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                      -1);
    }
}

static void
texts_changed (TsGraph *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update_texts (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
history_changed_cb (TsHistory *history,
                    TsGraph   *self)
{
  /* Unmapped: nothing to draw, nobody to read; map catches up. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  update_texts (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}


/* ---------------------------------------------------------------- sizes */

static void
ts_graph_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  ts_graph_draw (TS_GRAPH (widget), snapshot);
}

static void
ts_graph_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  TsGraph *self = TS_GRAPH (widget);
  int tw, th, vw, vh;

  pango_layout_get_pixel_size (self->title_layout, &tw, &th);
  pango_layout_get_pixel_size (self->value_layout, &vw, &vh);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = self->compact ? 24 : MAX (120, tw + vw + 12);
      *natural = MAX (*minimum, self->compact ? 120 : 320);
    }
  else if (self->compact)
    {
      /* Natural: a sparkline in a list row, too low for text. */
      *minimum = 16;
      *natural = 24;
    }
  else
    {
      double legend_h = ts_graph_legend_height (self, for_size > 0 ? for_size : 320);
      int extra = MAX (th, vh) + 6 + (legend_h > 0 ? (int) ceil (legend_h) + 10 : 0);

      *minimum = extra + 48;
      *natural = extra + 120;
    }
}

/* ------------------------------------------------------------- GObject */

static void
ts_graph_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ts_graph_parent_class)->map (widget);
  update_texts (TS_GRAPH (widget));
}

static void
ts_graph_realize (GtkWidget *widget)
{
  ts_graph_ensure_style (gtk_widget_get_display (widget));
  GTK_WIDGET_CLASS (ts_graph_parent_class)->realize (widget);
}

static void
ts_graph_css_changed (GtkWidget         *widget,
                      GtkCssStyleChange *change)
{
  TsGraph *self = TS_GRAPH (widget);

  GTK_WIDGET_CLASS (ts_graph_parent_class)->css_changed (widget, change);
  resolve_colors (self);
  /* The font may have changed with the style. */
  pango_layout_context_changed (self->title_layout);
  pango_layout_context_changed (self->value_layout);
  pango_layout_context_changed (self->top_layout);
  pango_layout_context_changed (self->span_layout);
  for (guint i = 0; i < self->series->len; i++)
    {
      Series *s = &g_array_index (self->series, Series, i);

      pango_layout_context_changed (s->label_layout);
      pango_layout_context_changed (s->value_layout);
    }
  for (guint i = 0; i < self->markers->len; i++)
    {
      Marker *m = &g_array_index (self->markers, Marker, i);

      if (m->layout != NULL)
        pango_layout_context_changed (m->layout);
    }
  gtk_widget_queue_resize (widget);
}

static void
ts_graph_dispose (GObject *object)
{
  TsGraph *self = TS_GRAPH (object);

  if (self->history != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->history);
      g_clear_object (&self->history);
    }
  G_OBJECT_CLASS (ts_graph_parent_class)->dispose (object);
}

static void
ts_graph_finalize (GObject *object)
{
  TsGraph *self = TS_GRAPH (object);

  g_array_unref (self->series);
  g_array_unref (self->markers);
  g_object_unref (self->title_layout);
  g_object_unref (self->value_layout);
  g_object_unref (self->top_layout);
  g_object_unref (self->span_layout);
  g_free (self->title);
  g_free (self->points);
  g_free (self->value_text);
  g_free (self->description);
  G_OBJECT_CLASS (ts_graph_parent_class)->finalize (object);
}

static void
ts_graph_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  TsGraph *self = TS_GRAPH (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_STACKED:
      g_value_set_boolean (value, self->stacked);
      break;
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;
    case PROP_UNIT:
      g_value_set_enum (value, self->unit);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_graph_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  TsGraph *self = TS_GRAPH (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      ts_graph_set_history (self, g_value_get_object (value));
      break;
    case PROP_TITLE:
      ts_graph_set_title (self, g_value_get_string (value));
      break;
    case PROP_STACKED:
      ts_graph_set_stacked (self, g_value_get_boolean (value));
      break;
    case PROP_COMPACT:
      ts_graph_set_compact (self, g_value_get_boolean (value));
      break;
    case PROP_UNIT:
      ts_graph_set_unit (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_graph_class_init (TsGraphClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = ts_graph_dispose;
  object_class->finalize = ts_graph_finalize;
  object_class->get_property = ts_graph_get_property;
  object_class->set_property = ts_graph_set_property;
  widget_class->snapshot = ts_graph_snapshot;
  widget_class->measure = ts_graph_measure;
  widget_class->map = ts_graph_map;
  widget_class->realize = ts_graph_realize;
  widget_class->css_changed = ts_graph_css_changed;

  properties[PROP_HISTORY] = g_param_spec_object ("history", NULL, NULL, TS_TYPE_HISTORY, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_STACKED] = g_param_spec_boolean ("stacked", NULL, NULL, FALSE, flags);
  properties[PROP_COMPACT] = g_param_spec_boolean ("compact", NULL, NULL, FALSE, flags);
  properties[PROP_UNIT] = g_param_spec_enum ("unit", NULL, NULL, TS_TYPE_GRAPH_UNIT,
                                             TS_GRAPH_UNIT_PERCENT, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "tsgraph");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ts_graph_init (TsGraph *self)
{
  self->series = g_array_new (FALSE, TRUE, sizeof (Series));
  g_array_set_clear_func (self->series, series_clear);
  self->markers = g_array_new (FALSE, TRUE, sizeof (Marker));
  g_array_set_clear_func (self->markers, marker_clear);
  self->unit = TS_GRAPH_UNIT_PERCENT;
  self->range_min = 0;
  self->range_max = 100;
  self->scale_max = 100;
  self->top_value = NAN;

  self->title_layout = new_layout (self, 1.0, PANGO_WEIGHT_BOLD, false);
  self->value_layout = new_layout (self, 1.5, PANGO_WEIGHT_BOLD, true);
  self->top_layout = new_layout (self, 0.8333, PANGO_WEIGHT_NORMAL, true);
  self->span_layout = new_layout (self, 0.8333, PANGO_WEIGHT_NORMAL, true);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  self->fg = (GdkRGBA) { 0.5f, 0.5f, 0.5f, 1.0f };
}

/* ------------------------------------------------------------------ API */

GtkWidget *
ts_graph_new (void)
{
  return g_object_new (TS_TYPE_GRAPH, NULL);
}

void
ts_graph_set_history (TsGraph   *self,
                      TsHistory *history)
{
  g_return_if_fail (TS_IS_GRAPH (self));
  g_return_if_fail (history == NULL || TS_IS_HISTORY (history));

  if (self->history == history)
    return;
  if (self->history != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->history);
      g_clear_object (&self->history);
    }
  if (history != NULL)
    {
      self->history = g_object_ref (history);
      self->changed_id = g_signal_connect (history, "changed", G_CALLBACK (history_changed_cb), self);
      get_series (self, ts_history_get_n_series (history) - 1);
      resolve_colors (self);
    }
  self->span_shown = 0;
  texts_changed (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

TsHistory *
ts_graph_get_history (TsGraph *self)
{
  g_return_val_if_fail (TS_IS_GRAPH (self), NULL);
  return self->history;
}

void
ts_graph_set_title (TsGraph    *self,
                    const char *title)
{
  g_return_if_fail (TS_IS_GRAPH (self));

  if (!set_str (&self->title, title))
    return;
  pango_layout_set_text (self->title_layout, title != NULL ? title : "", -1);
  texts_changed (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
ts_graph_get_title (TsGraph *self)
{
  g_return_val_if_fail (TS_IS_GRAPH (self), NULL);
  return self->title;
}

void
ts_graph_set_series (TsGraph    *self,
                     guint       index,
                     const char *label,
                     const char *color_name)
{
  Series *s;

  g_return_if_fail (TS_IS_GRAPH (self));
  g_return_if_fail (index < 64);

  s = get_series (self, index);
  set_str (&s->label, label);
  set_str (&s->color_name, color_name);
  pango_layout_set_text (s->label_layout, label != NULL ? label : "", -1);
  resolve_colors (self);
  texts_changed (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
ts_graph_set_stacked (TsGraph  *self,
                      gboolean  stacked)
{
  g_return_if_fail (TS_IS_GRAPH (self));

  stacked = !!stacked;
  if (self->stacked == (guint) stacked)
    return;
  self->stacked = stacked;
  texts_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACKED]);
}

gboolean
ts_graph_get_stacked (TsGraph *self)
{
  g_return_val_if_fail (TS_IS_GRAPH (self), FALSE);
  return self->stacked;
}

void
ts_graph_set_compact (TsGraph  *self,
                      gboolean  compact)
{
  g_return_if_fail (TS_IS_GRAPH (self));

  compact = !!compact;
  if (self->compact == (guint) compact)
    return;
  self->compact = compact;
  apply_fonts (self);
  if (compact)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "card");
      gtk_widget_add_css_class (GTK_WIDGET (self), "compact");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "compact");
      gtk_widget_add_css_class (GTK_WIDGET (self), "card");
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}

gboolean
ts_graph_get_compact (TsGraph *self)
{
  g_return_val_if_fail (TS_IS_GRAPH (self), FALSE);
  return self->compact;
}

void
ts_graph_set_range (TsGraph *self,
                    double   min,
                    double   max)
{
  g_return_if_fail (TS_IS_GRAPH (self));
  g_return_if_fail (min < max);

  self->auto_scale = FALSE;
  self->range_min = min;
  self->range_max = max;
  self->scale_min = min;
  self->scale_max = max;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ts_graph_set_auto_scale (TsGraph *self,
                         double   min_ceiling)
{
  g_return_if_fail (TS_IS_GRAPH (self));
  g_return_if_fail (!isnan (min_ceiling));

  self->auto_scale = TRUE;
  self->min_ceiling = min_ceiling;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ts_graph_get_scale (TsGraph *self,
                    double  *min,
                    double  *max)
{
  g_return_if_fail (TS_IS_GRAPH (self));

  /* Computed as a frame would, so it is right also before the first one. */
  ts_graph_collect_points (self, MAX (1, gtk_widget_get_width (GTK_WIDGET (self))));
  if (min != NULL)
    *min = self->scale_min;
  if (max != NULL)
    *max = self->scale_max;
}

void
ts_graph_set_unit (TsGraph     *self,
                   TsGraphUnit  unit)
{
  g_return_if_fail (TS_IS_GRAPH (self));

  if (self->unit == unit)
    return;
  self->unit = unit;
  self->top_value = NAN;
  texts_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

TsGraphUnit
ts_graph_get_unit (TsGraph *self)
{
  g_return_val_if_fail (TS_IS_GRAPH (self), TS_GRAPH_UNIT_NUMBER);
  return self->unit;
}

void
ts_graph_add_marker (TsGraph    *self,
                     double      value,
                     const char *label,
                     const char *color_name)
{
  Marker m = { value, g_strdup (color_name), { 0 }, NULL };

  g_return_if_fail (TS_IS_GRAPH (self));
  g_return_if_fail (!isnan (value));

  if (label != NULL)
    {
      m.layout = new_layout (self, 0.8333, PANGO_WEIGHT_NORMAL, true);
      pango_layout_set_text (m.layout, label, -1);
    }
  g_array_append_val (self->markers, m);
  resolve_colors (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ts_graph_clear_markers (TsGraph *self)
{
  g_return_if_fail (TS_IS_GRAPH (self));

  g_array_set_size (self->markers, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
ts_graph_get_description (TsGraph *self)
{
  g_return_val_if_fail (TS_IS_GRAPH (self), NULL);
  return self->description;
}

void
ts_graph_get_draw_stats (TsGraph *self,
                         guint   *n_draws,
                         gint64  *snapshot_us)
{
  g_return_if_fail (TS_IS_GRAPH (self));

  if (n_draws != NULL)
    *n_draws = self->n_draws;
  if (snapshot_us != NULL)
    *snapshot_us = self->snapshot_us;
}
