/* SPDX-License-Identifier: GPL-3.0-or-later */
/* /proc/PID/cmdline and environ blobs: ts_linux_count_entries */
#include "config.h"

#include "ts-fuzz.h"
#include "ts-linux-parse.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *buf = ts_fuzz_dup (data, size);
  size_t n = ts_linux_count_entries (buf, size);
  size_t nuls = ts_fuzz_count_byte (buf, size, '\0');

  TS_FUZZ_CHECK (n <= size);
  TS_FUZZ_CHECK ((n == 0) == (size == 0));
  /* Every NUL ends an entry; a last one without NUL adds one. */
  TS_FUZZ_CHECK (n == nuls + (size > 0 && buf[size - 1] != '\0' ? 1 : 0));

  free (buf);
  return 0;
}
