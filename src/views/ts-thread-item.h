/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ts-platform.h"

G_BEGIN_DECLS

#define TS_TYPE_THREAD_ITEM (ts_thread_item_get_type ())

G_DECLARE_FINAL_TYPE (TsThreadItem, ts_thread_item, TS, THREAD_ITEM, GObject)

/* One row of the Threads page, keyed by TID and updated in place each
 * read; properties are notified only when they changed.  The item keeps
 * its previous CPU times to compute its CPU % over the wall time between
 * two reads: -1 (unknown) until the second. */

/* now: g_get_monotonic_time() of the read. */
TsThreadItem *ts_thread_item_new             (const TsThreadTimes *thread,
                                              gint64               now);
void          ts_thread_item_update          (TsThreadItem        *self,
                                              const TsThreadTimes *thread,
                                              gint64               now);

int           ts_thread_item_get_tid         (TsThreadItem *self);
/* The thread's name as valid UTF-8. */
const char   *ts_thread_item_get_name        (TsThreadItem *self);
/* The kernel's state letter ('R', 'S', 'D' ...), 0 when unknown. */
char          ts_thread_item_get_state_char  (TsThreadItem *self);
/* psutil's status name: "running", "sleeping", "disk-sleep" ... */
const char   *ts_thread_item_get_state       (TsThreadItem *self);
/* The CPU it last ran on, -1 when unknown. */
int           ts_thread_item_get_cpu         (TsThreadItem *self);
double        ts_thread_item_get_user_time   (TsThreadItem *self);
double        ts_thread_item_get_system_time (TsThreadItem *self);
/* Percent of one CPU since the previous read, -1 before there was one. */
double        ts_thread_item_get_cpu_percent (TsThreadItem *self);

/* "Running", "Sleeping", "Disk Sleep" ... (translated); the letter itself
 * when unknown. */
char         *ts_thread_state_dup_label      (char          state_char);
/* CPU time like top's TIME+: "0:12.34", "1:02.34", "1:02:03". */
char         *ts_format_cpu_time             (double        seconds);

G_END_DECLS
