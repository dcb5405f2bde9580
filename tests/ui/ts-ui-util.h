/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A GSourceFunc and a plain callback that set the gboolean data points to. */
gboolean set_flag_source    (gpointer data);
void     set_flag           (gpointer data);
/* Runs what is pending on the main context, at most 100 iterations. */
void drain_main_context (void);
/* Iterates until the widget's frame clock ran n frames; fails after 5 s. */
void wait_frames        (GtkWidget *widget,
                         guint      n);
/* Renders the widget to <TS_ARTEFACTS_DIR>/<test path>[-suffix].png. */
void save_screenshot    (GtkWidget  *widget,
                         const char *suffix);
/* Light, then dark, then back to the system's scheme: suffixes
 * [what-]light and [what-]dark. */
void save_screenshots   (GtkWidget  *widget,
                         const char *what);


/* Opens the display and (app_id not NULL) registers an AdwApplication with
 * the app's resource base path into *app.  NULL when the test can run, else
 * why not (the suite never skips into green: it fails, saying why). */
char *ts_ui_init         (const char      *app_id,
                          AdwApplication **app);
/* Adds the one test path, failing with why (taken), and runs it. */
int   ts_ui_fail_setup   (const char      *path,
                          char            *why);

G_END_DECLS
