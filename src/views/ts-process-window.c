/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-process-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-backend-error.h"
#include "ts-env-page.h"
#include "ts-files-page.h"
#include "ts-memory-page.h"
#include "ts-threads-page.h"
#include "ts-units.h"
#include "ts-process-window.h"

struct _TsProcessWindow
{
  AdwApplicationWindow  parent_instance;

  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  AdwViewStack         *stack;
  GtkStack             *outer;
  AdwStatusPage        *status_page;
  GtkInfoBar           *exited_bar;
  GtkLabel             *exited_label;

  TsProcessList        *list;
  gulong                refreshed_handler;
  TsProcessDetails     *details;

  GHashTable           *labels;  /* key -> GtkLabel */
  GHashTable           *texts;   /* key -> text, for tests */
  GtkWidget            *cmdline_label;
  GtkWidget            *parents_box;
  GtkWidget            *children_box;
  GArray               *shown_parents;   /* TsPid, to rebuild the links only on change */
  GArray               *shown_children;
  GtkWidget            *memory_page;
  GtkWidget            *env_page;
  GtkWidget            *files_page;
  GtkWidget            *threads_page;
};

G_DEFINE_FINAL_TYPE (TsProcessWindow, ts_process_window, ADW_TYPE_APPLICATION_WINDOW)

/* --------------------------------------------------------------- helpers */

static void
set_text (TsProcessWindow *self, const char *key, const char *text)
{
  GtkLabel *label = g_hash_table_lookup (self->labels, key);

  if (text == NULL || *text == '\0')
    text = "—";
  if (label != NULL && g_strcmp0 (gtk_label_get_text (label), text) != 0)
    gtk_label_set_text (label, text);
  if (g_strcmp0 (g_hash_table_lookup (self->texts, key), text) != 0)
    g_hash_table_insert (self->texts, g_strdup (key), g_strdup (text));
}

static GtkWidget *
field_row (TsProcessWindow *self, GtkWidget *group, const char *key, const char *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new ("—");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_label_set_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_hash_table_insert (self->labels, (char *) key, label);
  return row;
}

static GtkWidget *
add_group (GtkWidget *page, const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  return group;
}

static char *
utf8 (const char *bytes)
{
  return g_utf8_make_valid (bytes != NULL ? bytes : "", -1);
}

/* argv joined by spaces, each argument quoted only where a shell needs it. */
static char *
format_cmdline (const TsProcSample *s)
{
  GString *out = g_string_new (NULL);
  const char *p = s->cmdline, *end = s->cmdline + s->cmdline_len;

  while (p != NULL && p < end)
    {
      size_t n = strnlen (p, (size_t) (end - p));
      g_autofree char *arg = g_utf8_make_valid (p, (gssize) n);
      gboolean plain = *arg != '\0' && strpbrk (arg, " \t\n'\"\\$`*?[]{}()<>|&;#~") == NULL;

      if (out->len > 0)
        g_string_append_c (out, ' ');
      if (plain)
        g_string_append (out, arg);
      else
        {
          g_autofree char *q = g_shell_quote (arg);
          g_string_append (out, q);
        }
      p += n + 1;
    }
  return g_string_free (out, FALSE);
}

static char *
format_cpu_list (const uint64_t *set)
{
  GString *out = g_string_new (NULL);
  int start = -1;

  for (int cpu = 0; cpu <= TS_CPU_SET_WORDS * 64; cpu++)
    {
      gboolean on = cpu < TS_CPU_SET_WORDS * 64 && (set[cpu / 64] >> (cpu % 64)) & 1;

      if (on && start < 0)
        start = cpu;
      else if (!on && start >= 0)
        {
          if (out->len > 0)
            g_string_append_c (out, ',');
          if (cpu - 1 == start)
            g_string_append_printf (out, "%d", start);
          else
            g_string_append_printf (out, "%d–%d", start, cpu - 1);
          start = -1;
        }
    }
  return g_string_free (out, FALSE);
}

static char *
format_ago (double seconds)
{
  guint64 s = seconds > 0 ? (guint64) seconds : 0;

  if (s < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u second ago", "%u seconds ago", (gulong) s), (guint) s);
  if (s < 3600)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute ago", "%u minutes ago", (gulong) (s / 60)),
                            (guint) (s / 60));
  if (s < 86400)
    return g_strdup_printf (_("%u h %u min ago"), (guint) (s / 3600), (guint) (s % 3600 / 60));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day ago", "%u days ago", (gulong) (s / 86400)),
                          (guint) (s / 86400));
}

static const char *
ionice_class_name (int c)
{
  switch (c)
    {
    case 1: return _("Realtime");
    case 2: return _("Best effort");
    case 3: return _("Idle");
    default: return _("None (from nice)");
    }
}

static void
link_clicked (GtkButton *button, TsProcessWindow *self)
{
  int pid = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "ts-pid"));

  gtk_widget_activate_action (GTK_WIDGET (self), "app.show-process", "i", pid);
}

/* Rebuilds a box of process links when the PIDs changed. */
static void
set_links (TsProcessWindow *self, GtkWidget *box, GArray **shown, const char *key,
           const TsPid *pids, char *const *names, guint n, gboolean chain)
{
  GString *text = g_string_new (NULL);
  GtkWidget *child;

  if (*shown != NULL && (*shown)->len == n && (n == 0 || memcmp ((*shown)->data, pids, n * sizeof (TsPid)) == 0))
    {
      g_string_free (text, TRUE);
      return;
    }
  if (*shown == NULL)
    *shown = g_array_new (FALSE, FALSE, sizeof (TsPid));
  g_array_set_size (*shown, 0);
  if (n > 0)
    g_array_append_vals (*shown, pids, n);

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (box), child);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = g_strdup_printf ("%s (%d)", names[i], (int) pids[i]);
      GtkWidget *button = gtk_button_new_with_label (label);

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Show this process"));
      g_object_set_data (G_OBJECT (button), "ts-pid", GINT_TO_POINTER (pids[i]));
      g_signal_connect (button, "clicked", G_CALLBACK (link_clicked), self);
      gtk_flow_box_append (GTK_FLOW_BOX (box), button);
      if (text->len > 0)
        g_string_append (text, chain ? " › " : ", ");
      g_string_append (text, label);
    }
  if (n == 0)
    {
      GtkWidget *none = gtk_label_new (chain ? _("None") : _("No children"));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_flow_box_append (GTK_FLOW_BOX (box), none);
    }
  g_hash_table_insert (self->texts, g_strdup (key), g_string_free (text, FALSE));
}

/* ---------------------------------------------------------------- update */

static void
update_family (TsProcessWindow *self, const TsProcSample *s)
{
  const TsAncestor *parents;
  guint n_parents;
  g_autoptr(GArray) pids = g_array_new (FALSE, FALSE, sizeof (TsPid));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  parents = ts_process_details_get_parents (self->details, &n_parents);
  for (guint i = 0; i < n_parents; i++)
    {
      g_array_append_val (pids, parents[i].pid);
      g_ptr_array_add (names, g_strdup (parents[i].name));
    }
  set_links (self, self->parents_box, &self->shown_parents, "parents",
             (TsPid *) (gpointer) pids->data, (char **) names->pdata, pids->len, TRUE);

  g_array_set_size (pids, 0);
  g_ptr_array_set_size (names, 0);
  if (self->list != NULL && ts_process_details_get_alive (self->details))
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TsProcess) p = g_list_model_get_item (G_LIST_MODEL (self->list), i);

          if (ts_process_get_ppid (p) == s->pid && ts_process_get_pid (p) != s->pid)
            {
              TsPid pid = ts_process_get_pid (p);

              g_array_append_val (pids, pid);
              g_ptr_array_add (names, g_strdup (ts_process_get_name (p)));
            }
        }
    }
  if (ts_process_details_get_alive (self->details))
    set_links (self, self->children_box, &self->shown_children, "children",
               (TsPid *) (gpointer) pids->data, (char **) names->pdata, pids->len, FALSE);
}

static void
update_overview (TsProcessWindow *self, const TsProcSample *s)
{
  g_autofree char *name = utf8 (s->name);
  g_autofree char *title = g_strdup_printf (_("%s (%d)"), name, (int) s->pid);
  char buf[256];

  if (g_strcmp0 (gtk_window_get_title (GTK_WINDOW (self)), title) != 0)
    {
      gtk_window_set_title (GTK_WINDOW (self), title);
      adw_view_switcher_title_set_title (self->switcher_title, name);
      g_snprintf (buf, sizeof buf, _("Process %d"), (int) s->pid);
      adw_view_switcher_title_set_subtitle (self->switcher_title, buf);
    }

  if (s->valid & TS_PF_CMDLINE)
    {
      g_autofree char *cmd = s->cmdline_len > 0 ? format_cmdline (s)
                                                : g_strdup_printf ("[%s]", name);
      set_text (self, "cmdline", cmd);
    }
  else
    set_text (self, "cmdline", _("Not available"));
  {
    g_autofree char *exe = (s->valid & TS_PF_EXE) ? utf8 (s->exe) : NULL;
    g_autofree char *cwd = (s->valid & TS_PF_CWD) ? utf8 (s->cwd) : NULL;
    const TsPlatformError *e;

    if (exe == NULL && (e = ts_proc_sample_field_error (s, TS_PF_EXE)) != NULL)
      exe = ts_backend_error_to_string (e);
    if (cwd == NULL && (e = ts_proc_sample_field_error (s, TS_PF_CWD)) != NULL)
      cwd = ts_backend_error_to_string (e);
    set_text (self, "exe", exe != NULL && *exe ? exe : s->kernel_thread ? _("None (kernel thread)") : exe);
    set_text (self, "cwd", cwd);
  }
  if (s->valid & TS_PF_UIDS)
    {
      const char *user = ts_process_details_get_user (self->details);
      const char *euser = ts_process_details_get_effective_user (self->details);
      g_autofree char *text = s->uids[0] == s->uids[1]
        ? g_strdup_printf ("%s (%u)", user, s->uids[0])
        : g_strdup_printf (_("%s (%u), effective %s (%u)"), user, s->uids[0], euser, s->uids[1]);
      set_text (self, "user", text);
    }
  if (s->valid & TS_PF_CREATE_TIME)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local ((gint64) s->create_time);
      g_autofree char *when = dt ? g_date_time_format (dt, "%x %X") : NULL;
      g_autofree char *ago = format_ago ((double) g_get_real_time () / G_USEC_PER_SEC - s->create_time);
      g_autofree char *text = g_strdup_printf ("%s (%s)", when ? when : "?", ago);
      set_text (self, "started", text);
    }
  if (!ts_process_details_get_alive (self->details))
    set_text (self, "state", _("exited"));
  else if (s->valid & TS_PF_STATUS)
    set_text (self, "state", ts_proc_status_name (s->status));
  set_text (self, "terminal", ts_process_details_get_terminal (self->details));

  g_snprintf (buf, sizeof buf, "%d", (int) s->num_threads);
  set_text (self, "threads", (s->valid & TS_PF_NUM_THREADS) ? buf : NULL);
  g_snprintf (buf, sizeof buf, "%d", (int) s->cpu_num);
  set_text (self, "cpu-num", (s->valid & TS_PF_CPU_NUM) && s->cpu_num >= 0 ? buf : NULL);
  g_snprintf (buf, sizeof buf, "%d", (int) s->nice);
  set_text (self, "nice", (s->valid & TS_PF_NICE) ? buf : NULL);
  if (s->valid & TS_PF_IONICE)
    {
      if (s->ionice_class == 1 || s->ionice_class == 2)
        g_snprintf (buf, sizeof buf, _("%s, level %d"), ionice_class_name (s->ionice_class), (int) s->ionice_value);
      else
        g_snprintf (buf, sizeof buf, "%s", ionice_class_name (s->ionice_class));
      set_text (self, "ionice", buf);
    }
  if (s->valid & TS_PF_CPU_AFFINITY)
    {
      g_autofree char *cpus = format_cpu_list (s->cpu_affinity);
      set_text (self, "affinity", cpus);
    }
  if (s->valid & TS_PF_NUM_CTX_SWITCHES)
    {
      /* The numbers are formatted apart: a G_GUINT64_FORMAT inside _()
       * cuts the message short for xgettext. */
      g_autofree char *vol = g_strdup_printf ("%" G_GUINT64_FORMAT, s->ctx_voluntary);
      g_autofree char *invol = g_strdup_printf ("%" G_GUINT64_FORMAT, s->ctx_involuntary);

      g_snprintf (buf, sizeof buf, _("%s voluntary, %s involuntary"), vol, invol);
      set_text (self, "ctx-switches", buf);
    }
  if (s->valid & TS_PF_IO_COUNTERS)
    {
      g_autofree char *rb = ts_format_value ((double) s->read_bytes, TS_GRAPH_UNIT_BYTES);
      g_autofree char *wb = ts_format_value ((double) s->write_bytes, TS_GRAPH_UNIT_BYTES);
      g_autofree char *rn = g_strdup_printf ("%" G_GUINT64_FORMAT, s->read_count);
      g_autofree char *wn = g_strdup_printf ("%" G_GUINT64_FORMAT, s->write_count);
      g_autofree char *r = g_strdup_printf (_("%s in %s reads"), rb, rn);
      g_autofree char *w = g_strdup_printf (_("%s in %s writes"), wb, wn);
      set_text (self, "io-read", r);
      set_text (self, "io-write", w);
    }
  else
    {
      const TsPlatformError *e = ts_proc_sample_field_error (s, TS_PF_IO_COUNTERS);
      g_autofree char *why = e ? ts_backend_error_to_string (e) : NULL;
      set_text (self, "io-read", why);
      set_text (self, "io-write", why);
    }
  update_family (self, s);
}

/* Open files and threads are read each tick only while their page shows;
 * the first read has everything, so each page has values when opened. */
static TsDetailsReads
reads_for_page (TsProcessWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (page, "files") == 0)
    return TS_DETAILS_READ_FILES;
  if (g_strcmp0 (page, "threads") == 0)
    return TS_DETAILS_READ_THREADS;
  return 0;
}

static void
page_changed (TsProcessWindow *self)
{
  TsDetailsReads reads = reads_for_page (self);

  if (self->details == NULL || !ts_process_details_get_loaded (self->details))
    return;
  ts_process_details_set_reads (self->details, reads);
  /* Fresh rows now, not at the next tick. */
  if (reads != 0)
    ts_process_details_update (self->details);
}

static void
details_updated (TsProcessWindow *self)
{
  const TsProcSample *s = ts_process_details_get_sample (self->details);
  const GError *error = ts_process_details_get_error (self->details);

  if (s == NULL)
    {
      if (error != NULL)
        {
          g_autofree char *title = g_strdup_printf (_("No Process %d"), (int) ts_process_details_get_pid (self->details));

          adw_status_page_set_icon_name (self->status_page, "dialog-question-symbolic");
          adw_status_page_set_title (self->status_page, title);
          adw_status_page_set_description (self->status_page, error->message);
          gtk_window_set_title (GTK_WINDOW (self), title);
        }
      return;
    }
  gtk_stack_set_visible_child_name (self->outer, "details");
  ts_process_details_set_reads (self->details, reads_for_page (self));
  update_overview (self, s);
  if (!ts_process_details_get_alive (self->details) && !gtk_info_bar_get_revealed (self->exited_bar))
    {
      gtk_label_set_text (self->exited_label, _("This process has exited. The values shown are the last ones read."));
      gtk_info_bar_set_revealed (self->exited_bar, TRUE);
      g_hash_table_insert (self->texts, g_strdup ("exited"), g_strdup (gtk_label_get_text (self->exited_label)));
    }
}

/* ----------------------------------------------------------------- build */

static void
copy_cmdline (GtkButton *button, TsProcessWindow *self)
{
  const char *text = g_hash_table_lookup (self->texts, "cmdline");

  if (text != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

static GtkWidget *
link_box (void)
{
  GtkWidget *box = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (box), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (box), 6);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (box), 0);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (box), FALSE);
  gtk_widget_add_css_class (box, "ts-link-chain");
  gtk_widget_set_halign (box, GTK_ALIGN_START);
  return box;
}

static void
build_overview (TsProcessWindow *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group, *frame, *copy;

  group = add_group (page, _("Command Line"));
  copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  gtk_widget_add_css_class (copy, "flat");
  gtk_widget_set_tooltip_text (copy, _("Copy Command Line"));
  g_signal_connect (copy, "clicked", G_CALLBACK (copy_cmdline), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), copy);
  self->cmdline_label = gtk_label_new ("—");
  gtk_label_set_selectable (GTK_LABEL (self->cmdline_label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (self->cmdline_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->cmdline_label), PANGO_WRAP_CHAR);
  gtk_label_set_xalign (GTK_LABEL (self->cmdline_label), 0);
  gtk_widget_add_css_class (self->cmdline_label, "ts-cmdline");
  frame = gtk_frame_new (NULL);
  gtk_widget_add_css_class (frame, "view");
  gtk_frame_set_child (GTK_FRAME (frame), self->cmdline_label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);
  g_hash_table_insert (self->labels, (char *) "cmdline", self->cmdline_label);

  group = add_group (page, _("Process"));
  field_row (self, group, "exe", _("Executable"));
  field_row (self, group, "cwd", _("Working Directory"));
  field_row (self, group, "user", _("User"));
  field_row (self, group, "started", _("Started"));
  field_row (self, group, "state", _("State"));
  field_row (self, group, "terminal", _("Terminal"));

  group = add_group (page, _("Parents"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("From its parent up to the first process"));
  self->parents_box = link_box ();
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->parents_box);
  group = add_group (page, _("Children"));
  self->children_box = link_box ();
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->children_box);

  group = add_group (page, _("Scheduling"));
  field_row (self, group, "threads", _("Threads"));
  field_row (self, group, "cpu-num", _("Last Ran on CPU"));
  field_row (self, group, "nice", _("Nice"));
  field_row (self, group, "ionice", _("I/O Priority"));
  field_row (self, group, "affinity", _("CPU Affinity"));
  field_row (self, group, "ctx-switches", _("Context Switches"));

  group = add_group (page, _("Disk I/O"));
  field_row (self, group, "io-read", _("Read"));
  field_row (self, group, "io-write", _("Written"));

  adw_view_stack_add_titled_with_icon (self->stack, page, "overview", _("Overview"), "document-properties-symbolic");
}

static void
list_refreshed (TsProcessWindow *self)
{
  ts_process_details_update (self->details);
}

static void
ts_process_window_dispose (GObject *object)
{
  TsProcessWindow *self = TS_PROCESS_WINDOW (object);

  if (self->list != NULL)
    g_clear_signal_handler (&self->refreshed_handler, self->list);
  if (self->details != NULL)
    g_signal_handlers_disconnect_by_data (self->details, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_PROCESS_WINDOW);
  G_OBJECT_CLASS (ts_process_window_parent_class)->dispose (object);
  g_clear_object (&self->details);
  g_clear_object (&self->list);
}

static void
ts_process_window_finalize (GObject *object)
{
  TsProcessWindow *self = TS_PROCESS_WINDOW (object);

  g_hash_table_unref (self->labels);
  g_hash_table_unref (self->texts);
  g_clear_pointer (&self->shown_parents, g_array_unref);
  g_clear_pointer (&self->shown_children, g_array_unref);
  G_OBJECT_CLASS (ts_process_window_parent_class)->finalize (object);
}

static void
ts_process_window_class_init (TsProcessWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ts_process_window_dispose;
  object_class->finalize = ts_process_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/taskscope/Taskscope/ts-process-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TsProcessWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, TsProcessWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, TsProcessWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TsProcessWindow, outer);
  gtk_widget_class_bind_template_child (widget_class, TsProcessWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, TsProcessWindow, exited_bar);
  gtk_widget_class_bind_template_child (widget_class, TsProcessWindow, exited_label);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ts_process_window_init (TsProcessWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->labels = g_hash_table_new (g_str_hash, g_str_equal);
  self->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_object_bind_property (self->switcher_title, "title-visible", self->switcher_bar, "reveal",
                          G_BINDING_SYNC_CREATE);
  build_overview (self);
  g_signal_connect_object (self->stack, "notify::visible-child-name", G_CALLBACK (page_changed), self,
                           G_CONNECT_SWAPPED);
  self->memory_page = ts_memory_page_new ();
  adw_view_stack_add_titled_with_icon (self->stack, self->memory_page, "memory", _("Memory"),
                                       "drive-harddisk-symbolic");
  self->env_page = ts_env_page_new ();
  adw_view_stack_add_titled_with_icon (self->stack, self->env_page, "environment", _("Environment"),
                                       "text-x-generic-symbolic");
  self->files_page = GTK_WIDGET (ts_files_page_new ());
  adw_view_stack_add_titled_with_icon (self->stack, self->files_page, "files", _("Open Files"),
                                       "folder-open-symbolic");
  self->threads_page = GTK_WIDGET (ts_threads_page_new ());
  adw_view_stack_add_titled_with_icon (self->stack, self->threads_page, "threads", _("Threads"),
                                       "view-list-symbolic");
}

TsProcessWindow *
ts_process_window_new (GtkApplication *app,
                       TsProcessList  *list,
                       const char     *procfs_root,
                       TsPid           pid,
                       guint64         start_ticks)
{
  TsProcessWindow *self = g_object_new (TS_TYPE_PROCESS_WINDOW, "application", app, NULL);
  g_autofree char *title = g_strdup_printf (_("Process %d"), (int) pid);

  gtk_window_set_title (GTK_WINDOW (self), title);
  self->details = ts_process_details_new (procfs_root, pid, start_ticks);
  g_signal_connect_swapped (self->details, "updated", G_CALLBACK (details_updated), self);
  ts_memory_page_set_details (TS_MEMORY_PAGE (self->memory_page), self->details);
  ts_env_page_set_details (TS_ENV_PAGE (self->env_page), self->details);
  ts_files_page_set_details (TS_FILES_PAGE (self->files_page), self->details);
  ts_threads_page_set_details (TS_THREADS_PAGE (self->threads_page), self->details);
  if (list != NULL)
    {
      self->list = g_object_ref (list);
      self->refreshed_handler = g_signal_connect_swapped (list, "refreshed", G_CALLBACK (list_refreshed), self);
    }
  ts_process_details_update (self->details);
  return self;
}

TsProcessDetails *
ts_process_window_get_details (TsProcessWindow *self)
{
  g_return_val_if_fail (TS_IS_PROCESS_WINDOW (self), NULL);
  return self->details;
}

void
ts_process_window_set_page (TsProcessWindow *self,
                            const char      *page)
{
  g_return_if_fail (TS_IS_PROCESS_WINDOW (self));
  if (adw_view_stack_get_child_by_name (self->stack, page) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, page);
}

const char *
ts_process_window_get_text (TsProcessWindow *self,
                            const char      *key)
{
  g_return_val_if_fail (TS_IS_PROCESS_WINDOW (self), NULL);
  return g_hash_table_lookup (self->texts, key);
}

GtkWidget *
ts_process_window_get_page (TsProcessWindow *self,
                            const char      *page)
{
  g_return_val_if_fail (TS_IS_PROCESS_WINDOW (self), NULL);
  return adw_view_stack_get_child_by_name (self->stack, page);
}
