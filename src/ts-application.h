/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ts-monitor.h"
#include "ts-process-window.h"
#include "ts-sensors-monitor.h"

G_BEGIN_DECLS

#define TS_TYPE_APPLICATION (ts_application_get_type ())

G_DECLARE_FINAL_TYPE (TsApplication, ts_application, TS, APPLICATION, AdwApplication)

TsApplication *ts_application_new (void);
void           ts_application_report_first_frame (TsApplication *self,
                                                  gint64         start_us);
/* The samplers of the Resources and Sensors pages, ticking with the list. */
TsMonitor        *ts_application_get_monitor (TsApplication *self);
TsSensorsMonitor *ts_application_get_sensors (TsApplication *self);
/* start_ticks 0: whichever process runs as pid. */
TsProcessWindow *ts_application_show_process (TsApplication *self,
                                              TsPid          pid,
                                              guint64        start_ticks);

G_END_DECLS
