/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ts-platform.h"

G_BEGIN_DECLS

#define TS_TYPE_PROCESS (ts_process_get_type ())

G_DECLARE_FINAL_TYPE (TsProcess, ts_process, TS, PROCESS, GObject)

/* One live process, identified by (pid, start ticks).  TsProcessList updates
 * it in place each tick and notifies only the properties that changed. */

TsPid        ts_process_get_pid              (TsProcess *self);
TsPid        ts_process_get_ppid             (TsProcess *self);
guint64      ts_process_get_start_ticks      (TsProcess *self);
const char  *ts_process_get_name             (TsProcess *self);
const char  *ts_process_get_user             (TsProcess *self);
guint        ts_process_get_uid              (TsProcess *self);
TsProcStatus ts_process_get_state            (TsProcess *self);
const char  *ts_process_get_state_name       (TsProcess *self);
/* Per core, like top: 100 is one core fully busy. */
double       ts_process_get_cpu_percent      (TsProcess *self);
guint64      ts_process_get_rss              (TsProcess *self);
guint64      ts_process_get_vms              (TsProcess *self);
guint64      ts_process_get_shared           (TsProcess *self);
guint64      ts_process_get_uss              (TsProcess *self);
guint64      ts_process_get_pss              (TsProcess *self);
guint64      ts_process_get_swap             (TsProcess *self);
guint64      ts_process_get_rss_anon         (TsProcess *self);
/* FALSE when smaps_rollup is denied: uss/pss/swap are unknown. */
gboolean     ts_process_get_memory_full_valid (TsProcess *self);
/* USS, or RssAnon from status as an estimate when USS is denied. */
guint64      ts_process_get_memory           (TsProcess *self,
                                              gboolean  *estimated);
int          ts_process_get_threads          (TsProcess *self);
double       ts_process_get_disk_read_rate   (TsProcess *self);
double       ts_process_get_disk_write_rate  (TsProcess *self);
gboolean     ts_process_get_io_valid         (TsProcess *self);
double       ts_process_get_start_time       (TsProcess *self);
const char  *ts_process_get_command_line     (TsProcess *self);
int          ts_process_get_nice             (TsProcess *self);
int          ts_process_get_ionice_class     (TsProcess *self);
int          ts_process_get_ionice_value     (TsProcess *self);
int          ts_process_get_cpu_num          (TsProcess *self);
const char  *ts_process_get_terminal         (TsProcess *self);
gboolean     ts_process_get_kernel_thread    (TsProcess *self);
/* FALSE once the process has exited; the object keeps its last values. */
gboolean     ts_process_get_alive            (TsProcess *self);

G_END_DECLS
