/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-monitor"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ts-backend-error.h"
#include "ts-monitor.h"
#include "ts-monitor-private.h"

struct _TsMonitor
{
  GObject          parent_instance;

  TsPlatform      *platform;
  TsClockFunc      clock;
  gpointer         clock_data;
  guint            interval_ms;
  guint            timeout_id;
  gint64           span_us;
  gboolean         show_virtual;
  guint64          n_samples;
  gint64           last_time;
  gboolean         have_last_time;  /* 0 is a valid clock reading */
  GError          *errors[TS_MONITOR_N_SOURCES];

  /* CPU */
  char            *cpu_model;
  gboolean         cpu_model_read;
  guint            n_cpus;
  TsCpuTimes       prev_total;
  TsCpuTimes      *prev_cores;      /* n_cpus */
  gboolean         have_prev_cpu;
  double           cpu_user, cpu_system, cpu_iowait;
  double          *core_usage;      /* n_cpus */
  TsHistory       *cpu_history;
  GPtrArray       *core_histories;  /* TsHistory, n_cpus */
  TsCpuFreq       *freqs;
  guint            n_freqs;
  GPtrArray       *freq_histories;  /* TsHistory, n_freqs */

  double           load[3];
  TsHistory       *load_history;

  TsVirtualMemory  mem;
  TsHistory       *memory_history;
  TsSwapMemory     swap;
  TsCounter        swap_in, swap_out;
  gint64           swap_time;
  gboolean         have_swap_time;
  double           swap_in_rate, swap_out_rate;
  TsHistory       *swap_history;
  TsHistory       *swap_io_history;

  TsDeviceSet      disks;           /* TsDiskStats */
  TsDeviceSet      net;             /* TsNetStats */
};

G_DEFINE_FINAL_TYPE (TsMonitor, ts_monitor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INTERVAL,
  PROP_SPAN,
  PROP_SHOW_VIRTUAL,
  N_PROPS
};

enum {
  CHANGED,
  DEVICES_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gint64
default_clock (gpointer user_data)
{
  (void) user_data;
  return g_get_monotonic_time ();
}

static void
set_error (TsMonitor             *self,
           TsMonitorSource        source,
           const TsPlatformError *err)
{
  g_clear_error (&self->errors[source]);
  if (err != NULL)
    ts_backend_error_set_from_platform (&self->errors[source], err);
}

static void
push3 (TsHistory *history,
       gint64     now,
       double     a,
       double     b,
       double     c)
{
  const double row[3] = { a, b, c };

  ts_history_push (history, now, row);
}

static void
push1 (TsHistory *history,
       gint64     now,
       double     a)
{
  ts_history_push (history, now, &a);
}

static GPtrArray *
new_histories (guint  n,
               gint64 span_us)
{
  GPtrArray *a = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (a, ts_history_new (1, span_us));
  return a;
}

/* -------------------------------------------------------------------- CPU */

static double
pos (double d)
{
  return d > 0 ? d : 0;
}

/* Shares of the time between two readings, in percent; false when no
 * time passed on that CPU.  See ts-monitor.h for what goes where. */
static gboolean
cpu_split (const TsCpuTimes *a,
           const TsCpuTimes *b,
           double           *user,
           double           *system,
           double           *iowait)
{
  double u = pos (b->user - a->user) + pos (b->nice - a->nice);
  double s = pos (b->system - a->system) + pos (b->irq - a->irq)
             + pos (b->softirq - a->softirq) + pos (b->steal - a->steal);
  double w = pos (b->iowait - a->iowait);
  double total = u + s + w + pos (b->idle - a->idle);

  if (total <= 0)
    return FALSE;
  *user = u / total * 100.0;
  *system = s / total * 100.0;
  *iowait = w / total * 100.0;
  return TRUE;
}

static void
resize_cores (TsMonitor *self,
              guint      n)
{
  self->n_cpus = n;
  g_clear_pointer (&self->core_histories, g_ptr_array_unref);
  self->core_histories = new_histories (n, self->span_us);
  g_free (self->prev_cores);
  self->prev_cores = g_new0 (TsCpuTimes, n);
  g_free (self->core_usage);
  self->core_usage = g_new (double, n);
  for (guint i = 0; i < n; i++)
    self->core_usage[i] = NAN;
}

static gboolean
sample_cpu (TsMonitor *self,
            gint64     now)
{
  TsPlatformError err;
  TsCpuTimesAll all;
  gboolean resized = FALSE;

  self->cpu_user = self->cpu_system = self->cpu_iowait = NAN;
  for (guint i = 0; i < self->n_cpus; i++)
    self->core_usage[i] = NAN;

  if (!ts_platform_cpu_times (self->platform, &all, &err))
    set_error (self, TS_MONITOR_SOURCE_CPU, &err);
  else
    {
      set_error (self, TS_MONITOR_SOURCE_CPU, NULL);
      if (all.n_cpu != self->n_cpus)
        {
          /* CPUs went on- or offline: cores are counted afresh. */
          resize_cores (self, (guint) all.n_cpu);
          resized = TRUE;
        }
      if (self->have_prev_cpu)
        {
          double u, s, w;

          if (cpu_split (&self->prev_total, &all.total, &u, &s, &w))
            {
              self->cpu_user = u;
              self->cpu_system = s;
              self->cpu_iowait = w;
            }
          for (guint i = 0; i < self->n_cpus && !resized; i++)
            if (cpu_split (&self->prev_cores[i], &all.per_cpu[i], &u, &s, &w))
              self->core_usage[i] = u + s;
        }
      self->prev_total = all.total;
      if (self->n_cpus > 0)
        memcpy (self->prev_cores, all.per_cpu, self->n_cpus * sizeof *self->prev_cores);
      self->have_prev_cpu = TRUE;
      ts_cpu_times_all_clear (&all);
    }

  push3 (self->cpu_history, now, self->cpu_user, self->cpu_system, self->cpu_iowait);
  for (guint i = 0; i < self->n_cpus; i++)
    push1 (g_ptr_array_index (self->core_histories, i), now, self->core_usage[i]);
  return resized;
}

static gboolean
sample_freq (TsMonitor *self,
             gint64     now)
{
  TsPlatformError err;
  TsCpuFreq *freqs = NULL;
  size_t n = 0;
  gboolean resized = FALSE;

  if (!ts_platform_cpu_freq (self->platform, &freqs, &n, &err))
    {
      set_error (self, TS_MONITOR_SOURCE_CPU_FREQ, &err);
      for (guint i = 0; i < self->n_freqs; i++)
        self->freqs[i].current = self->freqs[i].min = self->freqs[i].max = NAN;
    }
  else
    {
      set_error (self, TS_MONITOR_SOURCE_CPU_FREQ, NULL);
      if (n != self->n_freqs)
        {
          g_clear_pointer (&self->freq_histories, g_ptr_array_unref);
          self->freq_histories = new_histories ((guint) n, self->span_us);
          self->n_freqs = (guint) n;
          resized = TRUE;
        }
      g_free (self->freqs);
      self->freqs = g_memdup2 (freqs, n * sizeof *freqs);
      free (freqs);
    }
  for (guint i = 0; i < self->n_freqs; i++)
    push1 (g_ptr_array_index (self->freq_histories, i), now, self->freqs[i].current);
  return resized;
}

static void
read_cpu_model (TsMonitor *self)
{
  TsPlatformError err;
  char buf[256];

  self->cpu_model_read = TRUE;
  if (!ts_platform_cpu_model (self->platform, buf, sizeof buf, &err))
    {
      set_error (self, TS_MONITOR_SOURCE_CPU_MODEL, &err);
      return;
    }
  g_free (self->cpu_model);
  self->cpu_model = g_utf8_make_valid (buf, -1);
}

/* ------------------------------------------------- load, memory and swap */

static void
sample_load (TsMonitor *self,
             gint64     now)
{
  TsPlatformError err;

  if (ts_platform_loadavg (self->platform, self->load, &err))
    set_error (self, TS_MONITOR_SOURCE_LOADAVG, NULL);
  else
    {
      set_error (self, TS_MONITOR_SOURCE_LOADAVG, &err);
      self->load[0] = self->load[1] = self->load[2] = NAN;
    }
  push3 (self->load_history, now, self->load[0], self->load[1], self->load[2]);
}

/* have: the memory was read already (with the swap, in one pass). */
static void
sample_memory (TsMonitor *self,
               gint64     now,
               gboolean   have)
{
  TsPlatformError err;

  if (have || ts_platform_virtual_memory (self->platform, &self->mem, &err))
    {
      set_error (self, TS_MONITOR_SOURCE_MEMORY, NULL);
      push3 (self->memory_history, now, (double) self->mem.used,
             (double) self->mem.cached + (double) self->mem.buffers,
             (double) self->mem.available);
    }
  else
    {
      set_error (self, TS_MONITOR_SOURCE_MEMORY, &err);
      memset (&self->mem, 0, sizeof self->mem);
      push3 (self->memory_history, now, NAN, NAN, NAN);
    }
}

static void
sample_swap (TsMonitor *self,
             gint64     now,
             gboolean   have)
{
  TsPlatformError err;

  self->swap_in_rate = self->swap_out_rate = NAN;
  if (have || ts_platform_swap_memory (self->platform, &self->swap, &err))
    {
      guint64 din = ts_counter_update (&self->swap_in, self->swap.sin, TRUE);
      guint64 dout = ts_counter_update (&self->swap_out, self->swap.sout, TRUE);

      set_error (self, TS_MONITOR_SOURCE_SWAP, NULL);
      if (self->have_swap_time && now > self->swap_time)
        {
          double dt = (double) (now - self->swap_time) / G_USEC_PER_SEC;

          self->swap_in_rate = (double) din / dt;
          self->swap_out_rate = (double) dout / dt;
        }
      self->swap_time = now;
      self->have_swap_time = TRUE;
      push1 (self->swap_history, now, (double) self->swap.used);
    }
  else
    {
      set_error (self, TS_MONITOR_SOURCE_SWAP, &err);
      memset (&self->swap, 0, sizeof self->swap);
      push1 (self->swap_history, now, NAN);
    }
  {
    const double row[TS_SWAP_IO_N_SERIES] = { self->swap_in_rate, self->swap_out_rate };

    ts_history_push (self->swap_io_history, now, row);
  }
}

/* ---------------------------------------------------------------- devices */

static gboolean
sample_disks (TsMonitor *self,
              gint64     now)
{
  TsPlatformError err;
  TsDiskIo *raw = NULL;
  size_t n = 0;
  gboolean changed;

  if (!ts_platform_disk_io (self->platform, &raw, &n, &err))
    {
      /* Unknown, not gone: the devices stay listed. */
      set_error (self, TS_MONITOR_SOURCE_DISKS, &err);
      ts_device_set_unknown (&self->disks, now);
      return FALSE;
    }
  set_error (self, TS_MONITOR_SOURCE_DISKS, NULL);
  changed = ts_disk_set_update (&self->disks, raw, n, now, self->span_us, self->show_virtual);
  free (raw);
  return changed;
}

static gboolean
sample_net (TsMonitor *self,
            gint64     now)
{
  TsPlatformError err;
  TsNetIo *raw = NULL;
  size_t n = 0;
  gboolean changed;

  if (!ts_platform_net_io (self->platform, &raw, &n, &err))
    {
      set_error (self, TS_MONITOR_SOURCE_NET, &err);
      ts_device_set_unknown (&self->net, now);
      return FALSE;
    }
  set_error (self, TS_MONITOR_SOURCE_NET, NULL);
  changed = ts_net_set_update (&self->net, raw, n, now, self->span_us);
  free (raw);
  return changed;
}

/* ---------------------------------------------------------------- driving */

void
ts_monitor_sample (TsMonitor *self)
{
  gboolean devices_changed = FALSE;
  gint64 now;

  g_return_if_fail (TS_IS_MONITOR (self));

  if (self->platform == NULL)
    return;
  now = self->clock (self->clock_data);
  if (self->have_last_time && now <= self->last_time)
    {
      g_debug ("sample at %" G_GINT64_FORMAT " µs is not after the last one, ignored", now);
      return;
    }

  if (!self->cpu_model_read)
    read_cpu_model (self);
  devices_changed |= sample_cpu (self, now);
  devices_changed |= sample_freq (self, now);
  sample_load (self, now);
  {
    /* One read of meminfo for both; when it fails, each reader alone says
     * which of them failed and why. */
    TsPlatformError err;
    gboolean both = ts_platform_memory (self->platform, &self->mem, &self->swap, &err);

    sample_memory (self, now, both);
    sample_swap (self, now, both);
  }
  devices_changed |= sample_disks (self, now);
  devices_changed |= sample_net (self, now);

  self->last_time = now;
  self->have_last_time = TRUE;
  self->n_samples++;
  if (devices_changed)
    g_signal_emit (self, signals[DEVICES_CHANGED], 0);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
ts_monitor_set_clock (TsMonitor   *self,
                      TsClockFunc  clock,
                      gpointer     user_data)
{
  g_return_if_fail (TS_IS_MONITOR (self));

  self->clock = clock != NULL ? clock : default_clock;
  self->clock_data = clock != NULL ? user_data : NULL;
}

static gboolean
timeout_cb (gpointer user_data)
{
  ts_monitor_sample (TS_MONITOR (user_data));
  return G_SOURCE_CONTINUE;
}

static void
arm_timer (TsMonitor *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (self->interval_ms, timeout_cb, self);
  g_source_set_name_by_id (self->timeout_id, "[taskscope] monitor sample");
}

void
ts_monitor_start (TsMonitor *self)
{
  g_return_if_fail (TS_IS_MONITOR (self));

  if (self->timeout_id != 0)
    return;
  ts_monitor_sample (self);
  arm_timer (self);
}

void
ts_monitor_stop (TsMonitor *self)
{
  g_return_if_fail (TS_IS_MONITOR (self));
  g_clear_handle_id (&self->timeout_id, g_source_remove);
}

gboolean
ts_monitor_get_running (TsMonitor *self)
{
  g_return_val_if_fail (TS_IS_MONITOR (self), FALSE);
  return self->timeout_id != 0;
}

guint
ts_monitor_get_interval (TsMonitor *self)
{
  g_return_val_if_fail (TS_IS_MONITOR (self), 0);
  return self->interval_ms;
}

void
ts_monitor_set_interval (TsMonitor *self,
                         guint      interval_ms)
{
  g_return_if_fail (TS_IS_MONITOR (self));

  interval_ms = CLAMP (interval_ms, 250, 10000);
  if (self->interval_ms == interval_ms)
    return;
  self->interval_ms = interval_ms;
  if (self->timeout_id != 0)
    arm_timer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL]);
}

gint64
ts_monitor_get_span (TsMonitor *self)
{
  g_return_val_if_fail (TS_IS_MONITOR (self), 0);
  return self->span_us;
}

static void
set_histories_span (GPtrArray *histories,
                    gint64     span_us)
{
  for (guint i = 0; histories != NULL && i < histories->len; i++)
    ts_history_set_span (g_ptr_array_index (histories, i), span_us);
}

void
ts_monitor_set_span (TsMonitor *self,
                     gint64     span_us)
{
  g_return_if_fail (TS_IS_MONITOR (self));

  span_us = CLAMP (span_us, TS_MONITOR_SPAN_MIN, TS_MONITOR_SPAN_MAX);
  if (self->span_us == span_us)
    return;
  self->span_us = span_us;

  ts_history_set_span (self->cpu_history, span_us);
  set_histories_span (self->core_histories, span_us);
  set_histories_span (self->freq_histories, span_us);
  ts_history_set_span (self->load_history, span_us);
  ts_history_set_span (self->memory_history, span_us);
  ts_history_set_span (self->swap_history, span_us);
  ts_history_set_span (self->swap_io_history, span_us);
  ts_device_set_set_span (&self->disks, span_us);
  ts_device_set_set_span (&self->net, span_us);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPAN]);
}

gboolean
ts_monitor_get_show_virtual (TsMonitor *self)
{
  g_return_val_if_fail (TS_IS_MONITOR (self), FALSE);
  return self->show_virtual;
}

void
ts_monitor_set_show_virtual (TsMonitor *self,
                             gboolean   show)
{
  g_return_if_fail (TS_IS_MONITOR (self));

  show = !!show;
  if (self->show_virtual == show)
    return;
  self->show_virtual = show;
  ts_disk_set_rebuild (&self->disks, show);
  g_signal_emit (self, signals[DEVICES_CHANGED], 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_VIRTUAL]);
}

guint64
ts_monitor_get_n_samples (TsMonitor *self)
{
  g_return_val_if_fail (TS_IS_MONITOR (self), 0);
  return self->n_samples;
}

const GError *
ts_monitor_get_error (TsMonitor       *self,
                      TsMonitorSource  source)
{
  g_return_val_if_fail (TS_IS_MONITOR (self), NULL);
  g_return_val_if_fail (source < TS_MONITOR_N_SOURCES, NULL);
  return self->errors[source];
}

/* -------------------------------------------------------------- accessors */

#define GETTER(type, fn, expr)                      \
  type                                              \
  ts_monitor_get_##fn (TsMonitor *self)             \
  {                                                 \
    g_return_val_if_fail (TS_IS_MONITOR (self), 0); \
    return expr;                                    \
  }

GETTER (const char *, cpu_model, self->cpu_model)
GETTER (guint, n_cpus, self->n_cpus)
GETTER (double, cpu_user, self->cpu_user)
GETTER (double, cpu_system, self->cpu_system)
GETTER (double, cpu_iowait, self->cpu_iowait)
GETTER (double, cpu_usage, self->cpu_user + self->cpu_system)
GETTER (TsHistory *, cpu_history, self->cpu_history)
GETTER (guint, n_freqs, self->n_freqs)
GETTER (TsHistory *, load_history, self->load_history)
GETTER (guint64, memory_total, self->mem.total)
GETTER (guint64, memory_used, self->mem.used)
GETTER (guint64, memory_cache, self->mem.cached + self->mem.buffers)
GETTER (guint64, memory_available, self->mem.available)
GETTER (TsHistory *, memory_history, self->memory_history)
GETTER (guint64, swap_total, self->swap.total)
GETTER (guint64, swap_used, self->swap.used)
GETTER (double, swap_in_rate, self->swap_in_rate)
GETTER (double, swap_out_rate, self->swap_out_rate)
GETTER (TsHistory *, swap_history, self->swap_history)
GETTER (TsHistory *, swap_io_history, self->swap_io_history)
GETTER (GListModel *, disks, G_LIST_MODEL (self->disks.store))
GETTER (GListModel *, net, G_LIST_MODEL (self->net.store))

double
ts_monitor_get_core_usage (TsMonitor *self,
                           guint      cpu)
{
  g_return_val_if_fail (TS_IS_MONITOR (self), NAN);
  g_return_val_if_fail (cpu < self->n_cpus, NAN);
  return self->core_usage[cpu];
}

TsHistory *
ts_monitor_get_core_history (TsMonitor *self,
                             guint      cpu)
{
  g_return_val_if_fail (TS_IS_MONITOR (self), NULL);
  g_return_val_if_fail (cpu < self->n_cpus, NULL);
  return g_ptr_array_index (self->core_histories, cpu);
}

gboolean
ts_monitor_get_freq (TsMonitor *self,
                     guint      index,
                     double    *current,
                     double    *min,
                     double    *max)
{
  g_return_val_if_fail (TS_IS_MONITOR (self), FALSE);

  if (index >= self->n_freqs)
    {
      if (current != NULL)
        *current = NAN;
      if (min != NULL)
        *min = NAN;
      if (max != NULL)
        *max = NAN;
      return FALSE;
    }
  if (current != NULL)
    *current = self->freqs[index].current;
  if (min != NULL)
    *min = self->freqs[index].min;
  if (max != NULL)
    *max = self->freqs[index].max;
  return !isnan (self->freqs[index].current);
}

TsHistory *
ts_monitor_get_freq_history (TsMonitor *self,
                             guint      index)
{
  g_return_val_if_fail (TS_IS_MONITOR (self), NULL);
  g_return_val_if_fail (index < self->n_freqs, NULL);
  return g_ptr_array_index (self->freq_histories, index);
}

void
ts_monitor_get_loadavg (TsMonitor *self,
                        double     out[3])
{
  g_return_if_fail (TS_IS_MONITOR (self));
  memcpy (out, self->load, sizeof self->load);
}

TsDiskStats *
ts_monitor_lookup_disk (TsMonitor  *self,
                        const char *name)
{
  g_return_val_if_fail (TS_IS_MONITOR (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  return g_hash_table_lookup (self->disks.by_name, name);
}

TsNetStats *
ts_monitor_lookup_net (TsMonitor  *self,
                       const char *name)
{
  g_return_val_if_fail (TS_IS_MONITOR (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  return g_hash_table_lookup (self->net.by_name, name);
}

/* ------------------------------------------------------------- GObject */

static void
ts_monitor_dispose (GObject *object)
{
  TsMonitor *self = TS_MONITOR (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  G_OBJECT_CLASS (ts_monitor_parent_class)->dispose (object);
}

static void
ts_monitor_finalize (GObject *object)
{
  TsMonitor *self = TS_MONITOR (object);

  for (guint i = 0; i < TS_MONITOR_N_SOURCES; i++)
    g_clear_error (&self->errors[i]);
  g_clear_pointer (&self->platform, ts_platform_free);
  g_free (self->cpu_model);
  g_free (self->prev_cores);
  g_free (self->core_usage);
  g_free (self->freqs);
  g_clear_object (&self->cpu_history);
  g_clear_pointer (&self->core_histories, g_ptr_array_unref);
  g_clear_pointer (&self->freq_histories, g_ptr_array_unref);
  g_clear_object (&self->load_history);
  g_clear_object (&self->memory_history);
  g_clear_object (&self->swap_history);
  g_clear_object (&self->swap_io_history);
  ts_device_set_clear (&self->disks);
  ts_device_set_clear (&self->net);
  G_OBJECT_CLASS (ts_monitor_parent_class)->finalize (object);
}

static void
ts_monitor_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  TsMonitor *self = TS_MONITOR (object);

  switch (prop_id)
    {
    case PROP_INTERVAL: g_value_set_uint (value, self->interval_ms); break;
    case PROP_SPAN: g_value_set_int64 (value, self->span_us); break;
    case PROP_SHOW_VIRTUAL: g_value_set_boolean (value, self->show_virtual); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_monitor_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  TsMonitor *self = TS_MONITOR (object);

  switch (prop_id)
    {
    case PROP_INTERVAL: ts_monitor_set_interval (self, g_value_get_uint (value)); break;
    case PROP_SPAN: ts_monitor_set_span (self, g_value_get_int64 (value)); break;
    case PROP_SHOW_VIRTUAL: ts_monitor_set_show_virtual (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_monitor_class_init (TsMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags f = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = ts_monitor_dispose;
  object_class->finalize = ts_monitor_finalize;
  object_class->get_property = ts_monitor_get_property;
  object_class->set_property = ts_monitor_set_property;

  properties[PROP_INTERVAL] = g_param_spec_uint ("interval", NULL, NULL, 250, 10000, 1000, f);
  properties[PROP_SPAN] = g_param_spec_int64 ("span", NULL, NULL, TS_MONITOR_SPAN_MIN,
                                              TS_MONITOR_SPAN_MAX, TS_MONITOR_SPAN_DEFAULT, f);
  properties[PROP_SHOW_VIRTUAL] = g_param_spec_boolean ("show-virtual", NULL, NULL, FALSE, f);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[DEVICES_CHANGED] = g_signal_new ("devices-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);
}

static void
ts_monitor_init (TsMonitor *self)
{
  self->clock = default_clock;
  self->interval_ms = 1000;
  self->span_us = TS_MONITOR_SPAN_DEFAULT;
  self->cpu_model = g_strdup ("");
  self->cpu_user = self->cpu_system = self->cpu_iowait = NAN;
  self->load[0] = self->load[1] = self->load[2] = NAN;
  self->swap_in_rate = self->swap_out_rate = NAN;
  self->cpu_history = ts_history_new (TS_CPU_N_SERIES, self->span_us);
  self->core_histories = new_histories (0, self->span_us);
  self->freq_histories = new_histories (0, self->span_us);
  self->load_history = ts_history_new (TS_LOAD_N_SERIES, self->span_us);
  self->memory_history = ts_history_new (TS_MEMORY_N_SERIES, self->span_us);
  self->swap_history = ts_history_new (1, self->span_us);
  self->swap_io_history = ts_history_new (TS_SWAP_IO_N_SERIES, self->span_us);
  ts_device_set_init (&self->disks, TS_TYPE_DISK_STATS);
  ts_device_set_init (&self->net, TS_TYPE_NET_STATS);
}

TsMonitor *
ts_monitor_new (const char *procfs_root,
                const char *sysfs_root)
{
  TsMonitor *self = g_object_new (TS_TYPE_MONITOR, NULL);
  TsPlatformError err;

  self->platform = ts_platform_new (procfs_root, sysfs_root, &err);
  if (self->platform == NULL)
    {
      /* Not fatal (the rest of the window works): every source answers
       * with this error and samples do nothing. */
      for (guint i = 0; i < TS_MONITOR_N_SOURCES; i++)
        set_error (self, i, &err);
      self->cpu_model_read = TRUE;
    }
  return self;
}
