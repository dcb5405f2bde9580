/* SPDX-License-Identifier: GPL-3.0-or-later */
/* /proc/PID/stat: ts_linux_parse_stat */
#include "config.h"

#include "ts-fuzz.h"
#include "ts-linux-parse.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *buf = ts_fuzz_dup (data, size);
  TsLinuxStat *st = ts_fuzz_alloc (sizeof *st);
  bool ok = ts_linux_parse_stat (buf, size, st);

  /* comm is always a terminated string, whatever the outcome. */
  TS_FUZZ_CHECK (st->comm_len < sizeof st->comm);
  TS_FUZZ_CHECK (st->comm[st->comm_len] == '\0');

  if (ok)
    {
      /* comm is the bytes right after the first '(' (cut to fit)... */
      const char *open_paren = memchr (buf, '(', size);

      TS_FUZZ_CHECK (open_paren != NULL);
      TS_FUZZ_CHECK ((size_t) (open_paren - buf) + 1 + st->comm_len < size);
      TS_FUZZ_CHECK (memcmp (st->comm, open_paren + 1, st->comm_len) == 0);
      /* ...the state is a character, not a separator... */
      TS_FUZZ_CHECK (st->state != ' ' && st->state != '\t');
      /* ...and tty_nr is a 32-bit dev_t. */
      TS_FUZZ_CHECK (st->tty_nr <= UINT32_MAX);
    }

  free (st);
  free (buf);
  return 0;
}
