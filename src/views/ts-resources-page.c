/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-resources-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ts-graph.h"
#include "ts-resources-page.h"
#include "ts-resources-views.h"

struct _TsResourcesPage
{
  AdwBin             parent_instance;

  AdwLeaflet        *leaflet;
  GtkListBox        *sidebar;
  GtkWidget         *sidebar_box;
  GtkWidget         *separator;
  GtkWidget         *content_box;
  GtkLabel          *sidebar_error;
  GtkCheckButton    *virtual_check;
  GtkButton         *back_button;
  GtkLabel          *title_label;
  GtkLabel          *subtitle_label;
  GtkScrolledWindow *scrolled;
  GtkStack          *stack;

  TsMonitor         *monitor;
  gulong             changed_id;
  gulong             devices_id;
  GBinding          *virtual_binding;
  GPtrArray         *views;       /* TsResView, sidebar order */
  TsResView         *selected;
  gboolean           rebuilding;
};

G_DEFINE_FINAL_TYPE (TsResourcesPage, ts_resources_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_MONITOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --------------------------------------------------------------- helpers */

static TsResView *
find_view (TsResourcesPage *self, const char *id)
{
  if (id == NULL || self->views == NULL)
    return NULL;
  for (guint i = 0; i < self->views->len; i++)
    {
      TsResView *view = g_ptr_array_index (self->views, i);

      if (g_str_equal (view->id, id))
        return view;
    }
  return NULL;
}

static void
set_label (GtkLabel *label, const char *text)
{
  if (g_strcmp0 (gtk_label_get_text (label), text != NULL ? text : "") != 0)
    gtk_label_set_text (label, text != NULL ? text : "");
}

static void
update_header (TsResourcesPage *self)
{
  TsResView *view = self->selected;

  set_label (self->title_label, view != NULL ? view->title : NULL);
  set_label (self->subtitle_label, view != NULL ? view->subtitle : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), view != NULL && view->subtitle != NULL);
}

static void
update_sidebar_error (TsResourcesPage *self)
{
  const GError *disks = ts_monitor_get_error (self->monitor, TS_MONITOR_SOURCE_DISKS);
  const GError *net = ts_monitor_get_error (self->monitor, TS_MONITOR_SOURCE_NET);
  g_autofree char *text = NULL;

  /* Without a readable list there are no tiles to show the error in. */
  if (disks != NULL && net != NULL)
    text = g_strdup_printf ("%s\n%s", disks->message, net->message);
  else if (disks != NULL || net != NULL)
    text = g_strdup ((disks != NULL ? disks : net)->message);
  set_label (self->sidebar_error, text);
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_error), text != NULL);
}

/* --------------------------------------------------------------- updates */

static void
update_all (TsResourcesPage *self)
{
  for (guint i = 0; i < self->views->len; i++)
    {
      TsResView *view = g_ptr_array_index (self->views, i);

      view->update_tile (view, self->monitor);
    }
  /* Only the detail on screen: the others catch up when selected. */
  if (self->selected != NULL)
    {
      self->selected->update_detail (self->selected, self->monitor);
      update_header (self);
    }
  update_sidebar_error (self);
}

static void
changed_cb (TsResourcesPage *self)
{
  update_all (self);
}

/* ---------------------------------------------------------------- tiles */

static int
view_kind (TsResView *view)
{
  if (view == NULL)
    return -1;
  if (g_str_has_prefix (view->id, "disk:"))
    return 1;
  if (g_str_has_prefix (view->id, "net:"))
    return 2;
  return 0;
}

static void
header_func (GtkListBoxRow *row, GtkListBoxRow *before, gpointer data)
{
  int kind = view_kind (g_object_get_data (G_OBJECT (row), "ts-view"));
  int prev = before != NULL ? view_kind (g_object_get_data (G_OBJECT (before), "ts-view")) : -1;
  const char *text = NULL;
  GtkWidget *header;

  (void) data;
  if (kind != prev && kind == 1)
    text = _("Disks");
  else if (kind != prev && kind == 2)
    text = _("Network");
  header = gtk_list_box_row_get_header (row);
  if (text == NULL)
    {
      if (header != NULL)
        gtk_list_box_row_set_header (row, NULL);
      return;
    }
  if (header != NULL && g_strcmp0 (gtk_label_get_text (GTK_LABEL (header)), text) == 0)
    return;
  header = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_bottom (header, 3);
  gtk_widget_add_css_class (header, "caption-heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_list_box_row_set_header (row, header);
}

static void
add_view (TsResourcesPage *self, TsResView *view)
{
  GtkWidget *tile = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (view->row));

  g_ptr_array_add (self->views, view);
  g_object_set_data (G_OBJECT (view->row), "ts-view", view);
  gtk_widget_set_margin_top (tile, 6);
  gtk_widget_set_margin_bottom (tile, 6);
  gtk_widget_set_margin_start (tile, 6);
  gtk_widget_set_margin_end (tile, 6);
  gtk_list_box_append (self->sidebar, view->row);

  gtk_widget_set_margin_start (view->detail, 18);
  gtk_widget_set_margin_end (view->detail, 18);
  gtk_widget_set_margin_top (view->detail, 6);
  gtk_widget_set_margin_bottom (view->detail, 24);
  gtk_stack_add_named (self->stack, view->detail, view->id);
}

static void
clear_views (TsResourcesPage *self)
{
  self->selected = NULL;
  for (guint i = 0; i < self->views->len; i++)
    {
      TsResView *view = g_ptr_array_index (self->views, i);

      gtk_list_box_remove (self->sidebar, view->row);
      gtk_stack_remove (self->stack, view->detail);
    }
  g_ptr_array_set_size (self->views, 0);
}

static void
select_view (TsResourcesPage *self, TsResView *view)
{
  if (gtk_list_box_get_selected_row (self->sidebar) != GTK_LIST_BOX_ROW (view->row))
    gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (view->row));
  /* row-selected did the rest, unless the row was selected already. */
}

static void
rebuild (TsResourcesPage *self)
{
  g_autofree char *selected = self->selected != NULL ? g_strdup (self->selected->id) : NULL;
  gboolean show_virtual = ts_monitor_get_show_virtual (self->monitor);
  GListModel *disks = ts_monitor_get_disks (self->monitor);
  GListModel *nets = ts_monitor_get_net (self->monitor);
  TsResView *view;

  self->rebuilding = TRUE;
  clear_views (self);
  add_view (self, ts_res_view_new_cpu (self->monitor));
  add_view (self, ts_res_view_new_memory (self->monitor));
  for (guint i = 0; i < g_list_model_get_n_items (disks); i++)
    {
      g_autoptr (TsDiskStats) disk = g_list_model_get_item (disks, i);

      add_view (self, ts_res_view_new_disk (self->monitor, disk));
    }
  for (guint i = 0; i < g_list_model_get_n_items (nets); i++)
    {
      g_autoptr (TsNetStats) net = g_list_model_get_item (nets, i);

      /* Traffic between a machine's own programs is not network use. */
      if (!show_virtual && g_str_equal (ts_net_stats_get_name (net), "lo"))
        continue;
      add_view (self, ts_res_view_new_net (self->monitor, net));
    }
  self->rebuilding = FALSE;

  view = find_view (self, selected);
  select_view (self, view != NULL ? view : g_ptr_array_index (self->views, 0));
  update_all (self);
}

static void
devices_changed_cb (TsResourcesPage *self)
{
  rebuild (self);
}

/* ------------------------------------------------------------- callbacks */

static void
row_selected_cb (TsResourcesPage *self, GtkListBoxRow *row)
{
  TsResView *view;

  if (self->rebuilding || row == NULL)
    return;
  view = g_object_get_data (G_OBJECT (row), "ts-view");
  if (view == NULL || view == self->selected)
    return;
  self->selected = view;
  view->update_detail (view, self->monitor);
  gtk_stack_set_visible_child (self->stack, view->detail);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
  update_header (self);
}

static void
row_activated_cb (TsResourcesPage *self, GtkListBoxRow *row)
{
  (void) row;
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
back_cb (TsResourcesPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
folded_cb (TsResourcesPage *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), folded);
}

/* --------------------------------------------------------------- GObject */

static void
set_monitor (TsResourcesPage *self, TsMonitor *monitor)
{
  self->monitor = g_object_ref (monitor);
  self->changed_id = g_signal_connect_swapped (monitor, "changed", G_CALLBACK (changed_cb), self);
  self->devices_id = g_signal_connect_swapped (monitor, "devices-changed", G_CALLBACK (devices_changed_cb), self);
  self->virtual_binding = g_object_bind_property (monitor, "show-virtual", self->virtual_check, "active",
                                                  G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  rebuild (self);
}

static void
ts_resources_page_dispose (GObject *object)
{
  TsResourcesPage *self = TS_RESOURCES_PAGE (object);

  if (self->monitor != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->monitor);
      g_clear_signal_handler (&self->devices_id, self->monitor);
      g_clear_pointer (&self->virtual_binding, g_binding_unbind);
    }
  if (self->views != NULL)
    {
      self->rebuilding = TRUE;
      clear_views (self);
    }
  g_clear_pointer (&self->views, g_ptr_array_unref);
  g_clear_object (&self->monitor);
  /* Not gtk_widget_dispose_template: it unparents the leaflet and then drops
   * its reference, and libadwaita 1.2's leaflet, disposed that way,
   * unparents its shadow widgets a second time (criticals).  AdwBin's
   * dispose unparents the leaflet; GTK drops the template's references when
   * the page is finalized. */
  G_OBJECT_CLASS (ts_resources_page_parent_class)->dispose (object);
}

static void
ts_resources_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TsResourcesPage *self = TS_RESOURCES_PAGE (object);

  switch (prop_id)
    {
    case PROP_MONITOR:
      g_value_set_object (value, self->monitor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_resources_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TsResourcesPage *self = TS_RESOURCES_PAGE (object);

  switch (prop_id)
    {
    case PROP_MONITOR:
      set_monitor (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_resources_page_class_init (TsResourcesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ts_resources_page_dispose;
  object_class->get_property = ts_resources_page_get_property;
  object_class->set_property = ts_resources_page_set_property;

  properties[PROP_MONITOR] =
    g_param_spec_object ("monitor", NULL, NULL, TS_TYPE_MONITOR,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/taskscope/Taskscope/ts-resources-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TsResourcesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TsResourcesPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, TsResourcesPage, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, TsResourcesPage, separator);
  gtk_widget_class_bind_template_child (widget_class, TsResourcesPage, content_box);
  gtk_widget_class_bind_template_child (widget_class, TsResourcesPage, sidebar_error);
  gtk_widget_class_bind_template_child (widget_class, TsResourcesPage, virtual_check);
  gtk_widget_class_bind_template_child (widget_class, TsResourcesPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, TsResourcesPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, TsResourcesPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, TsResourcesPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, TsResourcesPage, stack);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_cb);
}

static void
ts_resources_page_init (TsResourcesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Pages named here, not as AdwLeafletPage objects in the template:
   * libadwaita 1.2 unparents such a page's child twice when the template
   * is disposed. */
  adw_leaflet_page_set_name (adw_leaflet_get_page (self->leaflet, self->sidebar_box), "sidebar");
  adw_leaflet_page_set_name (adw_leaflet_get_page (self->leaflet, self->content_box), "content");
  adw_leaflet_page_set_navigatable (adw_leaflet_get_page (self->leaflet, self->separator), FALSE);
  self->views = g_ptr_array_new_with_free_func ((GDestroyNotify) ts_res_view_free);
  gtk_list_box_set_header_func (self->sidebar, header_func, NULL, NULL);
  folded_cb (self);
}

/* ------------------------------------------------------------ public API */

GtkWidget *
ts_resources_page_new (TsMonitor *monitor)
{
  g_return_val_if_fail (TS_IS_MONITOR (monitor), NULL);

  return g_object_new (TS_TYPE_RESOURCES_PAGE, "monitor", monitor, NULL);
}

TsMonitor *
ts_resources_page_get_monitor (TsResourcesPage *self)
{
  g_return_val_if_fail (TS_IS_RESOURCES_PAGE (self), NULL);
  return self->monitor;
}

GStrv
ts_resources_page_dup_views (TsResourcesPage *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (TS_IS_RESOURCES_PAGE (self), NULL);
  for (guint i = 0; i < self->views->len; i++)
    g_strv_builder_add (builder, ((TsResView *) g_ptr_array_index (self->views, i))->id);
  return g_strv_builder_end (builder);
}

gboolean
ts_resources_page_select (TsResourcesPage *self, const char *view)
{
  TsResView *v;

  g_return_val_if_fail (TS_IS_RESOURCES_PAGE (self), FALSE);
  g_return_val_if_fail (view != NULL, FALSE);

  v = find_view (self, view);
  if (v == NULL)
    return FALSE;
  select_view (self, v);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  return TRUE;
}

const char *
ts_resources_page_get_selected (TsResourcesPage *self)
{
  g_return_val_if_fail (TS_IS_RESOURCES_PAGE (self), NULL);
  return self->selected != NULL ? self->selected->id : NULL;
}

gboolean
ts_resources_page_get_folded (TsResourcesPage *self)
{
  g_return_val_if_fail (TS_IS_RESOURCES_PAGE (self), FALSE);
  return adw_leaflet_get_folded (self->leaflet);
}

const char *
ts_resources_page_get_text (TsResourcesPage *self, const char *view, const char *key)
{
  TsResView *v;

  g_return_val_if_fail (TS_IS_RESOURCES_PAGE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  v = find_view (self, view);
  if (v == NULL)
    return NULL;
  if (g_str_equal (key, "title"))
    return v->title;
  if (g_str_equal (key, "subtitle"))
    return v->subtitle;
  return ts_res_view_get_text (v, key);
}

GtkWidget *
ts_resources_page_get_graph (TsResourcesPage *self, const char *view, const char *key)
{
  TsResView *v;

  g_return_val_if_fail (TS_IS_RESOURCES_PAGE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  v = find_view (self, view);
  return v != NULL ? g_hash_table_lookup (v->graphs, key) : NULL;
}
