/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-env-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-env-page-private.h"
#include "ts-environment.h"
#include "ts-table-page.h"

/* -------------------------------------------------------------- actions */

static void
toast (TsEnvPage  *self,
       const char *text)
{
  AdwToast *t = adw_toast_new (text);

  adw_toast_set_timeout (t, 2);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static void
copy_text (TsEnvPage  *self,
           const char *text,
           const char *done)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  toast (self, done);
}

static void
copy_value_activated (GtkWidget  *widget,
                      const char *action,
                      GVariant   *param)
{
  TsEnvPage *self = TS_ENV_PAGE (widget);
  TsEnvVar *v = ts_env_page_selected_var (self);

  if (v != NULL && ts_env_var_get_has_equals (v))
    copy_text (self, ts_env_var_get_value (v), _("Value copied"));
}

static void
copy_line_activated (GtkWidget  *widget,
                     const char *action,
                     GVariant   *param)
{
  TsEnvPage *self = TS_ENV_PAGE (widget);
  TsEnvVar *v = ts_env_page_selected_var (self);
  g_autofree char *line = NULL;

  if (v == NULL)
    return;
  line = ts_env_var_dup_line (v);
  copy_text (self, line, _("Line copied"));
}

static void
copy_all_activated (GtkWidget  *widget,
                    const char *action,
                    GVariant   *param)
{
  TsEnvPage *self = TS_ENV_PAGE (widget);
  GListModel *model = ts_env_page_env_model (self);
  g_autofree char *text = NULL;

  if (model == NULL)
    return;
  /* The clipboard takes UTF-8: the display form, not the raw bytes. */
  text = ts_environment_to_export (model, FALSE, NULL);
  copy_text (self, text, _("All variables copied as shell exports"));
}

static void
save_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TsEnvPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ts_env_page_save_finish (self, result, &error))
    {
      g_autofree char *text = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      text = g_strdup_printf (_("Could not save the environment: %s"), error->message);
      toast (self, text);
    }
  else
    toast (self, _("Environment saved"));
}

static void
chooser_response_cb (TsEnvPage *self,
                     int        response)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    ts_env_page_save_async (self, file, self->cancellable, save_done, g_object_ref (self));
}

static void
save_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  TsEnvPage *self = TS_ENV_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = NULL;

  if (self->chooser != NULL || self->details == NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Save Environment"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  name = g_strdup_printf ("environment-%d.sh", (int) ts_process_details_get_pid (self->details));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
refresh_activated (GtkWidget  *widget,
                   const char *action,
                   GVariant   *param)
{
  TsEnvPage *self = TS_ENV_PAGE (widget);

  if (self->details == NULL)
    return;
  self->reloading = TRUE;
  ts_env_page_update_actions (self);
  ts_process_details_reload_environment (self->details);
}

static void
focus_search_activated (GtkWidget  *widget,
                        const char *action,
                        GVariant   *param)
{
  TsEnvPage *self = TS_ENV_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Menu key: the menu opens at the focused row. */
static void
menu_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  TsEnvPage *self = TS_ENV_PAGE (widget);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  graphene_rect_t bounds;

  if (ts_env_page_selected_var (self) == NULL)
    return;
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view))
      && gtk_widget_compute_bounds (focus, GTK_WIDGET (self->column_view), &bounds))
    ts_table_context_menu_popup (self->context_menu, bounds.origin.x + 24, bounds.origin.y + bounds.size.height);
  else
    ts_table_context_menu_popup (self->context_menu, 24, 24);
}

/* ---------------------------------------------------------------- saving */

static void
save_thread_free (gpointer data)
{
  g_bytes_unref (data);
}

static void
replace_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
ts_env_page_save_async (TsEnvPage           *self,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GListModel *model;
  char *text;
  gsize len = 0;
  GBytes *bytes;

  g_return_if_fail (TS_IS_ENV_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ts_env_page_save_async);
  model = ts_env_page_env_model (self);
  if (model == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s",
                               _("The environment has not been read"));
      return;
    }
  /* A file takes the bytes as the process had them. */
  text = ts_environment_to_export (model, TRUE, &len);
  bytes = g_bytes_new_take (text, len);
  g_task_set_task_data (task, bytes, save_thread_free);
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       cancellable, replace_done, g_object_ref (task));
}

gboolean
ts_env_page_save_finish (TsEnvPage     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
ts_env_page_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "env.copy-value", NULL, copy_value_activated);
  gtk_widget_class_install_action (widget_class, "env.copy-line", NULL, copy_line_activated);
  gtk_widget_class_install_action (widget_class, "env.copy-all", NULL, copy_all_activated);
  gtk_widget_class_install_action (widget_class, "env.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "env.refresh", NULL, refresh_activated);
  gtk_widget_class_install_action (widget_class, "env.focus-search", NULL, focus_search_activated);
  gtk_widget_class_install_action (widget_class, "env.menu", NULL, menu_activated);
  gtk_widget_class_install_property_action (widget_class, "env.compare", "compare");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "env.copy-value", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "env.copy-line", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "env.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "env.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "env.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "env.menu", NULL);
}
