/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ts_format_value: every unit, the decimals rule, odd input.  Runs in the C
 * locale, so the decimal separator is a point. */
#define G_LOG_DOMAIN "test-units"

#include "config.h"

#include <locale.h>
#include <math.h>

#include "ts-units.h"

#define NBSP "\302\240"

static void
check (double v, TsGraphUnit unit, const char *want)
{
  g_autofree char *got = ts_format_value (v, unit);

  g_assert_cmpstr (got, ==, want);
}

static void
test_percent (void)
{
  check (42.5, TS_GRAPH_UNIT_PERCENT, "42.5" NBSP "%");
  check (4.21, TS_GRAPH_UNIT_PERCENT, "4.2" NBSP "%");
  check (42.04, TS_GRAPH_UNIT_PERCENT, "42.0" NBSP "%");   /* a live value keeps its decimal */
  check (100, TS_GRAPH_UNIT_PERCENT, "100" NBSP "%");      /* a whole number does not */
  check (0, TS_GRAPH_UNIT_PERCENT, "0" NBSP "%");
  check (250.4, TS_GRAPH_UNIT_PERCENT, "250" NBSP "%");
}

static void
test_bytes (void)
{
  check (12345678, TS_GRAPH_UNIT_BYTES, "12.3" NBSP "MB");
  check (1.5e9, TS_GRAPH_UNIT_BYTES, "1.5" NBSP "GB");
  check (12, TS_GRAPH_UNIT_BYTES, "12 bytes");
  check (-5, TS_GRAPH_UNIT_BYTES, "0 bytes");
  check (INFINITY, TS_GRAPH_UNIT_BYTES, "18.4" NBSP "EB");  /* clamped, not undefined */
  check (12.3e6, TS_GRAPH_UNIT_BYTES_PER_SECOND, "12.3" NBSP "MB/s");
  check (0, TS_GRAPH_UNIT_BYTES_PER_SECOND, "0 bytes/s");
}

static void
test_hertz (void)
{
  check (2.4e9, TS_GRAPH_UNIT_HERTZ, "2.40" NBSP "GHz");
  check (3.8016e9, TS_GRAPH_UNIT_HERTZ, "3.80" NBSP "GHz");
  check (800e6, TS_GRAPH_UNIT_HERTZ, "800" NBSP "MHz");
  check (32e3, TS_GRAPH_UNIT_HERTZ, "32" NBSP "kHz");
  check (50, TS_GRAPH_UNIT_HERTZ, "50" NBSP "Hz");
}

static void
test_others (void)
{
  check (45, TS_GRAPH_UNIT_CELSIUS, "45" NBSP "°C");
  check (45.4, TS_GRAPH_UNIT_CELSIUS, "45" NBSP "°C");
  check (5.5, TS_GRAPH_UNIT_CELSIUS, "5.5" NBSP "°C");
  check (-12, TS_GRAPH_UNIT_CELSIUS, "-12" NBSP "°C");
  check (45, TS_GRAPH_UNIT_FAHRENHEIT, "113" NBSP "°F");       /* the input is °C */
  check (52, TS_GRAPH_UNIT_FAHRENHEIT, "126" NBSP "°F");       /* 125.6 */
  check (100, TS_GRAPH_UNIT_FAHRENHEIT, "212" NBSP "°F");
  check (-15, TS_GRAPH_UNIT_FAHRENHEIT, "5" NBSP "°F");        /* whole: no decimal */
  check (-12.5, TS_GRAPH_UNIT_FAHRENHEIT, "9.5" NBSP "°F");
  check (-40, TS_GRAPH_UNIT_FAHRENHEIT, "-40" NBSP "°F");      /* where the scales meet */
  g_assert_cmpfloat_with_epsilon (ts_celsius_to_fahrenheit (37), 98.6, 1e-9);
  g_assert_true (isnan (ts_celsius_to_fahrenheit (NAN)));
  check (1200, TS_GRAPH_UNIT_RPM, "1200" NBSP "RPM");
  check (1199.6, TS_GRAPH_UNIT_RPM, "1200" NBSP "RPM");
  check (12.5, TS_GRAPH_UNIT_WATTS, "12.5" NBSP "W");
  check (3.256, TS_GRAPH_UNIT_WATTS, "3.26" NBSP "W");
  check (12, TS_GRAPH_UNIT_WATTS, "12" NBSP "W");
  check (0.52, TS_GRAPH_UNIT_NUMBER, "0.52");
  check (12.5, TS_GRAPH_UNIT_NUMBER, "12.5");
  check (1234.4, TS_GRAPH_UNIT_NUMBER, "1234");
  check (2, TS_GRAPH_UNIT_NUMBER, "2");
}

static void
test_unknown (void)
{
  for (int u = TS_GRAPH_UNIT_NUMBER; u <= TS_GRAPH_UNIT_FAHRENHEIT; u++)
    check (NAN, u, "\342\200\224");
  /* Out of the enum: formatted as a plain number, no crash. */
  check (3.5, (TsGraphUnit) 99, "3.50");
}

static void
test_enum_type (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (TS_TYPE_GRAPH_UNIT);
  GEnumValue *v = g_enum_get_value_by_nick (klass, "bytes-per-second");

  g_assert_nonnull (v);
  g_assert_cmpint (v->value, ==, TS_GRAPH_UNIT_BYTES_PER_SECOND);
  g_assert_cmpuint (klass->n_values, ==, 9);
  v = g_enum_get_value_by_nick (klass, "fahrenheit");
  g_assert_nonnull (v);
  g_assert_cmpint (v->value, ==, TS_GRAPH_UNIT_FAHRENHEIT);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/units/percent", test_percent);
  g_test_add_func ("/units/bytes", test_bytes);
  g_test_add_func ("/units/hertz", test_hertz);
  g_test_add_func ("/units/others", test_others);
  g_test_add_func ("/units/unknown", test_unknown);
  g_test_add_func ("/units/enum-type", test_enum_type);
  return g_test_run ();
}
