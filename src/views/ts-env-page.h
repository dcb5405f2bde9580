/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ts-process-details.h"

G_BEGIN_DECLS

/* The Environment page of the process details window: the variables the
 * process started with, filtered, copied, exported, compared with the
 * parent's.  Actions (group "env"): copy-value (Ctrl+C), copy-line
 * (Ctrl+Shift+C), copy-all, save, refresh, compare (boolean state);
 * Ctrl+F focuses the filter. */

#define TS_TYPE_ENV_PAGE (ts_env_page_get_type ())

G_DECLARE_FINAL_TYPE (TsEnvPage, ts_env_page, TS, ENV_PAGE, AdwBin)

GtkWidget        *ts_env_page_new          (void);
/* details: NULL allowed.  Asks for a reload when the environment was never
 * read, and follows "environment-changed" from then on. */
void              ts_env_page_set_details  (TsEnvPage        *self,
                                            TsProcessDetails *details);
TsProcessDetails *ts_env_page_get_details  (TsEnvPage        *self);

/* Writes all variables as shell export lines, in the bytes the process
 * had, to file (replacing it). */
void              ts_env_page_save_async   (TsEnvPage           *self,
                                            GFile               *file,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean          ts_env_page_save_finish  (TsEnvPage           *self,
                                            GAsyncResult        *result,
                                            GError             **error);

gboolean          ts_env_page_get_compare  (TsEnvPage        *self);
void              ts_env_page_set_compare  (TsEnvPage        *self,
                                            gboolean          compare);

/* For tests and the window: the rows shown (TsEnvVar, after the filter),
 * its selection, the filter entry, the stack child shown ("list" or
 * "status") and the status page. */
GListModel       *ts_env_page_get_model         (TsEnvPage *self);
GtkSingleSelection *ts_env_page_get_selection   (TsEnvPage *self);
GtkEditable      *ts_env_page_get_search_entry  (TsEnvPage *self);
const char       *ts_env_page_get_visible_state (TsEnvPage *self);
AdwStatusPage    *ts_env_page_get_status_page   (TsEnvPage *self);
const char       *ts_env_page_get_count_text    (TsEnvPage *self);
const char       *ts_env_page_get_diff_text     (TsEnvPage *self);
GtkColumnView    *ts_env_page_get_column_view   (TsEnvPage *self);

G_END_DECLS
