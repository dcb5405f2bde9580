/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TS_TYPE_HISTORY (ts_history_get_type ())

G_DECLARE_FINAL_TYPE (TsHistory, ts_history, TS, HISTORY, GObject)

/* A ring buffer of timestamped samples for graphs: every sample holds one
 * value per series (say user, system and iowait for a CPU).  It keeps the
 * samples of the last `span` microseconds plus the one just older, so a
 * line can be drawn to the left edge of a graph; the storage grows to what
 * that span needs and never shrinks below it, so a tick allocates nothing
 * once the buffer is warm.  A value may be NAN: "unknown at that time"
 * (graphs leave a gap).  Emits "changed" after each push or clear. */

TsHistory  *ts_history_new          (guint       n_series,
                                     gint64      span_us);
guint       ts_history_get_n_series (TsHistory  *self);
gint64      ts_history_get_span     (TsHistory  *self);
/* Drops samples older than the new span at once. */
void        ts_history_set_span     (TsHistory  *self,
                                     gint64      span_us);
/* time_us: a monotonic clock (g_get_monotonic_time or a fake one); samples
 * must come in time order, one older than the last is ignored.  values has
 * n_series entries. */
void        ts_history_push         (TsHistory    *self,
                                     gint64        time_us,
                                     const double *values);
void        ts_history_clear        (TsHistory  *self);
/* Number of samples held; index 0 is the oldest. */
guint       ts_history_get_length   (TsHistory  *self);
gint64      ts_history_get_time     (TsHistory  *self,
                                     guint       index);
double      ts_history_get_value    (TsHistory  *self,
                                     guint       index,
                                     guint       series);
/* The newest value of a series, or NAN when empty. */
double      ts_history_get_last     (TsHistory  *self,
                                     guint       series);
/* The time of the newest sample, or 0 when empty. */
gint64      ts_history_get_last_time (TsHistory *self);
/* Largest value (ignoring NAN) of a series over the samples held, or of
 * the sum of all series when series is -1 (for stacked graphs); 0 when
 * there is none. */
double      ts_history_get_max      (TsHistory  *self,
                                     int         series);

G_END_DECLS
