/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ts-units.h"

G_BEGIN_DECLS

/* TsMeter: a horizontal level bar for one value on a scale with a `high`
 * and a `critical` level (CSS name `tsmeter`; at least 8 px high, give it
 * more with CSS min-height or a size request).  A rounded trough, filled up
 * to the value in the accent colour, in the warning colour from `high` on
 * and in the error colour from `critical` on, with a thin tick at each level
 * that is set.  E.g. a temperature (0-110 °C, high 80, critical 100), a
 * disk's busy %, or, inverted (low is bad), a battery's charge (0-100 %,
 * warning below 20, critical below 5).
 *
 * Accessible as a METER with min, max, now and the value as text
 * (ts_format_value in the meter's unit).  Show the number in a label beside
 * it too. */

#define TS_TYPE_METER (ts_meter_get_type ())

G_DECLARE_FINAL_TYPE (TsMeter, ts_meter, TS, METER, GtkWidget)

typedef enum
{
  TS_METER_LEVEL_NORMAL,
  TS_METER_LEVEL_HIGH,
  TS_METER_LEVEL_CRITICAL,
} TsMeterLevel;

GtkWidget    *ts_meter_new          (void);

/* Property "value"; NAN (unknown) shows an empty trough.  Values outside
 * the range fill nothing or everything. */
void          ts_meter_set_value    (TsMeter     *self,
                                     double       value);
double        ts_meter_get_value    (TsMeter     *self);
/* Default 0 to 100. */
void          ts_meter_set_range    (TsMeter     *self,
                                     double       min,
                                     double       max);
/* NAN: no such level.  Default: none. */
void          ts_meter_set_levels   (TsMeter     *self,
                                     double       high,
                                     double       critical);
/* Inverted: a value at or *below* high is high, at or below critical is
 * critical (a battery).  Default FALSE. */
void          ts_meter_set_inverted (TsMeter     *self,
                                     gboolean     inverted);
/* Unit of the accessible value text.  Default TS_GRAPH_UNIT_PERCENT. */
void          ts_meter_set_unit     (TsMeter     *self,
                                     TsGraphUnit  unit);
/* Which colour the value gets now. */
TsMeterLevel  ts_meter_get_level    (TsMeter     *self);

G_END_DECLS
