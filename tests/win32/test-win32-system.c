/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Windows layer's system readers on the live machine: sane values,
 * counters that move, the load average sampler, and the contract's
 * answers where Windows has no equivalent. */
#include "config.h"

#include "ts-tap.h"
#include "ts-win32.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

static volatile LONG spin_stop;

static DWORD WINAPI
spin (LPVOID data)
{
  volatile unsigned long x = 0;

  while (!InterlockedCompareExchange (&spin_stop, 0, 0))
    x++;
  return 0;
}

static void
burn_cpu (DWORD ms)
{
  ULONGLONG end = GetTickCount64 () + ms;
  volatile unsigned long x = 0;

  while (GetTickCount64 () < end)
    x++;
}

static double
sum_times (const TsCpuTimes *t)
{
  return t->user + t->nice + t->system + t->idle + t->iowait + t->irq + t->softirq + t->steal;
}

static void
test_cpu (TsPlatform *p)
{
  TsPlatformError err;
  TsCpuTimesAll a, b;
  TsCpuFreq *freq = NULL;
  size_t n_freq = 0;
  int logical = 0, physical = 0;
  char model[256];
  bool ok;

  ok = ts_platform_cpu_count (p, &logical, &physical, &err);
  TAP_OK (ok && logical >= 1
          && physical >= 0 && physical <= logical, "cpu count: %d logical, %d physical", logical, physical);
  ok = ts_platform_cpu_times (p, &a, &err);
  TAP_OK (ok && a.n_cpu == (size_t) logical, "cpu times for %zu CPUs", a.n_cpu);
  if (ok)
    {
      double per_sum = 0;
      bool sane = true;

      for (size_t i = 0; i < a.n_cpu; i++)
        {
          per_sum += sum_times (&a.per_cpu[i]);
          sane &= a.per_cpu[i].user >= 0 && a.per_cpu[i].system >= 0 && a.per_cpu[i].idle >= 0;
        }
      TAP_OK (sane && fabs (per_sum - sum_times (&a.total)) < 1e-3 * (per_sum + 1),
              "total is the sum of the CPUs (%.2f s)", per_sum);
      burn_cpu (300);
      ok = ts_platform_cpu_times (p, &b, &err);
      TAP_OK (ok && b.total.user + b.total.system > a.total.user + a.total.system,
              "user+system grows after 300 ms of work (%.3f -> %.3f)", a.total.user + a.total.system,
              ok ? b.total.user + b.total.system : 0.0);
      if (ok)
        ts_cpu_times_all_clear (&b);
      ts_cpu_times_all_clear (&a);
    }

  if (ts_platform_cpu_freq (p, &freq, &n_freq, &err))
    TAP_OK (n_freq == (size_t) logical && freq[0].current > 0 && freq[0].current < 20000
            && (freq[0].max == 0 || freq[0].max >= 100), "cpu freq %.0f MHz (max %.0f)",
            freq[0].current, freq[0].max);
  else
    TAP_OK (err.kind == TS_PLATFORM_ERR_NOT_SUPPORTED && strcmp (err.call, "CallNtPowerInformation") == 0,
            "cpu freq not supported here, named");
  free (freq);
  ok = ts_platform_cpu_model (p, model, sizeof model, &err);
  TAP_OK (ok && model[0] != '\0' && model[0] != ' ', "cpu model \"%s\"", ok ? model : "");
}

static void
test_memory (TsPlatform *p)
{
  TsPlatformError err;
  TsVirtualMemory vm;
  TsSwapMemory sw;
  MEMORYSTATUSEX ms = { .dwLength = sizeof ms };
  bool ok;

  ok = ts_platform_virtual_memory (p, &vm, &err);
  GlobalMemoryStatusEx (&ms);
  TAP_OK (ok && vm.total == ms.ullTotalPhys && vm.total > (64u << 20), "memory total %llu",
          (unsigned long long) vm.total);
  TAP_OK (ok && vm.available <= vm.total && vm.used + vm.available == vm.total
          && vm.percent >= 0 && vm.percent <= 100, "available %llu, used %llu, %.1f %%",
          (unsigned long long) vm.available, (unsigned long long) vm.used, vm.percent);
  ok = ts_platform_swap_memory (p, &sw, &err);
  TAP_OK (ok && sw.used <= sw.total && sw.used + sw.free == sw.total && sw.percent >= 0 && sw.percent <= 100,
          "swap total %llu used %llu", (unsigned long long) sw.total, (unsigned long long) sw.used);
}

static void
test_boot (TsPlatform *p)
{
  TsPlatformError err;
  double a = 0, b = 0, now;
  FILETIME ft;
  bool ok;

  GetSystemTimeAsFileTime (&ft);
  now = ts_win32_filetime_to_epoch (((uint64_t) ft.dwHighDateTime << 32) | ft.dwLowDateTime);
  ok = ts_platform_boot_time (p, &a, &err);
  TAP_OK (ok && a < now && a > now - 3.0 * 365 * 86400,
          "boot time %.0f is in the past (now %.0f)", a, now);
  TAP_OK (ts_platform_boot_time (p, &b, &err) && a == b, "boot time is stable");
}

static void
test_devices (TsPlatform *p)
{
  TsPlatformError err;
  TsDiskIo *disks = NULL;
  TsNetIo *nics = NULL;
  size_t n = 0;
  bool ok, named = true;

  ok = ts_platform_disk_io (p, &disks, &n, &err);
  for (size_t i = 0; ok && i < n; i++)
    named &= strncmp (disks[i].name, "PhysicalDrive", 13) == 0;
  TAP_OK (ok && named, "disk counters: %zu drives answer IOCTL_DISK_PERFORMANCE", n);
  free (disks);
  ok = ts_platform_net_io (p, &nics, &n, &err);
  named = true;
  for (size_t i = 0; ok && i < n; i++)
    named &= nics[i].name[0] != '\0';
  TAP_OK (ok && named, "network counters for %zu interfaces", n);
  free (nics);
}

static void
test_sensors (TsPlatform *p)
{
  TsPlatformError err;
  TsTemperature *temps = (void *) 1;
  TsFan *fans = (void *) 1;
  TsBattery bat;
  size_t n = 99;
  bool present = true;
  SYSTEM_POWER_STATUS ps;

  TAP_OK (ts_platform_sensors_temperatures (p, &temps, &n, &err) && n == 0 && temps == NULL,
          "temperatures: none on Windows, success");
  TAP_OK (ts_platform_sensors_fans (p, &fans, &n, &err) && n == 0 && fans == NULL, "fans: none, success");
  TAP_OK (ts_platform_sensors_battery (p, &bat, &present, &err) && GetSystemPowerStatus (&ps), "battery read");
  if (present)
    TAP_OK (bat.percent >= 0 && bat.percent <= 100 && bat.percent == ps.BatteryLifePercent
            && bat.n_batteries == 1, "battery %.0f %% %s", bat.percent, ts_battery_status_name (bat.status));
  else
    TAP_OK (bat.percent == 0 && (ps.BatteryFlag == 128 || ps.BatteryFlag == 255 || ps.BatteryLifePercent > 100),
            "no battery (flag %u): absent, zeroed", ps.BatteryFlag);
}

static void
test_unsupported (TsPlatform *p)
{
  TsPlatformError err;
  TsOpenFile *files = (void *) 1;
  size_t n = 99;
  char buf[32] = "x";

  TAP_OK (!ts_platform_open_files (p, (TsPid) GetCurrentProcessId (), &files, &n, &err)
          && err.kind == TS_PLATFORM_ERR_NOT_SUPPORTED && files == NULL && n == 0
          && strcmp (err.call, "NtQuerySystemInformation") == 0, "open files: not supported, named");
  TAP_OK (!ts_platform_terminal_name (p, 34816, buf, sizeof buf) && buf[0] == '\0', "no terminal names");
  TAP_OK (ts_platform_kept_fds (p) == 0, "no descriptors kept");
}

static void
test_loadavg (void)
{
  TsPlatformError err;
  TsPlatform *p = ts_platform_new (NULL, NULL, &err);
  double load[3] = { -1, -1, -1 };
  HANDLE spinners[2];
  bool ok, finite = true;

  /* A fast sampler: 50 ms instead of 5 s. */
  ts_win32_loadavg_set_interval (p, 0.05);
  spin_stop = 0;
  spinners[0] = CreateThread (NULL, 0, spin, NULL, 0, NULL);
  spinners[1] = CreateThread (NULL, 0, spin, NULL, 0, NULL);
  ok = ts_platform_loadavg (p, load, &err);
  TAP_OK (ok && load[0] >= 0 && load[0] < 1e-9 + 1000, "first loadavg call starts the sampler (%.2f)", load[0]);
  for (int i = 0; i < 100 && ts_win32_loadavg_samples (p) < 20; i++)
    Sleep (50);
  TAP_OK (ts_win32_loadavg_samples (p) >= 20, "the sampler ran (%llu samples in ~1 s)",
          (unsigned long long) ts_win32_loadavg_samples (p));
  ok = ts_platform_loadavg (p, load, &err);
  for (int i = 0; i < 3; i++)
    finite &= isfinite (load[i]) && load[i] >= 0;
  TAP_OK (ok && finite, "load %.3f %.3f %.3f", load[0], load[1], load[2]);
  /* Two spinning threads are runnable all along: the 1 minute average
   * rises first, if the OS reports thread states at all. */
  if (load[0] > 0)
    TAP_OK (load[0] >= load[1] && load[1] >= load[2], "1 min >= 5 min >= 15 min while load rises");
  else
    tap_skip ("the load rises with two spinning threads",
              "this OS leaves the snapshot's thread states unset (wine): every count is 0");
  InterlockedExchange (&spin_stop, 1);
  WaitForMultipleObjects (2, spinners, TRUE, INFINITE);
  CloseHandle (spinners[0]);
  CloseHandle (spinners[1]);
  ts_platform_free (p); /* stops and joins the sampler */
  TAP_OK (true, "the sampler stops with its context");
}

int
main (void)
{
  TsPlatformError err;
  TsPlatform *p = ts_platform_new (NULL, NULL, &err);

  TAP_OK (p != NULL, "ts_platform_new");
  if (p == NULL)
    return tap_done ();
  test_cpu (p);
  test_memory (p);
  test_boot (p);
  test_devices (p);
  test_sensors (p);
  test_unsupported (p);
  ts_platform_free (p);
  test_loadavg ();
  return tap_done ();
}
