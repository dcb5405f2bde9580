/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * TsMonitor against a fake procfs/sysfs tree and a fake clock.
 *
 * The test writes the tree into a temporary directory, samples, rewrites
 * the files with advanced counters, moves the clock by hand and samples
 * again.  Expected rates are worked out in the comments from the numbers
 * written (sectors are 512 bytes, meminfo kB are 1024 bytes, vmstat counts
 * pages), not with the monitor's formulas.
 */
#include "config.h"

#define G_LOG_DOMAIN "test-monitor"

#include <glib.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "ts-backend-error.h"
#include "ts-monitor.h"
#include "ts-test-tree.h"

#define EPS    1e-6
#define KB(n)  ((guint64) (n) * 1024)
#define SEC(n) ((gint64) ((n) * (double) G_USEC_PER_SEC))

/* ------------------------------------------------------------- fake tree */

typedef struct
{
  const char *name;
  guint64 reads, rmerged, rsect, rms, writes, wmerged, wsect, wms, io_ticks;
} FakeDisk;

typedef struct
{
  const char *name;
  guint64 rx, rx_packets, errin, dropin, tx, tx_packets, errout, dropout;
} FakeNic;

typedef struct
{
  char        *root, *proc, *sys;
  TsTestClock  clock;
  TsMonitor   *mon;
  guint        changed, devices_changed;
} Fx;

static void
put (Fx *fx, const char *rel, const char *text)
{
  ts_test_tree_write (fx->root, rel, text);
}

/* ticks: user nice system idle iowait irq softirq steal guest guest_nice */
static void
put_stat (Fx *fx, const guint64 cpus[][10], guint n)
{
  g_autoptr (GString) s = g_string_new ("cpu ");
  guint64 total[10] = { 0 };

  for (guint i = 0; i < n; i++)
    for (guint k = 0; k < 10; k++)
      total[k] += cpus[i][k];
  for (guint k = 0; k < 10; k++)
    g_string_append_printf (s, " %" G_GUINT64_FORMAT, total[k]);
  g_string_append_c (s, '\n');
  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (s, "cpu%u", i);
      for (guint k = 0; k < 10; k++)
        g_string_append_printf (s, " %" G_GUINT64_FORMAT, cpus[i][k]);
      g_string_append_c (s, '\n');
    }
  g_string_append (s, "intr 1 0\nctxt 100\nbtime 1700000000\nprocesses 10\n");
  put (fx, "proc/stat", s->str);
}

static void
put_disks (Fx *fx, const FakeDisk *d, guint n)
{
  g_autoptr (GString) s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    /* 17 counters (5.5+): in_flight 0, weighted 0, discards and flushes 0. */
    g_string_append_printf (s, "   8 %u %s %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
                            " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
                            " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " 0 %" G_GUINT64_FORMAT
                            " 0 0 0 0 0 0 0\n",
                            i, d[i].name, d[i].reads, d[i].rmerged, d[i].rsect, d[i].rms,
                            d[i].writes, d[i].wmerged, d[i].wsect, d[i].wms, d[i].io_ticks);
  put (fx, "proc/diskstats", s->str);
}

static void
put_nics (Fx *fx, const FakeNic *n, guint count)
{
  g_autoptr (GString) s = g_string_new (
    "Inter-|   Receive                                                |  Transmit\n"
    " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n");

  for (guint i = 0; i < count; i++)
    g_string_append_printf (s, "%6s: %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
                            " %" G_GUINT64_FORMAT " 0 0 0 0 %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
                            " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " 0 0 0 0\n",
                            n[i].name, n[i].rx, n[i].rx_packets, n[i].errin, n[i].dropin,
                            n[i].tx, n[i].tx_packets, n[i].errout, n[i].dropout);
  put (fx, "proc/net/dev", s->str);
}

static void
put_memory (Fx *fx, guint64 pswpin, guint64 pswpout)
{
  g_autofree char *vmstat = g_strdup_printf ("nr_free_pages 1\npswpin %" G_GUINT64_FORMAT
                                             "\npswpout %" G_GUINT64_FORMAT "\n", pswpin, pswpout);

  put (fx, "proc/meminfo",
       "MemTotal:        8000000 kB\n"
       "MemFree:         1000000 kB\n"
       "MemAvailable:    5000000 kB\n"
       "Buffers:          200000 kB\n"
       "Cached:          2000000 kB\n"
       "Shmem:            100000 kB\n"
       "SReclaimable:     300000 kB\n"
       "SwapTotal:       2000000 kB\n"
       "SwapFree:        1500000 kB\n");
  put (fx, "proc/vmstat", vmstat);
}

static void
put_freq (Fx *fx, guint policy, const char *cur_khz)
{
  g_autofree char *cur = g_strdup_printf ("sys/devices/system/cpu/cpufreq/policy%u/scaling_cur_freq", policy);
  g_autofree char *min = g_strdup_printf ("sys/devices/system/cpu/cpufreq/policy%u/scaling_min_freq", policy);
  g_autofree char *max = g_strdup_printf ("sys/devices/system/cpu/cpufreq/policy%u/scaling_max_freq", policy);

  put (fx, cur, cur_khz);
  put (fx, min, "400000\n");
  put (fx, max, "3100000\n");
}

static const guint64 idle_cpus[2][10] = {
  { 1000, 100, 500, 10000, 50, 10, 20, 5, 0, 0 },
  { 1100, 0, 400, 11000, 40, 0, 10, 0, 0, 0 },
};

static const FakeDisk base_disks[] = {
  { "loop0", 10, 0, 80, 5, 0, 0, 0, 0, 4 },
  { "sda", 1000, 100, 50000, 4000, 500, 200, 20000, 3000, 9000 },
  { "sda1", 900, 90, 40000, 3500, 400, 150, 16000, 2500, 8000 },
  { "nvme0n1", 2000, 10, 80000, 1000, 3000, 30, 90000, 2000, 7000 },
};

static const FakeNic base_nics[] = {
  { "lo", 5000, 50, 0, 0, 5000, 50, 0, 0 },
  { "eth0", 1000000, 1000, 1, 2, 300000, 800, 3, 4 },
};

static void
on_changed (TsMonitor *mon, gpointer data)
{
  (void) mon;
  ((Fx *) data)->changed++;
}

static void
on_devices_changed (TsMonitor *mon, gpointer data)
{
  (void) mon;
  ((Fx *) data)->devices_changed++;
}

static void
fx_init (Fx *fx)
{
  g_autoptr (GError) error = NULL;

  memset (fx, 0, sizeof *fx);
  fx->root = g_dir_make_tmp ("ts-monitor-XXXXXX", &error);
  g_assert_no_error (error);
  fx->proc = g_build_filename (fx->root, "proc", NULL);
  fx->sys = g_build_filename (fx->root, "sys", NULL);
  fx->clock.now = SEC (1000);

  put_stat (fx, idle_cpus, 2);
  put_memory (fx, 1000, 2000);
  put (fx, "proc/loadavg", "0.50 1.25 2.00 1/100 4242\n");
  put (fx, "proc/cpuinfo",
       "processor\t: 0\nmodel name\t: Fake CPU \xff Model @ 2.40GHz\ncpu MHz\t\t: 1.0\n\n"
       "processor\t: 1\nmodel name\t: Fake CPU \xff Model @ 2.40GHz\ncpu MHz\t\t: 1.0\n\n");
  put_disks (fx, base_disks, G_N_ELEMENTS (base_disks));
  put_nics (fx, base_nics, G_N_ELEMENTS (base_nics));
  put_freq (fx, 0, "2400000\n");
  put_freq (fx, 1, "800000\n");
  /* sda1 is a partition (no class/block link: its disk comes from the name). */
  put (fx, "sys/class/block/sda1/partition", "1\n");

  fx->mon = ts_monitor_new (fx->proc, fx->sys);
  ts_monitor_set_clock (fx->mon, ts_test_clock_func, &fx->clock);
  g_signal_connect (fx->mon, "changed", G_CALLBACK (on_changed), fx);
  g_signal_connect (fx->mon, "devices-changed", G_CALLBACK (on_devices_changed), fx);
}

static void
fx_clear (Fx *fx)
{
  g_assert_finalize_object (fx->mon);
  ts_test_tree_delete (fx->root);
  g_free (fx->root);
  g_free (fx->proc);
  g_free (fx->sys);
}

static void
advance (Fx *fx, double seconds)
{
  fx->clock.now += SEC (seconds);
}

static TsDiskStats *
disk_at (GListModel *model, guint i)
{
  g_autoptr (TsDiskStats) d = g_list_model_get_item (model, i);

  /* The model keeps its own reference. */
  return d;
}

static TsNetStats *
net (Fx *fx, const char *name)
{
  TsNetStats *n = ts_monitor_lookup_net (fx->mon, name);

  g_assert_nonnull (n);
  return n;
}

/* ------------------------------------------------------------------- CPU */

static void
test_cpu (void)
{
  Fx fx;
  guint64 cpus[2][10];
  TsHistory *h;

  fx_init (&fx);
  ts_monitor_sample (fx.mon);
  g_assert_cmpuint (ts_monitor_get_n_cpus (fx.mon), ==, 2);
  g_assert_cmpstr (ts_monitor_get_cpu_model (fx.mon), ==, "Fake CPU \xef\xbf\xbd Model @ 2.40GHz");
  /* No rate from one reading. */
  g_assert_true (isnan (ts_monitor_get_cpu_user (fx.mon)));
  g_assert_true (isnan (ts_monitor_get_core_usage (fx.mon, 0)));
  h = ts_monitor_get_cpu_history (fx.mon);
  g_assert_cmpuint (ts_history_get_length (h), ==, 1);
  g_assert_true (isnan (ts_history_get_last (h, TS_CPU_SERIES_USER)));

  /* cpu0 over 250 ticks: user +50 (of which guest +20, already inside
   * user), nice +10, system +15, irq +5, softirq +5, steal +5, iowait +10,
   * idle +150.  user 60/250 = 24 %, system 30/250 = 12 %, iowait 4 %,
   * busy 36 %.  cpu1: user +25, system +25, idle +200: busy 50/250 = 20 %.
   * All: user (60+25)/500 = 17 %, system (30+25)/500 = 11 %, iowait
   * 10/500 = 2 %. */
  memcpy (cpus, idle_cpus, sizeof cpus);
  cpus[0][0] += 50; cpus[0][8] += 20; cpus[0][1] += 10; cpus[0][2] += 15;
  cpus[0][5] += 5; cpus[0][6] += 5; cpus[0][7] += 5; cpus[0][4] += 10; cpus[0][3] += 150;
  cpus[1][0] += 25; cpus[1][2] += 25; cpus[1][3] += 200;
  put_stat (&fx, (const guint64 (*)[10]) cpus, 2);
  advance (&fx, 2.5);
  ts_monitor_sample (fx.mon);

  g_assert_cmpfloat_with_epsilon (ts_monitor_get_cpu_user (fx.mon), 17.0, EPS);
  g_assert_cmpfloat_with_epsilon (ts_monitor_get_cpu_system (fx.mon), 11.0, EPS);
  g_assert_cmpfloat_with_epsilon (ts_monitor_get_cpu_iowait (fx.mon), 2.0, EPS);
  g_assert_cmpfloat_with_epsilon (ts_monitor_get_cpu_usage (fx.mon), 28.0, EPS);
  g_assert_cmpfloat_with_epsilon (ts_monitor_get_core_usage (fx.mon, 0), 36.0, EPS);
  g_assert_cmpfloat_with_epsilon (ts_monitor_get_core_usage (fx.mon, 1), 20.0, EPS);
  g_assert_cmpuint (ts_history_get_length (h), ==, 2);
  g_assert_cmpint (ts_history_get_time (h, 1), ==, fx.clock.now);
  g_assert_cmpfloat_with_epsilon (ts_history_get_last (h, TS_CPU_SERIES_SYSTEM), 11.0, EPS);
  g_assert_cmpfloat_with_epsilon (ts_history_get_last (ts_monitor_get_core_history (fx.mon, 1), 0),
                                  20.0, EPS);

  /* A per-CPU iowait that steps back (a known kernel quirk) counts as 0:
   * cpu1 iowait -1, user +10, idle +90: busy 10/100. */
  cpus[1][4] -= 1; cpus[1][0] += 10; cpus[1][3] += 90;
  put_stat (&fx, (const guint64 (*)[10]) cpus, 2);
  advance (&fx, 1);
  ts_monitor_sample (fx.mon);
  g_assert_cmpfloat_with_epsilon (ts_monitor_get_core_usage (fx.mon, 1), 10.0, EPS);
  /* Nothing moved on cpu0: unknown, not 0/0. */
  g_assert_true (isnan (ts_monitor_get_core_usage (fx.mon, 0)));

  /* A third CPU comes online: new per-core histories, devices-changed. */
  g_assert_cmpuint (fx.devices_changed, ==, 1);   /* the first sample's devices */
  {
    guint64 three[3][10];

    memcpy (three, cpus, sizeof cpus);
    memcpy (three[2], idle_cpus[0], sizeof three[2]);
    put_stat (&fx, (const guint64 (*)[10]) three, 3);
  }
  advance (&fx, 1);
  ts_monitor_sample (fx.mon);
  g_assert_cmpuint (ts_monitor_get_n_cpus (fx.mon), ==, 3);
  g_assert_cmpuint (fx.devices_changed, ==, 2);
  g_assert_cmpuint (ts_history_get_length (ts_monitor_get_core_history (fx.mon, 2)), ==, 1);
  g_assert_null (ts_monitor_get_error (fx.mon, TS_MONITOR_SOURCE_CPU));
  g_assert_cmpuint (fx.changed, ==, 4);
  fx_clear (&fx);
}

/* ---------------------------------------------- memory, swap, load, freq */

static void
test_memory_load_freq (void)
{
  Fx fx;
  double load[3], cur = 0, min = 0, max = 0;
  TsHistory *mem;
  long page = sysconf (_SC_PAGESIZE);

  fx_init (&fx);
  ts_monitor_sample (fx.mon);

  /* used = total - free - (cached + SReclaimable) - buffers
   *      = 8000000 - 1000000 - 2300000 - 200000 = 4500000 kB. */
  g_assert_cmpuint (ts_monitor_get_memory_total (fx.mon), ==, KB (8000000));
  g_assert_cmpuint (ts_monitor_get_memory_used (fx.mon), ==, KB (4500000));
  g_assert_cmpuint (ts_monitor_get_memory_cache (fx.mon), ==, KB (2500000));
  g_assert_cmpuint (ts_monitor_get_memory_available (fx.mon), ==, KB (5000000));
  mem = ts_monitor_get_memory_history (fx.mon);
  g_assert_cmpfloat (ts_history_get_last (mem, TS_MEMORY_SERIES_USED), ==, (double) KB (4500000));
  g_assert_cmpfloat (ts_history_get_last (mem, TS_MEMORY_SERIES_CACHE), ==, (double) KB (2500000));
  g_assert_cmpfloat (ts_history_get_last (mem, TS_MEMORY_SERIES_AVAILABLE), ==, (double) KB (5000000));
  g_assert_cmpuint (ts_monitor_get_swap_total (fx.mon), ==, KB (2000000));
  g_assert_cmpuint (ts_monitor_get_swap_used (fx.mon), ==, KB (500000));
  g_assert_cmpfloat (ts_history_get_last (ts_monitor_get_swap_history (fx.mon), 0), ==,
                     (double) KB (500000));
  g_assert_true (isnan (ts_monitor_get_swap_in_rate (fx.mon)));

  ts_monitor_get_loadavg (fx.mon, load);
  g_assert_cmpfloat (load[0], ==, 0.5);
  g_assert_cmpfloat (load[1], ==, 1.25);
  g_assert_cmpfloat (load[2], ==, 2.0);
  g_assert_cmpfloat (ts_history_get_last (ts_monitor_get_load_history (fx.mon), TS_LOAD_SERIES_15), ==, 2.0);

  g_assert_cmpuint (ts_monitor_get_n_freqs (fx.mon), ==, 2);
  g_assert_true (ts_monitor_get_freq (fx.mon, 0, &cur, &min, &max));
  g_assert_cmpfloat (cur, ==, 2400.0);
  g_assert_cmpfloat (min, ==, 400.0);
  g_assert_cmpfloat (max, ==, 3100.0);
  g_assert_true (ts_monitor_get_freq (fx.mon, 1, &cur, NULL, NULL));
  g_assert_cmpfloat (cur, ==, 800.0);
  g_assert_false (ts_monitor_get_freq (fx.mon, 2, &cur, NULL, NULL));

  /* 2.5 s: pswpin +250 pages = 100 pages/s, pswpout +500 = 200 pages/s. */
  put_memory (&fx, 1000 + 250, 2000 + 500);
  put_freq (&fx, 1, "1600000\n");
  advance (&fx, 2.5);
  ts_monitor_sample (fx.mon);
  g_assert_cmpfloat_with_epsilon (ts_monitor_get_swap_in_rate (fx.mon), 100.0 * (double) page, EPS);
  g_assert_cmpfloat_with_epsilon (ts_monitor_get_swap_out_rate (fx.mon), 200.0 * (double) page, EPS);
  g_assert_cmpfloat_with_epsilon (ts_history_get_last (ts_monitor_get_swap_io_history (fx.mon),
                                                       TS_SWAP_IO_SERIES_OUT),
                                  200.0 * (double) page, EPS);
  g_assert_cmpuint (ts_history_get_length (ts_monitor_get_freq_history (fx.mon, 1)), ==, 2);
  g_assert_cmpfloat (ts_history_get_value (ts_monitor_get_freq_history (fx.mon, 1), 0, 0), ==, 800.0);
  g_assert_cmpfloat (ts_history_get_last (ts_monitor_get_freq_history (fx.mon, 1), 0), ==, 1600.0);

  for (guint s = 0; s < TS_MONITOR_N_SOURCES; s++)
    g_assert_null (ts_monitor_get_error (fx.mon, s));
  fx_clear (&fx);
}

/* ----------------------------------------------------------------- disks */

static void
test_disks (void)
{
  Fx fx;
  FakeDisk d[G_N_ELEMENTS (base_disks)];
  GListModel *disks;
  TsDiskStats *sda, *sda1, *nvme, *loop;
  GListModel *parts;

  fx_init (&fx);
  ts_monitor_sample (fx.mon);
  g_assert_cmpuint (fx.devices_changed, ==, 1);

  /* Whole disks at the top, loop0 hidden, sda1 under sda. */
  disks = ts_monitor_get_disks (fx.mon);
  g_assert_cmpuint (g_list_model_get_n_items (disks), ==, 2);
  sda = disk_at (disks, 0);
  nvme = disk_at (disks, 1);
  g_assert_cmpstr (ts_disk_stats_get_name (sda), ==, "sda");
  g_assert_cmpstr (ts_disk_stats_get_name (nvme), ==, "nvme0n1");
  g_assert_false (ts_disk_stats_get_is_partition (sda));
  parts = ts_disk_stats_get_partitions (sda);
  g_assert_cmpuint (g_list_model_get_n_items (parts), ==, 1);
  sda1 = disk_at (parts, 0);
  g_assert_cmpstr (ts_disk_stats_get_name (sda1), ==, "sda1");
  g_assert_true (ts_disk_stats_get_is_partition (sda1));
  g_assert_cmpstr (ts_disk_stats_get_parent (sda1), ==, "sda");
  g_assert_cmpuint (g_list_model_get_n_items (ts_disk_stats_get_partitions (nvme)), ==, 0);
  loop = ts_monitor_lookup_disk (fx.mon, "loop0");
  g_assert_nonnull (loop);
  g_assert_true (ts_disk_stats_get_is_virtual (loop));
  g_assert_false (ts_disk_stats_get_is_virtual (sda));
  g_assert_true (isnan (ts_disk_stats_get_read_rate (sda)));
  g_assert_cmpuint (ts_disk_stats_get_read_bytes (sda), ==, 50000ull * 512);

  /* 2.5 s on sda: reads +250 (100/s), 5000 sectors read (2560000 bytes,
   * 1024000 B/s), writes +100 (40/s), 2000 sectors written (409600 B/s),
   * read ms +1000 and write ms +400 over 350 requests: await 4 ms; io_ticks
   * +1250 ms of 2500 ms: 50 % busy; merged +25 read (10/s), +50 write (20/s).
   * nvme0n1: io_ticks +3000 ms in 2.5 s (120 %, the counter runs ahead
   * with requests in flight): shown as 100; no request: await 0. */
  memcpy (d, base_disks, sizeof d);
  d[1].reads += 250; d[1].rsect += 5000; d[1].writes += 100; d[1].wsect += 2000;
  d[1].rms += 1000; d[1].wms += 400; d[1].io_ticks += 1250; d[1].rmerged += 25; d[1].wmerged += 50;
  d[3].io_ticks += 3000;
  put_disks (&fx, d, G_N_ELEMENTS (d));
  advance (&fx, 2.5);
  ts_monitor_sample (fx.mon);

  g_assert_cmpfloat_with_epsilon (ts_disk_stats_get_read_rate (sda), 1024000.0, EPS);
  g_assert_cmpfloat_with_epsilon (ts_disk_stats_get_write_rate (sda), 409600.0, EPS);
  g_assert_cmpfloat_with_epsilon (ts_disk_stats_get_read_iops (sda), 100.0, EPS);
  g_assert_cmpfloat_with_epsilon (ts_disk_stats_get_write_iops (sda), 40.0, EPS);
  g_assert_cmpfloat_with_epsilon (ts_disk_stats_get_await (sda), 4.0, EPS);
  g_assert_cmpfloat_with_epsilon (ts_disk_stats_get_busy (sda), 50.0, EPS);
  g_assert_cmpfloat_with_epsilon (ts_disk_stats_get_read_merged_rate (sda), 10.0, EPS);
  g_assert_cmpfloat_with_epsilon (ts_disk_stats_get_write_merged_rate (sda), 20.0, EPS);
  g_assert_cmpuint (ts_disk_stats_get_read_bytes (sda), ==, 55000ull * 512);
  g_assert_cmpuint (ts_disk_stats_get_write_bytes (sda), ==, 22000ull * 512);
  g_assert_cmpuint (ts_disk_stats_get_read_count (sda), ==, 1250);
  g_assert_cmpuint (ts_disk_stats_get_write_count (sda), ==, 600);
  g_assert_cmpfloat (ts_disk_stats_get_busy (nvme), ==, 100.0);
  g_assert_cmpfloat (ts_disk_stats_get_await (nvme), ==, 0.0);
  g_assert_cmpfloat (ts_disk_stats_get_read_rate (sda1), ==, 0.0);
  {
    TsHistory *h = ts_disk_stats_get_history (sda);

    g_assert_cmpuint (ts_history_get_length (h), ==, 2);
    g_assert_cmpfloat_with_epsilon (ts_history_get_last (h, TS_DISK_SERIES_READ), 1024000.0, EPS);
    g_assert_cmpfloat_with_epsilon (ts_history_get_last (h, TS_DISK_SERIES_WRITE), 409600.0, EPS);
    g_assert_cmpfloat_with_epsilon (ts_history_get_last (h, TS_DISK_SERIES_BUSY), 50.0, EPS);
  }
  /* Nothing came or went. */
  g_assert_cmpuint (fx.devices_changed, ==, 1);

  /* show-virtual lists loop0, in the kernel's order. */
  ts_monitor_set_show_virtual (fx.mon, TRUE);
  g_assert_cmpuint (fx.devices_changed, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (disks), ==, 3);
  g_assert_true (disk_at (disks, 0) == loop);
  g_assert_true (disk_at (disks, 1) == sda);
  ts_monitor_set_show_virtual (fx.mon, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (disks), ==, 2);
  g_assert_true (disk_at (disks, 0) == sda);
  fx_clear (&fx);
}

/* A disk vanishes (unplugged) and comes back with counters from zero. */
static void
test_disk_gone_and_back (void)
{
  Fx fx;
  FakeDisk d[G_N_ELEMENTS (base_disks)];
  GListModel *disks;
  TsDiskStats *sda;
  TsHistory *h;
  guint64 total_before;

  fx_init (&fx);
  ts_monitor_sample (fx.mon);
  disks = ts_monitor_get_disks (fx.mon);
  sda = ts_monitor_lookup_disk (fx.mon, "sda");
  g_object_ref (sda);
  h = ts_disk_stats_get_history (sda);

  /* sda and sda1 gone: only loop0 and nvme0n1 left. */
  put_disks (&fx, (FakeDisk[]) { base_disks[0], base_disks[3] }, 2);
  advance (&fx, 1);
  ts_monitor_sample (fx.mon);
  g_assert_cmpuint (fx.devices_changed, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (disks), ==, 1);
  g_assert_cmpstr (ts_disk_stats_get_name (disk_at (disks, 0)), ==, "nvme0n1");
  /* Still known, with a gap in its graph and its totals kept. */
  g_assert_true (ts_monitor_lookup_disk (fx.mon, "sda") == sda);
  g_assert_cmpuint (ts_history_get_length (h), ==, 2);
  g_assert_true (isnan (ts_history_get_last (h, TS_DISK_SERIES_READ)));
  g_assert_true (isnan (ts_disk_stats_get_read_rate (sda)));
  total_before = ts_disk_stats_get_read_bytes (sda);
  g_assert_cmpuint (total_before, ==, 50000ull * 512);

  /* Back, counting from zero: 100 sectors read since.  No rate over the
   * gap (unknown, never negative), the totals carry on: 50000 + 100. */
  memcpy (d, base_disks, sizeof d);
  d[1] = (FakeDisk) { "sda", 2, 0, 100, 1, 1, 0, 8, 1, 3 };
  d[2] = (FakeDisk) { "sda1", 2, 0, 100, 1, 1, 0, 8, 1, 3 };
  put_disks (&fx, d, G_N_ELEMENTS (d));
  advance (&fx, 1);
  ts_monitor_sample (fx.mon);
  g_assert_cmpuint (fx.devices_changed, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (disks), ==, 2);
  g_assert_true (disk_at (disks, 0) == sda);   /* the same object */
  g_assert_cmpuint (g_list_model_get_n_items (ts_disk_stats_get_partitions (sda)), ==, 1);
  g_assert_true (isnan (ts_disk_stats_get_read_rate (sda)));
  g_assert_cmpuint (ts_disk_stats_get_read_bytes (sda), ==, 50100ull * 512);
  g_assert_cmpuint (ts_disk_stats_get_read_count (sda), ==, 1002);
  g_assert_cmpuint (ts_history_get_length (h), ==, 3);

  /* And normal rates after that: 200 sectors in 2 s = 51200 B/s. */
  d[1].rsect += 200;
  put_disks (&fx, d, G_N_ELEMENTS (d));
  advance (&fx, 2);
  ts_monitor_sample (fx.mon);
  g_assert_cmpfloat_with_epsilon (ts_disk_stats_get_read_rate (sda), 51200.0, EPS);
  g_assert_cmpuint (ts_disk_stats_get_read_bytes (sda), ==, 50300ull * 512);

  /* Gone for longer than the span (60 s): forgotten. */
  put_disks (&fx, (FakeDisk[]) { base_disks[3] }, 1);
  advance (&fx, 1);
  ts_monitor_sample (fx.mon);
  g_assert_true (ts_monitor_lookup_disk (fx.mon, "sda") == sda);
  advance (&fx, 61);
  ts_monitor_sample (fx.mon);
  g_assert_null (ts_monitor_lookup_disk (fx.mon, "sda"));
  g_assert_null (ts_monitor_lookup_disk (fx.mon, "loop0"));
  g_assert_nonnull (ts_monitor_lookup_disk (fx.mon, "nvme0n1"));
  fx_clear (&fx);
  g_assert_finalize_object (sda);
}

/* A device reset while listed (a driver reloaded): a counter above 32 bits
 * falls to a small value. */
static void
test_disk_reset (void)
{
  Fx fx;
  FakeDisk d[G_N_ELEMENTS (base_disks)];
  TsDiskStats *sda;

  memcpy (d, base_disks, sizeof d);
  d[1].rsect = 10000000000ull;   /* 5.12 TB read */
  fx_init (&fx);
  put_disks (&fx, d, G_N_ELEMENTS (d));
  ts_monitor_sample (fx.mon);
  sda = ts_monitor_lookup_disk (fx.mon, "sda");

  /* 2 s later: 4000 sectors since the reset = 2048000 bytes = 1024000 B/s. */
  d[1].rsect = 4000;
  put_disks (&fx, d, G_N_ELEMENTS (d));
  advance (&fx, 2);
  ts_monitor_sample (fx.mon);
  g_assert_cmpfloat_with_epsilon (ts_disk_stats_get_read_rate (sda), 1024000.0, EPS);
  g_assert_cmpuint (ts_disk_stats_get_read_bytes (sda), ==, (10000000000ull + 4000) * 512);
  fx_clear (&fx);
}

/* --------------------------------------------------------------- network */

static void
test_net (void)
{
  Fx fx;
  FakeNic n[2];
  TsNetStats *eth0;

  memcpy (n, base_nics, sizeof n);
  fx_init (&fx);
  ts_monitor_sample (fx.mon);
  g_assert_cmpuint (g_list_model_get_n_items (ts_monitor_get_net (fx.mon)), ==, 2);
  eth0 = net (&fx, "eth0");
  g_assert_cmpuint (ts_net_stats_get_bytes_recv (eth0), ==, 1000000);
  g_assert_cmpuint (ts_net_stats_get_errin (eth0), ==, 1);
  g_assert_cmpuint (ts_net_stats_get_dropout (eth0), ==, 4);
  g_assert_true (isnan (ts_net_stats_get_rx_rate (eth0)));

  /* The clock moves 3 s though the interval is 1 s: rx +3000 bytes is
   * 1000 B/s, tx +600 is 200 B/s. */
  ts_monitor_set_interval (fx.mon, 1000);
  n[1].rx += 3000; n[1].tx += 600; n[1].errin += 2; n[1].dropin += 1;
  n[1].rx_packets += 3; n[1].tx_packets += 2;
  put_nics (&fx, n, 2);
  advance (&fx, 3);
  ts_monitor_sample (fx.mon);
  g_assert_cmpfloat_with_epsilon (ts_net_stats_get_rx_rate (eth0), 1000.0, EPS);
  g_assert_cmpfloat_with_epsilon (ts_net_stats_get_tx_rate (eth0), 200.0, EPS);
  g_assert_cmpfloat_with_epsilon (ts_history_get_last (ts_net_stats_get_history (eth0), TS_NET_SERIES_TX),
                                  200.0, EPS);
  g_assert_cmpuint (ts_net_stats_get_bytes_recv (eth0), ==, 1003000);
  g_assert_cmpuint (ts_net_stats_get_bytes_sent (eth0), ==, 300600);
  g_assert_cmpuint (ts_net_stats_get_packets_recv (eth0), ==, 1003);
  g_assert_cmpuint (ts_net_stats_get_packets_sent (eth0), ==, 802);
  g_assert_cmpuint (ts_net_stats_get_errin (eth0), ==, 3);
  g_assert_cmpuint (ts_net_stats_get_dropin (eth0), ==, 3);
  g_assert_cmpuint (ts_net_stats_get_errout (eth0), ==, 3);
  fx_clear (&fx);
}

static void
test_net_wrap (void)
{
  Fx fx;
  FakeNic n[2];
  TsNetStats *eth0;

  memcpy (n, base_nics, sizeof n);
  n[1].rx = 4294967000ull;       /* 296 below 2^32 */
  n[1].tx = 5000000000ull;       /* above 32 bits */
  n[1].errin = 10;
  fx_init (&fx);
  put_nics (&fx, n, 2);
  ts_monitor_sample (fx.mon);
  eth0 = net (&fx, "eth0");

  /* 2 s later rx reads 200: a 32-bit wrap, 296 + 200 = 496 bytes, 248 B/s.
   * tx reads 1000: no 32-bit counter was that high, a reset: 1000 bytes
   * since, 500 B/s.  errin 10 -> 3: too far back for a wrap, a reset. */
  n[1].rx = 200;
  n[1].tx = 1000;
  n[1].errin = 3;
  put_nics (&fx, n, 2);
  advance (&fx, 2);
  ts_monitor_sample (fx.mon);
  g_assert_cmpfloat_with_epsilon (ts_net_stats_get_rx_rate (eth0), 248.0, EPS);
  g_assert_cmpuint (ts_net_stats_get_bytes_recv (eth0), ==, 4294967000ull + 496);
  g_assert_cmpfloat_with_epsilon (ts_net_stats_get_tx_rate (eth0), 500.0, EPS);
  g_assert_cmpuint (ts_net_stats_get_bytes_sent (eth0), ==, 5000000000ull + 1000);
  g_assert_cmpuint (ts_net_stats_get_errin (eth0), ==, 13);

  /* It keeps counting on from there. */
  n[1].rx = 1200;
  put_nics (&fx, n, 2);
  advance (&fx, 1);
  ts_monitor_sample (fx.mon);
  g_assert_cmpfloat_with_epsilon (ts_net_stats_get_rx_rate (eth0), 1000.0, EPS);
  g_assert_cmpuint (ts_net_stats_get_bytes_recv (eth0), ==, 4294967000ull + 1496);
  fx_clear (&fx);
}

/* An interface that goes and comes back (a VPN's tun0 re-created). */
static void
test_net_gone_and_back (void)
{
  Fx fx;
  FakeNic n[3];
  TsNetStats *tun;
  GListModel *model;

  memcpy (n, base_nics, sizeof base_nics);
  n[2] = (FakeNic) { "tun0", 90000, 90, 0, 0, 80000, 80, 0, 0 };
  fx_init (&fx);
  put_nics (&fx, n, 3);
  ts_monitor_sample (fx.mon);
  model = ts_monitor_get_net (fx.mon);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  tun = net (&fx, "tun0");

  put_nics (&fx, n, 2);
  advance (&fx, 1);
  ts_monitor_sample (fx.mon);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpuint (fx.devices_changed, ==, 2);

  n[2].rx = 500;
  n[2].tx = 80500;   /* larger than before: still no rate over the gap */
  put_nics (&fx, n, 3);
  advance (&fx, 1);
  ts_monitor_sample (fx.mon);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_true (net (&fx, "tun0") == tun);
  g_assert_true (isnan (ts_net_stats_get_rx_rate (tun)));
  g_assert_true (isnan (ts_net_stats_get_tx_rate (tun)));
  g_assert_cmpuint (ts_net_stats_get_bytes_recv (tun), ==, 90500);
  g_assert_cmpuint (ts_net_stats_get_bytes_sent (tun), ==, 80500);
  g_assert_cmpuint (ts_history_get_length (ts_net_stats_get_history (tun)), ==, 3);
  fx_clear (&fx);
}

/* ----------------------------------------------------- errors and timing */

/* diskstats unreadable for one sample: devices stay listed, values
 * unknown, and the next rate spans the real time since the last reading. */
static void
test_source_fails (void)
{
  Fx fx;
  FakeDisk d[G_N_ELEMENTS (base_disks)];
  TsDiskStats *sda;
  const GError *error;

  fx_init (&fx);
  ts_monitor_sample (fx.mon);
  sda = ts_monitor_lookup_disk (fx.mon, "sda");

  ts_test_tree_remove (fx.root, "proc/diskstats");
  ts_test_tree_remove (fx.root, "proc/loadavg");
  advance (&fx, 1);
  ts_monitor_sample (fx.mon);
  error = ts_monitor_get_error (fx.mon, TS_MONITOR_SOURCE_DISKS);
  g_assert_error (error, TS_BACKEND_ERROR, TS_BACKEND_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, "diskstats"));
  g_assert_error (ts_monitor_get_error (fx.mon, TS_MONITOR_SOURCE_LOADAVG),
                  TS_BACKEND_ERROR, TS_BACKEND_ERROR_NOT_SUPPORTED);
  g_assert_null (ts_monitor_get_error (fx.mon, TS_MONITOR_SOURCE_CPU));
  g_assert_cmpuint (g_list_model_get_n_items (ts_monitor_get_disks (fx.mon)), ==, 2);
  g_assert_true (isnan (ts_disk_stats_get_read_rate (sda)));
  g_assert_true (isnan (ts_history_get_last (ts_monitor_get_load_history (fx.mon), 0)));
  g_assert_cmpuint (fx.devices_changed, ==, 1);

  /* Back 1.5 s later with 3000 more sectors: 1536000 bytes over the 2.5 s
   * since the last reading, 614400 B/s. */
  memcpy (d, base_disks, sizeof d);
  d[1].rsect += 3000;
  put_disks (&fx, d, G_N_ELEMENTS (d));
  put (&fx, "proc/loadavg", "0.50 1.25 2.00 1/100 4242\n");
  advance (&fx, 1.5);
  ts_monitor_sample (fx.mon);
  g_assert_null (ts_monitor_get_error (fx.mon, TS_MONITOR_SOURCE_DISKS));
  g_assert_null (ts_monitor_get_error (fx.mon, TS_MONITOR_SOURCE_LOADAVG));
  g_assert_cmpfloat_with_epsilon (ts_disk_stats_get_read_rate (sda), 614400.0, EPS);
  fx_clear (&fx);
}

/* One second later at each call. */
static gint64
tick_clock (gpointer data)
{
  gint64 *now = data;

  return *now += SEC (1);
}

static void
test_broken_tree (void)
{
  const char *fixtures = g_getenv ("TS_FIXTURES");
  g_autofree char *proc = NULL, *sys = NULL;
  g_autoptr (TsMonitor) mon = NULL;
  double load[3];
  gint64 now = SEC (5);

  g_assert_nonnull (fixtures);
  proc = g_build_filename (fixtures, "sys-broken", "proc", NULL);
  sys = g_build_filename (fixtures, "sys-broken", "sys", NULL);
  mon = ts_monitor_new (proc, sys);
  ts_monitor_set_clock (mon, tick_clock, &now);
  for (int i = 0; i < 3; i++)
    ts_monitor_sample (mon);

  /* Every source of that tree is broken; each says so, nothing crashes. */
  for (guint s = 0; s < TS_MONITOR_N_SOURCES; s++)
    g_assert_nonnull (ts_monitor_get_error (mon, s));
  g_assert_error (ts_monitor_get_error (mon, TS_MONITOR_SOURCE_CPU), TS_BACKEND_ERROR,
                  TS_BACKEND_ERROR_PARSE);
  g_assert_cmpuint (ts_monitor_get_n_samples (mon), ==, 3);
  g_assert_cmpuint (ts_history_get_length (ts_monitor_get_cpu_history (mon)), ==, 3);
  g_assert_cmpuint (ts_monitor_get_n_cpus (mon), ==, 0);
  g_assert_cmpstr (ts_monitor_get_cpu_model (mon), ==, "");
  g_assert_true (isnan (ts_monitor_get_cpu_usage (mon)));
  g_assert_true (isnan (ts_history_get_last (ts_monitor_get_cpu_history (mon), 0)));
  g_assert_true (isnan (ts_history_get_last (ts_monitor_get_memory_history (mon), 0)));
  g_assert_true (isnan (ts_history_get_last (ts_monitor_get_swap_history (mon), 0)));
  g_assert_cmpuint (ts_monitor_get_memory_total (mon), ==, 0);
  ts_monitor_get_loadavg (mon, load);
  g_assert_true (isnan (load[0]));
  g_assert_cmpuint (g_list_model_get_n_items (ts_monitor_get_disks (mon)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ts_monitor_get_net (mon)), ==, 0);
  g_assert_cmpuint (ts_monitor_get_n_freqs (mon), ==, 0);
}

static void
test_clock_and_span (void)
{
  Fx fx;
  TsHistory *cpu, *disk;

  fx_init (&fx);
  g_assert_cmpint (ts_monitor_get_span (fx.mon), ==, SEC (60));
  ts_monitor_sample (fx.mon);
  /* The same time again (or earlier): ignored. */
  ts_monitor_sample (fx.mon);
  fx.clock.now -= 5;
  ts_monitor_sample (fx.mon);
  g_assert_cmpuint (ts_monitor_get_n_samples (fx.mon), ==, 1);
  g_assert_cmpuint (fx.changed, ==, 1);
  fx.clock.now += 5;

  /* 2 minutes of samples 10 s apart, span 2 min: all 13 kept. */
  ts_monitor_set_span (fx.mon, SEC (120));
  for (int i = 0; i < 12; i++)
    {
      advance (&fx, 10);
      ts_monitor_sample (fx.mon);
    }
  cpu = ts_monitor_get_cpu_history (fx.mon);
  disk = ts_disk_stats_get_history (ts_monitor_lookup_disk (fx.mon, "sda"));
  g_assert_cmpuint (ts_history_get_length (cpu), ==, 13);
  g_assert_cmpuint (ts_history_get_length (disk), ==, 13);

  /* Down to 1 min: the last 60 s (7 samples, 0..60 s back) and nothing
   * older, since the oldest kept is exactly at the edge. */
  ts_monitor_set_span (fx.mon, SEC (60));
  g_assert_cmpuint (ts_history_get_length (cpu), ==, 7);
  g_assert_cmpuint (ts_history_get_length (disk), ==, 7);
  g_assert_cmpuint (ts_history_get_length (ts_monitor_get_core_history (fx.mon, 0)), ==, 7);
  g_assert_cmpuint (ts_history_get_length (ts_net_stats_get_history (net (&fx, "eth0"))), ==, 7);
  g_assert_cmpint (ts_history_get_time (cpu, 0), ==, fx.clock.now - SEC (60));

  /* Clamped to 1..10 min. */
  ts_monitor_set_span (fx.mon, SEC (5));
  g_assert_cmpint (ts_monitor_get_span (fx.mon), ==, SEC (60));
  ts_monitor_set_span (fx.mon, SEC (3600));
  g_assert_cmpint (ts_monitor_get_span (fx.mon), ==, SEC (600));
  g_assert_cmpint (ts_history_get_span (disk), ==, SEC (600));
  g_object_set (fx.mon, "span", SEC (90), NULL);
  g_assert_cmpint (ts_history_get_span (cpu), ==, SEC (90));
  fx_clear (&fx);
}

static gboolean
quit_after_three (gpointer data)
{
  Fx *fx = data;

  return fx->changed < 3;
}

static void
test_timer (void)
{
  Fx fx;
  GMainContext *ctx = g_main_context_default ();

  fx_init (&fx);
  /* The real clock: the timer's samples must be after each other. */
  ts_monitor_set_clock (fx.mon, NULL, NULL);
  ts_monitor_set_interval (fx.mon, 1);
  g_assert_cmpuint (ts_monitor_get_interval (fx.mon), ==, 250);
  ts_monitor_start (fx.mon);
  g_assert_true (ts_monitor_get_running (fx.mon));
  g_assert_cmpuint (fx.changed, ==, 1);   /* the first sample at once */
  while (quit_after_three (&fx))
    g_main_context_iteration (ctx, TRUE);
  ts_monitor_stop (fx.mon);
  g_assert_false (ts_monitor_get_running (fx.mon));
  g_assert_cmpuint (ts_monitor_get_n_samples (fx.mon), ==, 3);
  /* Sampled against the real clock: the CPU history's times go up. */
  g_assert_cmpint (ts_history_get_time (ts_monitor_get_cpu_history (fx.mon), 2), >,
                   ts_history_get_time (ts_monitor_get_cpu_history (fx.mon), 1));
  fx_clear (&fx);
}

/* The window's wiring: the process list's tick drives the monitor, so both
 * share one cadence.  The fake clock is the same for both. */
static void
on_refreshed (TsProcessList *list, gpointer data)
{
  (void) list;
  ts_monitor_sample (TS_MONITOR (data));
}

static void
test_driven_by_process_list (void)
{
  Fx fx;
  g_autoptr (TsProcessList) list = NULL;
  FakeNic n[2];

  fx_init (&fx);
  list = ts_process_list_new (fx.proc, fx.sys);
  ts_process_list_set_clock (list, ts_test_clock_func, &fx.clock);
  g_signal_connect (list, "refreshed", G_CALLBACK (on_refreshed), fx.mon);

  ts_process_list_refresh_sync (list);
  memcpy (n, base_nics, sizeof n);
  n[1].rx += 4000;
  put_nics (&fx, n, 2);
  advance (&fx, 2);
  ts_process_list_refresh_sync (list);
  g_assert_cmpuint (ts_monitor_get_n_samples (fx.mon), ==, 2);
  g_assert_cmpfloat_with_epsilon (ts_net_stats_get_rx_rate (net (&fx, "eth0")), 2000.0, EPS);
  g_assert_false (ts_monitor_get_running (fx.mon));
  g_clear_object (&list);
  fx_clear (&fx);
}

static void
test_live (void)
{
  g_autoptr (TsMonitor) mon = ts_monitor_new (NULL, NULL);

  ts_monitor_sample (mon);
  g_usleep (20000);
  ts_monitor_sample (mon);
  g_assert_no_error ((GError *) ts_monitor_get_error (mon, TS_MONITOR_SOURCE_CPU));
  g_assert_no_error ((GError *) ts_monitor_get_error (mon, TS_MONITOR_SOURCE_MEMORY));
  g_assert_no_error ((GError *) ts_monitor_get_error (mon, TS_MONITOR_SOURCE_NET));
  g_assert_cmpuint (ts_monitor_get_n_cpus (mon), ==, (guint) sysconf (_SC_NPROCESSORS_ONLN));
  g_assert_cmpuint (ts_monitor_get_memory_total (mon), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ts_monitor_get_net (mon)), >=, 1);
  g_assert_nonnull (ts_monitor_lookup_net (mon, "lo"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/monitor/cpu", test_cpu);
  g_test_add_func ("/monitor/memory-load-freq", test_memory_load_freq);
  g_test_add_func ("/monitor/disks", test_disks);
  g_test_add_func ("/monitor/disk-gone-and-back", test_disk_gone_and_back);
  g_test_add_func ("/monitor/disk-reset", test_disk_reset);
  g_test_add_func ("/monitor/net", test_net);
  g_test_add_func ("/monitor/net-wrap", test_net_wrap);
  g_test_add_func ("/monitor/net-gone-and-back", test_net_gone_and_back);
  g_test_add_func ("/monitor/source-fails", test_source_fails);
  g_test_add_func ("/monitor/broken-tree", test_broken_tree);
  g_test_add_func ("/monitor/clock-and-span", test_clock_and_span);
  g_test_add_func ("/monitor/timer", test_timer);
  g_test_add_func ("/monitor/driven-by-process-list", test_driven_by_process_list);
  g_test_add_func ("/monitor/live", test_live);
  return g_test_run ();
}
