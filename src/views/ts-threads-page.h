/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ts-process-details.h"

G_BEGIN_DECLS

#define TS_TYPE_THREADS_PAGE (ts_threads_page_get_type ())

G_DECLARE_FINAL_TYPE (TsThreadsPage, ts_threads_page, TS, THREADS_PAGE, AdwBin)

/* The Threads page of the process details window: a filter entry, a count
 * ("3 threads", "1 of 3") and a table of the process's threads (TID, Name,
 * State, CPU, User and System time, CPU %), sortable by any column.
 *
 * It follows the TsProcessDetails it is given: on each "updated" the rows
 * are updated in place, keyed by TID, so selection and scroll position
 * stay.  CPU % is the share of one CPU a thread used between two updates
 * ("—" until the second).  The owner drives the details; the page never
 * does.  Once the process has exited the last list stays.
 *
 * Ctrl+C and the context menu ("threads.copy") copy "TID name" of the
 * selected row.  The page has no header bar of its own: put it straight
 * into a view stack. */

TsThreadsPage     *ts_threads_page_new             (void);
/* NULL clears the page. */
void               ts_threads_page_set_details     (TsThreadsPage    *self,
                                                    TsProcessDetails *details);
TsProcessDetails  *ts_threads_page_get_details     (TsThreadsPage    *self);

/* The filter, as if typed into the entry (applied at once). */
void               ts_threads_page_set_filter      (TsThreadsPage    *self,
                                                    const char       *text);
/* The rows shown, filtered and sorted: TsThreadItem. */
GListModel        *ts_threads_page_get_model       (TsThreadsPage    *self);
GtkSelectionModel *ts_threads_page_get_selection   (TsThreadsPage    *self);
/* Every thread, before the filter. */
guint              ts_threads_page_get_n_threads   (TsThreadsPage    *self);
/* What the page shows: "loading", "list", "error", "empty" or "no-matches". */
const char        *ts_threads_page_get_state       (TsThreadsPage    *self);
AdwStatusPage     *ts_threads_page_get_status_page (TsThreadsPage    *self);
const char        *ts_threads_page_get_count_text  (TsThreadsPage    *self);
GtkColumnView     *ts_threads_page_get_column_view (TsThreadsPage    *self);

G_END_DECLS
