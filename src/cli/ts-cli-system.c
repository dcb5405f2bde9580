/* SPDX-License-Identifier: GPL-3.0-or-later */
/* taskscope-cli system, disks, net. */
#define G_LOG_DOMAIN "taskscope-cli"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ts-cli.h"

/* Only --json (handled by main) may follow these commands. */
static gboolean
check_no_args (const char *command, int argc, char **argv)
{
  for (int i = 1; i < argc; i++)
    if (strcmp (argv[i], "--json") != 0)
      {
        ts_cli_fail (2, "%s: unexpected argument %s", command, argv[i]);
        return FALSE;
      }
  return TRUE;
}

static char *
error_text (const TsPlatformError *err)
{
  char text[512];

  ts_platform_error_format (err, text, sizeof text);
  return g_utf8_make_valid (text, -1);
}

static void
add_u64 (JsonBuilder *b, const char *name, guint64 v)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, (gint64) MIN (v, (guint64) G_MAXINT64));
}

static void
add_double (JsonBuilder *b, const char *name, double v)
{
  json_builder_set_member_name (b, name);
  json_builder_add_double_value (b, v);
}

static char *
fmt_u64 (guint64 v)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT, v);
}

static char *
fmt_double (double v, int decimals)
{
  return g_strdup_printf ("%.*f", decimals, v);
}

/* ------------------------------------------------------------------ system */

typedef struct
{
  TsCpuTimesAll   times;
  gboolean        times_ok;
  int             logical, physical;
  gboolean        count_ok;
  TsCpuFreq      *freq;
  size_t          n_freq;
  gboolean        freq_ok;
  TsVirtualMemory vm;
  gboolean        vm_ok;
  TsSwapMemory    swap;
  gboolean        swap_ok;
  double          load[3];
  gboolean        load_ok;
  double          boot;
  gboolean        boot_ok;
  /* psutil's function name -> error text, in reading order */
  GPtrArray      *error_names;
  GPtrArray      *error_texts;
} SystemInfo;

static void
note_error (SystemInfo *info, const char *name, const TsPlatformError *err)
{
  g_ptr_array_add (info->error_names, g_strdup (name));
  g_ptr_array_add (info->error_texts, error_text (err));
}

static void
system_info_read (TsPlatform *platform, SystemInfo *info)
{
  TsPlatformError err;

  memset (info, 0, sizeof *info);
  info->error_names = g_ptr_array_new_with_free_func (g_free);
  info->error_texts = g_ptr_array_new_with_free_func (g_free);

#define READ(ok, name, call) \
  G_STMT_START { \
    ts_platform_error_clear (&err); \
    info->ok = (call); \
    if (!info->ok) \
      note_error (info, name, &err); \
  } G_STMT_END

  READ (times_ok, "cpu_times", ts_platform_cpu_times (platform, &info->times, &err));
  READ (count_ok, "cpu_count", ts_platform_cpu_count (platform, &info->logical, &info->physical, &err));
  READ (freq_ok, "cpu_freq", ts_platform_cpu_freq (platform, &info->freq, &info->n_freq, &err));
  READ (vm_ok, "virtual_memory", ts_platform_virtual_memory (platform, &info->vm, &err));
  READ (swap_ok, "swap_memory", ts_platform_swap_memory (platform, &info->swap, &err));
  READ (load_ok, "loadavg", ts_platform_loadavg (platform, info->load, &err));
  READ (boot_ok, "boot_time", ts_platform_boot_time (platform, &info->boot, &err));

#undef READ
}

static void
system_info_clear (SystemInfo *info)
{
  ts_cpu_times_all_clear (&info->times);
  free (info->freq);
  g_ptr_array_unref (info->error_names);
  g_ptr_array_unref (info->error_texts);
}

static gboolean
system_info_any (const SystemInfo *info)
{
  return info->times_ok || info->count_ok || info->freq_ok || info->vm_ok
         || info->swap_ok || info->load_ok || info->boot_ok;
}

static void
build_cpu_times (JsonBuilder *b, const TsCpuTimes *t)
{
  json_builder_begin_object (b);
  add_double (b, "user", t->user);
  add_double (b, "nice", t->nice);
  add_double (b, "system", t->system);
  add_double (b, "idle", t->idle);
  add_double (b, "iowait", t->iowait);
  add_double (b, "irq", t->irq);
  add_double (b, "softirq", t->softirq);
  add_double (b, "steal", t->steal);
  add_double (b, "guest", t->guest);
  add_double (b, "guest_nice", t->guest_nice);
  json_builder_end_object (b);
}

static void
print_system_json (const SystemInfo *info)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);

  json_builder_set_member_name (b, "cpu_times");
  if (info->times_ok)
    build_cpu_times (b, &info->times.total);
  else
    json_builder_add_null_value (b);

  json_builder_set_member_name (b, "cpu_times_percpu");
  if (info->times_ok)
    {
      json_builder_begin_array (b);
      for (size_t i = 0; i < info->times.n_cpu; i++)
        build_cpu_times (b, &info->times.per_cpu[i]);
      json_builder_end_array (b);
    }
  else
    json_builder_add_null_value (b);

  json_builder_set_member_name (b, "cpu_count");
  if (info->count_ok)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "logical");
      json_builder_add_int_value (b, info->logical);
      /* psutil.cpu_count(logical=False) is None when it cannot tell. */
      json_builder_set_member_name (b, "physical");
      if (info->physical > 0)
        json_builder_add_int_value (b, info->physical);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);

  json_builder_set_member_name (b, "cpu_freq");
  if (info->freq_ok)
    {
      json_builder_begin_array (b);
      for (size_t i = 0; i < info->n_freq; i++)
        {
          json_builder_begin_object (b);
          add_double (b, "current", info->freq[i].current);
          add_double (b, "min", info->freq[i].min);
          add_double (b, "max", info->freq[i].max);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  else
    json_builder_add_null_value (b);

  json_builder_set_member_name (b, "virtual_memory");
  if (info->vm_ok)
    {
      const TsVirtualMemory *m = &info->vm;

      json_builder_begin_object (b);
      add_u64 (b, "total", m->total);
      add_u64 (b, "available", m->available);
      add_double (b, "percent", m->percent);
      add_u64 (b, "used", m->used);
      add_u64 (b, "free", m->free);
      add_u64 (b, "active", m->active);
      add_u64 (b, "inactive", m->inactive);
      add_u64 (b, "buffers", m->buffers);
      add_u64 (b, "cached", m->cached);
      add_u64 (b, "shared", m->shared);
      add_u64 (b, "slab", m->slab);
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);

  json_builder_set_member_name (b, "swap_memory");
  if (info->swap_ok)
    {
      const TsSwapMemory *s = &info->swap;

      json_builder_begin_object (b);
      add_u64 (b, "total", s->total);
      add_u64 (b, "used", s->used);
      add_u64 (b, "free", s->free);
      add_double (b, "percent", s->percent);
      add_u64 (b, "sin", s->sin);
      add_u64 (b, "sout", s->sout);
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);

  json_builder_set_member_name (b, "loadavg");
  if (info->load_ok)
    {
      json_builder_begin_array (b);
      for (int i = 0; i < 3; i++)
        json_builder_add_double_value (b, info->load[i]);
      json_builder_end_array (b);
    }
  else
    json_builder_add_null_value (b);

  json_builder_set_member_name (b, "boot_time");
  if (info->boot_ok)
    json_builder_add_double_value (b, info->boot);
  else
    json_builder_add_null_value (b);

  /* Always there, so a reader need not test for it. */
  json_builder_set_member_name (b, "errors");
  json_builder_begin_object (b);
  for (guint i = 0; i < info->error_names->len; i++)
    {
      json_builder_set_member_name (b, g_ptr_array_index (info->error_names, i));
      json_builder_add_string_value (b, g_ptr_array_index (info->error_texts, i));
    }
  json_builder_end_object (b);

  json_builder_end_object (b);
  ts_cli_print_json (json_builder_get_root (b));
}

static void
add_times_row (TsCliTable *table, const char *label, const TsCpuTimes *t)
{
  ts_cli_table_add_row (table, g_strdup (label),
                        fmt_double (t->user, 2), fmt_double (t->nice, 2),
                        fmt_double (t->system, 2), fmt_double (t->idle, 2),
                        fmt_double (t->iowait, 2), fmt_double (t->irq, 2),
                        fmt_double (t->softirq, 2), fmt_double (t->steal, 2),
                        fmt_double (t->guest, 2), fmt_double (t->guest_nice, 2));
}

static void
add_bytes_row (TsCliTable *table, const char *label, guint64 bytes)
{
  ts_cli_table_add_row (table, g_strdup (label), ts_cli_format_bytes (bytes), fmt_u64 (bytes));
}

static void
print_system_text (const SystemInfo *info)
{
  gboolean first = TRUE;

#define SECTION(title) \
  G_STMT_START { \
    if (!first) \
      fputc ('\n', stdout); \
    first = FALSE; \
    puts (title); \
  } G_STMT_END

  if (info->times_ok)
    {
      g_autoptr(TsCliTable) t = ts_cli_table_new ("CPU", ">user", ">nice", ">system", ">idle",
                                                  ">iowait", ">irq", ">softirq", ">steal",
                                                  ">guest", ">guest_nice", NULL);

      SECTION ("CPU times (seconds since boot)");
      add_times_row (t, "total", &info->times.total);
      for (size_t i = 0; i < info->times.n_cpu; i++)
        {
          g_autofree char *label = g_strdup_printf ("cpu%" G_GSIZE_FORMAT, i);

          add_times_row (t, label, &info->times.per_cpu[i]);
        }
      ts_cli_table_print (t);
    }

  if (info->count_ok)
    {
      SECTION ("CPU count");
      if (info->physical > 0)
        printf ("%d logical, %d physical cores\n", info->logical, info->physical);
      else
        printf ("%d logical, physical cores unknown\n", info->logical);
    }

  if (info->freq_ok)
    {
      g_autoptr(TsCliTable) t = ts_cli_table_new ("CPU", ">current MHz", ">min MHz", ">max MHz", NULL);

      SECTION ("CPU frequency");
      for (size_t i = 0; i < info->n_freq; i++)
        ts_cli_table_add_row (t, g_strdup_printf ("%" G_GSIZE_FORMAT, i),
                              fmt_double (info->freq[i].current, 1),
                              info->freq[i].min > 0 ? fmt_double (info->freq[i].min, 1) : g_strdup ("-"),
                              info->freq[i].max > 0 ? fmt_double (info->freq[i].max, 1) : g_strdup ("-"));
      ts_cli_table_print (t);
    }

  if (info->vm_ok)
    {
      const TsVirtualMemory *m = &info->vm;
      g_autoptr(TsCliTable) t = ts_cli_table_new ("Memory", ">size", ">bytes", NULL);

      SECTION ("Memory");
      add_bytes_row (t, "total", m->total);
      add_bytes_row (t, "available", m->available);
      add_bytes_row (t, "used", m->used);
      add_bytes_row (t, "free", m->free);
      add_bytes_row (t, "active", m->active);
      add_bytes_row (t, "inactive", m->inactive);
      add_bytes_row (t, "buffers", m->buffers);
      add_bytes_row (t, "cached", m->cached);
      add_bytes_row (t, "shared", m->shared);
      add_bytes_row (t, "slab", m->slab);
      ts_cli_table_add_row (t, g_strdup ("percent"), g_strdup_printf ("%.1f %%", m->percent), g_strdup (""));
      ts_cli_table_print (t);
    }

  if (info->swap_ok)
    {
      const TsSwapMemory *s = &info->swap;
      g_autoptr(TsCliTable) t = ts_cli_table_new ("Swap", ">size", ">bytes", NULL);

      SECTION ("Swap");
      add_bytes_row (t, "total", s->total);
      add_bytes_row (t, "used", s->used);
      add_bytes_row (t, "free", s->free);
      add_bytes_row (t, "swapped in", s->sin);
      add_bytes_row (t, "swapped out", s->sout);
      ts_cli_table_add_row (t, g_strdup ("percent"), g_strdup_printf ("%.1f %%", s->percent), g_strdup (""));
      ts_cli_table_print (t);
    }

  if (info->load_ok)
    {
      SECTION ("Load average (1, 5, 15 minutes)");
      printf ("%.2f %.2f %.2f\n", info->load[0], info->load[1], info->load[2]);
    }

  if (info->boot_ok)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local ((gint64) info->boot);
      g_autofree char *when = dt != NULL ? g_date_time_format (dt, "%Y-%m-%d %H:%M:%S %z") : NULL;

      SECTION ("Boot time");
      printf ("%s (%.0f seconds since the epoch)\n", when != NULL ? when : "?", info->boot);
    }

#undef SECTION
}

int
ts_cli_cmd_system (TsCli *cli, int argc, char **argv)
{
  SystemInfo info;
  int status;

  if (!check_no_args ("system", argc, argv))
    return 2;

  system_info_read (cli->platform, &info);
  if (cli->json)
    print_system_json (&info);
  else
    print_system_text (&info);

  /* Errors go to stderr in both modes; JSON also carries them. */
  for (guint i = 0; i < info.error_names->len; i++)
    ts_cli_fail (1, "%s: %s", (const char *) g_ptr_array_index (info.error_names, i),
                 (const char *) g_ptr_array_index (info.error_texts, i));

  status = system_info_any (&info) ? 0 : 1;
  system_info_clear (&info);
  return status;
}

/* ------------------------------------------------------------------- disks */

int
ts_cli_cmd_disks (TsCli *cli, int argc, char **argv)
{
  TsPlatformError err;
  TsDiskIo *disks = NULL;
  size_t n = 0;

  if (!check_no_args ("disks", argc, argv))
    return 2;

  ts_platform_error_clear (&err);
  if (!ts_platform_disk_io (cli->platform, &disks, &n, &err))
    return ts_cli_fail_platform ("disk_io_counters", &err);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      /* psutil.disk_io_counters(perdisk=True): partitions included. */
      json_builder_begin_object (b);
      for (size_t i = 0; i < n; i++)
        {
          const TsDiskIo *d = &disks[i];
          g_autofree char *name = ts_cli_utf8 (d->name, -1);

          json_builder_set_member_name (b, name);
          json_builder_begin_object (b);
          add_u64 (b, "read_count", d->read_count);
          add_u64 (b, "write_count", d->write_count);
          add_u64 (b, "read_bytes", d->read_bytes);
          add_u64 (b, "write_bytes", d->write_bytes);
          add_u64 (b, "read_time", d->read_time_ms);
          add_u64 (b, "write_time", d->write_time_ms);
          add_u64 (b, "read_merged_count", d->read_merged_count);
          add_u64 (b, "write_merged_count", d->write_merged_count);
          add_u64 (b, "busy_time", d->busy_time_ms);
          json_builder_end_object (b);
        }
      json_builder_end_object (b);
      ts_cli_print_json (json_builder_get_root (b));
    }
  else
    {
      g_autoptr(TsCliTable) t = ts_cli_table_new ("Device", "Disk", ">Reads", ">Writes",
                                                  ">Read", ">Written",
                                                  ">Read ms", ">Write ms",
                                                  ">Reads merged", ">Writes merged",
                                                  ">Busy ms", NULL);

      for (size_t i = 0; i < n; i++)
        {
          const TsDiskIo *d = &disks[i];

          ts_cli_table_add_row (t, ts_cli_utf8 (d->name, -1),
                                d->is_partition ? ts_cli_utf8 (d->parent[0] ? d->parent : "?", -1)
                                                : g_strdup ("-"),
                                fmt_u64 (d->read_count), fmt_u64 (d->write_count),
                                ts_cli_format_bytes (d->read_bytes),
                                ts_cli_format_bytes (d->write_bytes),
                                fmt_u64 (d->read_time_ms), fmt_u64 (d->write_time_ms),
                                fmt_u64 (d->read_merged_count), fmt_u64 (d->write_merged_count),
                                fmt_u64 (d->busy_time_ms));
        }
      ts_cli_table_print (t);
    }

  free (disks);
  return 0;
}

/* --------------------------------------------------------------------- net */

int
ts_cli_cmd_net (TsCli *cli, int argc, char **argv)
{
  TsPlatformError err;
  TsNetIo *nics = NULL;
  size_t n = 0;

  if (!check_no_args ("net", argc, argv))
    return 2;

  ts_platform_error_clear (&err);
  if (!ts_platform_net_io (cli->platform, &nics, &n, &err))
    return ts_cli_fail_platform ("net_io_counters", &err);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      /* psutil.net_io_counters(pernic=True). */
      json_builder_begin_object (b);
      for (size_t i = 0; i < n; i++)
        {
          const TsNetIo *x = &nics[i];
          g_autofree char *name = ts_cli_utf8 (x->name, -1);

          json_builder_set_member_name (b, name);
          json_builder_begin_object (b);
          add_u64 (b, "bytes_sent", x->bytes_sent);
          add_u64 (b, "bytes_recv", x->bytes_recv);
          add_u64 (b, "packets_sent", x->packets_sent);
          add_u64 (b, "packets_recv", x->packets_recv);
          add_u64 (b, "errin", x->errin);
          add_u64 (b, "errout", x->errout);
          add_u64 (b, "dropin", x->dropin);
          add_u64 (b, "dropout", x->dropout);
          json_builder_end_object (b);
        }
      json_builder_end_object (b);
      ts_cli_print_json (json_builder_get_root (b));
    }
  else
    {
      g_autoptr(TsCliTable) t = ts_cli_table_new ("Interface", ">Sent", ">Received",
                                                  ">Packets sent", ">Packets received",
                                                  ">Errors in", ">Errors out",
                                                  ">Dropped in", ">Dropped out", NULL);

      for (size_t i = 0; i < n; i++)
        {
          const TsNetIo *x = &nics[i];

          ts_cli_table_add_row (t, ts_cli_utf8 (x->name, -1),
                                ts_cli_format_bytes (x->bytes_sent),
                                ts_cli_format_bytes (x->bytes_recv),
                                fmt_u64 (x->packets_sent), fmt_u64 (x->packets_recv),
                                fmt_u64 (x->errin), fmt_u64 (x->errout),
                                fmt_u64 (x->dropin), fmt_u64 (x->dropout));
        }
      ts_cli_table_print (t);
    }

  free (nics);
  return 0;
}
