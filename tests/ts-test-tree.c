/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-test-tree"

#include "config.h"

#include <glib/gstdio.h>

#include "ts-test-tree.h"

gint64
ts_test_clock_func (gpointer clock)
{
  return ((TsTestClock *) clock)->now;
}

void
ts_test_tree_write (const char *dir,
                    const char *relpath,
                    const char *contents)
{
  g_autofree char *path = g_build_filename (dir, relpath, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

void
ts_test_tree_remove (const char *dir,
                     const char *relpath)
{
  g_autofree char *path = g_build_filename (dir, relpath, NULL);

  g_assert_cmpint (g_unlink (path), ==, 0);
}

void
ts_test_tree_delete (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      ts_test_tree_delete (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}
