/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Windows platform layer: system-wide readers (CPU, memory, boot time,
 * disks, network, battery).  No GLib. */
#include "config.h"

/* winsock2.h must come before windows.h for iphlpapi. */
#include <winsock2.h>
#include <ws2ipdef.h>
#include <iphlpapi.h>
#include <netioapi.h>

#include "ts-win32-private.h"

#include <math.h>
#include <powrprof.h>
#include <psapi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <winioctl.h>

#define SYSTEM_PROCESSOR_PERFORMANCE_INFORMATION_CLASS 8

typedef struct
{
  LARGE_INTEGER IdleTime;
  LARGE_INTEGER KernelTime; /* includes IdleTime, DpcTime and InterruptTime */
  LARGE_INTEGER UserTime;
  LARGE_INTEGER DpcTime;
  LARGE_INTEGER InterruptTime;
  ULONG         InterruptCount;
} TsProcessorPerformance;

/* CallNtPowerInformation(ProcessorInformation)'s record. */
typedef struct
{
  ULONG Number;
  ULONG MaxMhz;
  ULONG CurrentMhz;
  ULONG MhzLimit;
  ULONG MaxIdleState;
  ULONG CurrentIdleState;
} TsProcessorPower;

static bool
oom (TsPlatformError *err, const char *what)
{
  return ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, ERROR_NOT_ENOUGH_MEMORY, "malloc", what);
}

static int
logical_cpus (void)
{
  DWORD n = GetActiveProcessorCount (ALL_PROCESSOR_GROUPS);

  return n > 0 ? (int) n : 1;
}

bool
ts_platform_cpu_times (TsPlatform *self, TsCpuTimesAll *out, TsPlatformError *err)
{
  const TsNtApi *nt = ts_win32_nt ();
  int n = logical_cpus ();
  TsProcessorPerformance *pp;
  ULONG got = 0;
  NTSTATUS status;

  memset (out, 0, sizeof *out);
  ts_platform_error_clear (err);
  pp = calloc ((size_t) n, sizeof *pp);
  if (pp == NULL)
    return oom (err, "SystemProcessorPerformanceInformation");
  status = nt->query_system_information (SYSTEM_PROCESSOR_PERFORMANCE_INFORMATION_CLASS, pp,
                                         (ULONG) ((size_t) n * sizeof *pp), &got);
  if (!TS_NT_SUCCESS (status))
    {
      free (pp);
      return ts_win32_nt_error (err, status, "NtQuerySystemInformation",
                                "SystemProcessorPerformanceInformation");
    }
  n = (int) (got / sizeof *pp);
  out->per_cpu = calloc ((size_t) (n > 0 ? n : 1), sizeof *out->per_cpu);
  if (out->per_cpu == NULL)
    {
      free (pp);
      return oom (err, "per-CPU times");
    }
  out->n_cpu = (size_t) n;
  for (int i = 0; i < n; i++)
    {
      TsCpuTimes *c = &out->per_cpu[i];
      double kernel = (double) pp[i].KernelTime.QuadPart / 1e7;

      c->user = (double) pp[i].UserTime.QuadPart / 1e7;
      c->idle = (double) pp[i].IdleTime.QuadPart / 1e7;
      c->irq = (double) pp[i].InterruptTime.QuadPart / 1e7;
      c->softirq = (double) pp[i].DpcTime.QuadPart / 1e7; /* DPCs: Windows' deferred interrupt work */
      /* Kernel time includes idle, interrupt and DPC time; take them out
       * so the fields add up to the elapsed time, as Linux's do. */
      c->system = kernel - c->idle - c->irq - c->softirq;
      if (c->system < 0)
        c->system = 0;
      out->total.user += c->user;
      out->total.system += c->system;
      out->total.idle += c->idle;
      out->total.irq += c->irq;
      out->total.softirq += c->softirq;
    }
  free (pp);
  return true;
}

bool
ts_platform_cpu_count (TsPlatform *self, int *logical, int *physical, TsPlatformError *err)
{
  DWORD len = 0;
  char *buf;
  int cores = 0;

  ts_platform_error_clear (err);
  *logical = logical_cpus ();
  *physical = 0;
  if (GetLogicalProcessorInformationEx (RelationProcessorCore, NULL, &len)
      || GetLastError () != ERROR_INSUFFICIENT_BUFFER || len == 0)
    return true;
  buf = malloc (len);
  if (buf == NULL)
    return true;
  if (GetLogicalProcessorInformationEx (RelationProcessorCore, (void *) buf, &len))
    {
      for (DWORD off = 0; off + sizeof (DWORD) * 2 <= len;)
        {
          const SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX *info = (const void *) (buf + off);

          if (info->Size == 0)
            break;
          if (info->Relationship == RelationProcessorCore)
            cores++;
          off += info->Size;
        }
    }
  free (buf);
  *physical = cores;
  return true;
}

bool
ts_platform_cpu_freq (TsPlatform *self, TsCpuFreq **out, size_t *n_out, TsPlatformError *err)
{
  int n = logical_cpus ();
  TsProcessorPower *pp;
  NTSTATUS status;

  *out = NULL;
  *n_out = 0;
  ts_platform_error_clear (err);
  pp = calloc ((size_t) n, sizeof *pp);
  if (pp == NULL)
    return oom (err, "ProcessorInformation");
  status = CallNtPowerInformation (ProcessorInformation, NULL, 0, pp, (ULONG) ((size_t) n * sizeof *pp));
  if (!TS_NT_SUCCESS (status))
    {
      free (pp);
      return ts_win32_nt_error (err, status, "CallNtPowerInformation", "ProcessorInformation");
    }
  *out = calloc ((size_t) n, sizeof **out);
  if (*out == NULL)
    {
      free (pp);
      return oom (err, "ProcessorInformation");
    }
  for (int i = 0; i < n; i++)
    {
      (*out)[i].current = pp[i].CurrentMhz;
      (*out)[i].max = pp[i].MaxMhz;
      (*out)[i].min = 0; /* Windows does not say */
    }
  free (pp);
  *n_out = (size_t) n;
  if ((*out)[0].current <= 0)
    {
      free (*out);
      *out = NULL;
      *n_out = 0;
      return ts_platform_error_set (err, TS_PLATFORM_ERR_NOT_SUPPORTED, 0,
                                    "CallNtPowerInformation", "ProcessorInformation");
    }
  return true;
}

bool
ts_platform_cpu_model (TsPlatform *self, char *buf, size_t len, TsPlatformError *err)
{
  static const wchar_t key[] = L"HARDWARE\\DESCRIPTION\\System\\CentralProcessor\\0";
  wchar_t name[256];
  DWORD size = sizeof name - sizeof name[0];
  LSTATUS rc;
  char *utf8;

  ts_platform_error_clear (err);
  if (len > 0)
    buf[0] = '\0';
  rc = RegGetValueW (HKEY_LOCAL_MACHINE, key, L"ProcessorNameString", RRF_RT_REG_SZ, NULL, name, &size);
  if (rc != ERROR_SUCCESS)
    {
      if (rc == ERROR_FILE_NOT_FOUND)
        return ts_platform_error_set (err, TS_PLATFORM_ERR_NOT_SUPPORTED, (int) rc, "RegGetValueW",
                                      "ProcessorNameString");
      return ts_win32_error (err, (DWORD) rc, "RegGetValueW", "ProcessorNameString");
    }
  name[size / sizeof name[0] < 255 ? size / sizeof name[0] : 255] = L'\0';
  utf8 = ts_win32_utf8 (name, wcslen (name), NULL);
  if (utf8 == NULL)
    return oom (err, "ProcessorNameString");
  /* The registry pads the name with spaces on some CPUs. */
  {
    char *start = utf8, *end = utf8 + strlen (utf8);

    while (*start == ' ')
      start++;
    while (end > start && end[-1] == ' ')
      *--end = '\0';
    if (len > 0)
      snprintf (buf, len, "%s", start);
  }
  free (utf8);
  if (len > 0 && buf[0] == '\0')
    return ts_platform_error_set (err, TS_PLATFORM_ERR_NOT_SUPPORTED, 0, "RegGetValueW", "ProcessorNameString");
  return true;
}

bool
ts_platform_virtual_memory (TsPlatform *self, TsVirtualMemory *out, TsPlatformError *err)
{
  MEMORYSTATUSEX ms = { .dwLength = sizeof ms };
  PERFORMANCE_INFORMATION pi = { .cb = sizeof pi };

  memset (out, 0, sizeof *out);
  ts_platform_error_clear (err);
  if (!GlobalMemoryStatusEx (&ms))
    return ts_win32_last_error (err, "GlobalMemoryStatusEx", "memory");
  /* psutil's Windows fields: available and free are the same number. */
  out->total = ms.ullTotalPhys;
  out->available = ms.ullAvailPhys;
  out->free = ms.ullAvailPhys;
  out->used = ms.ullTotalPhys - ms.ullAvailPhys;
  out->percent = ms.ullTotalPhys > 0 ? 100.0 * (double) out->used / (double) ms.ullTotalPhys : 0.0;
  /* The file cache, for the memory chart; optional. */
  if (GetPerformanceInfo (&pi, sizeof pi))
    out->cached = (uint64_t) pi.SystemCache * pi.PageSize;
  return true;
}

bool
ts_platform_swap_memory (TsPlatform *self, TsSwapMemory *out, TsPlatformError *err)
{
  MEMORYSTATUSEX ms = { .dwLength = sizeof ms };

  memset (out, 0, sizeof *out);
  ts_platform_error_clear (err);
  if (!GlobalMemoryStatusEx (&ms))
    return ts_win32_last_error (err, "GlobalMemoryStatusEx", "swap");
  /* The "page file" figures are the commit limit and what is left of it,
   * RAM included: the page files' share is what exceeds physical memory.
   * sin/sout: Windows counts page-ins per file only through performance
   * counters; left at 0. */
  out->total = ms.ullTotalPageFile > ms.ullTotalPhys ? ms.ullTotalPageFile - ms.ullTotalPhys : 0;
  out->free = ms.ullAvailPageFile > ms.ullAvailPhys ? ms.ullAvailPageFile - ms.ullAvailPhys : 0;
  if (out->free > out->total)
    out->free = out->total;
  out->used = out->total - out->free;
  out->percent = out->total > 0 ? 100.0 * (double) out->used / (double) out->total : 0.0;
  return true;
}

bool
ts_platform_boot_time (TsPlatform *self, double *out, TsPlatformError *err)
{
  ts_platform_error_clear (err);
  *out = self->boot_time;
  return true;
}

bool
ts_platform_disk_io (TsPlatform *self, TsDiskIo **out, size_t *n_out, TsPlatformError *err)
{
  TsDiskIo *disks = NULL;
  size_t n = 0;

  *out = NULL;
  *n_out = 0;
  ts_platform_error_clear (err);
  /* psutil's way: every \\.\PhysicalDriveN that opens and answers
   * IOCTL_DISK_PERFORMANCE (it does not when the disk counters are
   * switched off, "diskperf -n"); a drive that does not is left out. */
  for (int i = 0; i < 64; i++)
    {
      wchar_t path[32];
      DISK_PERFORMANCE dp;
      DWORD got = 0;
      HANDLE h;
      TsDiskIo *bigger;

      swprintf (path, 32, L"\\\\.\\PhysicalDrive%d", i);
      h = CreateFileW (path, 0, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
      if (h == INVALID_HANDLE_VALUE)
        continue;
      memset (&dp, 0, sizeof dp);
      if (!DeviceIoControl (h, IOCTL_DISK_PERFORMANCE, NULL, 0, &dp, sizeof dp, &got, NULL))
        {
          CloseHandle (h);
          continue;
        }
      CloseHandle (h);
      bigger = realloc (disks, (n + 1) * sizeof *disks);
      if (bigger == NULL)
        {
          free (disks);
          return oom (err, "disk list");
        }
      disks = bigger;
      memset (&disks[n], 0, sizeof disks[n]);
      snprintf (disks[n].name, sizeof disks[n].name, "PhysicalDrive%d", i);
      disks[n].read_count = dp.ReadCount;
      disks[n].write_count = dp.WriteCount;
      disks[n].read_bytes = (uint64_t) dp.BytesRead.QuadPart;
      disks[n].write_bytes = (uint64_t) dp.BytesWritten.QuadPart;
      /* 100 ns units to milliseconds. */
      disks[n].read_time_ms = (uint64_t) dp.ReadTime.QuadPart / 10000;
      disks[n].write_time_ms = (uint64_t) dp.WriteTime.QuadPart / 10000;
      n++;
    }
  *out = disks;
  *n_out = n;
  return true;
}

bool
ts_platform_net_io (TsPlatform *self, TsNetIo **out, size_t *n_out, TsPlatformError *err)
{
  ULONG size = 16 * 1024;
  IP_ADAPTER_ADDRESSES *addrs = NULL;
  ULONG rc = ERROR_BUFFER_OVERFLOW;
  TsNetIo *nics = NULL;
  size_t n = 0;

  *out = NULL;
  *n_out = 0;
  ts_platform_error_clear (err);
  /* The adapters psutil lists (GetAdaptersAddresses), with each one's
   * counters from GetIfEntry2: GetIfTable2 alone also lists the filter
   * and pseudo interfaces. */
  for (int attempt = 0; attempt < 4 && rc == ERROR_BUFFER_OVERFLOW; attempt++)
    {
      free (addrs);
      addrs = malloc (size);
      if (addrs == NULL)
        return oom (err, "GetAdaptersAddresses");
      rc = GetAdaptersAddresses (AF_UNSPEC, GAA_FLAG_SKIP_ANYCAST | GAA_FLAG_SKIP_MULTICAST
                                 | GAA_FLAG_SKIP_DNS_SERVER, NULL, addrs, &size);
    }
  if (rc == ERROR_NO_DATA)
    {
      free (addrs);
      return true;
    }
  if (rc != ERROR_SUCCESS)
    {
      free (addrs);
      return ts_win32_error (err, rc, "GetAdaptersAddresses", "network adapters");
    }
  for (IP_ADAPTER_ADDRESSES *a = addrs; a != NULL; a = a->Next)
    {
      MIB_IF_ROW2 row;
      TsNetIo *bigger;
      char *name;

      memset (&row, 0, sizeof row);
      row.InterfaceIndex = a->IfIndex != 0 ? a->IfIndex : a->Ipv6IfIndex;
      if (GetIfEntry2 (&row) != NO_ERROR)
        continue;
      bigger = realloc (nics, (n + 1) * sizeof *nics);
      if (bigger == NULL)
        {
          free (nics);
          free (addrs);
          return oom (err, "interface list");
        }
      nics = bigger;
      memset (&nics[n], 0, sizeof nics[n]);
      name = a->FriendlyName != NULL ? ts_win32_utf8 (a->FriendlyName, wcslen (a->FriendlyName), NULL) : NULL;
      snprintf (nics[n].name, sizeof nics[n].name, "%s", name != NULL ? name : a->AdapterName);
      free (name);
      nics[n].bytes_sent = row.OutOctets;
      nics[n].bytes_recv = row.InOctets;
      nics[n].packets_sent = row.OutUcastPkts + row.OutNUcastPkts;
      nics[n].packets_recv = row.InUcastPkts + row.InNUcastPkts;
      nics[n].errin = row.InErrors;
      nics[n].errout = row.OutErrors;
      nics[n].dropin = row.InDiscards;
      nics[n].dropout = row.OutDiscards;
      n++;
    }
  free (addrs);
  *out = nics;
  *n_out = n;
  return true;
}

bool
ts_platform_sensors_temperatures (TsPlatform       *self,
                                  TsTemperature   **out,
                                  size_t           *n_out,
                                  TsPlatformError  *err)
{
  /* Windows has no user-level temperature API (WMI's MSAcpi_ThermalZone
   * needs COM and administrators); psutil has none either. */
  *out = NULL;
  *n_out = 0;
  ts_platform_error_clear (err);
  return true;
}

bool
ts_platform_sensors_fans (TsPlatform       *self,
                          TsFan           **out,
                          size_t           *n_out,
                          TsPlatformError  *err)
{
  *out = NULL;
  *n_out = 0;
  ts_platform_error_clear (err);
  return true;
}

bool
ts_platform_sensors_battery (TsPlatform       *self,
                             TsBattery        *out,
                             bool             *present,
                             TsPlatformError  *err)
{
  SYSTEM_POWER_STATUS ps;

  memset (out, 0, sizeof *out);
  *present = false;
  ts_platform_error_clear (err);
  if (!GetSystemPowerStatus (&ps))
    return ts_win32_last_error (err, "GetSystemPowerStatus", "battery");
  /* BatteryFlag 128: no system battery; 255: unknown.  A percentage of
   * 255 is unknown too. */
  if (ps.BatteryFlag == 128 || ps.BatteryFlag == 255 || ps.BatteryLifePercent > 100)
    return true;

  *present = true;
  out->n_batteries = 1;
  out->percent = ps.BatteryLifePercent;
  out->power_plugged = ps.ACLineStatus == 1 ? TS_POWER_PLUGGED_YES
                     : ps.ACLineStatus == 0 ? TS_POWER_PLUGGED_NO : TS_POWER_PLUGGED_UNKNOWN;
  if (out->power_plugged == TS_POWER_PLUGGED_YES)
    out->secsleft = TS_BATTERY_SECS_UNLIMITED;
  else if (ps.BatteryLifeTime == (DWORD) -1)
    out->secsleft = TS_BATTERY_SECS_UNKNOWN;
  else
    out->secsleft = ps.BatteryLifeTime;
  if (ps.BatteryFlag & 8)
    out->status = TS_BATTERY_STATUS_CHARGING;
  else if (out->power_plugged == TS_POWER_PLUGGED_YES && ps.BatteryLifePercent == 100)
    out->status = TS_BATTERY_STATUS_FULL;
  else if (out->power_plugged == TS_POWER_PLUGGED_NO)
    out->status = TS_BATTERY_STATUS_DISCHARGING;
  else if (out->power_plugged == TS_POWER_PLUGGED_YES)
    out->status = TS_BATTERY_STATUS_NOT_CHARGING;
  else
    out->status = TS_BATTERY_STATUS_UNKNOWN;
  out->power_w = NAN;
  out->energy_now_wh = NAN;
  out->energy_full_wh = NAN;
  return true;
}
