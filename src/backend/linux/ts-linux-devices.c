/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Disk and network interface counters, psutil-shaped (disk_io_counters,
 * net_io_counters), read under the context's procfs and sysfs roots.
 */
#include "config.h"

#include "ts-linux-private.h"
#include "ts-linux-sysparse.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysinfo.h>
#include <unistd.h>

/* psutil's DISK_SECTOR_SIZE: /proc/diskstats counts 512-byte sectors
 * whatever the device's own sector size. */
#define DISK_SECTOR_BYTES 512

/* ------------------------------------------------------------------- disks */

/* sysfs spells a '/' in a block device name ("cciss/c0d0") as '!'. */
static void
sysfs_block_name (const char *name, char *buf, size_t len)
{
  size_t i;

  for (i = 0; name[i] != '\0' && i + 1 < len; i++)
    buf[i] = name[i] == '/' ? '!' : name[i];
  buf[i] = '\0';
}

/* "sda1" -> "sda", "nvme0n1p1" -> "nvme0n1", "mmcblk0p2" -> "mmcblk0". */
static void
strip_partition_number (const char *name, char *parent, size_t len)
{
  size_t n = strlen (name);

  while (n > 0 && name[n - 1] >= '0' && name[n - 1] <= '9')
    n--;
  if (n >= 2 && name[n - 1] == 'p' && name[n - 2] >= '0' && name[n - 2] <= '9')
    n--;
  if (n == 0 || n == strlen (name) || n >= len)
    {
      parent[0] = '\0';
      return;
    }
  memcpy (parent, name, n);
  parent[n] = '\0';
}

static void
classify_disk (TsPlatform *self, TsDiskIo *d)
{
  char sysname[sizeof d->name];
  char p[PATH_MAX];
  char link[PATH_MAX];
  ssize_t n;

  sysfs_block_name (d->name, sysname, sizeof sysname);
  if (!ts_linux_path (p, sizeof p, "%s/class/block/%s/partition", self->sysfs, sysname)
      || access (p, F_OK) != 0)
    return;
  d->is_partition = true;

  /* class/block/sda1 -> ../../devices/.../block/sda/sda1: the directory
   * holding the partition is its disk. */
  if (ts_linux_path (p, sizeof p, "%s/class/block/%s", self->sysfs, sysname)
      && (n = readlink (p, link, sizeof link - 1)) > 0)
    {
      char *last, *prev;

      link[n] = '\0';
      while (n > 1 && link[n - 1] == '/')
        link[--n] = '\0';
      last = strrchr (link, '/');
      if (last != NULL && last > link)
        {
          *last = '\0';
          prev = strrchr (link, '/');
          prev = prev != NULL ? prev + 1 : link;
          if (prev[0] != '\0' && strcmp (prev, "..") != 0 && strcmp (prev, ".") != 0
              && strcmp (prev, "block") != 0 && strlen (prev) < sizeof d->parent)
            {
              for (size_t i = 0; prev[i] != '\0'; i++)
                d->parent[i] = prev[i] == '!' ? '/' : prev[i];
              d->parent[strlen (prev)] = '\0';
              return;
            }
        }
    }
  strip_partition_number (d->name, d->parent, sizeof d->parent);
}

/* Reads <procfs>/<name> and allocates one zeroed row of row_size per line,
 * the most rows its parser can fill. */
static bool
read_table (TsPlatform      *self,
            const char      *name,
            size_t           row_size,
            char            *path,
            size_t           path_len,
            char           **buf,
            size_t          *len,
            void           **rows,
            size_t          *max,
            TsPlatformError *err)
{
  if (!ts_linux_read_proc_file (self, name, path, path_len, buf, len, err))
    return false;
  *max = ts_linux_count_lines (*buf, *len);
  *rows = calloc (*max ? *max : 1, row_size);
  if (*rows == NULL)
    {
      free (*buf);
      return ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, ENOMEM, "malloc", path);
    }
  return true;
}

bool
ts_platform_disk_io (TsPlatform *self, TsDiskIo **out, size_t *n_out, TsPlatformError *err)
{
  char path[PATH_MAX];
  char *buf = NULL;
  size_t len = 0, max, n = 0;
  TsLinuxDiskStat *st;
  TsDiskIo *disks = NULL;

  *out = NULL;
  *n_out = 0;
  if (!read_table (self, "diskstats", sizeof *st, path, sizeof path, &buf, &len, (void **) &st, &max, err))
    return false;
  if (!ts_linux_parse_diskstats (buf, len, st, max, &n))
    {
      free (st);
      free (buf);
      return ts_linux_parse_error (err, path);
    }
  free (buf);
  if (n > max)
    n = max;

  if (n > 0)
    {
      disks = calloc (n, sizeof *disks);
      if (disks == NULL)
        {
          free (st);
          return ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, ENOMEM, "malloc", path);
        }
    }
  for (size_t i = 0; i < n; i++)
    {
      TsDiskIo *d = &disks[i];

      _Static_assert (sizeof d->name == sizeof st[i].name, "disk name sizes differ");
      memcpy (d->name, st[i].name, sizeof d->name);
      d->read_count = st[i].reads;
      d->write_count = st[i].writes;
      d->read_bytes = ts_linux_mul_sat (st[i].read_sectors, DISK_SECTOR_BYTES);
      d->write_bytes = ts_linux_mul_sat (st[i].write_sectors, DISK_SECTOR_BYTES);
      d->read_time_ms = st[i].read_ms;
      d->write_time_ms = st[i].write_ms;
      d->read_merged_count = st[i].reads_merged;
      d->write_merged_count = st[i].writes_merged;
      d->busy_time_ms = st[i].io_ticks_ms;
      classify_disk (self, d);
    }
  free (st);
  *out = disks;
  *n_out = n;
  return true;
}

/* ----------------------------------------------------------------- network */

bool
ts_platform_net_io (TsPlatform *self, TsNetIo **out, size_t *n_out, TsPlatformError *err)
{
  char path[PATH_MAX];
  char *buf = NULL;
  size_t len = 0, max, n = 0;
  TsLinuxNetDev *dev;
  TsNetIo *nics = NULL;

  *out = NULL;
  *n_out = 0;
  if (!read_table (self, "net/dev", sizeof *dev, path, sizeof path, &buf, &len, (void **) &dev, &max, err))
    return false;
  if (!ts_linux_parse_net_dev (buf, len, dev, max, &n))
    {
      free (dev);
      free (buf);
      return ts_linux_parse_error (err, path);
    }
  free (buf);
  if (n > max)
    n = max;

  if (n > 0)
    {
      nics = calloc (n, sizeof *nics);
      if (nics == NULL)
        {
          free (dev);
          return ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, ENOMEM, "malloc", path);
        }
    }
  for (size_t i = 0; i < n; i++)
    {
      _Static_assert (sizeof nics[i].name == sizeof dev[i].name, "interface name sizes differ");
      memcpy (nics[i].name, dev[i].name, sizeof nics[i].name);
      nics[i].bytes_sent = dev[i].tx_bytes;
      nics[i].bytes_recv = dev[i].rx_bytes;
      nics[i].packets_sent = dev[i].tx_packets;
      nics[i].packets_recv = dev[i].rx_packets;
      nics[i].errin = dev[i].rx_errs;
      nics[i].errout = dev[i].tx_errs;
      nics[i].dropin = dev[i].rx_drop;
      nics[i].dropout = dev[i].tx_drop;
    }
  free (dev);
  *out = nics;
  *n_out = n;
  return true;
}
