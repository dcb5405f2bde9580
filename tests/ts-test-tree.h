/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For tests that read a procfs/sysfs tree they write themselves, on a
 * clock they move by hand. */

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gint64 now;   /* microseconds */
} TsTestClock;

/* A clock function (ts_monitor_set_clock, ts_process_list_set_clock) for
 * a TsTestClock. */
gint64 ts_test_clock_func  (gpointer    clock);

/* Writes contents to dir/relpath, making the folders on the way; fails the
 * test on error. */
void   ts_test_tree_write  (const char *dir,
                            const char *relpath,
                            const char *contents);
/* Removes dir/relpath; fails the test on error. */
void   ts_test_tree_remove (const char *dir,
                            const char *relpath);
/* rm -rf: path and, if it is a folder, everything below it. */
void   ts_test_tree_delete (const char *path);

G_END_DECLS
