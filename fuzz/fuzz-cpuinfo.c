/* SPDX-License-Identifier: GPL-3.0-or-later */
/* /proc/cpuinfo: ts_linux_parse_cpuinfo, ts_linux_parse_cpuinfo_model */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ts-fuzz.h"
#include "ts-linux-sysparse.h"

static void
check_cpu (const TsLinuxCpuinfo *c)
{
  TS_FUZZ_CHECK (c->processor >= -1 && c->physical_id >= -1 && c->core_id >= -1);
  TS_FUZZ_CHECK (!isnan (c->mhz));
  TS_FUZZ_CHECK (c->mhz == -1.0 || c->mhz >= 0.0);
}

static bool
same_cpu (const TsLinuxCpuinfo *a, const TsLinuxCpuinfo *b)
{
  return a->processor == b->processor && a->physical_id == b->physical_id
         && a->core_id == b->core_id && a->mhz == b->mhz;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *buf = ts_fuzz_dup (data, size);
  size_t n_lines = ts_linux_count_lines (buf, size);
  TsLinuxCpuinfo *full = ts_fuzz_alloc (n_lines * sizeof *full);
  TsLinuxCpuinfo *part;
  size_t n = 0, n2 = 0, n3 = 0, max2;
  bool ok, ok2, ok3;

  ok = ts_linux_parse_cpuinfo (buf, size, full, n_lines, &n);
  /* Every block has at least one key line of its own. */
  TS_FUZZ_CHECK (n <= n_lines);
  TS_FUZZ_CHECK (ok == (n > 0));
  for (size_t i = 0; i < n; i++)
    check_cpu (&full[i]);

  max2 = n / 2;
  part = ts_fuzz_alloc (max2 * sizeof *part);
  ok2 = ts_linux_parse_cpuinfo (buf, size, part, max2, &n2);
  TS_FUZZ_CHECK (ok2 == ok && n2 == n);
  for (size_t i = 0; i < max2; i++)
    TS_FUZZ_CHECK (same_cpu (&part[i], &full[i]));

  ok3 = ts_linux_parse_cpuinfo (buf, size, NULL, 0, &n3);
  TS_FUZZ_CHECK (ok3 == ok && n3 == n);

  {
    char model[48], tiny[2];
    bool ok_model = ts_linux_parse_cpuinfo_model (buf, size, model, sizeof model);
    bool ok_tiny = ts_linux_parse_cpuinfo_model (buf, size, tiny, sizeof tiny);

    /* Always terminated; found means non-empty, and the cut one is its prefix. */
    TS_FUZZ_CHECK (strlen (model) < sizeof model);
    TS_FUZZ_CHECK (ok_model == (model[0] != '\0'));
    TS_FUZZ_CHECK (ok_tiny == ok_model);
    TS_FUZZ_CHECK (!ok_tiny || (tiny[0] == model[0] && tiny[1] == '\0'));
    TS_FUZZ_CHECK (!ts_linux_parse_cpuinfo_model (buf, size, model, 0));
  }

  free (part);
  free (full);
  free (buf);
  return 0;
}
