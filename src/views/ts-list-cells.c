/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-list-cells"

#include "config.h"

#include "ts-list-cells.h"

typedef struct
{
  TsCellFormat format;
  TsCellFlags  flags;
  char        *detail; /* "notify" or "notify::prop" */
} CellCtx;

typedef struct
{
  GtkWidget *image;
  GtkWidget *label;
  GtkWidget *tag;
  GObject   *item;     /* bound item, a reference */
  gulong     handler;
} CellWidgets;

static void
cell_ctx_free (gpointer data, GClosure *closure)
{
  CellCtx *ctx = data;

  (void) closure;
  g_free (ctx->detail);
  g_free (ctx);
}

static void
cell_widgets_free (gpointer data)
{
  CellWidgets *w = data;

  g_clear_object (&w->item);
  g_free (w);
}

static void
refresh (CellWidgets *w, CellCtx *ctx)
{
  TsCell cell = { 0 };

  ctx->format (w->item, &cell);
  gtk_label_set_text (GTK_LABEL (w->label), cell.text != NULL ? cell.text : "");
  /* Setting a tooltip asks the X server where the pointer is (a round
   * trip): only when it changes. */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (w->label), cell.tooltip) != 0)
    gtk_widget_set_tooltip_text (w->label, cell.tooltip);
  if (cell.dim)
    gtk_widget_add_css_class (w->label, "dim-label");
  else
    gtk_widget_remove_css_class (w->label, "dim-label");
  if (w->image != NULL)
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (w->image), cell.icon);
      gtk_widget_set_visible (w->image, cell.icon != NULL);
    }
  if (w->tag != NULL)
    {
      gtk_label_set_text (GTK_LABEL (w->tag), cell.tag != NULL ? cell.tag : "");
      gtk_widget_set_visible (w->tag, cell.tag != NULL);
    }
  g_free (cell.text);
  g_free (cell.tooltip);
}

static void
item_notify_cb (GObject *item, GParamSpec *pspec, GtkWidget *box)
{
  CellWidgets *w = g_object_get_data (G_OBJECT (box), "ts-cell");
  CellCtx *ctx = g_object_get_data (G_OBJECT (box), "ts-cell-ctx");

  (void) item;
  (void) pspec;
  refresh (w, ctx);
}

static void
cell_setup (GtkSignalListItemFactory *factory, GtkListItem *list_item, CellCtx *ctx)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  CellWidgets *w = g_new0 (CellWidgets, 1);

  (void) factory;
  if (ctx->flags & TS_CELL_ICON)
    {
      w->image = gtk_image_new ();
      gtk_widget_set_visible (w->image, FALSE);
      gtk_box_append (GTK_BOX (box), w->image);
    }
  w->label = gtk_label_new (NULL);
  gtk_label_set_single_line_mode (GTK_LABEL (w->label), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (w->label), (ctx->flags & TS_CELL_ELLIPSIZE_MIDDLE)
                           ? PANGO_ELLIPSIZE_MIDDLE : PANGO_ELLIPSIZE_END);
  /* A tag follows the text, not the cell's far edge. */
  gtk_widget_set_hexpand (w->label, !(ctx->flags & TS_CELL_TAG));
  if (ctx->flags & TS_CELL_NUMERIC)
    {
      gtk_label_set_xalign (GTK_LABEL (w->label), 1.0f);
      gtk_widget_add_css_class (w->label, "numeric");
    }
  else
    gtk_label_set_xalign (GTK_LABEL (w->label), 0.0f);
  gtk_box_append (GTK_BOX (box), w->label);
  if (ctx->flags & TS_CELL_TAG)
    {
      w->tag = gtk_label_new (NULL);
      gtk_widget_set_visible (w->tag, FALSE);
      gtk_widget_add_css_class (w->tag, "caption-heading");
      gtk_widget_add_css_class (w->tag, "error");
      gtk_box_append (GTK_BOX (box), w->tag);
    }

  g_object_set_data_full (G_OBJECT (box), "ts-cell", w, cell_widgets_free);
  g_object_set_data (G_OBJECT (box), "ts-cell-ctx", ctx);
  g_object_set_data (G_OBJECT (box), "ts-list-item", list_item);
  gtk_list_item_set_child (list_item, box);
}

static void
cell_bind (GtkSignalListItemFactory *factory, GtkListItem *list_item, CellCtx *ctx)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  CellWidgets *w = g_object_get_data (G_OBJECT (box), "ts-cell");
  GObject *item = gtk_list_item_get_item (list_item);

  (void) factory;
  if (item == NULL)
    {
      gtk_label_set_text (GTK_LABEL (w->label), "");
      return;
    }
  w->item = g_object_ref (item);
  refresh (w, ctx);
  w->handler = g_signal_connect (item, ctx->detail, G_CALLBACK (item_notify_cb), box);
}

static void
cell_unbind (GtkSignalListItemFactory *factory, GtkListItem *list_item, CellCtx *ctx)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  CellWidgets *w = g_object_get_data (G_OBJECT (box), "ts-cell");

  (void) factory;
  (void) ctx;
  if (w->item != NULL && w->handler != 0)
    g_signal_handler_disconnect (w->item, w->handler);
  w->handler = 0;
  g_clear_object (&w->item);
}

GtkListItemFactory *
ts_list_cell_factory_new (TsCellFormat  format,
                          TsCellFlags   flags,
                          const char   *watch)
{
  GtkListItemFactory *factory;
  CellCtx *ctx;

  g_return_val_if_fail (format != NULL, NULL);

  ctx = g_new0 (CellCtx, 1);
  ctx->format = format;
  ctx->flags = flags;
  ctx->detail = watch != NULL ? g_strconcat ("notify::", watch, NULL) : g_strdup ("notify");

  factory = gtk_signal_list_item_factory_new ();
  /* The context lives as long as the setup handler: freed with it. */
  g_signal_connect_data (factory, "setup", G_CALLBACK (cell_setup), ctx, cell_ctx_free, 0);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), ctx);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind), ctx);
  return factory;
}

GtkListItem *
ts_list_cell_find_item (GtkWidget *picked)
{
  for (GtkWidget *w = picked; w != NULL; w = gtk_widget_get_parent (w))
    {
      GtkListItem *item = g_object_get_data (G_OBJECT (w), "ts-list-item");

      if (item != NULL)
        return item;
    }
  return NULL;
}
