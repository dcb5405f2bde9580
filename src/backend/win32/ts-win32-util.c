/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Windows platform layer: errors, ntdll entry points, strings, the pure
 * translations between Windows terms and the contract's.  No GLib. */
#include "config.h"

#include "ts-win32-private.h"

#include <shellapi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
ts_win32_pid_text (char *buf, size_t len, TsPid pid)
{
  snprintf (buf, len, "pid %ld", (long) pid);
}

bool
ts_win32_error (TsPlatformError *err, DWORD code, const char *call, const char *what)
{
  TsPlatformErrorKind kind;

  switch (code)
    {
    case ERROR_ACCESS_DENIED:
    case ERROR_PRIVILEGE_NOT_HELD:
    case ERROR_PARTIAL_COPY: /* ReadProcessMemory into a protected process */
      kind = TS_PLATFORM_ERR_ACCESS_DENIED;
      break;
    case ERROR_NOT_SUPPORTED:
    case ERROR_CALL_NOT_IMPLEMENTED:
    case ERROR_INVALID_FUNCTION:
    case ERROR_PROC_NOT_FOUND:
      kind = TS_PLATFORM_ERR_NOT_SUPPORTED;
      break;
    default:
      kind = TS_PLATFORM_ERR_OS_ERROR;
      break;
    }
  return ts_platform_error_set (err, kind, (int) code, call, what);
}

bool
ts_win32_last_error (TsPlatformError *err, const char *call, const char *what)
{
  return ts_win32_error (err, GetLastError (), call, what);
}

bool
ts_win32_nt_error (TsPlatformError *err, NTSTATUS status, const char *call, const char *what)
{
  const TsNtApi *nt = ts_win32_nt ();
  DWORD code = nt->status_to_dos_error != NULL ? nt->status_to_dos_error (status) : ERROR_GEN_FAILURE;

  /* STATUS_NOT_IMPLEMENTED (wine) and STATUS_INVALID_INFO_CLASS: the
   * information class does not exist here. */
  if (status == (NTSTATUS) 0xC0000002L || status == (NTSTATUS) 0xC0000003L)
    return ts_platform_error_set (err, TS_PLATFORM_ERR_NOT_SUPPORTED, (int) code, call, what);
  return ts_win32_error (err, code, call, what);
}

static TsNtApi nt_api;
static INIT_ONCE nt_once = INIT_ONCE_STATIC_INIT;

static BOOL CALLBACK
resolve_nt (PINIT_ONCE once, PVOID param, PVOID *ctx)
{
  HMODULE ntdll = GetModuleHandleW (L"ntdll.dll");

  if (ntdll == NULL)
    return TRUE;
  /* GetProcAddress returns FARPROC; the casts go through void * because
   * the real signatures differ. */
#define RESOLVE(field, name) \
  nt_api.field = (__typeof__ (nt_api.field)) (void *) GetProcAddress (ntdll, name)
  RESOLVE (query_system_information, "NtQuerySystemInformation");
  RESOLVE (query_information_process, "NtQueryInformationProcess");
  RESOLVE (set_information_process, "NtSetInformationProcess");
  RESOLVE (suspend_process, "NtSuspendProcess");
  RESOLVE (resume_process, "NtResumeProcess");
  RESOLVE (status_to_dos_error, "RtlNtStatusToDosError");
#undef RESOLVE
  return TRUE;
}

const TsNtApi *
ts_win32_nt (void)
{
  InitOnceExecuteOnce (&nt_once, resolve_nt, NULL, NULL);
  return &nt_api;
}

HANDLE
ts_win32_open_process (TsPid            pid,
                       DWORD            access,
                       DWORD            fallback,
                       DWORD           *got,
                       TsPlatformError *err)
{
  char what[32];
  HANDLE h;
  DWORD code;

  ts_win32_pid_text (what, sizeof what, pid);
  h = OpenProcess (access, FALSE, (DWORD) pid);
  if (h == NULL && fallback != 0 && GetLastError () == ERROR_ACCESS_DENIED)
    {
      access = fallback;
      h = OpenProcess (access, FALSE, (DWORD) pid);
    }
  if (h != NULL)
    {
      if (got != NULL)
        *got = access;
      return h;
    }
  code = GetLastError ();
  /* OpenProcess says "invalid parameter" for a PID that names no process. */
  if (code == ERROR_INVALID_PARAMETER)
    ts_platform_error_set (err, TS_PLATFORM_ERR_NO_SUCH_PROCESS, (int) code, "OpenProcess", what);
  else
    ts_win32_error (err, code, "OpenProcess", what);
  return NULL;
}

uint64_t
ts_win32_process_start (HANDLE process)
{
  FILETIME create, exit_time, kernel, user;

  if (!GetProcessTimes (process, &create, &exit_time, &kernel, &user))
    return 0;
  return ((uint64_t) create.dwHighDateTime << 32) | create.dwLowDateTime;
}

char *
ts_win32_utf8 (const wchar_t *w, size_t n, size_t *len_out)
{
  int need;
  char *out;

  if (len_out != NULL)
    *len_out = 0;
  if (n == 0)
    return calloc (1, 1);
  if (n > INT32_MAX / 4)
    return NULL;
  need = WideCharToMultiByte (CP_UTF8, 0, w, (int) n, NULL, 0, NULL, NULL);
  if (need <= 0)
    return NULL;
  out = malloc ((size_t) need + 1);
  if (out == NULL)
    return NULL;
  need = WideCharToMultiByte (CP_UTF8, 0, w, (int) n, out, need, NULL, NULL);
  if (need <= 0)
    {
      free (out);
      return NULL;
    }
  out[need] = '\0';
  if (len_out != NULL)
    *len_out = (size_t) need;
  return out;
}

bool
ts_win32_split_cmdline (const wchar_t *line, char **out, size_t *len, size_t *argc)
{
  LPWSTR *argv;
  int n = 0;
  char *buf = NULL;
  size_t used = 0;

  *out = NULL;
  *len = 0;
  *argc = 0;
  /* CommandLineToArgvW("") answers the current program's path: an empty
   * line is no arguments at all. */
  while (*line == L' ' || *line == L'\t')
    line++;
  if (*line == L'\0')
    {
      *out = calloc (1, 1);
      return *out != NULL;
    }
  argv = CommandLineToArgvW (line, &n);
  if (argv == NULL)
    return false;
  for (int i = 0; i < n; i++)
    {
      size_t alen;
      char *arg = ts_win32_utf8 (argv[i], wcslen (argv[i]), &alen);
      char *bigger;

      if (arg == NULL)
        goto fail;
      bigger = realloc (buf, used + alen + 1);
      if (bigger == NULL)
        {
          free (arg);
          goto fail;
        }
      buf = bigger;
      memcpy (buf + used, arg, alen + 1);
      used += alen + 1;
      free (arg);
    }
  LocalFree (argv);
  *out = buf != NULL ? buf : calloc (1, 1);
  *len = used;
  *argc = (size_t) n;
  return *out != NULL;

fail:
  LocalFree (argv);
  free (buf);
  return false;
}

int
ts_win32_nice_from_priority_class (unsigned long priority_class)
{
  switch (priority_class)
    {
    case IDLE_PRIORITY_CLASS: return 19;
    case BELOW_NORMAL_PRIORITY_CLASS: return 10;
    case NORMAL_PRIORITY_CLASS: return 0;
    case ABOVE_NORMAL_PRIORITY_CLASS: return -5;
    case HIGH_PRIORITY_CLASS: return -10;
    case REALTIME_PRIORITY_CLASS: return -20;
    default: return 0;
    }
}

unsigned long
ts_win32_priority_class_from_nice (int nice)
{
  if (nice >= 15)
    return IDLE_PRIORITY_CLASS;
  if (nice >= 5)
    return BELOW_NORMAL_PRIORITY_CLASS;
  if (nice >= -4)
    return NORMAL_PRIORITY_CLASS;
  if (nice >= -9)
    return ABOVE_NORMAL_PRIORITY_CLASS;
  if (nice >= -19)
    return HIGH_PRIORITY_CLASS;
  return REALTIME_PRIORITY_CLASS;
}

void
ts_win32_ionice_from_hint (int hint, int *ioclass, int *level)
{
  switch (hint)
    {
    case 0: *ioclass = 3; *level = 0; break;
    case 1: *ioclass = 2; *level = 7; break;
    case 3: *ioclass = 1; *level = 0; break;
    case 2:
    default: *ioclass = 2; *level = 4; break;
    }
}

int
ts_win32_hint_from_ionice (int ioclass, int level)
{
  switch (ioclass)
    {
    case 1: return 3;
    case 3: return 0;
    case 2: return level > 4 ? 1 : 2;
    case 0:
    default: return 2;
    }
}

double
ts_win32_filetime_to_epoch (uint64_t ticks)
{
  /* 1601-01-01 to 1970-01-01 in 100 ns ticks. */
  const uint64_t epoch = UINT64_C (116444736000000000);

  if (ticks <= epoch)
    return 0.0;
  return (double) (ticks - epoch) / 1e7;
}

const char *
ts_open_file_mode (int32_t flags)
{
  /* The flags come from Linux fdinfo (octal values of <fcntl.h> there);
   * Windows never fills them, but the function is part of the contract. */
  if (flags < 0)
    return "";
  switch (flags & 03)
    {
    case 0: return "r";
    case 1: return (flags & 02000) ? "a" : "w";
    case 2: return (flags & 02000) ? "a+" : "r+";
    default: return "";
    }
}

void
ts_open_files_free (TsOpenFile *files, size_t n)
{
  for (size_t i = 0; i < n; i++)
    free (files[i].target);
  free (files);
}
