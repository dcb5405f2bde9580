/* SPDX-License-Identifier: GPL-3.0-or-later */
/* /proc/loadavg: ts_linux_parse_loadavg */
#include "config.h"

#include <math.h>

#include "ts-fuzz.h"
#include "ts-linux-sysparse.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *buf = ts_fuzz_dup (data, size);
  double *avg = ts_fuzz_alloc (3 * sizeof *avg);
  bool ok = ts_linux_parse_loadavg (buf, size, avg);

  for (int i = 0; i < 3; i++)
    {
      /* No sign is accepted, and nothing makes a NaN. */
      TS_FUZZ_CHECK (!isnan (avg[i]));
      TS_FUZZ_CHECK (avg[i] >= 0.0);
      if (!ok)
        TS_FUZZ_CHECK (avg[i] == 0.0);
    }

  free (avg);
  free (buf);
  return 0;
}
