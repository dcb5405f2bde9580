/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What one tick of the Resources and Sensors samplers costs, against the
 * least a C program must do to read the same files.
 *
 *   monitor-sample taskscope N     N ticks of ts_monitor_sample + ts_sensors_monitor_sample
 *   monitor-sample minimal N       N passes of open/read/close over the same files
 *
 * Prints CPU seconds (user+system, getrusage) per tick in microseconds.
 * The file list of the minimal reader is what TsMonitor reads on Linux:
 * /proc/stat, meminfo, vmstat, loadavg, diskstats, net/dev, the cpufreq
 * files of each CPU (or cpuinfo, where there is no cpufreq); the sensors tree is empty
 * here (no hwmon), so its cost is the directory listings.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "ts-monitor.h"
#include "ts-sensors-monitor.h"

static double
cpu_seconds (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static char buf[1 << 16];

static void
slurp (const char *path)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  ssize_t n;

  if (fd < 0)
    return;
  while ((n = read (fd, buf, sizeof buf)) > 0)
    ;
  close (fd);
}

static void
list_dir (const char *path)
{
  DIR *d = opendir (path);
  struct dirent *e;

  if (d == NULL)
    return;
  while ((e = readdir (d)) != NULL)
    ;
  closedir (d);
}

static void
minimal_pass (long n_cpus)
{
  static const char *files[] = {
    "/proc/stat", "/proc/meminfo", "/proc/vmstat", "/proc/loadavg",
    "/proc/diskstats", "/proc/net/dev",
  };
  char path[256];
  static int have_cpufreq = -1;

  /* Without cpufreq the current MHz is only in cpuinfo (psutil reads it
   * too): the least reader of the same figures reads it as well. */
  if (have_cpufreq < 0)
    have_cpufreq = access ("/sys/devices/system/cpu/cpu0/cpufreq/scaling_cur_freq", F_OK) == 0;
  if (!have_cpufreq)
    slurp ("/proc/cpuinfo");
  for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
    slurp (files[i]);
  for (long c = 0; c < n_cpus; c++)
    {
      snprintf (path, sizeof path, "/sys/devices/system/cpu/cpu%ld/cpufreq/scaling_cur_freq", c);
      slurp (path);
    }
  list_dir ("/sys/block");
  list_dir ("/sys/class/hwmon");
  list_dir ("/sys/class/thermal");
  list_dir ("/sys/class/power_supply");
}

int
main (int argc, char **argv)
{
  long n = argc > 2 ? atol (argv[2]) : 10000;
  double t0, t1;

  if (argc < 2 || n <= 0)
    {
      fprintf (stderr, "usage: %s taskscope|minimal N\n", argv[0]);
      return 2;
    }
  if (strcmp (argv[1], "taskscope") == 0)
    {
      TsMonitor *monitor = ts_monitor_new (NULL, NULL);
      TsSensorsMonitor *sensors = ts_sensors_monitor_new (NULL, NULL);
      gint64 now = g_get_monotonic_time ();

      ts_monitor_sample (monitor);
      t0 = cpu_seconds ();
      for (long i = 0; i < n; i++)
        {
          ts_monitor_sample (monitor);
          if (sensors != NULL)
            ts_sensors_monitor_sample (sensors, now + i * G_USEC_PER_SEC);
        }
      t1 = cpu_seconds ();
      g_object_unref (monitor);
      g_clear_object (&sensors);
    }
  else
    {
      long n_cpus = sysconf (_SC_NPROCESSORS_CONF);

      t0 = cpu_seconds ();
      for (long i = 0; i < n; i++)
        minimal_pass (n_cpus);
      t1 = cpu_seconds ();
    }
  printf ("%s: %.1f us CPU per tick over %ld ticks\n", argv[1], (t1 - t0) / n * 1e6, n);
  return 0;
}
