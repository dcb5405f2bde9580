/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ts-platform-dump: the platform layer on the command line, with no GLib.
 * On Windows it stands in for taskscope-cli (which needs GLib and
 * json-glib):
 *   ts-platform-dump system      CPU, memory, swap, load, boot, disks, net, battery
 *   ts-platform-dump ps          pid, ppid, threads, rss, name of every process
 *   ts-platform-dump proc PID    every field of one process, or why it is missing
 * Field names are psutil's; units are bytes and seconds. */
#include "config.h"

#include "ts-platform.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
print_error (const char *what, const TsPlatformError *err)
{
  char buf[512];

  fprintf (stderr, "ts-platform-dump: %s: %s\n", what, ts_platform_error_format (err, buf, sizeof buf));
}

static void
print_list (const char *key, const char *list, size_t len)
{
  printf ("%s: [", key);
  for (size_t off = 0; off < len;)
    {
      size_t n = strnlen (list + off, len - off);

      printf ("%s\"%.*s\"", off ? ", " : "", (int) n, list + off);
      off += n + 1;
    }
  printf ("]\n");
}

static int
dump_system (TsPlatform *p)
{
  TsPlatformError err;
  TsCpuTimesAll cpu;
  TsVirtualMemory vm;
  TsSwapMemory sw;
  TsCpuFreq *freq = NULL;
  TsDiskIo *disks = NULL;
  TsNetIo *nics = NULL;
  TsBattery bat;
  bool present;
  double load[3], boot;
  size_t n;
  int logical, physical;
  char model[256];

  if (ts_platform_cpu_count (p, &logical, &physical, &err))
    printf ("cpu_count: %d logical, %d physical\n", logical, physical);
  if (ts_platform_cpu_model (p, model, sizeof model, &err))
    printf ("cpu_model: %s\n", model);
  else
    print_error ("cpu_model", &err);
  if (ts_platform_cpu_times (p, &cpu, &err))
    {
      printf ("cpu_times: user=%.2f system=%.2f idle=%.2f interrupt=%.2f dpc=%.2f (%zu CPUs)\n",
              cpu.total.user, cpu.total.system, cpu.total.idle, cpu.total.irq, cpu.total.softirq, cpu.n_cpu);
      ts_cpu_times_all_clear (&cpu);
    }
  else
    print_error ("cpu_times", &err);
  if (ts_platform_cpu_freq (p, &freq, &n, &err))
    printf ("cpu_freq: current=%.0f max=%.0f MHz\n", freq[0].current, freq[0].max);
  else
    print_error ("cpu_freq", &err);
  free (freq);
  if (ts_platform_virtual_memory (p, &vm, &err))
    printf ("virtual_memory: total=%" PRIu64 " available=%" PRIu64 " used=%" PRIu64 " percent=%.1f\n",
            vm.total, vm.available, vm.used, vm.percent);
  else
    print_error ("virtual_memory", &err);
  if (ts_platform_swap_memory (p, &sw, &err))
    printf ("swap_memory: total=%" PRIu64 " used=%" PRIu64 " free=%" PRIu64 "\n", sw.total, sw.used, sw.free);
  else
    print_error ("swap_memory", &err);
  if (ts_platform_loadavg (p, load, &err))
    printf ("getloadavg: %.2f %.2f %.2f (sampled from now on)\n", load[0], load[1], load[2]);
  if (ts_platform_boot_time (p, &boot, &err))
    printf ("boot_time: %.0f\n", boot);
  if (ts_platform_disk_io (p, &disks, &n, &err))
    {
      for (size_t i = 0; i < n; i++)
        printf ("disk_io_counters[%s]: read_bytes=%" PRIu64 " write_bytes=%" PRIu64 "\n",
                disks[i].name, disks[i].read_bytes, disks[i].write_bytes);
      free (disks);
    }
  else
    print_error ("disk_io_counters", &err);
  if (ts_platform_net_io (p, &nics, &n, &err))
    {
      for (size_t i = 0; i < n; i++)
        printf ("net_io_counters[%s]: bytes_sent=%" PRIu64 " bytes_recv=%" PRIu64 "\n",
                nics[i].name, nics[i].bytes_sent, nics[i].bytes_recv);
      free (nics);
    }
  else
    print_error ("net_io_counters", &err);
  if (ts_platform_sensors_battery (p, &bat, &present, &err))
    {
      if (present)
        printf ("sensors_battery: percent=%.0f secsleft=%.0f power_plugged=%d status=%s\n",
                bat.percent, bat.secsleft, bat.power_plugged == TS_POWER_PLUGGED_YES,
                ts_battery_status_name (bat.status));
      else
        printf ("sensors_battery: none\n");
    }
  else
    print_error ("sensors_battery", &err);
  return 0;
}

static int
dump_ps (TsPlatform *p)
{
  TsPlatformError err;
  TsPid *pids;
  size_t n;
  TsProcSample s;

  if (!ts_platform_list_pids (p, &pids, &n, &err))
    {
      print_error ("pids", &err);
      return 1;
    }
  ts_proc_sample_init (&s);
  printf ("%7s %7s %5s %12s  %s\n", "PID", "PPID", "THR", "RSS", "NAME");
  for (size_t i = 0; i < n; i++)
    if (ts_platform_read_process (p, pids[i], TS_PF_PPID | TS_PF_NAME | TS_PF_NUM_THREADS | TS_PF_MEMORY_INFO,
                                  &s, &err))
      printf ("%7ld %7ld %5d %12" PRIu64 "  %s\n", (long) s.pid, (long) s.ppid, (int) s.num_threads, s.rss, s.name);
  ts_proc_sample_clear (&s);
  free (pids);
  return 0;
}

static int
dump_proc (TsPlatform *p, TsPid pid)
{
  TsPlatformError err;
  TsProcSample s;
  char user[128];

  ts_proc_sample_init (&s);
  if (!ts_platform_read_process (p, pid, TS_PF_ALL, &s, &err))
    {
      print_error ("read_process", &err);
      return 1;
    }
  printf ("pid: %ld\nppid: %ld\nname: %s\n", (long) s.pid, (long) s.ppid, s.name);
  if (s.valid & TS_PF_EXE)
    printf ("exe: %s\n", s.exe);
  if (s.valid & TS_PF_CMDLINE)
    print_list ("cmdline", s.cmdline, s.cmdline_len);
  if (s.valid & TS_PF_CWD)
    printf ("cwd: %s\n", s.cwd);
  if (s.valid & TS_PF_UIDS)
    {
      ts_platform_user_name (s.uids[0], user, sizeof user);
      printf ("username: %s\n", user);
    }
  printf ("status: %s\ncreate_time: %.3f\ncpu_times: user=%.3f system=%.3f\nnum_threads: %d\n",
          ts_proc_status_name (s.status), s.create_time, s.cpu_user, s.cpu_system, (int) s.num_threads);
  if (s.valid & TS_PF_NICE)
    printf ("nice: %d\n", (int) s.nice);
  if (s.valid & TS_PF_CPU_AFFINITY)
    printf ("cpu_affinity: 0x%" PRIx64 "\n", s.cpu_affinity[0]);
  printf ("memory_info: rss=%" PRIu64 " vms=%" PRIu64 " private=%" PRIu64 "\n", s.rss, s.vms, s.data);
  if (s.valid & TS_PF_MEMORY_FULL)
    printf ("memory_full_info: uss=%" PRIu64 "\n", s.uss);
  printf ("io_counters: read_count=%" PRIu64 " write_count=%" PRIu64 " read_bytes=%" PRIu64
          " write_bytes=%" PRIu64 "\n", s.read_count, s.write_count, s.read_bytes, s.write_bytes);
  if (s.valid & TS_PF_ENVIRON)
    print_list ("environ", s.environ, s.environ_len);
  for (int i = 0; i < TS_PF_N_FIELDS; i++)
    {
      const TsPlatformError *e = ts_proc_sample_field_error (&s, (TsProcField) (1u << i));
      char buf[512];

      if (e != NULL)
        printf ("%s: (%s)\n", ts_proc_field_name ((TsProcField) (1u << i)),
                ts_platform_error_format (e, buf, sizeof buf));
    }
  ts_proc_sample_clear (&s);
  return 0;
}

int
main (int argc, char **argv)
{
  TsPlatformError err;
  TsPlatform *p;
  int rc;

  if (argc < 2 || (strcmp (argv[1], "proc") == 0 && argc < 3))
    {
      fprintf (stderr, "usage: ts-platform-dump system | ps | proc PID\n");
      return 2;
    }
  p = ts_platform_new (NULL, NULL, &err);
  if (p == NULL)
    {
      print_error ("ts_platform_new", &err);
      return 1;
    }
  if (strcmp (argv[1], "system") == 0)
    rc = dump_system (p);
  else if (strcmp (argv[1], "ps") == 0)
    rc = dump_ps (p);
  else if (strcmp (argv[1], "proc") == 0)
    rc = dump_proc (p, (TsPid) strtol (argv[2], NULL, 10));
  else
    {
      fprintf (stderr, "usage: ts-platform-dump system | ps | proc PID\n");
      rc = 2;
    }
  ts_platform_free (p);
  return rc;
}
