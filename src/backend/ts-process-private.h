/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Between TsProcessList's worker thread and TsProcess: a tick's reading of
 * one process, already turned into what the views show. */
#pragma once

#include "ts-process.h"

G_BEGIN_DECLS

typedef struct
{
  guint32      valid;          /* TsProcField bits read this tick */
  guint32      wanted;         /* what was asked: wanted but not valid is refused */
  TsPid        pid;
  TsPid        ppid;
  guint64      start_ticks;
  gboolean     kernel_thread;
  char        *name;           /* UTF-8 */
  char        *user;           /* UTF-8 */
  guint        uid;
  TsProcStatus state;
  double       cpu_seconds;    /* user + system */
  guint64      rss, vms, shared;
  guint64      uss, pss, swap;
  guint64      rss_anon;
  int          threads;
  guint64      read_bytes, write_bytes;
  double       start_time;
  char        *command_line;   /* UTF-8, arguments joined by spaces */
  int          nice;
  int          ionice_class, ionice_value;
  int          cpu_num;
  char        *terminal;       /* UTF-8, NULL when none */
} TsProcessData;

void       ts_process_data_clear (TsProcessData *data);

TsProcess *ts_process_new        (const TsProcessData *data);
/* elapsed: seconds since the previous update, for rates. */
void       ts_process_update     (TsProcess           *self,
                                  const TsProcessData *data,
                                  double               elapsed);
void       ts_process_mark_dead  (TsProcess           *self);
/* The list's bookkeeping: the tick that last saw this process. */
guint64    ts_process_get_seen_tick (TsProcess *self);
void       ts_process_set_seen_tick (TsProcess *self,
                                     guint64    tick);

G_END_DECLS
