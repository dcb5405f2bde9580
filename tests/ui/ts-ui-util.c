/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the ui tests: setup, frames, main-loop draining, screenshots. */
#define G_LOG_DOMAIN "ts-ui-util"

#include "config.h"

#include "ts-ui-util.h"

#ifndef TS_ARTEFACTS_DIR
#define TS_ARTEFACTS_DIR "test-artefacts"
#endif

gboolean
set_flag_source (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
}

void
drain_main_context (void)
{
  for (guint i = 0; i < 100 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static gboolean
count_frame_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

void
wait_frames (GtkWidget *widget, guint n)
{
  gboolean timed_out = FALSE;
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, count_frame_cb, &frames, NULL);
  guint timeout = g_timeout_add (5000, set_flag_source, &timed_out);

  while (frames < n && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (widget, id);
  if (!timed_out)
    g_source_remove (timeout);
  if (frames < n)
    g_error ("the frame clock ran %u frames of %u in 5 s: is the window mapped?", frames, n);
}

/* ---------------------------------------------------------- screenshots */

void
save_screenshot (GtkWidget *widget, const char *suffix)
{
  const char *dir = g_getenv ("TS_ARTEFACTS_DIR");
  g_autofree char *base = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int width, height;

  if (dir == NULL || *dir == '\0')
    dir = TS_ARTEFACTS_DIR;
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  wait_frames (widget, 3);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (widget);
  /* A widget with a layout pending (a page that just resized its content)
   * paints nothing until the next frame: try again a few frames on. */
  for (guint attempt = 0; node == NULL && attempt < 20; attempt++)
    {
      if (attempt > 0)
        wait_frames (widget, 1);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_assert_nonnull (renderer);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_nonnull (texture);

  base = g_strdelimit (g_strdup_printf ("%s%s%s.png", g_test_get_path () + 1,
                                        suffix != NULL ? "-" : "", suffix != NULL ? suffix : ""),
                       "/", '-');
  path = g_build_filename (dir, base, NULL);
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("could not write the screenshot %s", path);
  g_test_message ("screenshot: %s (%dx%d)", path, width, height);
}


void
save_screenshots (GtkWidget *widget, const char *what)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *light = what != NULL ? g_strdup_printf ("%s-light", what) : g_strdup ("light");
  g_autofree char *dark = what != NULL ? g_strdup_printf ("%s-dark", what) : g_strdup ("dark");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  save_screenshot (widget, light);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  save_screenshot (widget, dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* ---------------------------------------------------------------- setup */

char *
ts_ui_init (const char *app_id, AdwApplication **app)
{
  const char *display = g_getenv ("DISPLAY");
  g_autoptr(GError) error = NULL;

  if (display == NULL || *display == '\0')
    return g_strdup ("DISPLAY is not set: the ui suite needs an X server; run it under "
                     "`dbus-run-session -- xvfb-run -a meson test --suite ui` (build-aux/test.sh does)");
  if (!gtk_init_check ())
    return g_strdup_printf ("cannot open the display “%s”", display);
  if (app_id == NULL)
    {
      adw_init ();
      return NULL;
    }
  /* A window needs a registered application (startup also runs adw_init). */
  *app = adw_application_new (app_id, G_APPLICATION_NON_UNIQUE);
  g_application_set_resource_base_path (G_APPLICATION (*app), "/io/github/taskscope/Taskscope");
  if (!g_application_register (G_APPLICATION (*app), NULL, &error))
    return g_strdup_printf ("cannot register the application: %s", error->message);
  return NULL;
}

static void
fail_setup (gconstpointer why)
{
  g_test_fail_printf ("%s", (const char *) why);
}

int
ts_ui_fail_setup (const char *path, char *why)
{
  g_test_add_data_func_full (path, why, fail_setup, g_free);
  return g_test_run ();
}
