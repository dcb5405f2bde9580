/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Runs what is pending on the main context, at most 100 iterations. */
void drain_main_context (void);
/* Iterates until the widget's frame clock ran n frames; fails after 5 s. */
void wait_frames        (GtkWidget *widget,
                         guint      n);
/* Renders the widget to <TS_ARTEFACTS_DIR>/<test path>[-suffix].png. */
void save_screenshot    (GtkWidget  *widget,
                         const char *suffix);

G_END_DECLS
