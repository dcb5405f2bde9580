/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-device-stats"

#include "config.h"

#include <math.h>

#include "ts-monitor-private.h"

#define TWO_32 (G_GUINT64_CONSTANT (1) << 32)
#define TWO_31 (G_GUINT64_CONSTANT (1) << 31)

guint64
ts_counter_update (TsCounter *c,
                   guint64    raw,
                   gboolean   may_wrap)
{
  guint64 delta;

  if (!c->have)
    {
      c->have = TRUE;
      c->last = raw;
      return 0;
    }
  if (raw >= c->last)
    delta = raw - c->last;
  /* A 32-bit counter near its top that lands low: the forward distance
   * modulo 2^32 is short, as the kernel's own wrap-safe comparisons
   * assume.  A reset from high up in that range is taken as a wrap too;
   * nothing in the file tells them apart. */
  else if (may_wrap && c->last < TWO_32 && TWO_32 - c->last + raw < TWO_31)
    {
      delta = TWO_32 - c->last + raw;
      c->offset += TWO_32;
    }
  else
    {
      /* Reset: the device counts from zero again. */
      delta = raw;
      c->offset += c->last;
    }
  c->last = raw;
  return delta;
}

/* Shared by both device kinds: when the last reading was, and whether the
 * device was absent from the last good read. */
typedef struct
{
  gint64   last_time;
  gboolean have_time;
  gboolean gone;
  gint64   gone_since;
} Presence;

/* The seconds to divide deltas by, or 0 when this reading gives no rate. */
static double
presence_advance (Presence *p,
                  gint64    now,
                  gboolean *may_wrap)
{
  double dt = 0;

  *may_wrap = !p->gone;
  if (p->have_time && !p->gone && now > p->last_time)
    dt = (double) (now - p->last_time) / G_USEC_PER_SEC;
  p->have_time = TRUE;
  p->last_time = now;
  p->gone = FALSE;
  return dt;
}

static void
presence_set_unknown (Presence *p,
                      gint64    now,
                      gboolean  gone)
{
  if (gone && !p->gone)
    {
      p->gone = TRUE;
      p->gone_since = now;
    }
}

/* ------------------------------------------------------------------ disks */

enum
{
  D_READS, D_WRITES, D_READ_BYTES, D_WRITE_BYTES, D_READ_MS, D_WRITE_MS,
  D_READ_MERGED, D_WRITE_MERGED, D_BUSY_MS, D_N_COUNTERS
};

struct _TsDiskStats
{
  GObject     parent_instance;

  char       *name;
  char       *parent;
  gboolean    is_partition;
  gboolean    is_virtual;
  GListStore *partitions;
  TsHistory  *history;

  Presence    presence;
  TsCounter   counters[D_N_COUNTERS];
  double      read_rate, write_rate, read_iops, write_iops;
  double      read_merged_rate, write_merged_rate, busy, await_ms;
};

G_DEFINE_FINAL_TYPE (TsDiskStats, ts_disk_stats, G_TYPE_OBJECT)

enum { DISK_PROP_0, DISK_PROP_NAME, DISK_PROP_PARENT, DISK_PROP_IS_PARTITION,
       DISK_PROP_IS_VIRTUAL, DISK_N_PROPS };
static GParamSpec *disk_properties[DISK_N_PROPS];

static void
ts_disk_stats_finalize (GObject *object)
{
  TsDiskStats *self = TS_DISK_STATS (object);

  g_free (self->name);
  g_free (self->parent);
  g_clear_object (&self->partitions);
  g_clear_object (&self->history);
  G_OBJECT_CLASS (ts_disk_stats_parent_class)->finalize (object);
}

static void
ts_disk_stats_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TsDiskStats *self = TS_DISK_STATS (object);

  switch (prop_id)
    {
    case DISK_PROP_NAME: g_value_set_string (value, self->name); break;
    case DISK_PROP_PARENT: g_value_set_string (value, self->parent); break;
    case DISK_PROP_IS_PARTITION: g_value_set_boolean (value, self->is_partition); break;
    case DISK_PROP_IS_VIRTUAL: g_value_set_boolean (value, self->is_virtual); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_disk_stats_class_init (TsDiskStatsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags f = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ts_disk_stats_finalize;
  object_class->get_property = ts_disk_stats_get_property;
  disk_properties[DISK_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, f);
  disk_properties[DISK_PROP_PARENT] = g_param_spec_string ("parent", NULL, NULL, NULL, f);
  disk_properties[DISK_PROP_IS_PARTITION] = g_param_spec_boolean ("is-partition", NULL, NULL, FALSE, f);
  disk_properties[DISK_PROP_IS_VIRTUAL] = g_param_spec_boolean ("is-virtual", NULL, NULL, FALSE, f);
  g_object_class_install_properties (object_class, DISK_N_PROPS, disk_properties);
}

static void
disk_clear_rates (TsDiskStats *self)
{
  self->read_rate = self->write_rate = NAN;
  self->read_iops = self->write_iops = NAN;
  self->read_merged_rate = self->write_merged_rate = NAN;
  self->busy = self->await_ms = NAN;
}

static void
ts_disk_stats_init (TsDiskStats *self)
{
  disk_clear_rates (self);
}

TsDiskStats *
ts_disk_stats_new (const TsDiskIo *raw,
                   gboolean        is_virtual,
                   gint64          span_us)
{
  TsDiskStats *self = g_object_new (TS_TYPE_DISK_STATS, NULL);

  /* Device names are bytes; labels need UTF-8. */
  self->name = g_utf8_make_valid (raw->name, -1);
  self->parent = g_utf8_make_valid (raw->is_partition ? raw->parent : "", -1);
  self->is_partition = raw->is_partition;
  self->is_virtual = is_virtual;
  self->partitions = g_list_store_new (TS_TYPE_DISK_STATS);
  self->history = ts_history_new (TS_DISK_N_SERIES, span_us);
  return self;
}

static void
disk_push (TsDiskStats *self,
           gint64       now)
{
  double row[TS_DISK_N_SERIES];

  row[TS_DISK_SERIES_READ] = self->read_rate;
  row[TS_DISK_SERIES_WRITE] = self->write_rate;
  row[TS_DISK_SERIES_BUSY] = self->busy;
  ts_history_push (self->history, now, row);
}

void
ts_disk_stats_update (TsDiskStats    *self,
                      const TsDiskIo *raw,
                      gint64          now)
{
  const guint64 values[D_N_COUNTERS] = {
    [D_READS] = raw->read_count, [D_WRITES] = raw->write_count,
    [D_READ_BYTES] = raw->read_bytes, [D_WRITE_BYTES] = raw->write_bytes,
    [D_READ_MS] = raw->read_time_ms, [D_WRITE_MS] = raw->write_time_ms,
    [D_READ_MERGED] = raw->read_merged_count, [D_WRITE_MERGED] = raw->write_merged_count,
    [D_BUSY_MS] = raw->busy_time_ms,
  };
  guint64 d[D_N_COUNTERS];
  gboolean may_wrap;
  double dt = presence_advance (&self->presence, now, &may_wrap);

  for (guint i = 0; i < D_N_COUNTERS; i++)
    d[i] = ts_counter_update (&self->counters[i], values[i], may_wrap);

  if (dt > 0)
    {
      guint64 ios = d[D_READS] + d[D_WRITES];

      self->read_rate = (double) d[D_READ_BYTES] / dt;
      self->write_rate = (double) d[D_WRITE_BYTES] / dt;
      self->read_iops = (double) d[D_READS] / dt;
      self->write_iops = (double) d[D_WRITES] / dt;
      self->read_merged_rate = (double) d[D_READ_MERGED] / dt;
      self->write_merged_rate = (double) d[D_WRITE_MERGED] / dt;
      /* ms busy per s elapsed, as a percent: / (dt * 1000) * 100. */
      self->busy = MIN (100.0, (double) d[D_BUSY_MS] / dt / 10.0);
      self->await_ms = ios > 0 ? (double) (d[D_READ_MS] + d[D_WRITE_MS]) / (double) ios : 0.0;
    }
  else
    disk_clear_rates (self);
  disk_push (self, now);
}

void
ts_disk_stats_set_unknown (TsDiskStats *self,
                           gint64       now,
                           gboolean     gone)
{
  presence_set_unknown (&self->presence, now, gone);
  disk_clear_rates (self);
  disk_push (self, now);
}

gboolean
ts_disk_stats_is_gone (TsDiskStats *self,
                       gint64      *since)
{
  if (since != NULL)
    *since = self->presence.gone_since;
  return self->presence.gone;
}

GListStore *
ts_disk_stats_get_partition_store (TsDiskStats *self)
{
  return self->partitions;
}

#define DISK_GETTER(type, fn, expr)                 \
  type                                              \
  ts_disk_stats_get_##fn (TsDiskStats *self)        \
  {                                                 \
    g_return_val_if_fail (TS_IS_DISK_STATS (self), 0); \
    return expr;                                    \
  }

DISK_GETTER (const char *, name, self->name)
DISK_GETTER (const char *, parent, self->parent)
DISK_GETTER (gboolean, is_partition, self->is_partition)
DISK_GETTER (gboolean, is_virtual, self->is_virtual)
DISK_GETTER (GListModel *, partitions, G_LIST_MODEL (self->partitions))
DISK_GETTER (double, read_rate, self->read_rate)
DISK_GETTER (double, write_rate, self->write_rate)
DISK_GETTER (double, read_iops, self->read_iops)
DISK_GETTER (double, write_iops, self->write_iops)
DISK_GETTER (double, read_merged_rate, self->read_merged_rate)
DISK_GETTER (double, write_merged_rate, self->write_merged_rate)
DISK_GETTER (double, busy, self->busy)
DISK_GETTER (double, await, self->await_ms)
DISK_GETTER (guint64, read_bytes, ts_counter_total (&self->counters[D_READ_BYTES]))
DISK_GETTER (guint64, write_bytes, ts_counter_total (&self->counters[D_WRITE_BYTES]))
DISK_GETTER (guint64, read_count, ts_counter_total (&self->counters[D_READS]))
DISK_GETTER (guint64, write_count, ts_counter_total (&self->counters[D_WRITES]))
DISK_GETTER (TsHistory *, history, self->history)

/* -------------------------------------------------------------- interfaces */

enum
{
  N_RECV, N_SENT, N_PACKETS_RECV, N_PACKETS_SENT, N_ERRIN, N_ERROUT,
  N_DROPIN, N_DROPOUT, N_N_COUNTERS
};

struct _TsNetStats
{
  GObject    parent_instance;

  char      *name;
  TsHistory *history;
  Presence   presence;
  TsCounter  counters[N_N_COUNTERS];
  double     rx_rate, tx_rate;
};

G_DEFINE_FINAL_TYPE (TsNetStats, ts_net_stats, G_TYPE_OBJECT)

enum { NET_PROP_0, NET_PROP_NAME, NET_N_PROPS };
static GParamSpec *net_properties[NET_N_PROPS];

static void
ts_net_stats_finalize (GObject *object)
{
  TsNetStats *self = TS_NET_STATS (object);

  g_free (self->name);
  g_clear_object (&self->history);
  G_OBJECT_CLASS (ts_net_stats_parent_class)->finalize (object);
}

static void
ts_net_stats_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TsNetStats *self = TS_NET_STATS (object);

  switch (prop_id)
    {
    case NET_PROP_NAME: g_value_set_string (value, self->name); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_net_stats_class_init (TsNetStatsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ts_net_stats_finalize;
  object_class->get_property = ts_net_stats_get_property;
  net_properties[NET_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, NET_N_PROPS, net_properties);
}

static void
net_clear_rates (TsNetStats *self)
{
  self->rx_rate = self->tx_rate = NAN;
}

static void
ts_net_stats_init (TsNetStats *self)
{
  net_clear_rates (self);
}

TsNetStats *
ts_net_stats_new (const char *name,
                  gint64      span_us)
{
  TsNetStats *self = g_object_new (TS_TYPE_NET_STATS, NULL);

  self->name = g_utf8_make_valid (name, -1);
  self->history = ts_history_new (TS_NET_N_SERIES, span_us);
  return self;
}

static void
net_push (TsNetStats *self,
          gint64      now)
{
  double row[TS_NET_N_SERIES];

  row[TS_NET_SERIES_RX] = self->rx_rate;
  row[TS_NET_SERIES_TX] = self->tx_rate;
  ts_history_push (self->history, now, row);
}

void
ts_net_stats_update (TsNetStats    *self,
                     const TsNetIo *raw,
                     gint64         now)
{
  const guint64 values[N_N_COUNTERS] = {
    [N_RECV] = raw->bytes_recv, [N_SENT] = raw->bytes_sent,
    [N_PACKETS_RECV] = raw->packets_recv, [N_PACKETS_SENT] = raw->packets_sent,
    [N_ERRIN] = raw->errin, [N_ERROUT] = raw->errout,
    [N_DROPIN] = raw->dropin, [N_DROPOUT] = raw->dropout,
  };
  guint64 d[N_N_COUNTERS];
  gboolean may_wrap;
  double dt = presence_advance (&self->presence, now, &may_wrap);

  for (guint i = 0; i < N_N_COUNTERS; i++)
    d[i] = ts_counter_update (&self->counters[i], values[i], may_wrap);

  if (dt > 0)
    {
      self->rx_rate = (double) d[N_RECV] / dt;
      self->tx_rate = (double) d[N_SENT] / dt;
    }
  else
    net_clear_rates (self);
  net_push (self, now);
}

void
ts_net_stats_set_unknown (TsNetStats *self,
                          gint64      now,
                          gboolean    gone)
{
  presence_set_unknown (&self->presence, now, gone);
  net_clear_rates (self);
  net_push (self, now);
}

gboolean
ts_net_stats_is_gone (TsNetStats *self,
                      gint64     *since)
{
  if (since != NULL)
    *since = self->presence.gone_since;
  return self->presence.gone;
}

#define NET_GETTER(type, fn, expr)                  \
  type                                              \
  ts_net_stats_get_##fn (TsNetStats *self)          \
  {                                                 \
    g_return_val_if_fail (TS_IS_NET_STATS (self), 0); \
    return expr;                                    \
  }

NET_GETTER (const char *, name, self->name)
NET_GETTER (double, rx_rate, self->rx_rate)
NET_GETTER (double, tx_rate, self->tx_rate)
NET_GETTER (guint64, bytes_recv, ts_counter_total (&self->counters[N_RECV]))
NET_GETTER (guint64, bytes_sent, ts_counter_total (&self->counters[N_SENT]))
NET_GETTER (guint64, packets_recv, ts_counter_total (&self->counters[N_PACKETS_RECV]))
NET_GETTER (guint64, packets_sent, ts_counter_total (&self->counters[N_PACKETS_SENT]))
NET_GETTER (guint64, errin, ts_counter_total (&self->counters[N_ERRIN]))
NET_GETTER (guint64, errout, ts_counter_total (&self->counters[N_ERROUT]))
NET_GETTER (guint64, dropin, ts_counter_total (&self->counters[N_DROPIN]))
NET_GETTER (guint64, dropout, ts_counter_total (&self->counters[N_DROPOUT]))
NET_GETTER (TsHistory *, history, self->history)
