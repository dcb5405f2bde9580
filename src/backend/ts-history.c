/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-history"

#include "config.h"

#include <math.h>

#include "ts-history.h"

struct _TsHistory
{
  GObject  parent_instance;

  guint    n_series;
  gint64   span_us;
  /* Ring: `capacity` slots, `length` used, oldest at `head`. */
  gint64  *times;
  double  *values;   /* capacity * n_series, slot-major */
  guint    capacity;
  guint    head;
  guint    length;
};

G_DEFINE_FINAL_TYPE (TsHistory, ts_history, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
ts_history_finalize (GObject *object)
{
  TsHistory *self = TS_HISTORY (object);

  g_free (self->times);
  g_free (self->values);
  G_OBJECT_CLASS (ts_history_parent_class)->finalize (object);
}

static void
ts_history_class_init (TsHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ts_history_finalize;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
ts_history_init (TsHistory *self)
{
  (void) self;
}

TsHistory *
ts_history_new (guint  n_series,
                gint64 span_us)
{
  TsHistory *self;

  g_return_val_if_fail (n_series > 0 && n_series <= 64, NULL);
  g_return_val_if_fail (span_us > 0, NULL);

  self = g_object_new (TS_TYPE_HISTORY, NULL);
  self->n_series = n_series;
  self->span_us = span_us;
  return self;
}

guint
ts_history_get_n_series (TsHistory *self)
{
  g_return_val_if_fail (TS_IS_HISTORY (self), 0);
  return self->n_series;
}

gint64
ts_history_get_span (TsHistory *self)
{
  g_return_val_if_fail (TS_IS_HISTORY (self), 0);
  return self->span_us;
}

static inline guint
slot (TsHistory *self,
      guint      index)
{
  return (self->head + index) % self->capacity;
}

/* Drops from the front while the second-oldest sample is already older than
 * the span: the oldest kept one is the last before the window's edge. */
static void
trim (TsHistory *self,
      gint64     now)
{
  while (self->length >= 2 && now - self->times[slot (self, 1)] >= self->span_us)
    {
      self->head = (self->head + 1) % self->capacity;
      self->length--;
    }
}

void
ts_history_set_span (TsHistory *self,
                     gint64     span_us)
{
  g_return_if_fail (TS_IS_HISTORY (self));
  g_return_if_fail (span_us > 0);

  if (self->span_us == span_us)
    return;
  self->span_us = span_us;
  if (self->length > 0)
    {
      trim (self, ts_history_get_last_time (self));
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

static void
grow (TsHistory *self)
{
  guint new_capacity = MAX (16, self->capacity * 2);
  gint64 *times = g_new (gint64, new_capacity);
  double *values = g_new (double, (gsize) new_capacity * self->n_series);

  /* Unroll the ring so the oldest is at 0. */
  for (guint i = 0; i < self->length; i++)
    {
      guint s = slot (self, i);

      times[i] = self->times[s];
      memcpy (values + (gsize) i * self->n_series,
              self->values + (gsize) s * self->n_series,
              sizeof (double) * self->n_series);
    }
  g_free (self->times);
  g_free (self->values);
  self->times = times;
  self->values = values;
  self->capacity = new_capacity;
  self->head = 0;
}

void
ts_history_push (TsHistory    *self,
                 gint64        time_us,
                 const double *values)
{
  guint s;

  g_return_if_fail (TS_IS_HISTORY (self));
  g_return_if_fail (values != NULL);

  if (self->length > 0 && time_us < ts_history_get_last_time (self))
    return;

  trim (self, time_us);
  if (self->length == self->capacity)
    grow (self);
  s = slot (self, self->length);
  self->times[s] = time_us;
  memcpy (self->values + (gsize) s * self->n_series, values,
          sizeof (double) * self->n_series);
  self->length++;
  g_signal_emit (self, signals[CHANGED], 0);
}

void
ts_history_clear (TsHistory *self)
{
  g_return_if_fail (TS_IS_HISTORY (self));

  self->head = 0;
  self->length = 0;
  g_signal_emit (self, signals[CHANGED], 0);
}

guint
ts_history_get_length (TsHistory *self)
{
  g_return_val_if_fail (TS_IS_HISTORY (self), 0);
  return self->length;
}

gint64
ts_history_get_time (TsHistory *self,
                     guint      index)
{
  g_return_val_if_fail (TS_IS_HISTORY (self), 0);
  g_return_val_if_fail (index < self->length, 0);
  return self->times[slot (self, index)];
}

double
ts_history_get_value (TsHistory *self,
                      guint      index,
                      guint      series)
{
  g_return_val_if_fail (TS_IS_HISTORY (self), NAN);
  g_return_val_if_fail (index < self->length, NAN);
  g_return_val_if_fail (series < self->n_series, NAN);
  return self->values[(gsize) slot (self, index) * self->n_series + series];
}

double
ts_history_get_last (TsHistory *self,
                     guint      series)
{
  g_return_val_if_fail (TS_IS_HISTORY (self), NAN);
  g_return_val_if_fail (series < self->n_series, NAN);
  if (self->length == 0)
    return NAN;
  return ts_history_get_value (self, self->length - 1, series);
}

gint64
ts_history_get_last_time (TsHistory *self)
{
  g_return_val_if_fail (TS_IS_HISTORY (self), 0);
  if (self->length == 0)
    return 0;
  return self->times[slot (self, self->length - 1)];
}

double
ts_history_get_max (TsHistory *self,
                    int        series)
{
  double max = 0;

  g_return_val_if_fail (TS_IS_HISTORY (self), 0);
  g_return_val_if_fail (series >= -1 && series < (int) self->n_series, 0);

  for (guint i = 0; i < self->length; i++)
    {
      const double *row = self->values + (gsize) slot (self, i) * self->n_series;
      double v = 0;

      if (series >= 0)
        v = row[series];
      else
        for (guint k = 0; k < self->n_series; k++)
          if (!isnan (row[k]))
            v += row[k];
      if (!isnan (v) && v > max)
        max = v;
    }
  return max;
}
