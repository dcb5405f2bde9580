/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ts-history.h"
#include "ts-platform.h"

G_BEGIN_DECLS

#define TS_TYPE_SENSORS_MONITOR (ts_sensors_monitor_get_type ())

G_DECLARE_FINAL_TYPE (TsSensorsMonitor, ts_sensors_monitor, TS, SENSORS_MONITOR, GObject)

/*
 * TsSensorsMonitor: temperatures, fans and the battery, sampled on demand,
 * each with a history for graphs.
 *
 * The owner calls ts_sensors_monitor_sample() on its own clock (a GLib
 * timeout, once a second or so); the monitor has no timer of its own.  A
 * sample reads a few dozen small sysfs files on the calling thread (well
 * under a millisecond on the machines measured; a driver that sleeps, such
 * as an NVMe drive waking up, can take a few ms).
 *
 * Sensors are indexed 0..n-1, chips sorted by name (byte order), sensors
 * of one chip in the kernel's order (hwmon device, then sensor number).  A
 * sensor is identified by chip, label and attribute ("temp3") plus how many
 * identical ones precede it, so two NVMe drives both named "nvme" with a
 * "Composite" sensor stay two sensors.  Its history follows it from sample
 * to sample; a sensor that disappears loses its history.
 *
 * Signals, both emitted at the end of ts_sensors_monitor_sample():
 *   "sensors-changed"  the set or order of sensors changed (one appeared or
 *                      went away, the battery came or went): indices from
 *                      before are invalid, rebuild the rows.  Emitted
 *                      before "changed".  Also after the first sample that
 *                      finds anything.
 *   "changed"          after every sample: values and histories moved on.
 *
 * Labels: an empty label means the driver gave none (psutil's convention);
 * ts_sensors_monitor_get_temperature_display_label() gives something to
 * show in that case ("temp1", "thermal_zone0").  Strings are bytes from
 * the kernel: the display labels are made valid UTF-8, the raw ones are not.
 *
 * Histories: one series for a temperature (°C) or a fan (RPM); the battery
 * history has two, TS_SENSORS_BATTERY_PERCENT and TS_SENSORS_BATTERY_POWER
 * (watts, NAN when unknown).  All of them share the span set with
 * ts_sensors_monitor_set_span() (default 60 s).
 */

enum
{
  TS_SENSORS_BATTERY_PERCENT = 0,
  TS_SENSORS_BATTERY_POWER   = 1,
};

/* Reads below sysfs_root (NULL: "/sys").  NULL with error if the platform
 * context cannot be made. */
TsSensorsMonitor *ts_sensors_monitor_new          (const char        *sysfs_root,
                                                   GError           **error);

gint64            ts_sensors_monitor_get_span     (TsSensorsMonitor  *self);
void              ts_sensors_monitor_set_span     (TsSensorsMonitor  *self,
                                                   gint64             span_us);

/* One read of everything; now_us is the time for the histories (a
 * monotonic clock, or a fake one in tests).  A reader that fails (say
 * class/hwmon cannot be listed) keeps what it had; the error is kept for
 * ts_sensors_monitor_get_last_error() and the other readers go on. */
void              ts_sensors_monitor_sample       (TsSensorsMonitor  *self,
                                                   gint64             now_us);
/* The last reader error of the last sample, or NULL: owned by self. */
const GError     *ts_sensors_monitor_get_last_error (TsSensorsMonitor *self);

/* Temperatures: °C; high and critical are NAN when the driver gives none. */
guint             ts_sensors_monitor_get_n_temperatures (TsSensorsMonitor *self);
const char       *ts_sensors_monitor_get_temperature_chip  (TsSensorsMonitor *self, guint i);
const char       *ts_sensors_monitor_get_temperature_label (TsSensorsMonitor *self, guint i);
/* The label, or the attribute name when there is none; valid UTF-8. */
const char       *ts_sensors_monitor_get_temperature_display_label (TsSensorsMonitor *self, guint i);
double            ts_sensors_monitor_get_temperature_current  (TsSensorsMonitor *self, guint i);
double            ts_sensors_monitor_get_temperature_high     (TsSensorsMonitor *self, guint i);
double            ts_sensors_monitor_get_temperature_critical (TsSensorsMonitor *self, guint i);
TsHistory        *ts_sensors_monitor_get_temperature_history  (TsSensorsMonitor *self, guint i);

/* Fans: RPM. */
guint             ts_sensors_monitor_get_n_fans           (TsSensorsMonitor *self);
const char       *ts_sensors_monitor_get_fan_chip         (TsSensorsMonitor *self, guint i);
const char       *ts_sensors_monitor_get_fan_label        (TsSensorsMonitor *self, guint i);
const char       *ts_sensors_monitor_get_fan_display_label (TsSensorsMonitor *self, guint i);
double            ts_sensors_monitor_get_fan_current      (TsSensorsMonitor *self, guint i);
TsHistory        *ts_sensors_monitor_get_fan_history      (TsSensorsMonitor *self, guint i);

/* Battery: FALSE when there is none (then *out is zeroed). */
gboolean          ts_sensors_monitor_get_battery          (TsSensorsMonitor *self,
                                                           TsBattery        *out);
/* Two series (see above); empty while there is no battery. */
TsHistory        *ts_sensors_monitor_get_battery_history  (TsSensorsMonitor *self);

G_END_DECLS
