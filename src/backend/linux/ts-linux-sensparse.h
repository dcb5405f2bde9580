/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Parsers for the sysfs attributes of hwmon, thermal and power_supply.  Pure
 * functions over a buffer, like ts-linux-sysparse.h: no I/O, no allocation,
 * no GLib; the buffer need not be NUL-terminated and nothing is read past
 * buf + len.
 */
#pragma once

#include "ts-platform.h"

/* One sysfs attribute holding a decimal integer: blanks and a newline may
 * surround it, a '-' or '+' may precede it (temperatures go below zero,
 * some batteries report a negative current while discharging).  Anything
 * else (an empty file, "N/A", "12abc", a second number, overflow) is false:
 * the sensor is skipped. */
bool ts_linux_parse_sysfs_int (const char *buf, size_t len, int64_t *out);

/* A directory entry "<prefix><N><suffix>" ("temp12_input", "hwmon3",
 * "trip_point_0_type") -> N.  N is plain decimal digits, at most 9 of them;
 * false for anything else ("temp_input", "temp1_input~", "temp+1_input"). */
bool ts_linux_parse_sysfs_index (const char *name,
                                 size_t      len,
                                 const char *prefix,
                                 const char *suffix,
                                 uint32_t   *index);

/* A power supply's "status": "Charging", "Discharging", "Full",
 * "Not charging", anything else unknown.  Case and surrounding blanks are
 * ignored. */
TsBatteryStatus ts_linux_parse_supply_status (const char *buf, size_t len);
