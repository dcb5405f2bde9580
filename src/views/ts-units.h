/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a number means, for formatting it.  Inputs are in SI units, as the
 * backend gives them: bytes, bytes per second, hertz (not MHz), degrees
 * Celsius, revolutions per minute, watts; percent is 0-100. */
typedef enum
{
  TS_GRAPH_UNIT_NUMBER,           /* plain: "0.52", "12.5", "1234" (load average) */
  TS_GRAPH_UNIT_PERCENT,          /* "4.2 %", "42 %" */
  TS_GRAPH_UNIT_BYTES,            /* g_format_size: "1.2 GB" */
  TS_GRAPH_UNIT_BYTES_PER_SECOND, /* "12.3 MB/s" */
  TS_GRAPH_UNIT_HERTZ,            /* "800 MHz", "2.40 GHz" */
  TS_GRAPH_UNIT_CELSIUS,          /* "45 °C" */
  TS_GRAPH_UNIT_RPM,              /* "1200 RPM" */
  TS_GRAPH_UNIT_WATTS,            /* "12.5 W" */
  /* Input in degrees Celsius like TS_GRAPH_UNIT_CELSIUS, shown converted:
   * "113 °F" for 45.  Histories, ranges and markers stay in °C; only the
   * text changes, so a graph or meter switches unit by this alone (the
   * conversion is affine: positions on a °C scale are right for °F). */
  TS_GRAPH_UNIT_FAHRENHEIT,       /* "113 °F" */
} TsGraphUnit;

#define TS_TYPE_GRAPH_UNIT (ts_graph_unit_get_type ())
GType ts_graph_unit_get_type (void);

/* v in `unit` as people read it, localised (decimal separator from the
 * locale, a no-break space before the unit as g_format_size does), e.g.
 * for labels, legends and accessible descriptions.  NAN (unknown) gives an
 * em dash.  Returns a newly allocated string. */
char *ts_format_value (double      v,
                       TsGraphUnit unit);

/* How sizes are written everywhere (the "units" preference): IEC (KiB,
 * MiB) or SI (kB, MB, the default).  Process-wide; the application sets it
 * at start and when the preference changes. */
void             ts_units_set_size_flags (GFormatSizeFlags flags);
GFormatSizeFlags ts_units_get_size_flags (void);
/* °C to °F (NAN stays NAN). */
double ts_celsius_to_fahrenheit (double celsius);

G_END_DECLS
