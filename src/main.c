/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "taskscope"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ts-application.h"

int
main (int argc, char **argv)
{
  gint64 start_us = g_get_monotonic_time ();
  g_autoptr(TsApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ts_application_new ();
  if (g_strcmp0 (g_getenv ("TS_BENCH_FIRST_FRAME"), "1") == 0)
    ts_application_report_first_frame (app, start_us);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
