/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Windows platform layer: the context, the process snapshot, user names.
 * No GLib. */
#include "config.h"

#include "ts-win32-private.h"

#include <sddl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SYSTEM_PROCESS_INFORMATION_CLASS 5

/* Tries to enable SeDebugPrivilege, as psutil does: an elevated
 * administrator may then open other users' and services' processes. */
static bool
enable_debug_privilege (void)
{
  HANDLE token;
  TOKEN_PRIVILEGES tp = { .PrivilegeCount = 1 };
  bool ok;

  if (!OpenProcessToken (GetCurrentProcess (), TOKEN_ADJUST_PRIVILEGES | TOKEN_QUERY, &token))
    return false;
  ok = LookupPrivilegeValueW (NULL, L"SeDebugPrivilege", &tp.Privileges[0].Luid);
  if (ok)
    {
      tp.Privileges[0].Attributes = SE_PRIVILEGE_ENABLED;
      /* AdjustTokenPrivileges succeeds without granting anything when the
       * token lacks the privilege: ERROR_NOT_ALL_ASSIGNED says so. */
      ok = AdjustTokenPrivileges (token, FALSE, &tp, sizeof tp, NULL, NULL)
           && GetLastError () == ERROR_SUCCESS;
    }
  CloseHandle (token);
  return ok;
}

TsPlatform *
ts_platform_new (const char      *procfs_root,
                 const char      *sysfs_root,
                 TsPlatformError *err)
{
  TsPlatform *self;
  FILETIME now;
  uint64_t now_ticks;

  /* procfs_root and sysfs_root have no meaning on Windows: ignored. */
  ts_platform_error_clear (err);
  self = calloc (1, sizeof *self);
  if (self == NULL)
    {
      ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, ERROR_NOT_ENOUGH_MEMORY, "calloc", "TsPlatform");
      return NULL;
    }
  if (ts_win32_nt ()->query_system_information == NULL)
    {
      free (self);
      ts_platform_error_set (err, TS_PLATFORM_ERR_NOT_SUPPORTED, ERROR_PROC_NOT_FOUND,
                             "GetProcAddress", "ntdll!NtQuerySystemInformation");
      return NULL;
    }
  self->debug_privilege = enable_debug_privilege ();
  self->snapshot_ttl_ms = 250;

  /* Boot time once, to the second, so it does not wobble from call to call
   * with the two clocks' rounding (psutil rounds too). */
  GetSystemTimeAsFileTime (&now);
  now_ticks = ((uint64_t) now.dwHighDateTime << 32) | now.dwLowDateTime;
  self->boot_time = (double) (int64_t) (ts_win32_filetime_to_epoch (now_ticks)
                                        - (double) GetTickCount64 () / 1000.0 + 0.5);
  return self;
}

void
ts_platform_free (TsPlatform *self)
{
  if (self == NULL)
    return;
  ts_win32_loadavg_free (self->loadavg);
  free (self->snapshot);
  free (self);
}

const char *
ts_platform_procfs_root (const TsPlatform *self)
{
  return "";
}

const char *
ts_platform_sysfs_root (const TsPlatform *self)
{
  return "";
}

void
ts_platform_set_keep_fds (TsPlatform *self, bool keep)
{
  /* Nothing is kept open between reads on Windows: the snapshot carries
   * the per-process counters, handles are opened only for the extras. */
}

size_t
ts_platform_kept_fds (const TsPlatform *self)
{
  return 0;
}

bool
ts_win32_has_debug_privilege (const TsPlatform *self)
{
  return self->debug_privilege;
}

bool
ts_win32_query_processes (void **buf_out, size_t *size_out, TsPlatformError *err)
{
  const TsNtApi *nt = ts_win32_nt ();
  ULONG size = 256 * 1024, need = 0;
  void *buf = NULL;
  NTSTATUS status;

  *buf_out = NULL;
  *size_out = 0;
  /* The list grows between calls: retry with what it asked for plus room. */
  for (int attempt = 0; attempt < 8; attempt++)
    {
      free (buf);
      buf = malloc (size);
      if (buf == NULL)
        return ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, ERROR_NOT_ENOUGH_MEMORY,
                                      "malloc", "SystemProcessInformation");
      status = nt->query_system_information (SYSTEM_PROCESS_INFORMATION_CLASS, buf, size, &need);
      if (TS_NT_SUCCESS (status))
        {
          *buf_out = buf;
          *size_out = size;
          return true;
        }
      /* STATUS_INFO_LENGTH_MISMATCH, STATUS_BUFFER_TOO_SMALL */
      if (status != (NTSTATUS) 0xC0000004L && status != (NTSTATUS) 0xC0000023L)
        break;
      size = (need > size ? need : size * 2) + 64 * 1024;
    }
  free (buf);
  return ts_win32_nt_error (err, status, "NtQuerySystemInformation", "SystemProcessInformation");
}

bool
ts_win32_take_snapshot (TsPlatform *self, TsPlatformError *err)
{
  void *buf;
  size_t size;

  if (!ts_win32_query_processes (&buf, &size, err))
    return false;
  free (self->snapshot);
  self->snapshot = buf;
  self->snapshot_size = size;
  self->snapshot_taken_ms = GetTickCount64 ();
  return true;
}

void
ts_win32_snapshot_foreach (const void *buf, size_t size, TsWin32RecordFn fn, void *data)
{
  size_t off = 0;

  if (buf == NULL)
    return;
  /* Bounds-checked walk: a record must fit before it is looked at. */
  while (off + sizeof (TsSystemProcessInfo) <= size)
    {
      const TsSystemProcessInfo *rec = (const void *) ((const char *) buf + off);
      size_t threads_end = off + sizeof *rec + (size_t) rec->NumberOfThreads * sizeof (TsSystemThreadInfo);

      if (threads_end > size)
        break;
      if (!fn (rec, data))
        break;
      if (rec->NextEntryOffset == 0)
        break;
      off += rec->NextEntryOffset;
    }
}

typedef struct
{
  TsPid                      pid;
  const TsSystemProcessInfo *found;
} FindData;

static bool
find_cb (const TsSystemProcessInfo *rec, void *data)
{
  FindData *fd = data;

  if ((TsPid) (uintptr_t) rec->UniqueProcessId == fd->pid)
    {
      fd->found = rec;
      return false;
    }
  return true;
}

const TsSystemProcessInfo *
ts_win32_snapshot_find (const TsPlatform *self, TsPid pid)
{
  FindData fd = { pid, NULL };

  ts_win32_snapshot_foreach (self->snapshot, self->snapshot_size, find_cb, &fd);
  return fd.found;
}

typedef struct
{
  TsPid  *pids;
  size_t  n, cap;
  bool    oom;
} ListData;

static bool
list_cb (const TsSystemProcessInfo *rec, void *data)
{
  ListData *ld = data;

  if (ld->n == ld->cap)
    {
      size_t cap = ld->cap ? ld->cap * 2 : 256;
      TsPid *bigger = realloc (ld->pids, cap * sizeof *bigger);

      if (bigger == NULL)
        {
          ld->oom = true;
          return false;
        }
      ld->pids = bigger;
      ld->cap = cap;
    }
  ld->pids[ld->n++] = (TsPid) (uintptr_t) rec->UniqueProcessId;
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
  ListData ld = { 0 };

  *pids_out = NULL;
  *n_out = 0;
  ts_platform_error_clear (err);
  if (!ts_win32_take_snapshot (self, err))
    return false;
  ts_win32_snapshot_foreach (self->snapshot, self->snapshot_size, list_cb, &ld);
  if (ld.oom)
    {
      free (ld.pids);
      return ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, ERROR_NOT_ENOUGH_MEMORY,
                                    "realloc", "pid list");
    }
  qsort (ld.pids, ld.n, sizeof *ld.pids, cmp_pid);
  *pids_out = ld.pids;
  *n_out = ld.n;
  return true;
}

bool
ts_platform_terminal_name (TsPlatform *self,
                           uint64_t    tty_nr,
                           char       *buf,
                           size_t      len)
{
  /* Windows processes have no controlling terminal number. */
  if (len > 0)
    buf[0] = '\0';
  return false;
}

/* User SIDs have no small number of their own on Windows: the contract's
 * uid is an index into this table, assigned on first sight (process-wide,
 * so ts_platform_user_name, which takes no context, can map it back). */
#define MAX_USERS 256

static SRWLOCK users_lock = SRWLOCK_INIT;
static char   *user_sids[MAX_USERS];   /* "S-1-5-21-..." */
static char   *user_names[MAX_USERS];  /* "DOMAIN\\user", or NULL if unknown */
static size_t  n_users;

static char *
account_name (PSID sid)
{
  wchar_t name[256], domain[256];
  DWORD nlen = 256, dlen = 256;
  SID_NAME_USE use;
  char *uname, *udom, *out;
  size_t a, b;

  if (!LookupAccountSidW (NULL, sid, name, &nlen, domain, &dlen, &use))
    return NULL;
  uname = ts_win32_utf8 (name, wcslen (name), &a);
  udom = ts_win32_utf8 (domain, wcslen (domain), &b);
  out = (uname != NULL && udom != NULL) ? malloc (a + b + 2) : NULL;
  if (out != NULL)
    {
      if (b > 0)
        snprintf (out, a + b + 2, "%s\\%s", udom, uname);
      else
        snprintf (out, a + b + 2, "%s", uname);
    }
  free (uname);
  free (udom);
  return out;
}

bool
ts_win32_process_uid (HANDLE process, TsPid pid, uint32_t *uid, TsPlatformError *err)
{
  char what[32];
  HANDLE token;
  union { TOKEN_USER user; char bytes[512]; } info;
  DWORD got = 0;
  LPSTR sid_text = NULL;
  size_t i;
  bool ok = false;

  ts_win32_pid_text (what, sizeof what, pid);
  if (!OpenProcessToken (process, TOKEN_QUERY, &token))
    return ts_win32_last_error (err, "OpenProcessToken", what);
  if (!GetTokenInformation (token, TokenUser, &info, sizeof info, &got))
    {
      ts_win32_last_error (err, "GetTokenInformation", what);
      CloseHandle (token);
      return false;
    }
  CloseHandle (token);
  if (!ConvertSidToStringSidA (info.user.User.Sid, &sid_text))
    return ts_win32_last_error (err, "ConvertSidToStringSid", what);

  AcquireSRWLockExclusive (&users_lock);
  for (i = 0; i < n_users; i++)
    if (strcmp (user_sids[i], sid_text) == 0)
      break;
  if (i == n_users && n_users < MAX_USERS)
    {
      user_sids[i] = strdup (sid_text);
      if (user_sids[i] != NULL)
        {
          user_names[i] = account_name (info.user.User.Sid);
          n_users++;
        }
    }
  if (i < n_users)
    {
      *uid = (uint32_t) i;
      ok = true;
    }
  ReleaseSRWLockExclusive (&users_lock);
  LocalFree (sid_text);
  if (!ok)
    return ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, ERROR_NOT_ENOUGH_MEMORY,
                                  "uid table", what);
  return true;
}

bool
ts_platform_user_name (uint32_t uid, char *buf, size_t len)
{
  bool ok = false;

  if (len == 0)
    return false;
  AcquireSRWLockShared (&users_lock);
  if (uid < n_users)
    {
      snprintf (buf, len, "%s", user_names[uid] != NULL ? user_names[uid] : user_sids[uid]);
      ok = user_names[uid] != NULL;
    }
  else
    snprintf (buf, len, "%lu", (unsigned long) uid);
  ReleaseSRWLockShared (&users_lock);
  return ok;
}

bool
ts_platform_open_files (TsPlatform      *self,
                        TsPid            pid,
                        TsOpenFile     **out,
                        size_t          *n_out,
                        TsPlatformError *err)
{
  char what[32];

  /* Listing another process's file handles needs the system handle table
   * and a query per handle that can hang on pipes (psutil runs it in a
   * thread with a timeout); not done yet. */
  *out = NULL;
  *n_out = 0;
  snprintf (what, sizeof what, "pid %ld handles", (long) pid);
  return ts_platform_error_set (err, TS_PLATFORM_ERR_NOT_SUPPORTED, 0,
                                "NtQuerySystemInformation", what);
}
