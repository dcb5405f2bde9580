/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Suite `ui`: the window's escalation path.  A process the system refuses
 * to us is retried through pkexec; here TS_PKEXEC names a stand-in script
 * that logs its arguments and then behaves like pkexec: exit 126 (dialog
 * dismissed), 127 (no agent), or runs the helper of this build tree.
 *
 * Needs root: the target is a `sleep` running as nobody, and the test
 * takes an effective uid that is neither root's nor nobody's around the
 * action, so the direct call fails with EPERM.
 */
#define G_LOG_DOMAIN "test-escalation"

#include "config.h"

#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ts-process-list.h"
#include "ts-process-view.h"
#include "ts-ui-util.h"
#include "ts-window.h"

#define TEST_APP_ID "io.github.taskscope.Taskscope.EscalationTest"
#define OTHER_UID   65533   /* neither root nor nobody: signals to nobody's process fail */

static AdwApplication *app;
static TsProcessList  *list;
static TsWindow       *window;
static GPtrArray      *toasts;  /* the texts show_toast logged */
static char           *tmpdir;

static void
record_toast (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
  g_ptr_array_add (toasts, g_strdup (message));
}

static gboolean
flag_source (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the main loop for ms milliseconds, or until check holds. */
static gboolean
spin_until (gboolean (*check) (gpointer), gpointer data, guint ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (ms, flag_source, &timed_out);

  while (!timed_out && (check == NULL || !check (data)))
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return !timed_out;
}

static gboolean
listed (gpointer data)
{
  return ts_process_list_lookup (list, GPOINTER_TO_INT (data)) != NULL;
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

typedef struct
{
  GSubprocess *proc;
  gboolean     done;
} Victim;

static void
victim_exited (GObject *source, GAsyncResult *result, gpointer data)
{
  ((Victim *) data)->done = TRUE;
}

static gboolean
victim_done (gpointer data)
{
  return ((Victim *) data)->done;
}

/* A sleep that belongs to nobody, listed in the view and selected. */
static void
victim_start (Victim *v)
{
  const char *argv[] = { "setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                         "sleep", "300", NULL };
  g_autoptr(GError) error = NULL;
  TsPid pid;

  v->done = FALSE;
  v->proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_async (v->proc, NULL, victim_exited, v);
  pid = (TsPid) atoi (g_subprocess_get_identifier (v->proc));
  /* setpriv execs sleep under the same PID; wait until the list has it as such. */
  for (int i = 0; i < 40; i++)
    {
      TsProcess *p;

      spin_until (listed, GINT_TO_POINTER (pid), 10000);
      p = ts_process_list_lookup (list, pid);
      if (p != NULL && g_strcmp0 (ts_process_get_name (p), "sleep") == 0)
        break;
      spin_until (NULL, NULL, 250);
    }
  g_assert_cmpstr (ts_process_get_name (ts_process_list_lookup (list, pid)), ==, "sleep");
  g_assert_true (ts_process_view_select_pid (TS_PROCESS_VIEW (ts_window_get_process_view (window)), pid));
}

static void
victim_stop (Victim *v)
{
  if (!v->done)
    g_subprocess_force_exit (v->proc);
  spin_until (victim_done, v, 10000);
  g_clear_object (&v->proc);
}

/* End the selected process as OTHER_UID, so the direct call is refused. */
static void
end_as_other_user (const char *mode, const char *log)
{
  g_setenv ("TS_FAKE_PKEXEC_MODE", mode, TRUE);
  g_setenv ("TS_FAKE_PKEXEC_LOG", log, TRUE);
  g_assert_cmpint (seteuid (OTHER_UID), ==, 0);
  g_assert_true (gtk_widget_activate_action (ts_window_get_process_view (window), "proc.end", NULL));
  g_assert_cmpint (seteuid (0), ==, 0);
}

static char *
read_log (const char *log)
{
  char *text = NULL;

  g_assert_true (spin_until (file_exists, (gpointer) log, 10000));
  g_assert_true (g_file_get_contents (log, &text, NULL, NULL));
  return g_strstrip (text);
}

static char *
expected_args (Victim *v)
{
  TsPid pid = (TsPid) atoi (g_subprocess_get_identifier (v->proc));
  TsProcess *p = ts_process_list_lookup (list, pid);

  return g_strdup_printf ("%s signal %d %" G_GUINT64_FORMAT " TERM", TS_HELPER_PATH, (int) pid,
                          ts_process_get_start_ticks (p));
}

static void
test_dismissed (void)
{
  Victim v;
  g_autofree char *log = g_build_filename (tmpdir, "dismissed.log", NULL);
  g_autofree char *args = NULL, *want = NULL;

  victim_start (&v);
  want = expected_args (&v);
  g_ptr_array_set_size (toasts, 0);
  end_as_other_user ("126", log);
  args = read_log (log);
  g_assert_cmpstr (args, ==, want);
  spin_until (NULL, NULL, 1000);
  /* Dismissing the password dialog is an answer: no toast, nothing ended. */
  for (guint i = 0; i < toasts->len; i++)
    g_test_fail_printf ("unexpected toast after a dismissed dialog: %s", (char *) toasts->pdata[i]);
  g_assert_false (v.done);
  victim_stop (&v);
}

static void
test_no_agent (void)
{
  Victim v;
  g_autofree char *log = g_build_filename (tmpdir, "no-agent.log", NULL);
  g_autofree char *args = NULL;
  gboolean found = FALSE;

  victim_start (&v);
  g_ptr_array_set_size (toasts, 0);
  end_as_other_user ("127", log);
  args = read_log (log);
  spin_until (NULL, NULL, 1000);
  for (guint i = 0; i < toasts->len; i++)
    found |= strstr (toasts->pdata[i], "No authentication agent found") != NULL;
  if (!found)
    g_test_fail_printf ("no toast names pkexec's error (%u toasts)", toasts->len);
  g_assert_false (v.done);
  victim_stop (&v);
}

static void
test_authorized (void)
{
  Victim v;
  g_autofree char *log = g_build_filename (tmpdir, "authorized.log", NULL);
  g_autofree char *args = NULL, *want = NULL;
  int status;

  victim_start (&v);
  want = expected_args (&v);
  g_ptr_array_set_size (toasts, 0);
  end_as_other_user ("run", log);
  args = read_log (log);
  g_assert_cmpstr (args, ==, want);
  /* The stand-in ran this build's helper as root: nobody's sleep ends. */
  g_assert_true (spin_until (victim_done, &v, 10000));
  g_assert_true (g_subprocess_get_if_signaled (v.proc));
  status = g_subprocess_get_term_sig (v.proc);
  g_assert_cmpint (status, ==, SIGTERM);
  for (guint i = 0; i < toasts->len; i++)
    g_test_fail_printf ("unexpected toast after success: %s", (char *) toasts->pdata[i]);
  victim_stop (&v);
}

static void
test_not_root (void)
{
  g_test_fail_printf ("this test needs root (uid %d): it runs a process as nobody and acts on it "
                      "as another user", (int) getuid ());
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = NULL;
  const char *helper = g_getenv ("TS_TEST_HELPER");
  int rc;

  g_test_init (&argc, &argv, NULL);
  if (getuid () != 0)
    {
      g_test_add_func ("/escalation/needs-root", test_not_root);
      return g_test_run ();
    }
  g_assert_nonnull (helper);
  if (!gtk_init_check ())
    g_error ("cannot open the display (DISPLAY=%s)", g_getenv ("DISPLAY"));

  /* A directory OTHER_UID can write its log into. */
  tmpdir = g_dir_make_tmp ("ts-escalation-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (tmpdir, 0777), ==, 0);
  script = g_build_filename (tmpdir, "pkexec", NULL);
  {
    /* $1 is the installed helper's path; "run" swaps in this build's. */
    g_autofree char *text = g_strdup_printf (
      "#!/bin/sh\n"
      "printf '%%s\\n' \"$*\" > \"$TS_FAKE_PKEXEC_LOG\"\n"
      "case \"$TS_FAKE_PKEXEC_MODE\" in\n"
      "  126) exit 126 ;;\n"
      "  127) echo 'Error executing command as another user: No authentication agent found.' >&2; exit 127 ;;\n"
      "  run) shift; exec '%s' \"$@\" ;;\n"
      "esac\n"
      "exit 1\n", helper);

    g_file_set_contents (script, text, -1, &error);
    g_assert_no_error (error);
    g_assert_cmpint (g_chmod (script, 0755), ==, 0);
  }
  g_setenv ("TS_PKEXEC", script, TRUE);

  toasts = g_ptr_array_new_with_free_func (g_free);
  g_log_set_handler ("ts-process-actions", G_LOG_LEVEL_MESSAGE, record_toast, NULL);

  app = adw_application_new (TEST_APP_ID, G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("cannot register the application: %s", error->message);
  {
    g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

    g_settings_set_boolean (settings, "confirm-end", FALSE);
  }
  list = ts_process_list_new (NULL, NULL);
  ts_process_list_set_interval (list, 300);
  ts_process_list_start (list);
  window = ts_window_new (GTK_APPLICATION (app), list);
  gtk_window_present (GTK_WINDOW (window));

  g_test_add_func ("/escalation/dismissed", test_dismissed);
  g_test_add_func ("/escalation/no-agent", test_no_agent);
  g_test_add_func ("/escalation/authorized", test_authorized);
  rc = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_context ();
  {
    const char *names[] = { "pkexec", "dismissed.log", "no-agent.log", "authorized.log" };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *path = g_build_filename (tmpdir, names[i], NULL);

        g_unlink (path);
      }
    g_rmdir (tmpdir);
  }
  return rc;
}
