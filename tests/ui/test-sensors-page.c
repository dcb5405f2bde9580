/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Suite `ui`: the Sensors page over copies of the sysfs fixture trees
 * (copies, so a test can change a value and sample again), on a fake
 * clock.  Expected texts are worked out by hand from the fixture files
 * (tests/fixtures/README.md).  Screenshots, light and dark, go to the
 * test-artefacts directory.
 */
#define G_LOG_DOMAIN "test-sensors-page"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include <adwaita.h>

#include "ts-sensors-page.h"
#include "ts-ui-util.h"

#define TEST_APP_ID "io.github.taskscope.Taskscope.SensorsPageTest"
#define SEC  G_USEC_PER_SEC
#define T0   ((gint64) 1000 * SEC)
#define NBSP "\302\240"

static AdwApplication *app;

/* ------------------------------------------------------------- helpers */

/* A fresh directory holding a copy of the fixture's sysfs tree (cp -a
 * keeps the symlinks, loops and directories-as-files the trees rely on).
 * Returns the directory; the sysfs root is <dir>/sys. */
static char *
copy_fixture (const char *name)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("ts-sensors-page-XXXXXX", &error);
  g_autofree char *src = NULL;
  const char *argv[5] = { "cp", "-a", NULL, NULL, NULL };
  int status = -1;

  g_assert_no_error (error);
  if (name == NULL)
    return dir;
  src = g_build_filename (TS_FIXTURES, name, "sys", NULL);
  argv[2] = src;
  argv[3] = dir;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return dir;
}

static void
remove_tree (const char *dir)
{
  const char *argv[] = { "rm", "-rf", dir, NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

static void
write_value (const char *dir, const char *rel, const char *value)
{
  g_autofree char *path = g_build_filename (dir, "sys", rel, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, value, -1, &error);
  g_assert_no_error (error);
}

static TsSensorsMonitor *
monitor_for (const char *dir, gint64 now)
{
  g_autofree char *root = g_build_filename (dir, "sys", NULL);
  g_autoptr(GError) error = NULL;
  TsSensorsMonitor *m = ts_sensors_monitor_new (root, &error);

  g_assert_no_error (error);
  g_assert_nonnull (m);
  ts_sensors_monitor_sample (m, now);
  return m;
}

static GtkWindow *
show_page (GtkWidget *page, int height)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 820, height);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (window, 2);
  return GTK_WINDOW (window);
}

static void
close_window (GtkWindow *window)
{
  gtk_window_destroy (window);
  drain_main_context ();
}

static GtkScrolledWindow *
find_scrolled (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_get_mapped (widget))
    return GTK_SCROLLED_WINDOW (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkScrolledWindow *found = find_scrolled (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
screenshot_pair (GtkWindow *window, const char *name, const char *where)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *light = g_strjoin ("-", name != NULL ? name : where, name != NULL ? where : NULL, NULL);
  g_autofree char *dark = g_strconcat (light, "-dark", NULL);

  save_screenshot (GTK_WIDGET (window), light);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  save_screenshot (GTK_WIDGET (window), dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* Light and dark, at the top and, when the page scrolls (the Xvfb screen
 * is 760 px high), at the end too. */
static void
screenshots (GtkWindow *window, const char *name)
{
  GtkScrolledWindow *scrolled = find_scrolled (GTK_WIDGET (window));
  GtkAdjustment *vadj = scrolled != NULL ? gtk_scrolled_window_get_vadjustment (scrolled) : NULL;

  screenshot_pair (window, name, "top");
  if (vadj != NULL && gtk_adjustment_get_upper (vadj) > gtk_adjustment_get_page_size (vadj) + 1)
    {
      gtk_adjustment_set_value (vadj, gtk_adjustment_get_upper (vadj) - gtk_adjustment_get_page_size (vadj));
      screenshot_pair (window, name, "end");
      gtk_adjustment_set_value (vadj, 0);
    }
}

#define assert_text(page, key, want) \
  g_assert_cmpstr (ts_sensors_page_get_text (TS_SENSORS_PAGE (page), key), ==, want)

static void
set_fahrenheit (gboolean on)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  g_settings_set_enum (settings, "temperature-unit", on ? 1 : 0);
  drain_main_context ();
}

/* --------------------------------------------------------------- tests */

static void
test_laptop (void)
{
  g_autofree char *dir = copy_fixture ("sys-laptop");
  g_autoptr(TsSensorsMonitor) m = monitor_for (dir, T0);
  GtkWidget *page;
  GtkWindow *window;
  g_auto(GStrv) chips = NULL;
  const char *want_chips[] = { "acpitz", "coretemp", "nvme", "thinkpad", NULL };

  /* A minute of history for the graphs (screenshots), then the fixture's
   * own values back for the checks. */
  for (int i = 1; i <= 60; i++)
    {
      g_autofree char *pkg = g_strdup_printf ("%d\n", 52000 + (i * 37 % 11) * 1000);
      g_autofree char *rpm = g_strdup_printf ("%d\n", 2890 + (i * 13 % 7) * 60);
      g_autofree char *energy = g_strdup_printf ("%d\n", 36000000 + (60 - i) * 20000);
      g_autofree char *power = g_strdup_printf ("%d\n", 9000000 + (i * 17 % 9) * 400000);

      write_value (dir, "class/hwmon/hwmon3/temp1_input", pkg);
      write_value (dir, "class/hwmon/hwmon4/fan1_input", rpm);
      write_value (dir, "class/power_supply/BAT0/energy_now", energy);
      write_value (dir, "class/power_supply/BAT0/power_now", power);
      ts_sensors_monitor_sample (m, T0 + i * SEC);
    }
  write_value (dir, "class/hwmon/hwmon3/temp1_input", "52000\n");
  write_value (dir, "class/hwmon/hwmon4/fan1_input", "2890\n");
  write_value (dir, "class/power_supply/BAT0/energy_now", "36000000\n");
  write_value (dir, "class/power_supply/BAT0/power_now", "9000000\n");
  ts_sensors_monitor_sample (m, T0 + 61 * SEC);

  page = ts_sensors_page_new (m);
  window = show_page (page, 1380);
  chips = ts_sensors_page_get_chips (TS_SENSORS_PAGE (page));

  g_assert_cmpstr (ts_sensors_page_get_state (TS_SENSORS_PAGE (page)), ==, "sensors");
  g_assert_null (ts_sensors_page_get_text (TS_SENSORS_PAGE (page), "error"));

  /* BAT0: 36 of 48 Wh = 75 %, at 9 W: 4 h left; AC offline. */
  assert_text (page, "battery-percent", "75" NBSP "%");
  assert_text (page, "battery-state", "Discharging");
  assert_text (page, "battery-time", "4 h");
  assert_text (page, "battery-power", "9" NBSP "W");
  assert_text (page, "battery-energy", "36.0 of 48.0" NBSP "Wh");
  assert_text (page, "battery-count", NULL);    /* shown only for two or more */

  g_assert_true (g_strv_equal ((const char * const *) chips, want_chips));
  assert_text (page, "temp:coretemp/Package id 0", "52" NBSP "°C");
  assert_text (page, "temp:coretemp/Core 0", "49" NBSP "°C");
  assert_text (page, "temp:coretemp/Core 5", "53" NBSP "°C");
  assert_text (page, "temp-limits:coretemp/Core 5", "High 100" NBSP "°C · Critical 100" NBSP "°C");
  assert_text (page, "temp:coretemp/Core 2", NULL);   /* temp4 does not exist */
  assert_text (page, "temp:acpitz/temp1", "48" NBSP "°C");
  assert_text (page, "temp-limits:acpitz/temp1", "Critical 128" NBSP "°C");
  assert_text (page, "temp:nvme/Composite", "39" NBSP "°C");      /* 38.85 */
  /* Sensor 1's max of 65261.85 °C is the driver's "no limit". */
  assert_text (page, "temp-limits:nvme/Sensor 1", NULL);
  assert_text (page, "temp:nvme/Sensor 1", "42" NBSP "°C");       /* 41.85 */
  assert_text (page, "temp:thinkpad/temp1", "52" NBSP "°C");
  assert_text (page, "fan:thinkpad/fan1", "2890" NBSP "RPM");
  g_assert_cmpuint (ts_sensors_page_get_n_fans (TS_SENSORS_PAGE (page)), ==, 1);

  screenshots (window, NULL);

  /* New values: the texts follow on the next sample. */
  write_value (dir, "class/hwmon/hwmon3/temp1_input", "61000\n");
  write_value (dir, "class/hwmon/hwmon4/fan1_input", "3100\n");
  write_value (dir, "class/power_supply/BAT0/energy_now", "24000000\n");   /* 50 %, 24 Wh / 9 W */
  ts_sensors_monitor_sample (m, T0 + 62 * SEC);
  assert_text (page, "temp:coretemp/Package id 0", "61" NBSP "°C");
  assert_text (page, "fan:thinkpad/fan1", "3100" NBSP "RPM");
  assert_text (page, "battery-percent", "50" NBSP "%");
  assert_text (page, "battery-time", "2 h 40 min");
  assert_text (page, "battery-energy", "24.0 of 48.0" NBSP "Wh");

  /* Fahrenheit, live: 61 °C is 141.8 °F, the limits 100 °C are 212 °F. */
  set_fahrenheit (TRUE);
  assert_text (page, "temp:coretemp/Package id 0", "142" NBSP "°F");
  assert_text (page, "temp:coretemp/Core 0", "120" NBSP "°F");      /* 49 °C = 120.2 °F */
  assert_text (page, "temp-limits:coretemp/Package id 0", "High 212" NBSP "°F · Critical 212" NBSP "°F");
  assert_text (page, "temp-limits:acpitz/temp1", "Critical 262" NBSP "°F");   /* 128 °C = 262.4 °F */
  assert_text (page, "fan:thinkpad/fan1", "3100" NBSP "RPM");
  /* The next sample keeps the unit. */
  write_value (dir, "class/hwmon/hwmon3/temp1_input", "70000\n");
  ts_sensors_monitor_sample (m, T0 + 63 * SEC);
  assert_text (page, "temp:coretemp/Package id 0", "158" NBSP "°F");
  screenshots (window, "fahrenheit");

  set_fahrenheit (FALSE);
  assert_text (page, "temp:coretemp/Package id 0", "70" NBSP "°C");

  close_window (window);
  remove_tree (dir);
}

static void
test_desktop (void)
{
  g_autofree char *dir = copy_fixture ("sys-amd-desktop");
  g_autoptr(TsSensorsMonitor) m = monitor_for (dir, T0);
  GtkWidget *page;
  GtkWindow *window;
  g_auto(GStrv) chips = NULL;
  const char *want_chips[] = { "amdgpu", "k10temp", "nct6798", "nvme", NULL };

  /* A few samples, so the sparklines have a line to draw. */
  for (int i = 1; i <= 60; i++)
    {
      g_autofree char *v = g_strdup_printf ("%d\n", 55250 + (i % 7) * 1500);
      g_autofree char *rpm = g_strdup_printf ("%d\n", 1104 + (i % 5) * 40);

      write_value (dir, "class/hwmon/hwmon2/temp1_input", v);
      write_value (dir, "class/hwmon/hwmon3/fan2_input", rpm);
      ts_sensors_monitor_sample (m, T0 + i * SEC);
    }
  write_value (dir, "class/hwmon/hwmon2/temp1_input", "55250\n");
  write_value (dir, "class/hwmon/hwmon3/fan2_input", "1104\n");
  ts_sensors_monitor_sample (m, T0 + 61 * SEC);

  page = ts_sensors_page_new (m);
  window = show_page (page, 1280);
  chips = ts_sensors_page_get_chips (TS_SENSORS_PAGE (page));

  g_assert_cmpstr (ts_sensors_page_get_state (TS_SENSORS_PAGE (page)), ==, "sensors");
  /* The mouse's battery (scope Device) is not the system's. */
  assert_text (page, "battery-percent", NULL);
  assert_text (page, "battery-state", NULL);
  g_assert_true (g_strv_equal ((const char * const *) chips, want_chips));
  assert_text (page, "temp:k10temp/Tctl", "55" NBSP "°C");          /* 55.25 */
  assert_text (page, "temp:k10temp/Tccd1", "48" NBSP "°C");         /* 47.5, rounded half to even or up */
  assert_text (page, "temp-limits:k10temp/Tctl", NULL);
  assert_text (page, "temp:amdgpu/junction", "47" NBSP "°C");
  assert_text (page, "temp-limits:amdgpu/junction", "Critical 110" NBSP "°C");
  assert_text (page, "temp:nct6798/PCH_CPU_TEMP", "0" NBSP "°C");
  /* amdgpu's fan1 and nct6798's fan1, 2, 3 and 5. */
  g_assert_cmpuint (ts_sensors_page_get_n_fans (TS_SENSORS_PAGE (page)), ==, 5);
  assert_text (page, "fan:nct6798/fan2", "1104" NBSP "RPM");
  assert_text (page, "fan:amdgpu/fan1", "0" NBSP "RPM");
  assert_text (page, "fan:nct6798/fan4", NULL);

  screenshots (window, NULL);
  close_window (window);
  remove_tree (dir);
}

static void
test_thermal_only (void)
{
  g_autofree char *dir = copy_fixture ("sys-thermal-only");
  g_autoptr(TsSensorsMonitor) m = monitor_for (dir, T0);
  GtkWidget *page = ts_sensors_page_new (m);
  GtkWindow *window = show_page (page, 700);
  g_auto(GStrv) chips = ts_sensors_page_get_chips (TS_SENSORS_PAGE (page));
  const char *want_chips[] = { "acpitz", "cpu-thermal", "x86_pkg_temp", NULL };
  g_autofree char *key = NULL;

  g_assert_cmpstr (ts_sensors_page_get_state (TS_SENSORS_PAGE (page)), ==, "sensors");
  g_assert_true (g_strv_equal ((const char * const *) chips, want_chips));
  assert_text (page, "battery-percent", NULL);
  g_assert_cmpuint (ts_sensors_page_get_n_fans (TS_SENSORS_PAGE (page)), ==, 0);

  /* Zones have no labels: the row is named after its zone. */
  for (guint i = 0; i < ts_sensors_monitor_get_n_temperatures (m); i++)
    if (strcmp (ts_sensors_monitor_get_temperature_chip (m, i), "cpu-thermal") == 0)
      key = g_strdup_printf ("cpu-thermal/%s", ts_sensors_monitor_get_temperature_display_label (m, i));
  g_assert_nonnull (key);
  g_assert_true (g_str_has_prefix (key, "cpu-thermal/thermal_zone"));
  {
    g_autofree char *value_key = g_strconcat ("temp:", key, NULL);
    g_autofree char *limits_key = g_strconcat ("temp-limits:", key, NULL);

    assert_text (page, value_key, "47" NBSP "°C");     /* 47.236 */
    assert_text (page, limits_key, "High 85" NBSP "°C · Critical 90" NBSP "°C");
  }

  screenshots (window, NULL);
  close_window (window);
  remove_tree (dir);
}

static void
test_broken (void)
{
  g_autofree char *dir = copy_fixture ("sys-sensors-broken");
  g_autoptr(TsSensorsMonitor) m = monitor_for (dir, T0);
  GtkWidget *page = ts_sensors_page_new (m);
  GtkWindow *window = show_page (page, 1200);
  g_auto(GStrv) chips = ts_sensors_page_get_chips (TS_SENSORS_PAGE (page));
  guint n_values = 0;

  g_assert_cmpstr (ts_sensors_page_get_state (TS_SENSORS_PAGE (page)), ==, "sensors");
  /* BAT0: garbage energy_now, so capacity (81) is used; empty power_now. */
  assert_text (page, "battery-percent", "81" NBSP "%");
  assert_text (page, "battery-time", "Unknown");
  assert_text (page, "battery-power", "Unknown");
  assert_text (page, "temp:coretemp/Negative", "-5" NBSP "°C");
  assert_text (page, "temp:coretemp/Core 9", "61" NBSP "°C");
  assert_text (page, "fan:dell_smm/Processor Fan", "2400" NBSP "RPM");
  g_assert_cmpuint (ts_sensors_page_get_n_fans (TS_SENSORS_PAGE (page)), ==, 2);
  g_assert_cmpuint (g_strv_length (chips), ==, 4);

  /* Every row has a value: the unreadable ones were left out. */
  for (guint i = 0; i < ts_sensors_monitor_get_n_temperatures (m); i++)
    {
      g_autofree char *chip = g_utf8_make_valid (ts_sensors_monitor_get_temperature_chip (m, i), -1);
      g_autofree char *key = g_strdup_printf ("temp:%s/%s", chip,
                                              ts_sensors_monitor_get_temperature_display_label (m, i));
      const char *text = ts_sensors_page_get_text (TS_SENSORS_PAGE (page), key);

      g_assert_nonnull (text);
      g_assert_null (strstr (text, "\u2014"));
      n_values++;
    }
  g_assert_cmpuint (n_values, ==, 8);

  g_assert_null (ts_sensors_page_get_text (TS_SENSORS_PAGE (page), "error"));
  ts_sensors_monitor_sample (m, T0 + SEC);
  screenshots (window, NULL);

  /* class/hwmon cannot be listed any more (a symlink loop: ELOOP): the
   * monitor keeps what it had, the page says why in its warning line. */
  {
    g_autofree char *hwmon = g_build_filename (dir, "sys", "class", "hwmon", NULL);
    const char *error;

    remove_tree (hwmon);
    g_assert_cmpint (symlink ("hwmon", hwmon), ==, 0);
    ts_sensors_monitor_sample (m, T0 + 2 * SEC);
    error = ts_sensors_page_get_text (TS_SENSORS_PAGE (page), "error");
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error, "hwmon"));
    g_assert_cmpstr (ts_sensors_page_get_state (TS_SENSORS_PAGE (page)), ==, "sensors");
    save_screenshot (GTK_WIDGET (window), "error");
  }
  close_window (window);
  remove_tree (dir);
}

static void
test_batteries (void)
{
  static const struct {
    const char *tree, *percent, *state, *time, *energy, *count;
  } cases[] = {
    /* 2 of 4 Ah at 0.8 A: 2.5 h; 11.1 V: 22.2 of 44.4 Wh. */
    { "sys-battery-charge", "50" NBSP "%", "Discharging", "2 h 30 min", "22.2 of 44.4" NBSP "Wh", NULL },
    /* 36 of 48 Wh over 6 W. */
    { "sys-battery-dual", "75" NBSP "%", "Discharging", "6 h", "36.0 of 48.0" NBSP "Wh", "2" },
    /* Only capacity, charging, no mains supply: plugged in. */
    { "sys-battery-capacity", "64" NBSP "%", "Charging", "Plugged in", NULL, NULL },
    /* 30 of 40 Wh at 0 W: no time left to give. */
    { "sys-battery-zero", "75" NBSP "%", "Discharging", "Unknown", "30.0 of 40.0" NBSP "Wh", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = copy_fixture (cases[i].tree);
      g_autoptr(TsSensorsMonitor) m = monitor_for (dir, T0);
      GtkWidget *page = g_object_ref_sink (ts_sensors_page_new (m));

      g_test_message ("%s", cases[i].tree);
      g_assert_cmpstr (ts_sensors_page_get_state (TS_SENSORS_PAGE (page)), ==, "sensors");
      assert_text (page, "battery-percent", cases[i].percent);
      assert_text (page, "battery-state", cases[i].state);
      assert_text (page, "battery-time", cases[i].time);
      assert_text (page, "battery-energy", cases[i].energy);
      assert_text (page, "battery-count", cases[i].count);
      g_object_unref (page);
      remove_tree (dir);
    }
}

static void
test_empty (void)
{
  g_autofree char *dir = copy_fixture (NULL);
  g_autoptr(TsSensorsMonitor) m = monitor_for (dir, T0);
  GtkWidget *page = ts_sensors_page_new (m);
  GtkWindow *window = show_page (page, 600);
  g_autofree char *src = g_build_filename (TS_FIXTURES, "sys-laptop", "sys", NULL);

  g_assert_cmpstr (ts_sensors_page_get_state (TS_SENSORS_PAGE (page)), ==, "empty");
  g_assert_nonnull (ts_sensors_page_get_text (TS_SENSORS_PAGE (page), "empty"));
  g_assert_nonnull (strstr (ts_sensors_page_get_text (TS_SENSORS_PAGE (page), "empty"), "hwmon"));
  assert_text (page, "battery-percent", NULL);
  g_assert_cmpuint (ts_sensors_page_get_n_fans (TS_SENSORS_PAGE (page)), ==, 0);
  screenshots (window, NULL);

  /* Sensors that show up later (a module loaded) replace the empty state. */
  {
    const char *argv[] = { "cp", "-a", src, dir, NULL };
    int status = -1;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, NULL);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  ts_sensors_monitor_sample (m, T0 + SEC);
  g_assert_cmpstr (ts_sensors_page_get_state (TS_SENSORS_PAGE (page)), ==, "sensors");
  assert_text (page, "temp:coretemp/Package id 0", "52" NBSP "°C");
  assert_text (page, "battery-percent", "75" NBSP "%");

  close_window (window);
  remove_tree (dir);
}

static void
test_no_monitor (void)
{
  GtkWidget *page = g_object_ref_sink (ts_sensors_page_new (NULL));

  g_assert_cmpstr (ts_sensors_page_get_state (TS_SENSORS_PAGE (page)), ==, "empty");
  g_assert_nonnull (ts_sensors_page_get_text (TS_SENSORS_PAGE (page), "empty"));
  g_assert_null (ts_sensors_page_get_sensors (TS_SENSORS_PAGE (page)));
  assert_text (page, "battery-percent", NULL);
  g_object_unref (page);
}

int
main (int argc, char **argv)
{
  char *why;

  g_test_init (&argc, &argv, NULL);

  why = ts_ui_init (TEST_APP_ID, &app);
  if (why != NULL)
    return ts_ui_fail_setup ("/sensors-page/setup", why);

  g_test_add_func ("/sensors-page/laptop", test_laptop);
  g_test_add_func ("/sensors-page/desktop", test_desktop);
  g_test_add_func ("/sensors-page/thermal-only", test_thermal_only);
  g_test_add_func ("/sensors-page/broken", test_broken);
  g_test_add_func ("/sensors-page/batteries", test_batteries);
  g_test_add_func ("/sensors-page/empty", test_empty);
  g_test_add_func ("/sensors-page/no-monitor", test_no_monitor);
  return g_test_run ();
}
