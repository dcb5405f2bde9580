/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-application"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-application.h"
#include "ts-backend-error.h"
#include "ts-preferences-window.h"
#include "ts-monitor.h"
#include "ts-process-list.h"
#include "ts-sensors-monitor.h"
#include "ts-resources-page.h"
#include "ts-sensors-page.h"
#include "ts-units.h"
#include "ts-process-window.h"
#include "ts-window.h"

struct _TsApplication
{
  AdwApplication  parent_instance;

  TsProcessList  *list;
  TsMonitor      *monitor;
  TsSensorsMonitor *sensors;
  GSettings      *settings;
  char           *procfs;
  char           *sysfs;

  /* Benchmark probe (TS_BENCH_FIRST_FRAME=1): monotonic time main() began,
   * 0 when off or already reported. */
  gint64          first_frame_start;
  gulong          first_frame_handler;
};

G_DEFINE_FINAL_TYPE (TsApplication, ts_application, ADW_TYPE_APPLICATION)

static const char *const pages[] = { "processes", "resources", "sensors", NULL };

/* The first frame clock "after-paint" of the first window: the window's
 * pixels have been handed to the display server. */
static void
first_frame_after_paint_cb (GdkFrameClock *clock,
                            gpointer       user_data)
{
  TsApplication *self = user_data;
  gint64 now = g_get_monotonic_time ();

  g_printerr ("first-frame-ms: %.1f monotonic-us: %" G_GINT64_FORMAT "\n",
              (now - self->first_frame_start) / 1000.0, now);
  g_clear_signal_handler (&self->first_frame_handler, clock);
  self->first_frame_start = 0;
}

static void
first_frame_realize_cb (GtkWidget *window,
                        gpointer   user_data)
{
  TsApplication *self = user_data;

  g_signal_handlers_disconnect_by_func (window, first_frame_realize_cb, self);
  if (self->first_frame_start != 0 && self->first_frame_handler == 0)
    self->first_frame_handler = g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                                                  G_CALLBACK (first_frame_after_paint_cb), self);
}

/* The system and sensor samplers read on the process list's clock: one
 * wakeup a tick for everything. */
static void
list_refreshed (TsApplication *self)
{
  if (self->monitor != NULL)
    ts_monitor_sample (self->monitor);
  if (self->sensors != NULL)
    ts_sensors_monitor_sample (self->sensors, g_get_monotonic_time ());
}

static void
history_length_changed (TsApplication *self)
{
  gint64 span = (gint64) g_settings_get_uint (self->settings, "history-length") * G_USEC_PER_SEC;

  if (self->monitor != NULL)
    ts_monitor_set_span (self->monitor, span);
  if (self->sensors != NULL)
    ts_sensors_monitor_set_span (self->sensors, span);
}

static void
units_changed (TsApplication *self)
{
  ts_units_set_size_flags (g_settings_get_enum (self->settings, "units") == 1
                           ? G_FORMAT_SIZE_DEFAULT : G_FORMAT_SIZE_IEC_UNITS);
}

static TsProcessList *
ensure_list (TsApplication *self)
{
  if (self->list == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->settings = g_settings_new (APPLICATION_ID);
      self->list = ts_process_list_new (self->procfs, self->sysfs);
      g_settings_bind (self->settings, "refresh-interval", self->list, "interval", G_SETTINGS_BIND_GET);
      self->monitor = ts_monitor_new (self->procfs, self->sysfs);
      g_settings_bind (self->settings, "show-virtual-disks", self->monitor, "show-virtual", G_SETTINGS_BIND_DEFAULT);
      self->sensors = ts_sensors_monitor_new (self->sysfs, &error);
      if (self->sensors == NULL)
        g_warning ("sensors: %s", error->message);
      g_signal_connect_object (self->settings, "changed::history-length",
                               G_CALLBACK (history_length_changed), self, G_CONNECT_SWAPPED);
      history_length_changed (self);
      g_signal_connect_object (self->settings, "changed::units", G_CALLBACK (units_changed), self,
                               G_CONNECT_SWAPPED);
      units_changed (self);
      g_signal_connect_object (self->list, "refreshed", G_CALLBACK (list_refreshed), self, G_CONNECT_SWAPPED);
      ts_process_list_start (self->list);
    }
  return self->list;
}

TsMonitor *
ts_application_get_monitor (TsApplication *self)
{
  g_return_val_if_fail (TS_IS_APPLICATION (self), NULL);
  ensure_list (self);
  return self->monitor;
}

TsSensorsMonitor *
ts_application_get_sensors (TsApplication *self)
{
  g_return_val_if_fail (TS_IS_APPLICATION (self), NULL);
  ensure_list (self);
  return self->sensors;
}

static TsWindow *
ensure_window (TsApplication *self)
{
  TsWindow *created;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (TS_IS_WINDOW (l->data))
      return TS_WINDOW (l->data);

  created = ts_window_new (GTK_APPLICATION (self), ensure_list (self));
  ts_window_add_page (created, ts_resources_page_new (self->monitor), "resources", _("Resources"),
                      "computer-symbolic");
  ts_window_add_page (created, ts_sensors_page_new (self->sensors), "sensors", _("Sensors"),
                      "power-profile-performance-symbolic");
  if (self->first_frame_start != 0)
    g_signal_connect (created, "realize", G_CALLBACK (first_frame_realize_cb), self);
  return created;
}

static gboolean process_exists (TsApplication *self, TsPid pid, GError **error);

/* Presents the details window of a process, opening one unless this
 * process (the same start time) already has one. */
TsProcessWindow *
ts_application_show_process (TsApplication *self,
                             TsPid          pid,
                             guint64        start_ticks)
{
  TsProcessList *list = ensure_list (self);
  TsProcessWindow *window;

  if (start_ticks == 0)
    {
      TsProcess *p = ts_process_list_lookup (list, pid);

      if (p != NULL)
        start_ticks = ts_process_get_start_ticks (p);
    }
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      TsProcessDetails *d;

      if (!TS_IS_PROCESS_WINDOW (l->data))
        continue;
      d = ts_process_window_get_details (l->data);
      if (ts_process_details_get_pid (d) == pid && ts_process_details_get_alive (d)
          && (start_ticks == 0 || ts_process_details_get_start_ticks (d) == start_ticks))
        {
          gtk_window_present (l->data);
          return l->data;
        }
    }
  window = ts_process_window_new (GTK_APPLICATION (self), list, self->procfs, pid, start_ticks);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
show_process_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  ts_application_show_process (TS_APPLICATION (user_data), g_variant_get_int32 (param), 0);
}

static void
ts_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (ensure_window (TS_APPLICATION (app))));
}

static int
ts_application_command_line (GApplication            *app,
                             GApplicationCommandLine *cmdline)
{
  TsApplication *self = TS_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (cmdline);
  const char *page = NULL;
  TsWindow *window;
  const char *pid_text = NULL;

  g_variant_dict_lookup (options, "page", "&s", &page);
  if (page != NULL && !g_strv_contains (pages, page))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) pages);

      g_application_command_line_printerr (cmdline, _("taskscope: there is no page “%s”; pages: %s\n"),
                                           page, known);
      return 2;
    }

  /* Trees only matter for the first window: one list serves the app. */
  if (self->list == NULL)
    {
      const char *procfs = NULL, *sysfs = NULL;

      if (g_variant_dict_lookup (options, "procfs", "^&ay", &procfs))
        self->procfs = g_strdup (procfs);
      if (g_variant_dict_lookup (options, "sysfs", "^&ay", &sysfs))
        self->sysfs = g_strdup (sysfs);
    }

  /* A string, not an int: GApplication drops an int option whose value is 0. */
  if (g_variant_dict_lookup (options, "process", "&s", &pid_text))
    {
      g_autoptr(GError) error = NULL;
      gint64 pid = 0;

      if (!g_ascii_string_to_signed (pid_text, 10, 1, G_MAXINT32, &pid, NULL)
          || !process_exists (self, (TsPid) pid, &error))
        {
          g_application_command_line_printerr (cmdline, _("taskscope: no process %s: %s\n"), pid_text,
                                               error != NULL ? error->message : _("not a process ID"));
          return 1;
        }
      ts_application_show_process (self, (TsPid) pid, 0);
      if (page == NULL)
        return 0;
    }

  window = ensure_window (self);
  if (page != NULL)
    ts_window_set_page (window, page);
  gtk_window_present (GTK_WINDOW (window));
  return 0;
}

static gboolean
process_exists (TsApplication *self, TsPid pid, GError **error)
{
  TsPlatformError err;
  TsPlatform *platform = ts_platform_new (self->procfs, NULL, &err);
  TsProcSample sample;
  gboolean ok;

  if (platform == NULL)
    {
      ts_backend_error_set_from_platform (error, &err);
      return FALSE;
    }
  ts_proc_sample_init (&sample);
  ok = ts_platform_read_process (platform, pid, TS_PF_PPID, &sample, &err);
  if (!ok)
    ts_backend_error_set_from_platform (error, &err);
  ts_proc_sample_clear (&sample);
  ts_platform_free (platform);
  return ok;
}

static gint
ts_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("taskscope %s\n", PACKAGE_VERSION);
      return 0;
    }
  return -1;
}

static void
about_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "The Taskscope developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Taskscope"),
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("See what your processes really cost"),
                         "developer-name", _("The Taskscope developers"),
                         "developers", developers,
                         "website", "https://github.com/taskscope/taskscope",
                         "issue-url", "https://github.com/taskscope/taskscope/issues",
                         "copyright", "© 2026 The Taskscope developers",
                         /* Translators: your names, one per line, shown in the About window. */
                         "translator-credits", _("translator-credits"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
preferences_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkApplication *app = user_data;

  gtk_window_present (GTK_WINDOW (ts_preferences_window_new (gtk_application_get_active_window (app))));
}

static void
quit_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = about_activated },
  { .name = "preferences", .activate = preferences_activated },
  { .name = "quit", .activate = quit_activated },
  { .name = "show-process", .activate = show_process_activated, .parameter_type = "i" },
};

static void
ts_application_finalize (GObject *object)
{
  TsApplication *self = TS_APPLICATION (object);

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->list);
  g_clear_object (&self->monitor);
  g_clear_object (&self->sensors);
  g_clear_object (&self->settings);
  g_free (self->procfs);
  g_free (self->sysfs);

  G_OBJECT_CLASS (ts_application_parent_class)->finalize (object);
}

static void
ts_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (ts_application_parent_class)->startup (app);
  /* The icon is also in the resources (icons/), so it shows uninstalled. */
  gtk_window_set_default_icon_name (APPLICATION_ID);
}

static void
ts_application_class_init (TsApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = ts_application_finalize;
  app_class->startup = ts_application_startup;
  app_class->activate = ts_application_activate;
  app_class->command_line = ts_application_command_line;
  app_class->handle_local_options = ts_application_handle_local_options;
}

static void
ts_application_init (TsApplication *self)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  static const char *tree_accels[] = { "<Control>t", NULL };
  static const char *pause_accels[] = { "<Control>space", NULL };
  static const GOptionEntry entries[] = {
    { "page", 'p', 0, G_OPTION_ARG_STRING, NULL, N_("Open the window on PAGE (processes, resources, sensors)"), N_("PAGE") },
    { "process", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Open the details of process PID"), N_("PID") },
    { "procfs", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Read processes from DIR instead of /proc"), N_("DIR") },
    { "sysfs", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Read devices from DIR instead of /sys"), N_("DIR") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { NULL }
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", prefs_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.tree-view", tree_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.pause", pause_accels);

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

/* Print "first-frame-ms: N" to stderr once, N being the milliseconds from
 * @start_us (g_get_monotonic_time() at the top of main) to the end of the
 * first window's first paint.  For bench/gui.sh; off unless called. */
void
ts_application_report_first_frame (TsApplication *self,
                                   gint64         start_us)
{
  g_return_if_fail (TS_IS_APPLICATION (self));
  g_return_if_fail (start_us > 0);

  self->first_frame_start = start_us;
}

TsApplication *
ts_application_new (void)
{
  return g_object_new (TS_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/io/github/taskscope/Taskscope",
                       NULL);
}
