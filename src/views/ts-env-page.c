/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-env-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ts-backend-error.h"
#include "ts-env-page-private.h"
#include "ts-environment.h"
#include "ts-table-page.h"

G_DEFINE_FINAL_TYPE (TsEnvPage, ts_env_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_DETAILS,
  PROP_COMPARE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_view (TsEnvPage *self);

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

  if (ts_env_page_env_model (self) == NULL)
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

  if (!self->compare || ts_env_page_env_model (self) == NULL)
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
      && !ts_process_details_get_alive (self->details) && ts_env_page_env_model (self) != NULL)
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

void
ts_env_page_update_actions (TsEnvPage *self)
{
  TsEnvVar *v = ts_env_page_selected_var (self);
  gboolean exited = self->details != NULL && ts_process_details_get_loaded (self->details)
                    && !ts_process_details_get_alive (self->details);
  gboolean have = ts_env_page_env_model (self) != NULL && self->n_vars > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "env.refresh",
                                 self->details != NULL && !self->reloading && !exited);
  /* Nothing to filter or compare without a list. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), ts_env_page_env_model (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "env.compare", ts_env_page_env_model (self) != NULL);
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
  GListModel *model = ts_env_page_env_model (self);
  TsEnvVar *old = ts_env_page_selected_var (self);
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
  ts_env_page_update_actions (self);
}

static void
details_updated_cb (TsEnvPage *self)
{
  update_note (self);
  ts_env_page_update_actions (self);
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
  ts_env_page_update_actions (self);
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

  ts_env_page_class_add_actions (widget_class);
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
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (ts_env_page_update_actions), self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (ts_env_page_update_actions), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  self->cells = ts_env_cells_new (self->column_view);

  /* Typing in the list goes to the filter. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));

  self->context_menu = ts_table_context_menu_new (self->column_view, self->row_menu);

  update_view (self);
  ts_env_page_update_actions (self);
}
