/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Directory entry names "<prefix>N<suffix>": ts_linux_parse_sysfs_index */
#include "config.h"

#include "ts-fuzz.h"
#include "ts-linux-sensparse.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *buf = ts_fuzz_dup (data, size);
  static const char *const forms[][2] = {
    { "temp", "_input" }, { "hwmon", "" }, { "trip_point_", "_type" }, { "", "" },
  };

  for (size_t f = 0; f < sizeof forms / sizeof forms[0]; f++)
    {
      uint32_t index = 7;
      bool ok = ts_linux_parse_sysfs_index (buf, size, forms[f][0], forms[f][1], &index);
      size_t np = strlen (forms[f][0]), ns = strlen (forms[f][1]);

      if (ok)
        {
          TS_FUZZ_CHECK (size > np + ns && size - np - ns <= 9);
          TS_FUZZ_CHECK (memcmp (buf, forms[f][0], np) == 0);
          TS_FUZZ_CHECK (index <= 999999999u);
        }
      else
        TS_FUZZ_CHECK (index == 7);
    }

  free (buf);
  return 0;
}
