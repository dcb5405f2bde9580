/* SPDX-License-Identifier: GPL-3.0-or-later */
/* taskscope-cli: shared helpers between the command files. */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "ts-platform.h"

G_BEGIN_DECLS

typedef struct
{
  TsPlatform *platform;
  gboolean    json;     /* --json: psutil's field names and units */
  GHashTable *user_names; /* uid -> UTF-8 name: NSS reads /etc/passwd per lookup */
} TsCli;

/* Each command gets the arguments after its name (argv[0] is the command)
 * and returns the exit status: 0 ok, 1 runtime error, 2 bad usage. */
typedef int (*TsCliCommand) (TsCli *cli, int argc, char **argv);

int ts_cli_cmd_processes (TsCli *cli, int argc, char **argv);
int ts_cli_cmd_process   (TsCli *cli, int argc, char **argv);
int ts_cli_cmd_environ   (TsCli *cli, int argc, char **argv);
int ts_cli_cmd_mem       (TsCli *cli, int argc, char **argv);
int ts_cli_cmd_system    (TsCli *cli, int argc, char **argv);
int ts_cli_cmd_disks     (TsCli *cli, int argc, char **argv);
int ts_cli_cmd_net       (TsCli *cli, int argc, char **argv);
int ts_cli_cmd_sensors   (TsCli *cli, int argc, char **argv);

/* The user name of a uid, valid UTF-8, looked up once per uid. */
const char *ts_cli_user_name (TsCli *cli, guint32 uid);
/* Prints "taskscope-cli: <message>" on stderr; returns status. */
int    ts_cli_fail          (int status, const char *format, ...) G_GNUC_PRINTF (2, 3);
/* Prints the platform error's text with a prefix; returns 1. */
int    ts_cli_fail_platform (const char *what, const TsPlatformError *err);
/* Bytes from the OS as valid UTF-8: invalid sequences become U+FFFD. */
char  *ts_cli_utf8          (const char *bytes, gssize len);
/* "12.3 MiB" (IEC). */
char  *ts_cli_format_bytes  (guint64 bytes);
/* Writes the node as pretty JSON and a newline on stdout; takes ownership. */
void   ts_cli_print_json    (JsonNode *node);
/* Parses a PID argument; false on anything but a positive integer. */
gboolean ts_cli_parse_pid   (const char *arg, TsPid *out);

/* A plain text table: columns are left-aligned unless the header starts with '>',
 * which right-aligns them (the '>' is not printed). */
typedef struct _TsCliTable TsCliTable;
TsCliTable *ts_cli_table_new      (const char *first_header, ...) G_GNUC_NULL_TERMINATED;
/* Takes ownership of the strings; exactly one per column. */
void        ts_cli_table_add_row  (TsCliTable *table, ...);
void        ts_cli_table_print    (TsCliTable *table);
void        ts_cli_table_free     (TsCliTable *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsCliTable, ts_cli_table_free)

G_END_DECLS
