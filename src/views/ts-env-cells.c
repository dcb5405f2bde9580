/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-env-cells"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ts-env-cells.h"
#include "ts-environment.h"

/* The key ts_list_cell_find_item() looks for, for the context menu. */
#define ITEM_KEY "ts-list-item"

struct _TsEnvCells
{
  GtkListItemFactory *name_factory;
  GtkListItemFactory *value_factory;
  GHashTable         *bound;   /* GtkListItem -> its factory */
  gboolean            compare;
};

/* Colours from the theme's named colours, so the marks follow dark mode;
 * the tint behind the text makes them pills in both. */
static const char mark_css[] =
  ".ts-env-mark { border-radius: 999px; padding: 0 7px; font-size: smaller; font-weight: bold; }\n"
  ".ts-env-mark.added { color: @success_color; background-color: alpha(@success_color, 0.16); }\n"
  ".ts-env-mark.changed { color: @warning_color; background-color: alpha(@warning_color, 0.16); }\n"
  ".ts-env-mark.removed { color: @error_color; background-color: alpha(@error_color, 0.16); }\n";

static void
ensure_css (GdkDisplay *display)
{
  GtkCssProvider *provider;

  if (display == NULL || g_object_get_data (G_OBJECT (display), "ts-env-cells-css") != NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, mark_css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "ts-env-cells-css", provider, g_object_unref);
}

char *
ts_env_cells_truncate (const char *text,
                       gsize       max)
{
  gsize len = strlen (text);
  const char *end;
  GString *out;

  if (len <= max)
    return g_strdup (text);
  end = text + max;
  while (end > text && ((guchar) *end & 0xC0) == 0x80)
    end--;
  out = g_string_new_len (text, end - text);
  g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

static GtkLabel *
cell_label (gboolean monospace)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* A newline in a value stays on the line as a glyph. */
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  if (monospace)
    gtk_widget_add_css_class (label, "monospace");
  return GTK_LABEL (label);
}

static void
set_struck (GtkLabel *label,
            gboolean  struck)
{
  PangoAttrList *attrs = NULL;

  if (struck)
    {
      attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
    }
  gtk_label_set_attributes (label, attrs);
  g_clear_pointer (&attrs, pango_attr_list_unref);
}

static void
set_dim (GtkWidget *widget,
         gboolean   dim)
{
  if (dim)
    gtk_widget_add_css_class (widget, "dim-label");
  else
    gtk_widget_remove_css_class (widget, "dim-label");
}

static void
set_tooltip (GtkWidget  *widget,
             const char *text)
{
  g_autofree char *cut = text != NULL && *text != '\0' ? ts_env_cells_truncate (text, TS_ENV_TOOLTIP_MAX) : NULL;

  gtk_widget_set_tooltip_text (widget, cut);
}

/* ------------------------------------------------------------------ name */

static void
name_setup (GtkListItemFactory *factory,
            GtkListItem        *item,
            TsEnvCells         *cells)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkLabel *name = cell_label (TRUE);
  GtkWidget *mark = gtk_label_new (NULL);

  gtk_widget_add_css_class (mark, "ts-env-mark");
  gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (mark, FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (name));
  gtk_box_append (GTK_BOX (box), mark);
  g_object_set_data (G_OBJECT (box), "name", name);
  g_object_set_data (G_OBJECT (box), "mark", mark);
  g_object_set_data (G_OBJECT (box), ITEM_KEY, item);
  gtk_list_item_set_child (item, box);
}

static void
name_bind_item (TsEnvCells  *cells,
                GtkListItem *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkLabel *name = g_object_get_data (G_OBJECT (box), "name");
  GtkWidget *mark = g_object_get_data (G_OBJECT (box), "mark");
  TsEnvVar *v = gtk_list_item_get_item (item);
  TsEnvDiff diff = cells->compare ? ts_env_var_get_diff (v) : TS_ENV_SAME;
  g_autofree char *text = ts_env_cells_truncate (ts_env_var_get_name (v), TS_ENV_CELL_MAX);
  static const char *const classes[] = { NULL, "added", "changed", "removed" };

  gtk_label_set_text (name, text);
  set_tooltip (GTK_WIDGET (name), ts_env_var_get_name (v));
  set_struck (name, diff == TS_ENV_REMOVED);
  set_dim (GTK_WIDGET (name), diff == TS_ENV_REMOVED);

  for (guint i = 1; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (mark, classes[i]);
  gtk_widget_set_visible (mark, diff != TS_ENV_SAME);
  switch (diff)
    {
    case TS_ENV_ADDED:
      gtk_label_set_text (GTK_LABEL (mark), _("Added"));
      gtk_widget_set_tooltip_text (mark, _("Not in the parent process’s environment"));
      break;
    case TS_ENV_CHANGED:
      gtk_label_set_text (GTK_LABEL (mark), _("Changed"));
      gtk_widget_set_tooltip_text (mark, _("The parent process has another value"));
      break;
    case TS_ENV_REMOVED:
      gtk_label_set_text (GTK_LABEL (mark), _("Removed"));
      gtk_widget_set_tooltip_text (mark, _("Only in the parent process’s environment"));
      break;
    case TS_ENV_SAME:
    default:
      return;
    }
  gtk_widget_add_css_class (mark, classes[diff]);
}

/* ----------------------------------------------------------------- value */

static void
value_setup (GtkListItemFactory *factory,
             GtkListItem        *item,
             TsEnvCells         *cells)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *warn = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkLabel *value = cell_label (TRUE);
  GtkLabel *parent = cell_label (TRUE);

  gtk_widget_add_css_class (warn, "warning");
  gtk_widget_set_tooltip_text (warn, _("Contains bytes that are not valid UTF-8; shown as �"));
  gtk_widget_set_visible (warn, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (parent), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (parent), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (parent), FALSE);
  gtk_box_append (GTK_BOX (line), warn);
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (value));
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (parent));
  g_object_set_data (G_OBJECT (box), "value", value);
  g_object_set_data (G_OBJECT (box), "warn", warn);
  g_object_set_data (G_OBJECT (box), "parent", parent);
  g_object_set_data (G_OBJECT (box), ITEM_KEY, item);
  gtk_list_item_set_child (item, box);
}

static void
value_bind_item (TsEnvCells  *cells,
                 GtkListItem *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkLabel *value = g_object_get_data (G_OBJECT (box), "value");
  GtkWidget *warn = g_object_get_data (G_OBJECT (box), "warn");
  GtkLabel *parent = g_object_get_data (G_OBJECT (box), "parent");
  TsEnvVar *v = gtk_list_item_get_item (item);
  TsEnvDiff diff = cells->compare ? ts_env_var_get_diff (v) : TS_ENV_SAME;
  const char *text = ts_env_var_get_value (v);

  if (!ts_env_var_get_has_equals (v))
    {
      gtk_label_set_text (value, _("(no “=”)"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (value),
                                   _("The entry has no “=”: it is kept as the process has it, all in the name"));
    }
  else if (*text == '\0')
    {
      gtk_label_set_text (value, _("(empty)"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (value), _("The value is empty"));
    }
  else
    {
      /* Pango would lay out all of a 100 kB value to ellipsize it. */
      g_autofree char *cut = ts_env_cells_truncate (text, TS_ENV_CELL_MAX);

      gtk_label_set_text (value, cut);
      set_tooltip (GTK_WIDGET (value), text);
    }
  set_dim (GTK_WIDGET (value), !ts_env_var_get_has_equals (v) || *text == '\0' || diff == TS_ENV_REMOVED);
  set_struck (value, diff == TS_ENV_REMOVED);
  gtk_widget_set_visible (warn, ts_env_var_get_invalid_utf8 (v));

  if (diff == TS_ENV_CHANGED && ts_env_var_get_parent_value (v) != NULL)
    {
      g_autofree char *cut = ts_env_cells_truncate (ts_env_var_get_parent_value (v), TS_ENV_CELL_MAX);
      g_autofree char *line = g_strdup_printf (_("Parent: %s"), cut);

      gtk_label_set_text (parent, line);
      set_tooltip (GTK_WIDGET (parent), ts_env_var_get_parent_value (v));
      gtk_widget_set_visible (GTK_WIDGET (parent), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (parent), FALSE);
}

/* ------------------------------------------------------------- factories */

static void
bind_cb (GtkListItemFactory *factory,
         GtkListItem        *item,
         TsEnvCells         *cells)
{
  g_hash_table_insert (cells->bound, item, factory);
  if (factory == cells->name_factory)
    name_bind_item (cells, item);
  else
    value_bind_item (cells, item);
}

static void
unbind_cb (GtkListItemFactory *factory,
           GtkListItem        *item,
           TsEnvCells         *cells)
{
  g_hash_table_remove (cells->bound, item);
}

static GtkListItemFactory *
factory_new (TsEnvCells *cells,
             GCallback   setup)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, cells);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), cells);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), cells);
  return factory;
}

TsEnvCells *
ts_env_cells_new (GtkColumnView *column_view)
{
  TsEnvCells *cells = g_new0 (TsEnvCells, 1);
  g_autoptr(GtkColumnViewColumn) name = NULL;
  g_autoptr(GtkColumnViewColumn) value = NULL;

  ensure_css (gtk_widget_get_display (GTK_WIDGET (column_view)));
  cells->bound = g_hash_table_new (NULL, NULL);
  cells->name_factory = factory_new (cells, G_CALLBACK (name_setup));
  cells->value_factory = factory_new (cells, G_CALLBACK (value_setup));

  name = gtk_column_view_column_new (_("Name"), g_object_ref (cells->name_factory));
  gtk_column_view_column_set_resizable (name, TRUE);
  gtk_column_view_column_set_fixed_width (name, 280);
  value = gtk_column_view_column_new (_("Value"), g_object_ref (cells->value_factory));
  gtk_column_view_column_set_resizable (value, TRUE);
  gtk_column_view_column_set_expand (value, TRUE);
  gtk_column_view_append_column (column_view, name);
  gtk_column_view_append_column (column_view, value);
  return cells;
}

void
ts_env_cells_free (TsEnvCells *cells)
{
  /* The factories can outlive the page inside the columns. */
  g_signal_handlers_disconnect_by_data (cells->name_factory, cells);
  g_signal_handlers_disconnect_by_data (cells->value_factory, cells);
  g_clear_object (&cells->name_factory);
  g_clear_object (&cells->value_factory);
  g_clear_pointer (&cells->bound, g_hash_table_unref);
  g_free (cells);
}

void
ts_env_cells_set_compare (TsEnvCells *cells,
                          gboolean    compare)
{
  GHashTableIter iter;
  gpointer item, factory;

  cells->compare = compare;
  g_hash_table_iter_init (&iter, cells->bound);
  while (g_hash_table_iter_next (&iter, &item, &factory))
    {
      if (factory == cells->name_factory)
        name_bind_item (cells, item);
      else
        value_bind_item (cells, item);
    }
}
