/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Between TsMonitor and the device objects it updates; not for views. */
#pragma once

#include "ts-device-stats.h"
#include "ts-platform.h"

G_BEGIN_DECLS

/* One cumulative kernel counter carried on across wraps and resets
 * (psutil's nowrap); the rules are in ts-monitor.h. */
typedef struct
{
  guint64  last;     /* raw value at the last update */
  guint64  offset;   /* added to raw values so the total never goes back */
  gboolean have;
} TsCounter;

/* Takes a new raw value and returns how much the counter advanced since
 * the last one (0 for the first).  may_wrap: the value may have wrapped at
 * 32 bits since the last reading (false when the device was gone in
 * between: then a smaller value can only be a reset). */
guint64 ts_counter_update (TsCounter *c,
                           guint64    raw,
                           gboolean   may_wrap);
/* The raw value plus the offset: never smaller than an earlier total. */
static inline guint64
ts_counter_total (const TsCounter *c)
{
  return c->offset + c->last;
}

TsDiskStats *ts_disk_stats_new         (const TsDiskIo *raw,
                                        gboolean        is_virtual,
                                        gint64          span_us);
/* A reading from a successful diskstats read at time now (µs). */
void         ts_disk_stats_update      (TsDiskStats    *self,
                                        const TsDiskIo *raw,
                                        gint64          now);
/* No reading at now: gone (absent from a good read) or the read failed.
 * Rates become NAN and the history gets a NAN sample. */
void         ts_disk_stats_set_unknown (TsDiskStats    *self,
                                        gint64          now,
                                        gboolean        gone);
gboolean     ts_disk_stats_is_gone     (TsDiskStats    *self,
                                        gint64         *since);
GListStore  *ts_disk_stats_get_partition_store (TsDiskStats *self);

TsNetStats  *ts_net_stats_new          (const char     *name,
                                        gint64          span_us);
void         ts_net_stats_update       (TsNetStats     *self,
                                        const TsNetIo  *raw,
                                        gint64          now);
void         ts_net_stats_set_unknown  (TsNetStats     *self,
                                        gint64          now,
                                        gboolean        gone);
gboolean     ts_net_stats_is_gone      (TsNetStats     *self,
                                        gint64         *since);

/* The devices of one kind (disks or interfaces) the monitor knows: the
 * ones present at the last good read in the kernel's order, plus the gone
 * ones until they have been gone for a whole span. */
typedef struct
{
  GHashTable *by_name;   /* UTF-8 name -> device (owned), gone ones too */
  GPtrArray  *order;     /* devices present at the last good read */
  GListStore *store;     /* what the views list */
} TsDeviceSet;

void     ts_device_set_init     (TsDeviceSet *set,
                                 GType        type);
void     ts_device_set_clear    (TsDeviceSet *set);
/* The read failed: every device's values are unknown at now. */
void     ts_device_set_unknown  (TsDeviceSet *set,
                                 gint64       now);
void     ts_device_set_set_span (TsDeviceSet *set,
                                 gint64       span_us);
/* A good read: updates, marks the missing ones gone, forgets the long
 * gone; true when the set of present devices changed (then the models
 * are rebuilt). */
gboolean ts_disk_set_update     (TsDeviceSet    *set,
                                 const TsDiskIo *raw,
                                 size_t          n,
                                 gint64          now,
                                 gint64          span_us,
                                 gboolean        show_virtual);
/* Refills the top-level store and every disk's partition store. */
void     ts_disk_set_rebuild    (TsDeviceSet    *set,
                                 gboolean        show_virtual);
gboolean ts_net_set_update      (TsDeviceSet    *set,
                                 const TsNetIo  *raw,
                                 size_t          n,
                                 gint64          now,
                                 gint64          span_us);

G_END_DECLS
