/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The OS-independent part of the platform contract: errors, names, samples. No GLib. */
#include "config.h"

#include "ts-platform.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef _WIN32
#include <windows.h>
#endif

void
ts_platform_error_clear (TsPlatformError *err)
{
  if (err != NULL)
    memset (err, 0, sizeof *err);
}

static void
copy_trunc (char *dst, size_t len, const char *src)
{
  size_t n = src != NULL ? strlen (src) : 0;

  if (n >= len)
    n = len - 1;
  if (n > 0)
    memcpy (dst, src, n);
  dst[n] = '\0';
}

bool
ts_platform_error_set (TsPlatformError     *err,
                       TsPlatformErrorKind  kind,
                       int                  os_errno,
                       const char          *call,
                       const char          *path)
{
  if (err == NULL)
    return false;
  err->kind = kind;
  err->os_errno = os_errno;
  copy_trunc (err->call, sizeof err->call, call);
  copy_trunc (err->path, sizeof err->path, path);
  return false;
}

bool
ts_platform_error_from_errno (TsPlatformError *err,
                              int              os_errno,
                              const char      *call,
                              const char      *path)
{
  TsPlatformErrorKind kind;

  switch (os_errno)
    {
    case ENOENT:
    case ESRCH:
      kind = TS_PLATFORM_ERR_NO_SUCH_PROCESS;
      break;
    case EACCES:
    case EPERM:
      kind = TS_PLATFORM_ERR_ACCESS_DENIED;
      break;
#ifdef ENOSYS
    case ENOSYS:
#endif
#ifdef EOPNOTSUPP
    case EOPNOTSUPP:
#endif
      kind = TS_PLATFORM_ERR_NOT_SUPPORTED;
      break;
    default:
      kind = TS_PLATFORM_ERR_OS_ERROR;
      break;
    }
  return ts_platform_error_set (err, kind, os_errno, call, path);
}

const char *
ts_platform_error_kind_name (TsPlatformErrorKind kind)
{
  switch (kind)
    {
    case TS_PLATFORM_OK: return "ok";
    case TS_PLATFORM_ERR_NO_SUCH_PROCESS: return "no such process";
    case TS_PLATFORM_ERR_ACCESS_DENIED: return "access denied";
    case TS_PLATFORM_ERR_ZOMBIE: return "zombie process";
    case TS_PLATFORM_ERR_NOT_SUPPORTED: return "not supported";
    case TS_PLATFORM_ERR_OS_ERROR: return "OS error";
    case TS_PLATFORM_ERR_PARSE: return "unexpected contents";
    case TS_PLATFORM_ERR_INVALID_ARGUMENT: return "invalid argument";
    default: return "unknown error";
    }
}

const char *
ts_platform_errno_name (int os_errno, char *buf, size_t len)
{
  /* strerrorname_np is glibc-only; this table also serves mingw builds. */
  static const struct { int num; const char *name; } names[] = {
    { EPERM, "EPERM" }, { ENOENT, "ENOENT" }, { ESRCH, "ESRCH" },
    { EINTR, "EINTR" }, { EIO, "EIO" }, { ENXIO, "ENXIO" },
    { E2BIG, "E2BIG" }, { EBADF, "EBADF" }, { ECHILD, "ECHILD" },
    { EAGAIN, "EAGAIN" }, { ENOMEM, "ENOMEM" }, { EACCES, "EACCES" },
    { EFAULT, "EFAULT" }, { EBUSY, "EBUSY" }, { EEXIST, "EEXIST" },
    { ENODEV, "ENODEV" }, { ENOTDIR, "ENOTDIR" }, { EISDIR, "EISDIR" },
    { EINVAL, "EINVAL" }, { ENFILE, "ENFILE" }, { EMFILE, "EMFILE" },
    { EFBIG, "EFBIG" }, { ENOSPC, "ENOSPC" }, { ERANGE, "ERANGE" },
    { ENAMETOOLONG, "ENAMETOOLONG" }, { ENOSYS, "ENOSYS" },
#ifdef ENODATA
    { ENODATA, "ENODATA" },
#endif
#ifdef EOPNOTSUPP
    { EOPNOTSUPP, "EOPNOTSUPP" },
#endif
#ifdef ELOOP
    { ELOOP, "ELOOP" },
#endif
  };

  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (names[i].num == os_errno)
      return names[i].name;
  snprintf (buf, len, "E%d", os_errno);
  return buf;
}

char *
ts_platform_error_format (const TsPlatformError *err, char *buf, size_t len)
{
  char num[16];

  if (len == 0)
    return buf;
  if (err == NULL || err->kind == TS_PLATFORM_OK)
    {
      snprintf (buf, len, "no error");
      return buf;
    }

#ifdef _WIN32
  /* os_errno is a GetLastError() code on Windows: FormatMessage's text. */
  if (err->os_errno != 0)
    {
      char msg[160] = "";
      DWORD n = FormatMessageA (FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL,
                                (DWORD) err->os_errno, 0, msg, sizeof msg, NULL);

      while (n > 0 && (msg[n - 1] == '\r' || msg[n - 1] == '\n' || msg[n - 1] == ' ' || msg[n - 1] == '.'))
        msg[--n] = '\0';
      snprintf (buf, len, "%s(\"%s\"): %s (error %d)", err->call, err->path,
                n > 0 ? msg : ts_platform_error_kind_name (err->kind), err->os_errno);
      return buf;
    }
#endif
  if (err->os_errno != 0)
    snprintf (buf, len, "%s(\"%s\"): %s (%s)", err->call, err->path,
              strerror (err->os_errno),
              ts_platform_errno_name (err->os_errno, num, sizeof num));
  else if (err->kind == TS_PLATFORM_ERR_PARSE)
    snprintf (buf, len, "%s(\"%s\"): %s", err->call[0] ? err->call : "parse",
              err->path, ts_platform_error_kind_name (err->kind));
  else
    snprintf (buf, len, "%s(\"%s\"): %s", err->call, err->path,
              ts_platform_error_kind_name (err->kind));
  return buf;
}

const char *
ts_proc_status_name (TsProcStatus status)
{
  switch (status)
    {
    case TS_PROC_STATUS_RUNNING: return "running";
    case TS_PROC_STATUS_SLEEPING: return "sleeping";
    case TS_PROC_STATUS_DISK_SLEEP: return "disk-sleep";
    case TS_PROC_STATUS_STOPPED: return "stopped";
    case TS_PROC_STATUS_TRACING_STOP: return "tracing-stop";
    case TS_PROC_STATUS_ZOMBIE: return "zombie";
    case TS_PROC_STATUS_DEAD: return "dead";
    case TS_PROC_STATUS_WAKE_KILL: return "wake-kill";
    case TS_PROC_STATUS_WAKING: return "waking";
    case TS_PROC_STATUS_IDLE: return "idle";
    case TS_PROC_STATUS_PARKED: return "parked";
    case TS_PROC_STATUS_UNKNOWN:
    default: return "unknown";
    }
}

const char *
ts_proc_field_name (TsProcField field)
{
  switch (field)
    {
    case TS_PF_PPID: return "ppid";
    case TS_PF_NAME: return "name";
    case TS_PF_EXE: return "exe";
    case TS_PF_CMDLINE: return "cmdline";
    case TS_PF_CWD: return "cwd";
    case TS_PF_STATUS: return "status";
    case TS_PF_UIDS: return "uids";
    case TS_PF_GIDS: return "gids";
    case TS_PF_TERMINAL: return "terminal";
    case TS_PF_CREATE_TIME: return "create_time";
    case TS_PF_CPU_TIMES: return "cpu_times";
    case TS_PF_NUM_THREADS: return "num_threads";
    case TS_PF_NUM_CTX_SWITCHES: return "num_ctx_switches";
    case TS_PF_NICE: return "nice";
    case TS_PF_IONICE: return "ionice";
    case TS_PF_CPU_NUM: return "cpu_num";
    case TS_PF_CPU_AFFINITY: return "cpu_affinity";
    case TS_PF_MEMORY_INFO: return "memory_info";
    case TS_PF_MEMORY_FULL: return "memory_full_info";
    case TS_PF_IO_COUNTERS: return "io_counters";
    case TS_PF_ENVIRON: return "environ";
    case TS_PF_THREADS: return "threads";
    case TS_PF_RSS_ANON: return "memory_status";
    default: return NULL;
    }
}

void
ts_proc_sample_init (TsProcSample *sample)
{
  memset (sample, 0, sizeof *sample);
}

void
ts_proc_sample_clear (TsProcSample *sample)
{
  free (sample->exe);
  free (sample->cmdline);
  free (sample->cwd);
  free (sample->environ);
  free (sample->threads);
  memset (sample, 0, sizeof *sample);
}

static int
field_index (TsProcField field)
{
  for (int i = 0; i < TS_PF_N_FIELDS; i++)
    if ((uint32_t) field == (1u << i))
      return i;
  return -1;
}

const TsPlatformError *
ts_proc_sample_field_error (const TsProcSample *sample, TsProcField field)
{
  int i = field_index (field);

  if (i < 0 || !(sample->wanted & field) || (sample->valid & field))
    return NULL;
  if (sample->errors[i].kind == TS_PLATFORM_OK)
    return NULL;
  return &sample->errors[i];
}

void
ts_cpu_times_all_clear (TsCpuTimesAll *all)
{
  free (all->per_cpu);
  memset (all, 0, sizeof *all);
}

const char *
ts_battery_status_name (TsBatteryStatus status)
{
  switch (status)
    {
    case TS_BATTERY_STATUS_CHARGING: return "charging";
    case TS_BATTERY_STATUS_DISCHARGING: return "discharging";
    case TS_BATTERY_STATUS_FULL: return "full";
    case TS_BATTERY_STATUS_NOT_CHARGING: return "not charging";
    case TS_BATTERY_STATUS_UNKNOWN:
    default: return "unknown";
    }
}

#ifndef __linux__
/* Where the OS has no shared source for the two, each reader on its own. */
bool
ts_platform_memory (TsPlatform      *self,
                    TsVirtualMemory *vm,
                    TsSwapMemory    *swap,
                    TsPlatformError *err)
{
  return ts_platform_virtual_memory (self, vm, err) && ts_platform_swap_memory (self, swap, err);
}
#endif
