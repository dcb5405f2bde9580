/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "ts-history.h"

#define SEC G_USEC_PER_SEC

static void
count_changed (TsHistory *h,
               guint     *n)
{
  (void) h;
  (*n)++;
}

static void
test_span_trim (void)
{
  g_autoptr (TsHistory) h = ts_history_new (2, 10 * SEC);
  guint changed = 0;

  g_signal_connect (h, "changed", G_CALLBACK (count_changed), &changed);
  g_assert_cmpuint (ts_history_get_length (h), ==, 0);
  g_assert_true (isnan (ts_history_get_last (h, 0)));

  for (int i = 0; i <= 30; i++)
    {
      double v[2] = { i, 100 - i };
      ts_history_push (h, (gint64) i * SEC, v);
    }
  g_assert_cmpuint (changed, ==, 31);
  /* 10 s span at 1 s: samples 20..30 are inside, and 20 is exactly the
   * edge; nothing older is needed. */
  g_assert_cmpuint (ts_history_get_length (h), ==, 11);
  g_assert_cmpint (ts_history_get_time (h, 0), ==, 20 * SEC);
  g_assert_cmpfloat (ts_history_get_value (h, 0, 0), ==, 20);
  g_assert_cmpfloat (ts_history_get_value (h, 10, 1), ==, 70);
  g_assert_cmpfloat (ts_history_get_last (h, 0), ==, 30);
  g_assert_cmpint (ts_history_get_last_time (h), ==, 30 * SEC);
  g_assert_cmpfloat (ts_history_get_max (h, 0), ==, 30);
  g_assert_cmpfloat (ts_history_get_max (h, 1), ==, 80);
  g_assert_cmpfloat (ts_history_get_max (h, -1), ==, 100);

  /* Uneven spacing: one sample older than the edge is kept. */
  {
    double v[2] = { 1, 1 };
    ts_history_push (h, 45 * SEC + SEC / 2, v);
  }
  g_assert_cmpuint (ts_history_get_length (h), ==, 2);
  g_assert_cmpint (ts_history_get_time (h, 0), ==, 30 * SEC);

  /* Out of order is ignored. */
  {
    double v[2] = { 9, 9 };
    ts_history_push (h, 40 * SEC, v);
  }
  g_assert_cmpuint (ts_history_get_length (h), ==, 2);

  ts_history_clear (h);
  g_assert_cmpuint (ts_history_get_length (h), ==, 0);
  g_assert_cmpfloat (ts_history_get_max (h, -1), ==, 0);
}

static void
test_span_change_and_nan (void)
{
  g_autoptr (TsHistory) h = ts_history_new (1, 600 * SEC);

  /* Fills past several doublings of the ring, then the span shrinks. */
  for (int i = 0; i < 600; i++)
    {
      double v = (i % 7 == 0) ? NAN : i;
      ts_history_push (h, (gint64) i * SEC, &v);
    }
  g_assert_cmpuint (ts_history_get_length (h), ==, 600);
  g_assert_cmpfloat (ts_history_get_value (h, 1, 0), ==, 1);
  g_assert_true (isnan (ts_history_get_value (h, 0, 0)));
  g_assert_cmpfloat (ts_history_get_max (h, 0), ==, 599);

  ts_history_set_span (h, 60 * SEC);
  g_assert_cmpuint (ts_history_get_length (h), ==, 61);
  g_assert_cmpint (ts_history_get_time (h, 0), ==, 539 * SEC);
  for (guint i = 0; i < 61; i++)
    g_assert_cmpint (ts_history_get_time (h, i), ==, (gint64) (539 + i) * SEC);

  /* Wraps around the ring many times without growing past need. */
  for (int i = 600; i < 5000; i++)
    {
      double v = i;
      ts_history_push (h, (gint64) i * SEC, &v);
    }
  g_assert_cmpuint (ts_history_get_length (h), ==, 61);
  g_assert_cmpfloat (ts_history_get_value (h, 60, 0), ==, 4999);
  g_assert_cmpfloat (ts_history_get_value (h, 0, 0), ==, 4939);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/history/span-trim", test_span_trim);
  g_test_add_func ("/history/span-change-nan", test_span_change_and_nan);
  return g_test_run ();
}
