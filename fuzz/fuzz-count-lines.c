/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The line count that sizes the list parsers' arrays: ts_linux_count_lines */
#include "config.h"

#include "ts-fuzz.h"
#include "ts-linux-sysparse.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *buf = ts_fuzz_dup (data, size);
  size_t n = ts_linux_count_lines (buf, size);
  size_t nls = ts_fuzz_count_byte (buf, size, '\n');

  TS_FUZZ_CHECK (n <= size);
  TS_FUZZ_CHECK ((n == 0) == (size == 0));
  TS_FUZZ_CHECK (n == nls + (size > 0 && buf[size - 1] != '\n' ? 1 : 0));

  free (buf);
  return 0;
}
