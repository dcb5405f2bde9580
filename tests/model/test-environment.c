/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "ts-environment.h"

#define ENV(s) s, sizeof s - 1

static TsEnvVar *
nth (GListStore *store, guint i)
{
  TsEnvVar *v = g_list_model_get_item (G_LIST_MODEL (store), i);

  g_object_unref (v); /* the store keeps it */
  return v;
}

static void
test_parse (void)
{
  /* Unsorted, an entry without '=', a leading '=', invalid UTF-8, an empty
   * value, a value with '=', a duplicate name, no final NUL. */
  g_autoptr(GListStore) s = ts_environment_parse (ENV ("PATH=/usr/bin\0BARE\0=C:=C:\\\0"
                                                       "BAD=a\xff" "b\0EMPTY=\0EQ=a=b\0"
                                                       "DUP=1\0DUP=2\0LAST=x"), NULL, 0);
  static const char *names[] = { "=C:", "BAD", "BARE", "DUP", "DUP", "EMPTY", "EQ", "LAST", "PATH" };
  TsEnvVar *v;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (s)), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_cmpstr (ts_env_var_get_name (nth (s, i)), ==, names[i]);
      g_assert_cmpint (ts_env_var_get_diff (nth (s, i)), ==, TS_ENV_SAME);
    }
  g_assert_cmpstr (ts_env_var_get_value (nth (s, 0)), ==, "C:\\");

  v = nth (s, 1);
  g_assert_true (ts_env_var_get_invalid_utf8 (v));
  g_assert_cmpstr (ts_env_var_get_value (v), ==, "a\xef\xbf\xbd" "b");
  g_assert_cmpuint (g_bytes_get_size (ts_env_var_get_raw (v)), ==, 7);

  v = nth (s, 2);
  g_assert_false (ts_env_var_get_has_equals (v));
  g_assert_null (ts_env_var_get_value (v));
  {
    g_autofree char *line = ts_env_var_dup_line (v);
    g_assert_cmpstr (line, ==, "BARE");
  }
  /* Duplicates keep the kernel's order. */
  g_assert_cmpstr (ts_env_var_get_value (nth (s, 3)), ==, "1");
  g_assert_cmpstr (ts_env_var_get_value (nth (s, 4)), ==, "2");
  g_assert_cmpstr (ts_env_var_get_value (nth (s, 5)), ==, "");
  g_assert_cmpstr (ts_env_var_get_value (nth (s, 6)), ==, "a=b");
  g_assert_cmpstr (ts_env_var_get_value (nth (s, 7)), ==, "x");
  g_assert_false (ts_env_var_get_invalid_utf8 (nth (s, 8)));
  {
    g_autofree char *line = ts_env_var_dup_line (nth (s, 8));
    g_assert_cmpstr (line, ==, "PATH=/usr/bin");
  }

  /* Nothing at all. */
  {
    g_autoptr(GListStore) e = ts_environment_parse (NULL, 0, NULL, 0);
    g_autoptr(GListStore) z = ts_environment_parse (ENV ("\0\0"), NULL, 0);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (e)), ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (z)), ==, 0);
  }
}

static void
test_diff (void)
{
  g_autoptr(GListStore) s = ts_environment_parse (ENV ("A=1\0B=2\0D=new\0E=5\0"),
                                                  ENV ("B=2\0C=3\0D=old\0E=5\0F=6\0"));
  static const struct { const char *name; TsEnvDiff diff; } want[] = {
    { "A", TS_ENV_ADDED }, { "B", TS_ENV_SAME }, { "C", TS_ENV_REMOVED },
    { "D", TS_ENV_CHANGED }, { "E", TS_ENV_SAME }, { "F", TS_ENV_REMOVED },
  };

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (s)), ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      g_assert_cmpstr (ts_env_var_get_name (nth (s, i)), ==, want[i].name);
      g_assert_cmpint (ts_env_var_get_diff (nth (s, i)), ==, want[i].diff);
    }
  g_assert_cmpstr (ts_env_var_get_value (nth (s, 3)), ==, "new");
  g_assert_cmpstr (ts_env_var_get_parent_value (nth (s, 3)), ==, "old");
  g_assert_null (ts_env_var_get_parent_value (nth (s, 1)));
  g_assert_cmpstr (ts_env_var_get_value (nth (s, 2)), ==, "3");
}

static void
test_export (void)
{
  g_autoptr(GListStore) s = ts_environment_parse (ENV ("HOME=/root\0Q=it's\0BAD=\xff\0"
                                                       "BARE\0my-var=1\0ML=a\nb\0"),
                                                  ENV ("GONE=1\0"));
  g_autofree char *text = ts_environment_to_export (G_LIST_MODEL (s), FALSE, NULL);
  gsize raw_len = 0;
  g_autofree char *raw = ts_environment_to_export (G_LIST_MODEL (s), TRUE, &raw_len);

  g_assert_cmpstr (text, ==,
                   "export BAD='\xef\xbf\xbd'\n"
                   "# not a shell variable: BARE\n"
                   "export HOME='/root'\n"
                   "export ML='a\nb'\n"
                   "export Q='it'\\''s'\n"
                   "# not a shell variable: my-var=1\n");
  g_assert_cmpuint (raw_len, ==, strlen (raw));
  g_assert_nonnull (strstr (raw, "export BAD='\xff'\n"));
  g_assert_null (strstr (raw, "GONE"));
}

static void
test_many (void)
{
  GString *env = g_string_new (NULL);
  g_autoptr(GListStore) s = NULL;
  g_autofree char *big = g_strnfill (100 * 1024, 'p');

  for (int i = 9999; i >= 0; i--)
    g_string_append_printf (env, "VAR_%05d=%d%c", i, i, '\0');
  g_string_append_printf (env, "PATH=%s", big);
  s = ts_environment_parse (env->str, env->len, NULL, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (s)), ==, 10001);
  g_assert_cmpstr (ts_env_var_get_name (nth (s, 0)), ==, "PATH");
  g_assert_cmpuint (strlen (ts_env_var_get_value (nth (s, 0))), ==, 100 * 1024);
  g_assert_cmpstr (ts_env_var_get_name (nth (s, 1)), ==, "VAR_00000");
  g_assert_cmpstr (ts_env_var_get_name (nth (s, 10000)), ==, "VAR_09999");
  g_string_free (env, TRUE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/environment/parse", test_parse);
  g_test_add_func ("/environment/diff", test_diff);
  g_test_add_func ("/environment/export", test_export);
  g_test_add_func ("/environment/many", test_many);
  return g_test_run ();
}
