/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ts-device-stats.h"
#include "ts-history.h"
#include "ts-process-list.h"   /* TsClockFunc */

G_BEGIN_DECLS

/*
 * TsMonitor: the system samplers behind the Resources page.
 *
 * One object reads every system source once per sample: CPU times (total
 * and per core), CPU frequency, load average, memory, swap, disks and
 * network interfaces, through its own TsPlatform.  A sample is a handful
 * of small files (about 0.1 ms), so it runs on the calling thread, the
 * main loop.  Each sample pushes one point into every history at the same
 * timestamp, then emits "changed" once.
 *
 * Driving it:
 *  - with a process list (the window): call ts_monitor_sample() from the
 *    list's "refreshed" signal, so both share one cadence and one wakeup;
 *    do not call ts_monitor_start() then.
 *  - alone (taskscope-cli, tests): ts_monitor_start() samples at once, then
 *    every "interval" ms; ts_monitor_stop() ends that.
 *
 * Rates and percentages are deltas over the real time elapsed between two
 * readings of a source, read from the monitor's clock, not over the
 * nominal interval (timeouts slip).  A sample whose time is not after the
 * previous one is ignored.
 *
 * Unknown values are NAN (the first sample has no rates; a source that
 * fails to read gives NAN at that time, which graphs show as a gap) and
 * ts_monitor_get_error() says why.  Byte counts that are unknown read 0.
 *
 * Counters never go backwards (psutil's nowrap): for every cumulative
 * counter of every disk and interface the monitor keeps the last raw value
 * and an offset.  When a new raw value is smaller than the last one:
 *  - if the last value fitted in 32 bits and the forward distance modulo
 *    2^32 is under 2^31, the counter wrapped (32-bit kernels, drivers with
 *    32-bit statistics): 2^32 is added to the offset, the delta is exact;
 *  - otherwise the device was reset and counts from zero again: the last
 *    value is added to the offset and the new raw value is the delta.
 *  A device that disappears from the kernel's list and comes back is
 *  always taken as reset (if its counters went down), and its first rates
 *  are NAN: what happened while it was gone is unknown.  It keeps its
 *  TsDiskStats/TsNetStats object and its history (with a gap) if it comes
 *  back within the history span; after that it is forgotten.
 *
 * CPU: the three series of the total are shares of all CPUs' time:
 *  - user   = user + nice (guest time is already inside them),
 *  - system = system + irq + softirq + steal (time the CPU was taken from
 *             user code: kernel, interrupts, the hypervisor),
 *  - iowait = iowait (idle with I/O pending; not busy).
 *  Per core, "busy" is everything but idle and iowait.  Per-CPU idle and
 *  iowait can step back by a tick on some kernels: negative deltas count
 *  as 0.
 *
 * Signals:
 *  - "changed": after every sample, once all values and histories are
 *    updated.  Read everything from here.
 *  - "devices-changed": before "changed", when disks or interfaces came or
 *    went (the models have changed already), "show-virtual" was switched,
 *    or the number of CPUs or frequency entries changed (the per-core
 *    histories are new objects then: fetch them again).
 */

#define TS_TYPE_MONITOR (ts_monitor_get_type ())
G_DECLARE_FINAL_TYPE (TsMonitor, ts_monitor, TS, MONITOR, GObject)

/* Where an error came from, for ts_monitor_get_error. */
typedef enum
{
  TS_MONITOR_SOURCE_CPU = 0,    /* /proc/stat: usage, per core, n_cpus */
  TS_MONITOR_SOURCE_CPU_FREQ,   /* cpufreq or cpuinfo's MHz */
  TS_MONITOR_SOURCE_CPU_MODEL,  /* cpuinfo's model name (read once) */
  TS_MONITOR_SOURCE_LOADAVG,
  TS_MONITOR_SOURCE_MEMORY,
  TS_MONITOR_SOURCE_SWAP,
  TS_MONITOR_SOURCE_DISKS,
  TS_MONITOR_SOURCE_NET,
  TS_MONITOR_N_SOURCES
} TsMonitorSource;

/* Series of the histories below. */
typedef enum
{
  TS_CPU_SERIES_USER = 0,   /* percent of all CPUs */
  TS_CPU_SERIES_SYSTEM,
  TS_CPU_SERIES_IOWAIT,
  TS_CPU_N_SERIES
} TsCpuSeries;

typedef enum
{
  TS_LOAD_SERIES_1 = 0,     /* 1, 5 and 15 minute load averages */
  TS_LOAD_SERIES_5,
  TS_LOAD_SERIES_15,
  TS_LOAD_N_SERIES
} TsLoadSeries;

typedef enum
{
  TS_MEMORY_SERIES_USED = 0,    /* bytes: psutil's used */
  TS_MEMORY_SERIES_CACHE,       /* bytes: cached + buffers */
  TS_MEMORY_SERIES_AVAILABLE,   /* bytes: MemAvailable */
  TS_MEMORY_N_SERIES
} TsMemorySeries;

typedef enum
{
  TS_SWAP_IO_SERIES_IN = 0,     /* bytes/s swapped in */
  TS_SWAP_IO_SERIES_OUT,        /* bytes/s swapped out */
  TS_SWAP_IO_N_SERIES
} TsSwapIoSeries;

#define TS_MONITOR_SPAN_MIN     (60 * G_USEC_PER_SEC)
#define TS_MONITOR_SPAN_MAX     (600 * G_USEC_PER_SEC)
#define TS_MONITOR_SPAN_DEFAULT (60 * G_USEC_PER_SEC)

/* procfs_root/sysfs_root: NULL for the live system. */
TsMonitor   *ts_monitor_new               (const char      *procfs_root,
                                           const char      *sysfs_root);

/* ---------------------------------------------------------------- driving */

/* Reads every source now, pushes into the histories, emits "changed"
 * (and first "devices-changed" when the set of devices changed). */
void         ts_monitor_sample            (TsMonitor       *self);
/* Default g_get_monotonic_time; NULL restores it.  Tests pass a fake. */
void         ts_monitor_set_clock         (TsMonitor       *self,
                                           TsClockFunc      clock,
                                           gpointer         user_data);
void         ts_monitor_start             (TsMonitor       *self);
void         ts_monitor_stop              (TsMonitor       *self);
gboolean     ts_monitor_get_running       (TsMonitor       *self);
/* Property "interval": ms between samples of the monitor's own timer
 * (250..10000, default 1000); restarts a running timer. */
guint        ts_monitor_get_interval      (TsMonitor       *self);
void         ts_monitor_set_interval      (TsMonitor       *self,
                                           guint            interval_ms);
/* Property "span": µs of history kept by every history of the monitor
 * and of its devices, clamped to TS_MONITOR_SPAN_MIN..MAX (1 to 10 min). */
gint64       ts_monitor_get_span          (TsMonitor       *self);
void         ts_monitor_set_span          (TsMonitor       *self,
                                           gint64           span_us);
/* Property "show-virtual": list loop, ram and zram devices in
 * ts_monitor_get_disks (default off). */
gboolean     ts_monitor_get_show_virtual  (TsMonitor       *self);
void         ts_monitor_set_show_virtual  (TsMonitor       *self,
                                           gboolean         show);
/* Samples taken (ignored ones not counted). */
guint64      ts_monitor_get_n_samples     (TsMonitor       *self);
/* Why a source's values are unknown at the last sample, or NULL when it
 * was read.  The message names the file and the errno. */
const GError *ts_monitor_get_error        (TsMonitor       *self,
                                           TsMonitorSource  source);

/* -------------------------------------------------------------------- CPU */

/* UTF-8 ("Intel(R) Core(TM) i5-7200U CPU @ 2.50GHz"), "" when unknown. */
const char  *ts_monitor_get_cpu_model     (TsMonitor       *self);
/* Online CPUs (the cpuN lines of /proc/stat); 0 before the first good read. */
guint        ts_monitor_get_n_cpus        (TsMonitor       *self);
/* Percent of all CPUs, see TsCpuSeries; NAN when unknown. */
double       ts_monitor_get_cpu_user      (TsMonitor       *self);
double       ts_monitor_get_cpu_system    (TsMonitor       *self);
double       ts_monitor_get_cpu_iowait    (TsMonitor       *self);
/* user + system: what a single "CPU %" shows. */
double       ts_monitor_get_cpu_usage     (TsMonitor       *self);
TsHistory   *ts_monitor_get_cpu_history   (TsMonitor       *self);  /* TsCpuSeries */
/* Per core, cpu < n_cpus: busy percent of that CPU; history of 1 series. */
double       ts_monitor_get_core_usage    (TsMonitor       *self,
                                           guint            cpu);
TsHistory   *ts_monitor_get_core_history  (TsMonitor       *self,
                                           guint            cpu);
/* Frequencies: one entry per cpufreq policy (one per CPU on most x86, one
 * per cluster on many ARM boards), else per cpuinfo "cpu MHz" line; 0
 * entries when the machine tells none.  MHz; min/max 0 when unknown.
 * get_freq: false (and NAN values) when index is out of range or the
 * last read failed; any out pointer may be NULL. */
guint        ts_monitor_get_n_freqs       (TsMonitor       *self);
gboolean     ts_monitor_get_freq          (TsMonitor       *self,
                                           guint            index,
                                           double          *current,
                                           double          *min,
                                           double          *max);
/* 1 series: the current MHz of that entry. */
TsHistory   *ts_monitor_get_freq_history  (TsMonitor       *self,
                                           guint            index);

/* ------------------------------------------------------------------- load */

/* out: 1, 5 and 15 minute load averages (NAN when unknown); compare them
 * with ts_monitor_get_n_cpus. */
void         ts_monitor_get_loadavg       (TsMonitor       *self,
                                           double           out[3]);
TsHistory   *ts_monitor_get_load_history  (TsMonitor       *self);  /* TsLoadSeries */

/* ---------------------------------------------------------- memory, swap */

/* Bytes, psutil's virtual_memory() fields; 0 when unknown. */
guint64      ts_monitor_get_memory_total     (TsMonitor    *self);
guint64      ts_monitor_get_memory_used      (TsMonitor    *self);
guint64      ts_monitor_get_memory_cache     (TsMonitor    *self);  /* cached + buffers */
guint64      ts_monitor_get_memory_available (TsMonitor    *self);
TsHistory   *ts_monitor_get_memory_history   (TsMonitor    *self);  /* TsMemorySeries */

guint64      ts_monitor_get_swap_total       (TsMonitor    *self);
guint64      ts_monitor_get_swap_used        (TsMonitor    *self);
/* bytes/s, NAN when unknown. */
double       ts_monitor_get_swap_in_rate     (TsMonitor    *self);
double       ts_monitor_get_swap_out_rate    (TsMonitor    *self);
/* 1 series: swap used, bytes. */
TsHistory   *ts_monitor_get_swap_history     (TsMonitor    *self);
TsHistory   *ts_monitor_get_swap_io_history  (TsMonitor    *self);  /* TsSwapIoSeries */

/* ---------------------------------------------------------------- devices */

/* TsDiskStats in the kernel's order: the whole disks, plus partitions whose
 * disk is not listed; each disk's partitions are in
 * ts_disk_stats_get_partitions.  Virtual devices only with "show-virtual".
 * Changes (with "devices-changed") only when devices come or go. */
GListModel  *ts_monitor_get_disks         (TsMonitor       *self);
/* Any disk or partition the monitor knows now, listed or not; NULL if none. */
TsDiskStats *ts_monitor_lookup_disk       (TsMonitor       *self,
                                           const char      *name);
/* TsNetStats, the kernel's order (lo included). */
GListModel  *ts_monitor_get_net           (TsMonitor       *self);
TsNetStats  *ts_monitor_lookup_net        (TsMonitor       *self,
                                           const char      *name);

G_END_DECLS
