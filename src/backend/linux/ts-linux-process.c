/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Per-process readers: the oneshot read over /proc/PID. */
#include "config.h"

#include "ts-linux-private.h"
#include "ts-linux-cache.h"
#include "ts-linux-parse.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static const char *const kept_names[TS_KEPT_N] = {
  [TS_KEPT_STAT] = "stat",
  [TS_KEPT_STATUS] = "status",
  [TS_KEPT_STATM] = "statm",
  [TS_KEPT_CMDLINE] = "cmdline",
  [TS_KEPT_IO] = "io",
  [TS_KEPT_SMAPS_ROLLUP] = "smaps_rollup",
};

/* Which files keep their descriptor.  A kept /proc descriptor pins about
 * 3.4 KiB of kernel memory (the struct file and the seq_file's page), so
 * only the files a list reads every tick keep theirs; status, cmdline and
 * smaps_rollup are read on a slower cadence and cost little more opened
 * each time (bench/README.md has both numbers). */
#define TS_KEPT_PER_TICK ((1u << TS_KEPT_STAT) | (1u << TS_KEPT_STATM) | (1u << TS_KEPT_IO))

/* The fields each source feeds: an error in the source lands in each of them. */
#define PF_KTHREAD 0x00200000u
#define PF_EXITING 0x00000004u

#define FIELDS_STATUS (TS_PF_UIDS | TS_PF_GIDS | TS_PF_NUM_CTX_SWITCHES | TS_PF_CPU_AFFINITY | TS_PF_RSS_ANON)

typedef struct
{
  TsPlatform   *self;
  TsPid         pid;
  TsFdEntry    *entry;   /* kept descriptors of this pid, or NULL */
  TsProcSample *sample;
  bool          zombie;
} ReadCtx;

static bool
open_and_read (ReadCtx *rc, TsKept kept, const char *path, char **buf, size_t *len,
               TsPlatformError *err)
{
  TsPlatform *self = rc->self;
  int fd;

  do
    fd = open (path, O_RDONLY | O_CLOEXEC);
  while (fd < 0 && errno == EINTR);
  if (fd < 0)
    return ts_platform_error_from_errno (err, errno, "open", path);

  if (!ts_linux_pread_all (fd, path, true, buf, len, err))
    {
      close (fd);
      return false;
    }

  if (rc->entry != NULL && self->keep_fds && (TS_KEPT_PER_TICK & (1u << kept))
      && ts_fd_cache_n_fds (self->cache) < self->max_kept_fds)
    {
      rc->entry->fds[kept] = fd + 1;
      ts_fd_cache_note_open (self->cache);
    }
  else
    close (fd);
  return true;
}

/* Reads <procfs>/<pid>/<name>, through a kept descriptor when there is one. */
static bool
read_kept (ReadCtx *rc, TsKept kept, char **buf, size_t *len, TsPlatformError *err)
{
  char path[PATH_MAX];

  if (!ts_linux_path (path, sizeof path, "%s/%d/%s", rc->self->procfs, (int) rc->pid, kept_names[kept]))
    return ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, ENAMETOOLONG, "open", rc->self->procfs);

  if (rc->entry != NULL && rc->entry->fds[kept] > 0)
    {
      if (ts_linux_pread_all (rc->entry->fds[kept] - 1, path, true, buf, len, err))
        return true;
      if (err->os_errno != ESRCH)
        return false;
      /* The process these descriptors belong to has exited; the PID may
       * belong to a new one by now, so start over from the path. */
      ts_fd_cache_forget (rc->self->cache, rc->entry);
    }
  return open_and_read (rc, kept, path, buf, len, err);
}

static bool
read_plain (ReadCtx *rc, const char *name, char **buf, size_t *len, TsPlatformError *err)
{
  char path[PATH_MAX];

  if (!ts_linux_path (path, sizeof path, "%s/%d/%s", rc->self->procfs, (int) rc->pid, name))
    return ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, ENAMETOOLONG, "open", rc->self->procfs);
  return ts_linux_read_path (path, buf, len, err);
}

static bool
pid_dir_exists (ReadCtx *rc)
{
  char path[PATH_MAX];

  if (!ts_linux_path (path, sizeof path, "%s/%d", rc->self->procfs, (int) rc->pid))
    return false;
  return access (path, F_OK) == 0;
}

/* The process is on its way out: past exit_fs()/exit_mm() its cwd and exe
 * links answer ENOENT while its directory and stat are still there, before
 * it turns zombie.  stat's flags say so (PF_EXITING), or stat is gone. */
static bool
process_exiting (ReadCtx *rc)
{
  TsLinuxStat st;
  char *buf = NULL;
  size_t len = 0;
  TsPlatformError err;
  bool exiting;

  if (!read_plain (rc, "stat", &buf, &len, &err))
    return true;
  exiting = !ts_linux_parse_stat (buf, len, &st) || (st.flags & PF_EXITING) != 0
            || st.state == 'Z' || st.state == 'X' || st.state == 'x';
  free (buf);
  return exiting;
}

/* Records err against every wanted field in `fields`; a zombie's failures
 * are told as such. */
static void
fail_fields (ReadCtx *rc, uint32_t fields, const TsPlatformError *err)
{
  TsProcSample *s = rc->sample;
  TsPlatformErrorKind kind = err->kind;

  fields &= s->wanted;
  if (fields == 0)
    return;

  if (rc->zombie)
    {
      /* A zombie's files are empty or gone: say so, but keep what is not
       * about the files (denied, not supported). */
      if (kind == TS_PLATFORM_ERR_NO_SUCH_PROCESS || kind == TS_PLATFORM_ERR_OS_ERROR
          || kind == TS_PLATFORM_ERR_PARSE)
        kind = TS_PLATFORM_ERR_ZOMBIE;
    }
  else if (kind == TS_PLATFORM_ERR_NO_SUCH_PROCESS && err->os_errno == ENOENT && pid_dir_exists (rc)
           && !process_exiting (rc))
    {
      /* One file missing (ENOENT) while the process is there: a kernel
       * built without it (io needs TASK_IO_ACCOUNTING, smaps
       * PROC_PAGE_MONITOR), or an odd tree.  The process is not gone.
       * ESRCH is different: the process is exiting and its directory has
       * not gone yet. */
      if (fields & (TS_PF_IO_COUNTERS | TS_PF_MEMORY_FULL))
        kind = TS_PLATFORM_ERR_NOT_SUPPORTED;
      else
        kind = TS_PLATFORM_ERR_OS_ERROR;
    }

  for (int i = 0; i < TS_PF_N_FIELDS; i++)
    if (fields & (1u << i))
      {
        s->errors[i] = *err;
        s->errors[i].kind = kind;
      }
  s->valid &= ~fields;
}

static void
fail_parse (ReadCtx *rc, uint32_t fields, const char *name)
{
  TsPlatformError err;
  char path[PATH_MAX];

  ts_linux_path (path, sizeof path, "%s/%d/%s", rc->self->procfs, (int) rc->pid, name);
  ts_platform_error_set (&err, TS_PLATFORM_ERR_PARSE, 0, "parse", path);
  fail_fields (rc, fields, &err);
}

static TsProcStatus
status_from_char (char c)
{
  switch (c)
    {
    case 'R': return TS_PROC_STATUS_RUNNING;
    case 'S': return TS_PROC_STATUS_SLEEPING;
    case 'D': return TS_PROC_STATUS_DISK_SLEEP;
    case 'T': return TS_PROC_STATUS_STOPPED;
    case 't': return TS_PROC_STATUS_TRACING_STOP;
    case 'Z': return TS_PROC_STATUS_ZOMBIE;
    case 'X':
    case 'x': return TS_PROC_STATUS_DEAD;
    case 'K': return TS_PROC_STATUS_WAKE_KILL;
    case 'W': return TS_PROC_STATUS_WAKING;
    case 'I': return TS_PROC_STATUS_IDLE;
    case 'P': return TS_PROC_STATUS_PARKED;
    default: return TS_PROC_STATUS_UNKNOWN;
    }
}

static void
fill_from_stat (ReadCtx *rc, const TsLinuxStat *st)
{
  TsProcSample *s = rc->sample;
  double hz = (double) rc->self->clk_tck;

  s->start_ticks = st->starttime;
  s->kernel_thread = (st->flags & PF_KTHREAD) != 0;
  s->ppid = st->ppid;
  memcpy (s->name, st->comm, st->comm_len);
  s->name[st->comm_len] = '\0';
  s->status_char = st->state;
  s->status = status_from_char (st->state);
  s->tty_nr = st->tty_nr;
  s->cpu_user = (double) st->utime / hz;
  s->cpu_system = (double) st->stime / hz;
  s->cpu_children_user = (double) st->cutime / hz;
  s->cpu_children_system = (double) st->cstime / hz;
  s->cpu_iowait = (double) st->blkio_ticks / hz;
  s->num_threads = (int32_t) st->num_threads;
  s->nice = (int32_t) st->nice;
  s->cpu_num = st->processor;

  s->valid |= s->wanted & (TS_PF_PPID | TS_PF_NAME | TS_PF_STATUS | TS_PF_TERMINAL
                           | TS_PF_CPU_TIMES | TS_PF_NUM_THREADS | TS_PF_NICE);
  if (st->processor >= 0)
    s->valid |= s->wanted & TS_PF_CPU_NUM;
  else
    fail_parse (rc, TS_PF_CPU_NUM, "stat");

  if (rc->self->boot_time > 0)
    {
      s->create_time = rc->self->boot_time + (double) st->starttime / hz;
      s->valid |= s->wanted & TS_PF_CREATE_TIME;
    }
  else
    {
      TsPlatformError err;
      char path[PATH_MAX];

      ts_linux_path (path, sizeof path, "%s/stat", rc->self->procfs);
      ts_platform_error_set (&err, TS_PLATFORM_ERR_PARSE, 0, "btime", path);
      fail_fields (rc, TS_PF_CREATE_TIME, &err);
    }
}

static void
read_status (ReadCtx *rc)
{
  TsProcSample *s = rc->sample;
  TsPlatformError err = { 0 };
  TsLinuxStatus st;
  char *buf = NULL;
  size_t len = 0;

  if (!read_kept (rc, TS_KEPT_STATUS, &buf, &len, &err))
    {
      fail_fields (rc, FIELDS_STATUS, &err);
      return;
    }
  ts_linux_parse_status (buf, len, &st);
  free (buf);

  if (st.have & TS_LINUX_STATUS_HAVE_UIDS)
    {
      memcpy (s->uids, st.uids, sizeof s->uids);
      s->valid |= s->wanted & TS_PF_UIDS;
    }
  else
    fail_parse (rc, TS_PF_UIDS, "status");
  if (st.have & TS_LINUX_STATUS_HAVE_GIDS)
    {
      memcpy (s->gids, st.gids, sizeof s->gids);
      s->valid |= s->wanted & TS_PF_GIDS;
    }
  else
    fail_parse (rc, TS_PF_GIDS, "status");
  if (st.have & TS_LINUX_STATUS_HAVE_CTXT)
    {
      s->ctx_voluntary = st.ctx_voluntary;
      s->ctx_involuntary = st.ctx_involuntary;
      s->valid |= s->wanted & TS_PF_NUM_CTX_SWITCHES;
    }
  else
    fail_parse (rc, TS_PF_NUM_CTX_SWITCHES, "status");
  if (st.have & TS_LINUX_STATUS_HAVE_CPUS)
    {
      memcpy (s->cpu_affinity, st.cpus_allowed, sizeof s->cpu_affinity);
      s->valid |= s->wanted & TS_PF_CPU_AFFINITY;
    }
  else
    fail_parse (rc, TS_PF_CPU_AFFINITY, "status");
  /* No Rss lines: a kernel thread, a zombie, or a process that is exiting
   * and has dropped its memory map (status then still ends with the
   * context switch lines).  They own no memory.  Without those last lines
   * the file was cut short: that is an error, not zero. */
  if ((st.have & TS_LINUX_STATUS_HAVE_RSS) || s->kernel_thread || rc->zombie
      || (st.have & TS_LINUX_STATUS_HAVE_CTXT))
    {
      s->rss_anon = st.rss_anon;
      s->rss_file = st.rss_file;
      s->rss_shmem = st.rss_shmem;
      s->vm_swap = st.vm_swap;
      s->valid |= s->wanted & TS_PF_RSS_ANON;
    }
  else
    fail_parse (rc, TS_PF_RSS_ANON, "status");
}

static void
read_statm (ReadCtx *rc)
{
  TsProcSample *s = rc->sample;
  TsPlatformError err = { 0 };
  uint64_t pages[7];
  uint64_t ps = (uint64_t) rc->self->page_size;
  char *buf = NULL;
  size_t len = 0;
  bool ok;

  if (!read_kept (rc, TS_KEPT_STATM, &buf, &len, &err))
    {
      fail_fields (rc, TS_PF_MEMORY_INFO, &err);
      return;
    }
  ok = ts_linux_parse_statm (buf, len, pages);
  free (buf);
  if (!ok)
    {
      fail_parse (rc, TS_PF_MEMORY_INFO, "statm");
      return;
    }
  /* statm: size resident shared text lib data dt */
  s->vms = pages[0] * ps;
  s->rss = pages[1] * ps;
  s->shared = pages[2] * ps;
  s->text = pages[3] * ps;
  s->lib = pages[4] * ps;
  s->data = pages[5] * ps;
  s->dirty = pages[6] * ps;
  s->valid |= TS_PF_MEMORY_INFO;
}

/* cmdline feeds TS_PF_CMDLINE and, for names cut at 15 bytes, TS_PF_NAME. */
static void
read_cmdline (ReadCtx *rc, bool for_cmdline, bool for_name)
{
  TsProcSample *s = rc->sample;
  TsPlatformError err = { 0 };
  char *buf = NULL;
  size_t len = 0;

  if (!read_kept (rc, TS_KEPT_CMDLINE, &buf, &len, &err))
    {
      /* The name stays comm: only the longer spelling is lost. */
      if (for_cmdline)
        fail_fields (rc, TS_PF_CMDLINE, &err);
      return;
    }

  if (for_name && len > 0)
    {
      const char *argv0 = buf;
      size_t argv0_len = strnlen (buf, len);
      const char *base = argv0;
      size_t comm_len = strlen (s->name);

      for (size_t i = 0; i < argv0_len; i++)
        if (argv0[i] == '/')
          base = argv0 + i + 1;
      {
        size_t base_len = argv0_len - (size_t) (base - argv0);

        if (base_len > comm_len && base_len < sizeof s->name
            && memcmp (base, s->name, comm_len) == 0)
          {
            memcpy (s->name, base, base_len);
            s->name[base_len] = '\0';
          }
      }
    }

  if (for_cmdline)
    {
      s->cmdline = buf;
      s->cmdline_len = len;
      s->cmdline_argc = ts_linux_count_entries (buf, len);
      s->valid |= TS_PF_CMDLINE;
    }
  else
    free (buf);
}

static char *
read_link (ReadCtx *rc, const char *name, TsPlatformError *err)
{
  char path[PATH_MAX];
  size_t cap = 256;

  if (!ts_linux_path (path, sizeof path, "%s/%d/%s", rc->self->procfs, (int) rc->pid, name))
    {
      ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, ENAMETOOLONG, "readlink", rc->self->procfs);
      return NULL;
    }
  for (;;)
    {
      char *target = malloc (cap);
      ssize_t n;

      if (target == NULL)
        {
          ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, ENOMEM, "malloc", path);
          return NULL;
        }
      n = readlink (path, target, cap);
      if (n < 0)
        {
          ts_platform_error_from_errno (err, errno, "readlink", path);
          free (target);
          return NULL;
        }
      if ((size_t) n < cap)
        {
          target[n] = '\0';
          return target;
        }
      free (target);
      if (cap >= 65536)
        {
          ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, ENAMETOOLONG, "readlink", path);
          return NULL;
        }
      cap *= 4;
    }
}

static void
read_exe (ReadCtx *rc)
{
  TsProcSample *s = rc->sample;
  TsPlatformError err = { 0 };

  s->exe = read_link (rc, "exe", &err);
  if (s->exe != NULL)
    {
      s->valid |= TS_PF_EXE;
      return;
    }
  /* Kernel threads have no executable: the link fails while the process
   * is still there.  psutil answers "" for them; so do we. */
  if ((s->kernel_thread || err.os_errno == ENOENT) && !rc->zombie && pid_dir_exists (rc)
      && (s->kernel_thread || !process_exiting (rc)))
    {
      s->exe = calloc (1, 1);
      if (s->exe != NULL)
        {
          s->valid |= TS_PF_EXE;
          return;
        }
    }
  fail_fields (rc, TS_PF_EXE, &err);
}

static void
read_cwd (ReadCtx *rc)
{
  TsProcSample *s = rc->sample;
  TsPlatformError err = { 0 };

  s->cwd = read_link (rc, "cwd", &err);
  if (s->cwd != NULL)
    s->valid |= TS_PF_CWD;
  else
    fail_fields (rc, TS_PF_CWD, &err);
}

static void
read_io (ReadCtx *rc)
{
  TsProcSample *s = rc->sample;
  TsPlatformError err = { 0 };
  TsLinuxIo io;
  char *buf = NULL;
  size_t len = 0;
  bool ok;

  if (!read_kept (rc, TS_KEPT_IO, &buf, &len, &err))
    {
      fail_fields (rc, TS_PF_IO_COUNTERS, &err);
      return;
    }
  ok = ts_linux_parse_io (buf, len, &io);
  free (buf);
  if (!ok)
    {
      fail_parse (rc, TS_PF_IO_COUNTERS, "io");
      return;
    }
  s->read_count = io.syscr;
  s->write_count = io.syscw;
  s->read_bytes = io.read_bytes;
  s->write_bytes = io.write_bytes;
  s->read_chars = io.rchar;
  s->write_chars = io.wchar;
  s->valid |= TS_PF_IO_COUNTERS;
}

static void
read_smaps (ReadCtx *rc)
{
  TsProcSample *s = rc->sample;
  TsPlatformError err = { 0 };
  const char *name = "smaps_rollup";
  char *buf = NULL;
  size_t len = 0;
  bool ok;

  if (!read_kept (rc, TS_KEPT_SMAPS_ROLLUP, &buf, &len, &err))
    {
      /* A kernel thread has no memory map: it owns no user memory. */
      if (s->kernel_thread && err.os_errno == ESRCH)
        {
          s->valid |= TS_PF_MEMORY_FULL;
          return;
        }
      /* Kernels before 4.14 have no smaps_rollup: sum smaps instead. */
      if (err.os_errno != ENOENT || !pid_dir_exists (rc))
        {
          fail_fields (rc, TS_PF_MEMORY_FULL, &err);
          return;
        }
      name = "smaps";
      if (!read_plain (rc, name, &buf, &len, &err))
        {
          fail_fields (rc, TS_PF_MEMORY_FULL, &err);
          return;
        }
    }

  ok = ts_linux_parse_smaps (buf, len, &s->uss, &s->pss, &s->swap);
  free (buf);
  if (ok || len == 0)
    {
      /* An empty file is a process with no user memory: a kernel thread,
       * or a zombie, which has nothing to tell. */
      if (len == 0 && rc->zombie)
        {
          fail_parse (rc, TS_PF_MEMORY_FULL, name);
          return;
        }
      s->valid |= TS_PF_MEMORY_FULL;
    }
  else
    fail_parse (rc, TS_PF_MEMORY_FULL, name);
}

static void
read_environ (ReadCtx *rc)
{
  TsProcSample *s = rc->sample;
  TsPlatformError err = { 0 };

  if (!read_plain (rc, "environ", &s->environ, &s->environ_len, &err))
    {
      /* A kernel thread has no environment; the kernel says ESRCH. */
      if (s->kernel_thread && err.os_errno == ESRCH)
        {
          s->environ = NULL;
          s->environ_len = 0;
          s->valid |= TS_PF_ENVIRON;
          return;
        }
      s->environ = NULL;
      s->environ_len = 0;
      fail_fields (rc, TS_PF_ENVIRON, &err);
      return;
    }
  if (s->environ_len == 0 && rc->zombie)
    {
      /* A zombie's environment is gone, not empty. */
      free (s->environ);
      s->environ = NULL;
      fail_parse (rc, TS_PF_ENVIRON, "environ");
      return;
    }
  s->valid |= TS_PF_ENVIRON;
}

static bool
is_number (const char *name)
{
  if (*name == '\0')
    return false;
  for (; *name != '\0'; name++)
    if (*name < '0' || *name > '9')
      return false;
  return true;
}

static void
read_threads (ReadCtx *rc)
{
  TsProcSample *s = rc->sample;
  TsPlatformError err = { 0 };
  char path[PATH_MAX];
  size_t cap = 0;
  double hz = (double) rc->self->clk_tck;
  struct dirent *de;
  DIR *dir;

  ts_linux_path (path, sizeof path, "%s/%d/task", rc->self->procfs, (int) rc->pid);
  dir = opendir (path);
  if (dir == NULL)
    {
      ts_platform_error_from_errno (&err, errno, "opendir", path);
      fail_fields (rc, TS_PF_THREADS, &err);
      return;
    }

  while ((de = readdir (dir)) != NULL)
    {
      char tpath[PATH_MAX];
      TsLinuxStat st;
      char *buf = NULL;
      size_t len = 0;
      TsPlatformError terr;
      bool ok;

      if (!is_number (de->d_name))
        continue;
      if (!ts_linux_path (tpath, sizeof tpath, "%s/%s/stat", path, de->d_name))
        continue;
      /* A thread that exits while we list them is simply not there. */
      if (!ts_linux_read_path (tpath, &buf, &len, &terr))
        continue;
      ok = ts_linux_parse_stat (buf, len, &st);
      free (buf);
      if (!ok)
        continue;

      if (s->n_threads == cap)
        {
          size_t new_cap = cap == 0 ? 16 : cap * 2;
          TsThreadTimes *bigger = realloc (s->threads, new_cap * sizeof *bigger);

          if (bigger == NULL)
            break;
          s->threads = bigger;
          cap = new_cap;
        }
      s->threads[s->n_threads].id = (int32_t) strtol (de->d_name, NULL, 10);
      s->threads[s->n_threads].user = (double) st.utime / hz;
      s->threads[s->n_threads].system = (double) st.stime / hz;
      memcpy (s->threads[s->n_threads].name, st.comm, sizeof st.comm);
      s->threads[s->n_threads].status_char = st.state;
      s->threads[s->n_threads].cpu_num = st.processor;
      s->n_threads++;
    }
  closedir (dir);
  s->valid |= TS_PF_THREADS;
}

static void
read_ionice (ReadCtx *rc)
{
  TsProcSample *s = rc->sample;
  TsPlatformError err;
  char what[32];
  long ret;

  snprintf (what, sizeof what, "pid %d", (int) rc->pid);
  if (!rc->self->real_procfs)
    {
      /* ioprio has no file in /proc: a fixture tree cannot say it. */
      ts_platform_error_set (&err, TS_PLATFORM_ERR_NOT_SUPPORTED, 0, "ioprio_get", what);
      fail_fields (rc, TS_PF_IONICE, &err);
      return;
    }
  /* IOPRIO_WHO_PROCESS = 1; the value packs class << 13 | data. */
  ret = syscall (SYS_ioprio_get, 1, (int) rc->pid);
  if (ret < 0)
    {
      ts_platform_error_from_errno (&err, errno, "ioprio_get", what);
      fail_fields (rc, TS_PF_IONICE, &err);
      return;
    }
  s->ionice_class = (int32_t) (ret >> 13);
  s->ionice_value = (int32_t) (ret & ((1 << 13) - 1));
  s->valid |= TS_PF_IONICE;
}

bool
ts_platform_read_process (TsPlatform      *self,
                          TsPid            pid,
                          uint32_t         wanted,
                          TsProcSample    *sample,
                          TsPlatformError *err)
{
  ReadCtx rc = { self, pid, NULL, sample, false };
  TsPlatformError local;
  TsLinuxStat st;
  char *buf = NULL;
  size_t len = 0;
  bool ok;

  if (err == NULL)
    err = &local;
  ts_platform_error_clear (err);
  ts_proc_sample_clear (sample);
  sample->pid = pid;
  sample->wanted = wanted & TS_PF_ALL;

  if (pid <= 0)
    {
      char what[32];

      snprintf (what, sizeof what, "pid %d", (int) pid);
      return ts_platform_error_set (err, TS_PLATFORM_ERR_NO_SUCH_PROCESS, ESRCH, "open", what);
    }

  if (self->keep_fds)
    rc.entry = ts_fd_cache_lookup (self->cache, pid, true);

  /* stat always: it is the identity (start time) and the existence check. */
  if (!read_kept (&rc, TS_KEPT_STAT, &buf, &len, err))
    return false;
  ok = ts_linux_parse_stat (buf, len, &st);
  free (buf);
  if (!ok)
    {
      char path[PATH_MAX];

      ts_linux_path (path, sizeof path, "%s/%d/stat", self->procfs, (int) pid);
      return ts_platform_error_set (err, TS_PLATFORM_ERR_PARSE, 0, "parse", path);
    }
  rc.zombie = st.state == 'Z';
  fill_from_stat (&rc, &st);

  wanted = sample->wanted;
  if (wanted & FIELDS_STATUS)
    read_status (&rc);
  if (wanted & TS_PF_MEMORY_INFO)
    read_statm (&rc);
  /* comm is cut at 15 bytes; only then does the name need argv[0]. */
  if ((wanted & TS_PF_CMDLINE) || ((wanted & TS_PF_NAME) && st.comm_len >= 15))
    read_cmdline (&rc, (wanted & TS_PF_CMDLINE) != 0, (wanted & TS_PF_NAME) && st.comm_len >= 15);
  if (wanted & TS_PF_EXE)
    read_exe (&rc);
  if (wanted & TS_PF_CWD)
    read_cwd (&rc);
  if (wanted & TS_PF_IO_COUNTERS)
    read_io (&rc);
  if (wanted & TS_PF_MEMORY_FULL)
    read_smaps (&rc);
  if (wanted & TS_PF_ENVIRON)
    read_environ (&rc);
  if (wanted & TS_PF_THREADS)
    read_threads (&rc);
  if (wanted & TS_PF_IONICE)
    read_ionice (&rc);

  return true;
}

static int
cmp_pid (const void *a, const void *b)
{
  TsPid x = *(const TsPid *) a, y = *(const TsPid *) b;

  return (x > y) - (x < y);
}

bool
ts_platform_list_pids (TsPlatform       *self,
                       TsPid           **pids_out,
                       size_t           *n_out,
                       TsPlatformError  *err)
{
  TsPid *pids = NULL;
  size_t n = 0, cap = 0;
  struct dirent *de;
  DIR *dir;

  *pids_out = NULL;
  *n_out = 0;
  ts_platform_error_clear (err);

  dir = opendir (self->procfs);
  if (dir == NULL)
    {
      int e = errno;

      ts_platform_error_from_errno (err, e, "opendir", self->procfs);
      /* A missing /proc is not a missing process. */
      if (err != NULL && err->kind == TS_PLATFORM_ERR_NO_SUCH_PROCESS)
        err->kind = TS_PLATFORM_ERR_OS_ERROR;
      return false;
    }

  while ((de = readdir (dir)) != NULL)
    {
      long v;

      if (!is_number (de->d_name) || strlen (de->d_name) > 9)
        continue;
      v = strtol (de->d_name, NULL, 10);
      if (v <= 0)
        continue;
      if (n == cap)
        {
          size_t new_cap = cap == 0 ? 1024 : cap * 2;
          TsPid *bigger = realloc (pids, new_cap * sizeof *bigger);

          if (bigger == NULL)
            {
              free (pids);
              closedir (dir);
              return ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, ENOMEM, "realloc", self->procfs);
            }
          pids = bigger;
          cap = new_cap;
        }
      pids[n++] = (TsPid) v;
    }
  closedir (dir);

  if (n > 0)
    qsort (pids, n, sizeof *pids, cmp_pid);
  ts_fd_cache_sweep (self->cache, pids, n);

  *pids_out = pids;
  *n_out = n;
  return true;
}

bool
ts_platform_terminal_name (TsPlatform *self,
                           uint64_t    tty_nr,
                           char       *buf,
                           size_t      len)
{
  char path[PATH_MAX];
  char *drivers = NULL;
  size_t dlen = 0;
  bool ok;

  if (tty_nr == 0 || len == 0)
    return false;
  /* The drivers table is only needed for devices outside the common rules
   * (ptys, consoles, serial ports): try those first, without a file read,
   * since a list asks this for every process on a terminal every tick. */
  if (ts_linux_parse_tty_drivers (NULL, 0, tty_nr, buf, len))
    return true;
  ts_linux_path (path, sizeof path, "%s/tty/drivers", self->procfs);
  if (!ts_linux_read_path (path, &drivers, &dlen, NULL))
    drivers = NULL;
  ok = ts_linux_parse_tty_drivers (drivers, dlen, tty_nr, buf, len);
  free (drivers);
  return ok;
}

bool
ts_platform_user_name (uint32_t uid, char *buf, size_t len)
{
  struct passwd pw, *result = NULL;
  char scratch[4096];

  if (len == 0)
    return false;
  if (getpwuid_r ((uid_t) uid, &pw, scratch, sizeof scratch, &result) == 0
      && result != NULL && result->pw_name != NULL)
    {
      snprintf (buf, len, "%s", result->pw_name);
      return true;
    }
  snprintf (buf, len, "%u", (unsigned) uid);
  return false;
}
