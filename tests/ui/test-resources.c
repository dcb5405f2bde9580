/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Suite `ui`: the Resources page over a TsMonitor that reads a procfs/sysfs
 * tree the test writes (with a fake clock), and once over the live machine.
 * Expected numbers are worked out in the comments from the counters
 * written (sectors are 512 bytes), and compared as ts_format_value prints
 * them.  Screenshots of each detail, light and dark, and of a narrow
 * window go to the test-artefacts directory.
 */
#define G_LOG_DOMAIN "test-resources"

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ts-graph.h"
#include "ts-graph-private.h"   /* the load graph's markers */
#include "ts-monitor.h"
#include "ts-resources-page.h"
#include "ts-test-tree.h"
#include "ts-ui-util.h"

#define TEST_APP_ID "io.github.taskscope.Taskscope.ResourcesTest"
#define SEC(n)      ((gint64) ((n) * (double) G_USEC_PER_SEC))

static AdwApplication *app;

/* ------------------------------------------------------------ the tree */

typedef struct
{
  char        *root;
  TsTestClock  clock;
  TsMonitor   *monitor;
} Fx;

static void
put (Fx *fx, const char *rel, const char *text)
{
  ts_test_tree_write (fx->root, rel, text);
}

/* Four CPUs; busy[i] ticks of user time added to core i (100 ticks a
 * second: idle takes the rest of `seconds`). */
static void
put_stat (Fx *fx, const double busy[4], double seconds)
{
  g_autoptr (GString) s = g_string_new (NULL);
  guint64 user[4], idle[4], all_user = 0, all_idle = 0;

  for (guint i = 0; i < 4; i++)
    {
      user[i] = 1000 + (guint64) busy[i];
      idle[i] = 10000 + (guint64) (seconds * 100 - busy[i]);
      all_user += user[i];
      all_idle += idle[i];
    }
  g_string_append_printf (s, "cpu  %" G_GUINT64_FORMAT " 0 800 %" G_GUINT64_FORMAT " 100 0 0 0 0 0\n",
                          all_user, all_idle);
  for (guint i = 0; i < 4; i++)
    g_string_append_printf (s, "cpu%u %" G_GUINT64_FORMAT " 0 200 %" G_GUINT64_FORMAT " 25 0 0 0 0 0\n",
                            i, user[i], idle[i]);
  g_string_append (s, "intr 1 0\nctxt 100\nbtime 1700000000\nprocesses 10\n");
  put (fx, "proc/stat", s->str);
}

/* sda's reads advance with `r`, its writes and busy time with `w`.
 * reads merged sectors ms writes merged sectors ms in_flight io_ticks */
static void
put_disks (Fx *fx, double r, double w)
{
  g_autofree char *text = g_strdup_printf (
    "   7       0 loop0 10 0 80 5 0 0 0 0 0 4 4 0 0 0 0 0 0\n"
    "   8       0 sda %.0f %.0f %.0f %.0f %.0f %.0f %.0f %.0f 0 %.0f %.0f 0 0 0 0 0 0\n"
    "   8       1 sda1 900 90 40000 3500 400 15 16000 2500 0 8000 8000 0 0 0 0 0 0\n"
    "   8       2 sda2 50 0 400 30 10 0 80 10 0 40 40 0 0 0 0 0 0\n"
    " 259       0 nvme0n1 2000 10 80000 1000 3000 30 90000 2000 0 7000 7000 0 0 0 0 0 0\n"
    " 259       1 nvme0n1p1 1900 10 79000 990 2900 30 89000 1990 0 6900 6900 0 0 0 0 0 0\n",
    1000 + 100 * r, 100 + 10 * r, 50000 + 20000 * r, 4000 + 300 * r,
    500 + 50 * w, 20 + 5 * w, 20000 + 4000 * w, 3000 + 200 * w, 9000 + 500 * w, 9000 + 500 * w);

  put (fx, "proc/diskstats", text);
}

static void
put_nics (Fx *fx, double rx, double tx)
{
  g_autofree char *text = g_strdup_printf (
    "Inter-|   Receive                                                |  Transmit\n"
    " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n"
    "    lo: 5000 50 0 0 0 0 0 0 5000 50 0 0 0 0 0 0\n"
    "  eth0: %.0f 1000 7 8 0 0 0 0 %.0f 800 9 11 0 0 0 0\n"
    " wlan0: 4000 40 0 0 0 0 0 0 3000 30 0 0 0 0 0 0\n",
    1000000 + 2000000 * rx, 300000 + 500000 * tx);

  put (fx, "proc/net/dev", text);
}

static void
fx_init (Fx *fx)
{
  static const char *const parts[] = { "sda1", "sda2", "nvme0n1p1" };
  g_autoptr (GError) error = NULL;
  g_autofree char *proc = NULL, *sys = NULL;
  g_autoptr (GString) cpuinfo = g_string_new (NULL);

  memset (fx, 0, sizeof *fx);
  fx->root = g_dir_make_tmp ("ts-resources-XXXXXX", &error);
  g_assert_no_error (error);
  fx->clock.now = SEC (1000);

  put_stat (fx, (const double[4]) { 0, 0, 0, 0 }, 0);
  put_disks (fx, 0, 0);
  put_nics (fx, 0, 0);
  put (fx, "proc/loadavg", "3.50 2.25 1.00 2/300 4242\n");
  put (fx, "proc/meminfo",
       "MemTotal:        8000000 kB\nMemFree:         1000000 kB\nMemAvailable:    5000000 kB\n"
       "Buffers:          200000 kB\nCached:          2000000 kB\nShmem:            100000 kB\n"
       "SReclaimable:     300000 kB\nSwapTotal:       2000000 kB\nSwapFree:        1500000 kB\n");
  put (fx, "proc/vmstat", "nr_free_pages 1\npswpin 1000\npswpout 2000\n");
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *cur = g_strdup_printf ("sys/devices/system/cpu/cpufreq/policy%u/scaling_cur_freq", i);
      g_autofree char *min = g_strdup_printf ("sys/devices/system/cpu/cpufreq/policy%u/scaling_min_freq", i);
      g_autofree char *max = g_strdup_printf ("sys/devices/system/cpu/cpufreq/policy%u/scaling_max_freq", i);

      g_string_append_printf (cpuinfo, "processor\t: %u\nmodel name\t: Taskscope Test CPU @ 3.00GHz\n"
                              "cpu MHz\t\t: 1000.0\n\n", i);
      put (fx, cur, i == 3 ? "800000\n" : "2400000\n");
      put (fx, min, "400000\n");
      put (fx, max, "3100000\n");
    }
  put (fx, "proc/cpuinfo", cpuinfo->str);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *rel = g_strdup_printf ("sys/class/block/%s/partition", parts[i]);

      put (fx, rel, "1\n");
    }

  proc = g_build_filename (fx->root, "proc", NULL);
  sys = g_build_filename (fx->root, "sys", NULL);
  fx->monitor = ts_monitor_new (proc, sys);
  ts_monitor_set_clock (fx->monitor, ts_test_clock_func, &fx->clock);
}

static void
fx_clear (Fx *fx)
{
  g_assert_finalize_object (fx->monitor);
  ts_test_tree_delete (fx->root);
  g_free (fx->root);
}

/* The second sample: 2 s later, with the counters of step 1. */
static void
fx_step (Fx *fx)
{
  put_stat (fx, (const double[4]) { 200, 200, 200, 200 }, 2);
  put_disks (fx, 1, 1);
  put_nics (fx, 1, 1);
  fx->clock.now += SEC (2);
  ts_monitor_sample (fx->monitor);
}

/* --------------------------------------------------------------- window */

static GtkWidget *
open_page (TsMonitor *monitor, int width, int height, TsResourcesPage **page)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  *page = TS_RESOURCES_PAGE (ts_resources_page_new (monitor));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), GTK_WIDGET (*page));
  gtk_window_present (GTK_WINDOW (window));
  /* The leaflet animates its first fold or unfold. */
  wait_frames (window, 30);
  return window;
}

static void
close_window (GtkWidget *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_context ();
}

static void
screenshots (GtkWidget *window, const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *light = g_strdup_printf ("%s-light", name);
  g_autofree char *dark = g_strdup_printf ("%s-dark", name);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  save_screenshot (window, light);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  save_screenshot (window, dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static void
assert_text (TsResourcesPage *page, const char *view, const char *key, double v, TsGraphUnit unit)
{
  g_autofree char *want = ts_format_value (v, unit);

  g_assert_cmpstr (ts_resources_page_get_text (page, view, key), ==, want);
}

static void
assert_suffixed (TsResourcesPage *page, const char *view, const char *key, double v, const char *suffix)
{
  g_autofree char *n = ts_format_value (v, TS_GRAPH_UNIT_NUMBER);
  g_autofree char *want = g_strconcat (n, suffix, NULL);

  g_assert_cmpstr (ts_resources_page_get_text (page, view, key), ==, want);
}

/* ---------------------------------------------------------------- tests */

static void
test_fixture (void)
{
  static const char *const expected[] = {
    "cpu", "memory", "disk:sda", "disk:nvme0n1", "net:eth0", "net:wlan0", NULL,
  };
  Fx fx;
  TsResourcesPage *page;
  GtkWidget *window;
  g_auto (GStrv) views = NULL;
  TsGraph *load;
  double min, max;
  g_autofree char *sda2_read = ts_format_value (400 * 512, TS_GRAPH_UNIT_BYTES);
  g_autofree char *sda2_written = ts_format_value (80 * 512, TS_GRAPH_UNIT_BYTES);

  fx_init (&fx);
  /* Built before the first sample: the monitor knows no device yet. */
  window = open_page (fx.monitor, 1100, 760, &page);
  views = ts_resources_page_dup_views (page);
  g_assert_cmpuint (g_strv_length (views), ==, 2);
  g_clear_pointer (&views, g_strfreev);

  ts_monitor_sample (fx.monitor);
  views = ts_resources_page_dup_views (page);
  /* No loop device, no loopback, no partition as a tile. */
  g_assert_cmpstrv (views, expected);
  g_assert_cmpstr (ts_resources_page_get_selected (page), ==, "cpu");
  g_assert_true (ts_resources_page_select (page, "disk:sda"));
  g_assert_false (ts_resources_page_select (page, "disk:loop0"));
  /* One reading: no rate yet. */
  g_assert_cmpstr (ts_resources_page_get_text (page, "disk:sda", "busy"), ==, "\u2014");
  g_assert_cmpstr (ts_resources_page_get_text (page, "disk:sda", "read-rate"), ==, "\u2014");

  fx_step (&fx);
  /* Over 2 s: io_ticks +500 ms: busy 25 %; +20000 sectors read = 10240000
   * bytes: 5120000 B/s; +4000 written = 2048000 bytes: 1024000 B/s; +100
   * reads and +50 writes: 50/s and 25/s; +10 and +5 merged: 5/s and
   * 2.5/s; (+300 + +200 ms) / 150 requests: 3.33 ms. */
  assert_text (page, "disk:sda", "busy", 25, TS_GRAPH_UNIT_PERCENT);
  assert_text (page, "disk:sda", "tile-value", 25, TS_GRAPH_UNIT_PERCENT);
  assert_text (page, "disk:sda", "read-rate", 5120000, TS_GRAPH_UNIT_BYTES_PER_SECOND);
  assert_text (page, "disk:sda", "write-rate", 1024000, TS_GRAPH_UNIT_BYTES_PER_SECOND);
  assert_suffixed (page, "disk:sda", "read-iops", 50, "/s");
  assert_suffixed (page, "disk:sda", "write-iops", 25, "/s");
  assert_suffixed (page, "disk:sda", "read-merged", 5, "/s");
  assert_suffixed (page, "disk:sda", "write-merged", 2.5, "/s");
  assert_suffixed (page, "disk:sda", "await", 500.0 / 150, " ms");
  /* Totals: (50000 + 20000) sectors read. */
  assert_text (page, "disk:sda", "read-total", 70000.0 * 512, TS_GRAPH_UNIT_BYTES);
  g_assert_cmpstr (ts_resources_page_get_text (page, "disk:sda", "subtitle"), ==, "Disk with 2 partitions");
  /* sda2: 400 sectors read, 80 written. */
  g_assert_nonnull (strstr (ts_resources_page_get_text (page, "disk:sda", "part:sda2"), sda2_read));
  g_assert_nonnull (strstr (ts_resources_page_get_text (page, "disk:sda", "part:sda2"), sda2_written));
  g_assert_null (ts_resources_page_get_text (page, "disk:sda", "part:nvme0n1p1"));
  g_assert_nonnull (ts_resources_page_get_text (page, "disk:nvme0n1", "part:nvme0n1p1"));
  screenshots (window, "disk");

  /* CPU: each core +200 user ticks in 2 s: 100 % busy. */
  g_assert_true (ts_resources_page_select (page, "cpu"));
  g_assert_cmpstr (ts_resources_page_get_text (page, "cpu", "subtitle"), ==, "Taskscope Test CPU @ 3.00GHz");
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *key = g_strdup_printf ("core-%u", i);

      g_assert_true (TS_IS_GRAPH (ts_resources_page_get_graph (page, "cpu", key)));
    }
  g_assert_null (ts_resources_page_get_graph (page, "cpu", "core-4"));
  assert_text (page, "cpu", "usage", 100, TS_GRAPH_UNIT_PERCENT);
  assert_text (page, "cpu", "freq-0", 2.4e9, TS_GRAPH_UNIT_HERTZ);
  assert_text (page, "cpu", "freq-3", 0.8e9, TS_GRAPH_UNIT_HERTZ);
  assert_text (page, "cpu", "load-1", 3.5, TS_GRAPH_UNIT_NUMBER);
  assert_text (page, "cpu", "load-15", 1.0, TS_GRAPH_UNIT_NUMBER);
  assert_text (page, "cpu", "freq", (3 * 2.4e9 + 0.8e9) / 4, TS_GRAPH_UNIT_HERTZ);
  load = TS_GRAPH (ts_resources_page_get_graph (page, "cpu", "load"));
  g_assert_nonnull (load);
  g_assert_cmpuint (load->markers->len, ==, 1);
  g_assert_cmpfloat (g_array_index (load->markers, Marker, 0).value, ==, 4);
  /* Load is at most 3.5, yet the scale reaches above the 4 CPUs line. */
  ts_graph_get_scale (load, &min, &max);
  g_assert_cmpfloat (max, >, 4);
  screenshots (window, "cpu");

  /* Memory: used = total - free - buffers - cached - sreclaimable =
   * 8000000 - 1000000 - 200000 - 2000000 - 300000 = 4500000 kB. */
  g_assert_true (ts_resources_page_select (page, "memory"));
  assert_text (page, "memory", "used", 4500000.0 * 1024, TS_GRAPH_UNIT_BYTES);
  assert_text (page, "memory", "swap-used", 500000.0 * 1024, TS_GRAPH_UNIT_BYTES);
  screenshots (window, "memory");

  /* eth0: +2000000 bytes in 2 s received, +500000 sent. */
  g_assert_true (ts_resources_page_select (page, "net:eth0"));
  assert_text (page, "net:eth0", "rx-rate", 1000000, TS_GRAPH_UNIT_BYTES_PER_SECOND);
  assert_text (page, "net:eth0", "tx-rate", 250000, TS_GRAPH_UNIT_BYTES_PER_SECOND);
  assert_text (page, "net:eth0", "rx-total", 3000000, TS_GRAPH_UNIT_BYTES);
  g_assert_cmpstr (ts_resources_page_get_text (page, "net:eth0", "errin"), ==, "7");
  g_assert_cmpstr (ts_resources_page_get_text (page, "net:eth0", "dropout"), ==, "11");
  screenshots (window, "net");

  /* Virtual devices on: the loop device and lo get tiles, the selection
   * stays by name. */
  ts_monitor_set_show_virtual (fx.monitor, TRUE);
  ts_monitor_sample (fx.monitor);
  g_clear_pointer (&views, g_strfreev);
  views = ts_resources_page_dup_views (page);
  g_assert_true (g_strv_contains ((const char *const *) views, "disk:loop0"));
  g_assert_true (g_strv_contains ((const char *const *) views, "net:lo"));
  g_assert_cmpstr (ts_resources_page_get_selected (page), ==, "net:eth0");

  close_window (window);
  fx_clear (&fx);
}

static void
test_errors (void)
{
  g_autofree char *loadavg = NULL, *diskstats = NULL;
  TsResourcesPage *page;
  GtkWidget *window;
  const char *text;
  Fx fx;

  fx_init (&fx);
  ts_monitor_sample (fx.monitor);
  window = open_page (fx.monitor, 900, 700, &page);
  loadavg = g_build_filename (fx.root, "proc/loadavg", NULL);
  diskstats = g_build_filename (fx.root, "proc/diskstats", NULL);
  g_assert_cmpint (g_unlink (loadavg), ==, 0);
  /* A directory where the file was: read fails with EISDIR. */
  g_assert_cmpint (g_unlink (diskstats), ==, 0);
  g_assert_cmpint (g_mkdir (diskstats, 0755), ==, 0);
  put_stat (&fx, (const double[4]) { 200, 200, 200, 200 }, 2);
  fx.clock.now += SEC (2);
  ts_monitor_sample (fx.monitor);

  g_assert_true (ts_resources_page_select (page, "cpu"));
  text = ts_resources_page_get_text (page, "cpu", "load-error");
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "loadavg"));
  g_assert_cmpstr (ts_resources_page_get_text (page, "cpu", "load-1"), ==, "\u2014");
  screenshots (window, "cpu");

  /* The disks keep their tiles (and history, with a gap) and say why. */
  g_assert_true (ts_resources_page_select (page, "disk:sda"));
  text = ts_resources_page_get_text (page, "disk:sda", "error");
  g_assert_nonnull (strstr (text, "diskstats"));
  g_assert_cmpstr (ts_resources_page_get_text (page, "disk:sda", "busy"), ==, "\u2014");
  g_rmdir (diskstats);
  close_window (window);
  fx_clear (&fx);
}

static void
test_narrow (void)
{
  TsResourcesPage *page;
  GtkWidget *window;
  Fx fx;

  fx_init (&fx);
  ts_monitor_sample (fx.monitor);
  fx_step (&fx);
  window = open_page (fx.monitor, 420, 700, &page);
  wait_frames (window, 30);   /* the leaflet's folding */
  g_assert_true (ts_resources_page_get_folded (page));
  g_assert_cmpstr (ts_resources_page_get_selected (page), ==, "cpu");
  screenshots (window, "sidebar");
  g_assert_true (ts_resources_page_select (page, "disk:sda"));
  wait_frames (window, 30);   /* the leaflet's slide */
  screenshots (window, "disk");
  assert_text (page, "disk:sda", "busy", 25, TS_GRAPH_UNIT_PERCENT);
  g_assert_true (ts_resources_page_select (page, "cpu"));
  wait_frames (window, 30);
  screenshots (window, "cpu");

  /* Wide again: side by side. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  wait_frames (window, 5);
  g_assert_false (ts_resources_page_get_folded (page));
  close_window (window);
  fx_clear (&fx);
}

/* A minute of made-up load, one sample a second, so the graphs have
 * something to show: the screenshots to look at. */
static void
test_screenshots (void)
{
  static const char *const views[] = { "cpu", "memory", "disk:sda", "net:eth0" };
  double busy[4] = { 0 }, r = 0, w = 0, rx = 0, tx = 0;
  TsResourcesPage *page;
  GtkWidget *window;
  Fx fx;

  fx_init (&fx);
  ts_monitor_sample (fx.monitor);
  for (guint t = 1; t <= 60; t++)
    {
      for (guint i = 0; i < 4; i++)
        busy[i] += 100 * (0.35 + 0.3 * sin (t / (4.0 + i) + i));
      r += 0.5 + 0.5 * sin (t / 7.0);
      w += 0.3 + 0.3 * cos (t / 4.0);
      rx += 0.6 + 0.4 * sin (t / 3.0);
      tx += 0.2 + 0.2 * cos (t / 5.0);
      put_stat (&fx, busy, t);
      put_disks (&fx, r, w);
      put_nics (&fx, rx, tx);
      fx.clock.now += SEC (1);
      ts_monitor_sample (fx.monitor);
    }
  window = open_page (fx.monitor, 1100, 760, &page);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      const char *colon = strchr (views[i], ':');

      g_assert_true (ts_resources_page_select (page, views[i]));
      g_assert_cmpstr (ts_resources_page_get_text (page, views[i], "tile-detail"), !=, "\u2014");
      screenshots (window, colon != NULL ? colon + 1 : views[i]);
    }
  close_window (window);
  fx_clear (&fx);
}

static void
test_live (void)
{
  g_autoptr (TsMonitor) monitor = ts_monitor_new (NULL, NULL);
  g_autofree char *netdev = NULL;
  g_auto (GStrv) lines = NULL;
  g_auto (GStrv) views = NULL;
  TsResourcesPage *page;
  GtkWidget *window;
  gboolean done = FALSE;
  GDir *dir;
  const char *name;
  guint n_checked = 0;

  ts_monitor_sample (monitor);
  window = open_page (monitor, 1100, 760, &page);
  g_timeout_add (200, set_flag_source, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  ts_monitor_sample (monitor);
  views = ts_resources_page_dup_views (page);

  /* Every interface of /proc/net/dev but lo has a tile. */
  g_assert_true (g_file_get_contents ("/proc/net/dev", &netdev, NULL, NULL));
  lines = g_strsplit (netdev, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      char *colon = strchr (lines[i], ':');
      g_autofree char *id = NULL;

      if (colon == NULL)
        continue;
      *colon = '\0';
      id = g_strdup_printf ("net:%s", g_strstrip (lines[i]));
      if (g_str_equal (id, "net:lo"))
        continue;
      g_assert_true (g_strv_contains ((const char *const *) views, id));
      n_checked++;
    }
  /* Every whole disk the kernel lists in /sys/block, but the virtual ones. */
  dir = g_dir_open ("/sys/block", 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *id = g_strdup_printf ("disk:%s", name);

      if (g_str_has_prefix (name, "loop") || g_str_has_prefix (name, "ram") || g_str_has_prefix (name, "zram"))
        continue;
      g_assert_true (g_strv_contains ((const char *const *) views, id));
      n_checked++;
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_test_message ("%u live devices checked among %u tiles", n_checked, g_strv_length (views));

  /* Two readings: the CPU has a value. */
  g_assert_cmpstr (ts_resources_page_get_text (page, "cpu", "tile-value"), !=, "\u2014");
  g_assert_cmpstr (ts_resources_page_get_text (page, "cpu", "usage"), !=, "\u2014");
  screenshots (window, "cpu");
  if (views[2] != NULL)
    {
      g_assert_true (ts_resources_page_select (page, views[2]));
      screenshots (window, "device");
    }
  close_window (window);
}

int
main (int argc, char **argv)
{
  char *why;

  g_test_init (&argc, &argv, NULL);
  why = ts_ui_init (TEST_APP_ID, &app);
  if (why != NULL)
    return ts_ui_fail_setup ("/resources/setup", why);

  g_test_add_func ("/resources/fixture", test_fixture);
  g_test_add_func ("/resources/errors", test_errors);
  g_test_add_func ("/resources/narrow", test_narrow);
  g_test_add_func ("/resources/screenshots", test_screenshots);
  g_test_add_func ("/resources/live", test_live);
  return g_test_run ();
}
