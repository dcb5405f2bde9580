/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ts-history.h"
#include "ts-platform.h"

G_BEGIN_DECLS

#define TS_TYPE_PROCESS_DETAILS (ts_process_details_get_type ())

G_DECLARE_FINAL_TYPE (TsProcessDetails, ts_process_details, TS, PROCESS_DETAILS, GObject)

/* Everything the details window shows of one process, read in a worker
 * thread on its own platform context.  The owner calls update() on its
 * clock (the process list's "refreshed"); each finished read emits
 * "updated".  The process is (pid, start ticks): once it has exited, or its
 * PID belongs to another process, "alive" turns FALSE and the last values
 * stay.  The environment is read only on open and on reload_environment(). */

typedef struct
{
  TsPid  pid;
  char  *name; /* UTF-8 for display */
} TsAncestor;

/* The costly parts of a read, each a directory of one file per entry: a
 * process with a thousand descriptors or threads makes them the bulk of a
 * tick.  One not read keeps its last values. */
typedef enum
{
  TS_DETAILS_READ_FILES   = 1 << 0,  /* fd/ and fdinfo/ */
  TS_DETAILS_READ_THREADS = 1 << 1,  /* task/<tid>/stat */
  TS_DETAILS_READ_ALL     = TS_DETAILS_READ_FILES | TS_DETAILS_READ_THREADS,
} TsDetailsReads;

/* start_ticks: the identity the user saw, or 0 to take whatever runs as pid. */
TsProcessDetails *ts_process_details_new (const char *procfs_root,
                                          TsPid       pid,
                                          guint64     start_ticks);

void        ts_process_details_update              (TsProcessDetails *self);
/* What the next reads include besides the sample (default all): the window
 * asks only for what its visible page shows. */
void        ts_process_details_set_reads           (TsProcessDetails *self,
                                                    TsDetailsReads    reads);
void        ts_process_details_reload_environment  (TsProcessDetails *self);

TsPid       ts_process_details_get_pid             (TsProcessDetails *self);
guint64     ts_process_details_get_start_ticks     (TsProcessDetails *self);
/* FALSE before the first read finished. */
gboolean    ts_process_details_get_loaded          (TsProcessDetails *self);
gboolean    ts_process_details_get_alive           (TsProcessDetails *self);
/* Why the process could not be read at all (gone before the first read). */
const GError *ts_process_details_get_error         (TsProcessDetails *self);
/* The newest good sample (TS_PF_ALL but environ); NULL before the first.
 * A field missing from sample->valid has its cause in sample->errors. */
const TsProcSample *ts_process_details_get_sample  (TsProcessDetails *self);
/* User names of the real and effective uid ("" when unknown). */
const char *ts_process_details_get_user            (TsProcessDetails *self);
const char *ts_process_details_get_effective_user  (TsProcessDetails *self);
const char *ts_process_details_get_terminal        (TsProcessDetails *self);
/* Parent, grandparent, ... up to the process with ppid 0. */
const TsAncestor *ts_process_details_get_parents   (TsProcessDetails *self,
                                                    guint            *n_out);
const TsOpenFile *ts_process_details_get_open_files (TsProcessDetails *self,
                                                     gsize            *n_out,
                                                     const GError    **error);
guint64     ts_process_details_get_memory_total    (TsProcessDetails *self);
/* Series 0: USS, 1: PSS, in bytes. */
TsHistory  *ts_process_details_get_memory_history  (TsProcessDetails *self);
/* TsEnvVar items diffed against the parent when diff_parent is set; NULL
 * with error when it could not be read (or before it was). */
GListModel *ts_process_details_get_environment     (TsProcessDetails *self,
                                                    const GError    **error);
gboolean    ts_process_details_get_environment_loaded (TsProcessDetails *self);
guint       ts_process_details_get_environment_size (TsProcessDetails *self);
/* The parent's PID the comparison used, 0 when none. */
TsPid       ts_process_details_get_environment_parent (TsProcessDetails *self);

G_END_DECLS
