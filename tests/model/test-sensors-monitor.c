/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * TsSensorsMonitor on copies of the fixture trees (tests/fixtures/
 * gen-sensors.py) in a temporary directory, changed between samples, with a
 * fake clock.
 */
#define G_LOG_DOMAIN "test-sensors-monitor"
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>

#include "ts-sensors-monitor.h"

#define SEC G_USEC_PER_SEC

typedef struct
{
  char             *dir;   /* the temporary copy; its sys/ is the root */
  char             *sys;
  TsSensorsMonitor *monitor;
  guint             changed;
  guint             sensors_changed;
} Fixture;

static void
on_changed (TsSensorsMonitor *m, Fixture *f)
{
  (void) m;
  f->changed++;
}

static void
on_sensors_changed (TsSensorsMonitor *m, Fixture *f)
{
  (void) m;
  /* Always before "changed" of the same sample. */
  f->sensors_changed++;
}

static void
fixture_setup (Fixture *f, const char *tree)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *src = NULL;
  int status = -1;

  f->dir = g_dir_make_tmp ("ts-sensors-XXXXXX", &error);
  g_assert_no_error (error);
  f->sys = g_build_filename (f->dir, "sys", NULL);
  if (tree != NULL)
    {
      /* cp -a keeps the class/ -> devices/ symlinks as they are. */
      src = g_build_filename (TS_FIXTURES, tree, "sys", NULL);
      const char *argv[] = { "cp", "-a", src, f->sys, NULL };

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH,
                                   NULL, NULL, NULL, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }
  else
    g_assert_cmpint (g_mkdir (f->sys, 0755), ==, 0);

  f->monitor = ts_sensors_monitor_new (f->sys, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->monitor);
  g_signal_connect (f->monitor, "changed", G_CALLBACK (on_changed), f);
  g_signal_connect (f->monitor, "sensors-changed", G_CALLBACK (on_sensors_changed), f);
}

static void
fixture_teardown (Fixture *f)
{
  const char *argv[] = { "rm", "-rf", f->dir, NULL };

  g_clear_object (&f->monitor);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH,
                NULL, NULL, NULL, NULL, NULL, NULL);
  g_free (f->sys);
  g_free (f->dir);
}

static void
set_file (Fixture *f, const char *rel, const char *contents)
{
  g_autofree char *path = g_build_filename (f->sys, rel, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
remove_file (Fixture *f, const char *rel)
{
  g_autofree char *path = g_build_filename (f->sys, rel, NULL);

  g_assert_cmpint (g_remove (path), ==, 0);
}

static int
find_temp (TsSensorsMonitor *m, const char *chip, const char *label)
{
  for (guint i = 0; i < ts_sensors_monitor_get_n_temperatures (m); i++)
    if (g_strcmp0 (ts_sensors_monitor_get_temperature_chip (m, i), chip) == 0
        && g_strcmp0 (ts_sensors_monitor_get_temperature_label (m, i), label) == 0)
      return (int) i;
  return -1;
}

#define CORETEMP "devices/platform/coretemp.0/hwmon/hwmon3/"
#define NVME "devices/pci0000:00/0000:00:1d.4/0000:04:00.0/nvme/nvme0/hwmon2/"
#define BAT0 "devices/LNXSYSTM:00/LNXSYBUS:00/PNP0C0A:00/power_supply/BAT0/"

static void
test_laptop_temperatures (void)
{
  /* Chips sorted, each chip's sensors in the kernel's order. */
  static const char *order[][2] = {
    { "acpitz", "" },
    { "coretemp", "Package id 0" }, { "coretemp", "Core 0" }, { "coretemp", "Core 1" },
    { "coretemp", "Core 4" }, { "coretemp", "Core 5" },
    { "nvme", "Composite" }, { "nvme", "Sensor 1" },
    { "thinkpad", "" },
  };
  Fixture f = { 0 };
  TsHistory *pkg_history;
  int pkg;

  fixture_setup (&f, "sys-laptop");
  g_assert_cmpuint (ts_sensors_monitor_get_n_temperatures (f.monitor), ==, 0);

  ts_sensors_monitor_sample (f.monitor, 0);
  g_assert_cmpuint (f.changed, ==, 1);
  g_assert_cmpuint (f.sensors_changed, ==, 1);
  g_assert_null (ts_sensors_monitor_get_last_error (f.monitor));
  g_assert_cmpuint (ts_sensors_monitor_get_n_temperatures (f.monitor), ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_assert_cmpstr (ts_sensors_monitor_get_temperature_chip (f.monitor, i), ==, order[i][0]);
      g_assert_cmpstr (ts_sensors_monitor_get_temperature_label (f.monitor, i), ==, order[i][1]);
    }
  g_assert_cmpstr (ts_sensors_monitor_get_temperature_display_label (f.monitor, 0), ==, "temp1");
  g_assert_cmpstr (ts_sensors_monitor_get_temperature_display_label (f.monitor, 1), ==, "Package id 0");
  g_assert_cmpfloat (ts_sensors_monitor_get_temperature_current (f.monitor, 0), ==, 48.0);
  g_assert_true (isnan (ts_sensors_monitor_get_temperature_high (f.monitor, 0)));
  g_assert_cmpfloat (ts_sensors_monitor_get_temperature_critical (f.monitor, 0), ==, 128.0);

  pkg = find_temp (f.monitor, "coretemp", "Package id 0");
  g_assert_cmpint (pkg, ==, 1);
  pkg_history = ts_sensors_monitor_get_temperature_history (f.monitor, (guint) pkg);
  g_assert_cmpuint (ts_history_get_n_series (pkg_history), ==, 1);
  g_assert_cmpuint (ts_history_get_length (pkg_history), ==, 1);
  g_assert_cmpfloat (ts_history_get_last (pkg_history, 0), ==, 52.0);

  /* A new value: same sensors, so no sensors-changed; the history grows. */
  set_file (&f, CORETEMP "temp1_input", "60500\n");
  ts_sensors_monitor_sample (f.monitor, 1 * SEC);
  g_assert_cmpuint (f.changed, ==, 2);
  g_assert_cmpuint (f.sensors_changed, ==, 1);
  g_assert_true (ts_sensors_monitor_get_temperature_history (f.monitor, 1) == pkg_history);
  g_assert_cmpfloat (ts_sensors_monitor_get_temperature_current (f.monitor, 1), ==, 60.5);
  g_assert_cmpuint (ts_history_get_length (pkg_history), ==, 2);
  g_assert_cmpfloat (ts_history_get_value (pkg_history, 0, 0), ==, 52.0);
  g_assert_cmpfloat (ts_history_get_value (pkg_history, 1, 0), ==, 60.5);
  g_assert_cmpint (ts_history_get_time (pkg_history, 1), ==, 1 * SEC);

  /* A sensor goes away: sensors-changed, the others keep their history. */
  remove_file (&f, NVME "temp2_input");
  ts_sensors_monitor_sample (f.monitor, 2 * SEC);
  g_assert_cmpuint (f.changed, ==, 3);
  g_assert_cmpuint (f.sensors_changed, ==, 2);
  g_assert_cmpuint (ts_sensors_monitor_get_n_temperatures (f.monitor), ==, G_N_ELEMENTS (order) - 1);
  g_assert_cmpint (find_temp (f.monitor, "nvme", "Sensor 1"), ==, -1);
  g_assert_true (ts_sensors_monitor_get_temperature_history (f.monitor, 1) == pkg_history);
  g_assert_cmpuint (ts_history_get_length (pkg_history), ==, 3);

  /* An unreadable value counts as gone, and comes back with a new history. */
  set_file (&f, NVME "temp2_input", "\n");
  ts_sensors_monitor_sample (f.monitor, 3 * SEC);
  g_assert_cmpuint (f.sensors_changed, ==, 2);
  set_file (&f, NVME "temp2_input", "44000\n");
  ts_sensors_monitor_sample (f.monitor, 4 * SEC);
  g_assert_cmpuint (f.sensors_changed, ==, 3);
  g_assert_cmpint (find_temp (f.monitor, "nvme", "Sensor 1"), ==, 7);
  g_assert_cmpuint (ts_history_get_length (ts_sensors_monitor_get_temperature_history (f.monitor, 7)), ==, 1);
  g_assert_cmpfloat (ts_sensors_monitor_get_temperature_current (f.monitor, 7), ==, 44.0);

  /* The span applies to every history, at once. */
  g_assert_cmpint (ts_sensors_monitor_get_span (f.monitor), ==, 60 * SEC);
  ts_sensors_monitor_set_span (f.monitor, 2 * SEC);
  g_assert_cmpint (ts_history_get_span (pkg_history), ==, 2 * SEC);
  g_assert_cmpuint (ts_history_get_length (pkg_history), ==, 3); /* 2, 3, 4 s */

  /* Fans. */
  g_assert_cmpuint (ts_sensors_monitor_get_n_fans (f.monitor), ==, 1);
  g_assert_cmpstr (ts_sensors_monitor_get_fan_chip (f.monitor, 0), ==, "thinkpad");
  g_assert_cmpstr (ts_sensors_monitor_get_fan_label (f.monitor, 0), ==, "");
  g_assert_cmpstr (ts_sensors_monitor_get_fan_display_label (f.monitor, 0), ==, "fan1");
  g_assert_cmpfloat (ts_sensors_monitor_get_fan_current (f.monitor, 0), ==, 2890);
  g_assert_cmpuint (ts_history_get_length (ts_sensors_monitor_get_fan_history (f.monitor, 0)), ==, 3);

  fixture_teardown (&f);
}

static void
test_laptop_battery (void)
{
  Fixture f = { 0 };
  TsBattery bat;
  TsHistory *h;

  fixture_setup (&f, "sys-laptop");
  h = ts_sensors_monitor_get_battery_history (f.monitor);
  g_assert_cmpuint (ts_history_get_n_series (h), ==, 2);
  g_assert_false (ts_sensors_monitor_get_battery (f.monitor, &bat));

  ts_sensors_monitor_sample (f.monitor, 10 * SEC);
  g_assert_true (ts_sensors_monitor_get_battery (f.monitor, &bat));
  g_assert_cmpfloat (bat.percent, ==, 75.0);
  g_assert_cmpfloat (bat.secsleft, ==, 14400);
  g_assert_cmpint (bat.power_plugged, ==, TS_POWER_PLUGGED_NO);
  g_assert_cmpuint (ts_history_get_length (h), ==, 1);
  g_assert_cmpfloat (ts_history_get_last (h, TS_SENSORS_BATTERY_PERCENT), ==, 75.0);
  g_assert_cmpfloat (ts_history_get_last (h, TS_SENSORS_BATTERY_POWER), ==, 9.0);

  /* 24000000 / 48000000 µWh at 12 W; plugged in. */
  set_file (&f, BAT0 "energy_now", "24000000\n");
  set_file (&f, BAT0 "power_now", "12000000\n");
  ts_sensors_monitor_sample (f.monitor, 11 * SEC);
  g_assert_cmpuint (f.sensors_changed, ==, 1);
  g_assert_true (ts_sensors_monitor_get_battery (f.monitor, &bat));
  g_assert_cmpfloat (bat.percent, ==, 50.0);
  g_assert_cmpfloat (bat.secsleft, ==, 7200);
  g_assert_cmpuint (ts_history_get_length (h), ==, 2);
  g_assert_cmpfloat (ts_history_get_value (h, 0, TS_SENSORS_BATTERY_PERCENT), ==, 75.0);
  g_assert_cmpfloat (ts_history_get_value (h, 1, TS_SENSORS_BATTERY_PERCENT), ==, 50.0);
  g_assert_cmpfloat (ts_history_get_value (h, 1, TS_SENSORS_BATTERY_POWER), ==, 12.0);

  set_file (&f, "devices/LNXSYSTM:00/LNXSYBUS:00/ACPI0003:00/power_supply/AC/online", "1\n");
  ts_sensors_monitor_sample (f.monitor, 12 * SEC);
  g_assert_true (ts_sensors_monitor_get_battery (f.monitor, &bat));
  g_assert_cmpint (bat.power_plugged, ==, TS_POWER_PLUGGED_YES);
  g_assert_cmpfloat (bat.secsleft, ==, TS_BATTERY_SECS_UNLIMITED);

  /* The battery is taken out: sensors-changed, the history empties. */
  remove_file (&f, "class/power_supply/BAT0");
  ts_sensors_monitor_sample (f.monitor, 13 * SEC);
  g_assert_cmpuint (f.sensors_changed, ==, 2);
  g_assert_false (ts_sensors_monitor_get_battery (f.monitor, &bat));
  g_assert_cmpfloat (bat.percent, ==, 0.0);
  g_assert_cmpuint (ts_history_get_length (h), ==, 0);

  fixture_teardown (&f);
}

static void
test_duplicates (void)
{
  /* Two NVMe drives: the same chip, label and attribute twice. */
  Fixture f = { 0 };
  TsHistory *h0, *h1;

  fixture_setup (&f, NULL);
  for (int i = 0; i < 2; i++)
    {
      g_autofree char *dir = g_strdup_printf ("%s/class/hwmon/hwmon%d", f.sys, i);
      g_autofree char *name = g_build_filename (dir, "name", NULL);
      g_autofree char *label = g_build_filename (dir, "temp1_label", NULL);
      g_autofree char *input = g_build_filename (dir, "temp1_input", NULL);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
      g_assert_true (g_file_set_contents (name, "nvme\n", -1, NULL));
      g_assert_true (g_file_set_contents (label, "Composite\n", -1, NULL));
      g_assert_true (g_file_set_contents (input, i == 0 ? "30000\n" : "40000\n", -1, NULL));
    }
  ts_sensors_monitor_sample (f.monitor, 0);
  ts_sensors_monitor_sample (f.monitor, SEC);
  g_assert_cmpuint (f.sensors_changed, ==, 1);
  g_assert_cmpuint (ts_sensors_monitor_get_n_temperatures (f.monitor), ==, 2);
  h0 = ts_sensors_monitor_get_temperature_history (f.monitor, 0);
  h1 = ts_sensors_monitor_get_temperature_history (f.monitor, 1);
  g_assert_true (h0 != h1);
  g_assert_cmpuint (ts_history_get_length (h0), ==, 2);
  g_assert_cmpfloat (ts_history_get_last (h0, 0), ==, 30.0);
  g_assert_cmpfloat (ts_history_get_last (h1, 0), ==, 40.0);
  fixture_teardown (&f);
}

static void
test_empty (void)
{
  Fixture f = { 0 };
  TsBattery bat;

  fixture_setup (&f, NULL);
  ts_sensors_monitor_sample (f.monitor, 0);
  ts_sensors_monitor_sample (f.monitor, SEC);
  /* Nothing found, nothing changed in the set. */
  g_assert_cmpuint (f.changed, ==, 2);
  g_assert_cmpuint (f.sensors_changed, ==, 0);
  g_assert_cmpuint (ts_sensors_monitor_get_n_temperatures (f.monitor), ==, 0);
  g_assert_cmpuint (ts_sensors_monitor_get_n_fans (f.monitor), ==, 0);
  g_assert_false (ts_sensors_monitor_get_battery (f.monitor, &bat));
  g_assert_null (ts_sensors_monitor_get_last_error (f.monitor));
  fixture_teardown (&f);
}

static void
test_thermal_only (void)
{
  Fixture f = { 0 };

  fixture_setup (&f, "sys-thermal-only");
  ts_sensors_monitor_sample (f.monitor, 0);
  g_assert_cmpuint (ts_sensors_monitor_get_n_temperatures (f.monitor), ==, 3);
  /* Sorted by chip: acpitz, cpu-thermal, x86_pkg_temp. */
  g_assert_cmpstr (ts_sensors_monitor_get_temperature_chip (f.monitor, 0), ==, "acpitz");
  g_assert_cmpstr (ts_sensors_monitor_get_temperature_display_label (f.monitor, 0), ==, "thermal_zone1");
  g_assert_cmpstr (ts_sensors_monitor_get_temperature_chip (f.monitor, 1), ==, "cpu-thermal");
  g_assert_cmpfloat (ts_sensors_monitor_get_temperature_high (f.monitor, 1), ==, 85.0);
  g_assert_cmpstr (ts_sensors_monitor_get_temperature_chip (f.monitor, 2), ==, "x86_pkg_temp");
  fixture_teardown (&f);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sensors-monitor/laptop/temperatures", test_laptop_temperatures);
  g_test_add_func ("/sensors-monitor/laptop/battery", test_laptop_battery);
  g_test_add_func ("/sensors-monitor/duplicates", test_duplicates);
  g_test_add_func ("/sensors-monitor/empty", test_empty);
  g_test_add_func ("/sensors-monitor/thermal-only", test_thermal_only);

  return g_test_run ();
}
