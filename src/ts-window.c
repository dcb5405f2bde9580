/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-process-view.h"
#include "ts-window.h"

struct _TsWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  TsProcessList        *list;
  TsProcessView        *process_view;

  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *stack;
  GtkToggleButton      *search_button;
  GtkWidget            *tree_button;
  char                 *wanted_page;  /* the remembered page, until it is added */
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GMenu                *columns_section;
};

G_DEFINE_FINAL_TYPE (TsWindow, ts_window, ADW_TYPE_APPLICATION_WINDOW)

gboolean
ts_window_set_page (TsWindow   *self,
                    const char *name)
{
  g_return_val_if_fail (TS_IS_WINDOW (self), FALSE);

  if (name == NULL || adw_view_stack_get_child_by_name (self->stack, name) == NULL)
    return FALSE;
  adw_view_stack_set_visible_child_name (self->stack, name);
  return TRUE;
}

const char *
ts_window_get_page (TsWindow *self)
{
  g_return_val_if_fail (TS_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->stack);
}

GtkWidget *
ts_window_get_process_view (TsWindow *self)
{
  g_return_val_if_fail (TS_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->process_view);
}

static void
pause_changed_cb (GSimpleAction *action, GVariant *state, gpointer user_data)
{
  TsWindow *self = user_data;

  g_simple_action_set_state (action, state);
  ts_process_list_set_paused (self->list, g_variant_get_boolean (state));
}

static void
search_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TsWindow *self = TS_WINDOW (widget);

  ts_window_set_page (self, "processes");
  gtk_toggle_button_set_active (self->search_button, TRUE);
}

static void
refresh_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  ts_process_list_refresh (TS_WINDOW (widget)->list);
}

static void
ts_window_dispose (GObject *object)
{
  TsWindow *self = TS_WINDOW (object);

  /* The bindings keep the window's action group alive past the window
   * otherwise (seen in the ui tests): drop them with the window. */
  g_settings_unbind (self, "default-width");
  g_settings_unbind (self, "default-height");
  g_settings_unbind (self, "maximized");
  if (self->stack != NULL)
    g_settings_unbind (self->stack, "visible-child-name");
  g_clear_pointer (&self->wanted_page, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_WINDOW);
  g_clear_object (&self->list);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ts_window_parent_class)->dispose (object);
}

static void
ts_window_class_init (TsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ts_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/taskscope/Taskscope/ts-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, tree_button);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, columns_section);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.refresh", NULL);
}

static void
ts_window_init (TsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APPLICATION_ID);
  /* A GBinding rather than a template <binding>: GTK 4.8's expression
   * watch can outlive the switcher title while the window is disposed. */
  g_object_bind_property (self->switcher_title, "title-visible", self->switcher_bar, "reveal",
                          G_BINDING_SYNC_CREATE);
}

static void
add_setting_action (TsWindow *self, const char *key)
{
  g_autoptr(GAction) action = g_settings_create_action (self->settings, key);

  g_action_map_add_action (G_ACTION_MAP (self), action);
}

/* The search and tree buttons belong to the Processes page. */
static void
page_changed_cb (TsWindow *self)
{
  gboolean processes = g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "processes") == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->search_button), processes);
  gtk_widget_set_visible (self->tree_button, processes);
}

TsWindow *
ts_window_new (GtkApplication *application,
               TsProcessList  *list)
{
  TsWindow *self;
  AdwViewStackPage *page;
  g_autoptr(GSimpleAction) pause = NULL;
  g_autofree char *last = NULL;
  guint n;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (TS_IS_PROCESS_LIST (list), NULL);

  self = g_object_new (TS_TYPE_WINDOW, "application", application, NULL);
  self->list = g_object_ref (list);

  self->process_view = ts_process_view_new (list);
  page = adw_view_stack_add_titled (self->stack, GTK_WIDGET (self->process_view), "processes", _("Processes"));
  adw_view_stack_page_set_icon_name (page, "view-list-symbolic");

  g_object_bind_property (self->search_button, "active",
                          ts_process_view_get_search_bar (self->process_view), "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  /* Typing anywhere in the window starts a search. */
  gtk_search_bar_set_key_capture_widget (ts_process_view_get_search_bar (self->process_view), GTK_WIDGET (self));

  add_setting_action (self, "tree-view");
  add_setting_action (self, "show-mine-only");
  add_setting_action (self, "show-kernel-threads");
  pause = g_simple_action_new_stateful ("pause", NULL, g_variant_new_boolean (ts_process_list_get_paused (list)));
  g_signal_connect (pause, "change-state", G_CALLBACK (pause_changed_cb), self);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (pause));

  /* The column chooser in the main menu drives the view's column actions. */
  gtk_widget_insert_action_group (GTK_WIDGET (self), "columns",
                                  ts_process_view_get_column_actions (self->process_view));
  {
    const char *const *ids = NULL;
    g_auto(GStrv) names = g_action_group_list_actions (ts_process_view_get_column_actions (self->process_view));

    (void) ids;
    n = g_strv_length (names);
    for (guint i = 0; i < n; i++)
      {
        g_autofree char *detailed = g_strdup_printf ("columns.%s", names[i]);
        GtkColumnView *cv = ts_process_view_get_column_view (self->process_view);
        GListModel *cols = gtk_column_view_get_columns (cv);

        /* Label the item with the column's title. */
        for (guint c = 0; c < g_list_model_get_n_items (cols); c++)
          {
            g_autoptr(GtkColumnViewColumn) col = g_list_model_get_item (cols, c);

            if (g_strcmp0 (g_object_get_data (G_OBJECT (col), "ts-id"), names[i]) == 0)
              g_menu_append (self->columns_section, gtk_column_view_column_get_title (col), detailed);
          }
      }
  }

  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  last = g_settings_get_string (self->settings, "last-page");
  if (!ts_window_set_page (self, last))
    self->wanted_page = g_steal_pointer (&last);
  g_settings_bind (self->settings, "last-page", self->stack, "visible-child-name", G_SETTINGS_BIND_SET);
  g_signal_connect_object (self->stack, "notify::visible-child-name", G_CALLBACK (page_changed_cb), self,
                           G_CONNECT_SWAPPED);
  page_changed_cb (self);

  return self;
}

void
ts_window_add_page (TsWindow   *self,
                    GtkWidget  *page,
                    const char *name,
                    const char *title,
                    const char *icon_name)
{
  AdwViewStackPage *stack_page;

  g_return_if_fail (TS_IS_WINDOW (self));
  g_return_if_fail (GTK_IS_WIDGET (page));

  stack_page = adw_view_stack_add_titled (self->stack, page, name, title);
  adw_view_stack_page_set_icon_name (stack_page, icon_name);
  if (g_strcmp0 (self->wanted_page, name) == 0)
    {
      g_clear_pointer (&self->wanted_page, g_free);
      ts_window_set_page (self, name);
    }
}
