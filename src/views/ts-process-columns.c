/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-process-columns"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ts-process-columns.h"
#include "ts-process-private.h"

static const TsColumnDef columns[] = {
  { "name",       N_("Name"),         "name",            TS_COLUMN_STRING, TS_PF_NAME,         FALSE, FALSE, 280 },
  { "pid",        N_("PID"),          "pid",             TS_COLUMN_INT,    0,                  TRUE,  FALSE, 0 },
  { "user",       N_("User"),         "user",            TS_COLUMN_STRING, TS_PF_UIDS,         FALSE, FALSE, 0 },
  { "state",      N_("State"),        "state",           TS_COLUMN_STRING, TS_PF_STATUS,       FALSE, FALSE, 0 },
  { "cpu",        N_("CPU"),          "cpu-percent",     TS_COLUMN_DOUBLE, TS_PF_CPU_TIMES,    TRUE,  FALSE, 90 },
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

/* --------------------------------------------------------------- cells */

typedef struct
{
  const TsColumnFormat *fmt;
  const TsColumnDef    *def;
  const char        *watch[6];  /* interned property names that change the cell */
} ColumnCtx;

static void
update_cell (GtkWidget *label, ColumnCtx *ctx, TsProcess *p)
{
  g_autofree char *tooltip = NULL;
  g_autofree char *text = NULL;
  gboolean dim = FALSE;

  text = ts_process_columns_format (ctx->def, ctx->fmt, p, &tooltip, &dim);
  gtk_label_set_text (GTK_LABEL (label), text);
  /* Setting a tooltip asks the X server where the pointer is (a round
   * trip): only when it changes. */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (label), tooltip) != 0)
    gtk_widget_set_tooltip_text (label, tooltip);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

static void
cell_notify_cb (TsProcess  *p,
                GParamSpec *pspec,
                GtkWidget  *label)
{
  ColumnCtx *ctx = g_object_get_data (G_OBJECT (label), "ts-ctx");

  for (guint i = 0; i < G_N_ELEMENTS (ctx->watch) && ctx->watch[i] != NULL; i++)
    if (ctx->watch[i] == pspec->name)
      {
        update_cell (label, ctx, p);
        return;
      }
}

static GtkWidget *
cell_label (GtkListItem *item, ColumnCtx *ctx)
{
  GtkWidget *child = gtk_list_item_get_child (item);

  if (GTK_IS_TREE_EXPANDER (child))
    return gtk_tree_expander_get_child (GTK_TREE_EXPANDER (child));
  return child;
}

static void
cell_setup (GtkSignalListItemFactory *factory, GtkListItem *item, ColumnCtx *ctx)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), ctx->def->numeric ? 1.0f : 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (ctx->def->numeric)
    gtk_widget_add_css_class (label, "numeric");
  g_object_set_data (G_OBJECT (label), "ts-ctx", ctx);
  g_object_set_data (G_OBJECT (label), "ts-list-item", item);

  if (strcmp (ctx->def->id, "name") == 0)
    {
      GtkWidget *expander = gtk_tree_expander_new ();

      gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), label);
      gtk_list_item_set_child (item, expander);
    }
  else
    gtk_list_item_set_child (item, label);
}

static void
cell_bind (GtkSignalListItemFactory *factory, GtkListItem *item, ColumnCtx *ctx)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  GtkWidget *label = cell_label (item, ctx);
  TsProcess *p = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
  gulong id;

  if (GTK_IS_TREE_EXPANDER (child))
    gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (child), row);
  /* A row whose process was removed while GTK was still binding it has no
   * item any more (seen under load in the ui tests): show nothing. */
  if (p == NULL)
    {
      gtk_label_set_text (GTK_LABEL (label), "");
      return;
    }
  update_cell (label, ctx, p);
  id = g_signal_connect_object (p, "notify", G_CALLBACK (cell_notify_cb), label, 0);
  g_object_set_data (G_OBJECT (label), "ts-handler", GSIZE_TO_POINTER ((gsize) id));
  g_object_set_data_full (G_OBJECT (label), "ts-process", p, g_object_unref);
}

static void
cell_unbind (GtkSignalListItemFactory *factory, GtkListItem *item, ColumnCtx *ctx)
{
  GtkWidget *child = gtk_list_item_get_child (item);
  GtkWidget *label = cell_label (item, ctx);
  TsProcess *p = g_object_get_data (G_OBJECT (label), "ts-process");
  gulong id = (gulong) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (label), "ts-handler"));

  if (p != NULL && id != 0)
    g_signal_handler_disconnect (p, id);
  g_object_set_data (G_OBJECT (label), "ts-handler", NULL);
  g_object_set_data (G_OBJECT (label), "ts-process", NULL);
  if (GTK_IS_TREE_EXPANDER (child))
    gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (child), NULL);
}

static void
watch_props (ColumnCtx *ctx)
{
  const char *id = ctx->def->id;
  guint n = 0;

  if (strcmp (id, "memory") == 0)
    {
      ctx->watch[n++] = g_intern_static_string ("uss");
      ctx->watch[n++] = g_intern_static_string ("pss");
      ctx->watch[n++] = g_intern_static_string ("rss");
      ctx->watch[n++] = g_intern_static_string ("rss-anon");
      ctx->watch[n++] = g_intern_static_string ("memory-full-valid");
    }
  else
    {
      ctx->watch[n++] = g_intern_string (ctx->def->property);
      if (g_str_has_prefix (id, "disk-"))
        ctx->watch[n++] = g_intern_static_string ("io-valid");
      if (strcmp (id, "pss") == 0 || strcmp (id, "swap") == 0)
        ctx->watch[n++] = g_intern_static_string ("memory-full-valid");
      if (strcmp (id, "ionice") == 0)
        ctx->watch[n++] = g_intern_static_string ("ionice-value");
      if (strcmp (id, "command") == 0)
        ctx->watch[n++] = g_intern_static_string ("name");
    }
}

/* -------------------------------------------------------------- sorting */


static guint64
memory_sort_value (TsProcess *p, gpointer user_data)
{
  const TsColumnFormat *fmt = user_data;

  return ts_process_columns_memory (p, fmt->memory_metric, NULL);
}

GtkSorter *
ts_process_columns_sorter (const TsColumnDef    *def,
                           const TsColumnFormat *fmt)
{
  GtkExpression *expr;

  if (def->property == NULL)
    {
      expr = gtk_cclosure_expression_new (G_TYPE_UINT64, NULL, 0, NULL,
                                          G_CALLBACK (memory_sort_value), (gpointer) fmt, NULL);
      return GTK_SORTER (gtk_numeric_sorter_new (expr));
    }
  expr = gtk_property_expression_new (TS_TYPE_PROCESS, NULL, def->property);
  if (def->type == TS_COLUMN_STRING)
    return GTK_SORTER (gtk_string_sorter_new (expr));
  return GTK_SORTER (gtk_numeric_sorter_new (expr));
}

TsProcess *
ts_process_columns_probe (const TsColumnDef *def,
                          gboolean           high,
                          int                memory_metric)
{
  TsProcessData d = { 0 };
  TsProcess *p;
  const char *id = def->id;
  int v = high ? 1 : 0;

  d.valid = TS_PF_ALL;
  d.wanted = TS_PF_ALL;
  d.pid = 1;
  d.name = (char *) "a";
  d.user = (char *) "a";
  d.command_line = (char *) "a";
  d.terminal = (char *) "a";
  d.state = TS_PROC_STATUS_RUNNING;
  d.cpu_num = 0;

  if (strcmp (id, "name") == 0) d.name = (char *) (high ? "b" : "a");
  else if (strcmp (id, "pid") == 0) d.pid = 1 + v;
  else if (strcmp (id, "user") == 0) d.user = (char *) (high ? "b" : "a");
  else if (strcmp (id, "state") == 0) d.state = high ? TS_PROC_STATUS_SLEEPING : TS_PROC_STATUS_RUNNING;
  /* Memory moves only the field its metric reads, so its probe does not
   * also move the RSS column (which made a Memory click save "rss"). */
  else if (strcmp (id, "memory") == 0 && memory_metric == 1) d.pss = (guint64) v;
  else if (strcmp (id, "memory") == 0 && memory_metric == 2) d.rss = (guint64) v;
  else if (strcmp (id, "memory") == 0) d.uss = (guint64) v;
  else if (strcmp (id, "rss") == 0) d.rss = (guint64) v;
  else if (strcmp (id, "threads") == 0) d.threads = v;
  else if (strcmp (id, "started") == 0) d.start_time = v;
  else if (strcmp (id, "command") == 0) d.command_line = (char *) (high ? "b" : "a");
  else if (strcmp (id, "pss") == 0) d.pss = (guint64) v;
  else if (strcmp (id, "virtual") == 0) d.vms = (guint64) v;
  else if (strcmp (id, "swap") == 0) d.swap = (guint64) v;
  else if (strcmp (id, "shared") == 0) d.shared = (guint64) v;
  else if (strcmp (id, "nice") == 0) d.nice = v;
  else if (strcmp (id, "ionice") == 0) d.ionice_class = v;
  else if (strcmp (id, "cpu-num") == 0) d.cpu_num = v;
  else if (strcmp (id, "terminal") == 0) d.terminal = (char *) (high ? "b" : "a");
  else if (strcmp (id, "ppid") == 0) d.ppid = v;

  p = ts_process_new (&d);
  /* Rates exist only between two readings. */
  if (strcmp (id, "cpu") == 0 || g_str_has_prefix (id, "disk-"))
    {
      d.cpu_seconds = strcmp (id, "cpu") == 0 ? v : 0;
      d.read_bytes = strcmp (id, "disk-read") == 0 ? (guint64) v : 0;
      d.write_bytes = strcmp (id, "disk-write") == 0 ? (guint64) v : 0;
      ts_process_update (p, &d, 1.0);
    }
  return p;
}

GtkListItemFactory *
ts_process_columns_factory (const TsColumnDef    *def,
                            const TsColumnFormat *fmt)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  ColumnCtx *ctx = g_new0 (ColumnCtx, 1);

  ctx->fmt = fmt;
  ctx->def = def;
  watch_props (ctx);
  g_object_set_data_full (G_OBJECT (factory), "ts-ctx", ctx, g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup), ctx);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), ctx);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind), ctx);
  return factory;
}
