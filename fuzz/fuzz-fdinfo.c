/* SPDX-License-Identifier: GPL-3.0-or-later */
/* /proc/PID/fdinfo/FD: ts_linux_parse_fdinfo */
#include "config.h"

#include "ts-fuzz.h"
#include "ts-linux-parse.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *buf = ts_fuzz_dup (data, size);
  int64_t pos;
  int32_t flags;
  bool ok = ts_linux_parse_fdinfo (buf, size, &pos, &flags);

  /* Unknown is -1, never another negative number. */
  TS_FUZZ_CHECK (pos >= -1 && flags >= -1);
  TS_FUZZ_CHECK (ok == (pos >= 0 || flags >= 0));
  free (buf);
  return 0;
}
