/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ts-process-details.h"
#include "ts-process-list.h"

G_BEGIN_DECLS

#define TS_TYPE_PROCESS_WINDOW (ts_process_window_get_type ())

G_DECLARE_FINAL_TYPE (TsProcessWindow, ts_process_window, TS, PROCESS_WINDOW, AdwApplicationWindow)

/* The details of one process in a window of its own: Overview, Memory,
 * Environment, Open Files and Threads.  It reads on the process list's
 * clock ("refreshed") and finds the process's children in the list.  Links
 * to other processes activate "app.show-process" with the PID ("i"). */

TsProcessWindow  *ts_process_window_new         (GtkApplication *app,
                                                 TsProcessList  *list,
                                                 const char     *procfs_root,
                                                 TsPid           pid,
                                                 guint64         start_ticks);
TsProcessDetails *ts_process_window_get_details (TsProcessWindow *self);
/* Shows a page: "overview", "memory", "environment", "files", "threads". */
void              ts_process_window_set_page    (TsProcessWindow *self,
                                                 const char      *page);
/* The text of an overview field ("cmdline", "exe", "cwd", "user", "started",
 * "state", "parents", "children", ...), for tests. */
const char       *ts_process_window_get_text    (TsProcessWindow *self,
                                                 const char      *key);
GtkWidget        *ts_process_window_get_page    (TsProcessWindow *self,
                                                 const char      *page);

G_END_DECLS
