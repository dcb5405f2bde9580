/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-process-list"

#include "config.h"

#include <string.h>

#include "ts-process-list.h"
#include "ts-process-private.h"

struct _TsProcessList
{
  GObject       parent_instance;

  /* Main thread. */
  GPtrArray    *items;        /* TsProcess, in order of appearance */
  GHashTable   *by_pid;       /* pid -> TsProcess (borrowed from items) */
  guint         interval_ms;
  gboolean      paused;
  gboolean      started;
  gboolean      ticking;
  gboolean      again;        /* a refresh was asked for during a tick */
  gboolean      quick_next;   /* the next tick skips smaps_rollup */
  guint32       wanted;
  guint         timeout_id;
  GCancellable *cancellable;
  guint64       tick;
  gint64        last_time;
  gboolean      have_last_time; /* 0 is a valid clock reading */
  GHashTable   *watched;      /* pid set */
  int           n_cpus;
  double        cpu_usage;
  guint64       mem_used, mem_total;
  TsCpuTimes    prev_cpu;
  gboolean      have_prev_cpu;

  TsClockFunc   clock;
  gpointer      clock_data;

  /* Worker thread only (ticks never overlap). */
  TsPlatform   *platform;
  GHashTable   *seen;         /* pid -> start ticks of the previous tick */
  GHashTable   *uid_names;    /* uid -> UTF-8 name */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TsProcessList, ts_process_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_INTERVAL,
  PROP_PAUSED,
  PROP_WANTED,
  N_PROPS
};

enum {
  REFRESHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  guint32     wanted;
  guint64     tick;
  gboolean    quick;     /* the first tick of ts_process_list_start () */
  GHashTable *watched;   /* copy, or NULL */
  TsClockFunc clock;
  gpointer    clock_data;
} TickRequest;

typedef struct
{
  GArray          *procs;   /* TsProcessData */
  gint64           time;
  gboolean         have_cpu, have_mem;
  TsCpuTimes       cpu;
  TsVirtualMemory  mem;
} TickResult;

static void
tick_request_free (gpointer p)
{
  TickRequest *req = p;

  g_clear_pointer (&req->watched, g_hash_table_unref);
  g_free (req);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TickRequest, tick_request_free)

static void
tick_result_free (gpointer p)
{
  TickResult *res = p;

  g_array_unref (res->procs);
  g_free (res);
}

/* ------------------------------------------------------------ GListModel */

static GType
list_get_item_type (GListModel *model)
{
  return TS_TYPE_PROCESS;
}

static guint
list_get_n_items (GListModel *model)
{
  return TS_PROCESS_LIST (model)->items->len;
}

static gpointer
list_get_item (GListModel *model, guint position)
{
  TsProcessList *self = TS_PROCESS_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_get_item_type;
  iface->get_n_items = list_get_n_items;
  iface->get_item = list_get_item;
}

/* ---------------------------------------------------------- worker side */

static gint64
default_clock (gpointer user_data)
{
  return g_get_monotonic_time ();
}

static char *
user_name (TsProcessList *self, guint uid)
{
  const char *cached = g_hash_table_lookup (self->uid_names, GUINT_TO_POINTER (uid));
  char buf[256];

  if (cached == NULL)
    {
      /* NSS lookups parse /etc/passwd each time: once per uid is enough. */
      ts_platform_user_name (uid, buf, sizeof buf);
      cached = g_utf8_make_valid (buf, -1);
      g_hash_table_insert (self->uid_names, GUINT_TO_POINTER (uid), (char *) cached);
    }
  return g_strdup (cached);
}

static char *
join_cmdline (const TsProcSample *s)
{
  g_autofree char *joined = NULL;
  gsize len = s->cmdline_len;

  if (s->cmdline == NULL || len == 0)
    return g_strdup ("");
  joined = g_memdup2 (s->cmdline, len + 1);
  joined[len] = '\0';
  while (len > 0 && joined[len - 1] == '\0')
    len--;
  for (gsize i = 0; i < len; i++)
    if (joined[i] == '\0')
      joined[i] = ' ';
  return g_utf8_make_valid (joined, (gssize) len);
}

static void
data_from_sample (TsProcessList *self, const TsProcSample *s, TsProcessData *d)
{
  char tty[128];

  memset (d, 0, sizeof *d);
  d->valid = s->valid;
  d->wanted = s->wanted;
  d->pid = s->pid;
  d->ppid = s->ppid;
  d->start_ticks = s->start_ticks;
  d->kernel_thread = s->kernel_thread;
  if (s->valid & TS_PF_NAME)
    d->name = g_utf8_make_valid (s->name, -1);
  if (s->valid & TS_PF_UIDS)
    {
      d->uid = s->uids[0];
      d->user = user_name (self, d->uid);
    }
  d->state = s->status;
  d->cpu_seconds = s->cpu_user + s->cpu_system;
  d->rss = s->rss;
  d->vms = s->vms;
  d->shared = s->shared;
  d->uss = s->uss;
  d->pss = s->pss;
  d->swap = s->swap;
  d->rss_anon = s->rss_anon;
  d->threads = s->num_threads;
  d->read_bytes = s->read_bytes;
  d->write_bytes = s->write_bytes;
  d->start_time = s->create_time;
  if (s->valid & TS_PF_CMDLINE)
    d->command_line = join_cmdline (s);
  d->nice = s->nice;
  d->ionice_class = s->ionice_class;
  d->ionice_value = s->ionice_value;
  d->cpu_num = s->cpu_num;
  if ((s->valid & TS_PF_TERMINAL) && s->tty_nr != 0
      && ts_platform_terminal_name (self->platform, s->tty_nr, tty, sizeof tty))
    d->terminal = g_utf8_make_valid (tty, -1);
}

static void
clear_data (gpointer p)
{
  ts_process_data_clear (p);
}

static TickResult *
read_tick (TsProcessList *self, const TickRequest *req)
{
  TickResult *res = g_new0 (TickResult, 1);
  g_autofree TsPid *pids = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  guint32 fast = req->wanted & ~TS_PROCESS_LIST_SLOW_FIELDS;
  TsCpuTimesAll cpu = { 0 };
  TsPlatformError err;
  TsProcSample sample;
  size_t n = 0;

  res->procs = g_array_new (FALSE, TRUE, sizeof (TsProcessData));
  g_array_set_clear_func (res->procs, clear_data);
  res->time = req->clock (req->clock_data);
  if (self->platform == NULL)
    return res;

  if (!ts_platform_list_pids (self->platform, &pids, &n, &err))
    {
      char text[512];

      ts_platform_error_format (&err, text, sizeof text);
      g_warning ("Cannot list processes: %s", text);
    }

  ts_proc_sample_init (&sample);
  for (size_t i = 0; i < n; i++)
    {
      TsPid pid = pids[i];
      gpointer prev_start = NULL;
      gboolean known = g_hash_table_lookup_extended (self->seen, GINT_TO_POINTER (pid), NULL, &prev_start);
      guint32 wanted = fast;
      TsProcessData d;

      /* The costly and slow-changing fields: for new processes, watched
       * ones, and a fifth of the others in turn.  The very first tick
       * of a started list skips smaps_rollup so the window fills at once; the
       * tick after it (run straight away) reads it for everyone. */
      if (req->quick)
        wanted = req->wanted & ~TS_PF_MEMORY_FULL;
      else if (!known
          || (req->tick + (guint64) pid) % TS_PROCESS_LIST_SLOW_EVERY == 0
          || (req->watched != NULL && g_hash_table_contains (req->watched, GINT_TO_POINTER (pid))))
        wanted = req->wanted;

      if (!ts_platform_read_process (self->platform, pid, wanted, &sample, &err))
        continue;
      /* Same PID, new start time: a new process that needs everything. */
      if (known && (guint64) GPOINTER_TO_SIZE (prev_start) != (sample.start_ticks & G_MAXSIZE)
          && wanted != req->wanted
          && !ts_platform_read_process (self->platform, pid, req->wanted, &sample, &err))
        continue;

      g_hash_table_insert (seen, GINT_TO_POINTER (pid), GSIZE_TO_POINTER ((gsize) sample.start_ticks));
      data_from_sample (self, &sample, &d);
      g_array_append_val (res->procs, d);
    }
  ts_proc_sample_clear (&sample);

  /* This tick's set becomes the next tick's "seen"; after the quick first
   * tick nobody counts as seen, so tick 2 reads everything. */
  g_hash_table_unref (self->seen);
  self->seen = req->quick ? g_hash_table_new (NULL, NULL) : g_steal_pointer (&seen);

  if (ts_platform_cpu_times (self->platform, &cpu, &err))
    {
      res->cpu = cpu.total;
      res->have_cpu = TRUE;
      ts_cpu_times_all_clear (&cpu);
    }
  res->have_mem = ts_platform_virtual_memory (self->platform, &res->mem, &err);

  return res;
}

static void
tick_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TsProcessList *self = source_object;

  g_task_return_pointer (task, read_tick (self, task_data), tick_result_free);
}

/* ----------------------------------------------------------- main thread */

static void
apply_cpu (TsProcessList *self, const TsCpuTimes *now)
{
  const TsCpuTimes *p = &self->prev_cpu;
  double busy_now = now->user + now->nice + now->system + now->irq + now->softirq + now->steal;
  double busy_prev = p->user + p->nice + p->system + p->irq + p->softirq + p->steal;
  double total_now = busy_now + now->idle + now->iowait;
  double total_prev = busy_prev + p->idle + p->iowait;

  /* Counters that went back (a reset) tell nothing: show no usage rather
   * than the last figure. */
  if (self->have_prev_cpu && total_now > total_prev && busy_now >= busy_prev)
    self->cpu_usage = CLAMP ((busy_now - busy_prev) / (total_now - total_prev) * 100.0, 0.0, 100.0);
  else
    self->cpu_usage = 0;
  self->prev_cpu = *now;
  self->have_prev_cpu = TRUE;
}

static void
apply_tick (TsProcessList *self, TickResult *res)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  double elapsed = 0;
  guint64 tick = ++self->tick;
  guint old_len;

  if (self->have_last_time && res->time > self->last_time)
    elapsed = (double) (res->time - self->last_time) / G_USEC_PER_SEC;
  self->last_time = res->time;
  self->have_last_time = TRUE;

  for (guint i = 0; i < res->procs->len; i++)
    {
      const TsProcessData *d = &g_array_index (res->procs, TsProcessData, i);
      TsProcess *p = g_hash_table_lookup (self->by_pid, GINT_TO_POINTER (d->pid));

      if (p != NULL && ts_process_get_start_ticks (p) == d->start_ticks)
        {
          ts_process_update (p, d, elapsed);
          ts_process_set_seen_tick (p, tick);
        }
      else
        {
          TsProcess *fresh = ts_process_new (d);

          ts_process_set_seen_tick (fresh, tick);
          g_ptr_array_add (added, fresh);
        }
    }

  /* Remove the gone from the end backwards, one items-changed per run, so
   * positions before each run stay valid. */
  for (guint i = self->items->len; i > 0;)
    {
      guint end = i, start;

      if (ts_process_get_seen_tick (g_ptr_array_index (self->items, i - 1)) == tick)
        {
          i--;
          continue;
        }
      while (i > 0 && ts_process_get_seen_tick (g_ptr_array_index (self->items, i - 1)) != tick)
        i--;
      start = i;
      for (guint k = start; k < end; k++)
        {
          TsProcess *gone = g_ptr_array_index (self->items, k);
          TsPid pid = ts_process_get_pid (gone);

          if (g_hash_table_lookup (self->by_pid, GINT_TO_POINTER (pid)) == gone)
            g_hash_table_remove (self->by_pid, GINT_TO_POINTER (pid));
          ts_process_mark_dead (gone);
        }
      g_ptr_array_remove_range (self->items, start, end - start);
      g_list_model_items_changed (G_LIST_MODEL (self), start, end - start, 0);
    }

  old_len = self->items->len;
  for (guint i = 0; i < added->len; i++)
    {
      TsProcess *p = g_ptr_array_index (added, i);

      g_hash_table_insert (self->by_pid, GINT_TO_POINTER (ts_process_get_pid (p)), p);
      g_ptr_array_add (self->items, g_object_ref (p));
    }
  if (added->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), old_len, 0, added->len);

  if (res->have_cpu)
    apply_cpu (self, &res->cpu);
  if (res->have_mem)
    {
      self->mem_used = res->mem.used;
      self->mem_total = res->mem.total;
    }

  g_debug ("tick %" G_GUINT64_FORMAT ": %u processes, %u new, %.3f s since the last",
           tick, self->items->len, added->len, elapsed);
  g_signal_emit (self, signals[REFRESHED], 0);
}

static TickRequest *
make_request (TsProcessList *self)
{
  TickRequest *req = g_new0 (TickRequest, 1);

  req->wanted = self->wanted;
  req->tick = self->tick + 1;
  req->quick = self->quick_next;
  self->quick_next = FALSE;
  req->clock = self->clock;
  req->clock_data = self->clock_data;
  if (g_hash_table_size (self->watched) > 0)
    {
      GHashTableIter iter;
      gpointer k;

      req->watched = g_hash_table_new (NULL, NULL);
      g_hash_table_iter_init (&iter, self->watched);
      while (g_hash_table_iter_next (&iter, &k, NULL))
        g_hash_table_add (req->watched, k);
    }
  return req;
}

static gboolean timeout_cb (gpointer user_data);

static void
arm_timeout (TsProcessList *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->started && !self->paused && !self->ticking)
    self->timeout_id = g_timeout_add (self->interval_ms, timeout_cb, self);
}

static void start_tick (TsProcessList *self);

static void
tick_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  TsProcessList *self = TS_PROCESS_LIST (object);
  TickResult *res = g_task_propagate_pointer (G_TASK (result), NULL);

  self->ticking = FALSE;
  if (res == NULL || g_cancellable_is_cancelled (self->cancellable))
    {
      g_clear_pointer (&res, tick_result_free);
      return;
    }
  apply_tick (self, res);
  tick_result_free (res);

  /* The next tick is armed only now: ticks never overlap, and a slow tick
   * delays the next one instead of piling up. */
  if (self->again)
    {
      self->again = FALSE;
      start_tick (self);
    }
  else
    arm_timeout (self);
}

static void
start_tick (TsProcessList *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->ticking)
    {
      self->again = TRUE;
      return;
    }
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->ticking = TRUE;
  task = g_task_new (self, self->cancellable, tick_done, NULL);
  g_task_set_source_tag (task, start_tick);
  g_task_set_task_data (task, make_request (self), tick_request_free);
  g_task_run_in_thread (task, tick_thread);
}

static gboolean
timeout_cb (gpointer user_data)
{
  TsProcessList *self = user_data;

  self->timeout_id = 0;
  start_tick (self);
  return G_SOURCE_REMOVE;
}

void
ts_process_list_start (TsProcessList *self)
{
  g_return_if_fail (TS_IS_PROCESS_LIST (self));

  if (self->started)
    return;
  self->started = TRUE;
  if (!self->paused)
    {
      /* The first tick is a quick one (no smaps_rollup), completed by a
       * full one straight after. */
      self->quick_next = self->tick == 0;
      start_tick (self);
      if (self->tick == 0)
        self->again = TRUE;
    }
}

void
ts_process_list_refresh (TsProcessList *self)
{
  g_return_if_fail (TS_IS_PROCESS_LIST (self));

  start_tick (self);
}

void
ts_process_list_refresh_sync (TsProcessList *self)
{
  g_autoptr(TickRequest) req = NULL;
  TickResult *res;

  g_return_if_fail (TS_IS_PROCESS_LIST (self));

  /* Let a tick under way finish first: the worker state is not shared. */
  while (self->ticking)
    g_main_context_iteration (NULL, TRUE);

  req = make_request (self);
  res = read_tick (self, req);
  apply_tick (self, res);
  tick_result_free (res);
}

/* ------------------------------------------------------------ properties */

guint
ts_process_list_get_interval (TsProcessList *self)
{
  g_return_val_if_fail (TS_IS_PROCESS_LIST (self), 0);
  return self->interval_ms;
}

void
ts_process_list_set_interval (TsProcessList *self,
                              guint          interval_ms)
{
  g_return_if_fail (TS_IS_PROCESS_LIST (self));

  interval_ms = CLAMP (interval_ms, 500, 10000);
  if (self->interval_ms == interval_ms)
    return;
  self->interval_ms = interval_ms;
  if (self->timeout_id != 0)
    arm_timeout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL]);
}

gboolean
ts_process_list_get_paused (TsProcessList *self)
{
  g_return_val_if_fail (TS_IS_PROCESS_LIST (self), FALSE);
  return self->paused;
}

void
ts_process_list_set_paused (TsProcessList *self,
                            gboolean       paused)
{
  g_return_if_fail (TS_IS_PROCESS_LIST (self));

  paused = !!paused;
  if (self->paused == paused)
    return;
  self->paused = paused;
  if (paused)
    g_clear_handle_id (&self->timeout_id, g_source_remove);
  else
    arm_timeout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
}

guint32
ts_process_list_get_wanted (TsProcessList *self)
{
  g_return_val_if_fail (TS_IS_PROCESS_LIST (self), 0);
  return self->wanted;
}

void
ts_process_list_set_wanted (TsProcessList *self,
                            guint32        wanted)
{
  g_return_if_fail (TS_IS_PROCESS_LIST (self));

  /* Identity and what the list itself needs are always read. */
  wanted = (wanted | TS_PF_PPID | TS_PF_NAME | TS_PF_UIDS | TS_PF_STATUS) & TS_PF_ALL;
  if (self->wanted == wanted)
    return;
  self->wanted = wanted;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WANTED]);
}

void
ts_process_list_set_watched (TsProcessList *self,
                             const TsPid   *pids,
                             gsize          n_pids)
{
  g_return_if_fail (TS_IS_PROCESS_LIST (self));

  g_hash_table_remove_all (self->watched);
  for (gsize i = 0; i < n_pids; i++)
    g_hash_table_add (self->watched, GINT_TO_POINTER (pids[i]));
}

void
ts_process_list_set_clock (TsProcessList *self,
                           TsClockFunc    clock,
                           gpointer       user_data)
{
  g_return_if_fail (TS_IS_PROCESS_LIST (self));

  self->clock = clock != NULL ? clock : default_clock;
  self->clock_data = clock != NULL ? user_data : NULL;
}

TsProcess *
ts_process_list_lookup (TsProcessList *self,
                        TsPid          pid)
{
  g_return_val_if_fail (TS_IS_PROCESS_LIST (self), NULL);
  return g_hash_table_lookup (self->by_pid, GINT_TO_POINTER (pid));
}

int
ts_process_list_get_n_cpus (TsProcessList *self)
{
  g_return_val_if_fail (TS_IS_PROCESS_LIST (self), 1);
  return self->n_cpus;
}

guint64
ts_process_list_get_ticks (TsProcessList *self)
{
  g_return_val_if_fail (TS_IS_PROCESS_LIST (self), 0);
  return self->tick;
}

double
ts_process_list_get_cpu_usage (TsProcessList *self)
{
  g_return_val_if_fail (TS_IS_PROCESS_LIST (self), 0);
  return self->cpu_usage;
}

guint64
ts_process_list_get_memory_used (TsProcessList *self)
{
  g_return_val_if_fail (TS_IS_PROCESS_LIST (self), 0);
  return self->mem_used;
}

guint64
ts_process_list_get_memory_total (TsProcessList *self)
{
  g_return_val_if_fail (TS_IS_PROCESS_LIST (self), 0);
  return self->mem_total;
}

TsPlatform *
ts_process_list_get_platform (TsProcessList *self)
{
  g_return_val_if_fail (TS_IS_PROCESS_LIST (self), NULL);
  return self->platform;
}

/* ------------------------------------------------------------- lifecycle */

static void
ts_process_list_dispose (GObject *object)
{
  TsProcessList *self = TS_PROCESS_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timeout_id, g_source_remove);

  G_OBJECT_CLASS (ts_process_list_parent_class)->dispose (object);
}

static void
ts_process_list_finalize (GObject *object)
{
  TsProcessList *self = TS_PROCESS_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->by_pid, g_hash_table_unref);
  g_clear_pointer (&self->watched, g_hash_table_unref);
  g_clear_pointer (&self->seen, g_hash_table_unref);
  g_clear_pointer (&self->uid_names, g_hash_table_unref);
  g_clear_pointer (&self->platform, ts_platform_free);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (ts_process_list_parent_class)->finalize (object);
}

static void
ts_process_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TsProcessList *self = TS_PROCESS_LIST (object);

  switch (prop_id)
    {
    case PROP_INTERVAL: g_value_set_uint (value, self->interval_ms); break;
    case PROP_PAUSED: g_value_set_boolean (value, self->paused); break;
    case PROP_WANTED: g_value_set_uint (value, self->wanted); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_process_list_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TsProcessList *self = TS_PROCESS_LIST (object);

  switch (prop_id)
    {
    case PROP_INTERVAL: ts_process_list_set_interval (self, g_value_get_uint (value)); break;
    case PROP_PAUSED: ts_process_list_set_paused (self, g_value_get_boolean (value)); break;
    case PROP_WANTED: ts_process_list_set_wanted (self, g_value_get_uint (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_process_list_class_init (TsProcessListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags f = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = ts_process_list_dispose;
  object_class->finalize = ts_process_list_finalize;
  object_class->get_property = ts_process_list_get_property;
  object_class->set_property = ts_process_list_set_property;

  properties[PROP_INTERVAL] = g_param_spec_uint ("interval", NULL, NULL, 500, 10000, 1000, f);
  properties[PROP_PAUSED] = g_param_spec_boolean ("paused", NULL, NULL, FALSE, f);
  properties[PROP_WANTED] = g_param_spec_uint ("wanted", NULL, NULL, 0, G_MAXUINT32,
                                               TS_PROCESS_LIST_DEFAULT_WANTED, f);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After each tick has been applied. */
  signals[REFRESHED] = g_signal_new ("refreshed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ts_process_list_init (TsProcessList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_pid = g_hash_table_new (NULL, NULL);
  self->watched = g_hash_table_new (NULL, NULL);
  self->seen = g_hash_table_new (NULL, NULL);
  self->uid_names = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->cancellable = g_cancellable_new ();
  self->interval_ms = 1000;
  self->wanted = TS_PROCESS_LIST_DEFAULT_WANTED;
  self->clock = default_clock;
  self->n_cpus = 1;
}

TsProcessList *
ts_process_list_new (const char *procfs_root,
                     const char *sysfs_root)
{
  TsProcessList *self = g_object_new (TS_TYPE_PROCESS_LIST, NULL);
  TsPlatformError err;
  int logical = 0, physical = 0;

  self->platform = ts_platform_new (procfs_root, sysfs_root, &err);
  if (self->platform == NULL)
    {
      char text[512];

      /* Not fatal: an empty list with a warning beats no window. */
      ts_platform_error_format (&err, text, sizeof text);
      g_warning ("Cannot read processes: %s", text);
      return self;
    }
  if (ts_platform_cpu_count (self->platform, &logical, &physical, &err) && logical > 0)
    self->n_cpus = logical;
  return self;
}
