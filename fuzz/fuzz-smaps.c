/* SPDX-License-Identifier: GPL-3.0-or-later */
/* /proc/PID/smaps and smaps_rollup: ts_linux_parse_smaps */
#include "config.h"

#include "ts-fuzz.h"
#include "ts-linux-parse.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *buf = ts_fuzz_dup (data, size);
  uint64_t uss = 1, pss = 1, swap = 1;
  bool ok = ts_linux_parse_smaps (buf, size, &uss, &pss, &swap);

  if (ok)
    TS_FUZZ_CHECK (ts_fuzz_contains (buf, size, "Pss:"));
  else
    TS_FUZZ_CHECK (pss == 0);   /* false means no Pss line was read */
  if (uss != 0)
    TS_FUZZ_CHECK (ts_fuzz_contains (buf, size, "Private_"));
  if (swap != 0)
    TS_FUZZ_CHECK (ts_fuzz_contains (buf, size, "Swap:"));

  free (buf);
  return 0;
}
