/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ts-process-list.h"

G_BEGIN_DECLS

#define TS_TYPE_WINDOW (ts_window_get_type ())

G_DECLARE_FINAL_TYPE (TsWindow, ts_window, TS, WINDOW, AdwApplicationWindow)

TsWindow      *ts_window_new          (GtkApplication *application,
                                       TsProcessList  *list);
/* "processes"; FALSE for a page that does not exist. */
/* Adds a page after Processes (Resources, Sensors); the last page the
 * user had open is shown again once its page exists. */
void           ts_window_add_page     (TsWindow       *self,
                                       GtkWidget      *page,
                                       const char     *name,
                                       const char     *title,
                                       const char     *icon_name);
gboolean       ts_window_set_page     (TsWindow       *self,
                                       const char     *name);
const char    *ts_window_get_page     (TsWindow       *self);
GtkWidget     *ts_window_get_process_view (TsWindow   *self);

G_END_DECLS
