/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "0-3,8,10-11" CPU lists (Cpus_allowed_list, /sys/.../cpu/online): ts_linux_parse_cpu_list */
#include "config.h"

#include "ts-fuzz.h"
#include "ts-linux-parse.h"

/* The smallest and largest decimal numbers in the input, saturating. */
static bool
number_bounds (const char *buf, size_t len, uint64_t *lo, uint64_t *hi)
{
  bool any = false;

  *lo = UINT64_MAX;
  *hi = 0;
  for (size_t i = 0; i < len;)
    {
      uint64_t v = 0;

      if (buf[i] < '0' || buf[i] > '9')
        {
          i++;
          continue;
        }
      for (; i < len && buf[i] >= '0' && buf[i] <= '9'; i++)
        {
          unsigned d = (unsigned) (buf[i] - '0');

          v = v > (UINT64_MAX - d) / 10 ? UINT64_MAX : v * 10 + d;
        }
      any = true;
      if (v < *lo)
        *lo = v;
      if (v > *hi)
        *hi = v;
    }
  return any;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *buf = ts_fuzz_dup (data, size);
  /* Exactly TS_CPU_SET_WORDS words: a bit set beyond the set is an ASan report. */
  uint64_t *set = ts_fuzz_alloc (TS_CPU_SET_WORDS * sizeof *set);
  bool ok = ts_linux_parse_cpu_list (buf, size, set);

  if (ok)
    {
      uint64_t lo, hi;

      TS_FUZZ_CHECK (number_bounds (buf, size, &lo, &hi));
      /* Every CPU in the set lies within the numbers the text names. */
      for (uint64_t cpu = 0; cpu < TS_CPU_SET_WORDS * 64; cpu++)
        if (set[cpu / 64] & (UINT64_C (1) << (cpu % 64)))
          TS_FUZZ_CHECK (cpu >= lo && cpu <= hi);
    }

  free (set);
  free (buf);
  return 0;
}
