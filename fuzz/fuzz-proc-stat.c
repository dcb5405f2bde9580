/* SPDX-License-Identifier: GPL-3.0-or-later */
/* /proc/stat: ts_linux_parse_proc_stat */
#include "config.h"

#include "ts-fuzz.h"
#include "ts-linux-sysparse.h"

static void
check_ticks (const TsLinuxCpuTicks *t)
{
  TS_FUZZ_CHECK (t->n_fields >= 4 && t->n_fields <= TS_LINUX_CPU_FIELDS);
  for (uint32_t k = t->n_fields; k < TS_LINUX_CPU_FIELDS; k++)
    TS_FUZZ_CHECK (t->ticks[k] == 0);
}

static bool
same_ticks (const TsLinuxCpuTicks *a, const TsLinuxCpuTicks *b)
{
  return a->cpu == b->cpu && a->n_fields == b->n_fields
         && memcmp (a->ticks, b->ticks, sizeof a->ticks) == 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *buf = ts_fuzz_dup (data, size);
  size_t n_lines = ts_linux_count_lines (buf, size);
  /* Sized as the header says (one per line), then again with half the room
   * and with none: the answer must not depend on the room. */
  TsLinuxCpuTicks *full = ts_fuzz_alloc (n_lines * sizeof *full);
  TsLinuxProcStat st, st2, st3;
  TsLinuxCpuTicks *part;
  size_t max2;
  bool ok, ok2, ok3;

  ok = ts_linux_parse_proc_stat (buf, size, &st, full, n_lines);
  TS_FUZZ_CHECK (st.n_cpu <= n_lines);
  TS_FUZZ_CHECK (st.total.cpu == -1);
  if (ok)
    {
      check_ticks (&st.total);
      TS_FUZZ_CHECK (ts_fuzz_contains (buf, size, "cpu"));
    }
  for (size_t i = 0; i < st.n_cpu; i++)
    {
      check_ticks (&full[i]);
      TS_FUZZ_CHECK (full[i].cpu >= 0);
    }
  if (st.have_btime)
    TS_FUZZ_CHECK (ts_fuzz_contains (buf, size, "btime"));
  else
    TS_FUZZ_CHECK (st.btime == 0);

  max2 = st.n_cpu / 2;
  part = ts_fuzz_alloc (max2 * sizeof *part);
  ok2 = ts_linux_parse_proc_stat (buf, size, &st2, part, max2);
  TS_FUZZ_CHECK (ok2 == ok);
  TS_FUZZ_CHECK (st2.n_cpu == st.n_cpu);
  TS_FUZZ_CHECK (st2.have_btime == st.have_btime && st2.btime == st.btime);
  TS_FUZZ_CHECK (same_ticks (&st2.total, &st.total));
  for (size_t i = 0; i < max2; i++)
    TS_FUZZ_CHECK (same_ticks (&part[i], &full[i]));

  ok3 = ts_linux_parse_proc_stat (buf, size, &st3, NULL, 0);
  TS_FUZZ_CHECK (ok3 == ok && st3.n_cpu == st.n_cpu);

  free (part);
  free (full);
  free (buf);
  return 0;
}
