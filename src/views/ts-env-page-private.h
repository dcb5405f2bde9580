/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* TsEnvPage's insides, shared by ts-env-page.c (the list, its filter and
 * its states) and ts-env-page-actions.c (copy, save, refresh, the menu). */

#include "ts-env-cells.h"
#include "ts-env-page.h"
#include "ts-environment.h"

G_BEGIN_DECLS

struct _TsEnvPage
{
  AdwBin                parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkSearchEntry       *search_entry;
  GtkLabel             *note_label;
  GtkLabel             *count_label;
  GtkLabel             *diff_label;
  GtkStack             *stack;
  GtkScrolledWindow    *scrolled;
  GtkColumnView        *column_view;
  AdwStatusPage        *status_page;
  GMenuModel           *row_menu;
  GtkWidget            *context_menu;

  TsProcessDetails     *details;
  GtkCustomFilter      *filter;
  GtkFilterListModel   *filter_model;
  GtkSingleSelection   *selection;
  TsEnvCells           *cells;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;

  char                 *search;    /* casefolded; NULL when empty */
  gboolean              compare;
  gboolean              reloading;
  guint                 n_vars;    /* the process's own (REMOVED left out) */
  guint                 n_added, n_changed, n_removed;
};

static inline GListModel *
ts_env_page_env_model (TsEnvPage *self)
{
  return self->details != NULL ? ts_process_details_get_environment (self->details, NULL) : NULL;
}

static inline TsEnvVar *
ts_env_page_selected_var (TsEnvPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

/* Enables the actions that can act on what the page shows now. */
void ts_env_page_update_actions    (TsEnvPage      *self);
/* Installs the "env" actions and their keys. */
void ts_env_page_class_add_actions (GtkWidgetClass *widget_class);

G_END_DECLS
