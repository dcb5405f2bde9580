/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One entry of a process's environment, for the Environment page. */

#define TS_TYPE_ENV_VAR (ts_env_var_get_type ())

G_DECLARE_FINAL_TYPE (TsEnvVar, ts_env_var, TS, ENV_VAR, GObject)

typedef enum
{
  TS_ENV_SAME = 0,   /* also: no comparison made */
  TS_ENV_ADDED,      /* in the process, not in its parent */
  TS_ENV_CHANGED,    /* in both, other value */
  TS_ENV_REMOVED,    /* in the parent only */
} TsEnvDiff;

/* Name and value as UTF-8 for display: invalid bytes become U+FFFD.  An
 * entry without '=' has the whole entry as its name and a NULL value. */
const char *ts_env_var_get_name         (TsEnvVar *self);
const char *ts_env_var_get_value        (TsEnvVar *self);
/* The entry's bytes as the kernel gave them (NAME=VALUE or the bare entry). */
GBytes     *ts_env_var_get_raw          (TsEnvVar *self);
gboolean    ts_env_var_get_invalid_utf8 (TsEnvVar *self);
gboolean    ts_env_var_get_has_equals   (TsEnvVar *self);
TsEnvDiff   ts_env_var_get_diff         (TsEnvVar *self);
/* For CHANGED: the parent's value (display form); NULL otherwise. */
const char *ts_env_var_get_parent_value (TsEnvVar *self);
/* "NAME=VALUE" (display form), or the bare entry. */
char       *ts_env_var_dup_line         (TsEnvVar *self);

/* Splits environ bytes (NAME=VALUE entries, each NUL-terminated, the last
 * maybe not) into TsEnvVar items sorted by name (bytewise, stable).
 * parent: the parent's environ, or NULL for no comparison; when given,
 * entries get their TsEnvDiff and the parent's entries missing from the
 * process are added as REMOVED. */
GListStore *ts_environment_parse (const char *env,
                                  gsize       len,
                                  const char *parent,
                                  gsize       parent_len);

/* Shell lines that recreate the variables: "export NAME='value'\n" each.
 * raw: the original bytes (for a file); otherwise the display form (for the
 * clipboard, which takes UTF-8).  REMOVED entries are left out; an entry
 * without '=' or whose name is not a shell identifier becomes a comment. */
char       *ts_environment_to_export (GListModel *vars,
                                      gboolean    raw,
                                      gsize      *len_out);

G_END_DECLS
