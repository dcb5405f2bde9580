/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ts-platform.h"

G_BEGIN_DECLS

#define TS_TYPE_OPEN_FILE_ITEM (ts_open_file_item_get_type ())

G_DECLARE_FINAL_TYPE (TsOpenFileItem, ts_open_file_item, TS, OPEN_FILE_ITEM, GObject)

/* One row of the Open Files page: a descriptor of a process.  Its identity
 * is (fd, kind, target): a descriptor reused for another file is another
 * item.  What can change while the file stays open (flags, mode, position)
 * is updated in place and notified only when it changed. */

TsOpenFileItem *ts_open_file_item_new          (const TsOpenFile *file);
/* TRUE when file is the file this item shows (same fd, kind and target). */
gboolean        ts_open_file_item_is_same      (TsOpenFileItem   *self,
                                                const TsOpenFile *file);
void            ts_open_file_item_update       (TsOpenFileItem   *self,
                                                const TsOpenFile *file);

int             ts_open_file_item_get_fd       (TsOpenFileItem   *self);
TsFdKind        ts_open_file_item_get_kind     (TsOpenFileItem   *self);
/* The target as valid UTF-8, without the kernel's " (deleted)" suffix. */
const char     *ts_open_file_item_get_path     (TsOpenFileItem   *self);
/* The file was removed from the file system while open. */
gboolean        ts_open_file_item_get_deleted  (TsOpenFileItem   *self);
/* open(2) flags, -1 when unknown. */
int             ts_open_file_item_get_flags    (TsOpenFileItem   *self);
/* "r", "w", "a", "r+", "a+", or "" when unknown. */
const char     *ts_open_file_item_get_mode     (TsOpenFileItem   *self);
/* File offset in bytes, -1 when unknown. */
gint64          ts_open_file_item_get_position (TsOpenFileItem   *self);

/* "File", "Socket", "Pipe", "Anonymous inode", "Other" (translated). */
const char     *ts_fd_kind_get_label           (TsFdKind          kind);
const char     *ts_fd_kind_get_icon_name       (TsFdKind          kind);

G_END_DECLS
