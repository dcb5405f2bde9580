/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-process"

#include "config.h"

#include "ts-process-private.h"

struct _TsProcess
{
  GObject      parent_instance;

  TsPid        pid;
  TsPid        ppid;
  guint64      start_ticks;
  gboolean     kernel_thread;
  gboolean     alive;
  char        *name;
  char        *user;
  guint        uid;
  TsProcStatus state;
  double       cpu_percent;
  guint64      rss, vms, shared;
  guint64      uss, pss, swap;
  guint64      rss_anon;
  gboolean     memory_full_valid;
  int          threads;
  double       disk_read_rate, disk_write_rate;
  gboolean     io_valid;
  double       start_time;
  char        *command_line;
  int          nice;
  int          ionice_class, ionice_value;
  int          cpu_num;
  char        *terminal;

  /* Counters of the previous tick, for rates. */
  double       prev_cpu_seconds;
  guint64      prev_read_bytes, prev_write_bytes;
  gboolean     have_prev_cpu, have_prev_io;
  guint64      seen_tick;
};

G_DEFINE_FINAL_TYPE (TsProcess, ts_process, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PID,
  PROP_PPID,
  PROP_START_TICKS,
  PROP_KERNEL_THREAD,
  PROP_ALIVE,
  PROP_NAME,
  PROP_USER,
  PROP_UID,
  PROP_STATE,
  PROP_CPU_PERCENT,
  PROP_RSS,
  PROP_VMS,
  PROP_SHARED,
  PROP_USS,
  PROP_PSS,
  PROP_SWAP,
  PROP_RSS_ANON,
  PROP_MEMORY_FULL_VALID,
  PROP_THREADS,
  PROP_DISK_READ_RATE,
  PROP_DISK_WRITE_RATE,
  PROP_IO_VALID,
  PROP_START_TIME,
  PROP_COMMAND_LINE,
  PROP_NICE,
  PROP_IONICE_CLASS,
  PROP_IONICE_VALUE,
  PROP_CPU_NUM,
  PROP_TERMINAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
ts_process_data_clear (TsProcessData *data)
{
  g_clear_pointer (&data->name, g_free);
  g_clear_pointer (&data->user, g_free);
  g_clear_pointer (&data->command_line, g_free);
  g_clear_pointer (&data->terminal, g_free);
}

static void
ts_process_finalize (GObject *object)
{
  TsProcess *self = TS_PROCESS (object);

  g_free (self->name);
  g_free (self->user);
  g_free (self->command_line);
  g_free (self->terminal);

  G_OBJECT_CLASS (ts_process_parent_class)->finalize (object);
}

static void
ts_process_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  TsProcess *self = TS_PROCESS (object);

  switch (prop_id)
    {
    case PROP_PID: g_value_set_int (value, self->pid); break;
    case PROP_PPID: g_value_set_int (value, self->ppid); break;
    case PROP_START_TICKS: g_value_set_uint64 (value, self->start_ticks); break;
    case PROP_KERNEL_THREAD: g_value_set_boolean (value, self->kernel_thread); break;
    case PROP_ALIVE: g_value_set_boolean (value, self->alive); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_USER: g_value_set_string (value, self->user); break;
    case PROP_UID: g_value_set_uint (value, self->uid); break;
    case PROP_STATE: g_value_set_string (value, ts_proc_status_name (self->state)); break;
    case PROP_CPU_PERCENT: g_value_set_double (value, self->cpu_percent); break;
    case PROP_RSS: g_value_set_uint64 (value, self->rss); break;
    case PROP_VMS: g_value_set_uint64 (value, self->vms); break;
    case PROP_SHARED: g_value_set_uint64 (value, self->shared); break;
    case PROP_USS: g_value_set_uint64 (value, self->uss); break;
    case PROP_PSS: g_value_set_uint64 (value, self->pss); break;
    case PROP_SWAP: g_value_set_uint64 (value, self->swap); break;
    case PROP_RSS_ANON: g_value_set_uint64 (value, self->rss_anon); break;
    case PROP_MEMORY_FULL_VALID: g_value_set_boolean (value, self->memory_full_valid); break;
    case PROP_THREADS: g_value_set_int (value, self->threads); break;
    case PROP_DISK_READ_RATE: g_value_set_double (value, self->disk_read_rate); break;
    case PROP_DISK_WRITE_RATE: g_value_set_double (value, self->disk_write_rate); break;
    case PROP_IO_VALID: g_value_set_boolean (value, self->io_valid); break;
    case PROP_START_TIME: g_value_set_double (value, self->start_time); break;
    case PROP_COMMAND_LINE: g_value_set_string (value, self->command_line); break;
    case PROP_NICE: g_value_set_int (value, self->nice); break;
    case PROP_IONICE_CLASS: g_value_set_int (value, self->ionice_class); break;
    case PROP_IONICE_VALUE: g_value_set_int (value, self->ionice_value); break;
    case PROP_CPU_NUM: g_value_set_int (value, self->cpu_num); break;
    case PROP_TERMINAL: g_value_set_string (value, self->terminal); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_process_class_init (TsProcessClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags f = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ts_process_finalize;
  object_class->get_property = ts_process_get_property;

  properties[PROP_PID] = g_param_spec_int ("pid", NULL, NULL, 0, G_MAXINT, 0, f);
  properties[PROP_PPID] = g_param_spec_int ("ppid", NULL, NULL, 0, G_MAXINT, 0, f);
  properties[PROP_START_TICKS] = g_param_spec_uint64 ("start-ticks", NULL, NULL, 0, G_MAXUINT64, 0, f);
  properties[PROP_KERNEL_THREAD] = g_param_spec_boolean ("kernel-thread", NULL, NULL, FALSE, f);
  properties[PROP_ALIVE] = g_param_spec_boolean ("alive", NULL, NULL, TRUE, f);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, f);
  properties[PROP_USER] = g_param_spec_string ("user", NULL, NULL, NULL, f);
  properties[PROP_UID] = g_param_spec_uint ("uid", NULL, NULL, 0, G_MAXUINT, 0, f);
  properties[PROP_STATE] = g_param_spec_string ("state", NULL, NULL, NULL, f);
  properties[PROP_CPU_PERCENT] = g_param_spec_double ("cpu-percent", NULL, NULL, 0, G_MAXDOUBLE, 0, f);
  properties[PROP_RSS] = g_param_spec_uint64 ("rss", NULL, NULL, 0, G_MAXUINT64, 0, f);
  properties[PROP_VMS] = g_param_spec_uint64 ("vms", NULL, NULL, 0, G_MAXUINT64, 0, f);
  properties[PROP_SHARED] = g_param_spec_uint64 ("shared", NULL, NULL, 0, G_MAXUINT64, 0, f);
  properties[PROP_USS] = g_param_spec_uint64 ("uss", NULL, NULL, 0, G_MAXUINT64, 0, f);
  properties[PROP_PSS] = g_param_spec_uint64 ("pss", NULL, NULL, 0, G_MAXUINT64, 0, f);
  properties[PROP_SWAP] = g_param_spec_uint64 ("swap", NULL, NULL, 0, G_MAXUINT64, 0, f);
  properties[PROP_RSS_ANON] = g_param_spec_uint64 ("rss-anon", NULL, NULL, 0, G_MAXUINT64, 0, f);
  properties[PROP_MEMORY_FULL_VALID] = g_param_spec_boolean ("memory-full-valid", NULL, NULL, FALSE, f);
  properties[PROP_THREADS] = g_param_spec_int ("threads", NULL, NULL, 0, G_MAXINT, 0, f);
  properties[PROP_DISK_READ_RATE] = g_param_spec_double ("disk-read-rate", NULL, NULL, 0, G_MAXDOUBLE, 0, f);
  properties[PROP_DISK_WRITE_RATE] = g_param_spec_double ("disk-write-rate", NULL, NULL, 0, G_MAXDOUBLE, 0, f);
  properties[PROP_IO_VALID] = g_param_spec_boolean ("io-valid", NULL, NULL, FALSE, f);
  properties[PROP_START_TIME] = g_param_spec_double ("start-time", NULL, NULL, 0, G_MAXDOUBLE, 0, f);
  properties[PROP_COMMAND_LINE] = g_param_spec_string ("command-line", NULL, NULL, NULL, f);
  properties[PROP_NICE] = g_param_spec_int ("nice", NULL, NULL, -20, 19, 0, f);
  properties[PROP_IONICE_CLASS] = g_param_spec_int ("ionice-class", NULL, NULL, 0, 3, 0, f);
  properties[PROP_IONICE_VALUE] = g_param_spec_int ("ionice-value", NULL, NULL, 0, 7, 0, f);
  properties[PROP_CPU_NUM] = g_param_spec_int ("cpu-num", NULL, NULL, -1, G_MAXINT, -1, f);
  properties[PROP_TERMINAL] = g_param_spec_string ("terminal", NULL, NULL, NULL, f);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ts_process_init (TsProcess *self)
{
  self->alive = TRUE;
  self->cpu_num = -1;
}

/* Setters that notify only on change.  Doubles compare exactly: a rate that
 * moved by any amount is a new value to show. */
#define SET_SCALAR(field, val, prop)                                  \
  G_STMT_START {                                                      \
    if (self->field != (val))                                         \
      {                                                               \
        self->field = (val);                                          \
        g_object_notify_by_pspec (G_OBJECT (self), properties[prop]); \
      }                                                               \
  } G_STMT_END

static void
set_string (TsProcess *self, char **field, const char *val, guint prop)
{
  if (g_strcmp0 (*field, val) == 0)
    return;
  g_free (*field);
  *field = g_strdup (val);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

TsProcess *
ts_process_new (const TsProcessData *data)
{
  TsProcess *self = g_object_new (TS_TYPE_PROCESS, NULL);

  self->pid = data->pid;
  self->start_ticks = data->start_ticks;
  /* No notifications on a new object: nobody watches it yet. */
  g_object_freeze_notify (G_OBJECT (self));
  ts_process_update (self, data, 0);
  g_object_thaw_notify (G_OBJECT (self));
  return self;
}

void
ts_process_update (TsProcess           *self,
                   const TsProcessData *data,
                   double               elapsed)
{
  guint32 v = data->valid;

  g_return_if_fail (TS_IS_PROCESS (self));

  g_object_freeze_notify (G_OBJECT (self));

  SET_SCALAR (kernel_thread, data->kernel_thread, PROP_KERNEL_THREAD);
  if (v & TS_PF_PPID)
    SET_SCALAR (ppid, data->ppid, PROP_PPID);
  if (v & TS_PF_NAME)
    set_string (self, &self->name, data->name, PROP_NAME);
  if (v & TS_PF_UIDS)
    {
      SET_SCALAR (uid, data->uid, PROP_UID);
      set_string (self, &self->user, data->user, PROP_USER);
    }
  if (v & TS_PF_STATUS)
    SET_SCALAR (state, data->state, PROP_STATE);

  if (v & TS_PF_CPU_TIMES)
    {
      double pct = 0;

      /* A counter that went back (it cannot, but a doctored tree can) is no
       * usage, not a negative one. */
      if (self->have_prev_cpu && elapsed > 0 && data->cpu_seconds >= self->prev_cpu_seconds)
        pct = (data->cpu_seconds - self->prev_cpu_seconds) / elapsed * 100.0;
      self->prev_cpu_seconds = data->cpu_seconds;
      self->have_prev_cpu = TRUE;
      SET_SCALAR (cpu_percent, pct, PROP_CPU_PERCENT);
    }

  if (v & TS_PF_MEMORY_INFO)
    {
      SET_SCALAR (rss, data->rss, PROP_RSS);
      SET_SCALAR (vms, data->vms, PROP_VMS);
      SET_SCALAR (shared, data->shared, PROP_SHARED);
    }
  if (v & TS_PF_MEMORY_FULL)
    {
      SET_SCALAR (uss, data->uss, PROP_USS);
      SET_SCALAR (pss, data->pss, PROP_PSS);
      SET_SCALAR (swap, data->swap, PROP_SWAP);
      SET_SCALAR (memory_full_valid, TRUE, PROP_MEMORY_FULL_VALID);
    }
  else if (data->wanted & TS_PF_MEMORY_FULL)
    /* Asked and refused (e.g. the process changed its credentials). */
    SET_SCALAR (memory_full_valid, FALSE, PROP_MEMORY_FULL_VALID);
  if (v & TS_PF_RSS_ANON)
    SET_SCALAR (rss_anon, data->rss_anon, PROP_RSS_ANON);
  if (v & TS_PF_NUM_THREADS)
    SET_SCALAR (threads, data->threads, PROP_THREADS);

  if (v & TS_PF_IO_COUNTERS)
    {
      double r = 0, w = 0;

      if (self->have_prev_io && elapsed > 0)
        {
          if (data->read_bytes >= self->prev_read_bytes)
            r = (double) (data->read_bytes - self->prev_read_bytes) / elapsed;
          if (data->write_bytes >= self->prev_write_bytes)
            w = (double) (data->write_bytes - self->prev_write_bytes) / elapsed;
        }
      self->prev_read_bytes = data->read_bytes;
      self->prev_write_bytes = data->write_bytes;
      self->have_prev_io = TRUE;
      SET_SCALAR (disk_read_rate, r, PROP_DISK_READ_RATE);
      SET_SCALAR (disk_write_rate, w, PROP_DISK_WRITE_RATE);
      SET_SCALAR (io_valid, TRUE, PROP_IO_VALID);
    }
  else if (data->wanted & TS_PF_IO_COUNTERS)
    SET_SCALAR (io_valid, FALSE, PROP_IO_VALID);

  if (v & TS_PF_CREATE_TIME)
    SET_SCALAR (start_time, data->start_time, PROP_START_TIME);
  if (v & TS_PF_CMDLINE)
    set_string (self, &self->command_line, data->command_line, PROP_COMMAND_LINE);
  if (v & TS_PF_NICE)
    SET_SCALAR (nice, data->nice, PROP_NICE);
  if (v & TS_PF_IONICE)
    {
      SET_SCALAR (ionice_class, data->ionice_class, PROP_IONICE_CLASS);
      SET_SCALAR (ionice_value, data->ionice_value, PROP_IONICE_VALUE);
    }
  if (v & TS_PF_CPU_NUM)
    SET_SCALAR (cpu_num, data->cpu_num, PROP_CPU_NUM);
  if (v & TS_PF_TERMINAL)
    set_string (self, &self->terminal, data->terminal, PROP_TERMINAL);

  g_object_thaw_notify (G_OBJECT (self));
}

void
ts_process_mark_dead (TsProcess *self)
{
  g_return_if_fail (TS_IS_PROCESS (self));

  g_object_freeze_notify (G_OBJECT (self));
  SET_SCALAR (alive, FALSE, PROP_ALIVE);
  SET_SCALAR (cpu_percent, 0.0, PROP_CPU_PERCENT);
  SET_SCALAR (disk_read_rate, 0.0, PROP_DISK_READ_RATE);
  SET_SCALAR (disk_write_rate, 0.0, PROP_DISK_WRITE_RATE);
  g_object_thaw_notify (G_OBJECT (self));
}

#define GETTER(type, name, field)               \
  type                                          \
  ts_process_get_##name (TsProcess *self)       \
  {                                             \
    g_return_val_if_fail (TS_IS_PROCESS (self), 0); \
    return self->field;                         \
  }

GETTER (TsPid, pid, pid)
GETTER (TsPid, ppid, ppid)
GETTER (guint64, start_ticks, start_ticks)
GETTER (const char *, name, name)
GETTER (const char *, user, user)
GETTER (guint, uid, uid)
GETTER (TsProcStatus, state, state)
GETTER (double, cpu_percent, cpu_percent)
GETTER (guint64, rss, rss)
GETTER (guint64, vms, vms)
GETTER (guint64, shared, shared)
GETTER (guint64, uss, uss)
GETTER (guint64, pss, pss)
GETTER (guint64, swap, swap)
GETTER (guint64, rss_anon, rss_anon)
GETTER (gboolean, memory_full_valid, memory_full_valid)
GETTER (int, threads, threads)
GETTER (double, disk_read_rate, disk_read_rate)
GETTER (double, disk_write_rate, disk_write_rate)
GETTER (gboolean, io_valid, io_valid)
GETTER (double, start_time, start_time)
GETTER (const char *, command_line, command_line)
GETTER (int, nice, nice)
GETTER (int, ionice_class, ionice_class)
GETTER (int, ionice_value, ionice_value)
GETTER (int, cpu_num, cpu_num)
GETTER (const char *, terminal, terminal)
GETTER (gboolean, kernel_thread, kernel_thread)
GETTER (gboolean, alive, alive)

const char *
ts_process_get_state_name (TsProcess *self)
{
  g_return_val_if_fail (TS_IS_PROCESS (self), NULL);

  return ts_proc_status_name (self->state);
}

guint64
ts_process_get_memory (TsProcess *self,
                       gboolean  *estimated)
{
  g_return_val_if_fail (TS_IS_PROCESS (self), 0);

  if (estimated != NULL)
    *estimated = !self->memory_full_valid;
  return self->memory_full_valid ? self->uss : self->rss_anon;
}

guint64
ts_process_get_seen_tick (TsProcess *self)
{
  return self->seen_tick;
}

void
ts_process_set_seen_tick (TsProcess *self,
                          guint64    tick)
{
  self->seen_tick = tick;
}
