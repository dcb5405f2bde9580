/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-open-file-item"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ts-open-file-item.h"

#define DELETED_SUFFIX " (deleted)"

struct _TsOpenFileItem
{
  GObject   parent_instance;

  int       fd;
  TsFdKind  kind;
  char     *target;  /* bytes as the kernel gave them: the identity */
  char     *path;    /* UTF-8, suffix removed */
  gboolean  deleted;
  int       flags;
  gint64    position;
};

G_DEFINE_FINAL_TYPE (TsOpenFileItem, ts_open_file_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_FD,
  PROP_KIND,
  PROP_PATH,
  PROP_DELETED,
  PROP_FLAGS,
  PROP_MODE,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ts_open_file_item_finalize (GObject *object)
{
  TsOpenFileItem *self = TS_OPEN_FILE_ITEM (object);

  g_free (self->target);
  g_free (self->path);
  G_OBJECT_CLASS (ts_open_file_item_parent_class)->finalize (object);
}

static void
ts_open_file_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TsOpenFileItem *self = TS_OPEN_FILE_ITEM (object);

  switch (prop_id)
    {
    case PROP_FD:
      g_value_set_int (value, self->fd);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_DELETED:
      g_value_set_boolean (value, self->deleted);
      break;
    case PROP_FLAGS:
      g_value_set_int (value, self->flags);
      break;
    case PROP_MODE:
      g_value_set_string (value, ts_open_file_item_get_mode (self));
      break;
    case PROP_POSITION:
      g_value_set_int64 (value, self->position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_open_file_item_class_init (TsOpenFileItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ts_open_file_item_finalize;
  object_class->get_property = ts_open_file_item_get_property;

  properties[PROP_FD] = g_param_spec_int ("fd", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, TS_FD_OTHER, TS_FD_ANON_INODE,
                                            TS_FD_OTHER, flags);
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties[PROP_DELETED] = g_param_spec_boolean ("deleted", NULL, NULL, FALSE, flags);
  properties[PROP_FLAGS] = g_param_spec_int ("flags", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_MODE] = g_param_spec_string ("mode", NULL, NULL, NULL, flags);
  properties[PROP_POSITION] = g_param_spec_int64 ("position", NULL, NULL, -1, G_MAXINT64, -1, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ts_open_file_item_init (TsOpenFileItem *self)
{
  self->fd = -1;
  self->flags = -1;
  self->position = -1;
}

TsOpenFileItem *
ts_open_file_item_new (const TsOpenFile *file)
{
  TsOpenFileItem *self;
  const char *target;
  gsize len;

  g_return_val_if_fail (file != NULL, NULL);

  self = g_object_new (TS_TYPE_OPEN_FILE_ITEM, NULL);
  target = file->target != NULL ? file->target : "";
  len = strlen (target);
  self->fd = file->fd;
  self->kind = file->kind;
  self->target = g_strdup (target);
  /* Only a path can be deleted; "socket:[1]" never carries the suffix. */
  if (file->kind == TS_FD_FILE && g_str_has_suffix (target, DELETED_SUFFIX))
    {
      self->deleted = TRUE;
      len -= strlen (DELETED_SUFFIX);
    }
  self->path = g_utf8_make_valid (target, (gssize) len);
  self->flags = file->flags;
  self->position = file->position;
  return self;
}

gboolean
ts_open_file_item_is_same (TsOpenFileItem   *self,
                           const TsOpenFile *file)
{
  g_return_val_if_fail (TS_IS_OPEN_FILE_ITEM (self), FALSE);
  g_return_val_if_fail (file != NULL, FALSE);

  return self->fd == file->fd && self->kind == file->kind
         && strcmp (self->target, file->target != NULL ? file->target : "") == 0;
}

void
ts_open_file_item_update (TsOpenFileItem   *self,
                          const TsOpenFile *file)
{
  g_return_if_fail (TS_IS_OPEN_FILE_ITEM (self));
  g_return_if_fail (file != NULL);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->flags != file->flags)
    {
      const char *old_mode = ts_open_file_mode (self->flags);

      self->flags = file->flags;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLAGS]);
      if (strcmp (old_mode, ts_open_file_mode (self->flags)) != 0)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
    }
  if (self->position != file->position)
    {
      self->position = file->position;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

int
ts_open_file_item_get_fd (TsOpenFileItem *self)
{
  g_return_val_if_fail (TS_IS_OPEN_FILE_ITEM (self), -1);
  return self->fd;
}

TsFdKind
ts_open_file_item_get_kind (TsOpenFileItem *self)
{
  g_return_val_if_fail (TS_IS_OPEN_FILE_ITEM (self), TS_FD_OTHER);
  return self->kind;
}

const char *
ts_open_file_item_get_path (TsOpenFileItem *self)
{
  g_return_val_if_fail (TS_IS_OPEN_FILE_ITEM (self), NULL);
  return self->path;
}

gboolean
ts_open_file_item_get_deleted (TsOpenFileItem *self)
{
  g_return_val_if_fail (TS_IS_OPEN_FILE_ITEM (self), FALSE);
  return self->deleted;
}

int
ts_open_file_item_get_flags (TsOpenFileItem *self)
{
  g_return_val_if_fail (TS_IS_OPEN_FILE_ITEM (self), -1);
  return self->flags;
}

const char *
ts_open_file_item_get_mode (TsOpenFileItem *self)
{
  g_return_val_if_fail (TS_IS_OPEN_FILE_ITEM (self), "");
  return ts_open_file_mode (self->flags);
}

gint64
ts_open_file_item_get_position (TsOpenFileItem *self)
{
  g_return_val_if_fail (TS_IS_OPEN_FILE_ITEM (self), -1);
  return self->position;
}

const char *
ts_fd_kind_get_label (TsFdKind kind)
{
  switch (kind)
    {
    case TS_FD_FILE:
      return _("File");
    case TS_FD_SOCKET:
      return _("Socket");
    case TS_FD_PIPE:
      return _("Pipe");
    case TS_FD_ANON_INODE:
      return _("Anonymous inode");
    case TS_FD_OTHER:
    default:
      return _("Other");
    }
}

const char *
ts_fd_kind_get_icon_name (TsFdKind kind)
{
  switch (kind)
    {
    case TS_FD_FILE:
      return "text-x-generic-symbolic";
    case TS_FD_SOCKET:
      return "network-wired-symbolic";
    case TS_FD_PIPE:
      return "insert-link-symbolic";
    case TS_FD_ANON_INODE:
      return "emblem-system-symbolic";
    case TS_FD_OTHER:
    default:
      return "preferences-other-symbolic";
    }
}
