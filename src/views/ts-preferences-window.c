/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-preferences"

#include "config.h"

#include "ts-preferences-window.h"

struct _TsPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  GtkAdjustment        *interval_adjustment;
  AdwComboRow          *cpu_mode_row;
  AdwComboRow          *memory_row;
  AdwComboRow          *units_row;
  GtkSwitch            *confirm_switch;
  GtkAdjustment        *history_adjustment;
  AdwComboRow          *temperature_row;
  GtkSwitch            *virtual_switch;
};

G_DEFINE_FINAL_TYPE (TsPreferencesWindow, ts_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The interval is kept in milliseconds, shown in seconds. */
static gboolean
ms_to_seconds (GValue *value, GVariant *variant, gpointer user_data)
{
  g_value_set_double (value, g_variant_get_uint32 (variant) / 1000.0);
  return TRUE;
}

static GVariant *
seconds_to_ms (const GValue *value, const GVariantType *type, gpointer user_data)
{
  return g_variant_new_uint32 ((guint32) (g_value_get_double (value) * 1000.0 + 0.5));
}

/* Enum keys hold nicks; a combo row holds the index.  The schema lists the
 * nicks in the same order as the rows. */
static gboolean
enum_to_index (GValue *value, GVariant *variant, gpointer user_data)
{
  const char *const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nicks[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
index_to_enum (const GValue *value, const GVariantType *type, gpointer user_data)
{
  const char *const *nicks = user_data;
  guint i = g_value_get_uint (value);

  if (i >= g_strv_length ((char **) nicks))
    return NULL;
  return g_variant_new_string (nicks[i]);
}

/* The history length is kept in seconds, shown in minutes. */
static gboolean
s_to_minutes (GValue *value, GVariant *variant, gpointer user_data)
{
  g_value_set_double (value, g_variant_get_uint32 (variant) / 60.0);
  return TRUE;
}

static GVariant *
minutes_to_s (const GValue *value, const GVariantType *type, gpointer user_data)
{
  return g_variant_new_uint32 ((guint32) (g_value_get_double (value) * 60.0 + 0.5));
}

static const char *temperature_units[] = { "celsius", "fahrenheit", NULL };
static const char *cpu_modes[] = { "per-core", "total", NULL };
static const char *memory_metrics[] = { "uss", "pss", "rss", NULL };
static const char *units[] = { "iec", "si", NULL };

static void
ts_preferences_window_dispose (GObject *object)
{
  TsPreferencesWindow *self = TS_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ts_preferences_window_parent_class)->dispose (object);
}

static void
ts_preferences_window_class_init (TsPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ts_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/taskscope/Taskscope/ts-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TsPreferencesWindow, interval_adjustment);
  gtk_widget_class_bind_template_child (widget_class, TsPreferencesWindow, cpu_mode_row);
  gtk_widget_class_bind_template_child (widget_class, TsPreferencesWindow, memory_row);
  gtk_widget_class_bind_template_child (widget_class, TsPreferencesWindow, units_row);
  gtk_widget_class_bind_template_child (widget_class, TsPreferencesWindow, confirm_switch);
  gtk_widget_class_bind_template_child (widget_class, TsPreferencesWindow, history_adjustment);
  gtk_widget_class_bind_template_child (widget_class, TsPreferencesWindow, temperature_row);
  gtk_widget_class_bind_template_child (widget_class, TsPreferencesWindow, virtual_switch);
}

static void
ts_preferences_window_init (TsPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind_with_mapping (self->settings, "refresh-interval", self->interval_adjustment, "value",
                                G_SETTINGS_BIND_DEFAULT, ms_to_seconds, seconds_to_ms, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "cpu-mode", self->cpu_mode_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, enum_to_index, index_to_enum, cpu_modes, NULL);
  g_settings_bind_with_mapping (self->settings, "memory-metric", self->memory_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, enum_to_index, index_to_enum, memory_metrics, NULL);
  g_settings_bind_with_mapping (self->settings, "units", self->units_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, enum_to_index, index_to_enum, units, NULL);
  g_settings_bind (self->settings, "confirm-end", self->confirm_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "history-length", self->history_adjustment, "value",
                                G_SETTINGS_BIND_DEFAULT, s_to_minutes, minutes_to_s, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "temperature-unit", self->temperature_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, enum_to_index, index_to_enum,
                                (gpointer) temperature_units, NULL);
  g_settings_bind (self->settings, "show-virtual-disks", self->virtual_switch, "active", G_SETTINGS_BIND_DEFAULT);
}

GtkWidget *
ts_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (TS_TYPE_PREFERENCES_WINDOW, "transient-for", parent, "modal", TRUE, NULL);
}
