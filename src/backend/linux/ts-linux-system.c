/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * System-wide readers: CPU times, counts and frequency, memory, swap, load,
 * boot time (disks and network are in ts-linux-devices.c).  The formulas are psutil 5.9's
 * (psutil/_pslinux.py), so the numbers can be compared with it.  Every file
 * is read under the context's procfs and sysfs roots.
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


/* ---------------------------------------------------------------- helpers */

static bool
path_too_long (TsPlatformError *err, const char *what)
{
  return ts_platform_error_set (err, TS_PLATFORM_ERR_INVALID_ARGUMENT, ENAMETOOLONG,
                                "open", what);
}

bool
ts_linux_parse_error (TsPlatformError *err, const char *path)
{
  return ts_platform_error_set (err, TS_PLATFORM_ERR_PARSE, 0, "parse", path);
}

/* Reads <procfs>/<name> whole.  A system file that is not there means the
 * kernel does not offer it: NOT_SUPPORTED, not the process-oriented
 * NO_SUCH_PROCESS that ts_platform_error_from_errno gives ENOENT. */
bool
ts_linux_read_proc_file (TsPlatform      *self,
                const char      *name,
                char            *path,
                size_t           path_len,
                char           **buf,
                size_t          *len,
                TsPlatformError *err)
{
  if (!ts_linux_path (path, path_len, "%s/%s", self->procfs, name))
    return path_too_long (err, name);
  if (!ts_linux_read_path (path, buf, len, err))
    {
      if (err != NULL && err->kind == TS_PLATFORM_ERR_NO_SUCH_PROCESS)
        err->kind = TS_PLATFORM_ERR_NOT_SUPPORTED;
      return false;
    }
  return true;
}

/* A sysfs attribute holding one unsigned decimal number. */
static bool
read_sys_u64 (const char *path, uint64_t *out)
{
  char buf[64];
  uint64_t v = 0;
  size_t i = 0;

  if (!ts_linux_read_small (path, buf, sizeof buf))
    return false;
  while (buf[i] == ' ' || buf[i] == '\t')
    i++;
  if (buf[i] < '0' || buf[i] > '9')
    return false;
  for (; buf[i] >= '0' && buf[i] <= '9'; i++)
    {
      unsigned d = (unsigned) (buf[i] - '0');

      if (v > (UINT64_MAX - d) / 10)
        return false;
      v = v * 10 + d;
    }
  if (buf[i] != '\0')
    return false;
  *out = v;
  return true;
}

/* "cpu12" -> 12 for prefix "cpu"; -1 when the rest is not all digits. */
static long
numbered_entry (const char *name, const char *prefix)
{
  size_t n = strlen (prefix);
  long v = 0;

  if (strncmp (name, prefix, n) != 0 || name[n] == '\0')
    return -1;
  for (const char *p = name + n; *p != '\0'; p++)
    {
      if (*p < '0' || *p > '9' || v > (LONG_MAX - 9) / 10)
        return -1;
      v = v * 10 + (*p - '0');
    }
  return v;
}

static int
compare_long (const void *a, const void *b)
{
  long x = *(const long *) a, y = *(const long *) b;

  return (x > y) - (x < y);
}

/* The numbers N of the entries "<prefix>N" in dir, ascending, malloc'd. */
static bool
list_numbered (const char *dir, const char *prefix, long **out, size_t *n_out)
{
  DIR *d = opendir (dir);
  struct dirent *de;
  long *nums = NULL;
  size_t n = 0, cap = 0;

  *out = NULL;
  *n_out = 0;
  if (d == NULL)
    return false;
  while ((de = readdir (d)) != NULL)
    {
      long v = numbered_entry (de->d_name, prefix);

      if (v < 0)
        continue;
      if (n == cap)
        {
          size_t new_cap = cap ? cap * 2 : 16;
          long *bigger = realloc (nums, new_cap * sizeof *nums);

          if (bigger == NULL)
            {
              free (nums);
              closedir (d);
              return false;
            }
          nums = bigger;
          cap = new_cap;
        }
      nums[n++] = v;
    }
  closedir (d);
  if (n > 1)
    qsort (nums, n, sizeof *nums, compare_long);
  *out = nums;
  *n_out = n;
  return true;
}

/* Python's round(x, 1), which psutil applies to percentages: the decimal
 * digit is rounded half-even from the double's exact value, as printf's
 * "%.1f" does; x * 10 + 0.5 would round 0.35 (really 0.34999...) up.  The
 * digits are read back by hand because the decimal point follows the
 * locale the application may have set. */
static double
round1 (double x)
{
  char text[32];
  uint64_t tenths = 0;
  int n;

  if (!(x >= 0.0) || x > 1e15)
    return x;
  n = snprintf (text, sizeof text, "%.1f", x);
  if (n <= 0 || (size_t) n >= sizeof text)
    return x;
  /* Exactly one digit follows the separator, whatever bytes it is made of. */
  for (const char *p = text; *p != '\0'; p++)
    if (*p >= '0' && *p <= '9')
      tenths = tenths * 10 + (uint64_t) (*p - '0');
  return (double) tenths / 10.0;
}

static double
usage_percent (uint64_t used, uint64_t total)
{
  if (total == 0)
    return 0.0;
  return round1 ((double) used / (double) total * 100.0);
}

/* Capped so that sums and differences of four of them cannot overflow:
 * meminfo values are saturated, not trusted. */
#define MEM_CAP ((int64_t) 1 << 61)

static int64_t
to_i64 (uint64_t v)
{
  return v > (uint64_t) MEM_CAP ? MEM_CAP : (int64_t) v;
}

uint64_t
ts_linux_mul_sat (uint64_t a, uint64_t b)
{
  if (a != 0 && b > UINT64_MAX / a)
    return UINT64_MAX;
  return a * b;
}

/* --------------------------------------------------------------- CPU times */

static void
ticks_to_times (const TsLinuxCpuTicks *t, double hz, TsCpuTimes *out)
{
  /* psutil: float(ticks) / CLOCK_TICKS, field by field. */
  out->user = (double) t->ticks[0] / hz;
  out->nice = (double) t->ticks[1] / hz;
  out->system = (double) t->ticks[2] / hz;
  out->idle = (double) t->ticks[3] / hz;
  out->iowait = (double) t->ticks[4] / hz;
  out->irq = (double) t->ticks[5] / hz;
  out->softirq = (double) t->ticks[6] / hz;
  out->steal = (double) t->ticks[7] / hz;
  out->guest = (double) t->ticks[8] / hz;
  out->guest_nice = (double) t->ticks[9] / hz;
}

bool
ts_platform_cpu_times (TsPlatform *self, TsCpuTimesAll *out, TsPlatformError *err)
{
  char path[PATH_MAX];
  char *buf = NULL;
  size_t len = 0, max;
  TsLinuxProcStat st;
  TsLinuxCpuTicks *ticks;
  double hz = self->clk_tck > 0 ? (double) self->clk_tck : 100.0;

  memset (out, 0, sizeof *out);
  if (!ts_linux_read_proc_file (self, "stat", path, sizeof path, &buf, &len, err))
    return false;

  max = ts_linux_count_lines (buf, len);
  ticks = calloc (max ? max : 1, sizeof *ticks);
  if (ticks == NULL)
    {
      free (buf);
      return ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, ENOMEM, "malloc", path);
    }
  if (!ts_linux_parse_proc_stat (buf, len, &st, ticks, max))
    {
      free (ticks);
      free (buf);
      return ts_linux_parse_error (err, path);
    }
  free (buf);

  ticks_to_times (&st.total, hz, &out->total);
  if (st.n_cpu > 0)
    {
      out->per_cpu = calloc (st.n_cpu, sizeof *out->per_cpu);
      if (out->per_cpu == NULL)
        {
          free (ticks);
          return ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, ENOMEM, "malloc", path);
        }
      for (size_t i = 0; i < st.n_cpu; i++)
        ticks_to_times (&ticks[i], hz, &out->per_cpu[i]);
      out->n_cpu = st.n_cpu;
    }
  free (ticks);
  return true;
}

/* --------------------------------------------------------------- CPU count */

/* Distinct contents of cpuN/topology/<file> for every cpuN; 0 if none. */
static int
count_distinct_topology (TsPlatform *self, const long *cpus, size_t n_cpus, const char *file)
{
  char (*seen)[256];
  size_t n_seen = 0;

  if (n_cpus == 0)
    return 0;
  seen = calloc (n_cpus, sizeof *seen);
  if (seen == NULL)
    return 0;

  for (size_t i = 0; i < n_cpus; i++)
    {
      char path[PATH_MAX];
      char value[256];
      bool dup = false;

      if (!ts_linux_path (path, sizeof path, "%s/devices/system/cpu/cpu%ld/topology/%s",
                          self->sysfs, cpus[i], file))
        continue;
      if (!ts_linux_read_small (path, value, sizeof value))
        continue;
      for (size_t j = 0; j < n_seen && !dup; j++)
        dup = strcmp (seen[j], value) == 0;
      if (!dup)
        memcpy (seen[n_seen++], value, sizeof value);
    }
  free (seen);
  return (int) n_seen;
}

/* Distinct (physical id, core id) pairs in cpuinfo; 0 if none. */
static int
count_cpuinfo_cores (TsPlatform *self)
{
  char path[PATH_MAX];
  char *buf = NULL;
  size_t len = 0, max, n = 0;
  TsLinuxCpuinfo *info;
  int cores = 0;

  if (!ts_linux_read_proc_file (self, "cpuinfo", path, sizeof path, &buf, &len, NULL))
    return 0;
  max = ts_linux_count_lines (buf, len);
  info = calloc (max ? max : 1, sizeof *info);
  if (info == NULL || !ts_linux_parse_cpuinfo (buf, len, info, max, &n))
    {
      free (info);
      free (buf);
      return 0;
    }
  free (buf);
  if (n > max)
    n = max;

  for (size_t i = 0; i < n; i++)
    {
      bool dup = false;

      if (info[i].physical_id < 0 || info[i].core_id < 0)
        continue;
      for (size_t j = 0; j < i && !dup; j++)
        dup = info[j].physical_id == info[i].physical_id && info[j].core_id == info[i].core_id;
      if (!dup)
        cores++;
    }
  free (info);
  return cores;
}

static int
count_physical (TsPlatform *self)
{
  char dir[PATH_MAX];
  long *cpus = NULL;
  size_t n_cpus = 0;
  int n = 0;

  /* core_cpus_list is the newer name of thread_siblings_list: use the old
   * one only where no CPU has the new one, as psutil does. */
  if (ts_linux_path (dir, sizeof dir, "%s/devices/system/cpu", self->sysfs)
      && list_numbered (dir, "cpu", &cpus, &n_cpus))
    {
      n = count_distinct_topology (self, cpus, n_cpus, "core_cpus_list");
      if (n == 0)
        n = count_distinct_topology (self, cpus, n_cpus, "thread_siblings_list");
      free (cpus);
    }
  if (n == 0)
    n = count_cpuinfo_cores (self);
  return n;
}

bool
ts_platform_cpu_count (TsPlatform *self, int *logical, int *physical, TsPlatformError *err)
{
  char path[PATH_MAX];
  char *buf = NULL;
  size_t len = 0;
  TsLinuxProcStat st;
  bool ok;

  *logical = 0;
  *physical = 0;

  /* /proc/stat lists the online CPUs, which is what sysconf's
   * _SC_NPROCESSORS_ONLN (psutil's answer) counts too. */
  ok = ts_linux_read_proc_file (self, "stat", path, sizeof path, &buf, &len, err);
  if (ok)
    {
      ok = ts_linux_parse_proc_stat (buf, len, &st, NULL, 0) && st.n_cpu > 0
           && st.n_cpu <= INT_MAX;
      free (buf);
      if (!ok)
        ts_linux_parse_error (err, path);
    }
  if (!ok)
    {
      long n;

      /* The host's answer is only right for the host's /proc. */
      if (!self->real_procfs)
        return false;
      n = sysconf (_SC_NPROCESSORS_ONLN);
      if (n < 1 || n > INT_MAX)
        return false;
      ts_platform_error_clear (err);
      *logical = (int) n;
    }
  else
    *logical = (int) st.n_cpu;

  *physical = count_physical (self);
  return true;
}

/* ----------------------------------------------------------- CPU frequency */

/* cpuinfo's "cpu MHz" values in order; *n_out 0 when there are none. */
static bool
read_cpuinfo_mhz (TsPlatform      *self,
                  double         **out,
                  size_t          *n_out,
                  TsPlatformError *err)
{
  char path[PATH_MAX];
  char *buf = NULL;
  size_t len = 0, max, n = 0, n_mhz = 0;
  TsLinuxCpuinfo *info;
  double *mhz;

  *out = NULL;
  *n_out = 0;
  if (!ts_linux_read_proc_file (self, "cpuinfo", path, sizeof path, &buf, &len, err))
    return false;
  max = ts_linux_count_lines (buf, len);
  info = calloc (max ? max : 1, sizeof *info);
  mhz = calloc (max ? max : 1, sizeof *mhz);
  if (info == NULL || mhz == NULL)
    {
      free (info);
      free (mhz);
      free (buf);
      return ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, ENOMEM, "malloc", path);
    }
  if (!ts_linux_parse_cpuinfo (buf, len, info, max, &n))
    n = 0;
  free (buf);
  if (n > max)
    n = max;
  for (size_t i = 0; i < n; i++)
    if (info[i].mhz >= 0)
      mhz[n_mhz++] = info[i].mhz;
  free (info);
  if (n_mhz == 0)
    {
      free (mhz);
      return ts_platform_error_set (err, TS_PLATFORM_ERR_NOT_SUPPORTED, 0, "parse", path);
    }
  *out = mhz;
  *n_out = n_mhz;
  return true;
}

bool
ts_platform_cpu_freq (TsPlatform *self, TsCpuFreq **out, size_t *n_out, TsPlatformError *err)
{
  char dir[PATH_MAX];
  long *nums = NULL;
  size_t n = 0;
  bool policies = false;
  TsCpuFreq *freq;
  double *mhz = NULL;
  size_t n_mhz = 0;
  bool mhz_read = false;

  *out = NULL;
  *n_out = 0;

  /* One entry per cpufreq policy (sorted by number), else per cpuN that
   * has a cpufreq directory: psutil's order. */
  if (ts_linux_path (dir, sizeof dir, "%s/devices/system/cpu/cpufreq", self->sysfs)
      && list_numbered (dir, "policy", &nums, &n) && n > 0)
    policies = true;
  else
    {
      free (nums);
      nums = NULL;
      n = 0;
      if (ts_linux_path (dir, sizeof dir, "%s/devices/system/cpu", self->sysfs)
          && list_numbered (dir, "cpu", &nums, &n))
        {
          size_t kept = 0;

          for (size_t i = 0; i < n; i++)
            {
              char p[PATH_MAX];

              if (ts_linux_path (p, sizeof p, "%s/cpu%ld/cpufreq", dir, nums[i])
                  && access (p, F_OK) == 0)
                nums[kept++] = nums[i];
            }
          n = kept;
        }
    }

  if (n == 0)
    {
      free (nums);
      if (!read_cpuinfo_mhz (self, &mhz, &n_mhz, err))
        {
          if (err != NULL)
            err->kind = TS_PLATFORM_ERR_NOT_SUPPORTED;
          return false;
        }
      freq = calloc (n_mhz, sizeof *freq);
      if (freq == NULL)
        {
          free (mhz);
          return ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, ENOMEM, "malloc", "cpu_freq");
        }
      for (size_t i = 0; i < n_mhz; i++)
        freq[i].current = mhz[i];
      free (mhz);
      *out = freq;
      *n_out = n_mhz;
      return true;
    }

  freq = calloc (n, sizeof *freq);
  if (freq == NULL)
    {
      free (nums);
      return ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, ENOMEM, "malloc", dir);
    }

  for (size_t i = 0; i < n; i++)
    {
      char base[PATH_MAX], p[PATH_MAX];
      uint64_t khz;
      bool have_cur = false;

      if (!(policies ? ts_linux_path (base, sizeof base, "%s/policy%ld", dir, nums[i])
                     : ts_linux_path (base, sizeof base, "%s/cpu%ld/cpufreq", dir, nums[i])))
        continue;

      if (ts_linux_path (p, sizeof p, "%s/scaling_cur_freq", base) && read_sys_u64 (p, &khz))
        have_cur = true;
      /* Old kernels (psutil #1071) only have the hardware's reading. */
      else if (ts_linux_path (p, sizeof p, "%s/cpuinfo_cur_freq", base) && read_sys_u64 (p, &khz))
        have_cur = true;
      if (have_cur)
        freq[i].current = (double) khz / 1000.0;
      else
        {
          if (!mhz_read)
            {
              mhz_read = true;
              if (!read_cpuinfo_mhz (self, &mhz, &n_mhz, NULL))
                n_mhz = 0;
            }
          if (i < n_mhz)
            freq[i].current = mhz[i];
        }

      if (ts_linux_path (p, sizeof p, "%s/scaling_min_freq", base) && read_sys_u64 (p, &khz))
        freq[i].min = (double) khz / 1000.0;
      if (ts_linux_path (p, sizeof p, "%s/scaling_max_freq", base) && read_sys_u64 (p, &khz))
        freq[i].max = (double) khz / 1000.0;
    }

  free (mhz);
  free (nums);
  *out = freq;
  *n_out = n;
  return true;
}

bool
ts_platform_cpu_model (TsPlatform *self, char *buf, size_t len, TsPlatformError *err)
{
  char path[PATH_MAX];
  char *text = NULL;
  size_t text_len = 0;
  bool ok;

  if (buf == NULL || len == 0)
    return ts_platform_error_set (err, TS_PLATFORM_ERR_INVALID_ARGUMENT, EINVAL, "cpu_model", "");
  buf[0] = '\0';
  if (!ts_linux_read_proc_file (self, "cpuinfo", path, sizeof path, &text, &text_len, err))
    return false;
  ok = ts_linux_parse_cpuinfo_model (text, text_len, buf, len);
  free (text);
  if (!ok)
    return ts_platform_error_set (err, TS_PLATFORM_ERR_NOT_SUPPORTED, 0, "parse", path);
  return true;
}

/* ------------------------------------------------------------------ memory */

static bool
read_meminfo (TsPlatform *self, TsLinuxMeminfo *mem, char *path, size_t path_len,
              TsPlatformError *err)
{
  char *buf = NULL;
  size_t len = 0;
  bool ok;

  if (!ts_linux_read_proc_file (self, "meminfo", path, path_len, &buf, &len, err))
    return false;
  ok = ts_linux_parse_meminfo (buf, len, mem);
  free (buf);
  if (!ok)
    return ts_linux_parse_error (err, path);
  return true;
}

#define MEM(m, key) ((m)->bytes[TS_LINUX_MEM_##key])
#define HAS(m, key) TS_LINUX_MEMINFO_HAS (m, TS_LINUX_MEM_##key)

/* psutil's calculate_avail_vmem(): the kernel's MemAvailable formula for
 * kernels older than 3.14, from the zones' low watermarks. */
static int64_t
fallback_available (TsPlatform *self, const TsLinuxMeminfo *m)
{
  int64_t free_b = to_i64 (MEM (m, FREE));
  int64_t fallback = free_b + to_i64 (HAS (m, CACHED) ? MEM (m, CACHED) : 0);
  char path[PATH_MAX];
  char *buf = NULL;
  size_t len = 0;
  uint64_t low_pages;
  double low, pagecache, slab, avail;
  bool ok;

  if (!HAS (m, ACTIVE_FILE) || !HAS (m, INACTIVE_FILE) || !HAS (m, SRECLAIMABLE))
    return fallback;
  if (!ts_linux_read_proc_file (self, "zoneinfo", path, sizeof path, &buf, &len, NULL))
    return fallback;
  ok = ts_linux_parse_zoneinfo_low (buf, len, &low_pages);
  free (buf);
  if (!ok)
    low_pages = 0;  /* psutil sums nothing and goes on with 0 */

  low = (double) ts_linux_mul_sat (low_pages, (uint64_t) (self->page_size > 0 ? self->page_size : 4096));
  avail = (double) free_b - low;
  pagecache = (double) MEM (m, ACTIVE_FILE) + (double) MEM (m, INACTIVE_FILE);
  pagecache -= pagecache / 2 < low ? pagecache / 2 : low;
  avail += pagecache;
  slab = (double) MEM (m, SRECLAIMABLE);
  avail += slab - (slab / 2.0 < low ? slab / 2.0 : low);
  if (avail >= (double) MEM_CAP)
    return MEM_CAP;
  if (avail <= -(double) MEM_CAP)
    return -MEM_CAP;
  return (int64_t) avail;
}

static bool
fill_virtual (TsPlatform *self, const TsLinuxMeminfo *m, const char *path, TsVirtualMemory *out,
              TsPlatformError *err)
{
  int64_t total, free_b, buffers, cached, used, avail;

  memset (out, 0, sizeof *out);
  /* Also in sysinfo(2), so psutil takes them as always there. */
  if (!HAS (m, TOTAL) || !HAS (m, FREE))
    return ts_linux_parse_error (err, path);

  total = to_i64 (MEM (m, TOTAL));
  free_b = to_i64 (MEM (m, FREE));
  buffers = to_i64 (MEM (m, BUFFERS));
  /* free(1) counts reclaimable slab as cache. */
  cached = HAS (m, CACHED) ? to_i64 (MEM (m, CACHED)) + to_i64 (MEM (m, SRECLAIMABLE)) : 0;

  out->total = (uint64_t) total;
  out->free = (uint64_t) free_b;
  out->buffers = (uint64_t) buffers;
  out->cached = (uint64_t) cached;
  if (HAS (m, SHMEM))
    out->shared = MEM (m, SHMEM);
  else
    out->shared = MEM (m, MEMSHARED);
  out->active = MEM (m, ACTIVE);
  if (HAS (m, INACTIVE))
    out->inactive = MEM (m, INACTIVE);
  else if (HAS (m, INACT_DIRTY) && HAS (m, INACT_CLEAN) && HAS (m, INACT_LAUNDRY))
    out->inactive = MEM (m, INACT_DIRTY) + MEM (m, INACT_CLEAN) + MEM (m, INACT_LAUNDRY);
  out->slab = MEM (m, SLAB);

  /* Inside a container the host's numbers can make this negative. */
  used = total - free_b - cached - buffers;
  if (used < 0)
    used = total - free_b;
  out->used = used < 0 ? 0 : (uint64_t) used;

  avail = HAS (m, AVAILABLE) ? to_i64 (MEM (m, AVAILABLE)) : fallback_available (self, m);
  if (avail < 0)
    avail = 0;
  if (avail > total)
    avail = free_b;
  out->available = (uint64_t) avail;
  out->percent = usage_percent (out->total > out->available ? out->total - out->available : 0,
                                out->total);
  return true;
}

static bool
fill_swap (TsPlatform *self, const TsLinuxMeminfo *m, const char *path, TsSwapMemory *out,
           TsPlatformError *err)
{
  char vpath[PATH_MAX];
  char *buf = NULL;
  size_t len = 0;
  uint64_t pswpin, pswpout;

  memset (out, 0, sizeof *out);
  if (HAS (m, SWAP_TOTAL) && HAS (m, SWAP_FREE))
    {
      out->total = MEM (m, SWAP_TOTAL);
      out->free = MEM (m, SWAP_FREE);
    }
  else
    {
      struct sysinfo si;

      /* psutil's fallback; the host's numbers only fit the host's /proc. */
      if (!self->real_procfs || sysinfo (&si) != 0)
        return ts_linux_parse_error (err, path);
      out->total = ts_linux_mul_sat (si.totalswap, si.mem_unit);
      out->free = ts_linux_mul_sat (si.freeswap, si.mem_unit);
    }
  out->used = out->total > out->free ? out->total - out->free : 0;
  out->percent = usage_percent (out->used, out->total);

  /* pswpin/pswpout count pages.  psutil multiplies by 4096; we use the page
   * size, which is the same on x86 and right on 16k/64k-page kernels.  A
   * missing vmstat leaves them 0, as in psutil. */
  if (ts_linux_read_proc_file (self, "vmstat", vpath, sizeof vpath, &buf, &len, NULL))
    {
      if (ts_linux_parse_vmstat_swap (buf, len, &pswpin, &pswpout))
        {
          uint64_t page = (uint64_t) (self->page_size > 0 ? self->page_size : 4096);

          out->sin = ts_linux_mul_sat (pswpin, page);
          out->sout = ts_linux_mul_sat (pswpout, page);
        }
      free (buf);
    }
  return true;
}

#undef MEM
#undef HAS

bool
ts_platform_virtual_memory (TsPlatform *self, TsVirtualMemory *out, TsPlatformError *err)
{
  char path[PATH_MAX];
  TsLinuxMeminfo m;

  memset (out, 0, sizeof *out);
  return read_meminfo (self, &m, path, sizeof path, err) && fill_virtual (self, &m, path, out, err);
}

bool
ts_platform_swap_memory (TsPlatform *self, TsSwapMemory *out, TsPlatformError *err)
{
  char path[PATH_MAX];
  TsLinuxMeminfo m;

  memset (out, 0, sizeof *out);
  return read_meminfo (self, &m, path, sizeof path, err) && fill_swap (self, &m, path, out, err);
}

bool
ts_platform_memory (TsPlatform      *self,
                    TsVirtualMemory *vm,
                    TsSwapMemory    *swap,
                    TsPlatformError *err)
{
  char path[PATH_MAX];
  TsLinuxMeminfo m;

  memset (vm, 0, sizeof *vm);
  memset (swap, 0, sizeof *swap);
  return read_meminfo (self, &m, path, sizeof path, err)
         && fill_virtual (self, &m, path, vm, err)
         && fill_swap (self, &m, path, swap, err);
}

/* ---------------------------------------------------------- load and boot */

bool
ts_platform_loadavg (TsPlatform *self, double out[3], TsPlatformError *err)
{
  char path[PATH_MAX];
  char *buf = NULL;
  size_t len = 0;
  bool ok;

  out[0] = out[1] = out[2] = 0.0;
  if (!ts_linux_read_proc_file (self, "loadavg", path, sizeof path, &buf, &len, err))
    return false;
  ok = ts_linux_parse_loadavg (buf, len, out);
  free (buf);
  if (!ok)
    return ts_linux_parse_error (err, path);
  return true;
}

bool
ts_platform_boot_time (TsPlatform *self, double *out, TsPlatformError *err)
{
  char path[PATH_MAX];
  char *buf = NULL;
  size_t len = 0;
  TsLinuxProcStat st;

  *out = 0.0;
  if (!ts_linux_read_proc_file (self, "stat", path, sizeof path, &buf, &len, err))
    return false;
  /* Only btime matters here: a bad cpu line elsewhere does not hide it. */
  (void) ts_linux_parse_proc_stat (buf, len, &st, NULL, 0);
  free (buf);
  if (!st.have_btime)
    return ts_linux_parse_error (err, path);
  *out = (double) st.btime;
  return true;
}
