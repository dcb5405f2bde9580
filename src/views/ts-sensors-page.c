/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-sensors-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ts-graph.h"
#include "ts-meter.h"
#include "ts-sensors-page.h"
#include "ts-units.h"

/* A driver's limit above this is a placeholder, not a limit (nvme reports
 * 65261.85 °C, the largest value its register holds, for "no limit"). */
#define TEMP_LIMIT_SANE 200.0

#define SPARK_WIDTH  110
#define METER_WIDTH  120

/* One temperature or fan row. */
typedef struct
{
  gboolean   fan;
  guint      index;        /* into the monitor's temperatures or fans */
  char      *key;          /* "temp:CHIP/LABEL" or "fan:CHIP/LABEL" */
  char      *limits_key;   /* "temp-limits:CHIP/LABEL", NULL for a fan */
  AdwActionRow *row;
  GtkLabel  *value;
  TsMeter   *meter;        /* NULL for a fan */
} Row;

struct _TsSensorsPage
{
  AdwBin            parent_instance;

  GtkStack         *stack;
  GtkBox           *error_box;
  GtkLabel         *error_label;
  GtkBox           *battery_box;
  GtkImage         *battery_icon;
  GtkLabel         *percent_label;
  GtkLabel         *state_label;
  TsMeter          *battery_meter;
  GtkLabel         *time_label;
  GtkLabel         *power_label;
  GtkBox           *energy_box;
  GtkLabel         *energy_label;
  GtkBox           *count_box;
  GtkLabel         *count_label;
  TsGraph          *charge_graph;
  TsGraph          *power_graph;
  GtkBox           *groups_box;
  GtkLabel         *no_battery_label;
  AdwStatusPage    *status_page;

  TsSensorsMonitor *sensors;
  GSettings        *settings;      /* NULL when the schema is not installed */
  TsGraphUnit       temp_unit;
  GPtrArray        *rows;          /* Row */
  GHashTable       *by_key;        /* key -> Row, keys owned by the rows */
  GPtrArray        *chips;         /* group titles, char * */
  /* Line up the graph and value columns of every row down the page. */
  GtkSizeGroup     *graph_column;
  GtkSizeGroup     *value_column;
  gboolean          has_battery;
  /* The monitor's battery history holds percent and watts together; a
   * graph draws every series of its history, so each gets its own. */
  TsHistory        *charge_history;
  TsHistory        *power_history;
};

G_DEFINE_FINAL_TYPE (TsSensorsPage, ts_sensors_page, ADW_TYPE_BIN)

/* -------------------------------------------------------------- helpers */

static void
row_free (gpointer data)
{
  Row *r = data;

  g_free (r->key);
  g_free (r->limits_key);
  g_free (r);
}

/* Setting a label's text relayouts it even when the text is the same. */
static void
set_text (GtkLabel *label, const char *text)
{
  if (g_strcmp0 (gtk_label_get_text (label), text) != 0)
    gtk_label_set_text (label, text);
}

static void
set_text_take (GtkLabel *label, char *text)
{
  set_text (label, text);
  g_free (text);
}

static gboolean
sane_limit (double v)
{
  return isfinite (v) && v > 0 && v <= TEMP_LIMIT_SANE;
}

/* What kind of device a chip name stands for, for the group description;
 * NULL when unknown.  Matched on the start of the name. */
static const char *
describe_chip (const char *chip)
{
  static const struct { const char *prefix; const char *what; } kinds[] = {
    { "coretemp", N_("Intel processor") },
    { "k10temp", N_("AMD processor") },
    { "zenpower", N_("AMD processor") },
    { "cpu_thermal", N_("Processor") },
    { "cpu-thermal", N_("Processor") },
    { "soc_thermal", N_("System on chip") },
    { "soc-thermal", N_("System on chip") },
    { "x86_pkg_temp", N_("Processor package") },
    { "amdgpu", N_("AMD graphics") },
    { "radeon", N_("AMD graphics") },
    { "nouveau", N_("NVIDIA graphics") },
    { "i915", N_("Intel graphics") },
    { "nvme", N_("NVMe drive") },
    { "drivetemp", N_("Drive") },
    { "acpitz", N_("ACPI thermal zone") },
    { "thinkpad", N_("ThinkPad embedded controller") },
    { "dell_smm", N_("Dell embedded controller") },
    { "nct", N_("Motherboard") },
    { "it87", N_("Motherboard") },
    { "iwlwifi", N_("Wi-Fi adapter") },
    { "pch_", N_("Chipset") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_has_prefix (chip, kinds[i].prefix))
      return _(kinds[i].what);
  return NULL;
}

/* "2 h 15 min", "4 h", "45 min"; "Unknown"; "Plugged in" when the
 * battery is not running down. */
static char *
format_time_left (double secs)
{
  gint64 minutes, hours;

  if (secs == TS_BATTERY_SECS_UNLIMITED)
    return g_strdup (_("Plugged in"));
  if (!isfinite (secs) || secs < 0)
    return g_strdup (_("Unknown"));
  minutes = (gint64) (secs / 60);
  hours = minutes / 60;
  minutes %= 60;
  if (hours == 0)
    /* TRANSLATORS: time left on battery */
    return g_strdup_printf (_("%d min"), (int) minutes);
  if (minutes == 0)
    return g_strdup_printf (_("%d h"), (int) hours);
  return g_strdup_printf (_("%d h %d min"), (int) hours, (int) minutes);
}

static const char *
battery_state_text (const TsBattery *b)
{
  switch (b->status)
    {
    case TS_BATTERY_STATUS_CHARGING:
      return _("Charging");
    case TS_BATTERY_STATUS_DISCHARGING:
      return _("Discharging");
    case TS_BATTERY_STATUS_FULL:
      return _("Fully charged");
    case TS_BATTERY_STATUS_NOT_CHARGING:
      return _("Plugged in, not charging");
    case TS_BATTERY_STATUS_UNKNOWN:
    default:
      if (b->power_plugged == TS_POWER_PLUGGED_YES)
        return _("Plugged in");
      if (b->power_plugged == TS_POWER_PLUGGED_NO)
        return _("On battery");
      return _("Unknown state");
    }
}

static const char *
battery_icon_name (const TsBattery *b)
{
  static const char *names[] = {
    "battery-level-0-symbolic", "battery-level-10-symbolic", "battery-level-20-symbolic",
    "battery-level-30-symbolic", "battery-level-40-symbolic", "battery-level-50-symbolic",
    "battery-level-60-symbolic", "battery-level-70-symbolic", "battery-level-80-symbolic",
    "battery-level-90-symbolic", "battery-level-100-symbolic",
  };
  static const char *charging[] = {
    "battery-level-0-charging-symbolic", "battery-level-10-charging-symbolic",
    "battery-level-20-charging-symbolic", "battery-level-30-charging-symbolic",
    "battery-level-40-charging-symbolic", "battery-level-50-charging-symbolic",
    "battery-level-60-charging-symbolic", "battery-level-70-charging-symbolic",
    "battery-level-80-charging-symbolic", "battery-level-90-charging-symbolic",
    "battery-level-100-charged-symbolic",
  };
  int level = isfinite (b->percent) ? (int) CLAMP (round (b->percent / 10), 0, 10) : 0;

  if (b->status == TS_BATTERY_STATUS_FULL)
    return "battery-level-100-charged-symbolic";
  if (b->status == TS_BATTERY_STATUS_CHARGING)
    return charging[level];
  return names[level];
}

/* ------------------------------------------------------------- battery */

/* Copies the newest sample(s) of the monitor's battery history into the
 * two one-series histories the graphs show. */
static void
sync_battery_histories (TsSensorsPage *self, gboolean all)
{
  TsHistory *src = ts_sensors_monitor_get_battery_history (self->sensors);
  guint n = ts_history_get_length (src);
  gint64 last = ts_history_get_last_time (self->charge_history);

  for (guint i = all ? 0 : (n > 0 ? n - 1 : 0); i < n; i++)
    {
      gint64 t = ts_history_get_time (src, i);
      double pct = ts_history_get_value (src, i, TS_SENSORS_BATTERY_PERCENT);
      double watts = ts_history_get_value (src, i, TS_SENSORS_BATTERY_POWER);

      if (ts_history_get_length (self->charge_history) > 0 && t <= last)
        continue;
      ts_history_push (self->charge_history, t, &pct);
      ts_history_push (self->power_history, t, &watts);
      last = t;
    }
}

static void
update_battery (TsSensorsPage *self)
{
  TsBattery b;

  if (!self->has_battery || !ts_sensors_monitor_get_battery (self->sensors, &b))
    return;

  set_text_take (self->percent_label,
                 isfinite (b.percent) ? g_strdup_printf (_("%.0f\u00a0%%"), b.percent) : g_strdup ("\u2014"));
  set_text (self->state_label, battery_state_text (&b));
  gtk_image_set_from_icon_name (self->battery_icon, battery_icon_name (&b));
  ts_meter_set_value (self->battery_meter, b.percent);
  set_text_take (self->time_label, format_time_left (b.secsleft));
  set_text_take (self->power_label,
                 isfinite (b.power_w) ? ts_format_value (b.power_w, TS_GRAPH_UNIT_WATTS)
                                      : g_strdup (_("Unknown")));

  gtk_widget_set_visible (GTK_WIDGET (self->energy_box),
                          isfinite (b.energy_now_wh) && isfinite (b.energy_full_wh));
  if (isfinite (b.energy_now_wh) && isfinite (b.energy_full_wh))
    /* TRANSLATORS: energy now of energy when full, in watt-hours */
    set_text_take (self->energy_label, g_strdup_printf (_("%.1f of %.1f\u00a0Wh"),
                                                        b.energy_now_wh, b.energy_full_wh));

  gtk_widget_set_visible (GTK_WIDGET (self->count_box), b.n_batteries > 1);
  if (b.n_batteries > 1)
    set_text_take (self->count_label, g_strdup_printf ("%u", b.n_batteries));

  sync_battery_histories (self, FALSE);
}

static void
rebuild_battery (TsSensorsPage *self)
{
  TsBattery b;
  gint64 span = ts_sensors_monitor_get_span (self->sensors);

  self->has_battery = ts_sensors_monitor_get_battery (self->sensors, &b);
  gtk_widget_set_visible (GTK_WIDGET (self->battery_box), self->has_battery);
  ts_history_clear (self->charge_history);
  ts_history_clear (self->power_history);
  ts_history_set_span (self->charge_history, span);
  ts_history_set_span (self->power_history, span);
  if (self->has_battery)
    sync_battery_histories (self, TRUE);
}

/* ---------------------------------------------------------------- rows */

static char *
limits_text (TsSensorsPage *self, double high, double critical)
{
  g_autofree char *h = sane_limit (high) ? ts_format_value (high, self->temp_unit) : NULL;
  g_autofree char *c = sane_limit (critical) ? ts_format_value (critical, self->temp_unit) : NULL;

  if (h != NULL && c != NULL)
    /* TRANSLATORS: a temperature sensor's limits */
    return g_strdup_printf (_("High %s · Critical %s"), h, c);
  if (h != NULL)
    return g_strdup_printf (_("High %s"), h);
  if (c != NULL)
    return g_strdup_printf (_("Critical %s"), c);
  return NULL;
}

static void
update_rows (TsSensorsPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *r = g_ptr_array_index (self->rows, i);

      if (r->fan)
        set_text_take (r->value, ts_format_value (ts_sensors_monitor_get_fan_current (self->sensors, r->index),
                                                  TS_GRAPH_UNIT_RPM));
      else
        {
          double v = ts_sensors_monitor_get_temperature_current (self->sensors, r->index);

          set_text_take (r->value, ts_format_value (v, self->temp_unit));
          ts_meter_set_value (r->meter, v);
        }
    }
}

/* The marks are on the meter beside it; dashed lines in 24 px were noise. */
static GtkWidget *
sparkline (TsHistory *history, int width)
{
  GtkWidget *graph = ts_graph_new ();

  ts_graph_set_compact (TS_GRAPH (graph), TRUE);
  ts_graph_set_history (TS_GRAPH (graph), history);
  /* Below the compact look's text height: a bare line. */
  gtk_widget_set_size_request (graph, width, 24);
  gtk_widget_set_valign (graph, GTK_ALIGN_CENTER);
  return graph;
}

static GtkLabel *
value_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_width_chars (GTK_LABEL (label), 9);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "ts-sensor-value");
  return GTK_LABEL (label);
}

static GtkWidget *
suffix_box (TsSensorsPage *self, GtkWidget *graph, GtkWidget *meter)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_box_append (GTK_BOX (box), graph);
  if (meter != NULL)
    gtk_box_append (GTK_BOX (box), meter);
  gtk_size_group_add_widget (self->graph_column, box);
  /* A fan's line expands within the column, not the column in the row. */
  gtk_widget_set_hexpand (box, FALSE);
  return box;
}

/* A key unique on the page: "#2" for the second sensor with the same chip
 * and label (two NVMe drives' "Composite"). */
static char *
unique_key (TsSensorsPage *self, const char *prefix, const char *chip, const char *label)
{
  g_autofree char *base = g_strdup_printf ("%s:%s/%s", prefix, chip, label);
  char *key = g_strdup (base);

  for (guint n = 2; g_hash_table_contains (self->by_key, key); n++)
    {
      g_free (key);
      key = g_strdup_printf ("%s#%u", base, n);
    }
  return key;
}

static AdwPreferencesGroup *
add_group (TsSensorsPage *self, const char *title, const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *t = g_markup_escape_text (title, -1);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), t);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (self->groups_box, group);
  return ADW_PREFERENCES_GROUP (group);
}

static AdwActionRow *
new_row (const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return ADW_ACTION_ROW (row);
}

static void
add_temperature (TsSensorsPage *self, AdwPreferencesGroup *group, const char *chip, guint i)
{
  TsSensorsMonitor *m = self->sensors;
  const char *label = ts_sensors_monitor_get_temperature_display_label (m, i);
  double high = ts_sensors_monitor_get_temperature_high (m, i);
  double critical = ts_sensors_monitor_get_temperature_critical (m, i);
  double top = 100;
  g_autofree char *limits = limits_text (self, high, critical);
  Row *r = g_new0 (Row, 1);
  GtkWidget *meter = ts_meter_new ();
  GtkWidget *graph = sparkline (ts_sensors_monitor_get_temperature_history (m, i), SPARK_WIDTH);

  if (sane_limit (high))
    top = MAX (top, high);
  if (sane_limit (critical))
    top = MAX (top, critical);
  /* Room above the last mark, so a tick at the top end stays visible. */
  top = ceil ((top + 10) / 10) * 10;

  r->index = i;
  r->key = unique_key (self, "temp", chip, label);
  r->limits_key = g_strconcat ("temp-limits", strchr (r->key, ':'), NULL);
  r->row = new_row (label, limits);
  r->value = value_label ();
  r->meter = TS_METER (meter);

  ts_meter_set_range (r->meter, 0, top);
  ts_meter_set_levels (r->meter, sane_limit (high) ? high : NAN, sane_limit (critical) ? critical : NAN);
  ts_meter_set_unit (r->meter, self->temp_unit);
  gtk_widget_set_size_request (meter, METER_WIDTH, 8);
  gtk_widget_set_valign (meter, GTK_ALIGN_CENTER);

  ts_graph_set_range (TS_GRAPH (graph), 0, top);
  ts_graph_set_unit (TS_GRAPH (graph), self->temp_unit);
  ts_graph_set_title (TS_GRAPH (graph), label);

  adw_action_row_add_suffix (r->row, suffix_box (self, graph, meter));
  adw_action_row_add_suffix (r->row, GTK_WIDGET (r->value));
  gtk_size_group_add_widget (self->value_column, GTK_WIDGET (r->value));
  adw_preferences_group_add (group, GTK_WIDGET (r->row));

  g_ptr_array_add (self->rows, r);
  g_hash_table_insert (self->by_key, r->key, r);
  g_hash_table_insert (self->by_key, r->limits_key, r);
}

static void
add_fan (TsSensorsPage *self, AdwPreferencesGroup *group, guint i)
{
  TsSensorsMonitor *m = self->sensors;
  g_autofree char *chip = g_utf8_make_valid (ts_sensors_monitor_get_fan_chip (m, i), -1);
  const char *label = ts_sensors_monitor_get_fan_display_label (m, i);
  Row *r = g_new0 (Row, 1);
  GtkWidget *graph = sparkline (ts_sensors_monitor_get_fan_history (m, i), SPARK_WIDTH);

  r->fan = TRUE;
  r->index = i;
  r->key = unique_key (self, "fan", chip, label);
  r->row = new_row (label, chip);
  r->value = value_label ();

  ts_graph_set_auto_scale (TS_GRAPH (graph), 1000);
  ts_graph_set_unit (TS_GRAPH (graph), TS_GRAPH_UNIT_RPM);
  ts_graph_set_title (TS_GRAPH (graph), label);
  ts_graph_set_series (TS_GRAPH (graph), 0, NULL, "graph_teal");

  /* No meter: the line takes the meter's room as well. */
  gtk_widget_set_hexpand (graph, TRUE);
  adw_action_row_add_suffix (r->row, suffix_box (self, graph, NULL));
  adw_action_row_add_suffix (r->row, GTK_WIDGET (r->value));
  gtk_size_group_add_widget (self->value_column, GTK_WIDGET (r->value));
  adw_preferences_group_add (group, GTK_WIDGET (r->row));

  g_ptr_array_add (self->rows, r);
  g_hash_table_insert (self->by_key, r->key, r);
}

static void
update_error (TsSensorsPage *self)
{
  const GError *error = self->sensors != NULL ? ts_sensors_monitor_get_last_error (self->sensors) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->error_box), error != NULL);
  if (error != NULL)
    set_text_take (self->error_label, g_strdup_printf (_("Some sensors could not be read: %s"), error->message));
}

static void
show_empty (TsSensorsPage *self)
{
  const GError *error = self->sensors != NULL ? ts_sensors_monitor_get_last_error (self->sensors) : NULL;
  g_autofree char *text = NULL;

  if (self->sensors == NULL)
    text = g_strdup (_("The sensors could not be read on this system."));
  else
    text = g_strdup (_("No temperature sensor, fan or battery is readable here: "
                       "sysfs has no hwmon device or thermal zone with a value, "
                       "and no system battery."));
  if (error != NULL)
    {
      g_autofree char *with = g_strdup_printf ("%s\n\n%s", text, error->message);

      g_free (text);
      text = g_steal_pointer (&with);
    }
  adw_status_page_set_description (self->status_page, text);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
rebuild (TsSensorsPage *self)
{
  GtkWidget *child;
  guint n_temps, n_fans;
  AdwPreferencesGroup *group = NULL;
  g_autofree char *group_chip = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
  g_hash_table_remove_all (self->by_key);
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->chips, 0);

  if (self->sensors == NULL)
    {
      self->has_battery = FALSE;
      show_empty (self);
      return;
    }

  rebuild_battery (self);
  n_temps = ts_sensors_monitor_get_n_temperatures (self->sensors);
  n_fans = ts_sensors_monitor_get_n_fans (self->sensors);
  if (n_temps == 0 && n_fans == 0 && !self->has_battery)
    {
      show_empty (self);
      return;
    }

  for (guint i = 0; i < n_temps; i++)
    {
      g_autofree char *chip = g_utf8_make_valid (ts_sensors_monitor_get_temperature_chip (self->sensors, i), -1);

      if (group == NULL || strcmp (chip, group_chip) != 0)
        {
          group = add_group (self, chip, describe_chip (chip));
          g_ptr_array_add (self->chips, g_strdup (chip));
          g_free (group_chip);
          group_chip = g_strdup (chip);
        }
      add_temperature (self, group, chip, i);
    }
  if (n_fans > 0)
    {
      group = add_group (self, _("Fans"), NULL);
      for (guint i = 0; i < n_fans; i++)
        add_fan (self, group, i);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->no_battery_label), !self->has_battery);

  update_error (self);
  update_rows (self);
  update_battery (self);
  gtk_stack_set_visible_child_name (self->stack, "sensors");
}

/* ------------------------------------------------------------- signals */

static void
sensors_changed_cb (TsSensorsPage *self)
{
  rebuild (self);
}

static void
changed_cb (TsSensorsPage *self)
{
  if (strcmp (gtk_stack_get_visible_child_name (self->stack), "empty") == 0)
    {
      /* Only the error can have changed. */
      show_empty (self);
      return;
    }
  update_error (self);
  update_rows (self);
  update_battery (self);
}

static void
temperature_unit_changed_cb (TsSensorsPage *self)
{
  TsGraphUnit unit = g_settings_get_enum (self->settings, "temperature-unit") == 1
                     ? TS_GRAPH_UNIT_FAHRENHEIT : TS_GRAPH_UNIT_CELSIUS;

  if (unit == self->temp_unit)
    return;
  self->temp_unit = unit;
  /* Subtitles, meters and sparklines all carry the unit: rebuilding is
   * simplest, and histories live in the monitor, so nothing is lost. */
  rebuild (self);
}

/* ------------------------------------------------------------- GObject */

static void
ts_sensors_page_dispose (GObject *object)
{
  TsSensorsPage *self = TS_SENSORS_PAGE (object);

  if (self->sensors != NULL)
    g_signal_handlers_disconnect_by_data (self->sensors, self);
  g_clear_object (&self->sensors);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  /* The stack is AdwBin's child and a template child: GTK 4.8's
   * dispose_template unparents it, then AdwBin would unparent it again. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_SENSORS_PAGE);

  G_OBJECT_CLASS (ts_sensors_page_parent_class)->dispose (object);
}

static void
ts_sensors_page_finalize (GObject *object)
{
  TsSensorsPage *self = TS_SENSORS_PAGE (object);

  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->chips, g_ptr_array_unref);
  g_clear_object (&self->graph_column);
  g_clear_object (&self->value_column);
  g_clear_object (&self->charge_history);
  g_clear_object (&self->power_history);

  G_OBJECT_CLASS (ts_sensors_page_parent_class)->finalize (object);
}

static void
ts_sensors_page_class_init (TsSensorsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ts_sensors_page_dispose;
  object_class->finalize = ts_sensors_page_finalize;

  g_type_ensure (TS_TYPE_GRAPH);
  g_type_ensure (TS_TYPE_METER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/taskscope/Taskscope/ts-sensors-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TsSensorsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TsSensorsPage, error_box);
  gtk_widget_class_bind_template_child (widget_class, TsSensorsPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, TsSensorsPage, battery_box);
  gtk_widget_class_bind_template_child (widget_class, TsSensorsPage, battery_icon);
  gtk_widget_class_bind_template_child (widget_class, TsSensorsPage, percent_label);
  gtk_widget_class_bind_template_child (widget_class, TsSensorsPage, state_label);
  gtk_widget_class_bind_template_child (widget_class, TsSensorsPage, battery_meter);
  gtk_widget_class_bind_template_child (widget_class, TsSensorsPage, time_label);
  gtk_widget_class_bind_template_child (widget_class, TsSensorsPage, power_label);
  gtk_widget_class_bind_template_child (widget_class, TsSensorsPage, energy_box);
  gtk_widget_class_bind_template_child (widget_class, TsSensorsPage, energy_label);
  gtk_widget_class_bind_template_child (widget_class, TsSensorsPage, count_box);
  gtk_widget_class_bind_template_child (widget_class, TsSensorsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, TsSensorsPage, charge_graph);
  gtk_widget_class_bind_template_child (widget_class, TsSensorsPage, power_graph);
  gtk_widget_class_bind_template_child (widget_class, TsSensorsPage, groups_box);
  gtk_widget_class_bind_template_child (widget_class, TsSensorsPage, no_battery_label);
  gtk_widget_class_bind_template_child (widget_class, TsSensorsPage, status_page);
}

static void
ts_sensors_page_init (TsSensorsPage *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->by_key = g_hash_table_new (g_str_hash, g_str_equal);
  self->chips = g_ptr_array_new_with_free_func (g_free);
  self->graph_column = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->value_column = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->temp_unit = TS_GRAPH_UNIT_CELSIUS;
  self->charge_history = ts_history_new (1, 60 * G_USEC_PER_SEC);
  self->power_history = ts_history_new (1, 60 * G_USEC_PER_SEC);

  ts_meter_set_inverted (self->battery_meter, TRUE);
  ts_meter_set_levels (self->battery_meter, 20, 5);
  ts_graph_set_history (self->charge_graph, self->charge_history);
  ts_graph_set_series (self->charge_graph, 0, _("Charge"), "graph_green");
  ts_graph_set_range (self->charge_graph, 0, 100);
  ts_graph_add_marker (self->charge_graph, 20, _("Low"), "warning_color");
  ts_graph_set_history (self->power_graph, self->power_history);
  ts_graph_set_series (self->power_graph, 0, _("Draw"), "graph_orange");
  ts_graph_set_auto_scale (self->power_graph, 10);

  /* Without the schema (a tool or test that does not install it) the
   * page stays in °C rather than aborting in g_settings_new. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "temperature-unit"))
    {
      self->settings = g_settings_new (APPLICATION_ID);
      g_signal_connect_swapped (self->settings, "changed::temperature-unit",
                                G_CALLBACK (temperature_unit_changed_cb), self);
      if (g_settings_get_enum (self->settings, "temperature-unit") == 1)
        self->temp_unit = TS_GRAPH_UNIT_FAHRENHEIT;
    }
}

GtkWidget *
ts_sensors_page_new (TsSensorsMonitor *sensors)
{
  TsSensorsPage *self;

  g_return_val_if_fail (sensors == NULL || TS_IS_SENSORS_MONITOR (sensors), NULL);

  self = g_object_new (TS_TYPE_SENSORS_PAGE, NULL);
  if (sensors != NULL)
    {
      self->sensors = g_object_ref (sensors);
      g_signal_connect_swapped (sensors, "sensors-changed", G_CALLBACK (sensors_changed_cb), self);
      g_signal_connect_swapped (sensors, "changed", G_CALLBACK (changed_cb), self);
    }
  rebuild (self);
  return GTK_WIDGET (self);
}

TsSensorsMonitor *
ts_sensors_page_get_sensors (TsSensorsPage *self)
{
  g_return_val_if_fail (TS_IS_SENSORS_PAGE (self), NULL);
  return self->sensors;
}

/* ---------------------------------------------------------------- tests */

const char *
ts_sensors_page_get_state (TsSensorsPage *self)
{
  g_return_val_if_fail (TS_IS_SENSORS_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
ts_sensors_page_get_text (TsSensorsPage *self, const char *key)
{
  static const struct { const char *key; gsize offset; gsize box; } battery[] = {
    { "battery-percent", G_STRUCT_OFFSET (TsSensorsPage, percent_label), 0 },
    { "battery-state", G_STRUCT_OFFSET (TsSensorsPage, state_label), 0 },
    { "battery-time", G_STRUCT_OFFSET (TsSensorsPage, time_label), 0 },
    { "battery-power", G_STRUCT_OFFSET (TsSensorsPage, power_label), 0 },
    { "battery-energy", G_STRUCT_OFFSET (TsSensorsPage, energy_label), G_STRUCT_OFFSET (TsSensorsPage, energy_box) },
    { "battery-count", G_STRUCT_OFFSET (TsSensorsPage, count_label), G_STRUCT_OFFSET (TsSensorsPage, count_box) },
  };
  Row *r;

  g_return_val_if_fail (TS_IS_SENSORS_PAGE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (strcmp (key, "empty") == 0)
    return strcmp (ts_sensors_page_get_state (self), "empty") == 0
           ? adw_status_page_get_description (self->status_page) : NULL;
  if (strcmp (key, "error") == 0)
    return gtk_widget_get_visible (GTK_WIDGET (self->error_box)) ? gtk_label_get_text (self->error_label) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (battery); i++)
    if (strcmp (key, battery[i].key) == 0)
      {
        GtkWidget *box = battery[i].box != 0 ? G_STRUCT_MEMBER (GtkWidget *, self, battery[i].box) : NULL;

        if (!self->has_battery || (box != NULL && !gtk_widget_get_visible (box)))
          return NULL;
        return gtk_label_get_text (G_STRUCT_MEMBER (GtkLabel *, self, battery[i].offset));
      }

  r = g_hash_table_lookup (self->by_key, key);
  if (r == NULL)
    return NULL;
  if (g_str_has_prefix (key, "temp-limits:"))
    {
      const char *subtitle = adw_action_row_get_subtitle (r->row);

      return subtitle != NULL && *subtitle != '\0' ? subtitle : NULL;
    }
  return gtk_label_get_text (r->value);
}

GStrv
ts_sensors_page_get_chips (TsSensorsPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (TS_IS_SENSORS_PAGE (self), NULL);
  for (guint i = 0; i < self->chips->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->chips, i));
  return g_strv_builder_end (builder);
}

guint
ts_sensors_page_get_n_fans (TsSensorsPage *self)
{
  guint n = 0;

  g_return_val_if_fail (TS_IS_SENSORS_PAGE (self), 0);
  for (guint i = 0; i < self->rows->len; i++)
    n += ((Row *) g_ptr_array_index (self->rows, i))->fan;
  return n;
}
