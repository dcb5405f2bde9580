/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The devices of one kind that TsMonitor knows, and the list models the
 * views show them in.  Devices are keyed by name: a device that goes and
 * comes back under the same name is the same object, with its history.
 */
#define G_LOG_DOMAIN "ts-device-set"

#include "config.h"

#include <stdlib.h>

#include "ts-monitor-private.h"

void
ts_device_set_init (TsDeviceSet *set,
                    GType        type)
{
  set->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  set->order = g_ptr_array_new_with_free_func (g_object_unref);
  set->store = g_list_store_new (type);
}

void
ts_device_set_clear (TsDeviceSet *set)
{
  g_clear_object (&set->store);
  g_clear_pointer (&set->order, g_ptr_array_unref);
  g_clear_pointer (&set->by_name, g_hash_table_unref);
}

static void
set_unknown (gpointer dev,
             gint64   now,
             gboolean gone)
{
  if (TS_IS_DISK_STATS (dev))
    ts_disk_stats_set_unknown (dev, now, gone);
  else
    ts_net_stats_set_unknown (dev, now, gone);
}

static gboolean
is_gone (gpointer dev,
         gint64  *since)
{
  if (TS_IS_DISK_STATS (dev))
    return ts_disk_stats_is_gone (dev, since);
  return ts_net_stats_is_gone (dev, since);
}

void
ts_device_set_unknown (TsDeviceSet *set,
                       gint64       now)
{
  GHashTableIter iter;
  gpointer dev;

  g_hash_table_iter_init (&iter, set->by_name);
  while (g_hash_table_iter_next (&iter, NULL, &dev))
    set_unknown (dev, now, FALSE);
}

void
ts_device_set_set_span (TsDeviceSet *set,
                        gint64       span_us)
{
  GHashTableIter iter;
  gpointer dev;

  g_hash_table_iter_init (&iter, set->by_name);
  while (g_hash_table_iter_next (&iter, NULL, &dev))
    ts_history_set_span (TS_IS_DISK_STATS (dev) ? ts_disk_stats_get_history (dev)
                                                : ts_net_stats_get_history (dev),
                         span_us);
}

/* Makes store hold exactly want, touching it only when it differs, so
 * list views keep their rows. */
static void
sync_store (GListStore *store,
            GPtrArray  *want)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  gboolean same = n == want->len;

  for (guint i = 0; same && i < n; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      same = item == want->pdata[i];
    }
  if (!same)
    g_list_store_splice (store, 0, n, want->pdata, want->len);
}

/* After a good read (seen: the devices in it, in order): the others are
 * gone; those gone for a whole span have nothing left to draw and are
 * forgotten.  True when the present set changed. */
static gboolean
finish_update (TsDeviceSet *set,
               GPtrArray   *seen_order,
               GHashTable  *seen,
               gint64       now,
               gint64       span_us)
{
  GHashTableIter iter;
  gpointer dev;
  gboolean same;

  g_hash_table_iter_init (&iter, set->by_name);
  while (g_hash_table_iter_next (&iter, NULL, &dev))
    {
      gint64 since;

      if (g_hash_table_contains (seen, dev))
        continue;
      set_unknown (dev, now, TRUE);
      if (is_gone (dev, &since) && now - since >= span_us)
        g_hash_table_iter_remove (&iter);
    }

  same = set->order->len == seen_order->len;
  for (guint i = 0; same && i < seen_order->len; i++)
    same = set->order->pdata[i] == seen_order->pdata[i];
  g_ptr_array_unref (set->order);
  set->order = g_ptr_array_ref (seen_order);
  return !same;
}

/* ------------------------------------------------------------------ disks */

/* In-memory and file-backed block devices (and their partitions): they
 * mirror I/O that shows elsewhere (swap, the file's own disk). */
static gboolean
is_virtual_disk (const char *name)
{
  return g_str_has_prefix (name, "loop") || g_str_has_prefix (name, "ram")
         || g_str_has_prefix (name, "zram");
}

static gboolean
listed (TsDiskStats *d,
        gboolean     show_virtual)
{
  return show_virtual || !ts_disk_stats_get_is_virtual (d);
}

void
ts_disk_set_rebuild (TsDeviceSet *set,
                     gboolean     show_virtual)
{
  g_autoptr (GPtrArray) top = g_ptr_array_new ();
  g_autoptr (GPtrArray) none = g_ptr_array_new ();
  g_autoptr (GHashTable) parts = g_hash_table_new_full (NULL, NULL, NULL,
                                                        (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer dev;

  for (guint i = 0; i < set->order->len; i++)
    {
      TsDiskStats *d = g_ptr_array_index (set->order, i);
      TsDiskStats *parent = NULL;

      if (!listed (d, show_virtual))
        continue;
      if (ts_disk_stats_get_is_partition (d))
        parent = g_hash_table_lookup (set->by_name, ts_disk_stats_get_parent (d));
      /* A partition goes under its disk only where the disk is listed. */
      if (parent != NULL && !ts_disk_stats_is_gone (parent, NULL) && listed (parent, show_virtual))
        {
          GPtrArray *list = g_hash_table_lookup (parts, parent);

          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (parts, parent, list);
            }
          g_ptr_array_add (list, d);
        }
      else
        g_ptr_array_add (top, d);
    }

  g_hash_table_iter_init (&iter, set->by_name);
  while (g_hash_table_iter_next (&iter, NULL, &dev))
    {
      GPtrArray *list = g_hash_table_lookup (parts, dev);

      sync_store (ts_disk_stats_get_partition_store (dev), list != NULL ? list : none);
    }
  sync_store (set->store, top);
}

gboolean
ts_disk_set_update (TsDeviceSet    *set,
                    const TsDiskIo *raw,
                    size_t          n,
                    gint64          now,
                    gint64          span_us,
                    gboolean        show_virtual)
{
  g_autoptr (GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (size_t i = 0; i < n; i++)
    {
      g_autofree char *name = g_utf8_make_valid (raw[i].name, -1);
      TsDiskStats *d = g_hash_table_lookup (set->by_name, name);

      if (d == NULL)
        {
          d = ts_disk_stats_new (&raw[i], is_virtual_disk (name), span_us);
          g_hash_table_insert (set->by_name, g_strdup (ts_disk_stats_get_name (d)), d);
        }
      else if (g_hash_table_contains (seen, d))
        continue;   /* the same name twice: keep the first */
      ts_disk_stats_update (d, &raw[i], now);
      g_hash_table_add (seen, d);
      g_ptr_array_add (order, g_object_ref (d));
    }
  if (!finish_update (set, order, seen, now, span_us))
    return FALSE;
  ts_disk_set_rebuild (set, show_virtual);
  return TRUE;
}

/* -------------------------------------------------------------- interfaces */

gboolean
ts_net_set_update (TsDeviceSet   *set,
                   const TsNetIo *raw,
                   size_t         n,
                   gint64         now,
                   gint64         span_us)
{
  g_autoptr (GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (size_t i = 0; i < n; i++)
    {
      g_autofree char *name = g_utf8_make_valid (raw[i].name, -1);
      TsNetStats *d = g_hash_table_lookup (set->by_name, name);

      if (d == NULL)
        {
          d = ts_net_stats_new (name, span_us);
          g_hash_table_insert (set->by_name, g_strdup (ts_net_stats_get_name (d)), d);
        }
      else if (g_hash_table_contains (seen, d))
        continue;
      ts_net_stats_update (d, &raw[i], now);
      g_hash_table_add (seen, d);
      g_ptr_array_add (order, g_object_ref (d));
    }
  if (!finish_update (set, order, seen, now, span_us))
    return FALSE;
  sync_store (set->store, set->order);
  return TRUE;
}
