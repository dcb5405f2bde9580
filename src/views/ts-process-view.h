/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ts-process-list.h"

G_BEGIN_DECLS

#define TS_TYPE_PROCESS_VIEW (ts_process_view_get_type ())

G_DECLARE_FINAL_TYPE (TsProcessView, ts_process_view, TS, PROCESS_VIEW, AdwBin)

TsProcessView *ts_process_view_new             (TsProcessList *list);
TsProcessList *ts_process_view_get_list        (TsProcessView *self);
GtkSearchBar  *ts_process_view_get_search_bar  (TsProcessView *self);
GtkColumnView *ts_process_view_get_column_view (TsProcessView *self);
/* The model shown: GtkTreeListRow items over TsProcess. */
GListModel    *ts_process_view_get_model       (TsProcessView *self);
/* Actions of the "columns" group (one boolean per column), for menus. */
GActionGroup  *ts_process_view_get_column_actions (TsProcessView *self);
/* The selected processes, in view order; free with g_ptr_array_unref. */
GPtrArray     *ts_process_view_get_selected    (TsProcessView *self);
/* Selects the process with this PID (and scrolls to it); FALSE if not shown. */
gboolean       ts_process_view_select_pid      (TsProcessView *self,
                                                TsPid          pid);
void           ts_process_view_set_search      (TsProcessView *self,
                                                const char    *text);
/* Opens the process menu (the keyboard's Menu key). */
void           ts_process_view_popup_menu      (TsProcessView *self);
/* Installed by ts-process-actions.c. */
void           ts_process_view_update_actions  (TsProcessView *self);

G_END_DECLS
