/* SPDX-License-Identifier: GPL-3.0-or-later */
/* /proc/meminfo: ts_linux_parse_meminfo */
#include "config.h"

#include "ts-fuzz.h"
#include "ts-linux-sysparse.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *buf = ts_fuzz_dup (data, size);
  TsLinuxMeminfo *m = ts_fuzz_alloc (sizeof *m);
  bool ok = ts_linux_parse_meminfo (buf, size, m);

  TS_FUZZ_CHECK (ok == (m->have != 0));
  TS_FUZZ_CHECK ((m->have >> TS_LINUX_MEM_N_KEYS) == 0);
  for (int k = 0; k < TS_LINUX_MEM_N_KEYS; k++)
    {
      if (!TS_LINUX_MEMINFO_HAS (m, k))
        TS_FUZZ_CHECK (m->bytes[k] == 0);
      else  /* kB * 1024, saturated */
        TS_FUZZ_CHECK (m->bytes[k] % 1024 == 0 || m->bytes[k] == UINT64_MAX);
    }
  if (ok)
    TS_FUZZ_CHECK (ts_fuzz_contains (buf, size, ":"));

  free (m);
  free (buf);
  return 0;
}
