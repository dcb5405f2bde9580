/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-process-details"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-backend-error.h"
#include "ts-environment.h"
#include "ts-process-details.h"

/* Parents are followed this far at most: a loop in a broken tree ends. */
#define MAX_PARENTS 64
/* The memory history keeps ten minutes, the longest graph span. */
#define MEMORY_SPAN (600 * G_USEC_PER_SEC)
/* Index of TS_PF_THREADS in TsProcSample.errors. */
#define THREADS_BIT 21
G_STATIC_ASSERT (TS_PF_THREADS == 1u << THREADS_BIT);

struct _TsProcessDetails
{
  GObject       parent_instance;

  TsPid         pid;
  guint64       start_ticks;
  TsPlatform   *platform;
  GMutex        platform_lock;  /* one reader at a time on the context */
  GHashTable   *user_names;     /* uid -> name, under platform_lock */
  GCancellable *cancellable;

  gboolean      loaded, alive, reading;
  TsDetailsReads reads;
  GError       *error;
  TsProcSample  sample;
  char         *user, *effective_user, *terminal;
  GArray       *parents;        /* TsAncestor */
  TsOpenFile   *files;
  gsize         n_files;
  GError       *files_error;
  guint64       memory_total;
  TsHistory    *memory_history;

  GListModel   *environment;
  GError       *environment_error;
  gboolean      environment_loaded;
  TsPid         environment_parent;
};

G_DEFINE_FINAL_TYPE (TsProcessDetails, ts_process_details, G_TYPE_OBJECT)

enum { UPDATED, ENVIRONMENT_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
ancestor_clear (gpointer data)
{
  g_free (((TsAncestor *) data)->name);
}

/* ------------------------------------------------------------ the reading */

typedef struct
{
  gboolean      ok;
  GError       *error;
  TsProcSample  sample;
  char         *user, *effective_user, *terminal;
  GArray       *parents;
  TsOpenFile   *files;
  size_t        n_files;
  GError       *files_error;
  guint64       memory_total;
  TsDetailsReads reads;         /* what this read included */
} ReadResult;

static void
read_result_free (ReadResult *r)
{
  g_clear_error (&r->error);
  ts_proc_sample_clear (&r->sample);
  g_free (r->user);
  g_free (r->effective_user);
  g_free (r->terminal);
  g_clear_pointer (&r->parents, g_array_unref);
  ts_open_files_free (r->files, r->n_files);
  g_clear_error (&r->files_error);
  g_free (r);
}

/* The user database is asked once per uid, not each tick. */
static char *
user_name (TsProcessDetails *self,
           guint32           uid)
{
  const char *name = g_hash_table_lookup (self->user_names, GUINT_TO_POINTER (uid));

  if (name == NULL)
    {
      char buf[256];

      ts_platform_user_name (uid, buf, sizeof buf);
      name = g_utf8_make_valid (buf, -1);
      g_hash_table_insert (self->user_names, GUINT_TO_POINTER (uid), (char *) name);
    }
  return g_strdup (name);
}

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TsProcessDetails *self = source;
  ReadResult *r = g_new0 (ReadResult, 1);
  TsPlatformError err;
  TsProcSample parent;
  TsVirtualMemory vm;
  char tty[128];
  TsPid ppid;
  uint32_t wanted = TS_PF_ALL & ~TS_PF_ENVIRON;
  /* Set on the main thread when the task began; constant since. */
  gboolean need_total = GPOINTER_TO_INT (task_data);

  (void) cancellable;
  r->reads = (TsDetailsReads) g_atomic_int_get ((gint *) &self->reads);
  if (!(r->reads & TS_DETAILS_READ_THREADS))
    wanted &= ~TS_PF_THREADS;
  ts_proc_sample_init (&r->sample);
  r->parents = g_array_new (FALSE, TRUE, sizeof (TsAncestor));
  g_array_set_clear_func (r->parents, ancestor_clear);

  g_mutex_lock (&self->platform_lock);
  r->ok = ts_platform_read_process (self->platform, self->pid, wanted, &r->sample, &err);
  if (!r->ok)
    {
      ts_backend_error_set_from_platform (&r->error, &err);
      goto out;
    }

  if (r->sample.valid & TS_PF_UIDS)
    {
      r->user = user_name (self, r->sample.uids[0]);
      r->effective_user = user_name (self, r->sample.uids[1]);
    }
  if ((r->sample.valid & TS_PF_TERMINAL) && r->sample.tty_nr != 0
      && ts_platform_terminal_name (self->platform, r->sample.tty_nr, tty, sizeof tty))
    r->terminal = g_utf8_make_valid (tty, -1);

  if ((r->reads & TS_DETAILS_READ_FILES)
      && !ts_platform_open_files (self->platform, self->pid, &r->files, &r->n_files, &err))
    ts_backend_error_set_from_platform (&r->files_error, &err);

  /* The machine's memory does not change while the window is open. */
  if (need_total && ts_platform_virtual_memory (self->platform, &vm, &err))
    r->memory_total = vm.total;

  /* psutil's parents(): follow ppid until there is none. */
  ts_proc_sample_init (&parent);
  ppid = (r->sample.valid & TS_PF_PPID) ? r->sample.ppid : 0;
  for (guint i = 0; ppid > 0 && ppid != self->pid && i < MAX_PARENTS; i++)
    {
      TsAncestor a;

      if (!ts_platform_read_process (self->platform, ppid, TS_PF_PPID | TS_PF_NAME, &parent, &err))
        break;
      a.pid = ppid;
      a.name = g_utf8_make_valid (parent.name, -1);
      g_array_append_val (r->parents, a);
      if (parent.ppid == ppid)
        break;
      ppid = parent.ppid;
    }
  ts_proc_sample_clear (&parent);

out:
  g_mutex_unlock (&self->platform_lock);
  g_task_return_pointer (task, r, (GDestroyNotify) read_result_free);
}

static void
read_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  TsProcessDetails *self = TS_PROCESS_DETAILS (source);
  ReadResult *r = g_task_propagate_pointer (G_TASK (result), NULL);
  gboolean same;

  (void) user_data;
  if (r == NULL) /* cancelled: self is being disposed */
    return;
  self->reading = FALSE;

  same = r->ok && (self->start_ticks == 0 || r->sample.start_ticks == self->start_ticks);
  if (!same)
    {
      self->alive = FALSE;
      if (!self->loaded)
        {
          g_clear_error (&self->error);
          if (r->error != NULL)
            self->error = g_steal_pointer (&r->error);
          else
            self->error = g_error_new (TS_BACKEND_ERROR, TS_BACKEND_ERROR_NO_SUCH_PROCESS,
                                       _("Process %d is another process now"), (int) self->pid);
        }
      self->loaded = TRUE;
      read_result_free (r);
      g_signal_emit (self, signals[UPDATED], 0);
      return;
    }

  self->start_ticks = r->sample.start_ticks;
  self->alive = TRUE;
  self->loaded = TRUE;
  if (!(r->reads & TS_DETAILS_READ_THREADS))
    {
      /* Not read this time: the last threads stay, as they were. */
      r->sample.threads = g_steal_pointer (&self->sample.threads);
      r->sample.n_threads = self->sample.n_threads;
      self->sample.n_threads = 0;
      r->sample.valid = (r->sample.valid & ~TS_PF_THREADS) | (self->sample.valid & TS_PF_THREADS);
      r->sample.wanted |= self->sample.wanted & TS_PF_THREADS;
      r->sample.errors[THREADS_BIT] = self->sample.errors[THREADS_BIT];
    }
  ts_proc_sample_clear (&self->sample);
  self->sample = r->sample;
  ts_proc_sample_init (&r->sample);
  g_free (self->user);
  self->user = g_steal_pointer (&r->user);
  g_free (self->effective_user);
  self->effective_user = g_steal_pointer (&r->effective_user);
  g_free (self->terminal);
  self->terminal = g_steal_pointer (&r->terminal);
  g_clear_pointer (&self->parents, g_array_unref);
  self->parents = g_steal_pointer (&r->parents);
  if (r->reads & TS_DETAILS_READ_FILES)
    {
      ts_open_files_free (self->files, self->n_files);
      self->files = g_steal_pointer (&r->files);
      self->n_files = r->n_files;
      r->n_files = 0;
      g_clear_error (&self->files_error);
      self->files_error = g_steal_pointer (&r->files_error);
    }
  if (r->memory_total != 0)
    self->memory_total = r->memory_total;

  if (self->sample.valid & TS_PF_MEMORY_FULL)
    {
      double v[2] = { (double) self->sample.uss, (double) self->sample.pss };
      ts_history_push (self->memory_history, g_get_monotonic_time (), v);
    }
  read_result_free (r);
  g_signal_emit (self, signals[UPDATED], 0);
}

void
ts_process_details_update (TsProcessDetails *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TS_IS_PROCESS_DETAILS (self));

  /* An exited process stays exited: its PID may be someone else's now. */
  if (self->reading || (self->loaded && !self->alive))
    return;
  self->reading = TRUE;
  task = g_task_new (self, self->cancellable, read_done, NULL);
  g_task_set_source_tag (task, ts_process_details_update);
  g_task_set_task_data (task, GINT_TO_POINTER (self->memory_total == 0), NULL);
  g_task_run_in_thread (task, read_thread);
}

void
ts_process_details_set_reads (TsProcessDetails *self,
                              TsDetailsReads    reads)
{
  g_return_if_fail (TS_IS_PROCESS_DETAILS (self));
  /* Read by the worker when a task begins; a change applies from the next. */
  g_atomic_int_set ((gint *) &self->reads, (gint) reads);
}

/* ------------------------------------------------------------ environment */

typedef struct
{
  GListStore *vars;
  GError     *error;
  TsPid       parent;
} EnvResult;

static void
env_result_free (EnvResult *r)
{
  g_clear_object (&r->vars);
  g_clear_error (&r->error);
  g_free (r);
}

static void
env_thread (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  TsProcessDetails *self = source;
  EnvResult *r = g_new0 (EnvResult, 1);
  TsProcSample mine, parent;
  TsPlatformError err;

  (void) task_data;
  (void) cancellable;
  ts_proc_sample_init (&mine);
  ts_proc_sample_init (&parent);
  g_mutex_lock (&self->platform_lock);
  if (!ts_platform_read_process (self->platform, self->pid, TS_PF_ENVIRON | TS_PF_PPID, &mine, &err))
    {
      ts_backend_error_set_from_platform (&r->error, &err);
    }
  else if (self->start_ticks != 0 && mine.start_ticks != self->start_ticks)
    {
      g_set_error (&r->error, TS_BACKEND_ERROR, TS_BACKEND_ERROR_NO_SUCH_PROCESS,
                   _("Process %d has exited"), (int) self->pid);
    }
  else if (!(mine.valid & TS_PF_ENVIRON))
    {
      ts_backend_error_set_from_platform (&r->error, ts_proc_sample_field_error (&mine, TS_PF_ENVIRON));
    }
  else
    {
      gboolean have_parent = (mine.valid & TS_PF_PPID) && mine.ppid > 0
                             && ts_platform_read_process (self->platform, mine.ppid, TS_PF_ENVIRON,
                                                          &parent, &err)
                             && (parent.valid & TS_PF_ENVIRON);

      r->parent = have_parent ? mine.ppid : 0;
      r->vars = ts_environment_parse (mine.environ, mine.environ_len,
                                      have_parent ? parent.environ : NULL,
                                      have_parent ? parent.environ_len : 0);
    }
  g_mutex_unlock (&self->platform_lock);
  ts_proc_sample_clear (&mine);
  ts_proc_sample_clear (&parent);
  g_task_return_pointer (task, r, (GDestroyNotify) env_result_free);
}

static void
env_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  TsProcessDetails *self = TS_PROCESS_DETAILS (source);
  EnvResult *r = g_task_propagate_pointer (G_TASK (result), NULL);

  (void) user_data;
  if (r == NULL)
    return;
  /* A process that has exited keeps the environment read while it ran. */
  if (r->vars != NULL || self->environment == NULL)
    {
      g_clear_object (&self->environment);
      self->environment = G_LIST_MODEL (g_steal_pointer (&r->vars));
      g_clear_error (&self->environment_error);
      self->environment_error = g_steal_pointer (&r->error);
      self->environment_parent = r->parent;
    }
  self->environment_loaded = TRUE;
  env_result_free (r);
  g_signal_emit (self, signals[ENVIRONMENT_CHANGED], 0);
}

void
ts_process_details_reload_environment (TsProcessDetails *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TS_IS_PROCESS_DETAILS (self));

  task = g_task_new (self, self->cancellable, env_done, NULL);
  g_task_set_source_tag (task, ts_process_details_reload_environment);
  g_task_run_in_thread (task, env_thread);
}

/* ---------------------------------------------------------------- object */

static void
ts_process_details_dispose (GObject *object)
{
  TsProcessDetails *self = TS_PROCESS_DETAILS (object);

  g_cancellable_cancel (self->cancellable);
  G_OBJECT_CLASS (ts_process_details_parent_class)->dispose (object);
}

static void
ts_process_details_finalize (GObject *object)
{
  TsProcessDetails *self = TS_PROCESS_DETAILS (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->platform, ts_platform_free);
  g_mutex_clear (&self->platform_lock);
  g_hash_table_unref (self->user_names);
  g_clear_error (&self->error);
  ts_proc_sample_clear (&self->sample);
  g_free (self->user);
  g_free (self->effective_user);
  g_free (self->terminal);
  g_clear_pointer (&self->parents, g_array_unref);
  ts_open_files_free (self->files, self->n_files);
  g_clear_error (&self->files_error);
  g_clear_object (&self->memory_history);
  g_clear_object (&self->environment);
  g_clear_error (&self->environment_error);
  G_OBJECT_CLASS (ts_process_details_parent_class)->finalize (object);
}

static void
ts_process_details_class_init (TsProcessDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ts_process_details_dispose;
  object_class->finalize = ts_process_details_finalize;

  signals[UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[ENVIRONMENT_CHANGED] = g_signal_new ("environment-changed", G_TYPE_FROM_CLASS (klass),
                                               G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                               G_TYPE_NONE, 0);
}

static void
ts_process_details_init (TsProcessDetails *self)
{
  g_mutex_init (&self->platform_lock);
  self->user_names = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->cancellable = g_cancellable_new ();
  ts_proc_sample_init (&self->sample);
  self->memory_history = ts_history_new (2, MEMORY_SPAN);
  self->reads = TS_DETAILS_READ_ALL;
}

TsProcessDetails *
ts_process_details_new (const char *procfs_root,
                        TsPid       pid,
                        guint64     start_ticks)
{
  TsProcessDetails *self;
  TsPlatformError err;

  g_return_val_if_fail (pid > 0, NULL);

  self = g_object_new (TS_TYPE_PROCESS_DETAILS, NULL);
  self->pid = pid;
  self->start_ticks = start_ticks;
  self->platform = ts_platform_new (procfs_root, NULL, &err);
  if (self->platform == NULL)
    {
      ts_backend_error_set_from_platform (&self->error, &err);
      self->loaded = TRUE;
    }
  else
    ts_platform_set_keep_fds (self->platform, FALSE);
  return self;
}

TsPid
ts_process_details_get_pid (TsProcessDetails *self)
{
  g_return_val_if_fail (TS_IS_PROCESS_DETAILS (self), 0);
  return self->pid;
}

guint64
ts_process_details_get_start_ticks (TsProcessDetails *self)
{
  g_return_val_if_fail (TS_IS_PROCESS_DETAILS (self), 0);
  return self->start_ticks;
}

gboolean
ts_process_details_get_loaded (TsProcessDetails *self)
{
  g_return_val_if_fail (TS_IS_PROCESS_DETAILS (self), FALSE);
  return self->loaded;
}

gboolean
ts_process_details_get_alive (TsProcessDetails *self)
{
  g_return_val_if_fail (TS_IS_PROCESS_DETAILS (self), FALSE);
  return self->alive;
}

const GError *
ts_process_details_get_error (TsProcessDetails *self)
{
  g_return_val_if_fail (TS_IS_PROCESS_DETAILS (self), NULL);
  return self->error;
}

const TsProcSample *
ts_process_details_get_sample (TsProcessDetails *self)
{
  g_return_val_if_fail (TS_IS_PROCESS_DETAILS (self), NULL);
  return self->sample.pid != 0 ? &self->sample : NULL;
}

const char *
ts_process_details_get_user (TsProcessDetails *self)
{
  g_return_val_if_fail (TS_IS_PROCESS_DETAILS (self), "");
  return self->user != NULL ? self->user : "";
}

const char *
ts_process_details_get_effective_user (TsProcessDetails *self)
{
  g_return_val_if_fail (TS_IS_PROCESS_DETAILS (self), "");
  return self->effective_user != NULL ? self->effective_user : "";
}

const char *
ts_process_details_get_terminal (TsProcessDetails *self)
{
  g_return_val_if_fail (TS_IS_PROCESS_DETAILS (self), NULL);
  return self->terminal;
}

const TsAncestor *
ts_process_details_get_parents (TsProcessDetails *self,
                                guint            *n_out)
{
  g_return_val_if_fail (TS_IS_PROCESS_DETAILS (self), NULL);
  *n_out = self->parents != NULL ? self->parents->len : 0;
  return self->parents != NULL ? (const TsAncestor *) (gpointer) self->parents->data : NULL;
}

const TsOpenFile *
ts_process_details_get_open_files (TsProcessDetails *self,
                                   gsize            *n_out,
                                   const GError    **error)
{
  g_return_val_if_fail (TS_IS_PROCESS_DETAILS (self), NULL);
  *n_out = self->n_files;
  if (error != NULL)
    *error = self->files_error;
  return self->files;
}

guint64
ts_process_details_get_memory_total (TsProcessDetails *self)
{
  g_return_val_if_fail (TS_IS_PROCESS_DETAILS (self), 0);
  return self->memory_total;
}

TsHistory *
ts_process_details_get_memory_history (TsProcessDetails *self)
{
  g_return_val_if_fail (TS_IS_PROCESS_DETAILS (self), NULL);
  return self->memory_history;
}

GListModel *
ts_process_details_get_environment (TsProcessDetails *self,
                                    const GError    **error)
{
  g_return_val_if_fail (TS_IS_PROCESS_DETAILS (self), NULL);
  if (error != NULL)
    *error = self->environment_error;
  return self->environment;
}

gboolean
ts_process_details_get_environment_loaded (TsProcessDetails *self)
{
  g_return_val_if_fail (TS_IS_PROCESS_DETAILS (self), FALSE);
  return self->environment_loaded;
}

guint
ts_process_details_get_environment_size (TsProcessDetails *self)
{
  g_return_val_if_fail (TS_IS_PROCESS_DETAILS (self), 0);
  return self->environment != NULL ? g_list_model_get_n_items (self->environment) : 0;
}

TsPid
ts_process_details_get_environment_parent (TsProcessDetails *self)
{
  g_return_val_if_fail (TS_IS_PROCESS_DETAILS (self), 0);
  return self->environment_parent;
}
