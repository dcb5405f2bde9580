/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ts-process.h"

G_BEGIN_DECLS

#define TS_TYPE_PROCESS_LIST (ts_process_list_get_type ())

G_DECLARE_FINAL_TYPE (TsProcessList, ts_process_list, TS, PROCESS_LIST, GObject)

/* Microseconds from a monotonic clock; called from the worker thread. */
typedef gint64 (*TsClockFunc) (gpointer user_data);

/* The fields the Processes view shows by default. */
#define TS_PROCESS_LIST_DEFAULT_WANTED                                        \
  (TS_PF_PPID | TS_PF_NAME | TS_PF_UIDS | TS_PF_STATUS | TS_PF_CPU_TIMES       \
   | TS_PF_MEMORY_INFO | TS_PF_MEMORY_FULL | TS_PF_RSS_ANON | TS_PF_NUM_THREADS \
   | TS_PF_IO_COUNTERS | TS_PF_CREATE_TIME | TS_PF_CMDLINE)

/* The fields read for each process only every few ticks (and when it is new,
 * or watched): the costly sources and the ones that rarely change. */
#define TS_PROCESS_LIST_SLOW_FIELDS                                           \
  (TS_PF_NAME | TS_PF_CMDLINE | TS_PF_UIDS | TS_PF_GIDS | TS_PF_MEMORY_FULL     \
   | TS_PF_RSS_ANON | TS_PF_EXE | TS_PF_CWD | TS_PF_ENVIRON | TS_PF_THREADS      \
   | TS_PF_IONICE | TS_PF_CPU_AFFINITY | TS_PF_NUM_CTX_SWITCHES)

#define TS_PROCESS_LIST_SLOW_EVERY 5

/* procfs_root/sysfs_root: NULL for the live system. */
TsProcessList *ts_process_list_new           (const char    *procfs_root,
                                              const char    *sysfs_root);
/* Starts the timer (the first tick runs at once). */
void           ts_process_list_start         (TsProcessList *self);
/* Reads and applies one tick now, in this thread; for tests and callers
 * that need the list filled before they go on. */
void           ts_process_list_refresh_sync  (TsProcessList *self);
/* Asks for a tick as soon as the current one (if any) is done. */
void           ts_process_list_refresh       (TsProcessList *self);

guint          ts_process_list_get_interval  (TsProcessList *self);
void           ts_process_list_set_interval  (TsProcessList *self,
                                              guint          interval_ms);
gboolean       ts_process_list_get_paused    (TsProcessList *self);
void           ts_process_list_set_paused    (TsProcessList *self,
                                              gboolean       paused);
guint32        ts_process_list_get_wanted    (TsProcessList *self);
void           ts_process_list_set_wanted    (TsProcessList *self,
                                              guint32        wanted);
/* PIDs whose slow fields are read every tick (rows on screen, open details). */
void           ts_process_list_set_watched   (TsProcessList *self,
                                              const TsPid   *pids,
                                              gsize          n_pids);
void           ts_process_list_set_clock     (TsProcessList *self,
                                              TsClockFunc    clock,
                                              gpointer       user_data);

TsProcess     *ts_process_list_lookup        (TsProcessList *self,
                                              TsPid          pid);
int            ts_process_list_get_n_cpus    (TsProcessList *self);
guint64        ts_process_list_get_ticks     (TsProcessList *self);
/* Whole-machine figures read with each tick, for the status line. */
double         ts_process_list_get_cpu_usage (TsProcessList *self);
guint64        ts_process_list_get_memory_used  (TsProcessList *self);
guint64        ts_process_list_get_memory_total (TsProcessList *self);
/* The platform context, for actions (signals) on the main thread.  It is
 * shared with the worker, so only thread-safe calls (send_signal) may be
 * made on it. */
TsPlatform    *ts_process_list_get_platform  (TsProcessList *self);

G_END_DECLS
