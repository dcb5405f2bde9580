/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-process-tree"

#include "config.h"

#include "ts-process-tree.h"

struct _TsProcessTree
{
  GObject        parent_instance;

  TsProcessList *list;
  GListStore    *roots;
  GHashTable    *children;  /* TsProcess* -> GListStore (owned) */
  GHashTable    *parent;    /* TsProcess* -> TsProcess* or the tree itself for roots */
};

G_DEFINE_FINAL_TYPE (TsProcessTree, ts_process_tree, G_TYPE_OBJECT)

static GListStore *
store_for (TsProcessTree *self, TsProcess *parent, gboolean create)
{
  GListStore *store;

  if (parent == NULL)
    return self->roots;
  store = g_hash_table_lookup (self->children, parent);
  if (store == NULL && create)
    {
      store = g_list_store_new (TS_TYPE_PROCESS);
      g_hash_table_insert (self->children, g_object_ref (parent), store);
    }
  return store;
}

static void
store_remove (GListStore *store, TsProcess *process)
{
  guint pos;

  if (store != NULL && g_list_store_find (store, process, &pos))
    g_list_store_remove (store, pos);
}

/* GtkTreeListModel asks once whether a row has children; a process that
 * gets its first child must be put back in its parent's store to be asked
 * again. */
static void
refresh_row (TsProcessTree *self, TsProcess *process)
{
  TsProcess *parent = g_hash_table_lookup (self->parent, process);
  GListStore *store;
  guint pos;

  if (parent == NULL)
    return;
  store = store_for (self, parent == (gpointer) self ? NULL : parent, FALSE);
  if (store != NULL && g_list_store_find (store, process, &pos))
    {
      g_autoptr(TsProcess) keep = g_object_ref (process);

      g_list_store_splice (store, pos, 1, (gpointer *) &keep, 1);
    }
}

void
ts_process_tree_sync (TsProcessTree *self)
{
  g_autoptr(GPtrArray) dead = g_ptr_array_new ();
  g_autoptr(GPtrArray) got_first_child = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, value;
  guint n;

  g_return_if_fail (TS_IS_PROCESS_TREE (self));

  g_hash_table_iter_init (&iter, self->parent);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!ts_process_get_alive (key))
      g_ptr_array_add (dead, key);
  for (guint i = 0; i < dead->len; i++)
    {
      TsProcess *p = g_ptr_array_index (dead, i);
      TsProcess *parent = g_hash_table_lookup (self->parent, p);

      store_remove (store_for (self, parent == (gpointer) self ? NULL : parent, FALSE), p);
      /* Its children are re-parented by the kernel; the loop below moves them. */
      g_hash_table_remove (self->children, p);
      g_hash_table_remove (self->parent, p);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsProcess) p = g_list_model_get_item (G_LIST_MODEL (self->list), i);
      TsPid ppid = ts_process_get_ppid (p);
      TsProcess *parent = ppid != ts_process_get_pid (p) ? ts_process_list_lookup (self->list, ppid) : NULL;
      gpointer old = g_hash_table_lookup (self->parent, p);
      gpointer want = parent != NULL ? (gpointer) parent : (gpointer) self;
      GListStore *store;

      if (old == want)
        continue;
      if (old != NULL)
        store_remove (store_for (self, old == (gpointer) self ? NULL : old, FALSE), p);
      store = store_for (self, parent, TRUE);
      if (parent != NULL && g_list_model_get_n_items (G_LIST_MODEL (store)) == 0)
        g_ptr_array_add (got_first_child, parent);
      g_list_store_append (store, p);
      /* The table holds a ref: dead objects must stay valid until removed. */
      if (old == NULL)
        g_hash_table_insert (self->parent, g_object_ref (p), want);
      else
        g_hash_table_replace (self->parent, g_object_ref (p), want);
    }

  for (guint i = 0; i < got_first_child->len; i++)
    refresh_row (self, g_ptr_array_index (got_first_child, i));
}

GListModel *
ts_process_tree_get_roots (TsProcessTree *self)
{
  g_return_val_if_fail (TS_IS_PROCESS_TREE (self), NULL);
  return G_LIST_MODEL (self->roots);
}

GListModel *
ts_process_tree_get_children (TsProcessTree *self,
                              TsProcess     *process)
{
  GListStore *store;

  g_return_val_if_fail (TS_IS_PROCESS_TREE (self), NULL);

  store = g_hash_table_lookup (self->children, process);
  if (store == NULL || g_list_model_get_n_items (G_LIST_MODEL (store)) == 0)
    return NULL;
  return G_LIST_MODEL (store);
}

TsProcess *
ts_process_tree_get_parent (TsProcessTree *self,
                            TsProcess     *process)
{
  gpointer parent;

  g_return_val_if_fail (TS_IS_PROCESS_TREE (self), NULL);

  parent = g_hash_table_lookup (self->parent, process);
  return parent == (gpointer) self ? NULL : parent;
}

static void
ts_process_tree_finalize (GObject *object)
{
  TsProcessTree *self = TS_PROCESS_TREE (object);

  g_clear_pointer (&self->children, g_hash_table_unref);
  g_clear_pointer (&self->parent, g_hash_table_unref);
  g_clear_object (&self->roots);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (ts_process_tree_parent_class)->finalize (object);
}

static void
ts_process_tree_class_init (TsProcessTreeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ts_process_tree_finalize;
}

static void
ts_process_tree_init (TsProcessTree *self)
{
  self->roots = g_list_store_new (TS_TYPE_PROCESS);
  self->children = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
  self->parent = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
}

TsProcessTree *
ts_process_tree_new (TsProcessList *list)
{
  TsProcessTree *self;

  g_return_val_if_fail (TS_IS_PROCESS_LIST (list), NULL);

  self = g_object_new (TS_TYPE_PROCESS_TREE, NULL);
  self->list = g_object_ref (list);
  ts_process_tree_sync (self);
  return self;
}
