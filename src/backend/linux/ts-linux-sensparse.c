/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ts-linux-sensparse.h"

#include <string.h>

static bool
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Trims blanks at both ends. */
static void
trim (const char **buf, size_t *len)
{
  while (*len > 0 && is_blank (**buf))
    {
      (*buf)++;
      (*len)--;
    }
  while (*len > 0 && is_blank ((*buf)[*len - 1]))
    (*len)--;
}

bool
ts_linux_parse_sysfs_int (const char *buf, size_t len, int64_t *out)
{
  bool negative = false;
  uint64_t v = 0;
  size_t i = 0;

  if (buf == NULL)
    return false;
  trim (&buf, &len);
  if (len > 0 && (buf[0] == '-' || buf[0] == '+'))
    {
      negative = buf[0] == '-';
      i = 1;
    }
  if (i >= len)
    return false;
  for (; i < len; i++)
    {
      unsigned d;

      if (buf[i] < '0' || buf[i] > '9')
        return false;
      d = (unsigned) (buf[i] - '0');
      /* INT64_MIN's magnitude is one more than INT64_MAX's: not worth it. */
      if (v > ((uint64_t) INT64_MAX - d) / 10)
        return false;
      v = v * 10 + d;
    }
  *out = negative ? -(int64_t) v : (int64_t) v;
  return true;
}

bool
ts_linux_parse_sysfs_index (const char *name,
                            size_t      len,
                            const char *prefix,
                            const char *suffix,
                            uint32_t   *index)
{
  size_t np = strlen (prefix), ns = strlen (suffix), digits;
  uint32_t v = 0;

  if (name == NULL || len < np + ns + 1)
    return false;
  if (memcmp (name, prefix, np) != 0 || memcmp (name + len - ns, suffix, ns) != 0)
    return false;
  digits = len - np - ns;
  if (digits > 9)
    return false;
  for (size_t i = np; i < np + digits; i++)
    {
      if (name[i] < '0' || name[i] > '9')
        return false;
      v = v * 10 + (uint32_t) (name[i] - '0');
    }
  *index = v;
  return true;
}

static bool
equal_nocase (const char *buf, size_t len, const char *word)
{
  size_t n = strlen (word);

  if (len != n)
    return false;
  for (size_t i = 0; i < n; i++)
    {
      char c = buf[i];

      if (c >= 'A' && c <= 'Z')
        c = (char) (c - 'A' + 'a');
      if (c != word[i])
        return false;
    }
  return true;
}

TsBatteryStatus
ts_linux_parse_supply_status (const char *buf, size_t len)
{
  if (buf == NULL)
    return TS_BATTERY_STATUS_UNKNOWN;
  trim (&buf, &len);
  if (equal_nocase (buf, len, "charging"))
    return TS_BATTERY_STATUS_CHARGING;
  if (equal_nocase (buf, len, "discharging"))
    return TS_BATTERY_STATUS_DISCHARGING;
  if (equal_nocase (buf, len, "full"))
    return TS_BATTERY_STATUS_FULL;
  if (equal_nocase (buf, len, "not charging"))
    return TS_BATTERY_STATUS_NOT_CHARGING;
  return TS_BATTERY_STATUS_UNKNOWN;
}
