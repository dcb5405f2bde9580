/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Windows platform layer: the oneshot process read.  The snapshot record
 * gives most fields for every process at once; a process handle (limited
 * query first, the PEB rights only when a PEB field is wanted) gives the
 * rest.  No GLib. */
#include "config.h"

#include "ts-win32-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PROCESS_IO_PRIORITY_CLASS 33

/* Fields that come from the snapshot record alone. */
#define SNAPSHOT_FIELDS (TS_PF_PPID | TS_PF_NAME | TS_PF_STATUS | TS_PF_CREATE_TIME       \
                         | TS_PF_CPU_TIMES | TS_PF_NUM_THREADS | TS_PF_NUM_CTX_SWITCHES   \
                         | TS_PF_MEMORY_INFO | TS_PF_MEMORY_FULL | TS_PF_IO_COUNTERS      \
                         | TS_PF_THREADS | TS_PF_RSS_ANON)
/* Fields that need PROCESS_VM_READ. */
#define PEB_FIELDS (TS_PF_CMDLINE | TS_PF_CWD | TS_PF_ENVIRON)
/* Fields that need a handle with the limited query right. */
#define HANDLE_FIELDS (TS_PF_EXE | TS_PF_UIDS | TS_PF_NICE | TS_PF_IONICE | TS_PF_CPU_AFFINITY)
/* No Windows counterpart. */
#define UNSUPPORTED_FIELDS (TS_PF_GIDS | TS_PF_TERMINAL | TS_PF_CPU_NUM)

static int
bit_index (uint32_t field)
{
  for (int i = 0; i < TS_PF_N_FIELDS; i++)
    if (field == (1u << i))
      return i;
  return 0;
}

static void
field_failed (TsProcSample *s, uint32_t field, const TsPlatformError *e)
{
  s->valid &= ~field;
  s->errors[bit_index (field)] = *e;
}

static void
field_unsupported (TsProcSample *s, uint32_t field, const char *call, const char *what)
{
  TsPlatformError e;

  ts_platform_error_set (&e, TS_PLATFORM_ERR_NOT_SUPPORTED, 0, call, what);
  field_failed (s, field, &e);
}

static double
ticks_to_s (LONGLONG t)
{
  return (double) t / 1e7;
}

static void
fill_name (TsProcSample *s, const TsSystemProcessInfo *rec)
{
  char *name;
  size_t len;

  /* The idle process has no image name; psutil names it so. */
  if (rec->ImageName.Length == 0 || rec->ImageName.Buffer == NULL)
    {
      snprintf (s->name, sizeof s->name, "%s", s->pid == 0 ? "System Idle Process" : "");
      return;
    }
  name = ts_win32_utf8 (rec->ImageName.Buffer, rec->ImageName.Length / 2, &len);
  if (name != NULL)
    {
      snprintf (s->name, sizeof s->name, "%s", name);
      free (name);
    }
}

static char
thread_status_char (const TsSystemThreadInfo *t)
{
  switch (t->ThreadState)
    {
    case TS_THREAD_STATE_READY:
    case TS_THREAD_STATE_RUNNING:
    case TS_THREAD_STATE_STANDBY:
      return 'R';
    case TS_THREAD_STATE_WAITING:
      return t->WaitReason == TS_WAIT_REASON_SUSPENDED ? 'T' : 'S';
    default:
      return '?';
    }
}

static void
fill_from_record (TsProcSample *s, const TsSystemProcessInfo *rec, uint32_t wanted)
{
  const uint32_t n_threads = rec->NumberOfThreads;
  bool suspended = n_threads > 0;

  s->ppid = (TsPid) (uintptr_t) rec->InheritedFromUniqueProcessId;
  fill_name (s, rec);
  s->create_time = ts_win32_filetime_to_epoch ((uint64_t) rec->CreateTime.QuadPart);
  s->cpu_user = ticks_to_s (rec->UserTime.QuadPart);
  s->cpu_system = ticks_to_s (rec->KernelTime.QuadPart);
  s->num_threads = (int32_t) n_threads;

  for (uint32_t i = 0; i < n_threads; i++)
    {
      const TsSystemThreadInfo *t = &rec->Threads[i];

      s->ctx_voluntary += t->ContextSwitches;
      if (!(t->ThreadState == TS_THREAD_STATE_WAITING && t->WaitReason == TS_WAIT_REASON_SUSPENDED))
        suspended = false;
    }
  /* psutil's rule: stopped when every thread waits as suspended. */
  s->status = suspended ? TS_PROC_STATUS_STOPPED : TS_PROC_STATUS_RUNNING;
  s->status_char = suspended ? 'T' : 'R';

  s->rss = rec->WorkingSetSize;
  s->vms = rec->PagefileUsage; /* psutil's vms on Windows: the commit charge */
  s->data = rec->PrivatePageCount;

  s->read_count = (uint64_t) rec->ReadOperationCount.QuadPart;
  s->write_count = (uint64_t) rec->WriteOperationCount.QuadPart;
  s->read_bytes = s->read_chars = (uint64_t) rec->ReadTransferCount.QuadPart;
  s->write_bytes = s->write_chars = (uint64_t) rec->WriteTransferCount.QuadPart;

  if ((wanted & TS_PF_THREADS) && n_threads > 0)
    {
      s->threads = calloc (n_threads, sizeof *s->threads);
      if (s->threads != NULL)
        {
          s->n_threads = n_threads;
          for (uint32_t i = 0; i < n_threads; i++)
            {
              const TsSystemThreadInfo *t = &rec->Threads[i];

              s->threads[i].id = (int32_t) (uintptr_t) t->ClientId.UniqueThread;
              s->threads[i].user = ticks_to_s (t->UserTime.QuadPart);
              s->threads[i].system = ticks_to_s (t->KernelTime.QuadPart);
              s->threads[i].status_char = thread_status_char (t);
              s->threads[i].cpu_num = -1;
            }
        }
    }
}

/* The private working set is USS; it is 0 only where the OS does not fill
 * it (wine): a live process always has private pages. */
static void
fill_private_ws (TsProcSample *s, const TsSystemProcessInfo *rec, const char *what)
{
  uint64_t priv = (uint64_t) rec->WorkingSetPrivateSize.QuadPart;

  if (priv == 0 && rec->WorkingSetSize > 0)
    {
      field_unsupported (s, TS_PF_MEMORY_FULL, "NtQuerySystemInformation", what);
      field_unsupported (s, TS_PF_RSS_ANON, "NtQuerySystemInformation", what);
      return;
    }
  s->uss = priv;
  /* The cheap USS estimate is the same number here. */
  s->rss_anon = priv;
  s->rss_file = s->rss > priv ? s->rss - priv : 0;
}

static void
read_handle_fields (TsProcSample *s, HANDLE h, uint32_t wanted, const char *what)
{
  TsPlatformError e;

  if (wanted & TS_PF_EXE)
    {
      wchar_t path[MAX_PATH * 4];
      DWORD n = (DWORD) (sizeof path / sizeof path[0]);

      if (QueryFullProcessImageNameW (h, 0, path, &n))
        {
          s->exe = ts_win32_utf8 (path, n, NULL);
          if (s->exe == NULL)
            field_unsupported (s, TS_PF_EXE, "WideCharToMultiByte", what);
        }
      else
        {
          ts_win32_last_error (&e, "QueryFullProcessImageNameW", what);
          field_failed (s, TS_PF_EXE, &e);
        }
    }
  if (wanted & TS_PF_UIDS)
    {
      uint32_t uid;

      if (ts_win32_process_uid (h, s->pid, &uid, &e))
        s->uids[0] = s->uids[1] = s->uids[2] = uid;
      else
        field_failed (s, TS_PF_UIDS, &e);
    }
  if (wanted & TS_PF_NICE)
    {
      DWORD pc = GetPriorityClass (h);

      if (pc != 0)
        s->nice = ts_win32_nice_from_priority_class (pc);
      else
        {
          ts_win32_last_error (&e, "GetPriorityClass", what);
          field_failed (s, TS_PF_NICE, &e);
        }
    }
  if (wanted & TS_PF_IONICE)
    {
      const TsNtApi *nt = ts_win32_nt ();
      ULONG hint = 0;
      NTSTATUS st = nt->query_information_process != NULL
        ? nt->query_information_process (h, PROCESS_IO_PRIORITY_CLASS, &hint, sizeof hint, NULL)
        : (NTSTATUS) 0xC0000002L;

      if (TS_NT_SUCCESS (st))
        ts_win32_ionice_from_hint ((int) hint, &s->ionice_class, &s->ionice_value);
      else
        {
          ts_win32_nt_error (&e, st, "NtQueryInformationProcess", what);
          field_failed (s, TS_PF_IONICE, &e);
        }
    }
  if (wanted & TS_PF_CPU_AFFINITY)
    {
      DWORD_PTR proc_mask = 0, sys_mask = 0;

      if (GetProcessAffinityMask (h, &proc_mask, &sys_mask))
        s->cpu_affinity[0] = (uint64_t) proc_mask;
      else
        {
          ts_win32_last_error (&e, "GetProcessAffinityMask", what);
          field_failed (s, TS_PF_CPU_AFFINITY, &e);
        }
    }
}

static void
read_peb_fields (TsProcSample *s, HANDLE h, uint32_t wanted)
{
  TsPlatformError e;

  if ((wanted & TS_PF_CMDLINE)
      && !ts_win32_read_cmdline (h, s->pid, &s->cmdline, &s->cmdline_len, &s->cmdline_argc, &e))
    field_failed (s, TS_PF_CMDLINE, &e);
  if ((wanted & TS_PF_CWD) && !ts_win32_read_cwd (h, s->pid, &s->cwd, &e))
    field_failed (s, TS_PF_CWD, &e);
  if ((wanted & TS_PF_ENVIRON) && !ts_win32_read_environ (h, s->pid, &s->environ, &s->environ_len, &e))
    field_failed (s, TS_PF_ENVIRON, &e);
}

bool
ts_platform_read_process (TsPlatform      *self,
                          TsPid            pid,
                          uint32_t         wanted,
                          TsProcSample    *s,
                          TsPlatformError *err)
{
  const TsSystemProcessInfo *rec;
  char what[32];
  uint32_t need_handle;

  ts_proc_sample_clear (s);
  ts_platform_error_clear (err);
  ts_win32_pid_text (what, sizeof what, pid);
  wanted &= TS_PF_ALL;
  s->wanted = wanted;
  s->pid = pid;
  s->cpu_num = -1;

  if (pid < 0)
    return ts_platform_error_set (err, TS_PLATFORM_ERR_INVALID_ARGUMENT, ERROR_INVALID_PARAMETER,
                                  "read_process", what);
  if (self->snapshot == NULL || GetTickCount64 () - self->snapshot_taken_ms > self->snapshot_ttl_ms)
    if (!ts_win32_take_snapshot (self, err))
      return false;
  rec = ts_win32_snapshot_find (self, pid);
  if (rec == NULL)
    return ts_platform_error_set (err, TS_PLATFORM_ERR_NO_SUCH_PROCESS, ERROR_INVALID_PARAMETER,
                                  "NtQuerySystemInformation", what);

  s->start_ticks = (uint64_t) rec->CreateTime.QuadPart;
  /* The idle process and System have no user space. */
  s->kernel_thread = pid == 0 || pid == 4;
  s->valid = wanted;
  fill_from_record (s, rec, wanted);
  if (!(wanted & TS_PF_THREADS) || (rec->NumberOfThreads > 0 && s->threads == NULL))
    s->valid &= ~TS_PF_THREADS;
  if (pid == 0)
    s->create_time = self->boot_time;
  if (wanted & (TS_PF_MEMORY_FULL | TS_PF_RSS_ANON))
    fill_private_ws (s, rec, what);

  for (uint32_t f = 1; f <= TS_PF_RSS_ANON; f <<= 1)
    if ((wanted & f) && (UNSUPPORTED_FIELDS & f))
      field_unsupported (s, f, f == TS_PF_TERMINAL ? "terminal" : f == TS_PF_GIDS ? "gids" : "cpu_num",
                         what);

  need_handle = wanted & (HANDLE_FIELDS | PEB_FIELDS);
  if (need_handle && s->kernel_thread)
    {
      /* psutil's answers for the two pseudo processes. */
      if (wanted & TS_PF_EXE)
        s->exe = calloc (1, 1);
      if (wanted & TS_PF_CMDLINE)
        s->cmdline = calloc (1, 1);
      if (wanted & (PEB_FIELDS & ~TS_PF_CMDLINE))
        {
          TsPlatformError e;

          ts_platform_error_set (&e, TS_PLATFORM_ERR_ACCESS_DENIED, ERROR_ACCESS_DENIED, "OpenProcess", what);
          for (uint32_t f = TS_PF_CWD; f <= TS_PF_ENVIRON; f <<= 1)
            if ((wanted & f) && (PEB_FIELDS & f))
              field_failed (s, f, &e);
        }
      need_handle &= ~(TS_PF_EXE | PEB_FIELDS);
      if ((wanted & TS_PF_EXE) && s->exe == NULL)
        field_unsupported (s, TS_PF_EXE, "calloc", what);
      if ((wanted & TS_PF_CMDLINE) && s->cmdline == NULL)
        field_unsupported (s, TS_PF_CMDLINE, "calloc", what);
    }

  if (need_handle)
    {
      TsPlatformError e;
      DWORD limited = PROCESS_QUERY_LIMITED_INFORMATION;
      DWORD full = PROCESS_QUERY_INFORMATION | PROCESS_VM_READ;
      DWORD got = 0;
      HANDLE h;

      /* Ask for the PEB rights only when a PEB field is wanted: they are
       * denied far more often than the limited query. */
      if (need_handle & PEB_FIELDS)
        h = ts_win32_open_process (pid, full, limited, &got, &e);
      else
        h = ts_win32_open_process (pid, limited, 0, &got, &e);

      if (h == NULL && e.kind == TS_PLATFORM_ERR_NO_SUCH_PROCESS && s->kernel_thread)
        e.kind = TS_PLATFORM_ERR_ACCESS_DENIED; /* OpenProcess (0) says "invalid parameter" */
      if (h == NULL && e.kind == TS_PLATFORM_ERR_NO_SUCH_PROCESS)
        {
          /* Gone since the snapshot. */
          *err = e;
          ts_proc_sample_clear (s);
          return false;
        }
      if (h != NULL && ts_win32_process_start (h) != s->start_ticks
          && ts_win32_process_start (h) != 0)
        {
          /* The PID was reused since the snapshot: not the same process. */
          CloseHandle (h);
          ts_proc_sample_clear (s);
          return ts_platform_error_set (err, TS_PLATFORM_ERR_NO_SUCH_PROCESS, ERROR_INVALID_PARAMETER,
                                        "GetProcessTimes", what);
        }
      if (h == NULL)
        {
          for (uint32_t f = 1; f <= TS_PF_RSS_ANON; f <<= 1)
            if (need_handle & f)
              field_failed (s, f, &e);
        }
      else
        {
          read_handle_fields (s, h, need_handle & HANDLE_FIELDS, what);
          if ((need_handle & PEB_FIELDS) && got == full)
            read_peb_fields (s, h, need_handle & PEB_FIELDS);
          else if (need_handle & PEB_FIELDS)
            {
              /* Only the limited right: the command line may still come
               * without the PEB (Windows 8.1+). */
              ts_win32_error (&e, ERROR_ACCESS_DENIED, "OpenProcess", what);
              if ((need_handle & TS_PF_CMDLINE)
                  && !ts_win32_read_cmdline (h, pid, &s->cmdline, &s->cmdline_len, &s->cmdline_argc, &e))
                field_failed (s, TS_PF_CMDLINE, &e);
              ts_win32_error (&e, ERROR_ACCESS_DENIED, "OpenProcess", what);
              if (need_handle & TS_PF_CWD)
                field_failed (s, TS_PF_CWD, &e);
              if (need_handle & TS_PF_ENVIRON)
                field_failed (s, TS_PF_ENVIRON, &e);
            }
          CloseHandle (h);
        }
    }
  return true;
}
