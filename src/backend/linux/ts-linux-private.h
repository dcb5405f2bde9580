/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Private to the Linux platform layer: the context and file helpers. No GLib. */
#pragma once

#include "ts-platform.h"

#include <stdarg.h>
#include <sys/types.h>

typedef struct TsFdCache TsFdCache;

struct TsPlatform
{
  char      *procfs;       /* no trailing slash */
  char      *sysfs;
  bool       real_procfs;  /* procfs is the live /proc: syscalls on PIDs make sense */
  long       clk_tck;
  long       page_size;
  double     boot_time;    /* from <procfs>/stat btime; 0 if unknown */
  bool       keep_fds;
  size_t     max_kept_fds; /* stop keeping descriptors past this many */
  TsFdCache *cache;
};

/* snprintf into buf; false if it did not fit. */
bool ts_linux_path (char *buf, size_t len, const char *fmt, ...)
  __attribute__ ((format (printf, 3, 4)));

/* Reads a whole file into a malloc'd, NUL-terminated buffer (*len excludes the
 * NUL).  On failure fills err with the call ("open"/"read") and path. */
bool ts_linux_read_path (const char      *path,
                         char           **out,
                         size_t          *len,
                         TsPlatformError *err);

/* Reads a whole file from an open descriptor with pread from offset 0.
 * short_is_eof: the file is produced in one piece (a single-record /proc
 * file such as stat, or a regular file), so a read shorter than asked for
 * is the end, and the extra read that would return 0 is saved: on the
 * refresh path that is half the system calls. */
bool ts_linux_pread_all (int              fd,
                         const char      *path,
                         bool             short_is_eof,
                         char           **out,
                         size_t          *len,
                         TsPlatformError *err);

/* Reads a small file (a sysfs attribute) into buf, NUL-terminated, trailing
 * newline removed; false on any error (no err: sysfs probing is optional). */
bool ts_linux_read_small (const char *path, char *buf, size_t len);

/* Shared by the system readers (ts-linux-system.c, ts-linux-devices.c). */
bool     ts_linux_parse_error    (TsPlatformError *err, const char *path);
/* Reads <procfs>/<name> whole; a missing file is NOT_SUPPORTED. */
bool     ts_linux_read_proc_file (TsPlatform      *self,
                                  const char      *name,
                                  char            *path,
                                  size_t           path_len,
                                  char           **buf,
                                  size_t          *len,
                                  TsPlatformError *err);
uint64_t ts_linux_mul_sat        (uint64_t a, uint64_t b);
