/* SPDX-License-Identifier: GPL-3.0-or-later */
/* /proc/net/dev: ts_linux_parse_net_dev */
#include "config.h"

#include "ts-fuzz.h"
#include "ts-linux-sysparse.h"

static bool
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

static void
check_dev (const TsLinuxNetDev *d)
{
  size_t len;

  TS_FUZZ_CHECK (ts_fuzz_terminated (d->name, sizeof d->name));
  len = strlen (d->name);
  /* Blanks around the name are trimmed.  (An embedded NUL may cut the
   * string short, so only the first byte is sure to be there.) */
  TS_FUZZ_CHECK (len == 0 || !is_blank (d->name[0]));
  TS_FUZZ_CHECK (len == 0 || d->name[len - 1] != '\n');
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *buf = ts_fuzz_dup (data, size);
  size_t n_lines = ts_linux_count_lines (buf, size);
  TsLinuxNetDev *full = ts_fuzz_alloc (n_lines * sizeof *full);
  TsLinuxNetDev *part;
  size_t n = 0, n2 = 0, n3 = 0, max2;
  bool ok, ok2, ok3;

  ok = ts_linux_parse_net_dev (buf, size, full, n_lines, &n);
  TS_FUZZ_CHECK (n <= n_lines);
  if (n > 0)
    TS_FUZZ_CHECK (ok && ts_fuzz_contains (buf, size, ":"));
  for (size_t i = 0; i < n; i++)
    check_dev (&full[i]);

  max2 = n / 2;
  part = ts_fuzz_alloc (max2 * sizeof *part);
  ok2 = ts_linux_parse_net_dev (buf, size, part, max2, &n2);
  TS_FUZZ_CHECK (ok2 == ok && n2 == n);
  for (size_t i = 0; i < max2; i++)
    TS_FUZZ_CHECK (memcmp (&part[i], &full[i], sizeof part[i]) == 0);

  ok3 = ts_linux_parse_net_dev (buf, size, NULL, 0, &n3);
  TS_FUZZ_CHECK (ok3 == ok && n3 == n);

  free (part);
  free (full);
  free (buf);
  return 0;
}
