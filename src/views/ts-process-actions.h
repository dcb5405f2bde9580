/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ts-process-view.h"

G_BEGIN_DECLS

/* The proc.* actions (stop, continue, end, kill, signal, nice, ionice,
 * affinity, copy-command) and their shortcuts, on the view's class. */
void ts_process_actions_install (GtkWidgetClass *widget_class);
/* Enables them according to the selection. */
void ts_process_actions_update  (TsProcessView  *view,
                                 guint           n_selected);
/* Whether a refused action can be retried through pkexec and the installed
 * taskscope-helper (or the TS_PKEXEC stand-in the tests set). */
gboolean ts_process_actions_can_escalate (void);

G_END_DECLS
