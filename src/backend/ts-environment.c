/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-environment"

#include "config.h"

#include <string.h>

#include "ts-environment.h"

struct _TsEnvVar
{
  GObject    parent_instance;

  char      *name;
  char      *value;
  char      *parent_value;
  GBytes    *raw;
  gsize      name_len;       /* bytes of the name in raw */
  gboolean   invalid_utf8;
  gboolean   has_equals;
  TsEnvDiff  diff;
};

G_DEFINE_FINAL_TYPE (TsEnvVar, ts_env_var, G_TYPE_OBJECT)

static void
ts_env_var_finalize (GObject *object)
{
  TsEnvVar *self = TS_ENV_VAR (object);

  g_free (self->name);
  g_free (self->value);
  g_free (self->parent_value);
  g_clear_pointer (&self->raw, g_bytes_unref);
  G_OBJECT_CLASS (ts_env_var_parent_class)->finalize (object);
}

static void
ts_env_var_class_init (TsEnvVarClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ts_env_var_finalize;
}

static void
ts_env_var_init (TsEnvVar *self)
{
  (void) self;
}

const char *
ts_env_var_get_name (TsEnvVar *self)
{
  g_return_val_if_fail (TS_IS_ENV_VAR (self), NULL);
  return self->name;
}

const char *
ts_env_var_get_value (TsEnvVar *self)
{
  g_return_val_if_fail (TS_IS_ENV_VAR (self), NULL);
  return self->value;
}

GBytes *
ts_env_var_get_raw (TsEnvVar *self)
{
  g_return_val_if_fail (TS_IS_ENV_VAR (self), NULL);
  return self->raw;
}

gboolean
ts_env_var_get_invalid_utf8 (TsEnvVar *self)
{
  g_return_val_if_fail (TS_IS_ENV_VAR (self), FALSE);
  return self->invalid_utf8;
}

gboolean
ts_env_var_get_has_equals (TsEnvVar *self)
{
  g_return_val_if_fail (TS_IS_ENV_VAR (self), FALSE);
  return self->has_equals;
}

TsEnvDiff
ts_env_var_get_diff (TsEnvVar *self)
{
  g_return_val_if_fail (TS_IS_ENV_VAR (self), TS_ENV_SAME);
  return self->diff;
}

const char *
ts_env_var_get_parent_value (TsEnvVar *self)
{
  g_return_val_if_fail (TS_IS_ENV_VAR (self), NULL);
  return self->parent_value;
}

char *
ts_env_var_dup_line (TsEnvVar *self)
{
  g_return_val_if_fail (TS_IS_ENV_VAR (self), NULL);
  if (!self->has_equals)
    return g_strdup (self->name);
  return g_strconcat (self->name, "=", self->value, NULL);
}

static char *
display (const char *bytes,
         gsize       len,
         gboolean   *invalid)
{
  if (g_utf8_validate_len (bytes, len, NULL))
    return g_strndup (bytes, len);
  *invalid = TRUE;
  return g_utf8_make_valid (bytes, (gssize) len);
}

static TsEnvVar *
env_var_new (const char *entry,
             gsize       len)
{
  TsEnvVar *self = g_object_new (TS_TYPE_ENV_VAR, NULL);
  const char *eq = memchr (entry, '=', len);

  /* A leading '=' is part of the name: "=C:=C:\\" style entries have no
   * empty name.  Only an '=' after the first byte splits. */
  if (eq == entry && len > 1)
    eq = memchr (entry + 1, '=', len - 1);

  self->raw = g_bytes_new (entry, len);
  self->has_equals = eq != NULL;
  self->name_len = eq != NULL ? (gsize) (eq - entry) : len;
  self->name = display (entry, self->name_len, &self->invalid_utf8);
  if (eq != NULL)
    self->value = display (eq + 1, len - self->name_len - 1, &self->invalid_utf8);
  return self;
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  TsEnvVar *x = (TsEnvVar *) a, *y = (TsEnvVar *) b;
  gsize xl, yl;
  const char *xd = g_bytes_get_data (x->raw, &xl);
  const char *yd = g_bytes_get_data (y->raw, &yl);
  int c = memcmp (xd, yd, MIN (x->name_len, y->name_len));

  (void) user_data;
  if (c != 0)
    return c;
  return (x->name_len > y->name_len) - (x->name_len < y->name_len);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  return compare_names (*(TsEnvVar **) a, *(TsEnvVar **) b, NULL);
}

static GPtrArray *
split (const char *env,
       gsize       len)
{
  GPtrArray *vars = g_ptr_array_new_with_free_func (g_object_unref);
  gsize start = 0;

  if (env == NULL)
    return vars;
  for (gsize i = 0; i <= len; i++)
    if (i == len || env[i] == '\0')
      {
        if (i > start)
          g_ptr_array_add (vars, env_var_new (env + start, i - start));
        start = i + 1;
      }
  /* g_ptr_array_sort is stable: duplicate names keep the kernel's order. */
  g_ptr_array_sort (vars, compare_entries);
  return vars;
}

static gboolean
same_value (TsEnvVar *a,
            TsEnvVar *b)
{
  return g_bytes_equal (a->raw, b->raw);
}

GListStore *
ts_environment_parse (const char *env,
                      gsize       len,
                      const char *parent,
                      gsize       parent_len)
{
  g_autoptr(GPtrArray) mine = split (env, len);
  GListStore *store = g_list_store_new (TS_TYPE_ENV_VAR);
  g_autoptr(GPtrArray) out = g_ptr_array_new ();
  g_autoptr(GPtrArray) theirs = NULL;

  if (parent == NULL)
    {
      g_ptr_array_extend (out, mine, NULL, NULL);
    }
  else
    {
      guint i = 0, j = 0;

      theirs = split (parent, parent_len);

      /* Both sorted by name: one merge pass. */
      while (i < mine->len || j < theirs->len)
        {
          TsEnvVar *a = i < mine->len ? mine->pdata[i] : NULL;
          TsEnvVar *b = j < theirs->len ? theirs->pdata[j] : NULL;
          int c = a == NULL ? 1 : b == NULL ? -1 : compare_names (a, b, NULL);

          if (c < 0)
            {
              a->diff = TS_ENV_ADDED;
              g_ptr_array_add (out, a);
              i++;
            }
          else if (c > 0)
            {
              b->diff = TS_ENV_REMOVED;
              g_ptr_array_add (out, b);
              j++;
            }
          else
            {
              if (!same_value (a, b))
                {
                  a->diff = TS_ENV_CHANGED;
                  a->parent_value = g_strdup (b->value != NULL ? b->value : "");
                }
              g_ptr_array_add (out, a);
              i++;
              j++;
            }
        }
    }
  /* out borrows from the arrays; the store takes its own references. */
  g_list_store_splice (store, 0, 0, out->pdata, out->len);
  return store;
}

static gboolean
is_shell_name (const char *name,
               gsize       len)
{
  if (len == 0 || !(g_ascii_isalpha (name[0]) || name[0] == '_'))
    return FALSE;
  for (gsize i = 1; i < len; i++)
    if (!(g_ascii_isalnum (name[i]) || name[i] == '_'))
      return FALSE;
  return TRUE;
}

/* Single quotes keep every byte but the quote itself, which is closed,
 * escaped and reopened. */
static void
append_quoted (GString    *out,
               const char *s,
               gsize       len)
{
  g_string_append_c (out, '\'');
  for (gsize i = 0; i < len; i++)
    {
      if (s[i] == '\'')
        g_string_append (out, "'\\''");
      else
        g_string_append_c (out, s[i]);
    }
  g_string_append_c (out, '\'');
}

char *
ts_environment_to_export (GListModel *vars,
                          gboolean    raw,
                          gsize      *len_out)
{
  GString *out = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (vars), NULL);

  n = g_list_model_get_n_items (vars);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsEnvVar) v = g_list_model_get_item (vars, i);
      gsize len;
      const char *bytes = g_bytes_get_data (v->raw, &len);
      const char *name = raw ? bytes : v->name;
      gsize name_len = raw ? v->name_len : strlen (v->name);

      if (v->diff == TS_ENV_REMOVED)
        continue;
      if (!v->has_equals || !is_shell_name (name, name_len))
        {
          g_autofree char *line = ts_env_var_dup_line (v);

          /* A comment ends at a newline: keep it on one line. */
          g_strdelimit (line, "\n\r", ' ');
          g_string_append_printf (out, "# not a shell variable: %s\n", line);
          continue;
        }
      g_string_append (out, "export ");
      g_string_append_len (out, name, (gssize) name_len);
      g_string_append_c (out, '=');
      if (raw)
        append_quoted (out, bytes + v->name_len + 1, len - v->name_len - 1);
      else
        append_quoted (out, v->value, strlen (v->value));
      g_string_append_c (out, '\n');
    }
  if (len_out != NULL)
    *len_out = out->len;
  return g_string_free (out, FALSE);
}
