/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-resources-views"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ts-graph.h"
#include "ts-resources-views-private.h"
#include "ts-units.h"

/* ---------------------------------------------------------------- disks */

static void
disk_update_tile (TsResView *view, TsMonitor *monitor)
{
  TsDiskStats *disk = view->object;
  g_autofree char *r = ts_format_value (ts_disk_stats_get_read_rate (disk), TS_GRAPH_UNIT_BYTES_PER_SECOND);
  g_autofree char *w = ts_format_value (ts_disk_stats_get_write_rate (disk), TS_GRAPH_UNIT_BYTES_PER_SECOND);

  (void) monitor;
  ts_res_set_value (view, "tile-value", ts_disk_stats_get_busy (disk), TS_GRAPH_UNIT_PERCENT);
  /* TRANSLATORS: a disk's read and write rates in the sidebar */
  ts_res_view_set_text (view, "tile-detail", g_strdup_printf (_("R %s · W %s"), r, w));
}

static void
disk_update_detail (TsResView *view, TsMonitor *monitor)
{
  TsDiskStats *disk = view->object;
  GListModel *parts = ts_disk_stats_get_partitions (disk);

  ts_res_set_error (view, "error", ts_monitor_get_error (monitor, TS_MONITOR_SOURCE_DISKS));
  ts_res_set_value (view, "read-rate", ts_disk_stats_get_read_rate (disk), TS_GRAPH_UNIT_BYTES_PER_SECOND);
  ts_res_set_value (view, "write-rate", ts_disk_stats_get_write_rate (disk), TS_GRAPH_UNIT_BYTES_PER_SECOND);
  ts_res_set_rate (view, "read-iops", ts_disk_stats_get_read_iops (disk));
  ts_res_set_rate (view, "write-iops", ts_disk_stats_get_write_iops (disk));
  ts_res_set_value (view, "busy", ts_disk_stats_get_busy (disk), TS_GRAPH_UNIT_PERCENT);
  {
    double await = ts_disk_stats_get_await (disk);
    g_autofree char *n = ts_format_value (await, TS_GRAPH_UNIT_NUMBER);

    /* TRANSLATORS: milliseconds */
    ts_res_view_set_text (view, "await", isnan (await) ? g_strdup (n) : g_strdup_printf (_("%s ms"), n));
  }
  ts_res_set_rate (view, "read-merged", ts_disk_stats_get_read_merged_rate (disk));
  ts_res_set_rate (view, "write-merged", ts_disk_stats_get_write_merged_rate (disk));
  ts_res_set_value (view, "read-total", ts_disk_stats_get_read_bytes (disk), TS_GRAPH_UNIT_BYTES);
  ts_res_set_value (view, "write-total", ts_disk_stats_get_write_bytes (disk), TS_GRAPH_UNIT_BYTES);
  ts_res_set_count (view, "read-count", ts_disk_stats_get_read_count (disk));
  ts_res_set_count (view, "write-count", ts_disk_stats_get_write_count (disk));

  for (guint i = 0; i < g_list_model_get_n_items (parts); i++)
    {
      g_autoptr (TsDiskStats) part = g_list_model_get_item (parts, i);
      g_autofree char *key = g_strdup_printf ("part:%s", ts_disk_stats_get_name (part));
      g_autofree char *r = ts_format_value (ts_disk_stats_get_read_bytes (part), TS_GRAPH_UNIT_BYTES);
      g_autofree char *w = ts_format_value (ts_disk_stats_get_write_bytes (part), TS_GRAPH_UNIT_BYTES);

      /* TRANSLATORS: a partition's totals since boot */
      ts_res_view_set_text (view, key, g_strdup_printf (_("%s read · %s written"), r, w));
    }
}

static const TsResStat disk_rate_stats[] = {
  { "read-rate",    N_("Read") },
  { "write-rate",   N_("Write") },
  { "read-iops",    N_("Reads") },
  { "write-iops",   N_("Writes") },
  { "busy",         N_("Busy") },
  { "await",        N_("Average wait") },
  { "read-merged",  N_("Merged reads") },
  { "write-merged", N_("Merged writes") },
};

static const TsResStat disk_boot_stats[] = {
  { "read-total",  N_("Read") },
  { "write-total", N_("Written") },
  { "read-count",  N_("Read requests") },
  { "write-count", N_("Write requests") },
};

TsResView *
ts_res_view_new_disk (TsMonitor *monitor, TsDiskStats *disk)
{
  static const guint rw[] = { TS_DISK_SERIES_READ, TS_DISK_SERIES_WRITE };
  static const guint busy[] = { TS_DISK_SERIES_BUSY };
  g_autofree char *id = g_strdup_printf ("disk:%s", ts_disk_stats_get_name (disk));
  TsResView *view = ts_res_view_alloc (id, ts_disk_stats_get_name (disk), disk_update_tile, disk_update_detail);
  TsHistory *h = ts_disk_stats_get_history (disk);
  TsHistory *busy_h = ts_res_view_slice (view, h, 1, busy);
  GListModel *parts = ts_disk_stats_get_partitions (disk);
  guint n_parts = g_list_model_get_n_items (parts);
  GtkWidget *box = view->detail, *g;

  view->object = g_object_ref (disk);
  if (ts_disk_stats_get_is_partition (disk))
    /* TRANSLATORS: a partition whose disk is not listed, "Partition of sda" */
    view->subtitle = g_strdup_printf (_("Partition of %s"), ts_disk_stats_get_parent (disk));
  else if (n_parts > 0)
    view->subtitle = g_strdup_printf (ngettext ("Disk with %u partition", "Disk with %u partitions", n_parts),
                                      n_parts);
  else
    view->subtitle = g_strdup (_("Disk"));
  ts_res_make_tile (view, busy_h, FALSE);
  ts_graph_set_range (ts_res_view_graph (view, "tile"), 0, 100);
  ts_graph_set_series (ts_res_view_graph (view, "tile"), 0, NULL, "graph_purple");

  ts_res_add_error (view, box, "error");
  g = ts_res_add_graph (view, box, "throughput", ts_res_view_slice (view, h, 2, rw), _("Throughput"),
                        TS_GRAPH_UNIT_BYTES_PER_SECOND, MAIN_GRAPH_H);
  ts_graph_set_auto_scale (TS_GRAPH (g), 1e6);
  ts_graph_set_series (TS_GRAPH (g), 0, _("Read"), "graph_blue");
  ts_graph_set_series (TS_GRAPH (g), 1, _("Write"), "graph_orange");

  ts_res_add_stat_grid (view, box, disk_rate_stats, G_N_ELEMENTS (disk_rate_stats));

  g = ts_res_add_graph (view, box, "busy", busy_h, _("Busy Time"), TS_GRAPH_UNIT_PERCENT, SMALL_GRAPH_H);
  ts_graph_set_range (TS_GRAPH (g), 0, 100);
  ts_graph_set_series (TS_GRAPH (g), 0, NULL, "graph_purple");
  gtk_widget_set_tooltip_text (g, _("The share of the time the disk had requests in flight. "
                                    "Disks that serve requests in parallel (SSD, NVMe) can do more at 100 %."));

  ts_res_add_heading (box, _("Since Boot"));
  ts_res_add_stat_grid (view, box, disk_boot_stats, G_N_ELEMENTS (disk_boot_stats));

  if (n_parts > 0)
    {
      GtkWidget *list = gtk_list_box_new ();

      ts_res_add_heading (box, _("Partitions"));
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      for (guint i = 0; i < n_parts; i++)
        {
          g_autoptr (TsDiskStats) part = g_list_model_get_item (parts, i);
          g_autofree char *key = g_strdup_printf ("part:%s", ts_disk_stats_get_name (part));
          GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
          GtkWidget *name = gtk_label_new (ts_disk_stats_get_name (part));
          GtkWidget *totals = gtk_label_new ("—");

          gtk_widget_set_margin_start (row, 12);
          gtk_widget_set_margin_end (row, 12);
          gtk_widget_set_margin_top (row, 10);
          gtk_widget_set_margin_bottom (row, 10);
          gtk_label_set_xalign (GTK_LABEL (name), 0);
          gtk_widget_set_hexpand (name, TRUE);
          gtk_label_set_xalign (GTK_LABEL (totals), 1);
          gtk_label_set_ellipsize (GTK_LABEL (totals), PANGO_ELLIPSIZE_START);
          gtk_widget_add_css_class (totals, "dim-label");
          gtk_widget_add_css_class (totals, "numeric");
          gtk_box_append (GTK_BOX (row), name);
          gtk_box_append (GTK_BOX (row), totals);
          gtk_list_box_append (GTK_LIST_BOX (list), row);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (row)), FALSE);
          ts_res_add_label (view, key, totals);
        }
      gtk_box_append (GTK_BOX (box), list);
    }

  return view;
}

/* -------------------------------------------------------------- network */

static void
net_update_tile (TsResView *view, TsMonitor *monitor)
{
  TsNetStats *net = view->object;
  g_autofree char *rx = ts_format_value (ts_net_stats_get_rx_rate (net), TS_GRAPH_UNIT_BYTES_PER_SECOND);
  g_autofree char *tx = ts_format_value (ts_net_stats_get_tx_rate (net), TS_GRAPH_UNIT_BYTES_PER_SECOND);

  (void) monitor;
  /* TRANSLATORS: receive and send rates of an interface in the sidebar */
  ts_res_view_set_text (view, "tile-detail", g_strdup_printf (_("↓ %s · ↑ %s"), rx, tx));
}

static void
net_update_detail (TsResView *view, TsMonitor *monitor)
{
  TsNetStats *net = view->object;

  ts_res_set_error (view, "error", ts_monitor_get_error (monitor, TS_MONITOR_SOURCE_NET));
  ts_res_set_value (view, "rx-rate", ts_net_stats_get_rx_rate (net), TS_GRAPH_UNIT_BYTES_PER_SECOND);
  ts_res_set_value (view, "tx-rate", ts_net_stats_get_tx_rate (net), TS_GRAPH_UNIT_BYTES_PER_SECOND);
  ts_res_set_value (view, "rx-total", ts_net_stats_get_bytes_recv (net), TS_GRAPH_UNIT_BYTES);
  ts_res_set_value (view, "tx-total", ts_net_stats_get_bytes_sent (net), TS_GRAPH_UNIT_BYTES);
  ts_res_set_count (view, "rx-packets", ts_net_stats_get_packets_recv (net));
  ts_res_set_count (view, "tx-packets", ts_net_stats_get_packets_sent (net));
  ts_res_set_count (view, "errin", ts_net_stats_get_errin (net));
  ts_res_set_count (view, "errout", ts_net_stats_get_errout (net));
  ts_res_set_count (view, "dropin", ts_net_stats_get_dropin (net));
  ts_res_set_count (view, "dropout", ts_net_stats_get_dropout (net));
}

static const TsResStat net_rate_stats[] = {
  { "rx-rate", N_("Receiving") },
  { "tx-rate", N_("Sending") },
};

static const TsResStat net_boot_stats[] = {
  { "rx-total",   N_("Received") },
  { "tx-total",   N_("Sent") },
  { "rx-packets", N_("Packets received") },
  { "tx-packets", N_("Packets sent") },
  { "errin",      N_("Receive errors") },
  { "errout",     N_("Send errors") },
  { "dropin",     N_("Dropped on receive") },
  { "dropout",    N_("Dropped on send") },
};

TsResView *
ts_res_view_new_net (TsMonitor *monitor, TsNetStats *net)
{
  g_autofree char *id = g_strdup_printf ("net:%s", ts_net_stats_get_name (net));
  TsResView *view = ts_res_view_alloc (id, ts_net_stats_get_name (net), net_update_tile, net_update_detail);
  TsHistory *h = ts_net_stats_get_history (net);
  GtkWidget *box = view->detail, *g;

  (void) monitor;
  view->object = g_object_ref (net);
  view->subtitle = g_strdup (g_str_equal (ts_net_stats_get_name (net), "lo") ? _("Loopback")
                                                                              : _("Network interface"));
  ts_res_make_tile (view, h, FALSE);
  ts_graph_set_auto_scale (ts_res_view_graph (view, "tile"), 64 * 1024);
  ts_graph_set_unit (ts_res_view_graph (view, "tile"), TS_GRAPH_UNIT_BYTES_PER_SECOND);
  ts_graph_set_series (ts_res_view_graph (view, "tile"), TS_NET_SERIES_RX, NULL, "graph_blue");
  ts_graph_set_series (ts_res_view_graph (view, "tile"), TS_NET_SERIES_TX, NULL, "graph_orange");

  ts_res_add_error (view, box, "error");
  g = ts_res_add_graph (view, box, "traffic", h, _("Traffic"), TS_GRAPH_UNIT_BYTES_PER_SECOND, MAIN_GRAPH_H);
  ts_graph_set_auto_scale (TS_GRAPH (g), 64 * 1024);
  ts_graph_set_series (TS_GRAPH (g), TS_NET_SERIES_RX, _("Received"), "graph_blue");
  ts_graph_set_series (TS_GRAPH (g), TS_NET_SERIES_TX, _("Sent"), "graph_orange");

  ts_res_add_stat_grid (view, box, net_rate_stats, G_N_ELEMENTS (net_rate_stats));

  ts_res_add_heading (box, _("Since Boot"));
  ts_res_add_stat_grid (view, box, net_boot_stats, G_N_ELEMENTS (net_boot_stats));

  return view;
}
