/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Windows platform layer: command line, working directory and environment
 * from another process's PEB (its RTL_USER_PROCESS_PARAMETERS), for 64-bit
 * processes and for 32-bit ones under WOW64.  No GLib.
 *
 * The offsets are the documented-by-practice layout of the x64 and x86
 * PEB and process parameters (the same ones psutil and Process Hacker
 * read); they have not changed since Windows XP x64. */
#include "config.h"

#include "ts-win32-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PROCESS_BASIC_INFORMATION_CLASS   0
#define PROCESS_WOW64_INFORMATION_CLASS   26
#define PROCESS_COMMAND_LINE_INFORMATION  60

/* Offsets into the PEB and RTL_USER_PROCESS_PARAMETERS. */
#define PEB64_PROCESS_PARAMETERS   0x20
#define PARAMS64_CURRENT_DIRECTORY 0x38
#define PARAMS64_COMMAND_LINE      0x70
#define PARAMS64_ENVIRONMENT       0x80
#define PEB32_PROCESS_PARAMETERS   0x10
#define PARAMS32_CURRENT_DIRECTORY 0x24
#define PARAMS32_COMMAND_LINE      0x40
#define PARAMS32_ENVIRONMENT       0x48

/* Sanity caps: a command line is at most 32767 wide chars; an
 * environment block may be up to 32767 chars a variable, but 4 MiB is
 * already absurd. */
#define MAX_ENV_BYTES (4u << 20)

typedef enum { PEB_CMDLINE, PEB_CWD, PEB_ENV } PebWhat;

typedef struct
{
  uint64_t params;  /* address of the process parameters in the target */
  bool     wow64;   /* 32-bit layout */
} PebParams;

static bool
read_mem (HANDLE process, uint64_t addr, void *buf, size_t len,
          const char *what, TsPlatformError *err)
{
  SIZE_T got = 0;

  if (addr == 0 || addr > (uint64_t) UINTPTR_MAX)
    return ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, ERROR_INVALID_ADDRESS,
                                  "ReadProcessMemory", what);
  if (!ReadProcessMemory (process, (LPCVOID) (uintptr_t) addr, buf, len, &got) || got != len)
    return ts_win32_last_error (err, "ReadProcessMemory", what);
  return true;
}

static bool
find_params (HANDLE process, const char *what, PebParams *pp, TsPlatformError *err)
{
  const TsNtApi *nt = ts_win32_nt ();
  PROCESS_BASIC_INFORMATION pbi;
  ULONG_PTR peb32 = 0;
  NTSTATUS status;

  memset (pp, 0, sizeof *pp);
  if (nt->query_information_process == NULL)
    return ts_platform_error_set (err, TS_PLATFORM_ERR_NOT_SUPPORTED, ERROR_PROC_NOT_FOUND,
                                  "NtQueryInformationProcess", what);

  /* A 32-bit process under WOW64 has a 32-bit PEB of its own, and its
   * parameters are the 32-bit layout; its 64-bit PEB's are not kept up to
   * date for the current directory. */
  status = nt->query_information_process (process, PROCESS_WOW64_INFORMATION_CLASS,
                                          &peb32, sizeof peb32, NULL);
  if (TS_NT_SUCCESS (status) && peb32 != 0)
    {
      uint32_t params32 = 0;

      if (!read_mem (process, (uint64_t) peb32 + PEB32_PROCESS_PARAMETERS,
                     &params32, sizeof params32, what, err))
        return false;
      pp->params = params32;
      pp->wow64 = true;
      return true;
    }

  status = nt->query_information_process (process, PROCESS_BASIC_INFORMATION_CLASS,
                                          &pbi, sizeof pbi, NULL);
  if (!TS_NT_SUCCESS (status))
    return ts_win32_nt_error (err, status, "NtQueryInformationProcess", what);
  if (pbi.PebBaseAddress == NULL)
    return ts_platform_error_set (err, TS_PLATFORM_ERR_ACCESS_DENIED, ERROR_ACCESS_DENIED,
                                  "NtQueryInformationProcess", what);
  return read_mem (process, (uint64_t) (uintptr_t) pbi.PebBaseAddress + PEB64_PROCESS_PARAMETERS,
                   &pp->params, sizeof pp->params, what, err);
}

/* Reads a UNICODE_STRING (or its 32-bit form) at addr in the target into
 * a malloc'd, NUL-terminated wide string. */
static wchar_t *
read_ustring (HANDLE process, const PebParams *pp, uint64_t addr, size_t *n_chars,
              const char *what, TsPlatformError *err)
{
  uint16_t length;
  uint64_t buffer;
  wchar_t *w;

  if (pp->wow64)
    {
      struct { uint16_t len, max; uint32_t buf; } us32;

      if (!read_mem (process, addr, &us32, sizeof us32, what, err))
        return NULL;
      length = us32.len;
      buffer = us32.buf;
    }
  else
    {
      struct { uint16_t len, max; uint32_t pad; uint64_t buf; } us64;

      if (!read_mem (process, addr, &us64, sizeof us64, what, err))
        return NULL;
      length = us64.len;
      buffer = us64.buf;
    }
  length &= (uint16_t) ~1u;
  w = calloc ((size_t) length / 2 + 1, sizeof *w);
  if (w == NULL)
    {
      ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, ERROR_NOT_ENOUGH_MEMORY, "calloc", what);
      return NULL;
    }
  if (length > 0 && !read_mem (process, buffer, w, length, what, err))
    {
      free (w);
      return NULL;
    }
  *n_chars = length / 2;
  return w;
}

static wchar_t *
read_peb_string (HANDLE process, TsPid pid, PebWhat which, size_t *n_chars, TsPlatformError *err)
{
  char what[32];
  PebParams pp;
  uint64_t off;

  ts_win32_pid_text (what, sizeof what, pid);
  if (!find_params (process, what, &pp, err))
    return NULL;
  if (which == PEB_CMDLINE)
    off = pp.wow64 ? PARAMS32_COMMAND_LINE : PARAMS64_COMMAND_LINE;
  else
    off = pp.wow64 ? PARAMS32_CURRENT_DIRECTORY : PARAMS64_CURRENT_DIRECTORY;
  return read_ustring (process, &pp, pp.params + off, n_chars, what, err);
}

bool
ts_win32_read_cmdline (HANDLE process, TsPid pid, char **out, size_t *len, size_t *argc,
                       TsPlatformError *err)
{
  const TsNtApi *nt = ts_win32_nt ();
  char what[32];
  wchar_t *line = NULL;
  size_t n = 0;
  bool ok;

  ts_win32_pid_text (what, sizeof what, pid);
  /* Windows 8.1 and later hand out the command line with the limited
   * query right alone; the PEB needs PROCESS_VM_READ. */
  if (nt->query_information_process != NULL)
    {
      ULONG need = 0;
      NTSTATUS status = nt->query_information_process (process, PROCESS_COMMAND_LINE_INFORMATION,
                                                       NULL, 0, &need);

      if (need >= sizeof (UNICODE_STRING) && need < (1u << 20))
        {
          UNICODE_STRING *us = calloc (1, need + sizeof (wchar_t));

          if (us != NULL)
            {
              status = nt->query_information_process (process, PROCESS_COMMAND_LINE_INFORMATION,
                                                      us, need, &need);
              if (TS_NT_SUCCESS (status))
                {
                  n = us->Length / 2;
                  line = calloc (n + 1, sizeof *line);
                  if (line != NULL)
                    memcpy (line, us->Buffer, n * sizeof *line);
                }
              free (us);
            }
        }
      (void) status;
    }
  if (line == NULL)
    line = read_peb_string (process, pid, PEB_CMDLINE, &n, err);
  if (line == NULL)
    return false;
  line[n] = L'\0';
  ok = ts_win32_split_cmdline (line, out, len, argc);
  free (line);
  if (!ok)
    return ts_platform_error_set (err, TS_PLATFORM_ERR_PARSE, ERROR_NO_UNICODE_TRANSLATION,
                                  "CommandLineToArgvW", what);
  return true;
}

bool
ts_win32_read_cwd (HANDLE process, TsPid pid, char **out, TsPlatformError *err)
{
  char what[32];
  size_t n = 0;
  wchar_t *w = read_peb_string (process, pid, PEB_CWD, &n, err);

  if (w == NULL)
    return false;
  /* The PEB keeps "C:\\dir\\"; psutil strips the separator, except for
   * a drive's root. */
  if (n > 3 && w[n - 1] == L'\\')
    n--;
  *out = ts_win32_utf8 (w, n, NULL);
  free (w);
  if (*out == NULL)
    {
      ts_win32_pid_text (what, sizeof what, pid);
      return ts_platform_error_set (err, TS_PLATFORM_ERR_PARSE, ERROR_NO_UNICODE_TRANSLATION,
                                    "WideCharToMultiByte", what);
    }
  return true;
}

bool
ts_win32_read_environ (HANDLE process, TsPid pid, char **out, size_t *len, TsPlatformError *err)
{
  char what[32];
  PebParams pp;
  uint64_t env = 0;
  MEMORY_BASIC_INFORMATION mbi;
  size_t avail, n_chars, end;
  wchar_t *w;
  char *utf8;
  size_t utf8_len;

  *out = NULL;
  *len = 0;
  ts_win32_pid_text (what, sizeof what, pid);
  if (!find_params (process, what, &pp, err))
    return false;
  if (pp.wow64)
    {
      uint32_t env32 = 0;

      if (!read_mem (process, pp.params + PARAMS32_ENVIRONMENT, &env32, sizeof env32, what, err))
        return false;
      env = env32;
    }
  else if (!read_mem (process, pp.params + PARAMS64_ENVIRONMENT, &env, sizeof env, what, err))
    return false;

  /* The block's size is not in every version's parameters: read up to the
   * end of the memory region that holds it, then find the double NUL. */
  if (VirtualQueryEx (process, (LPCVOID) (uintptr_t) env, &mbi, sizeof mbi) == 0)
    return ts_win32_last_error (err, "VirtualQueryEx", what);
  avail = (size_t) ((uintptr_t) mbi.BaseAddress + mbi.RegionSize - (uintptr_t) env);
  if (avail > MAX_ENV_BYTES)
    avail = MAX_ENV_BYTES;
  avail &= ~(size_t) 1;
  n_chars = avail / 2;
  w = malloc (avail + 2 * sizeof *w);
  if (w == NULL)
    return ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, ERROR_NOT_ENOUGH_MEMORY, "malloc", what);
  if (avail > 0 && !read_mem (process, env, w, avail, what, err))
    {
      free (w);
      return false;
    }
  w[n_chars] = L'\0';
  w[n_chars + 1] = L'\0';
  for (end = 0; end < n_chars; end++)
    if (w[end] == L'\0' && (end + 1 >= n_chars || w[end + 1] == L'\0'))
      break;
  /* [0, end) holds the entries separated by single NULs; keep the NUL
   * after the last one so every entry is terminated. */
  if (end == 0)
    {
      free (w);
      *out = calloc (1, 1);
      return *out != NULL;
    }
  utf8 = ts_win32_utf8 (w, end + 1, &utf8_len);
  free (w);
  if (utf8 == NULL)
    return ts_platform_error_set (err, TS_PLATFORM_ERR_PARSE, ERROR_NO_UNICODE_TRANSLATION,
                                  "WideCharToMultiByte", what);
  *out = utf8;
  *len = utf8_len;
  return true;
}
