/* SPDX-License-Identifier: GPL-3.0-or-later */
/* /proc/tty/drivers: ts_linux_parse_tty_drivers
 *
 * Input: 4 bytes tty_nr (little-endian), 1 byte output buffer size, then
 * the drivers file. */
#include "config.h"

#include "ts-fuzz.h"
#include "ts-linux-parse.h"

#define HEADER_LEN 5

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  uint64_t tty_nr;
  size_t out_len, len;
  char *buf, *out;
  bool ok;

  if (size < HEADER_LEN)
    return 0;
  tty_nr = (uint64_t) data[0] | (uint64_t) data[1] << 8
           | (uint64_t) data[2] << 16 | (uint64_t) data[3] << 24;
  out_len = data[4];
  len = size - HEADER_LEN;
  buf = ts_fuzz_dup (data + HEADER_LEN, len);
  /* Exactly out_len bytes: a write past it is an ASan report. */
  out = ts_fuzz_alloc (out_len);

  ok = ts_linux_parse_tty_drivers (buf, len, tty_nr, out, out_len);
  if (ok)
    {
      TS_FUZZ_CHECK (tty_nr != 0);
      TS_FUZZ_CHECK (out_len > 0);
      TS_FUZZ_CHECK (ts_fuzz_terminated (out, out_len));
      TS_FUZZ_CHECK (out[0] != '\0');
    }

  free (out);
  free (buf);
  return 0;
}
