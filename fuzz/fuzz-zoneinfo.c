/* SPDX-License-Identifier: GPL-3.0-or-later */
/* /proc/zoneinfo: ts_linux_parse_zoneinfo_low */
#include "config.h"

#include "ts-fuzz.h"
#include "ts-linux-sysparse.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *buf = ts_fuzz_dup (data, size);
  uint64_t low = 1;
  bool ok = ts_linux_parse_zoneinfo_low (buf, size, &low);

  if (ok)
    TS_FUZZ_CHECK (ts_fuzz_contains (buf, size, "low"));
  else
    TS_FUZZ_CHECK (low == 0);

  free (buf);
  return 0;
}
