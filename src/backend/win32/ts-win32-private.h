/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Private to the Windows platform layer: the context, the NT structures
 * mingw's <winternl.h> leaves opaque, and error helpers.  No GLib. */
#pragma once

#include "ts-platform.h"
#include "ts-win32.h"

#include <windows.h>
#include <winternl.h>

/* SystemProcessInformation's records in full (winternl.h hides most
 * fields as Reserved).  Layout from the NT headers, x64 and x86 alike since
 * every field is sized by the pointer width where it differs. */
typedef struct
{
  LARGE_INTEGER KernelTime;
  LARGE_INTEGER UserTime;
  LARGE_INTEGER CreateTime;
  ULONG         WaitTime;
  PVOID         StartAddress;
  CLIENT_ID     ClientId;
  LONG          Priority;
  LONG          BasePriority;
  ULONG         ContextSwitches;
  ULONG         ThreadState;  /* KTHREAD_STATE: 1 ready, 2 running, 3 standby, 5 waiting */
  ULONG         WaitReason;   /* KWAIT_REASON: 5 suspended */
} TsSystemThreadInfo;

typedef struct
{
  ULONG          NextEntryOffset;
  ULONG          NumberOfThreads;
  LARGE_INTEGER  WorkingSetPrivateSize;
  ULONG          HardFaultCount;
  ULONG          NumberOfThreadsHighWatermark;
  ULONGLONG      CycleTime;
  LARGE_INTEGER  CreateTime;
  LARGE_INTEGER  UserTime;
  LARGE_INTEGER  KernelTime;
  UNICODE_STRING ImageName;
  LONG           BasePriority;
  HANDLE         UniqueProcessId;
  HANDLE         InheritedFromUniqueProcessId;
  ULONG          HandleCount;
  ULONG          SessionId;
  ULONG_PTR      UniqueProcessKey;
  SIZE_T         PeakVirtualSize;
  SIZE_T         VirtualSize;
  ULONG          PageFaultCount;
  SIZE_T         PeakWorkingSetSize;
  SIZE_T         WorkingSetSize;
  SIZE_T         QuotaPeakPagedPoolUsage;
  SIZE_T         QuotaPagedPoolUsage;
  SIZE_T         QuotaPeakNonPagedPoolUsage;
  SIZE_T         QuotaNonPagedPoolUsage;
  SIZE_T         PagefileUsage;
  SIZE_T         PeakPagefileUsage;
  SIZE_T         PrivatePageCount;
  LARGE_INTEGER  ReadOperationCount;
  LARGE_INTEGER  WriteOperationCount;
  LARGE_INTEGER  OtherOperationCount;
  LARGE_INTEGER  ReadTransferCount;
  LARGE_INTEGER  WriteTransferCount;
  LARGE_INTEGER  OtherTransferCount;
  TsSystemThreadInfo Threads[];
} TsSystemProcessInfo;

#define TS_THREAD_STATE_READY    1
#define TS_THREAD_STATE_RUNNING  2
#define TS_THREAD_STATE_STANDBY  3
#define TS_THREAD_STATE_WAITING  5
#define TS_WAIT_REASON_SUSPENDED 5

typedef struct TsWin32LoadAvg TsWin32LoadAvg;

struct TsPlatform
{
  double          boot_time;      /* seconds since the epoch */
  bool            debug_privilege;
  /* The last SystemProcessInformation snapshot: ts_platform_list_pids takes
   * it, ts_platform_read_process reuses it while it is younger than
   * snapshot_ttl_ms, so one tick costs one system call for the records of
   * every process (the Windows oneshot). */
  void           *snapshot;
  size_t          snapshot_size;
  ULONGLONG       snapshot_taken_ms;
  ULONGLONG       snapshot_ttl_ms;
  TsWin32LoadAvg *loadavg;
  double          loadavg_interval; /* seconds; 0: TS_WIN32_LOADAVG_INTERVAL */
};

/* Takes a fresh SystemProcessInformation snapshot into self. */
bool ts_win32_take_snapshot (TsPlatform *self, TsPlatformError *err);
/* The record of pid in the current snapshot, or NULL. */
const TsSystemProcessInfo *ts_win32_snapshot_find (const TsPlatform *self, TsPid pid);
/* Runs fn over every record of a snapshot buffer; stops early if fn returns false. */
typedef bool (*TsWin32RecordFn) (const TsSystemProcessInfo *rec, void *data);
void ts_win32_snapshot_foreach (const void *buf, size_t size, TsWin32RecordFn fn, void *data);
/* A fresh snapshot in a malloc'd buffer (the load average sampler's own). */
bool ts_win32_query_processes (void **buf, size_t *size, TsPlatformError *err);

/* Errors.  os_errno is always a Win32 error code (NTSTATUS values go
 * through RtlNtStatusToDosError), so the text form can use FormatMessage.
 * ERROR_ACCESS_DENIED -> ACCESS_DENIED; ERROR_INVALID_PARAMETER from
 * OpenProcess means the PID names no process -> NO_SUCH_PROCESS. */
bool ts_win32_error (TsPlatformError *err, DWORD code, const char *call, const char *what);
bool ts_win32_last_error (TsPlatformError *err, const char *call, const char *what);
bool ts_win32_nt_error (TsPlatformError *err, NTSTATUS status, const char *call, const char *what);
void ts_win32_pid_text (char *buf, size_t len, TsPid pid);

/* ntdll entry points mingw's import library may lack, resolved once. */
typedef NTSTATUS (NTAPI *TsNtQuerySystemInformationFn) (ULONG, PVOID, ULONG, PULONG);
typedef NTSTATUS (NTAPI *TsNtQueryInformationProcessFn) (HANDLE, ULONG, PVOID, ULONG, PULONG);
typedef NTSTATUS (NTAPI *TsNtSetInformationProcessFn) (HANDLE, ULONG, PVOID, ULONG);
typedef NTSTATUS (NTAPI *TsNtProcessFn) (HANDLE);
typedef ULONG (NTAPI *TsRtlNtStatusToDosErrorFn) (NTSTATUS);

typedef struct
{
  TsNtQuerySystemInformationFn  query_system_information;
  TsNtQueryInformationProcessFn query_information_process;
  TsNtSetInformationProcessFn   set_information_process;
  TsNtProcessFn                 suspend_process;
  TsNtProcessFn                 resume_process;
  TsRtlNtStatusToDosErrorFn     status_to_dos_error;
} TsNtApi;

const TsNtApi *ts_win32_nt (void);

/* Opens pid, first with `access`, then (if denied) with `fallback` when it
 * is not 0; *got says which succeeded.  NULL with err on failure. */
HANDLE ts_win32_open_process (TsPid            pid,
                              DWORD            access,
                              DWORD            fallback,
                              DWORD           *got,
                              TsPlatformError *err);
/* The process's creation time as FILETIME ticks, 0 on failure. */
uint64_t ts_win32_process_start (HANDLE process);

/* The PEB readers (ts-win32-peb.c): each fills a malloc'd UTF-8 string. */
bool ts_win32_read_cmdline (HANDLE process, TsPid pid, char **out, size_t *len, size_t *argc,
                            TsPlatformError *err);
bool ts_win32_read_cwd     (HANDLE process, TsPid pid, char **out, TsPlatformError *err);
bool ts_win32_read_environ (HANDLE process, TsPid pid, char **out, size_t *len,
                            TsPlatformError *err);

/* The token user as a small number ts_platform_user_name maps back. */
bool ts_win32_process_uid  (HANDLE process, TsPid pid, uint32_t *uid, TsPlatformError *err);

/* Load average sampler (ts-win32-loadavg.c). */
void ts_win32_loadavg_free (TsWin32LoadAvg *la);

/* NTSTATUS helpers. */
#define TS_NT_SUCCESS(s) ((NTSTATUS) (s) >= 0)
