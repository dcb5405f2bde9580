/* SPDX-License-Identifier: GPL-3.0-or-later */
/* /proc/PID/status: ts_linux_parse_status */
#include "config.h"

#include "ts-fuzz.h"
#include "ts-linux-parse.h"

#define ALL_HAVE_BITS ((TS_LINUX_STATUS_HAVE_TGID << 1) - 1u)

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *buf = ts_fuzz_dup (data, size);
  TsLinuxStatus *st = ts_fuzz_alloc (sizeof *st);
  bool ok = ts_linux_parse_status (buf, size, st);

  TS_FUZZ_CHECK (ok == (st->have != 0));
  TS_FUZZ_CHECK ((st->have & ~ALL_HAVE_BITS) == 0);
  TS_FUZZ_CHECK (ts_fuzz_terminated (st->name, sizeof st->name));
  if ((st->have & TS_LINUX_STATUS_HAVE_NAME) == 0)
    TS_FUZZ_CHECK (st->name[0] == '\0');
  else
    TS_FUZZ_CHECK (ts_fuzz_contains (buf, size, "Name:"));
  if (st->have & TS_LINUX_STATUS_HAVE_CPUS)
    TS_FUZZ_CHECK (ts_fuzz_contains (buf, size, "Cpus_allowed_list:"));
  if (st->have & TS_LINUX_STATUS_HAVE_RSS)
    TS_FUZZ_CHECK (ts_fuzz_contains (buf, size, "RssAnon:")
                   && ts_fuzz_contains (buf, size, "RssFile:")
                   && ts_fuzz_contains (buf, size, "RssShmem:"));

  free (st);
  free (buf);
  return 0;
}
