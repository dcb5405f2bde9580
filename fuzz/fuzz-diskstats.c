/* SPDX-License-Identifier: GPL-3.0-or-later */
/* /proc/diskstats: ts_linux_parse_diskstats */
#include "config.h"

#include "ts-fuzz.h"
#include "ts-linux-sysparse.h"

static void
check_disk (const TsLinuxDiskStat *d)
{
  /* The name is copied as-is: it may hold (even start with) a NUL byte, but
   * it always ends inside the array. */
  TS_FUZZ_CHECK (ts_fuzz_terminated (d->name, sizeof d->name));
  TS_FUZZ_CHECK (d->n_stats == 4 || d->n_stats == 11 || d->n_stats == 15 || d->n_stats == 17);
  if (d->n_stats == 4)
    TS_FUZZ_CHECK (d->reads_merged == 0 && d->read_ms == 0 && d->writes_merged == 0
                   && d->write_ms == 0 && d->in_flight == 0 && d->io_ticks_ms == 0
                   && d->weighted_ms == 0);
  if (d->n_stats < 15)
    TS_FUZZ_CHECK (d->discards == 0 && d->discards_merged == 0
                   && d->discard_sectors == 0 && d->discard_ms == 0);
  if (d->n_stats < 17)
    TS_FUZZ_CHECK (d->flushes == 0 && d->flush_ms == 0);
}

/* Field by field: the struct has padding after n_stats. */
static bool
same_disk (const TsLinuxDiskStat *a, const TsLinuxDiskStat *b)
{
  size_t counters = offsetof (TsLinuxDiskStat, flush_ms) + sizeof a->flush_ms
                    - offsetof (TsLinuxDiskStat, reads);

  return memcmp (a->name, b->name, sizeof a->name) == 0
         && a->major == b->major && a->minor == b->minor && a->n_stats == b->n_stats
         && memcmp (&a->reads, &b->reads, counters) == 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *buf = ts_fuzz_dup (data, size);
  size_t n_lines = ts_linux_count_lines (buf, size);
  TsLinuxDiskStat *full = ts_fuzz_alloc (n_lines * sizeof *full);
  TsLinuxDiskStat *part;
  size_t n = 0, n2 = 0, n3 = 0, max2;
  bool ok, ok2, ok3;

  ok = ts_linux_parse_diskstats (buf, size, full, n_lines, &n);
  TS_FUZZ_CHECK (n <= n_lines);
  if (n > 0)
    TS_FUZZ_CHECK (ok);
  for (size_t i = 0; i < n; i++)
    check_disk (&full[i]);

  /* Less room: the same count, the same first entries. */
  max2 = n / 2;
  part = ts_fuzz_alloc (max2 * sizeof *part);
  ok2 = ts_linux_parse_diskstats (buf, size, part, max2, &n2);
  TS_FUZZ_CHECK (ok2 == ok && n2 == n);
  for (size_t i = 0; i < max2; i++)
    TS_FUZZ_CHECK (same_disk (&part[i], &full[i]));

  ok3 = ts_linux_parse_diskstats (buf, size, NULL, 0, &n3);
  TS_FUZZ_CHECK (ok3 == ok && n3 == n);

  free (part);
  free (full);
  free (buf);
  return 0;
}
