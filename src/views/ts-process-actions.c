/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a user can do to the selected processes, with confirmation where it
 * loses work and a toast with the real cause when the system says no. */
#define G_LOG_DOMAIN "ts-process-actions"

#include "config.h"

#include <glib/gi18n.h>
#include <signal.h>
#include <string.h>

#include "ts-application.h"
#include "ts-backend-error.h"
#include "ts-process-actions.h"

static const char *const action_names[] = {
  "proc.stop", "proc.continue", "proc.end", "proc.kill", "proc.signal",
  "proc.nice", "proc.ionice", "proc.affinity", "proc.copy-command", "proc.properties",
};

static const struct
{
  int         signum;
  const char *name;
  const char *meaning;
} signal_choices[] = {
  { SIGHUP,  "SIGHUP",  N_("Hang up: many daemons reload their configuration") },
  { SIGINT,  "SIGINT",  N_("Interrupt, as Ctrl+C in a terminal") },
  { SIGQUIT, "SIGQUIT", N_("Quit and dump core") },
  { SIGTERM, "SIGTERM", N_("Terminate: ask the process to quit") },
  { SIGKILL, "SIGKILL", N_("Kill: end it at once, without cleanup") },
  { SIGSTOP, "SIGSTOP", N_("Stop: pause it") },
  { SIGCONT, "SIGCONT", N_("Continue a stopped process") },
  { SIGUSR1, "SIGUSR1", N_("User-defined signal 1") },
  { SIGUSR2, "SIGUSR2", N_("User-defined signal 2") },
  { SIGABRT, "SIGABRT", N_("Abort and dump core") },
};

static void
show_toast (TsProcessView *view, const char *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (view), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  g_message ("%s", text);
  if (overlay == NULL)
    return;
  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static char *
process_label (TsProcess *p)
{
  return g_strdup_printf ("“%s” (PID %d)", ts_process_get_name (p) ? ts_process_get_name (p) : "?",
                          ts_process_get_pid (p));
}

typedef gboolean (*ActFunc) (TsPlatform *platform, TsProcess *p, gpointer data, TsPlatformError *err);

static char *
format_failure (const char *failed_fmt, TsProcess *p, const char *cause)
{
  g_autofree char *label = process_label (p);

  /* failed_fmt is one of our translated "%s: %s" sentences. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  return g_strdup_printf (failed_fmt, label, cause);
#pragma GCC diagnostic pop
}

/* ------------------------------------------- escalation through pkexec */

/* The processes the system refused to us, retried one by one through
 * `pkexec taskscope-helper OP PID START_TICKS ARGS...`.  pkexec only asks
 * for a password for the installed helper (the polkit policy names its
 * path), and auth_admin_keep spares the user a prompt per process. */
typedef struct
{
  TsProcessView *view;
  GPtrArray     *procs;
  char         **helper_args;   /* OP ARGS..., without PID and START_TICKS */
  char          *failed_fmt;
  guint          next;
  guint          failed;
  char          *first_error;
} Escalation;

static void
escalation_free (Escalation *e)
{
  g_object_unref (e->view);
  g_ptr_array_unref (e->procs);
  g_strfreev (e->helper_args);
  g_free (e->failed_fmt);
  g_free (e->first_error);
  g_free (e);
}

/* The program that asks for the password: pkexec, or TS_PKEXEC (the ui
 * tests put a stand-in there). */
static const char *
pkexec_program (void)
{
  const char *override = g_getenv ("TS_PKEXEC");

  return override != NULL && *override != '\0' ? override : "pkexec";
}

gboolean
ts_process_actions_can_escalate (void)
{
  g_autofree char *pkexec = NULL;

  if (g_getenv ("TS_PKEXEC") != NULL)
    return TRUE;
  /* Uninstalled (run from the build tree) there is no helper where the
   * policy expects it: the direct call's error stands. */
  if (!g_file_test (TS_HELPER_PATH, G_FILE_TEST_IS_EXECUTABLE))
    return FALSE;
  pkexec = g_find_program_in_path ("pkexec");
  return pkexec != NULL;
}

static void escalation_step (Escalation *e);

static void
escalation_finish (Escalation *e)
{
  if (e->first_error != NULL)
    {
      if (e->failed > 1)
        {
          g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (and %u more)",
                                                                "%s (and %u more)", e->failed - 1),
                                                   e->first_error, e->failed - 1);
          show_toast (e->view, more);
        }
      else
        show_toast (e->view, e->first_error);
    }
  ts_process_list_refresh (ts_process_view_get_list (e->view));
  escalation_free (e);
}

static void
escalation_wait_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GSubprocess *proc = G_SUBPROCESS (source);
  Escalation *e = user_data;
  TsProcess *p = g_ptr_array_index (e->procs, e->next - 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *err_text = NULL;
  const char *cause;
  int status;

  if (!g_subprocess_communicate_utf8_finish (proc, result, NULL, &err_text, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Could not ask for a password: %s"), error->message);

      show_toast (e->view, text);
      escalation_finish (e);
      return;
    }
  status = g_subprocess_get_if_exited (proc) ? g_subprocess_get_exit_status (proc) : -1;
  if (status == 0)
    {
      escalation_step (e);
      return;
    }
  if (status == 126)
    {
      /* The user dismissed the password dialog: that is an answer, not an
       * error.  The rest of the queue is dropped with it. */
      g_debug ("password dialog dismissed; nothing changed");
      g_clear_pointer (&e->first_error, g_free);
      escalation_finish (e);
      return;
    }

  g_strstrip (err_text);
  cause = err_text;
  if (g_str_has_prefix (cause, "taskscope-helper: "))
    cause += strlen ("taskscope-helper: ");
  if (status == 127 || status < 0 || *cause == '\0')
    {
      /* pkexec itself failed: no polkit agent, not authorized, no helper. */
      g_autofree char *text = g_strdup_printf (_("Could not ask for a password: %s"),
                                               *cause != '\0' ? cause : _("pkexec failed"));

      show_toast (e->view, text);
      g_clear_pointer (&e->first_error, g_free);
      escalation_finish (e);
      return;
    }
  e->failed++;
  if (e->first_error == NULL)
    e->first_error = format_failure (e->failed_fmt, p, cause);
  escalation_step (e);
}

static void
escalation_step (Escalation *e)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) argv = NULL;
  char pid_text[16], start_text[24];
  TsProcess *p;

  if (e->next >= e->procs->len)
    {
      escalation_finish (e);
      return;
    }
  p = g_ptr_array_index (e->procs, e->next++);
  g_snprintf (pid_text, sizeof pid_text, "%d", (int) ts_process_get_pid (p));
  g_snprintf (start_text, sizeof start_text, "%" G_GUINT64_FORMAT, ts_process_get_start_ticks (p));

  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, pkexec_program ());
  g_strv_builder_add (builder, TS_HELPER_PATH);
  g_strv_builder_add (builder, e->helper_args[0]);
  g_strv_builder_add (builder, pid_text);
  g_strv_builder_add (builder, start_text);
  for (guint i = 1; e->helper_args[i] != NULL; i++)
    g_strv_builder_add (builder, e->helper_args[i]);
  argv = g_strv_builder_end (builder);

  proc = g_subprocess_newv ((const char *const *) argv,
                            G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  if (proc == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not ask for a password: %s"), error->message);

      show_toast (e->view, text);
      escalation_finish (e);
      return;
    }
  g_subprocess_communicate_utf8_async (proc, NULL, NULL, escalation_wait_cb, e);
}

/* Runs func on each process; the ones the system refuses to us are retried
 * through pkexec and the helper (helper_args: its operation and values);
 * the first other failure becomes a toast naming the process and the
 * cause.  Returns the number that succeeded directly. */
static guint
act_on (TsProcessView *view, GPtrArray *procs, ActFunc func, gpointer data, const char *failed_fmt,
        const char *const *helper_args)
{
  TsProcessList *list = ts_process_view_get_list (view);
  TsPlatform *platform = ts_process_list_get_platform (list);
  g_autofree char *first_error = NULL;
  g_autoptr(GPtrArray) denied = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean escalate = helper_args != NULL && platform != NULL && ts_process_actions_can_escalate ();
  guint ok = 0, failed = 0;

  for (guint i = 0; i < procs->len; i++)
    {
      TsProcess *p = g_ptr_array_index (procs, i);
      TsPlatformError err = { 0 };

      if (platform != NULL && func (platform, p, data, &err))
        {
          ok++;
          continue;
        }
      if (escalate && err.kind == TS_PLATFORM_ERR_ACCESS_DENIED)
        {
          g_ptr_array_add (denied, g_object_ref (p));
          continue;
        }
      failed++;
      if (first_error == NULL)
        {
          g_autofree char *cause = platform != NULL ? ts_backend_error_to_string (&err)
                                                    : g_strdup (_("processes cannot be read on this system"));

          first_error = format_failure (failed_fmt, p, cause);
        }
    }

  if (first_error != NULL)
    {
      if (failed > 1)
        {
          g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (and %u more)",
                                                                "%s (and %u more)", failed - 1),
                                                   first_error, failed - 1);
          show_toast (view, more);
        }
      else
        show_toast (view, first_error);
    }
  ts_process_list_refresh (list);

  if (denied->len > 0)
    {
      Escalation *e = g_new0 (Escalation, 1);

      e->view = g_object_ref (view);
      e->procs = g_steal_pointer (&denied);
      e->helper_args = g_strdupv ((char **) helper_args);
      e->failed_fmt = g_strdup (failed_fmt);
      escalation_step (e);
    }
  return ok;
}

static gboolean
do_signal (TsPlatform *platform, TsProcess *p, gpointer data, TsPlatformError *err)
{
  return ts_platform_send_signal (platform, ts_process_get_pid (p), ts_process_get_start_ticks (p),
                                  GPOINTER_TO_INT (data), err);
}

static void
send_signal (TsProcessView *view, GPtrArray *procs, int signum)
{
  const char *helper_args[] = { "signal", NULL, NULL };

  /* The helper takes the name without "SIG", from the same list. */
  for (guint i = 0; i < G_N_ELEMENTS (signal_choices); i++)
    if (signal_choices[i].signum == signum)
      helper_args[1] = signal_choices[i].name + 3;
  /* Translators: the first %s is a process ("firefox" (PID 12)), the second the cause. */
  act_on (view, procs, do_signal, GINT_TO_POINTER (signum), _("Could not signal %s: %s"),
          helper_args[1] != NULL ? helper_args : NULL);
}

/* ------------------------------------------------------------- end, kill */

typedef struct
{
  TsProcessView *view;
  GPtrArray     *procs;
  int            signum;
} Pending;

static void
pending_free (Pending *pending)
{
  g_object_unref (pending->view);
  g_ptr_array_unref (pending->procs);
  g_free (pending);
}

static void
confirm_response_cb (AdwMessageDialog *dialog, const char *response, Pending *pending)
{
  if (g_strcmp0 (response, "confirm") == 0)
    send_signal (pending->view, pending->procs, pending->signum);
  pending_free (pending);
}

static char *
names_text (GPtrArray *procs)
{
  GString *s = g_string_new (NULL);
  guint shown = MIN (procs->len, 5);

  for (guint i = 0; i < shown; i++)
    {
      g_autofree char *label = process_label (g_ptr_array_index (procs, i));

      g_string_append_printf (s, "%s%s", i > 0 ? ", " : "", label);
    }
  if (procs->len > shown)
    g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, " and %u more", " and %u more",
                                            procs->len - shown), procs->len - shown);
  return g_string_free (s, FALSE);
}

static void
end_or_kill (TsProcessView *view, int signum)
{
  g_autoptr(GPtrArray) procs = ts_process_view_get_selected (view);
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *names = NULL;
  g_autofree char *body = NULL;
  gboolean kill = signum == SIGKILL;
  Pending *pending;
  GtkWidget *dialog;

  if (procs->len == 0)
    return;
  settings = g_settings_new (APPLICATION_ID);
  if (!g_settings_get_boolean (settings, "confirm-end"))
    {
      send_signal (view, procs, signum);
      return;
    }

  names = names_text (procs);
  if (procs->len == 1)
    heading = g_strdup_printf (kill ? _("Kill “%s”?") : _("End “%s”?"),
                               ts_process_get_name (g_ptr_array_index (procs, 0)));
  else
    heading = g_strdup_printf (kill ? g_dngettext (GETTEXT_PACKAGE, "Kill %u Process?", "Kill %u Processes?", procs->len)
                                    : g_dngettext (GETTEXT_PACKAGE, "End %u Process?", "End %u Processes?", procs->len),
                               procs->len);
  body = g_strdup_printf (kill ? _("%s will be stopped at once, without a chance to save. Unsaved work is lost.")
                               : _("%s will be asked to quit. Unsaved work may be lost."),
                          names);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (view))), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "confirm", kill ? _("_Kill") : _("_End"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  pending = g_new0 (Pending, 1);
  pending->view = g_object_ref (view);
  pending->procs = g_ptr_array_ref (procs);
  pending->signum = signum;
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), pending);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
simple_signal_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TsProcessView *view = TS_PROCESS_VIEW (widget);
  g_autoptr(GPtrArray) procs = ts_process_view_get_selected (view);

  if (g_str_equal (action_name, "proc.end"))
    end_or_kill (view, SIGTERM);
  else if (g_str_equal (action_name, "proc.kill"))
    end_or_kill (view, SIGKILL);
  else if (procs->len > 0)
    send_signal (view, procs, g_str_equal (action_name, "proc.stop") ? SIGSTOP : SIGCONT);
}

/* --------------------------------------------- dialogs with one control */

typedef struct
{
  TsProcessView *view;
  GPtrArray     *procs;
  GtkWidget     *control;
  GtkWidget     *control2;
  GPtrArray     *checks;
} Ask;

static void
ask_free (Ask *ask)
{
  g_object_unref (ask->view);
  g_ptr_array_unref (ask->procs);
  g_clear_pointer (&ask->checks, g_ptr_array_unref);
  g_free (ask);
}

static GtkWidget *
ask_dialog (TsProcessView *view, Ask **ask_out, const char *heading, const char *apply, GtkWidget *extra)
{
  g_autoptr(GPtrArray) procs = ts_process_view_get_selected (view);
  g_autofree char *names = NULL;
  GtkWidget *dialog;
  Ask *ask;

  if (procs->len == 0)
    {
      g_object_ref_sink (extra);
      g_object_unref (extra);
      return NULL;
    }
  names = names_text (procs);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (view))), heading, names);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "apply", apply, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), extra);

  ask = g_new0 (Ask, 1);
  ask->view = g_object_ref (view);
  ask->procs = g_steal_pointer (&procs);
  *ask_out = ask;
  return dialog;
}

static void
signal_response_cb (AdwMessageDialog *dialog, const char *response, Ask *ask)
{
  if (g_strcmp0 (response, "apply") == 0)
    {
      guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (ask->control));

      if (i < G_N_ELEMENTS (signal_choices))
        send_signal (ask->view, ask->procs, signal_choices[i].signum);
    }
  ask_free (ask);
}

static void
signal_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *dropdown, *dialog;
  Ask *ask = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (signal_choices); i++)
    {
      g_autofree char *text = g_strdup_printf ("%s — %s", signal_choices[i].name, _(signal_choices[i].meaning));

      gtk_string_list_append (names, text);
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);

  dialog = ask_dialog (TS_PROCESS_VIEW (widget), &ask, _("Send a Signal"), _("_Send"), dropdown);
  if (dialog == NULL)
    return;
  ask->control = dropdown;
  g_signal_connect (dialog, "response", G_CALLBACK (signal_response_cb), ask);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
do_nice (TsPlatform *platform, TsProcess *p, gpointer data, TsPlatformError *err)
{
  return ts_platform_set_nice (platform, ts_process_get_pid (p), ts_process_get_start_ticks (p),
                               GPOINTER_TO_INT (data), err);
}

static void
nice_response_cb (AdwMessageDialog *dialog, const char *response, Ask *ask)
{
  if (g_strcmp0 (response, "apply") == 0)
    {
      int nice = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (ask->control));
      g_autofree char *nice_text = g_strdup_printf ("%d", nice);
      const char *helper_args[] = { "nice", nice_text, NULL };

      act_on (ask->view, ask->procs, do_nice, GINT_TO_POINTER (nice),
              _("Could not change the priority of %s: %s"), helper_args);
    }
  ask_free (ask);
}

static GtkWidget *
labelled (const char *text, GtkWidget *control, const char *hint)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), control);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), control);
  gtk_box_append (GTK_BOX (box), row);
  if (hint != NULL)
    {
      GtkWidget *h = gtk_label_new (hint);

      gtk_label_set_wrap (GTK_LABEL (h), TRUE);
      gtk_label_set_xalign (GTK_LABEL (h), 0);
      gtk_widget_add_css_class (h, "dim-label");
      gtk_widget_add_css_class (h, "caption");
      gtk_box_append (GTK_BOX (box), h);
    }
  return box;
}

static void
nice_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TsProcessView *view = TS_PROCESS_VIEW (widget);
  g_autoptr(GPtrArray) procs = ts_process_view_get_selected (view);
  GtkWidget *spin, *dialog;
  Ask *ask = NULL;

  spin = gtk_spin_button_new_with_range (-20, 19, 1);
  if (procs->len > 0)
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), ts_process_get_nice (g_ptr_array_index (procs, 0)));
  dialog = ask_dialog (view, &ask, _("Change Priority"), _("_Change"),
                       labelled (_("_Nice value"), spin,
                                 _("From −20 (most favourable) to 19 (least). Raising the priority "
                                   "(a lower value) needs administrator rights.")));
  if (dialog == NULL)
    return;
  ask->control = spin;
  g_signal_connect (dialog, "response", G_CALLBACK (nice_response_cb), ask);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
do_ionice (TsPlatform *platform, TsProcess *p, gpointer data, TsPlatformError *err)
{
  int packed = GPOINTER_TO_INT (data);

  return ts_platform_set_ionice (platform, ts_process_get_pid (p), ts_process_get_start_ticks (p),
                                 packed >> 8, packed & 0xff, err);
}

static void
ionice_response_cb (AdwMessageDialog *dialog, const char *response, Ask *ask)
{
  if (g_strcmp0 (response, "apply") == 0)
    {
      /* The drop-down lists the classes in their kernel order. */
      int cls = (int) gtk_drop_down_get_selected (GTK_DROP_DOWN (ask->control));
      int level = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (ask->control2));

      char cls_text[4], level_text[4];
      const char *helper_args[] = { "ionice", cls_text, level_text, NULL };

      g_snprintf (cls_text, sizeof cls_text, "%d", cls);
      g_snprintf (level_text, sizeof level_text, "%d", level);
      act_on (ask->view, ask->procs, do_ionice, GINT_TO_POINTER ((cls << 8) | level),
              _("Could not change the I/O priority of %s: %s"), helper_args);
    }
  ask_free (ask);
}

static void
ionice_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TsProcessView *view = TS_PROCESS_VIEW (widget);
  g_autoptr(GPtrArray) procs = ts_process_view_get_selected (view);
  const char *classes[] = { N_("Normal"), N_("Realtime"), N_("Best effort"), N_("Idle"), NULL };
  const char *translated[5];
  GtkWidget *dropdown, *spin, *box, *dialog;
  Ask *ask = NULL;

  for (guint i = 0; i < 5; i++)
    translated[i] = classes[i] != NULL ? _(classes[i]) : NULL;
  dropdown = gtk_drop_down_new_from_strings (translated);
  spin = gtk_spin_button_new_with_range (0, 7, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 4);
  if (procs->len > 0)
    {
      TsProcess *p = g_ptr_array_index (procs, 0);

      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), (guint) CLAMP (ts_process_get_ionice_class (p), 0, 3));
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), ts_process_get_ionice_value (p));
    }
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), labelled (_("_Class"), dropdown, NULL));
  gtk_box_append (GTK_BOX (box), labelled (_("_Level"), spin,
                                           _("0 is the highest level, 7 the lowest. Realtime needs "
                                             "administrator rights; Idle gets disk time only when no one "
                                             "else wants it.")));
  dialog = ask_dialog (view, &ask, _("I/O Priority"), _("_Change"), box);
  if (dialog == NULL)
    return;
  ask->control = dropdown;
  ask->control2 = spin;
  g_signal_connect (dialog, "response", G_CALLBACK (ionice_response_cb), ask);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
do_affinity (TsPlatform *platform, TsProcess *p, gpointer data, TsPlatformError *err)
{
  return ts_platform_set_affinity (platform, ts_process_get_pid (p), ts_process_get_start_ticks (p), data, err);
}

static void
affinity_response_cb (AdwMessageDialog *dialog, const char *response, Ask *ask)
{
  if (g_strcmp0 (response, "apply") == 0)
    {
      uint64_t set[TS_CPU_SET_WORDS] = { 0 };
      g_autoptr(GString) list = g_string_new (NULL);
      const char *helper_args[] = { "affinity", NULL, NULL };
      gboolean any = FALSE;

      for (guint i = 0; i < ask->checks->len && i < TS_CPU_SET_WORDS * 64; i++)
        if (gtk_check_button_get_active (g_ptr_array_index (ask->checks, i)))
          {
            set[i / 64] |= UINT64_C (1) << (i % 64);
            g_string_append_printf (list, "%s%u", any ? "," : "", i);
            any = TRUE;
          }
      helper_args[1] = list->str;
      if (any)
        act_on (ask->view, ask->procs, do_affinity, set, _("Could not change the CPUs of %s: %s"),
                helper_args);
      else
        show_toast (ask->view, _("A process needs at least one CPU to run on"));
    }
  ask_free (ask);
}

static void
affinity_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  TsProcessView *view = TS_PROCESS_VIEW (widget);
  int n_cpus = ts_process_list_get_n_cpus (ts_process_view_get_list (view));
  GtkWidget *flow = gtk_flow_box_new ();
  GPtrArray *checks = g_ptr_array_new ();
  GtkWidget *dialog;
  Ask *ask = NULL;

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 8);
  for (int i = 0; i < n_cpus; i++)
    {
      g_autofree char *label = g_strdup_printf (_("CPU %d"), i);
      GtkWidget *check = gtk_check_button_new_with_label (label);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_flow_box_append (GTK_FLOW_BOX (flow), check);
      g_ptr_array_add (checks, check);
    }
  dialog = ask_dialog (view, &ask, _("CPU Affinity"), _("_Change"), flow);
  if (dialog == NULL)
    {
      g_ptr_array_unref (checks);
      return;
    }
  ask->checks = checks;
  g_signal_connect (dialog, "response", G_CALLBACK (affinity_response_cb), ask);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
copy_command_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  g_autoptr(GPtrArray) procs = ts_process_view_get_selected (TS_PROCESS_VIEW (widget));
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < procs->len; i++)
    {
      const char *cmd = ts_process_get_command_line (g_ptr_array_index (procs, i));

      g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", cmd != NULL ? cmd : "");
    }
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text->str);
  g_string_free (text, TRUE);
}

/* Opens a details window for each selected process. */
static void
properties_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  g_autoptr(GPtrArray) procs = ts_process_view_get_selected (TS_PROCESS_VIEW (widget));
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (gtk_widget_get_root (widget)));

  for (guint i = 0; i < procs->len; i++)
    {
      TsProcess *p = g_ptr_array_index (procs, i);

      if (app != NULL && TS_IS_APPLICATION (app))
        ts_application_show_process (TS_APPLICATION (app), ts_process_get_pid (p),
                                     ts_process_get_start_ticks (p));
      else
        gtk_widget_activate_action (widget, "app.show-process", "i", ts_process_get_pid (p));
    }
}

static void
menu_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  ts_process_view_popup_menu (TS_PROCESS_VIEW (widget));
}

void
ts_process_actions_install (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "proc.stop", NULL, simple_signal_activated);
  gtk_widget_class_install_action (widget_class, "proc.continue", NULL, simple_signal_activated);
  gtk_widget_class_install_action (widget_class, "proc.end", NULL, simple_signal_activated);
  gtk_widget_class_install_action (widget_class, "proc.kill", NULL, simple_signal_activated);
  gtk_widget_class_install_action (widget_class, "proc.signal", NULL, signal_activated);
  gtk_widget_class_install_action (widget_class, "proc.nice", NULL, nice_activated);
  gtk_widget_class_install_action (widget_class, "proc.ionice", NULL, ionice_activated);
  gtk_widget_class_install_action (widget_class, "proc.affinity", NULL, affinity_activated);
  gtk_widget_class_install_action (widget_class, "proc.copy-command", NULL, copy_command_activated);
  gtk_widget_class_install_action (widget_class, "proc.menu", NULL, menu_activated);
  gtk_widget_class_install_action (widget_class, "proc.properties", NULL, properties_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "proc.end", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "proc.end", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_SHIFT_MASK, "proc.kill", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "proc.kill", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "proc.stop", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "proc.continue", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "proc.copy-command", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_ALT_MASK, "proc.properties", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "proc.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "proc.menu", NULL);
}

void
ts_process_actions_update (TsProcessView *view,
                           guint          n_selected)
{
  for (guint i = 0; i < G_N_ELEMENTS (action_names); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (view), action_names[i], n_selected > 0);
}
