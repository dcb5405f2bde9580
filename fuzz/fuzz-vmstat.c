/* SPDX-License-Identifier: GPL-3.0-or-later */
/* /proc/vmstat: ts_linux_parse_vmstat_swap */
#include "config.h"

#include "ts-fuzz.h"
#include "ts-linux-sysparse.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *buf = ts_fuzz_dup (data, size);
  uint64_t in = 1, out = 1;
  bool ok = ts_linux_parse_vmstat_swap (buf, size, &in, &out);

  if (ok)
    TS_FUZZ_CHECK (ts_fuzz_contains (buf, size, "pswpin")
                   && ts_fuzz_contains (buf, size, "pswpout"));
  else
    TS_FUZZ_CHECK (in == 0 && out == 0);

  free (buf);
  return 0;
}
