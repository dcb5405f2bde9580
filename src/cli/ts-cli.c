/* SPDX-License-Identifier: GPL-3.0-or-later */
/* taskscope-cli: the backend on the command line. */
#define G_LOG_DOMAIN "taskscope-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "ts-cli.h"

int
ts_cli_fail (int status, const char *format, ...)
{
  g_autofree char *msg = NULL;
  va_list ap;

  va_start (ap, format);
  msg = g_strdup_vprintf (format, ap);
  va_end (ap);
  fprintf (stderr, "taskscope-cli: %s\n", msg);
  return status;
}

int
ts_cli_fail_platform (const char *what, const TsPlatformError *err)
{
  char text[512];
  g_autofree char *valid = NULL;

  ts_platform_error_format (err, text, sizeof text);
  valid = g_utf8_make_valid (text, -1);
  return ts_cli_fail (1, "%s: %s", what, valid);
}

char *
ts_cli_utf8 (const char *bytes, gssize len)
{
  if (bytes == NULL)
    return g_strdup ("");
  return g_utf8_make_valid (bytes, len);
}

char *
ts_cli_format_bytes (guint64 bytes)
{
  return g_format_size_full (bytes, G_FORMAT_SIZE_IEC_UNITS);
}

void
ts_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  json_generator_set_root (gen, node);
  text = json_generator_to_data (gen, NULL);
  fputs (text, stdout);
  fputc ('\n', stdout);
  json_node_unref (node);
}

const char *
ts_cli_user_name (TsCli *cli, guint32 uid)
{
  char *name = g_hash_table_lookup (cli->user_names, GUINT_TO_POINTER (uid));

  if (name == NULL)
    {
      char buf[256];

      ts_platform_user_name (uid, buf, sizeof buf);
      name = ts_cli_utf8 (buf, -1);
      g_hash_table_insert (cli->user_names, GUINT_TO_POINTER (uid), name);
    }
  return name;
}

gboolean
ts_cli_parse_pid (const char *arg, TsPid *out)
{
  guint64 v;

  if (arg == NULL || !g_ascii_string_to_unsigned (arg, 10, 1, G_MAXINT32, &v, NULL))
    return FALSE;
  *out = (TsPid) v;
  return TRUE;
}

/* ------------------------------------------------------------------ tables */

struct _TsCliTable
{
  GPtrArray *headers;  /* char*, without the '>' marker */
  GArray    *right;    /* gboolean per column */
  GPtrArray *cells;    /* char*, row-major */
};

TsCliTable *
ts_cli_table_new (const char *first_header, ...)
{
  TsCliTable *table = g_new0 (TsCliTable, 1);
  va_list ap;

  table->headers = g_ptr_array_new_with_free_func (g_free);
  table->right = g_array_new (FALSE, FALSE, sizeof (gboolean));
  table->cells = g_ptr_array_new_with_free_func (g_free);

  va_start (ap, first_header);
  for (const char *h = first_header; h != NULL; h = va_arg (ap, const char *))
    {
      gboolean right = h[0] == '>';

      g_ptr_array_add (table->headers, g_strdup (right ? h + 1 : h));
      g_array_append_val (table->right, right);
    }
  va_end (ap);
  return table;
}

void
ts_cli_table_add_row (TsCliTable *table, ...)
{
  va_list ap;

  va_start (ap, table);
  for (guint i = 0; i < table->headers->len; i++)
    g_ptr_array_add (table->cells, va_arg (ap, char *));
  va_end (ap);
}

static void
print_cell (const char *text, gsize width, gboolean right, gboolean last)
{
  glong chars = g_utf8_strlen (text, -1);
  gsize pad = width > (gsize) chars ? width - (gsize) chars : 0;

  if (right)
    printf ("%*s%s", (int) pad, "", text);
  else if (last)
    fputs (text, stdout);
  else
    printf ("%s%*s", text, (int) pad, "");
}

void
ts_cli_table_print (TsCliTable *table)
{
  guint ncol = table->headers->len;
  guint nrow = ncol > 0 ? table->cells->len / ncol : 0;
  g_autofree gsize *width = g_new0 (gsize, ncol);

  for (guint c = 0; c < ncol; c++)
    width[c] = (gsize) g_utf8_strlen (g_ptr_array_index (table->headers, c), -1);
  for (guint r = 0; r < nrow; r++)
    for (guint c = 0; c < ncol; c++)
      {
        const char *cell = g_ptr_array_index (table->cells, r * ncol + c);
        gsize w = cell != NULL ? (gsize) g_utf8_strlen (cell, -1) : 0;

        width[c] = MAX (width[c], w);
      }

  for (guint r = 0; r <= nrow; r++)
    {
      for (guint c = 0; c < ncol; c++)
        {
          const char *cell = r == 0 ? g_ptr_array_index (table->headers, c)
                                    : g_ptr_array_index (table->cells, (r - 1) * ncol + c);

          if (c > 0)
            fputs ("  ", stdout);
          print_cell (cell != NULL ? cell : "", width[c],
                      g_array_index (table->right, gboolean, c), c + 1 == ncol);
        }
      fputc ('\n', stdout);
    }
}

void
ts_cli_table_free (TsCliTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->headers);
  g_array_unref (table->right);
  g_ptr_array_unref (table->cells);
  g_free (table);
}

/* -------------------------------------------------------------------- main */

static const struct
{
  const char   *name;
  TsCliCommand  func;
  const char   *usage;
} commands[] = {
  { "processes", ts_cli_cmd_processes, "processes [--attrs a,b,c] [--memory-full]  every process" },
  { "process",   ts_cli_cmd_process,   "process PID                                everything about one process" },
  { "environ",   ts_cli_cmd_environ,   "environ PID                                its environment, NAME=VALUE" },
  { "mem",       ts_cli_cmd_mem,       "mem                                        processes by real memory (USS, PSS, swap)" },
  { "system",    ts_cli_cmd_system,    "system                                     CPU, memory, swap, load, boot time" },
  { "disks",     ts_cli_cmd_disks,     "disks                                      disk I/O counters" },
  { "net",       ts_cli_cmd_net,       "net                                        network interface counters" },
  { "sensors",   ts_cli_cmd_sensors,   "sensors                                    temperatures, fans, battery" },
};

static void
print_usage (FILE *out)
{
  fprintf (out,
           "Usage: taskscope-cli [--json] [--procfs DIR] [--sysfs DIR] COMMAND [ARGS]\n"
           "\n"
           "Commands:\n");
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %s\n", commands[i].usage);
  fprintf (out,
           "\n"
           "Options:\n"
           "  --json         machine-readable output with psutil's field names and units\n"
           "  --procfs DIR   read processes and system files from DIR instead of /proc\n"
           "  --sysfs DIR    read devices from DIR instead of /sys\n"
           "  --version      print the version\n"
           "  -h, --help     this help\n"
           "\n"
           "Exit status: 0 success, 1 runtime error (e.g. no such process), 2 bad usage.\n");
}

int
main (int argc, char **argv)
{
  const char *procfs = NULL, *sysfs = NULL;
  TsPlatformError err;
  TsCli cli = { 0 };
  int i, status;

  setlocale (LC_ALL, "");

  /* Global options come before the command; the command parses the rest. */
  for (i = 1; i < argc; i++)
    {
      const char *a = argv[i];

      if (strcmp (a, "--json") == 0)
        cli.json = TRUE;
      else if (strcmp (a, "--procfs") == 0 || strcmp (a, "--sysfs") == 0)
        {
          if (i + 1 >= argc)
            return ts_cli_fail (2, "%s needs a directory", a);
          if (a[2] == 'p')
            procfs = argv[++i];
          else
            sysfs = argv[++i];
        }
      else if (g_str_has_prefix (a, "--procfs="))
        procfs = a + strlen ("--procfs=");
      else if (g_str_has_prefix (a, "--sysfs="))
        sysfs = a + strlen ("--sysfs=");
      else if (strcmp (a, "--version") == 0)
        {
          printf ("taskscope-cli %s\n", PACKAGE_VERSION);
          return 0;
        }
      else if (strcmp (a, "-h") == 0 || strcmp (a, "--help") == 0)
        {
          print_usage (stdout);
          return 0;
        }
      else if (a[0] == '-')
        {
          ts_cli_fail (2, "unknown option %s", a);
          print_usage (stderr);
          return 2;
        }
      else
        break;
    }

  if (i >= argc)
    {
      print_usage (stderr);
      return 2;
    }

  for (gsize c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      if (strcmp (argv[i], commands[c].name) != 0)
        continue;

      /* --json may also follow the command. */
      for (int j = i + 1; j < argc; j++)
        if (strcmp (argv[j], "--json") == 0)
          cli.json = TRUE;

      cli.platform = ts_platform_new (procfs, sysfs, &err);
      if (cli.platform == NULL)
        return ts_cli_fail_platform ("cannot start", &err);
      /* One pass: a kept descriptor would never be read again, only closed
       * at exit (bench/README.md measured the cost). */
      ts_platform_set_keep_fds (cli.platform, false);
      cli.user_names = g_hash_table_new_full (NULL, NULL, NULL, g_free);
      status = commands[c].func (&cli, argc - i, argv + i);
      g_hash_table_unref (cli.user_names);
      ts_platform_free (cli.platform);
      fflush (stdout);
      return status;
    }

  ts_cli_fail (2, "unknown command %s", argv[i]);
  print_usage (stderr);
  return 2;
}
