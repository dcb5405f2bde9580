/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A power supply's status: ts_linux_parse_supply_status */
#include "config.h"

#include "ts-fuzz.h"
#include "ts-linux-sensparse.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *buf = ts_fuzz_dup (data, size);
  TsBatteryStatus s = ts_linux_parse_supply_status (buf, size);

  TS_FUZZ_CHECK (s >= TS_BATTERY_STATUS_UNKNOWN && s <= TS_BATTERY_STATUS_NOT_CHARGING);
  /* Every known word is at least 4 letters ("full"). */
  if (s != TS_BATTERY_STATUS_UNKNOWN)
    TS_FUZZ_CHECK (size >= 4);

  free (buf);
  return 0;
}
