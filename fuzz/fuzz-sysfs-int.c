/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A sysfs attribute holding one integer: ts_linux_parse_sysfs_int */
#include "config.h"

#include "ts-fuzz.h"
#include "ts-linux-sensparse.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *buf = ts_fuzz_dup (data, size);
  int64_t v = 12345;
  bool ok = ts_linux_parse_sysfs_int (buf, size, &v);

  if (ok)
    {
      /* A number needs a digit, and its sign matches a '-' in the input. */
      bool digit = false;

      for (size_t i = 0; i < size; i++)
        digit = digit || (buf[i] >= '0' && buf[i] <= '9');
      TS_FUZZ_CHECK (digit);
      if (v < 0)
        TS_FUZZ_CHECK (memchr (buf, '-', size) != NULL);
    }
  else
    TS_FUZZ_CHECK (v == 12345);

  free (buf);
  return 0;
}
