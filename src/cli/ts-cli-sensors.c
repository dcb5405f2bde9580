/* SPDX-License-Identifier: GPL-3.0-or-later */
/* taskscope-cli sensors: temperatures, fans, battery. */
#define G_LOG_DOMAIN "taskscope-cli"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ts-cli.h"

typedef struct
{
  TsTemperature *temps;
  size_t         n_temps;
  TsFan         *fans;
  size_t         n_fans;
  TsBattery      battery;
  bool           battery_present;
} Sensors;

static void
sensors_clear (Sensors *s)
{
  free (s->temps);
  free (s->fans);
}

/* Python's truth value of psutil's number or None. */
static gboolean
truthy (double v)
{
  return !isnan (v) && v != 0.0;
}

static void
add_double_or_null (JsonBuilder *b, const char *name, double v)
{
  json_builder_set_member_name (b, name);
  if (isnan (v))
    json_builder_add_null_value (b);
  else
    json_builder_add_double_value (b, v);
}

/* psutil's dicts: {chip: [entries]}, chips in the order first seen, a chip
 * that several devices share (two NVMe drives) gathering all of them. */
static JsonNode *
build_json (const Sensors *s)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GPtrArray) chips = g_ptr_array_new_with_free_func (g_free);

  json_builder_begin_object (b);

  json_builder_set_member_name (b, "temperatures");
  json_builder_begin_object (b);
  for (size_t i = 0; i < s->n_temps; i++)
    {
      g_autofree char *chip = ts_cli_utf8 (s->temps[i].chip, -1);

      if (g_ptr_array_find_with_equal_func (chips, chip, g_str_equal, NULL))
        continue;
      json_builder_set_member_name (b, chip);
      json_builder_begin_array (b);
      for (size_t j = i; j < s->n_temps; j++)
        {
          const TsTemperature *t = &s->temps[j];
          g_autofree char *other = ts_cli_utf8 (t->chip, -1);
          g_autofree char *label = NULL;

          if (strcmp (other, chip) != 0)
            continue;
          double high = t->high, critical = t->critical;

          /* psutil's public sensors_temperatures() fills a missing high
           * from critical and the other way round; null only when both
           * are absent.  The platform layer keeps them apart. */
          if (truthy (high) && !truthy (critical))
            critical = high;
          else if (truthy (critical) && !truthy (high))
            high = critical;
          label = ts_cli_utf8 (t->label, -1);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "label");
          json_builder_add_string_value (b, label);
          json_builder_set_member_name (b, "current");
          json_builder_add_double_value (b, t->current);
          add_double_or_null (b, "high", high);
          add_double_or_null (b, "critical", critical);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      g_ptr_array_add (chips, g_steal_pointer (&chip));
    }
  json_builder_end_object (b);

  g_ptr_array_set_size (chips, 0);
  json_builder_set_member_name (b, "fans");
  json_builder_begin_object (b);
  for (size_t i = 0; i < s->n_fans; i++)
    {
      g_autofree char *chip = ts_cli_utf8 (s->fans[i].chip, -1);

      if (g_ptr_array_find_with_equal_func (chips, chip, g_str_equal, NULL))
        continue;
      json_builder_set_member_name (b, chip);
      json_builder_begin_array (b);
      for (size_t j = i; j < s->n_fans; j++)
        {
          const TsFan *f = &s->fans[j];
          g_autofree char *other = ts_cli_utf8 (f->chip, -1);
          g_autofree char *label = NULL;

          if (strcmp (other, chip) != 0)
            continue;
          label = ts_cli_utf8 (f->label, -1);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "label");
          json_builder_add_string_value (b, label);
          /* psutil gives RPM as an int. */
          json_builder_set_member_name (b, "current");
          json_builder_add_int_value (b, (gint64) f->current);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      g_ptr_array_add (chips, g_steal_pointer (&chip));
    }
  json_builder_end_object (b);

  json_builder_set_member_name (b, "battery");
  if (!s->battery_present)
    json_builder_add_null_value (b);
  else
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "percent");
      json_builder_add_double_value (b, s->battery.percent);
      json_builder_set_member_name (b, "secsleft");
      json_builder_add_int_value (b, (gint64) s->battery.secsleft);
      json_builder_set_member_name (b, "power_plugged");
      if (s->battery.power_plugged == TS_POWER_PLUGGED_UNKNOWN)
        json_builder_add_null_value (b);
      else
        json_builder_add_boolean_value (b, s->battery.power_plugged == TS_POWER_PLUGGED_YES);
      json_builder_end_object (b);
    }

  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static char *
fmt_celsius (double v)
{
  return isnan (v) ? g_strdup ("") : g_strdup_printf ("%.1f °C", v);
}

/* An unlabelled sensor is shown by its attribute: "(temp1)". */
static char *
display_label (const char *label, const char *sensor)
{
  return label[0] != '\0' ? ts_cli_utf8 (label, -1) : g_strdup_printf ("(%s)", sensor);
}

static void
print_battery (const TsBattery *bat)
{
  g_autoptr(GString) line = g_string_new (NULL);

  g_string_append_printf (line, "%.1f %%", bat->percent);
  if (bat->secsleft == TS_BATTERY_SECS_UNLIMITED)
    g_string_append (line, ", time left unlimited");
  else if (bat->secsleft == TS_BATTERY_SECS_UNKNOWN)
    g_string_append (line, ", time left unknown");
  else
    {
      gint64 s = (gint64) bat->secsleft;

      g_string_append_printf (line, ", %" G_GINT64_FORMAT ":%02d:%02d left",
                              s / 3600, (int) (s / 60 % 60), (int) (s % 60));
    }
  g_string_append_printf (line, ", %s", ts_battery_status_name (bat->status));
  g_string_append_printf (line, ", plugged in: %s",
                          bat->power_plugged == TS_POWER_PLUGGED_YES ? "yes"
                          : bat->power_plugged == TS_POWER_PLUGGED_NO ? "no" : "unknown");
  if (!isnan (bat->power_w))
    g_string_append_printf (line, ", %.1f W", bat->power_w);
  if (!isnan (bat->energy_now_wh) && !isnan (bat->energy_full_wh))
    g_string_append_printf (line, ", %.1f of %.1f Wh", bat->energy_now_wh, bat->energy_full_wh);
  if (bat->n_batteries > 1)
    g_string_append_printf (line, " (%u batteries)", bat->n_batteries);
  printf ("Battery\n%s\n", line->str);
}

static void
print_tables (const Sensors *s, const char *sysfs)
{
  gboolean first = TRUE;

  if (s->n_temps == 0 && s->n_fans == 0 && !s->battery_present)
    {
      printf ("No sensors: no temperature, fan or battery under %s/class "
              "(hwmon, thermal, power_supply).\n", sysfs);
      return;
    }

  if (s->n_temps > 0)
    {
      g_autoptr(TsCliTable) table = ts_cli_table_new ("CHIP", "LABEL", ">CURRENT",
                                                      ">HIGH", ">CRITICAL", NULL);

      for (size_t i = 0; i < s->n_temps; i++)
        {
          const TsTemperature *t = &s->temps[i];

          ts_cli_table_add_row (table, ts_cli_utf8 (t->chip, -1),
                                display_label (t->label, t->sensor),
                                fmt_celsius (t->current), fmt_celsius (t->high),
                                fmt_celsius (t->critical));
        }
      printf ("Temperatures\n");
      ts_cli_table_print (table);
      first = FALSE;
    }
  else
    printf ("No temperature sensors.\n");

  if (s->n_fans > 0)
    {
      g_autoptr(TsCliTable) table = ts_cli_table_new ("CHIP", "LABEL", ">SPEED", NULL);

      for (size_t i = 0; i < s->n_fans; i++)
        {
          const TsFan *f = &s->fans[i];

          ts_cli_table_add_row (table, ts_cli_utf8 (f->chip, -1),
                                display_label (f->label, f->sensor),
                                g_strdup_printf ("%.0f RPM", f->current));
        }
      printf ("%sFans\n", first ? "" : "\n");
      ts_cli_table_print (table);
    }
  else
    printf ("%sNo fans.\n", first ? "" : "\n");

  fputc ('\n', stdout);
  if (s->battery_present)
    print_battery (&s->battery);
  else
    printf ("No battery.\n");
}

int
ts_cli_cmd_sensors (TsCli *cli, int argc, char **argv)
{
  Sensors s = { 0 };
  TsPlatformError err;
  int status = 0;

  for (int i = 1; i < argc; i++)
    if (strcmp (argv[i], "--json") != 0)
      return ts_cli_fail (2, "sensors: unexpected argument %s", argv[i]);

  ts_platform_error_clear (&err);
  if (!ts_platform_sensors_temperatures (cli->platform, &s.temps, &s.n_temps, &err))
    status = ts_cli_fail_platform ("temperatures", &err);
  else if (!ts_platform_sensors_fans (cli->platform, &s.fans, &s.n_fans, &err))
    status = ts_cli_fail_platform ("fans", &err);
  else if (!ts_platform_sensors_battery (cli->platform, &s.battery, &s.battery_present, &err))
    status = ts_cli_fail_platform ("battery", &err);

  if (status == 0)
    {
      if (cli->json)
        ts_cli_print_json (build_json (&s));
      else
        print_tables (&s, ts_platform_sysfs_root (cli->platform));
    }
  sensors_clear (&s);
  return status;
}
