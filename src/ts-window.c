/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-platform.h"
#include "ts-window.h"

struct _TsWindow
{
  AdwApplicationWindow  parent_instance;

  TsPlatform           *platform;
  guint                 refresh_id;

  AdwStatusPage        *status_page;
  GtkLabel             *summary_label;
};

G_DEFINE_FINAL_TYPE (TsWindow, ts_window, ADW_TYPE_APPLICATION_WINDOW)

/* Until the Processes view lands (issue 3), the window shows what the
 * backend reads: the number of processes and the memory in use. */
static gboolean
refresh_summary (gpointer user_data)
{
  TsWindow *self = user_data;
  g_autofree TsPid *pids = NULL;
  g_autofree char *used = NULL;
  g_autofree char *total = NULL;
  g_autofree char *text = NULL;
  TsVirtualMemory vm;
  TsPlatformError err;
  size_t n = 0;

  if (self->platform == NULL)
    return G_SOURCE_CONTINUE;

  if (!ts_platform_list_pids (self->platform, &pids, &n, &err)
      || !ts_platform_virtual_memory (self->platform, &vm, &err))
    {
      char buf[512];

      ts_platform_error_format (&err, buf, sizeof buf);
      gtk_label_set_text (self->summary_label, buf);
      return G_SOURCE_CONTINUE;
    }

  used = g_format_size_full (vm.used, G_FORMAT_SIZE_IEC_UNITS);
  total = g_format_size_full (vm.total, G_FORMAT_SIZE_IEC_UNITS);
  text = g_strdup_printf (_("%zu processes running\n%s of %s memory in use"), n, used, total);
  gtk_label_set_text (self->summary_label, text);
  return G_SOURCE_CONTINUE;
}

static void
ts_window_dispose (GObject *object)
{
  TsWindow *self = TS_WINDOW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_pointer (&self->platform, ts_platform_free);

  G_OBJECT_CLASS (ts_window_parent_class)->dispose (object);
}

static void
ts_window_class_init (TsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ts_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/taskscope/Taskscope/ts-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TsWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, summary_label);
}

static void
ts_window_init (TsWindow *self)
{
  TsPlatformError err;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->platform = ts_platform_new (NULL, NULL, &err);
  if (self->platform == NULL)
    {
      char buf[512];

      ts_platform_error_format (&err, buf, sizeof buf);
      adw_status_page_set_description (self->status_page, buf);
      return;
    }
  refresh_summary (self);
  self->refresh_id = g_timeout_add_seconds (2, refresh_summary, self);
}

TsWindow *
ts_window_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (TS_TYPE_WINDOW, "application", application, NULL);
}
