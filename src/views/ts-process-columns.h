/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ts-process.h"

G_BEGIN_DECLS

typedef enum
{
  TS_COLUMN_STRING,
  TS_COLUMN_INT,
  TS_COLUMN_UINT64,
  TS_COLUMN_DOUBLE,
} TsColumnType;

typedef struct
{
  const char   *id;          /* GSettings name */
  const char   *title;       /* translatable */
  const char   *property;    /* TsProcess property it sorts by */
  TsColumnType  type;
  guint32       fields;      /* what the platform must read for it */
  gboolean      numeric;     /* right-aligned */
  gboolean      expand;
  int           width;       /* fixed width in px, 0 for natural */
} TsColumnDef;

/* How cells format their values; shared by all columns of one view. */
typedef struct
{
  int           n_cpus;
  gboolean      cpu_total;    /* divide by n_cpus */
  int           memory_metric; /* 0 uss, 1 pss, 2 rss */
  GFormatSizeFlags size_flags;
} TsColumnFormat;

const TsColumnDef *ts_process_columns_get     (guint *n_columns);
const TsColumnDef *ts_process_columns_lookup  (const char *id);
/* The text of a cell; tooltip (may be NULL) set for estimates and errors. */
char              *ts_process_columns_format  (const TsColumnDef    *def,
                                               const TsColumnFormat *fmt,
                                               TsProcess            *process,
                                               char                **tooltip,
                                               gboolean             *dim);
/* The cells of one column: labels that follow their process's notify
 * signals.  fmt must outlive the factory. */
GtkListItemFactory *ts_process_columns_factory (const TsColumnDef    *def,
                                               const TsColumnFormat *fmt);
GtkSorter         *ts_process_columns_sorter  (const TsColumnDef    *def,
                                               const TsColumnFormat *fmt);
/* A process whose value in def's column is low or high and equal in every
 * other column: comparing two through the view's sorter tells whether that
 * column sorts and which way (GTK 4.8 has no getter for it). */
TsProcess         *ts_process_columns_probe   (const TsColumnDef    *def,
                                               gboolean              high,
                                               int                   memory_metric);
/* The memory value the Memory column shows under the given metric. */
guint64            ts_process_columns_memory  (TsProcess *process,
                                               int        metric,
                                               gboolean  *estimated);

G_END_DECLS
