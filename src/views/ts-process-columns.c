/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-process-columns"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ts-process-columns.h"

static const TsColumnDef columns[] = {
  { "name",       N_("Name"),         "name",            TS_COLUMN_STRING, TS_PF_NAME,         FALSE, FALSE, 220 },
  { "pid",        N_("PID"),          "pid",             TS_COLUMN_INT,    0,                  TRUE,  FALSE, 0 },
  { "user",       N_("User"),         "user",            TS_COLUMN_STRING, TS_PF_UIDS,         FALSE, FALSE, 0 },
  { "state",      N_("State"),        "state",           TS_COLUMN_STRING, TS_PF_STATUS,       FALSE, FALSE, 0 },
  { "cpu",        N_("CPU"),          "cpu-percent",     TS_COLUMN_DOUBLE, TS_PF_CPU_TIMES,    TRUE,  FALSE, 0 },
  { "memory",     N_("Memory"),       NULL,              TS_COLUMN_UINT64, TS_PF_MEMORY_FULL | TS_PF_RSS_ANON | TS_PF_MEMORY_INFO, TRUE, FALSE, 0 },
  { "threads",    N_("Threads"),      "threads",         TS_COLUMN_INT,    TS_PF_NUM_THREADS,  TRUE,  FALSE, 0 },
  { "disk-read",  N_("Disk Read"),    "disk-read-rate",  TS_COLUMN_DOUBLE, TS_PF_IO_COUNTERS,  TRUE,  FALSE, 0 },
  { "disk-write", N_("Disk Write"),   "disk-write-rate", TS_COLUMN_DOUBLE, TS_PF_IO_COUNTERS,  TRUE,  FALSE, 0 },
  { "started",    N_("Started"),      "start-time",      TS_COLUMN_DOUBLE, TS_PF_CREATE_TIME,  TRUE,  FALSE, 0 },
  { "command",    N_("Command"),      "command-line",    TS_COLUMN_STRING, TS_PF_CMDLINE,      FALSE, TRUE,  0 },
  { "pss",        N_("PSS"),          "pss",             TS_COLUMN_UINT64, TS_PF_MEMORY_FULL,  TRUE,  FALSE, 0 },
  { "rss",        N_("RSS"),          "rss",             TS_COLUMN_UINT64, TS_PF_MEMORY_INFO,  TRUE,  FALSE, 0 },
  { "virtual",    N_("Virtual"),      "vms",             TS_COLUMN_UINT64, TS_PF_MEMORY_INFO,  TRUE,  FALSE, 0 },
  { "swap",       N_("Swap"),         "swap",            TS_COLUMN_UINT64, TS_PF_MEMORY_FULL,  TRUE,  FALSE, 0 },
  { "shared",     N_("Shared"),       "shared",          TS_COLUMN_UINT64, TS_PF_MEMORY_INFO,  TRUE,  FALSE, 0 },
  { "nice",       N_("Nice"),         "nice",            TS_COLUMN_INT,    TS_PF_NICE,         TRUE,  FALSE, 0 },
  { "ionice",     N_("I/O Priority"), "ionice-class",    TS_COLUMN_INT,    TS_PF_IONICE,       FALSE, FALSE, 0 },
  { "cpu-num",    N_("CPU Number"),   "cpu-num",         TS_COLUMN_INT,    TS_PF_CPU_NUM,      TRUE,  FALSE, 0 },
  { "terminal",   N_("Terminal"),     "terminal",        TS_COLUMN_STRING, TS_PF_TERMINAL,     FALSE, FALSE, 0 },
  { "ppid",       N_("Parent PID"),   "ppid",            TS_COLUMN_INT,    TS_PF_PPID,         TRUE,  FALSE, 0 },
};

const TsColumnDef *
ts_process_columns_get (guint *n_columns)
{
  *n_columns = G_N_ELEMENTS (columns);
  return columns;
}

const TsColumnDef *
ts_process_columns_lookup (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (g_strcmp0 (columns[i].id, id) == 0)
      return &columns[i];
  return NULL;
}

guint64
ts_process_columns_memory (TsProcess *process,
                           int        metric,
                           gboolean  *estimated)
{
  gboolean full = ts_process_get_memory_full_valid (process);

  if (estimated != NULL)
    *estimated = FALSE;
  switch (metric)
    {
    case 2:
      return ts_process_get_rss (process);
    case 1:
      if (full)
        return ts_process_get_pss (process);
      G_GNUC_FALLTHROUGH;
    default:
      return ts_process_get_memory (process, estimated);
    }
}

static const char *
ionice_class_name (int cls)
{
  switch (cls)
    {
    case 1: return C_("I/O priority class", "Realtime");
    case 2: return C_("I/O priority class", "Best effort");
    case 3: return C_("I/O priority class", "Idle");
    default: return C_("I/O priority class", "Normal");
    }
}

static char *
format_started (double when)
{
  /* g_time_zone_new_local () checks /etc/localtime each time (a stat and a
   * readlink): once per process lifetime is enough for a column of times. */
  static GTimeZone *local;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (g_once_init_enter (&local))
    g_once_init_leave (&local, g_time_zone_new_local ());
  utc = g_date_time_new_from_unix_utc ((gint64) when);
  dt = utc != NULL ? g_date_time_to_timezone (utc, local) : NULL;
  now = g_date_time_new_now (local);

  if (dt == NULL || when <= 0)
    return g_strdup ("—");
  if (g_date_time_get_year (dt) == g_date_time_get_year (now)
      && g_date_time_get_day_of_year (dt) == g_date_time_get_day_of_year (now))
    return g_date_time_format (dt, "%X");
  return g_date_time_format (dt, "%x %H:%M");
}

char *
ts_process_columns_format (const TsColumnDef    *def,
                           const TsColumnFormat *fmt,
                           TsProcess            *p,
                           char                **tooltip,
                           gboolean             *dim)
{
  const char *id = def->id;

  *tooltip = NULL;
  *dim = FALSE;

  if (strcmp (id, "memory") == 0)
    {
      gboolean estimated = FALSE;
      guint64 v = ts_process_columns_memory (p, fmt->memory_metric, &estimated);
      g_autofree char *size = g_format_size_full (v, fmt->size_flags);

      if (!estimated)
        return g_steal_pointer (&size);
      *dim = TRUE;
      *tooltip = g_strdup (_("Estimate: this process's memory map is not readable, so this is its "
                             "anonymous resident memory (RssAnon) instead of its unique memory (USS)"));
      return g_strdup_printf ("≈ %s", size);
    }
  if (strcmp (id, "cpu") == 0)
    {
      double v = ts_process_get_cpu_percent (p);

      if (fmt->cpu_total && fmt->n_cpus > 0)
        v /= fmt->n_cpus;
      return g_strdup_printf ("%.1f %%", v);
    }
  if (strcmp (id, "disk-read") == 0 || strcmp (id, "disk-write") == 0)
    {
      g_autofree char *size = NULL;
      double v;

      if (!ts_process_get_io_valid (p))
        {
          *dim = TRUE;
          *tooltip = g_strdup (_("Not readable: the process belongs to another user"));
          return g_strdup ("—");
        }
      v = id[5] == 'r' ? ts_process_get_disk_read_rate (p) : ts_process_get_disk_write_rate (p);
      size = g_format_size_full ((guint64) v, fmt->size_flags);
      return g_strdup_printf (_("%s/s"), size);
    }
  if (strcmp (id, "started") == 0)
    return format_started (ts_process_get_start_time (p));
  if (strcmp (id, "ionice") == 0)
    {
      int cls = ts_process_get_ionice_class (p);

      if (cls == 1 || cls == 2)
        return g_strdup_printf ("%s (%d)", ionice_class_name (cls), ts_process_get_ionice_value (p));
      return g_strdup (ionice_class_name (cls));
    }
  if (strcmp (id, "pss") == 0 || strcmp (id, "swap") == 0)
    {
      if (!ts_process_get_memory_full_valid (p))
        {
          *dim = TRUE;
          *tooltip = g_strdup (_("Not readable: the process belongs to another user"));
          return g_strdup ("—");
        }
    }
  if (strcmp (id, "cpu-num") == 0 && ts_process_get_cpu_num (p) < 0)
    return g_strdup ("—");

  switch (def->type)
    {
    case TS_COLUMN_STRING:
      {
        g_auto(GValue) value = G_VALUE_INIT;
        const char *s;

        g_value_init (&value, G_TYPE_STRING);
        g_object_get_property (G_OBJECT (p), def->property, &value);
        s = g_value_get_string (&value);
        if (strcmp (id, "command") == 0 && (s == NULL || *s == '\0'))
          {
            *dim = TRUE;
            return g_strdup_printf ("[%s]", ts_process_get_name (p) ? ts_process_get_name (p) : "");
          }
        if (strcmp (id, "state") == 0 && s != NULL)
          return g_strdup (g_dpgettext2 (NULL, "process state", s));
        return g_strdup (s != NULL ? s : "");
      }
    case TS_COLUMN_INT:
      {
        g_auto(GValue) value = G_VALUE_INIT;

        g_value_init (&value, G_TYPE_INT);
        g_object_get_property (G_OBJECT (p), def->property, &value);
        return g_strdup_printf ("%d", g_value_get_int (&value));
      }
    case TS_COLUMN_UINT64:
      {
        g_auto(GValue) value = G_VALUE_INIT;

        g_value_init (&value, G_TYPE_UINT64);
        g_object_get_property (G_OBJECT (p), def->property, &value);
        return g_format_size_full (g_value_get_uint64 (&value), fmt->size_flags);
      }
    case TS_COLUMN_DOUBLE:
    default:
      {
        g_auto(GValue) value = G_VALUE_INIT;

        g_value_init (&value, G_TYPE_DOUBLE);
        g_object_get_property (G_OBJECT (p), def->property, &value);
        return g_strdup_printf ("%.1f", g_value_get_double (&value));
      }
    }
}
