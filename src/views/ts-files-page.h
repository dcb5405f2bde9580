/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ts-process-details.h"

G_BEGIN_DECLS

#define TS_TYPE_FILES_PAGE (ts_files_page_get_type ())

G_DECLARE_FINAL_TYPE (TsFilesPage, ts_files_page, TS, FILES_PAGE, AdwBin)

/* The Open Files page of the process details window: a filter entry, a
 * count ("12 open files", "3 of 12") and a table of the process's
 * descriptors (FD, Type, Mode, Position, Path), sortable by any column.
 *
 * It follows the TsProcessDetails it is given: on each "updated" the rows
 * are updated in place, keyed by descriptor, so selection and scroll
 * position stay.  The owner drives the details (ts_process_details_update);
 * the page never does.  Once the process has exited the last list stays.
 * Errors (another user's process: EACCES) and empty lists show a status
 * page instead of the table.
 *
 * Ctrl+C and the context menu ("files.copy") copy the selected row's path.
 * The page has no header bar of its own: put it straight into a view
 * stack. */

TsFilesPage      *ts_files_page_new            (void);
/* NULL clears the page. */
void              ts_files_page_set_details    (TsFilesPage      *self,
                                                TsProcessDetails *details);
TsProcessDetails *ts_files_page_get_details    (TsFilesPage      *self);

/* The filter, as if typed into the entry (applied at once). */
void              ts_files_page_set_filter     (TsFilesPage      *self,
                                                const char       *text);
/* The rows shown, filtered and sorted: TsOpenFileItem. */
GListModel       *ts_files_page_get_model      (TsFilesPage      *self);
/* The selection over get_model(). */
GtkSelectionModel *ts_files_page_get_selection (TsFilesPage      *self);
/* Every open file, before the filter. */
guint             ts_files_page_get_n_files    (TsFilesPage      *self);
/* What the page shows: "loading", "list", "error", "empty" or "no-matches". */
const char       *ts_files_page_get_state      (TsFilesPage      *self);
/* The status page shown in the states but "list" and "loading". */
AdwStatusPage    *ts_files_page_get_status_page (TsFilesPage     *self);
const char       *ts_files_page_get_count_text (TsFilesPage      *self);
GtkColumnView    *ts_files_page_get_column_view (TsFilesPage     *self);

G_END_DECLS
