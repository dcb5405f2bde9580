/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-memory-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-backend-error.h"
#include "ts-graph.h"
#include "ts-memory-bar.h"
#include "ts-memory-page.h"
#include "ts-units.h"

enum { M_USS, M_PSS, M_SWAP, M_RSS, M_VMS, M_SHARED, M_TEXT, M_LIB, M_DATA, M_DIRTY, N_VALUES };

static const struct
{
  const char *key;
  const char *title;
  const char *explain;
} values[N_VALUES] = {
  { "uss", N_("Unique (USS)"), N_("Memory only this process uses: what ending it would free now") },
  { "pss", N_("Proportional (PSS)"), N_("Its own memory plus an equal share of each page it shares") },
  { "swap", N_("Swap"), N_("Its memory the system has moved out to disk") },
  { "rss", N_("Resident (RSS)"), N_("Memory in RAM, counting shared pages in full for every process") },
  { "vms", N_("Virtual (VMS)"), N_("Address space reserved; most of it is usually not memory at all") },
  { "shared", N_("Shared"), N_("Resident pages backed by files, which other processes may map too") },
  { "text", N_("Code (text)"), N_("The executable's code") },
  { "lib", N_("Libraries"), N_("Always 0 on Linux 2.6 and later") },
  { "data", N_("Data and stack"), N_("Heap and stack the process has reserved") },
  { "dirty", N_("Dirty"), N_("Always 0 on Linux 2.6 and later") },
};

struct _TsMemoryPage
{
  AdwBin            parent_instance;

  TsProcessDetails *details;
  gulong            updated_handler;

  GtkWidget        *bar;
  GtkLabel         *legend[3];
  GtkLabel         *summary;
  GtkWidget        *denied_row;
  GtkWidget        *denied_group;
  GtkWidget        *graph_box;
  GtkWidget        *graph;
  GtkLabel         *value_labels[N_VALUES];
  GtkLabel         *percent_labels[N_VALUES];
  GHashTable       *texts;  /* key -> text shown, for tests */
};

G_DEFINE_FINAL_TYPE (TsMemoryPage, ts_memory_page, ADW_TYPE_BIN)

static void
set_label (TsMemoryPage *self, const char *key, GtkLabel *label, const char *text)
{
  /* Each tick sets every label: touch nothing that did not change. */
  if (g_strcmp0 (g_hash_table_lookup (self->texts, key), text) == 0)
    return;
  if (g_strcmp0 (gtk_label_get_text (label), text) != 0)
    gtk_label_set_text (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), *text != '\0');
  g_hash_table_insert (self->texts, (char *) key, g_strdup (text));
}

static guint64
value_of (const TsProcSample *s, int i)
{
  switch (i)
    {
    case M_USS: return s->uss;
    case M_PSS: return s->pss;
    case M_SWAP: return s->swap;
    case M_RSS: return s->rss;
    case M_VMS: return s->vms;
    case M_SHARED: return s->shared;
    case M_TEXT: return s->text;
    case M_LIB: return s->lib;
    case M_DATA: return s->data;
    case M_DIRTY: return s->dirty;
    default: return 0;
    }
}

static gboolean
value_valid (const TsProcSample *s, int i)
{
  return (s->valid & (i <= M_SWAP ? TS_PF_MEMORY_FULL : TS_PF_MEMORY_INFO)) != 0;
}

static void
update (TsMemoryPage *self)
{
  const TsProcSample *s = self->details ? ts_process_details_get_sample (self->details) : NULL;
  guint64 total = self->details ? ts_process_details_get_memory_total (self->details) : 0;
  gboolean full;

  if (s == NULL)
    return;

  full = (s->valid & TS_PF_MEMORY_FULL) != 0;
  for (int i = 0; i < N_VALUES; i++)
    {
      static const char *pkeys[N_VALUES] = {
        "percent-uss", "percent-pss", "percent-swap", "percent-rss", "percent-vms",
        "percent-shared", "percent-text", "percent-lib", "percent-data", "percent-dirty",
      };
      g_autofree char *v = NULL, *p = NULL;

      if (value_valid (s, i))
        {
          v = ts_format_value ((double) value_of (s, i), TS_GRAPH_UNIT_BYTES);
          p = total > 0 ? g_strdup_printf ("%.2f %%", 100.0 * (double) value_of (s, i) / (double) total)
                        : g_strdup ("—");
        }
      else
        {
          v = g_strdup (_("Not available"));
          p = g_strdup ("—");
        }
      set_label (self, values[i].key, self->value_labels[i], v);
      set_label (self, pkeys[i], self->percent_labels[i], p);
    }

  gtk_widget_set_visible (self->denied_group, !full);
  if (!full)
    {
      const TsPlatformError *e = ts_proc_sample_field_error (s, TS_PF_MEMORY_FULL);
      g_autofree char *why = e ? ts_backend_error_to_string (e) : g_strdup (_("unknown error"));
      g_autofree char *text = NULL;

      if (e != NULL && e->kind == TS_PLATFORM_ERR_ACCESS_DENIED)
        text = g_strdup_printf (_("USS, PSS and swap are not readable: %s. The kernel shows a process’s "
                                  "memory map only to its owner and to root. The values from statm "
                                  "below are readable."), why);
      else if (s->kernel_thread)
        text = g_strdup (_("A kernel thread has no memory of its own in user space."));
      else
        text = g_strdup_printf (_("USS, PSS and swap are not readable: %s."), why);
      if (g_strcmp0 (g_hash_table_lookup (self->texts, "denied"), text) != 0)
        {
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->denied_row), text);
          g_hash_table_insert (self->texts, (char *) "denied", g_steal_pointer (&text));
        }
      ts_memory_bar_set_values (TS_MEMORY_BAR (self->bar), 0, 0, 0);
      set_label (self, "summary", self->summary, "");
      for (int i = 0; i < 3; i++)
        set_label (self, i == 0 ? "legend-uss" : i == 1 ? "legend-shared" : "legend-swap",
                   self->legend[i], "—");
      return;
    }

  {
    guint64 shared = s->rss > s->uss ? s->rss - s->uss : 0;
    g_autofree char *uss = ts_format_value ((double) s->uss, TS_GRAPH_UNIT_BYTES);
    g_autofree char *sh = ts_format_value ((double) shared, TS_GRAPH_UNIT_BYTES);
    g_autofree char *sw = ts_format_value ((double) s->swap, TS_GRAPH_UNIT_BYTES);
    g_autofree char *rss = ts_format_value ((double) s->rss, TS_GRAPH_UNIT_BYTES);
    g_autofree char *summary = g_strdup_printf (_("Ending this process would free %s. Its resident size "
                                                  "(RSS) of %s also counts %s it shares with others."),
                                                uss, rss, sh);

    ts_memory_bar_set_values (TS_MEMORY_BAR (self->bar), s->uss, shared, s->swap);
    set_label (self, "legend-uss", self->legend[0], uss);
    set_label (self, "legend-shared", self->legend[1], sh);
    set_label (self, "legend-swap", self->legend[2], sw);
    set_label (self, "summary", self->summary, summary);
  }
}

static GtkWidget *
legend_item (TsMemoryPage *self, int i, const char *css, const char *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *name = gtk_label_new (title);

  gtk_widget_add_css_class (swatch, "ts-swatch");
  gtk_widget_add_css_class (swatch, css);
  gtk_widget_set_size_request (swatch, 12, 12);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (name, "dim-label");
  self->legend[i] = GTK_LABEL (gtk_label_new ("—"));
  gtk_widget_add_css_class (GTK_WIDGET (self->legend[i]), "numeric");
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->legend[i]));
  return box;
}

static void
build (TsMemoryPage *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group, *box, *legend, *row;

  /* The breakdown, with its meaning in words. */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("What This Process Costs"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
    _("USS is what would be freed if the process ended now. PSS shares each shared page fairly "
      "between the processes that map it. RSS counts shared pages in full, so it overstates. "
      "Swap is memory pushed out to disk."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_margin_top (box, 6);
  self->summary = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_label_set_xalign (self->summary, 0);
  self->bar = ts_memory_bar_new ();
  legend = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  gtk_box_append (GTK_BOX (legend), legend_item (self, 0, "ts-swatch-uss", _("Own (USS)")));
  gtk_box_append (GTK_BOX (legend), legend_item (self, 1, "ts-swatch-shared", _("Shared (RSS − USS)")));
  gtk_box_append (GTK_BOX (legend), legend_item (self, 2, "ts-swatch-swap", _("Swap")));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->summary));
  gtk_box_append (GTK_BOX (box), self->bar);
  gtk_box_append (GTK_BOX (box), legend);
  gtk_widget_add_css_class (box, "ts-memory-card");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  self->denied_row = adw_action_row_new ();
  gtk_widget_add_css_class (self->denied_row, "ts-warning-row");
  adw_action_row_add_prefix (ADW_ACTION_ROW (self->denied_row),
                             gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  self->denied_group = adw_preferences_group_new ();
  gtk_widget_set_visible (self->denied_group, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->denied_group), self->denied_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (self->denied_group));

  /* USS and PSS while the window is open. */
  self->graph_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  self->graph = ts_graph_new ();
  ts_graph_set_title (TS_GRAPH (self->graph), _("USS and PSS over time"));
  ts_graph_set_unit (TS_GRAPH (self->graph), TS_GRAPH_UNIT_BYTES);
  ts_graph_set_auto_scale (TS_GRAPH (self->graph), 1024 * 1024);
  ts_graph_set_series (TS_GRAPH (self->graph), 0, _("USS"), "accent_color");
  ts_graph_set_series (TS_GRAPH (self->graph), 1, _("PSS"), "graph_purple");
  gtk_widget_set_size_request (self->graph, -1, 180);
  gtk_box_append (GTK_BOX (self->graph_box), self->graph);
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("History"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->graph_box);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("All Values"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("With each value’s share of the machine’s total memory."));
  for (int i = 0; i < N_VALUES; i++)
    {
      GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(values[i].title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(values[i].explain));
      self->value_labels[i] = GTK_LABEL (gtk_label_new ("—"));
      self->percent_labels[i] = GTK_LABEL (gtk_label_new ("—"));
      gtk_label_set_xalign (self->value_labels[i], 1);
      gtk_label_set_xalign (self->percent_labels[i], 1);
      gtk_label_set_width_chars (self->percent_labels[i], 8);
      gtk_label_set_selectable (self->value_labels[i], TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->value_labels[i]), "numeric");
      gtk_widget_add_css_class (GTK_WIDGET (self->percent_labels[i]), "numeric");
      gtk_widget_add_css_class (GTK_WIDGET (self->percent_labels[i]), "dim-label");
      gtk_box_append (GTK_BOX (suffix), GTK_WIDGET (self->value_labels[i]));
      gtk_box_append (GTK_BOX (suffix), GTK_WIDGET (self->percent_labels[i]));
      gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_bin_set_child (ADW_BIN (self), page);
}

static void
ts_memory_page_dispose (GObject *object)
{
  ts_memory_page_set_details (TS_MEMORY_PAGE (object), NULL);
  G_OBJECT_CLASS (ts_memory_page_parent_class)->dispose (object);
}

static void
ts_memory_page_finalize (GObject *object)
{
  g_hash_table_unref (TS_MEMORY_PAGE (object)->texts);
  G_OBJECT_CLASS (ts_memory_page_parent_class)->finalize (object);
}

static void
ts_memory_page_class_init (TsMemoryPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ts_memory_page_dispose;
  G_OBJECT_CLASS (klass)->finalize = ts_memory_page_finalize;
}

static void
ts_memory_page_init (TsMemoryPage *self)
{
  self->texts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  build (self);
}

GtkWidget *
ts_memory_page_new (void)
{
  return g_object_new (TS_TYPE_MEMORY_PAGE, NULL);
}

void
ts_memory_page_set_details (TsMemoryPage     *self,
                            TsProcessDetails *details)
{
  g_return_if_fail (TS_IS_MEMORY_PAGE (self));

  if (self->details == details)
    return;
  if (self->details != NULL)
    {
      g_clear_signal_handler (&self->updated_handler, self->details);
      ts_graph_set_history (TS_GRAPH (self->graph), NULL);
      g_clear_object (&self->details);
    }
  if (details != NULL)
    {
      self->details = g_object_ref (details);
      self->updated_handler = g_signal_connect_swapped (details, "updated", G_CALLBACK (update), self);
      ts_graph_set_history (TS_GRAPH (self->graph), ts_process_details_get_memory_history (details));
      update (self);
    }
}

const char *
ts_memory_page_get_text (TsMemoryPage *self,
                         const char   *key)
{
  g_return_val_if_fail (TS_IS_MEMORY_PAGE (self), NULL);
  return g_hash_table_lookup (self->texts, key);
}
