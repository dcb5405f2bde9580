/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The system side of the Linux platform layer: the parsers on their own,
 * then every reader against the fixture trees written by
 * tests/fixtures/gen-sys.py, then a sanity check on the live /proc.
 *
 * Expected values are written from the fixture files' numbers and psutil's
 * formulas, never from the code under test: bytes are "kB * 1024" or
 * "sectors * 512" spelled out, seconds are "ticks / 100" (USER_HZ).
 */
#define G_LOG_DOMAIN "test-system"
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ts-platform.h"
#include "ts-linux-sysparse.h"

#define EPS 1e-9

/* ---------------------------------------------------------------- helpers */

typedef struct
{
  TsPlatform *platform;
  char       *proc;
  char       *sys;
} Fixture;

static void
fixture_open (Fixture *f, const char *tree)
{
  TsPlatformError err;

  f->proc = g_build_filename (TS_FIXTURES, tree, "proc", NULL);
  f->sys = g_build_filename (TS_FIXTURES, tree, "sys", NULL);
  g_assert_true (g_file_test (f->proc, G_FILE_TEST_IS_DIR));
  ts_platform_error_clear (&err);
  f->platform = ts_platform_new (f->proc, f->sys, &err);
  g_assert_nonnull (f->platform);
}

static void
fixture_close (Fixture *f)
{
  ts_platform_free (f->platform);
  g_free (f->proc);
  g_free (f->sys);
}

/* Parser input without a terminating NUL, in a block of exactly len bytes,
 * so valgrind or ASan see any read past the end. */
static char *
exact_copy (const char *data, size_t len)
{
  char *p = g_malloc (len ? len : 1);

  if (len)
    memcpy (p, data, len);
  return p;
}

static gboolean
parse_stat_str (const char *text, TsLinuxProcStat *st, TsLinuxCpuTicks *cpus, size_t max)
{
  size_t len = strlen (text);
  g_autofree char *buf = exact_copy (text, len);

  return ts_linux_parse_proc_stat (buf, len, st, cpus, max);
}

static void
assert_error (const TsPlatformError *err,
              TsPlatformErrorKind    kind,
              int                    os_errno,
              const char            *call,
              const char            *path)
{
  char text[512];

  ts_platform_error_format (err, text, sizeof text);
  g_test_message ("error: %s", text);
  g_assert_cmpint (err->kind, ==, kind);
  g_assert_cmpint (err->os_errno, ==, os_errno);
  g_assert_cmpstr (err->call, ==, call);
  g_assert_cmpstr (err->path, ==, path);
}

/* -------------------------------------------------------------- /proc/stat */

static void
test_parse_stat (void)
{
  TsLinuxProcStat st;
  TsLinuxCpuTicks cpus[4];

  /* 10 fields on the total, 7 on an old-style cpu line, a gap in the
   * numbering (cpu2 offline), btime after the cpu lines. */
  g_assert_true (parse_stat_str ("cpu  10 20 30 40 50 60 70 80 90 100\n"
                                 "cpu0 1 2 3 4 5 6 7\n"
                                 "cpu1 11 12 13 14 15 16 17 18 19 20 21 22\n"
                                 "cpu3 5 6 7 8\n"
                                 "intr 1 2 3\n"
                                 "btime 1700000000\n",
                                 &st, cpus, G_N_ELEMENTS (cpus)));
  g_assert_cmpint (st.total.cpu, ==, -1);
  g_assert_cmpuint (st.total.n_fields, ==, 10);
  g_assert_cmpuint (st.total.ticks[0], ==, 10);
  g_assert_cmpuint (st.total.ticks[9], ==, 100);
  g_assert_cmpuint (st.n_cpu, ==, 3);
  g_assert_cmpint (cpus[0].cpu, ==, 0);
  g_assert_cmpuint (cpus[0].n_fields, ==, 7);
  g_assert_cmpuint (cpus[0].ticks[6], ==, 7);
  g_assert_cmpuint (cpus[0].ticks[7], ==, 0);
  g_assert_cmpuint (cpus[1].n_fields, ==, 10);   /* extra fields ignored */
  g_assert_cmpuint (cpus[1].ticks[9], ==, 20);
  g_assert_cmpint (cpus[2].cpu, ==, 3);
  g_assert_cmpuint (cpus[2].n_fields, ==, 4);
  g_assert_true (st.have_btime);
  g_assert_cmpuint (st.btime, ==, 1700000000);

  /* More cpu lines than room: counted, not written. */
  memset (cpus, 0xAB, sizeof cpus);
  g_assert_true (parse_stat_str ("cpu 1 2 3 4\ncpu0 1 1 1 1\ncpu1 2 2 2 2\ncpu2 3 3 3 3\n",
                                 &st, cpus, 1));
  g_assert_cmpuint (st.n_cpu, ==, 3);
  g_assert_cmpuint (cpus[0].ticks[0], ==, 1);
  g_assert_cmpuint (cpus[1].ticks[0], ==, 0xABABABABABABABABull);
  g_assert_false (st.have_btime);
  g_assert_true (parse_stat_str ("cpu 1 2 3 4\ncpu0 1 1 1 1\n", &st, NULL, 0));
  g_assert_cmpuint (st.n_cpu, ==, 1);

  /* No total line; a total too short; a cut cpu line; a non-number. */
  g_assert_false (parse_stat_str ("cpu0 1 2 3 4\nbtime 5\n", &st, cpus, 4));
  g_assert_true (st.have_btime);
  g_assert_cmpuint (st.btime, ==, 5);
  g_assert_false (parse_stat_str ("cpu 1 2 3\n", &st, cpus, 4));
  g_assert_false (parse_stat_str ("cpu 1 2 3 4\ncpu0 1 2", &st, cpus, 4));
  g_assert_false (parse_stat_str ("cpu 1 2 x 4\n", &st, cpus, 4));
  g_assert_false (parse_stat_str ("", &st, cpus, 4));
  g_assert_false (ts_linux_parse_proc_stat (NULL, 0, &st, cpus, 4));
  /* "cpufreq" and "cpu-1" are not cpu lines. */
  g_assert_true (parse_stat_str ("cpu 1 2 3 4\ncpufreq 9\ncpu-1 1 2 3 4\n", &st, cpus, 4));
  g_assert_cmpuint (st.n_cpu, ==, 0);
  /* Saturates instead of wrapping. */
  g_assert_true (parse_stat_str ("cpu 99999999999999999999999 2 3 4\n", &st, NULL, 0));
  g_assert_cmpuint (st.total.ticks[0], ==, G_MAXUINT64);
  /* A btime with garbage is not a btime. */
  g_assert_true (parse_stat_str ("cpu 1 2 3 4\nbtime 12x\n", &st, NULL, 0));
  g_assert_false (st.have_btime);
}

/* ----------------------------------------------------------- /proc/meminfo */

static void
test_parse_meminfo (void)
{
  static const char text[] =
    "MemTotal:        1000 kB\n"
    "MemFree:          200 kB\n"
    "Active(file):      30 kB\n"
    "HugePages_Total:    7\n"
    "Bogus\n"
    "Cached:  notanumber kB\n"
    "Slab:   99999999999999999999 kB\n"
    "Buffers:\n"
    "SwapTotal: 5";  /* cut: no unit, no newline */
  g_autofree char *buf = exact_copy (text, strlen (text));
  TsLinuxMeminfo m;

  g_assert_true (ts_linux_parse_meminfo (buf, strlen (text), &m));
  g_assert_true (TS_LINUX_MEMINFO_HAS (&m, TS_LINUX_MEM_TOTAL));
  g_assert_cmpuint (m.bytes[TS_LINUX_MEM_TOTAL], ==, 1000 * 1024);
  g_assert_cmpuint (m.bytes[TS_LINUX_MEM_FREE], ==, 200 * 1024);
  g_assert_cmpuint (m.bytes[TS_LINUX_MEM_ACTIVE_FILE], ==, 30 * 1024);
  g_assert_false (TS_LINUX_MEMINFO_HAS (&m, TS_LINUX_MEM_ACTIVE));
  g_assert_false (TS_LINUX_MEMINFO_HAS (&m, TS_LINUX_MEM_CACHED));
  g_assert_false (TS_LINUX_MEMINFO_HAS (&m, TS_LINUX_MEM_BUFFERS));
  g_assert_cmpuint (m.bytes[TS_LINUX_MEM_SLAB], ==, G_MAXUINT64);
  g_assert_cmpuint (m.bytes[TS_LINUX_MEM_SWAP_TOTAL], ==, 5 * 1024);

  g_assert_false (ts_linux_parse_meminfo ("", 0, &m));
  g_assert_false (ts_linux_parse_meminfo ("Foo: 1 kB\nBar: 2 kB\n", 20, &m));
  /* A later duplicate wins, as in psutil's dict. */
  g_assert_true (ts_linux_parse_meminfo ("MemFree: 1 kB\nMemFree: 2 kB\n", 28, &m));
  g_assert_cmpuint (m.bytes[TS_LINUX_MEM_FREE], ==, 2048);
}

static void
test_parse_vmstat_zoneinfo (void)
{
  static const char vm[] = "nr_free_pages 1\npswpin_x 5\npswpin 12\npgfault 3\npswpout 34\npswpin 99\n";
  static const char zone[] = "Node 0, zone DMA\n  low 5\n  lowmem 9\n  high 7\nNode 0, zone Normal\n        low      100\n low x\n";
  uint64_t in, out, low;

  g_assert_true (ts_linux_parse_vmstat_swap (vm, strlen (vm), &in, &out));
  g_assert_cmpuint (in, ==, 12);
  g_assert_cmpuint (out, ==, 34);
  g_assert_false (ts_linux_parse_vmstat_swap ("pswpin 1\n", 9, &in, &out));
  g_assert_cmpuint (in, ==, 0);
  g_assert_false (ts_linux_parse_vmstat_swap ("pswpin\npswpout\n", 15, &in, &out));

  g_assert_true (ts_linux_parse_zoneinfo_low (zone, strlen (zone), &low));
  g_assert_cmpuint (low, ==, 105);
  g_assert_false (ts_linux_parse_zoneinfo_low ("high 5\n", 7, &low));
}

/* ----------------------------------------------------------- /proc/loadavg */

static void
test_parse_loadavg (void)
{
  double l[3];
  const char *comma_locales[] = { "de_DE.UTF-8", "fr_FR.UTF-8", "C.UTF-8" };
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));

  g_assert_true (ts_linux_parse_loadavg ("0.52 0.58 0.59 2/1234 56789\n", 28, l));
  g_assert_cmpfloat (l[0], ==, 0.52);
  g_assert_cmpfloat (l[1], ==, 0.58);
  g_assert_cmpfloat (l[2], ==, 0.59);
  g_assert_true (ts_linux_parse_loadavg ("12.25 100.00 3", 14, l));
  g_assert_cmpfloat (l[0], ==, 12.25);
  g_assert_cmpfloat (l[1], ==, 100.0);
  g_assert_cmpfloat (l[2], ==, 3.0);

  /* The kernel's '.' whatever LC_NUMERIC says. */
  for (gsize i = 0; i < G_N_ELEMENTS (comma_locales); i++)
    if (setlocale (LC_NUMERIC, comma_locales[i]) != NULL)
      {
        g_assert_true (ts_linux_parse_loadavg ("1.50 0.25 0.125\n", 16, l));
        g_assert_cmpfloat (l[0], ==, 1.5);
        g_assert_cmpfloat (l[2], ==, 0.125);
      }
  setlocale (LC_NUMERIC, saved);

  g_assert_false (ts_linux_parse_loadavg ("0.52 0.58", 9, l));
  g_assert_cmpfloat (l[0], ==, 0.0);
  g_assert_false (ts_linux_parse_loadavg ("0.52 0,58 0.59\n", 15, l));
  g_assert_false (ts_linux_parse_loadavg ("1.2.3 1 1\n", 10, l));
  g_assert_false (ts_linux_parse_loadavg (". 1 1\n", 6, l));
  g_assert_false (ts_linux_parse_loadavg ("", 0, l));
  /* Only the first line counts. */
  g_assert_false (ts_linux_parse_loadavg ("1\n2 3\n", 6, l));
  /* The buffer ends where len says, even in the middle of a number. */
  g_assert_true (ts_linux_parse_loadavg ("1.5 2.5 3.59999", 11, l));
  g_assert_cmpfloat (l[2], ==, 3.5);
}

/* --------------------------------------------------------- /proc/diskstats */

static void
test_parse_diskstats (void)
{
  static const char text[] =
    /* 20 fields (5.5+) */
    "   8       0 sda 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17\n"
    /* 18 fields (4.18+) */
    " 179       0 mmcblk0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15\n"
    /* 14 fields (2.6+) */
    "  11       0 sr0 1 2 3 4 5 6 7 8 9 10 11\n"
    /* 7 fields (2.6 partition) */
    "   3       1 hda1 10 20 30 40\n"
    /* 15 fields (2.4): the name is the 4th */
    "   3       0 100 hdb 2 3 4 5 6 7 8 9 10 11 12\n"
    /* more than 20: future counters ignored */
    " 259       0 nvme0n1 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19\n"
    /* short, garbage, bad numbers, blank */
    "   8      16 sdb 1 2 3\n"
    "\n"
    "garbage\n"
    "   8 32 sdc 1 2 x 4 5 6 7 8 9 10 11\n"
    "  -1 0 sdd 1 2 3 4 5 6 7 8 9 10 11\n"
    /* 19 fields, no newline: read like 18, as psutil reads anything >= 18 */
    "   8 48 sde 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16";
  g_autofree char *buf = exact_copy (text, strlen (text));
  TsLinuxDiskStat d[8];
  size_t n = 0;

  g_assert_true (ts_linux_parse_diskstats (buf, strlen (text), d, G_N_ELEMENTS (d), &n));
  g_assert_cmpuint (n, ==, 7);

  g_assert_cmpstr (d[0].name, ==, "sda");
  g_assert_cmpuint (d[0].major, ==, 8);
  g_assert_cmpuint (d[0].n_stats, ==, 17);
  g_assert_cmpuint (d[0].reads, ==, 1);
  g_assert_cmpuint (d[0].reads_merged, ==, 2);
  g_assert_cmpuint (d[0].read_sectors, ==, 3);
  g_assert_cmpuint (d[0].read_ms, ==, 4);
  g_assert_cmpuint (d[0].writes, ==, 5);
  g_assert_cmpuint (d[0].writes_merged, ==, 6);
  g_assert_cmpuint (d[0].write_sectors, ==, 7);
  g_assert_cmpuint (d[0].write_ms, ==, 8);
  g_assert_cmpuint (d[0].in_flight, ==, 9);
  g_assert_cmpuint (d[0].io_ticks_ms, ==, 10);
  g_assert_cmpuint (d[0].weighted_ms, ==, 11);
  g_assert_cmpuint (d[0].discards, ==, 12);
  g_assert_cmpuint (d[0].discard_ms, ==, 15);
  g_assert_cmpuint (d[0].flushes, ==, 16);
  g_assert_cmpuint (d[0].flush_ms, ==, 17);

  g_assert_cmpstr (d[1].name, ==, "mmcblk0");
  g_assert_cmpuint (d[1].n_stats, ==, 15);
  g_assert_cmpuint (d[1].discard_ms, ==, 15);
  g_assert_cmpuint (d[1].flushes, ==, 0);

  g_assert_cmpstr (d[2].name, ==, "sr0");
  g_assert_cmpuint (d[2].n_stats, ==, 11);
  g_assert_cmpuint (d[2].io_ticks_ms, ==, 10);
  g_assert_cmpuint (d[2].discards, ==, 0);

  g_assert_cmpstr (d[3].name, ==, "hda1");
  g_assert_cmpuint (d[3].n_stats, ==, 4);
  g_assert_cmpuint (d[3].reads, ==, 10);
  g_assert_cmpuint (d[3].read_sectors, ==, 20);
  g_assert_cmpuint (d[3].writes, ==, 30);
  g_assert_cmpuint (d[3].write_sectors, ==, 40);
  g_assert_cmpuint (d[3].read_ms, ==, 0);
  g_assert_cmpuint (d[3].io_ticks_ms, ==, 0);

  /* psutil's 2.4 reading: reads from the 3rd field, the rest from the
   * 5th on, busy from the 13th; the 15th is ignored. */
  g_assert_cmpstr (d[4].name, ==, "hdb");
  g_assert_cmpuint (d[4].reads, ==, 100);
  g_assert_cmpuint (d[4].reads_merged, ==, 2);
  g_assert_cmpuint (d[4].read_sectors, ==, 3);
  g_assert_cmpuint (d[4].write_sectors, ==, 7);
  g_assert_cmpuint (d[4].write_ms, ==, 8);
  g_assert_cmpuint (d[4].io_ticks_ms, ==, 10);
  g_assert_cmpuint (d[4].weighted_ms, ==, 11);

  g_assert_cmpstr (d[6].name, ==, "sde");
  g_assert_cmpuint (d[6].n_stats, ==, 15);

  g_assert_cmpstr (d[5].name, ==, "nvme0n1");
  g_assert_cmpuint (d[5].n_stats, ==, 17);
  g_assert_cmpuint (d[5].flush_ms, ==, 17);

  /* Counted beyond max, written up to it. */
  g_assert_true (ts_linux_parse_diskstats (buf, strlen (text), d, 2, &n));
  g_assert_cmpuint (n, ==, 7);
  g_assert_true (ts_linux_parse_diskstats (buf, strlen (text), NULL, 0, &n));
  g_assert_cmpuint (n, ==, 7);

  /* Nothing but garbage: false.  Nothing at all: an empty list. */
  g_assert_false (ts_linux_parse_diskstats ("a b c\n1 2\n", 10, d, 8, &n));
  g_assert_cmpuint (n, ==, 0);
  g_assert_true (ts_linux_parse_diskstats ("\n\n", 2, d, 8, &n));
  g_assert_cmpuint (n, ==, 0);
  g_assert_true (ts_linux_parse_diskstats ("", 0, d, 8, &n));

  /* A name longer than the field is skipped, not cut. */
  {
    g_autofree char *line = g_strdup_printf ("8 0 %s 1 2 3 4 5 6 7 8 9 10 11\n", "0123456789012345678901234567890123456789012345678901234567890123456789");

    g_assert_false (ts_linux_parse_diskstats (line, strlen (line), d, 8, &n));
  }
}

/* ----------------------------------------------------------- /proc/net/dev */

static void
test_parse_net_dev (void)
{
  static const char text[] =
    "Inter-|   Receive                                                |  Transmit\n"
    " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n"
    "    lo:  100 2 0 0 0 0 0 0  100 2 0 0 0 0 0 0\n"
    "  eth0:12345678901 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17\n"
    "eth0.1:1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n"
    "  a:b: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n"
    " short: 1 2 3\n"
    "   bad: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 x\n"
    "      : 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n";
  g_autofree char *buf = exact_copy (text, strlen (text));
  TsLinuxNetDev d[8];
  size_t n = 0;

  g_assert_true (ts_linux_parse_net_dev (buf, strlen (text), d, G_N_ELEMENTS (d), &n));
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpstr (d[0].name, ==, "lo");
  g_assert_cmpuint (d[0].rx_bytes, ==, 100);
  g_assert_cmpuint (d[0].tx_packets, ==, 2);
  g_assert_cmpstr (d[1].name, ==, "eth0");
  g_assert_cmpuint (d[1].rx_bytes, ==, 12345678901ull);
  g_assert_cmpuint (d[1].rx_packets, ==, 3);
  g_assert_cmpuint (d[1].rx_errs, ==, 4);
  g_assert_cmpuint (d[1].rx_drop, ==, 5);
  g_assert_cmpuint (d[1].rx_fifo, ==, 6);
  g_assert_cmpuint (d[1].rx_frame, ==, 7);
  g_assert_cmpuint (d[1].rx_compressed, ==, 8);
  g_assert_cmpuint (d[1].rx_multicast, ==, 9);
  g_assert_cmpuint (d[1].tx_bytes, ==, 10);
  g_assert_cmpuint (d[1].tx_packets, ==, 11);
  g_assert_cmpuint (d[1].tx_errs, ==, 12);
  g_assert_cmpuint (d[1].tx_drop, ==, 13);
  g_assert_cmpuint (d[1].tx_fifo, ==, 14);
  g_assert_cmpuint (d[1].tx_colls, ==, 15);
  g_assert_cmpuint (d[1].tx_carrier, ==, 16);
  g_assert_cmpuint (d[1].tx_compressed, ==, 17);
  g_assert_cmpstr (d[2].name, ==, "eth0.1");
  g_assert_cmpuint (d[2].rx_bytes, ==, 1);
  /* The last colon ends the name. */
  g_assert_cmpstr (d[3].name, ==, "a:b");
  g_assert_cmpuint (d[3].tx_compressed, ==, 16);

  g_assert_true (ts_linux_parse_net_dev (buf, strlen (text), d, 1, &n));
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpstr (d[0].name, ==, "lo");

  /* Headers only: an empty list.  Bad interface lines only: false. */
  g_assert_true (ts_linux_parse_net_dev (text, (size_t) (strstr (text, "    lo:") - text), d, 8, &n));
  g_assert_cmpuint (n, ==, 0);
  g_assert_false (ts_linux_parse_net_dev (" eth0: 1 2\n", 11, d, 8, &n));
  g_assert_true (ts_linux_parse_net_dev ("", 0, d, 8, &n));
}

/* ----------------------------------------------------------- /proc/cpuinfo */

static void
test_parse_cpuinfo (void)
{
  static const char x86[] =
    "processor\t: 0\nvendor_id\t: GenuineIntel\ncpu MHz\t\t: 2700.000\nphysical id\t: 0\ncore id\t\t: 0\n\n"
    "processor\t: 1\ncpu MHz\t\t: 1799.998\nphysical id\t: 0\ncore id\t\t: 1\n\n"
    /* no blank line before the next block */
    "processor\t: 2\nCPU MHz : 800\nphysical id : 1\ncore id : 0\n"
    "processor\t: 3\ncpu MHz\t\t: fast\n";
  /* Old ARM: a "Processor" header that is no CPU number, no MHz. */
  static const char arm[] =
    "Processor\t: ARMv7 Processor rev 10 (v7l)\n"
    "processor\t: 0\nBogoMIPS\t: 38.40\n\n"
    "processor\t: 1\nBogoMIPS\t: 38.40\n\n"
    "Hardware\t: BCM2709\n";
  g_autofree char *buf = exact_copy (x86, strlen (x86));
  TsLinuxCpuinfo c[8];
  size_t n = 0;

  g_assert_true (ts_linux_parse_cpuinfo (buf, strlen (x86), c, G_N_ELEMENTS (c), &n));
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpint (c[0].processor, ==, 0);
  g_assert_cmpfloat (c[0].mhz, ==, 2700.0);
  g_assert_cmpint (c[0].physical_id, ==, 0);
  g_assert_cmpint (c[0].core_id, ==, 0);
  g_assert_cmpint (c[1].processor, ==, 1);
  g_assert_cmpfloat (c[1].mhz, ==, 1799.998);
  g_assert_cmpint (c[1].core_id, ==, 1);
  g_assert_cmpint (c[2].processor, ==, 2);
  g_assert_cmpfloat (c[2].mhz, ==, 800.0);
  g_assert_cmpint (c[2].physical_id, ==, 1);
  g_assert_cmpint (c[3].processor, ==, 3);
  g_assert_cmpfloat (c[3].mhz, <, 0.0);
  g_assert_cmpint (c[3].physical_id, ==, -1);

  g_assert_true (ts_linux_parse_cpuinfo (arm, strlen (arm), c, G_N_ELEMENTS (c), &n));
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (c[0].processor, ==, 0);
  g_assert_cmpint (c[1].processor, ==, 1);
  g_assert_cmpfloat (c[1].mhz, <, 0.0);

  g_assert_true (ts_linux_parse_cpuinfo (x86, strlen (x86), c, 1, &n));
  g_assert_cmpuint (n, ==, 4);
  g_assert_false (ts_linux_parse_cpuinfo ("vendor_id : x\n\n", 15, c, 8, &n));
  g_assert_cmpuint (n, ==, 0);
  g_assert_false (ts_linux_parse_cpuinfo ("", 0, c, 8, &n));
}

static void
test_parse_cpuinfo_model (void)
{
  static const char x86[] =
    "processor\t: 0\ncpu family\t: 6\ncpu MHz\t\t: 2700.000\n"
    "model name\t: Intel(R) Core(TM) i5-7200U CPU @ 2.50GHz  \n\n"
    "processor\t: 1\nmodel name\t: other\n";
  /* Old ARM: the "Processor" header; "processor" (the number) is no name. */
  static const char arm[] =
    "Processor\t: ARMv7 Processor rev 10 (v7l)\nprocessor\t: 0\n\nHardware\t: BCM2709\n";
  /* "model name" wins over an earlier fallback key; an empty one is skipped. */
  static const char mixed[] = "cpu\t\t: POWER9\nmodel name\t:\nmodel name : Real One";
  g_autofree char *buf = exact_copy (x86, strlen (x86));
  char out[64];
  char tiny[6];

  g_assert_true (ts_linux_parse_cpuinfo_model (buf, strlen (x86), out, sizeof out));
  g_assert_cmpstr (out, ==, "Intel(R) Core(TM) i5-7200U CPU @ 2.50GHz");
  g_assert_true (ts_linux_parse_cpuinfo_model (arm, strlen (arm), out, sizeof out));
  g_assert_cmpstr (out, ==, "ARMv7 Processor rev 10 (v7l)");
  g_assert_true (ts_linux_parse_cpuinfo_model (mixed, strlen (mixed), out, sizeof out));
  g_assert_cmpstr (out, ==, "Real One");
  g_assert_true (ts_linux_parse_cpuinfo_model ("cpu : POWER9 (raw)\n", 19, out, sizeof out));
  g_assert_cmpstr (out, ==, "POWER9 (raw)");
  /* Cut to the buffer, always terminated. */
  g_assert_true (ts_linux_parse_cpuinfo_model (x86, strlen (x86), tiny, sizeof tiny));
  g_assert_cmpstr (tiny, ==, "Intel");
  /* Keys that only start like one: no name. */
  g_assert_false (ts_linux_parse_cpuinfo_model ("cpu MHz : 800\ncpu family : 6\n", 30, out, sizeof out));
  g_assert_cmpstr (out, ==, "");
  g_assert_false (ts_linux_parse_cpuinfo_model ("", 0, out, sizeof out));
  g_assert_false (ts_linux_parse_cpuinfo_model (x86, strlen (x86), out, 0));
}

static void
test_count_lines (void)
{
  g_assert_cmpuint (ts_linux_count_lines ("", 0), ==, 0);
  g_assert_cmpuint (ts_linux_count_lines ("a", 1), ==, 1);
  g_assert_cmpuint (ts_linux_count_lines ("a\n", 2), ==, 1);
  g_assert_cmpuint (ts_linux_count_lines ("a\nb", 3), ==, 2);
  g_assert_cmpuint (ts_linux_count_lines ("\n\n\n", 3), ==, 3);
  g_assert_cmpuint (ts_linux_count_lines (NULL, 5), ==, 0);
}

/* Every parser over every prefix of the fixture files and over random
 * bytes, each in an exactly-sized block.  What it checks is that nothing
 * crashes or reads past the end (run under valgrind or -Db_sanitize). */
static void
feed_all_parsers (const char *data, size_t len)
{
  char *buf = exact_copy (data, len);
  TsLinuxProcStat st;
  TsLinuxCpuTicks cpus[4];
  TsLinuxMeminfo mem;
  TsLinuxDiskStat disks[4];
  TsLinuxNetDev nics[4];
  TsLinuxCpuinfo info[4];
  char model[16];
  uint64_t a, b;
  double l[3];
  size_t n;

  (void) ts_linux_parse_proc_stat (buf, len, &st, cpus, G_N_ELEMENTS (cpus));
  (void) ts_linux_parse_meminfo (buf, len, &mem);
  (void) ts_linux_parse_vmstat_swap (buf, len, &a, &b);
  (void) ts_linux_parse_zoneinfo_low (buf, len, &a);
  (void) ts_linux_parse_loadavg (buf, len, l);
  if (ts_linux_parse_diskstats (buf, len, disks, G_N_ELEMENTS (disks), &n))
    for (size_t i = 0; i < MIN (n, G_N_ELEMENTS (disks)); i++)
      g_assert_cmpuint (strlen (disks[i].name), <, sizeof disks[i].name);
  if (ts_linux_parse_net_dev (buf, len, nics, G_N_ELEMENTS (nics), &n))
    for (size_t i = 0; i < MIN (n, G_N_ELEMENTS (nics)); i++)
      g_assert_cmpuint (strlen (nics[i].name), <, sizeof nics[i].name);
  (void) ts_linux_parse_cpuinfo (buf, len, info, G_N_ELEMENTS (info), &n);
  if (ts_linux_parse_cpuinfo_model (buf, len, model, sizeof model))
    g_assert_cmpuint (strlen (model), >, 0);
  (void) ts_linux_count_lines (buf, len);
  g_free (buf);
}

static void
test_parse_robust (void)
{
  static const char *const files[] = {
    "sys-basic/proc/stat", "sys-basic/proc/meminfo", "sys-basic/proc/vmstat",
    "sys-basic/proc/loadavg", "sys-basic/proc/diskstats", "sys-basic/proc/net/dev",
    "sys-basic/proc/cpuinfo", "sys-nocpufreq/proc/zoneinfo",
    "sys-nocpufreq/proc/diskstats", "sys-broken/proc/diskstats",
  };
  static const char alphabet[] = "0123456789 \t\n:.cpu kBbtimelowpswpin\x00\xff-";
  GRand *rand = g_rand_new_with_seed (20240229);

  for (gsize f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autofree char *path = g_build_filename (TS_FIXTURES, files[f], NULL);
      g_autofree char *data = NULL;
      gsize len = 0;

      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      /* Every prefix of the short files; a stride through the long ones. */
      for (gsize cut = 0; cut <= len; cut += len > 3000 ? 7 : 1)
        feed_all_parsers (data, cut);
      /* Single-byte damage. */
      for (int i = 0; i < 200 && len > 0; i++)
        {
          gsize at = (gsize) g_rand_int_range (rand, 0, (gint32) len);
          char saved = data[at];

          data[at] = alphabet[g_rand_int_range (rand, 0, (gint32) sizeof alphabet - 1)];
          feed_all_parsers (data, len);
          data[at] = saved;
        }
    }

  for (int i = 0; i < 3000; i++)
    {
      char junk[256];
      gsize len = (gsize) g_rand_int_range (rand, 0, (gint32) sizeof junk);

      for (gsize j = 0; j < len; j++)
        junk[j] = i % 2 ? (char) g_rand_int_range (rand, 0, 256)
                        : alphabet[g_rand_int_range (rand, 0, (gint32) sizeof alphabet - 1)];
      feed_all_parsers (junk, len);
    }
  g_rand_free (rand);
}

/* ------------------------------------------------------------- sys-basic */

typedef struct
{
  double user, nice, system, idle, iowait, irq, softirq, steal, guest, guest_nice;
} Times;

static void
assert_times (const TsCpuTimes *got, const Times *want)
{
  g_assert_cmpfloat_with_epsilon (got->user, want->user, EPS);
  g_assert_cmpfloat_with_epsilon (got->nice, want->nice, EPS);
  g_assert_cmpfloat_with_epsilon (got->system, want->system, EPS);
  g_assert_cmpfloat_with_epsilon (got->idle, want->idle, EPS);
  g_assert_cmpfloat_with_epsilon (got->iowait, want->iowait, EPS);
  g_assert_cmpfloat_with_epsilon (got->irq, want->irq, EPS);
  g_assert_cmpfloat_with_epsilon (got->softirq, want->softirq, EPS);
  g_assert_cmpfloat_with_epsilon (got->steal, want->steal, EPS);
  g_assert_cmpfloat_with_epsilon (got->guest, want->guest, EPS);
  g_assert_cmpfloat_with_epsilon (got->guest_nice, want->guest_nice, EPS);
}

static void
test_basic_cpu_times (void)
{
  /* sys-basic/proc/stat in ticks, / 100 (USER_HZ). */
  static const Times total = { 4312.25, 12.20, 1203.84, 98231.21, 152.33, 0, 31.20, 0.49, 20.00, 0.35 };
  static const Times per_cpu[4] = {
    { 1085.31, 3.01, 307.81, 24541.00, 38.10, 0, 17.02, 0.17, 12.00, 0.30 },
    { 1079.04, 3.22, 299.12, 24567.88, 37.06, 0, 6.11, 0.12, 8.00, 0 },
    { 1071.22, 2.90, 300.12, 24561.19, 38.99, 0, 4.02, 0.09, 0, 0 },
    { 1076.68, 3.07, 296.79, 24561.14, 38.18, 0, 4.05, 0.11, 0, 0.05 },
  };
  Fixture f;
  TsCpuTimesAll all;
  TsPlatformError err;

  g_assert_cmpint (sysconf (_SC_CLK_TCK), ==, 100);
  fixture_open (&f, "sys-basic");
  g_assert_true (ts_platform_cpu_times (f.platform, &all, &err));
  assert_times (&all.total, &total);
  g_assert_cmpuint (all.n_cpu, ==, 4);
  for (int i = 0; i < 4; i++)
    assert_times (&all.per_cpu[i], &per_cpu[i]);
  ts_cpu_times_all_clear (&all);
  g_assert_null (all.per_cpu);
  g_assert_cmpuint (all.n_cpu, ==, 0);
  fixture_close (&f);
}

static void
test_basic_cpu_count (void)
{
  Fixture f;
  TsPlatformError err;
  int logical = -1, physical = -1;

  fixture_open (&f, "sys-basic");
  g_assert_true (ts_platform_cpu_count (f.platform, &logical, &physical, &err));
  /* cpu0..cpu3 in stat; core_cpus_list "0,2" and "1,3". */
  g_assert_cmpint (logical, ==, 4);
  g_assert_cmpint (physical, ==, 2);
  fixture_close (&f);
}

static void
test_basic_cpu_freq (void)
{
  /* policyN/scaling_{cur,min,max}_freq in kHz / 1000; policy3 has only
   * cpuinfo_cur_freq.  cpuinfo's "cpu MHz" (2700.000, 2693.127, 2700.000,
   * 1800.000) must not be used. */
  static const TsCpuFreq want[4] = {
    { 2700.123, 400.0, 3100.0 },
    { 2693.127, 400.0, 3100.0 },
    { 800.0, 400.0, 3100.0 },
    { 1800.5, 800.0, 2500.0 },
  };
  Fixture f;
  TsPlatformError err;
  TsCpuFreq *freq = NULL;
  size_t n = 0;
  char model[128];

  fixture_open (&f, "sys-basic");
  g_assert_true (ts_platform_cpu_freq (f.platform, &freq, &n, &err));
  g_assert_cmpuint (n, ==, 4);
  for (size_t i = 0; i < n; i++)
    {
      g_assert_cmpfloat_with_epsilon (freq[i].current, want[i].current, EPS);
      g_assert_cmpfloat_with_epsilon (freq[i].min, want[i].min, EPS);
      g_assert_cmpfloat_with_epsilon (freq[i].max, want[i].max, EPS);
    }
  free (freq);

  /* The same "model name" on every block of the fixture's cpuinfo. */
  g_assert_true (ts_platform_cpu_model (f.platform, model, sizeof model, &err));
  g_assert_cmpstr (model, ==, "Intel(R) Core(TM) i5-7200U CPU @ 2.50GHz");
  fixture_close (&f);
}

static void
test_basic_virtual_memory (void)
{
  Fixture f;
  TsPlatformError err;
  TsVirtualMemory vm;

  fixture_open (&f, "sys-basic");
  g_assert_true (ts_platform_virtual_memory (f.platform, &vm, &err));
  g_assert_cmpuint (vm.total, ==, 8029764ull * 1024);
  g_assert_cmpuint (vm.available, ==, 4567892ull * 1024);          /* MemAvailable */
  g_assert_cmpuint (vm.free, ==, 1234568ull * 1024);
  g_assert_cmpuint (vm.buffers, ==, 234560ull * 1024);
  g_assert_cmpuint (vm.cached, ==, (2987652ull + 321096) * 1024);  /* Cached + SReclaimable */
  /* total - free - cached - buffers = 8029764 - 1234568 - 3308748 - 234560 kB */
  g_assert_cmpuint (vm.used, ==, 3251888ull * 1024);
  g_assert_cmpuint (vm.active, ==, 3456780ull * 1024);
  g_assert_cmpuint (vm.inactive, ==, 2345670ull * 1024);
  g_assert_cmpuint (vm.shared, ==, 345672ull * 1024);             /* Shmem */
  g_assert_cmpuint (vm.slab, ==, 456784ull * 1024);
  /* (8029764 - 4567892) / 8029764 = 43.1130 % */
  g_assert_cmpfloat (vm.percent, ==, 43.1);
  fixture_close (&f);
}

/* The one-read form gives what the two readers give, on every tree; where
 * one of them fails, it fails too. */
static void
test_memory_both (void)
{
  static const char *const trees[] = { "sys-basic", "sys-nocpufreq", "sys-broken" };

  for (guint i = 0; i < G_N_ELEMENTS (trees); i++)
    {
      Fixture f;
      TsPlatformError err, err1, err2;
      TsVirtualMemory vm, vm1;
      TsSwapMemory sw, sw1;
      gboolean ok1, ok2, ok;

      fixture_open (&f, trees[i]);
      ok1 = ts_platform_virtual_memory (f.platform, &vm1, &err1);
      ok2 = ts_platform_swap_memory (f.platform, &sw1, &err2);
      ok = ts_platform_memory (f.platform, &vm, &sw, &err);
      g_assert_cmpint (ok, ==, ok1 && ok2);
      if (ok)
        {
          g_assert_cmpmem (&vm, sizeof vm, &vm1, sizeof vm1);
          g_assert_cmpmem (&sw, sizeof sw, &sw1, sizeof sw1);
        }
      else
        g_assert_cmpint (err.kind, ==, ok1 ? err2.kind : err1.kind);
      fixture_close (&f);
    }
}

static void
test_basic_swap_memory (void)
{
  Fixture f;
  TsPlatformError err;
  TsSwapMemory sw;
  long page = sysconf (_SC_PAGESIZE);

  fixture_open (&f, "sys-basic");
  g_assert_true (ts_platform_swap_memory (f.platform, &sw, &err));
  g_assert_cmpuint (sw.total, ==, 2097148ull * 1024);
  g_assert_cmpuint (sw.free, ==, 1835004ull * 1024);
  g_assert_cmpuint (sw.used, ==, 262144ull * 1024);
  /* 262144 / 2097148 = 12.50002 % */
  g_assert_cmpfloat (sw.percent, ==, 12.5);
  /* vmstat pswpin 12345, pswpout 67890 pages. */
  if (page == 4096)
    {
      g_assert_cmpuint (sw.sin, ==, 50565120);
      g_assert_cmpuint (sw.sout, ==, 278077440);
    }
  else
    {
      g_assert_cmpuint (sw.sin, ==, 12345ull * (guint64) page);
      g_assert_cmpuint (sw.sout, ==, 67890ull * (guint64) page);
    }
  fixture_close (&f);
}

static void
test_basic_loadavg_boot (void)
{
  Fixture f;
  TsPlatformError err;
  double l[3], boot = 0;

  fixture_open (&f, "sys-basic");
  g_assert_true (ts_platform_loadavg (f.platform, l, &err));
  g_assert_cmpfloat (l[0], ==, 0.52);
  g_assert_cmpfloat (l[1], ==, 0.58);
  g_assert_cmpfloat (l[2], ==, 0.59);
  g_assert_true (ts_platform_boot_time (f.platform, &boot, &err));
  g_assert_cmpfloat (boot, ==, 1700000000.0);
  fixture_close (&f);
}

typedef struct
{
  const char *name;
  gboolean    is_partition;
  const char *parent;
  guint64     read_count, write_count, read_bytes, write_bytes;
  guint64     read_time, write_time, read_merged, write_merged, busy;
} DiskWant;

static void
assert_disks (const TsDiskIo *got, size_t n_got, const DiskWant *want, size_t n_want)
{
  g_assert_cmpuint (n_got, ==, n_want);
  for (size_t i = 0; i < n_want; i++)
    {
      const TsDiskIo *d = &got[i];
      const DiskWant *w = &want[i];

      g_test_message ("disk %s", w->name);
      g_assert_cmpstr (d->name, ==, w->name);
      g_assert_cmpint (d->is_partition, ==, w->is_partition);
      g_assert_cmpstr (d->parent, ==, w->parent);
      g_assert_cmpuint (d->read_count, ==, w->read_count);
      g_assert_cmpuint (d->write_count, ==, w->write_count);
      g_assert_cmpuint (d->read_bytes, ==, w->read_bytes);
      g_assert_cmpuint (d->write_bytes, ==, w->write_bytes);
      g_assert_cmpuint (d->read_time_ms, ==, w->read_time);
      g_assert_cmpuint (d->write_time_ms, ==, w->write_time);
      g_assert_cmpuint (d->read_merged_count, ==, w->read_merged);
      g_assert_cmpuint (d->write_merged_count, ==, w->write_merged);
      g_assert_cmpuint (d->busy_time_ms, ==, w->busy);
    }
}

static void
test_basic_disk_io (void)
{
  /* sys-basic/proc/diskstats; bytes are sectors * 512. */
  static const DiskWant want[] = {
    { "loop0", FALSE, "", 56, 0, 2218ull * 512, 0, 12, 0, 0, 0, 40 },
    { "sda", FALSE, "", 245123, 123456, 18734560ull * 512, 9876544ull * 512,
      98765, 456789, 10234, 78901, 234567 },
    /* class/block/sda1 links into .../block/sda/sda1 */
    { "sda1", TRUE, "sda", 1234, 22, 56789ull * 512, 180ull * 512, 1111, 44, 10, 3, 900 },
    { "sda2", TRUE, "sda", 243800, 123400, 18677700ull * 512, 9876300ull * 512,
      97600, 456700, 10224, 78898, 233000 },
    { "nvme0n1", FALSE, "", 512345, 234567, 40960000ull * 512, 30000000ull * 512,
      123456, 234567, 2345, 34567, 345678 },
    /* a plain directory with "partition": the parent comes from the name */
    { "nvme0n1p1", TRUE, "nvme0n1", 512000, 234500, 40950000ull * 512, 29990000ull * 512,
      123400, 234500, 2340, 34560, 345600 },
    /* 18 fields; not in class/block */
    { "mmcblk0", FALSE, "", 300, 10, 4800ull * 512, 80ull * 512, 120, 30, 5, 1, 140 },
    /* 14 fields */
    { "sr0", FALSE, "", 17, 0, 1054ull * 512, 0, 30, 0, 0, 0, 33 },
  };
  Fixture f;
  TsPlatformError err;
  TsDiskIo *disks = NULL;
  size_t n = 0;

  fixture_open (&f, "sys-basic");
  g_assert_true (ts_platform_disk_io (f.platform, &disks, &n, &err));
  assert_disks (disks, n, want, G_N_ELEMENTS (want));
  free (disks);
  fixture_close (&f);
}

typedef struct
{
  const char *name;
  guint64     bytes_sent, bytes_recv, packets_sent, packets_recv;
  guint64     errin, errout, dropin, dropout;
} NetWant;

static void
assert_nics (const TsNetIo *got, size_t n_got, const NetWant *want, size_t n_want)
{
  g_assert_cmpuint (n_got, ==, n_want);
  for (size_t i = 0; i < n_want; i++)
    {
      g_test_message ("interface %s", want[i].name);
      g_assert_cmpstr (got[i].name, ==, want[i].name);
      g_assert_cmpuint (got[i].bytes_sent, ==, want[i].bytes_sent);
      g_assert_cmpuint (got[i].bytes_recv, ==, want[i].bytes_recv);
      g_assert_cmpuint (got[i].packets_sent, ==, want[i].packets_sent);
      g_assert_cmpuint (got[i].packets_recv, ==, want[i].packets_recv);
      g_assert_cmpuint (got[i].errin, ==, want[i].errin);
      g_assert_cmpuint (got[i].errout, ==, want[i].errout);
      g_assert_cmpuint (got[i].dropin, ==, want[i].dropin);
      g_assert_cmpuint (got[i].dropout, ==, want[i].dropout);
    }
}

static void
test_basic_net_io (void)
{
  /* rx: bytes packets errs drop ...; tx: bytes packets errs drop ... */
  static const NetWant want[] = {
    { "lo", 987654, 987654, 4321, 4321, 0, 0, 0, 0 },
    /* "  eth0:1234567890 ..." has no space after the colon */
    { "eth0", 345678901, 1234567890, 456789, 2345678, 3, 9, 4, 10 },
    { "wlan0", 6789012, 56789012, 78901, 67890, 1, 0, 2, 3 },
  };
  Fixture f;
  TsPlatformError err;
  TsNetIo *nics = NULL;
  size_t n = 0;

  fixture_open (&f, "sys-basic");
  g_assert_true (ts_platform_net_io (f.platform, &nics, &n, &err));
  assert_nics (nics, n, want, G_N_ELEMENTS (want));
  free (nics);
  fixture_close (&f);
}

/* ---------------------------------------------------------- sys-nocpufreq */

static void
test_nocpufreq_cpu (void)
{
  /* 8 fields a line: guest and guest_nice stay 0. */
  static const Times total = { 2060.00, 10.00, 860.00, 35940.00, 65.00, 1.00, 14.00, 0.12, 0, 0 };
  static const Times cpu3 = { 530.00, 4.00, 230.00, 8970.00, 5.00, 0.40, 5.00, 0, 0, 0 };
  /* cpuinfo "cpu MHz"; no min or max without cpufreq. */
  static const double mhz[4] = { 1800.0, 1799.998, 2400.512, 1200.0 };
  Fixture f;
  TsPlatformError err;
  TsCpuTimesAll all;
  TsCpuFreq *freq = NULL;
  size_t n = 0;
  int logical = 0, physical = 0;

  fixture_open (&f, "sys-nocpufreq");
  g_assert_true (ts_platform_cpu_times (f.platform, &all, &err));
  assert_times (&all.total, &total);
  g_assert_cmpuint (all.n_cpu, ==, 4);
  assert_times (&all.per_cpu[3], &cpu3);
  ts_cpu_times_all_clear (&all);

  /* No topology/: distinct (physical id, core id) pairs in cpuinfo:
   * (0,0) (0,1) (1,0) (1,1). */
  g_assert_true (ts_platform_cpu_count (f.platform, &logical, &physical, &err));
  g_assert_cmpint (logical, ==, 4);
  g_assert_cmpint (physical, ==, 4);

  g_assert_true (ts_platform_cpu_freq (f.platform, &freq, &n, &err));
  g_assert_cmpuint (n, ==, 4);
  for (size_t i = 0; i < n; i++)
    {
      g_assert_cmpfloat_with_epsilon (freq[i].current, mhz[i], EPS);
      g_assert_cmpfloat (freq[i].min, ==, 0.0);
      g_assert_cmpfloat (freq[i].max, ==, 0.0);
    }
  free (freq);
  fixture_close (&f);
}

static void
test_nocpufreq_memory (void)
{
  Fixture f;
  TsPlatformError err;
  TsVirtualMemory vm;
  TsSwapMemory sw;
  double l[3], boot;
  long page = sysconf (_SC_PAGESIZE);

  fixture_open (&f, "sys-nocpufreq");
  g_assert_true (ts_platform_virtual_memory (f.platform, &vm, &err));
  g_assert_cmpuint (vm.total, ==, 4048000ull * 1024);
  g_assert_cmpuint (vm.free, ==, 512000ull * 1024);
  g_assert_cmpuint (vm.cached, ==, (1024000ull + 153600) * 1024);
  /* 4048000 - 512000 - 1177600 - 102400 kB */
  g_assert_cmpuint (vm.used, ==, 2256000ull * 1024);
  /* No MemAvailable: psutil's estimate.  low = (41 + 6250 + 1250) pages;
   * with 4 KiB pages 30887936 bytes.
   *   free                       524288000
   *   - low                      -30887936
   *   + pagecache - min(pagecache/2, low)  1024000000 - 30887936
   *   + sreclaimable - min(sreclaimable/2, low)  157286400 - 30887936
   *   = 1612910592 */
  if (page == 4096)
    {
      g_assert_cmpuint (vm.available, ==, 1612910592ull);
      /* (4145152000 - 1612910592) / 4145152000 = 61.09 % */
      g_assert_cmpfloat (vm.percent, ==, 61.1);
    }
  else
    {
      guint64 low = 7541ull * (guint64) page;

      g_assert_cmpuint (vm.available, ==, 524288000 - low + 1024000000 - low + 157286400 - low);
    }
  g_assert_cmpuint (vm.shared, ==, 51200ull * 1024);
  g_assert_cmpuint (vm.slab, ==, 204800ull * 1024);

  /* No vmstat: sin/sout 0, as psutil does. */
  g_assert_true (ts_platform_swap_memory (f.platform, &sw, &err));
  g_assert_cmpuint (sw.total, ==, 1048572ull * 1024);
  g_assert_cmpuint (sw.free, ==, 1048572ull * 1024);
  g_assert_cmpuint (sw.used, ==, 0);
  g_assert_cmpfloat (sw.percent, ==, 0.0);
  g_assert_cmpuint (sw.sin, ==, 0);
  g_assert_cmpuint (sw.sout, ==, 0);

  /* loadavg without a trailing newline. */
  g_assert_true (ts_platform_loadavg (f.platform, l, &err));
  g_assert_cmpfloat (l[0], ==, 1.0);
  g_assert_cmpfloat (l[1], ==, 0.5);
  g_assert_cmpfloat (l[2], ==, 12.25);
  g_assert_true (ts_platform_boot_time (f.platform, &boot, &err));
  g_assert_cmpfloat (boot, ==, 1600000000.0);
  fixture_close (&f);
}

static void
test_nocpufreq_disks_net (void)
{
  static const DiskWant disks_want[] = {
    { "sda", FALSE, "", 100, 50, 3000ull * 512, 700ull * 512, 400, 80, 20, 6, 450 },
    /* 7-field partition line; no sysfs class/block to say it is one */
    { "sda1", FALSE, "", 90, 45, 2800ull * 512, 650ull * 512, 0, 0, 0, 0, 0 },
    { "hda", FALSE, "", 11, 55, 33ull * 512, 77ull * 512, 44, 88, 22, 66, 99 },
  };
  static const NetWant nics_want[] = {
    { "lo", 1000, 1000, 10, 10, 0, 0, 0, 0 },
    { "enp0s31f6", 1234567890123ull, 98765432109ull, 456, 123, 1, 7, 2, 8 },
  };
  Fixture f;
  TsPlatformError err;
  TsDiskIo *disks = NULL;
  TsNetIo *nics = NULL;
  size_t n = 0;

  fixture_open (&f, "sys-nocpufreq");
  g_assert_true (ts_platform_disk_io (f.platform, &disks, &n, &err));
  assert_disks (disks, n, disks_want, G_N_ELEMENTS (disks_want));
  free (disks);
  g_assert_true (ts_platform_net_io (f.platform, &nics, &n, &err));
  assert_nics (nics, n, nics_want, G_N_ELEMENTS (nics_want));
  free (nics);
  fixture_close (&f);
}

/* ------------------------------------------------------------- sys-broken */

static void
test_broken (void)
{
  static TsCpuFreq not_null_freq;
  static TsDiskIo not_null_disk;
  static TsNetIo not_null_nic;
  Fixture f;
  TsPlatformError err;
  TsCpuTimesAll all;
  /* Must come back NULL. */
  TsCpuFreq *freq = &not_null_freq;
  TsDiskIo *disks = &not_null_disk;
  TsNetIo *nics = &not_null_nic;
  TsVirtualMemory vm;
  TsSwapMemory sw;
  size_t n = 99;
  int logical = 9, physical = 9;
  double l[3], boot = 1;
  g_autofree char *stat = NULL, *meminfo = NULL, *cpuinfo = NULL, *loadavg = NULL;
  g_autofree char *diskstats = NULL, *netdev = NULL;
  char model[64] = "not cleared";

  fixture_open (&f, "sys-broken");
  stat = g_build_filename (f.proc, "stat", NULL);
  meminfo = g_build_filename (f.proc, "meminfo", NULL);
  cpuinfo = g_build_filename (f.proc, "cpuinfo", NULL);
  loadavg = g_build_filename (f.proc, "loadavg", NULL);
  diskstats = g_build_filename (f.proc, "diskstats", NULL);
  netdev = g_build_filename (f.proc, "net", "dev", NULL);

  /* stat is cut inside cpu0's line and has no btime. */
  g_assert_false (ts_platform_cpu_times (f.platform, &all, &err));
  assert_error (&err, TS_PLATFORM_ERR_PARSE, 0, "parse", stat);
  g_assert_null (all.per_cpu);
  /* Not the live /proc: no sysconf fallback for the count. */
  g_assert_false (ts_platform_cpu_count (f.platform, &logical, &physical, &err));
  assert_error (&err, TS_PLATFORM_ERR_PARSE, 0, "parse", stat);
  g_assert_cmpint (logical, ==, 0);
  g_assert_cmpint (physical, ==, 0);
  g_assert_false (ts_platform_boot_time (f.platform, &boot, &err));
  assert_error (&err, TS_PLATFORM_ERR_PARSE, 0, "parse", stat);
  g_assert_cmpfloat (boot, ==, 0.0);

  /* No cpufreq in sys, no "cpu MHz" in cpuinfo. */
  g_assert_false (ts_platform_cpu_freq (f.platform, &freq, &n, &err));
  assert_error (&err, TS_PLATFORM_ERR_NOT_SUPPORTED, 0, "parse", cpuinfo);
  /* Nor "model name". */
  g_assert_false (ts_platform_cpu_model (f.platform, model, sizeof model, &err));
  assert_error (&err, TS_PLATFORM_ERR_NOT_SUPPORTED, 0, "parse", cpuinfo);
  g_assert_cmpstr (model, ==, "");
  g_assert_null (freq);
  g_assert_cmpuint (n, ==, 0);

  /* meminfo is empty. */
  g_assert_false (ts_platform_virtual_memory (f.platform, &vm, &err));
  assert_error (&err, TS_PLATFORM_ERR_PARSE, 0, "parse", meminfo);
  g_assert_false (ts_platform_swap_memory (f.platform, &sw, &err));
  assert_error (&err, TS_PLATFORM_ERR_PARSE, 0, "parse", meminfo);

  /* loadavg is missing: the kernel does not offer it. */
  g_assert_false (ts_platform_loadavg (f.platform, l, &err));
  assert_error (&err, TS_PLATFORM_ERR_NOT_SUPPORTED, ENOENT, "open", loadavg);

  g_assert_false (ts_platform_disk_io (f.platform, &disks, &n, &err));
  assert_error (&err, TS_PLATFORM_ERR_PARSE, 0, "parse", diskstats);
  g_assert_null (disks);
  g_assert_false (ts_platform_net_io (f.platform, &nics, &n, &err));
  assert_error (&err, TS_PLATFORM_ERR_PARSE, 0, "parse", netdev);
  g_assert_null (nics);

  /* A NULL err is allowed everywhere (ts_platform_new passes one). */
  g_assert_false (ts_platform_cpu_times (f.platform, &all, NULL));
  g_assert_false (ts_platform_cpu_count (f.platform, &logical, &physical, NULL));
  g_assert_false (ts_platform_cpu_freq (f.platform, &freq, &n, NULL));
  g_assert_false (ts_platform_virtual_memory (f.platform, &vm, NULL));
  g_assert_false (ts_platform_swap_memory (f.platform, &sw, NULL));
  g_assert_false (ts_platform_loadavg (f.platform, l, NULL));
  g_assert_false (ts_platform_boot_time (f.platform, &boot, NULL));
  g_assert_false (ts_platform_disk_io (f.platform, &disks, &n, NULL));
  g_assert_false (ts_platform_net_io (f.platform, &nics, &n, NULL));
  fixture_close (&f);
}

static void
test_missing_root (void)
{
  g_autofree char *root = g_build_filename (TS_FIXTURES, "no-such-tree", NULL);
  g_autofree char *proc = g_build_filename (root, "proc", NULL);
  g_autofree char *sys = g_build_filename (root, "sys", NULL);
  g_autofree char *meminfo = g_build_filename (proc, "meminfo", NULL);
  g_autofree char *diskstats = g_build_filename (proc, "diskstats", NULL);
  TsPlatformError err;
  TsPlatform *p = ts_platform_new (proc, sys, &err);
  TsVirtualMemory vm;
  TsDiskIo *disks = NULL;
  TsCpuFreq *freq = NULL;
  size_t n;

  g_assert_nonnull (p);
  g_assert_false (ts_platform_virtual_memory (p, &vm, &err));
  assert_error (&err, TS_PLATFORM_ERR_NOT_SUPPORTED, ENOENT, "open", meminfo);
  g_assert_false (ts_platform_disk_io (p, &disks, &n, &err));
  assert_error (&err, TS_PLATFORM_ERR_NOT_SUPPORTED, ENOENT, "open", diskstats);
  g_assert_false (ts_platform_cpu_freq (p, &freq, &n, &err));
  g_assert_cmpint (err.kind, ==, TS_PLATFORM_ERR_NOT_SUPPORTED);
  ts_platform_free (p);
}

/* ------------------------------------------------------------------- live */

static void
test_live (void)
{
  TsPlatformError err;
  TsPlatform *p = ts_platform_new (NULL, NULL, &err);
  TsCpuTimesAll all;
  TsVirtualMemory vm;
  TsSwapMemory sw;
  TsDiskIo *disks = NULL;
  TsNetIo *nics = NULL;
  TsCpuFreq *freq = NULL;
  char model[256];
  size_t n = 0;
  int logical = 0, physical = 0;
  double boot = 0, l[3], sum_user = 0;

  g_assert_nonnull (p);

  g_assert_true (ts_platform_cpu_count (p, &logical, &physical, &err));
  g_assert_cmpint (logical, >=, 1);
  g_assert_cmpint (logical, ==, sysconf (_SC_NPROCESSORS_ONLN));
  g_assert_cmpint (physical, >=, 0);
  g_assert_cmpint (physical, <=, logical);

  g_assert_true (ts_platform_cpu_times (p, &all, &err));
  g_assert_cmpuint (all.n_cpu, ==, (guint) logical);
  for (size_t i = 0; i < all.n_cpu; i++)
    sum_user += all.per_cpu[i].user;
  /* The total sums every possible CPU, the lines only the online ones; a
   * tick may land between the two loops in the kernel. */
  g_assert_cmpfloat (all.total.user, >=, sum_user - 0.01 * (double) all.n_cpu - 0.01);
  g_assert_cmpfloat (all.total.idle, >, 0.0);
  ts_cpu_times_all_clear (&all);

  g_assert_true (ts_platform_virtual_memory (p, &vm, &err));
  g_assert_cmpuint (vm.total, >, 0);
  g_assert_cmpuint (vm.available, <=, vm.total);
  g_assert_cmpuint (vm.free, <=, vm.total);
  g_assert_cmpfloat (vm.percent, >=, 0.0);
  g_assert_cmpfloat (vm.percent, <=, 100.0);
  g_assert_true (ts_platform_swap_memory (p, &sw, &err));
  g_assert_cmpuint (sw.used, <=, sw.total);

  g_assert_true (ts_platform_boot_time (p, &boot, &err));
  g_assert_cmpfloat (boot, >, 946684800.0);            /* 2000-01-01 */
  g_assert_cmpfloat (boot, <, (double) time (NULL));

  g_assert_true (ts_platform_loadavg (p, l, &err));
  g_assert_cmpfloat (l[0], >=, 0.0);

  g_assert_true (ts_platform_disk_io (p, &disks, &n, &err));
  free (disks);
  g_assert_true (ts_platform_net_io (p, &nics, &n, &err));
  g_assert_cmpuint (n, >=, 1);   /* every network namespace has lo */
  free (nics);

  /* Virtual machines often have neither cpufreq nor "cpu MHz". */
  if (ts_platform_cpu_freq (p, &freq, &n, &err))
    {
      g_assert_cmpuint (n, >=, 1);
      free (freq);
    }
  else
    g_assert_cmpint (err.kind, ==, TS_PLATFORM_ERR_NOT_SUPPORTED);

  /* aarch64 kernels write no model name at all. */
  if (ts_platform_cpu_model (p, model, sizeof model, &err))
    g_assert_cmpuint (strlen (model), >, 0);
  else
    g_assert_cmpint (err.kind, ==, TS_PLATFORM_ERR_NOT_SUPPORTED);

  ts_platform_free (p);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/system/parse/stat", test_parse_stat);
  g_test_add_func ("/system/parse/meminfo", test_parse_meminfo);
  g_test_add_func ("/system/parse/vmstat-zoneinfo", test_parse_vmstat_zoneinfo);
  g_test_add_func ("/system/parse/loadavg", test_parse_loadavg);
  g_test_add_func ("/system/parse/diskstats", test_parse_diskstats);
  g_test_add_func ("/system/parse/net-dev", test_parse_net_dev);
  g_test_add_func ("/system/parse/cpuinfo", test_parse_cpuinfo);
  g_test_add_func ("/system/parse/cpuinfo-model", test_parse_cpuinfo_model);
  g_test_add_func ("/system/parse/count-lines", test_count_lines);
  g_test_add_func ("/system/parse/robust", test_parse_robust);
  g_test_add_func ("/system/basic/cpu-times", test_basic_cpu_times);
  g_test_add_func ("/system/basic/cpu-count", test_basic_cpu_count);
  g_test_add_func ("/system/basic/cpu-freq", test_basic_cpu_freq);
  g_test_add_func ("/system/basic/virtual-memory", test_basic_virtual_memory);
  g_test_add_func ("/system/basic/swap-memory", test_basic_swap_memory);
  g_test_add_func ("/system/memory-both", test_memory_both);
  g_test_add_func ("/system/basic/loadavg-boot-time", test_basic_loadavg_boot);
  g_test_add_func ("/system/basic/disk-io", test_basic_disk_io);
  g_test_add_func ("/system/basic/net-io", test_basic_net_io);
  g_test_add_func ("/system/nocpufreq/cpu", test_nocpufreq_cpu);
  g_test_add_func ("/system/nocpufreq/memory", test_nocpufreq_memory);
  g_test_add_func ("/system/nocpufreq/disks-net", test_nocpufreq_disks_net);
  g_test_add_func ("/system/broken", test_broken);
  g_test_add_func ("/system/missing-root", test_missing_root);
  g_test_add_func ("/system/live", test_live);

  return g_test_run ();
}
