/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ts-process-list.h"

G_BEGIN_DECLS

#define TS_TYPE_PROCESS_TREE (ts_process_tree_get_type ())

G_DECLARE_FINAL_TYPE (TsProcessTree, ts_process_tree, TS, PROCESS_TREE, GObject)

/* Processes by parent, as one GListStore of children per process.  The
 * stores live as long as their process, so a GtkTreeListModel over them
 * keeps its expanded rows across refreshes. */
TsProcessTree *ts_process_tree_new          (TsProcessList *list);
/* Processes whose parent is not in the list (PID 1, kthreadd, orphans). */
GListModel    *ts_process_tree_get_roots    (TsProcessTree *self);
/* The children of process, or NULL when it has none. */
GListModel    *ts_process_tree_get_children (TsProcessTree *self,
                                             TsProcess     *process);
/* The parent in the tree, or NULL for a root. */
TsProcess     *ts_process_tree_get_parent   (TsProcessTree *self,
                                             TsProcess     *process);
/* Brings the tree up to date with the list (after each refresh). */
void           ts_process_tree_sync         (TsProcessTree *self);

G_END_DECLS
