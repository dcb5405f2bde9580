/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ts-history.h"

G_BEGIN_DECLS

/*
 * One disk (or partition) and one network interface as TsMonitor sees them.
 * The monitor creates them, updates them in place at each sample and lists
 * them in its models (ts_monitor_get_disks, ts_monitor_get_net); they are
 * never created by anyone else.  Read them when the monitor emits "changed".
 *
 * Units: bytes, bytes/s, operations/s, percent (0..100), milliseconds.
 * Rates are deltas over the real time between the two samples; they are
 * NAN ("unknown") at the first sample, on the first sample after the
 * device came back, and while the monitor cannot read the source.
 *
 * Totals are "since boot" and never go backwards: a kernel counter that
 * wraps (32-bit) or restarts from zero (the device was removed and came
 * back) is carried on, as psutil's nowrap does (see ts-monitor.h).
 */

/* Series of ts_disk_stats_get_history. */
typedef enum
{
  TS_DISK_SERIES_READ = 0,   /* bytes/s */
  TS_DISK_SERIES_WRITE,      /* bytes/s */
  TS_DISK_SERIES_BUSY,       /* percent */
  TS_DISK_N_SERIES
} TsDiskSeries;

/* Series of ts_net_stats_get_history. */
typedef enum
{
  TS_NET_SERIES_RX = 0,      /* bytes/s received */
  TS_NET_SERIES_TX,          /* bytes/s sent */
  TS_NET_N_SERIES
} TsNetSeries;

#define TS_TYPE_DISK_STATS (ts_disk_stats_get_type ())
G_DECLARE_FINAL_TYPE (TsDiskStats, ts_disk_stats, TS, DISK_STATS, GObject)

/* Properties: "name", "parent", "is-partition", "is-virtual" (read-only,
 * fixed for the object's life). */
const char  *ts_disk_stats_get_name             (TsDiskStats *self);
gboolean     ts_disk_stats_get_is_partition     (TsDiskStats *self);
/* The disk a partition is on ("sda" for "sda1"), "" for a whole disk. */
const char  *ts_disk_stats_get_parent           (TsDiskStats *self);
/* loop*, ram* and zram* devices and their partitions: hidden from
 * ts_monitor_get_disks unless "show-virtual" is on. */
gboolean     ts_disk_stats_get_is_virtual       (TsDiskStats *self);
/* The partitions of a whole disk (TsDiskStats, kernel order), listed as
 * long as the disk is; empty for a partition.  Suits GtkTreeListModel. */
GListModel  *ts_disk_stats_get_partitions       (TsDiskStats *self);

double       ts_disk_stats_get_read_rate        (TsDiskStats *self); /* bytes/s */
double       ts_disk_stats_get_write_rate       (TsDiskStats *self); /* bytes/s */
double       ts_disk_stats_get_read_iops        (TsDiskStats *self); /* reads/s completed */
double       ts_disk_stats_get_write_iops       (TsDiskStats *self); /* writes/s completed */
/* iostat's rrqm/s and wrqm/s: requests merged into others, per second. */
double       ts_disk_stats_get_read_merged_rate (TsDiskStats *self);
double       ts_disk_stats_get_write_merged_rate (TsDiskStats *self);
/* iostat's %util: the share of the interval the device had I/O in flight
 * (delta busy_time / elapsed), capped at 100.  On devices that serve
 * requests in parallel (SSD, NVMe, RAID) 100 % does not mean saturated. */
double       ts_disk_stats_get_busy             (TsDiskStats *self);
/* iostat's await: delta (read_time + write_time) / delta (reads + writes),
 * the mean time a request spent queued and served, in ms; 0 when the
 * interval completed no request. */
double       ts_disk_stats_get_await            (TsDiskStats *self);

/* Totals since boot (never decreasing). */
guint64      ts_disk_stats_get_read_bytes       (TsDiskStats *self);
guint64      ts_disk_stats_get_write_bytes      (TsDiskStats *self);
guint64      ts_disk_stats_get_read_count       (TsDiskStats *self);
guint64      ts_disk_stats_get_write_count      (TsDiskStats *self);

/* TS_DISK_N_SERIES series (TsDiskSeries); kept while the device is gone
 * (NAN samples: a gap), so a device that comes back keeps its graph. */
TsHistory   *ts_disk_stats_get_history          (TsDiskStats *self);

#define TS_TYPE_NET_STATS (ts_net_stats_get_type ())
G_DECLARE_FINAL_TYPE (TsNetStats, ts_net_stats, TS, NET_STATS, GObject)

/* Property: "name" (read-only). */
const char  *ts_net_stats_get_name              (TsNetStats *self);
double       ts_net_stats_get_rx_rate           (TsNetStats *self); /* bytes/s */
double       ts_net_stats_get_tx_rate           (TsNetStats *self); /* bytes/s */
/* Totals since boot (never decreasing). */
guint64      ts_net_stats_get_bytes_recv        (TsNetStats *self);
guint64      ts_net_stats_get_bytes_sent        (TsNetStats *self);
guint64      ts_net_stats_get_packets_recv      (TsNetStats *self);
guint64      ts_net_stats_get_packets_sent      (TsNetStats *self);
guint64      ts_net_stats_get_errin             (TsNetStats *self);
guint64      ts_net_stats_get_errout            (TsNetStats *self);
guint64      ts_net_stats_get_dropin            (TsNetStats *self);
guint64      ts_net_stats_get_dropout           (TsNetStats *self);
/* TS_NET_N_SERIES series (TsNetSeries), kept while the interface is gone. */
TsHistory   *ts_net_stats_get_history           (TsNetStats *self);

G_END_DECLS
