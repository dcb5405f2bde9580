/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ts-sensors-monitor.h"

G_BEGIN_DECLS

#define TS_TYPE_SENSORS_PAGE (ts_sensors_page_get_type ())

G_DECLARE_FINAL_TYPE (TsSensorsPage, ts_sensors_page, TS, SENSORS_PAGE, AdwBin)

/* The Sensors page of the main window: a scrolling, clamped column with
 * the battery card first (charge, state, time left, power draw, energy,
 * graphs of charge and draw), then one group per temperature chip (a row
 * per sensor: value, a meter against its high and critical marks, a
 * sparkline) and the fans (RPM and sparkline).
 *
 * It follows the monitor it is given: rows are rebuilt on
 * "sensors-changed" and their values updated on "changed" (a label's text
 * is set only when it changes).  The owner samples the monitor; the page
 * never does.  Temperatures follow the GSettings key `temperature-unit`
 * live; the monitor's histories stay in °C (see TS_GRAPH_UNIT_FAHRENHEIT).
 *
 * With no monitor, or a monitor that finds neither a temperature, a fan
 * nor a battery, the page is an AdwStatusPage "No Sensors" saying why.  A
 * reader error (ts_sensors_monitor_get_last_error) is a dim warning line
 * above the rest.  No header bar of its own: put it into a view stack. */

/* sensors may be NULL (the empty state). */
GtkWidget        *ts_sensors_page_new         (TsSensorsMonitor *sensors);
TsSensorsMonitor *ts_sensors_page_get_sensors (TsSensorsPage    *self);

/* For tests.  What the page shows: "sensors" or "empty". */
const char       *ts_sensors_page_get_state   (TsSensorsPage    *self);
/* The text shown for key, or NULL when nothing is shown for it:
 *   "battery-percent", "battery-state", "battery-time", "battery-power",
 *   "battery-energy", "battery-count"    the battery card (NULL without one)
 *   "temp:CHIP/LABEL"                    a temperature's value ("52 °C")
 *   "temp-limits:CHIP/LABEL"             its row's subtitle ("High 100 °C …")
 *   "fan:CHIP/LABEL"                     a fan's value ("2890 RPM")
 *   "error"                              the warning line
 *   "empty"                              the status page's description
 * LABEL is the display label (the attribute name when the driver gives
 * none); a second sensor with the same chip and label gets "#2". */
const char       *ts_sensors_page_get_text    (TsSensorsPage    *self,
                                               const char       *key);
/* The titles of the temperature groups, top to bottom (chip names). */
GStrv             ts_sensors_page_get_chips   (TsSensorsPage    *self);
guint             ts_sensors_page_get_n_fans  (TsSensorsPage    *self);

G_END_DECLS
