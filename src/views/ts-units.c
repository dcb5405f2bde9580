/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-units"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ts-units.h"

G_DEFINE_ENUM_TYPE (TsGraphUnit, ts_graph_unit,
  G_DEFINE_ENUM_VALUE (TS_GRAPH_UNIT_NUMBER, "number"),
  G_DEFINE_ENUM_VALUE (TS_GRAPH_UNIT_PERCENT, "percent"),
  G_DEFINE_ENUM_VALUE (TS_GRAPH_UNIT_BYTES, "bytes"),
  G_DEFINE_ENUM_VALUE (TS_GRAPH_UNIT_BYTES_PER_SECOND, "bytes-per-second"),
  G_DEFINE_ENUM_VALUE (TS_GRAPH_UNIT_HERTZ, "hertz"),
  G_DEFINE_ENUM_VALUE (TS_GRAPH_UNIT_CELSIUS, "celsius"),
  G_DEFINE_ENUM_VALUE (TS_GRAPH_UNIT_RPM, "rpm"),
  G_DEFINE_ENUM_VALUE (TS_GRAPH_UNIT_WATTS, "watts"),
  G_DEFINE_ENUM_VALUE (TS_GRAPH_UNIT_FAHRENHEIT, "fahrenheit"))

/* Three significant digits at most, so a value that changes every second
 * does not make a legend jump around: "4.21", "42.1", "421". */
static int
decimals_for (double v,
              int    max_decimals)
{
  double a = fabs (v);

  if (a < 10)
    return max_decimals;
  if (a < 100)
    return MIN (max_decimals, 1);
  return 0;
}

/* A whole number (an axis label, a fixed range's top) reads better without
 * ".0"; a live value keeps its decimals, so "42.0 %" does not flip to "42 %"
 * and back as the value moves. */
static int
trim_decimals (double v,
               int    decimals)
{
  return v == round (v) ? 0 : decimals;
}

static char *
format_hertz (double v)
{
  double a = fabs (v);

  /* TRANSLATORS: a CPU frequency; \u00a0 is a no-break space */
  if (a >= 1e9)
    return g_strdup_printf (_("%.2f\u00a0GHz"), v / 1e9);
  if (a >= 1e6)
    return g_strdup_printf (_("%.0f\u00a0MHz"), v / 1e6);
  if (a >= 1e3)
    return g_strdup_printf (_("%.0f\u00a0kHz"), v / 1e3);
  return g_strdup_printf (_("%.0f\u00a0Hz"), v);
}

static GFormatSizeFlags size_flags = G_FORMAT_SIZE_DEFAULT;

void
ts_units_set_size_flags (GFormatSizeFlags flags)
{
  size_flags = flags;
}

GFormatSizeFlags
ts_units_get_size_flags (void)
{
  return size_flags;
}

double
ts_celsius_to_fahrenheit (double celsius)
{
  return celsius * 9.0 / 5.0 + 32.0;
}

char *
ts_format_value (double      v,
                 TsGraphUnit unit)
{
  if (isnan (v))
    return g_strdup ("\u2014");

  switch (unit)
    {
    case TS_GRAPH_UNIT_PERCENT:
      return g_strdup_printf (_("%.*f\u00a0%%"), trim_decimals (v, decimals_for (v, 1)), v);

    case TS_GRAPH_UNIT_BYTES:
    case TS_GRAPH_UNIT_BYTES_PER_SECOND:
      {
        /* g_format_size takes a guint64: no negative or infinite sizes. */
        guint64 n = v <= 0 ? 0 : v >= (double) G_MAXUINT64 ? G_MAXUINT64 : (guint64) llround (v);
        g_autofree char *size = g_format_size_full (n, size_flags);

        if (unit == TS_GRAPH_UNIT_BYTES)
          return g_steal_pointer (&size);
        /* TRANSLATORS: a data rate, %s is a size such as "12.3 MB" */
        return g_strdup_printf (_("%s/s"), size);
      }

    case TS_GRAPH_UNIT_HERTZ:
      return format_hertz (v);

    case TS_GRAPH_UNIT_CELSIUS:
      return g_strdup_printf (_("%.*f\u00a0°C"), trim_decimals (v, fabs (v) < 10 ? 1 : 0), v);

    case TS_GRAPH_UNIT_FAHRENHEIT:
      v = ts_celsius_to_fahrenheit (v);
      return g_strdup_printf (_("%.*f\u00a0°F"), trim_decimals (v, fabs (v) < 10 ? 1 : 0), v);

    case TS_GRAPH_UNIT_RPM:
      return g_strdup_printf (_("%.0f\u00a0RPM"), v);

    case TS_GRAPH_UNIT_WATTS:
      return g_strdup_printf (_("%.*f\u00a0W"), trim_decimals (v, decimals_for (v, 2)), v);

    case TS_GRAPH_UNIT_NUMBER:
    default:
      return g_strdup_printf ("%.*f", trim_decimals (v, decimals_for (v, 2)), v);
    }
}
