/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-env-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ts-backend-error.h"
#include "ts-env-cells.h"
#include "ts-env-page.h"
#include "ts-environment.h"
#include "ts-table-page.h"

struct _TsEnvPage
{
  AdwBin                parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkSearchEntry       *search_entry;
  GtkLabel             *note_label;
  GtkLabel             *count_label;
  GtkLabel             *diff_label;
  GtkStack             *stack;
  GtkScrolledWindow    *scrolled;
  GtkColumnView        *column_view;
  AdwStatusPage        *status_page;
  GMenuModel           *row_menu;
  GtkWidget            *context_menu;

  TsProcessDetails     *details;
  GtkCustomFilter      *filter;
  GtkFilterListModel   *filter_model;
  GtkSingleSelection   *selection;
  TsEnvCells           *cells;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;

  char                 *search;    /* casefolded; NULL when empty */
  gboolean              compare;
  gboolean              reloading;
  guint                 n_vars;    /* the process's own (REMOVED left out) */
  guint                 n_added, n_changed, n_removed;
};

G_DEFINE_FINAL_TYPE (TsEnvPage, ts_env_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_DETAILS,
  PROP_COMPARE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_view    (TsEnvPage *self);
static void update_actions (TsEnvPage *self);

/* ------------------------------------------------------------- filtering */

/* Casefolded "name\nvalue", made once per entry on the first filter that
 * needs it: typing then costs a strstr per entry, not a casefold. */
static const char *
folded_text (TsEnvVar *v)
{
  static GQuark quark;
  const char *cached;
  g_autofree char *name = NULL;
  g_autofree char *value = NULL;
  char *text;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("ts-env-page-folded");
  cached = g_object_get_qdata (G_OBJECT (v), quark);
  if (cached != NULL)
    return cached;

  name = g_utf8_casefold (ts_env_var_get_name (v), -1);
  value = ts_env_var_get_value (v) != NULL ? g_utf8_casefold (ts_env_var_get_value (v), -1) : NULL;
  text = g_strconcat (name, "\n", value, NULL);
  g_object_set_qdata_full (G_OBJECT (v), quark, text, g_free);
  return text;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  TsEnvPage *self = user_data;
  TsEnvVar *v = item;

  if (!self->compare && ts_env_var_get_diff (v) == TS_ENV_REMOVED)
    return FALSE;
  return self->search == NULL || strstr (folded_text (v), self->search) != NULL;
}

static void
search_changed_cb (TsEnvPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  char *search = *text != '\0' ? g_utf8_casefold (text, -1) : NULL;
  GtkFilterChange change;

  if (g_strcmp0 (search, self->search) == 0)
    {
      g_free (search);
      return;
    }
  /* A longer search that contains the old one can only drop rows, a
   * shorter one only add them: the filter model then looks at fewer rows. */
  if (self->search == NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (search == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else if (strstr (search, self->search) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (self->search, search) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  g_free (self->search);
  self->search = search;
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  update_view (self);
}

static void
stop_search_cb (TsEnvPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* ---------------------------------------------------------------- state */

static GListModel *
env_model (TsEnvPage *self)
{
  return self->details != NULL ? ts_process_details_get_environment (self->details, NULL) : NULL;
}

static TsEnvVar *
selected_var (TsEnvPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
set_status (TsEnvPage  *self,
            const char *icon,
            const char *title,
            const char *description,
            gboolean    spinner)
{
  GtkWidget *child = NULL;

  if (spinner)
    {
      child = gtk_spinner_new ();
      gtk_spinner_start (GTK_SPINNER (child));
      gtk_widget_set_size_request (child, 32, 32);
      gtk_widget_set_halign (child, GTK_ALIGN_CENTER);
    }
  adw_status_page_set_icon_name (self->status_page, icon);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  adw_status_page_set_child (self->status_page, child);
  gtk_stack_set_visible_child_name (self->stack, "status");
}

static char *
error_description (const GError *error)
{
  g_autofree char *text = g_markup_escape_text (error->message, -1);

  if (g_error_matches (error, TS_BACKEND_ERROR, TS_BACKEND_ERROR_ACCESS_DENIED))
    return g_strdup_printf ("%s\n\n<small>%s</small>",
                            _("The process belongs to another user. Only its owner or an "
                              "administrator can read its environment."), text);
  if (g_error_matches (error, TS_BACKEND_ERROR, TS_BACKEND_ERROR_NO_SUCH_PROCESS)
      || g_error_matches (error, TS_BACKEND_ERROR, TS_BACKEND_ERROR_ZOMBIE))
    return g_strdup_printf ("%s\n\n<small>%s</small>",
                            _("The process exited before its environment could be read."), text);
  return g_steal_pointer (&text);
}

/* "42 variables" or "3 of 42 variables"; REMOVED rows are the parent's and
 * are not counted. */
static void
update_count (TsEnvPage *self)
{
  g_autofree char *text = NULL;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  if (env_model (self) == NULL)
    {
      gtk_label_set_text (self->count_label, "");
      return;
    }
  if (self->compare && self->n_removed > 0)
    {
      guint n = shown;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TsEnvVar) v = g_list_model_get_item (G_LIST_MODEL (self->filter_model), i);

          if (ts_env_var_get_diff (v) == TS_ENV_REMOVED)
            shown--;
        }
    }
  if (self->search == NULL)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u variable", "%u variables", self->n_vars),
                            self->n_vars);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u variable", "%u of %u variables",
                                         self->n_vars),
                            shown, self->n_vars);
  gtk_label_set_text (self->count_label, text);
}

static void
update_diff_label (TsEnvPage *self)
{
  g_autofree char *text = NULL;
  TsPid parent;

  if (!self->compare || env_model (self) == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->diff_label), FALSE);
      return;
    }
  parent = ts_process_details_get_environment_parent (self->details);
  if (parent == 0)
    text = g_strdup (_("No parent process whose environment could be read: nothing to compare with."));
  else
    /* Translators: counts of variables, compared with the parent process. */
    text = g_strdup_printf (_("Compared with the parent process (PID %d): %u added, %u changed, %u removed."),
                            (int) parent, self->n_added, self->n_changed, self->n_removed);
  gtk_label_set_text (self->diff_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->diff_label), TRUE);
}

static void
update_note (TsEnvPage *self)
{
  const char *note = _("The environment the process started with. Changes the process made later are not visible.");
  g_autofree char *text = NULL;

  if (self->details != NULL && ts_process_details_get_loaded (self->details)
      && !ts_process_details_get_alive (self->details) && env_model (self) != NULL)
    text = g_strdup_printf ("%s %s", note, _("The process has exited; this is the last environment read."));
  gtk_label_set_text (self->note_label, text != NULL ? text : note);
}

static void
update_view (TsEnvPage *self)
{
  const GError *error = NULL;
  GListModel *model = NULL;

  if (self->details != NULL)
    model = ts_process_details_get_environment (self->details, &error);

  update_count (self);
  update_diff_label (self);
  update_note (self);

  if (self->details == NULL)
    set_status (self, "application-x-executable-symbolic", _("No Process"), NULL, FALSE);
  else if (!ts_process_details_get_environment_loaded (self->details))
    set_status (self, NULL, _("Loading…"), NULL, TRUE);
  else if (model == NULL)
    {
      g_autofree char *description = error != NULL ? error_description (error) : NULL;

      gboolean denied = g_error_matches (error, TS_BACKEND_ERROR, TS_BACKEND_ERROR_ACCESS_DENIED);

      set_status (self, denied ? "dialog-password-symbolic" : "dialog-warning-symbolic",
                  _("Environment Not Available"), description, FALSE);
    }
  else if (self->n_vars == 0 && !(self->compare && self->n_removed > 0))
    set_status (self, "text-x-generic-symbolic", _("No Variables"),
                _("The process started with an empty environment."), FALSE);
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0)
    {
      g_autofree char *description = NULL;

      if (self->search != NULL)
        {
          g_autofree char *text = g_markup_escape_text (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);

          description = g_strdup_printf (_("No variable name or value contains “%s”."), text);
        }
      set_status (self, "system-search-symbolic", _("No Matches"), description, FALSE);
    }
  else
    {
      adw_status_page_set_child (self->status_page, NULL);
      gtk_stack_set_visible_child_name (self->stack, "list");
    }
}

static void
update_actions (TsEnvPage *self)
{
  TsEnvVar *v = selected_var (self);
  gboolean exited = self->details != NULL && ts_process_details_get_loaded (self->details)
                    && !ts_process_details_get_alive (self->details);
  gboolean have = env_model (self) != NULL && self->n_vars > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "env.refresh",
                                 self->details != NULL && !self->reloading && !exited);
  /* Nothing to filter or compare without a list. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), env_model (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "env.compare", env_model (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "env.copy-all", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "env.save", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "env.copy-value", v != NULL && ts_env_var_get_has_equals (v));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "env.copy-line", v != NULL);
}

/* Takes the details' current environment: counts it, keeps the selected
 * name selected across a refresh. */
static void
environment_changed_cb (TsEnvPage *self)
{
  GListModel *model = env_model (self);
  TsEnvVar *old = selected_var (self);
  g_autofree char *selected = old != NULL ? g_strdup (ts_env_var_get_name (old)) : NULL;
  guint n;

  self->reloading = FALSE;
  self->n_vars = self->n_added = self->n_changed = self->n_removed = 0;
  n = model != NULL ? g_list_model_get_n_items (model) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsEnvVar) v = g_list_model_get_item (model, i);

      switch (ts_env_var_get_diff (v))
        {
        case TS_ENV_REMOVED: self->n_removed++; continue;
        case TS_ENV_ADDED:   self->n_added++;   break;
        case TS_ENV_CHANGED: self->n_changed++; break;
        case TS_ENV_SAME:
        default:             break;
        }
      self->n_vars++;
    }

  if (gtk_filter_list_model_get_model (self->filter_model) != model)
    gtk_filter_list_model_set_model (self->filter_model, model);

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (selected != NULL)
    {
      GListModel *shown = G_LIST_MODEL (self->filter_model);

      n = g_list_model_get_n_items (shown);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TsEnvVar) v = g_list_model_get_item (shown, i);

          if (strcmp (ts_env_var_get_name (v), selected) == 0)
            {
              gtk_single_selection_set_selected (self->selection, i);
              break;
            }
        }
    }
  update_view (self);
  update_actions (self);
}

static void
details_updated_cb (TsEnvPage *self)
{
  update_note (self);
  update_actions (self);
}

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
  TsEnvVar *v = selected_var (self);

  if (v != NULL && ts_env_var_get_has_equals (v))
    copy_text (self, ts_env_var_get_value (v), _("Value copied"));
}

static void
copy_line_activated (GtkWidget  *widget,
                     const char *action,
                     GVariant   *param)
{
  TsEnvPage *self = TS_ENV_PAGE (widget);
  TsEnvVar *v = selected_var (self);
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
  GListModel *model = env_model (self);
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
  update_actions (self);
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

  if (selected_var (self) == NULL)
    return;
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view))
      && gtk_widget_compute_bounds (focus, GTK_WIDGET (self->column_view), &bounds))
    ts_table_context_menu_popup (self->context_menu, bounds.origin.x + 24, bounds.origin.y + bounds.size.height);
  else
    ts_table_context_menu_popup (self->context_menu, 24, 24);
}

/* ------------------------------------------------------------ public API */

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
  model = env_model (self);
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

GtkWidget *
ts_env_page_new (void)
{
  return g_object_new (TS_TYPE_ENV_PAGE, NULL);
}

void
ts_env_page_set_details (TsEnvPage        *self,
                         TsProcessDetails *details)
{
  g_return_if_fail (TS_IS_ENV_PAGE (self));
  g_return_if_fail (details == NULL || TS_IS_PROCESS_DETAILS (details));

  if (self->details == details)
    return;
  if (self->details != NULL)
    g_signal_handlers_disconnect_by_data (self->details, self);
  g_set_object (&self->details, details);
  self->reloading = FALSE;
  if (details != NULL)
    {
      g_signal_connect_swapped (details, "environment-changed", G_CALLBACK (environment_changed_cb), self);
      g_signal_connect_swapped (details, "updated", G_CALLBACK (details_updated_cb), self);
      if (!ts_process_details_get_environment_loaded (details))
        {
          self->reloading = TRUE;
          ts_process_details_reload_environment (details);
        }
    }
  environment_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAILS]);
}

TsProcessDetails *
ts_env_page_get_details (TsEnvPage *self)
{
  g_return_val_if_fail (TS_IS_ENV_PAGE (self), NULL);
  return self->details;
}

gboolean
ts_env_page_get_compare (TsEnvPage *self)
{
  g_return_val_if_fail (TS_IS_ENV_PAGE (self), FALSE);
  return self->compare;
}

void
ts_env_page_set_compare (TsEnvPage *self,
                         gboolean   compare)
{
  g_return_if_fail (TS_IS_ENV_PAGE (self));

  compare = !!compare;
  if (self->compare == compare)
    return;
  self->compare = compare;
  /* Only REMOVED rows come and go; the rows on screen get their marks. */
  gtk_filter_changed (GTK_FILTER (self->filter),
                      compare ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_MORE_STRICT);
  ts_env_cells_set_compare (self->cells, compare);
  update_view (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARE]);
}

GListModel *
ts_env_page_get_model (TsEnvPage *self)
{
  g_return_val_if_fail (TS_IS_ENV_PAGE (self), NULL);
  return G_LIST_MODEL (self->filter_model);
}

GtkSingleSelection *
ts_env_page_get_selection (TsEnvPage *self)
{
  g_return_val_if_fail (TS_IS_ENV_PAGE (self), NULL);
  return self->selection;
}

GtkEditable *
ts_env_page_get_search_entry (TsEnvPage *self)
{
  g_return_val_if_fail (TS_IS_ENV_PAGE (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

const char *
ts_env_page_get_visible_state (TsEnvPage *self)
{
  g_return_val_if_fail (TS_IS_ENV_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

AdwStatusPage *
ts_env_page_get_status_page (TsEnvPage *self)
{
  g_return_val_if_fail (TS_IS_ENV_PAGE (self), NULL);
  return self->status_page;
}

const char *
ts_env_page_get_count_text (TsEnvPage *self)
{
  g_return_val_if_fail (TS_IS_ENV_PAGE (self), NULL);
  return gtk_label_get_text (self->count_label);
}

const char *
ts_env_page_get_diff_text (TsEnvPage *self)
{
  g_return_val_if_fail (TS_IS_ENV_PAGE (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->diff_label)) ? gtk_label_get_text (self->diff_label) : NULL;
}

GtkColumnView *
ts_env_page_get_column_view (TsEnvPage *self)
{
  g_return_val_if_fail (TS_IS_ENV_PAGE (self), NULL);
  return self->column_view;
}

/* --------------------------------------------------------------- object */

static void
ts_env_page_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TsEnvPage *self = TS_ENV_PAGE (object);

  switch (prop_id)
    {
    case PROP_DETAILS:
      g_value_set_object (value, self->details);
      break;
    case PROP_COMPARE:
      g_value_set_boolean (value, self->compare);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_env_page_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TsEnvPage *self = TS_ENV_PAGE (object);

  switch (prop_id)
    {
    case PROP_DETAILS:
      ts_env_page_set_details (self, g_value_get_object (value));
      break;
    case PROP_COMPARE:
      ts_env_page_set_compare (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_env_page_dispose (GObject *object)
{
  TsEnvPage *self = TS_ENV_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->details != NULL)
    g_signal_handlers_disconnect_by_data (self->details, self);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);

  /* The bin's child is a bound template child: let go of it first, or the
   * template's disposal leaves the bin a dangling child. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_ENV_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->cells, ts_env_cells_free);
  g_clear_object (&self->details);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (ts_env_page_parent_class)->dispose (object);
}

static void
ts_env_page_class_init (TsEnvPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ts_env_page_dispose;
  object_class->get_property = ts_env_page_get_property;
  object_class->set_property = ts_env_page_set_property;

  properties[PROP_DETAILS] =
    g_param_spec_object ("details", NULL, NULL, TS_TYPE_PROCESS_DETAILS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPARE] =
    g_param_spec_boolean ("compare", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/taskscope/Taskscope/ts-env-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TsEnvPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TsEnvPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TsEnvPage, note_label);
  gtk_widget_class_bind_template_child (widget_class, TsEnvPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, TsEnvPage, diff_label);
  gtk_widget_class_bind_template_child (widget_class, TsEnvPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TsEnvPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, TsEnvPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, TsEnvPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, TsEnvPage, row_menu);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

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

static void
ts_env_page_init (TsEnvPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (update_actions), self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (update_actions), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  self->cells = ts_env_cells_new (self->column_view);

  /* Typing in the list goes to the filter. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));

  self->context_menu = ts_table_context_menu_new (self->column_view, self->row_menu);

  update_view (self);
  update_actions (self);
}
