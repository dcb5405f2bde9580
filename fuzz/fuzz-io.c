/* SPDX-License-Identifier: GPL-3.0-or-later */
/* /proc/PID/io: ts_linux_parse_io */
#include "config.h"

#include "ts-fuzz.h"
#include "ts-linux-parse.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static const char *const keys[] = {
    "rchar:", "wchar:", "syscr:", "syscw:", "read_bytes:", "write_bytes:",
  };
  char *buf = ts_fuzz_dup (data, size);
  TsLinuxIo *io = ts_fuzz_alloc (sizeof *io);
  bool ok = ts_linux_parse_io (buf, size, io);

  /* True means all six keys were read. */
  if (ok)
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
      TS_FUZZ_CHECK (ts_fuzz_contains (buf, size, keys[k]));

  free (io);
  free (buf);
  return 0;
}
