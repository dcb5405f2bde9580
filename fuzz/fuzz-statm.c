/* SPDX-License-Identifier: GPL-3.0-or-later */
/* /proc/PID/statm: ts_linux_parse_statm */
#include "config.h"

#include "ts-fuzz.h"
#include "ts-linux-parse.h"

/* Runs of decimal digits in the input: the parser needs seven. */
static size_t
count_numbers (const char *buf, size_t len)
{
  size_t n = 0;
  bool in = false;

  for (size_t i = 0; i < len; i++)
    {
      bool digit = buf[i] >= '0' && buf[i] <= '9';

      if (digit && !in)
        n++;
      in = digit;
    }
  return n;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *buf = ts_fuzz_dup (data, size);
  uint64_t *pages = ts_fuzz_alloc (7 * sizeof *pages); /* exactly the 7 the API promises */
  bool ok = ts_linux_parse_statm (buf, size, pages);

  if (ok)
    TS_FUZZ_CHECK (count_numbers (buf, size) >= 7);

  free (pages);
  free (buf);
  return 0;
}
