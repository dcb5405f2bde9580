/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Per-process descriptors kept open between reads.  A descriptor on
 * /proc/PID/stat belongs to the process that was PID when it was opened:
 * once that process is gone, reads fail with ESRCH even if the PID was
 * reused, so a kept descriptor can never show another process's data.
 */
#pragma once

#include "ts-platform.h"

typedef enum
{
  TS_KEPT_STAT,
  TS_KEPT_STATUS,
  TS_KEPT_STATM,
  TS_KEPT_CMDLINE,
  TS_KEPT_IO,
  TS_KEPT_SMAPS_ROLLUP,
  TS_KEPT_N
} TsKept;

typedef struct
{
  TsPid pid;               /* 0: empty slot */
  int   fds[TS_KEPT_N];    /* descriptor + 1; 0: none */
} TsFdEntry;

typedef struct TsFdCache TsFdCache;

TsFdCache *ts_fd_cache_new        (void);
void       ts_fd_cache_free       (TsFdCache *cache);
void       ts_fd_cache_close_all  (TsFdCache *cache);
size_t     ts_fd_cache_n_fds      (const TsFdCache *cache);
TsFdEntry *ts_fd_cache_lookup     (TsFdCache *cache, TsPid pid, bool create);
/* Closes an entry's descriptors (its process is gone); the slot stays. */
void       ts_fd_cache_forget     (TsFdCache *cache, TsFdEntry *entry);
void       ts_fd_cache_note_open  (TsFdCache *cache);
/* Closes entries whose PID is not in the sorted list. */
void       ts_fd_cache_sweep      (TsFdCache *cache, const TsPid *sorted_pids, size_t n);
