/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Temperatures, fans and battery: the parsers on their own, then each
 * fixture tree written by tests/fixtures/gen-sensors.py.  Expected values
 * are the fixture files' numbers spelled out (millidegrees / 1000, µWh and
 * µW ratios as psutil computes them), never taken from the code under test.
 */
#define G_LOG_DOMAIN "test-sensors"
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ts-platform.h"
#include "ts-linux-sensparse.h"

#define EPS 1e-9

/* ---------------------------------------------------------------- helpers */

static TsPlatform *
open_tree (const char *tree)
{
  g_autofree char *sys = g_build_filename (TS_FIXTURES, tree, "sys", NULL);
  TsPlatformError err;
  TsPlatform *p;

  g_assert_true (g_file_test (sys, G_FILE_TEST_IS_DIR));
  ts_platform_error_clear (&err);
  p = ts_platform_new (NULL, sys, &err);
  g_assert_nonnull (p);
  return p;
}

/* A value or NAN, compared exactly enough for hand-computed decimals. */
static void
assert_value (double got, double want)
{
  if (isnan (want))
    g_assert_true (isnan (got));
  else
    g_assert_cmpfloat_with_epsilon (got, want, EPS);
}

typedef struct
{
  const char *chip, *label, *sensor;
  double      current, high, critical;
} ExpTemp;

static void
check_temps (const char *tree, const ExpTemp *exp, size_t n_exp)
{
  TsPlatform *p = open_tree (tree);
  TsTemperature *t = NULL;
  TsPlatformError err;
  size_t n = 99;

  ts_platform_error_clear (&err);
  g_assert_true (ts_platform_sensors_temperatures (p, &t, &n, &err));
  for (size_t i = 0; i < n; i++)
    g_test_message ("%s: %s/%s [%s] %.3f %.3f %.3f", tree, t[i].chip, t[i].sensor,
                    t[i].label, t[i].current, t[i].high, t[i].critical);
  g_assert_cmpuint (n, ==, n_exp);
  for (size_t i = 0; i < n_exp; i++)
    {
      g_assert_cmpstr (t[i].chip, ==, exp[i].chip);
      g_assert_cmpstr (t[i].label, ==, exp[i].label);
      g_assert_cmpstr (t[i].sensor, ==, exp[i].sensor);
      assert_value (t[i].current, exp[i].current);
      assert_value (t[i].high, exp[i].high);
      assert_value (t[i].critical, exp[i].critical);
    }
  free (t);
  ts_platform_free (p);
}

typedef struct
{
  const char *chip, *label, *sensor;
  double      current;
} ExpFan;

static void
check_fans (const char *tree, const ExpFan *exp, size_t n_exp)
{
  TsPlatform *p = open_tree (tree);
  TsFan *f = NULL;
  TsPlatformError err;
  size_t n = 99;

  ts_platform_error_clear (&err);
  g_assert_true (ts_platform_sensors_fans (p, &f, &n, &err));
  g_assert_cmpuint (n, ==, n_exp);
  for (size_t i = 0; i < n_exp; i++)
    {
      g_assert_cmpstr (f[i].chip, ==, exp[i].chip);
      g_assert_cmpstr (f[i].label, ==, exp[i].label);
      g_assert_cmpstr (f[i].sensor, ==, exp[i].sensor);
      g_assert_cmpfloat (f[i].current, ==, exp[i].current);
    }
  free (f);
  ts_platform_free (p);
}

static bool
read_battery (const char *tree, TsBattery *b)
{
  TsPlatform *p = open_tree (tree);
  TsPlatformError err;
  bool present = true;

  ts_platform_error_clear (&err);
  memset (b, 0xAB, sizeof *b);
  g_assert_true (ts_platform_sensors_battery (p, b, &present, &err));
  ts_platform_free (p);
  return present;
}

static void
check_battery (const char *tree, const TsBattery *want)
{
  TsBattery b;

  g_assert_true (read_battery (tree, &b));
  g_test_message ("%s: %.6f%% %.0fs plugged %d status %d %.4f W %.4f/%.4f Wh n=%u", tree,
                  b.percent, b.secsleft, b.power_plugged, b.status, b.power_w,
                  b.energy_now_wh, b.energy_full_wh, b.n_batteries);
  assert_value (b.percent, want->percent);
  g_assert_cmpfloat (b.secsleft, ==, want->secsleft);
  g_assert_cmpint (b.power_plugged, ==, want->power_plugged);
  g_assert_cmpint (b.status, ==, want->status);
  assert_value (b.power_w, want->power_w);
  assert_value (b.energy_now_wh, want->energy_now_wh);
  assert_value (b.energy_full_wh, want->energy_full_wh);
  g_assert_cmpuint (b.n_batteries, ==, want->n_batteries);
}

static void
check_no_battery (const char *tree)
{
  TsBattery b;

  g_assert_false (read_battery (tree, &b));
  g_assert_cmpuint (b.n_batteries, ==, 0);
  g_assert_cmpfloat (b.percent, ==, 0.0);
}

/* ----------------------------------------------------------------- parsers */

static gboolean
parse_int (const char *text, int64_t *out)
{
  size_t len = strlen (text);
  g_autofree char *buf = g_malloc (len ? len : 1);

  /* Exactly len bytes, no NUL: ASan sees a read past the end. */
  memcpy (buf, text, len);
  return ts_linux_parse_sysfs_int (buf, len, out);
}

static void
test_parse_int (void)
{
  int64_t v = 0;

  g_assert_true (parse_int ("48000\n", &v));
  g_assert_cmpint (v, ==, 48000);
  g_assert_true (parse_int ("-273150\n", &v));
  g_assert_cmpint (v, ==, -273150);
  g_assert_true (parse_int ("+5", &v));
  g_assert_cmpint (v, ==, 5);
  g_assert_true (parse_int ("  0 \n", &v));
  g_assert_cmpint (v, ==, 0);
  g_assert_true (parse_int ("9223372036854775807", &v));
  g_assert_cmpint (v, ==, G_MAXINT64);

  v = 7;
  g_assert_false (parse_int ("", &v));
  g_assert_false (parse_int ("\n", &v));
  g_assert_false (parse_int ("-", &v));
  g_assert_false (parse_int ("N/A\n", &v));
  g_assert_false (parse_int ("12abc", &v));
  g_assert_false (parse_int ("12 34", &v));
  g_assert_false (parse_int ("1.5", &v));
  g_assert_false (parse_int ("--5", &v));
  g_assert_false (parse_int ("9223372036854775808", &v));
  g_assert_false (parse_int ("99999999999999999999999", &v));
  g_assert_cmpint (v, ==, 7);  /* untouched on failure */
  g_assert_false (ts_linux_parse_sysfs_int (NULL, 0, &v));
}

static void
test_parse_index (void)
{
  uint32_t i = 0;

#define IDX(s, p, x) ts_linux_parse_sysfs_index (s, strlen (s), p, x, &i)
  g_assert_true (IDX ("temp12_input", "temp", "_input"));
  g_assert_cmpuint (i, ==, 12);
  g_assert_true (IDX ("hwmon0", "hwmon", ""));
  g_assert_cmpuint (i, ==, 0);
  g_assert_true (IDX ("trip_point_3_type", "trip_point_", "_type"));
  g_assert_cmpuint (i, ==, 3);
  g_assert_true (IDX ("fan999999999_input", "fan", "_input"));
  g_assert_cmpuint (i, ==, 999999999);

  i = 42;
  g_assert_false (IDX ("temp_input", "temp", "_input"));
  g_assert_false (IDX ("temp1_label", "temp", "_input"));
  g_assert_false (IDX ("temp1_input~", "temp", "_input"));
  g_assert_false (IDX ("temp+1_input", "temp", "_input"));
  g_assert_false (IDX ("temp1x_input", "temp", "_input"));
  g_assert_false (IDX ("hwmon", "hwmon", ""));
  g_assert_false (IDX ("hwmon6x", "hwmon", ""));
  g_assert_false (IDX ("fan1234567890_input", "fan", "_input"));
  g_assert_false (IDX ("te", "temp", "_input"));
  g_assert_cmpuint (i, ==, 42);
#undef IDX
}

static void
test_parse_status (void)
{
#define ST(s) ts_linux_parse_supply_status (s, strlen (s))
  g_assert_cmpint (ST ("Charging\n"), ==, TS_BATTERY_STATUS_CHARGING);
  g_assert_cmpint (ST ("Discharging"), ==, TS_BATTERY_STATUS_DISCHARGING);
  g_assert_cmpint (ST (" full \n"), ==, TS_BATTERY_STATUS_FULL);
  g_assert_cmpint (ST ("Not charging\n"), ==, TS_BATTERY_STATUS_NOT_CHARGING);
  g_assert_cmpint (ST ("Unknown\n"), ==, TS_BATTERY_STATUS_UNKNOWN);
  g_assert_cmpint (ST ("Chargingg"), ==, TS_BATTERY_STATUS_UNKNOWN);
  g_assert_cmpint (ST (""), ==, TS_BATTERY_STATUS_UNKNOWN);
  g_assert_cmpint (ts_linux_parse_supply_status (NULL, 0), ==, TS_BATTERY_STATUS_UNKNOWN);
  /* A prefix of the buffer only: "Full" out of "Fullness". */
  g_assert_cmpint (ts_linux_parse_supply_status ("Fullness", 4), ==, TS_BATTERY_STATUS_FULL);
#undef ST
  g_assert_cmpstr (ts_battery_status_name (TS_BATTERY_STATUS_NOT_CHARGING), ==, "not charging");
  g_assert_cmpstr (ts_battery_status_name (TS_BATTERY_STATUS_UNKNOWN), ==, "unknown");
}

/* ------------------------------------------------------------------ laptop */

static void
test_laptop (void)
{
  /* hwmon0 (the AC adapter) has none; thermal zones are not read. */
  static const ExpTemp temps[] = {
    { "acpitz", "", "temp1", 48.0, NAN, 128.0 },
    { "nvme", "Composite", "temp1", 38.85, 83.85, 84.85 },
    { "nvme", "Sensor 1", "temp2", 41.85, 65261.85, NAN },
    { "coretemp", "Package id 0", "temp1", 52.0, 100.0, 100.0 },
    { "coretemp", "Core 0", "temp2", 49.0, 100.0, 100.0 },
    { "coretemp", "Core 1", "temp3", 51.0, 100.0, 100.0 },
    { "coretemp", "Core 4", "temp6", 50.0, 100.0, 100.0 },
    { "coretemp", "Core 5", "temp7", 53.0, 100.0, 100.0 },
    { "thinkpad", "", "temp1", 52.0, NAN, NAN },
  };
  static const ExpFan fans[] = {
    { "thinkpad", "", "fan1", 2890 },
  };
  /* 36000000 / 48000000 µWh; 36000000 µWh / 9000000 µW = 4 h. */
  TsBattery want = {
    .percent = 75.0, .secsleft = 14400, .power_plugged = TS_POWER_PLUGGED_NO,
    .status = TS_BATTERY_STATUS_DISCHARGING, .power_w = 9.0,
    .energy_now_wh = 36.0, .energy_full_wh = 48.0, .n_batteries = 1,
  };

  check_temps ("sys-laptop", temps, G_N_ELEMENTS (temps));
  check_fans ("sys-laptop", fans, G_N_ELEMENTS (fans));
  check_battery ("sys-laptop", &want);
}

/* ------------------------------------------------------------- AMD desktop */

static void
test_amd_desktop (void)
{
  static const ExpTemp temps[] = {
    { "nvme", "Composite", "temp1", 34.85, 81.85, 84.85 },
    { "amdgpu", "edge", "temp1", 45.0, NAN, 100.0 },
    { "amdgpu", "junction", "temp2", 47.0, NAN, 110.0 },
    { "amdgpu", "mem", "temp3", 50.0, NAN, 105.0 },
    { "k10temp", "Tctl", "temp1", 55.25, NAN, NAN },
    { "k10temp", "Tccd1", "temp3", 47.5, NAN, NAN },
    { "k10temp", "Tccd2", "temp4", 46.0, NAN, NAN },
    { "nct6798", "SYSTIN", "temp1", 34.0, 80.0, NAN },
    { "nct6798", "CPUTIN", "temp2", 40.5, 80.0, NAN },
    { "nct6798", "PCH_CPU_TEMP", "temp10", 0.0, NAN, NAN },
  };
  static const ExpFan fans[] = {
    { "amdgpu", "", "fan1", 0 },
    { "nct6798", "", "fan1", 0 },
    { "nct6798", "", "fan2", 1104 },
    { "nct6798", "", "fan3", 732 },
    { "nct6798", "", "fan5", 0 },
  };

  check_temps ("sys-amd-desktop", temps, G_N_ELEMENTS (temps));
  check_fans ("sys-amd-desktop", fans, G_N_ELEMENTS (fans));
  /* Only a mouse's battery (scope Device). */
  check_no_battery ("sys-amd-desktop");
}

/* --------------------------------------------------------------- batteries */

static void
test_battery_charge (void)
{
  /* charge 2000000 / 4000000 µAh; 2000000 µAh / 800000 µA = 2.5 h;
   * energy from voltage_now 11.1 V: 2 Ah * 11.1 V = 22.2 Wh, 0.8 A * 11.1 V. */
  TsBattery want = {
    .percent = 50.0, .secsleft = 9000, .power_plugged = TS_POWER_PLUGGED_NO,
    .status = TS_BATTERY_STATUS_DISCHARGING, .power_w = 8.88,
    .energy_now_wh = 22.2, .energy_full_wh = 44.4, .n_batteries = 1,
  };

  check_battery ("sys-battery-charge", &want);
  check_temps ("sys-battery-charge", NULL, 0);
  check_fans ("sys-battery-charge", NULL, 0);
}

static void
test_battery_capacity (void)
{
  /* No mains supply: "Charging" says plugged in, so time left is unlimited. */
  TsBattery want = {
    .percent = 64.0, .secsleft = TS_BATTERY_SECS_UNLIMITED,
    .power_plugged = TS_POWER_PLUGGED_YES, .status = TS_BATTERY_STATUS_CHARGING,
    .power_w = NAN, .energy_now_wh = NAN, .energy_full_wh = NAN, .n_batteries = 1,
  };

  check_battery ("sys-battery-capacity", &want);
}

static void
test_battery_dual (void)
{
  /* (21000000 + 15000000) / (22000000 + 26000000) µWh = 75 %;
   * 36000000 µWh / (6000000 + 0) µW = 6 h; one discharging wins over
   * "Not charging"; AC online 0. */
  TsBattery want = {
    .percent = 75.0, .secsleft = 21600, .power_plugged = TS_POWER_PLUGGED_NO,
    .status = TS_BATTERY_STATUS_DISCHARGING, .power_w = 6.0,
    .energy_now_wh = 36.0, .energy_full_wh = 48.0, .n_batteries = 2,
  };

  check_battery ("sys-battery-dual", &want);
}

static void
test_battery_zero (void)
{
  /* Discharging at power_now 0: the time left cannot be computed. */
  TsBattery want = {
    .percent = 75.0, .secsleft = TS_BATTERY_SECS_UNKNOWN,
    .power_plugged = TS_POWER_PLUGGED_NO, .status = TS_BATTERY_STATUS_DISCHARGING,
    .power_w = 0.0, .energy_now_wh = 30.0, .energy_full_wh = 40.0, .n_batteries = 1,
  };

  check_battery ("sys-battery-zero", &want);
}

/* ------------------------------------------------------------ thermal only */

static void
test_thermal_only (void)
{
  /* hwmon0 has no temperature: the zones are read.  The first "hot" and
   * the first "critical" trip point count; zone 2 cannot be read; zone 10
   * comes after zone 2 (numeric order). */
  static const ExpTemp temps[] = {
    { "cpu-thermal", "", "thermal_zone0", 47.236, 85.0, 90.0 },
    { "acpitz", "", "thermal_zone1", 27.8, NAN, 105.0 },
    { "x86_pkg_temp", "", "thermal_zone10", 51.0, NAN, NAN },
  };

  check_temps ("sys-thermal-only", temps, G_N_ELEMENTS (temps));
  check_fans ("sys-thermal-only", NULL, 0);
  check_no_battery ("sys-thermal-only");
}

/* ------------------------------------------------------------------ broken */

static void
test_broken (void)
{
  /* coretemp: 1 empty, 2 garbage, 3 EISDIR, 4 ELOOP, 7 "12abc", 8 overflow
   * are skipped; 5 has an unreadable label, max "N/A", crit ELOOP.  hwmon1
   * has no name.  it8728 keeps everything in device/.  acpitz: temp1 from
   * hwmon3 itself (not device/'s 99000), temp2 from device/.  The thermal
   * zone is not read: hwmon has temperature files. */
  static const ExpTemp temps[] = {
    { "coretemp", "", "temp5", 45.0, NAN, NAN },
    { "coretemp", "Negative", "temp6", -5.0, NAN, NAN },
    { "coretemp", "Core 9", "temp9", 61.0, NAN, NAN },
    { "it8728", "", "temp1", 41.0, NAN, NAN },
    { "it8728", "", "temp2", 42.0, NAN, NAN },
    { "acpitz", "", "temp1", 40.0, NAN, NAN },
    { "acpitz", "", "temp2", 39.0, NAN, NAN },
    { "dell_smm", "CPU", "temp1", 47.0, NAN, NAN },
  };
  static const ExpFan fans[] = {
    { "it8728", "", "fan1", 1500 },
    { "dell_smm", "Processor Fan", "fan1", 2400 },
  };
  /* BAT0: energy_now garbage, so capacity; power_now empty, no charge
   * files: time left unknown.  AC's online cannot be read: plugged comes
   * from "Discharging".  BAT1 has no level and is not counted. */
  TsBattery want = {
    .percent = 81.0, .secsleft = TS_BATTERY_SECS_UNKNOWN,
    .power_plugged = TS_POWER_PLUGGED_NO, .status = TS_BATTERY_STATUS_DISCHARGING,
    .power_w = NAN, .energy_now_wh = NAN, .energy_full_wh = NAN, .n_batteries = 1,
  };

  check_temps ("sys-sensors-broken", temps, G_N_ELEMENTS (temps));
  check_fans ("sys-sensors-broken", fans, G_N_ELEMENTS (fans));
  check_battery ("sys-sensors-broken", &want);
}

/* ---------------------------------------------------------- empty and odd */

static void
test_no_class (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ts-sensors-XXXXXX", &error);
  g_autofree char *class_dir = NULL;
  TsPlatformError err;
  TsPlatform *p;
  TsTemperature *t = (TsTemperature *) 1;
  TsFan *f = (TsFan *) 1;
  TsBattery b;
  size_t n = 99;
  bool present = true;

  g_assert_no_error (error);
  ts_platform_error_clear (&err);
  p = ts_platform_new (NULL, dir, &err);
  g_assert_nonnull (p);

  /* No class/ at all: empty, and success. */
  g_assert_true (ts_platform_sensors_temperatures (p, &t, &n, &err));
  g_assert_null (t);
  g_assert_cmpuint (n, ==, 0);
  n = 99;
  g_assert_true (ts_platform_sensors_fans (p, &f, &n, &err));
  g_assert_null (f);
  g_assert_cmpuint (n, ==, 0);
  g_assert_true (ts_platform_sensors_battery (p, &b, &present, &err));
  g_assert_false (present);

  /* class/hwmon and class/power_supply are files, not directories. */
  class_dir = g_build_filename (dir, "class", NULL);
  g_assert_cmpint (g_mkdir (class_dir, 0755), ==, 0);
  {
    g_autofree char *h = g_build_filename (class_dir, "hwmon", NULL);
    g_autofree char *ps = g_build_filename (class_dir, "power_supply", NULL);

    g_assert_true (g_file_set_contents (h, "", 0, NULL));
    g_assert_true (g_file_set_contents (ps, "", 0, NULL));
    n = 99;
    g_assert_true (ts_platform_sensors_temperatures (p, &t, &n, &err));
    g_assert_cmpuint (n, ==, 0);
    present = true;
    g_assert_true (ts_platform_sensors_battery (p, &b, &present, &err));
    g_assert_false (present);
    g_remove (h);
    g_remove (ps);
  }
  g_rmdir (class_dir);
  g_rmdir (dir);
  ts_platform_free (p);
}

/* The live machine: whatever it has, the calls succeed and what they give
 * is sane (this container has no sensors at all). */
static void
test_live (void)
{
  TsPlatformError err;
  TsPlatform *p = ts_platform_new (NULL, NULL, &err);
  TsTemperature *t = NULL;
  TsFan *f = NULL;
  TsBattery b;
  size_t n = 0;
  bool present;

  g_assert_nonnull (p);
  g_assert_true (ts_platform_sensors_temperatures (p, &t, &n, &err));
  for (size_t i = 0; i < n; i++)
    {
      g_assert_true (isfinite (t[i].current));
      g_assert_cmpuint (strlen (t[i].chip), >, 0);
    }
  free (t);
  g_assert_true (ts_platform_sensors_fans (p, &f, &n, &err));
  free (f);
  g_assert_true (ts_platform_sensors_battery (p, &b, &present, &err));
  if (present)
    {
      g_assert_cmpuint (b.n_batteries, >=, 1);
      g_assert_true (b.secsleft >= 0 || b.secsleft == TS_BATTERY_SECS_UNKNOWN
                     || b.secsleft == TS_BATTERY_SECS_UNLIMITED);
    }
  ts_platform_free (p);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sensors/parse/int", test_parse_int);
  g_test_add_func ("/sensors/parse/index", test_parse_index);
  g_test_add_func ("/sensors/parse/status", test_parse_status);
  g_test_add_func ("/sensors/laptop", test_laptop);
  g_test_add_func ("/sensors/amd-desktop", test_amd_desktop);
  g_test_add_func ("/sensors/battery-charge", test_battery_charge);
  g_test_add_func ("/sensors/battery-capacity", test_battery_capacity);
  g_test_add_func ("/sensors/battery-dual", test_battery_dual);
  g_test_add_func ("/sensors/battery-zero", test_battery_zero);
  g_test_add_func ("/sensors/thermal-only", test_thermal_only);
  g_test_add_func ("/sensors/broken", test_broken);
  g_test_add_func ("/sensors/no-class", test_no_class);
  g_test_add_func ("/sensors/live", test_live);

  return g_test_run ();
}
