/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Temperatures, fans and battery from sysfs.  Which files hold what follows
 * psutil 5.9 (psutil/_pslinux.py) and the kernel's sysfs ABI documents
 * (sysfs-class-hwmon, sysfs-class-power, sysfs-class-thermal); where this
 * differs from psutil it is said below.  Every path is under the context's
 * sysfs root, so fixture trees stand in for /sys.
 *
 * Order: hwmon devices by number, then sensors by number (psutil sorts the
 * path strings, which puts temp10 before temp2).
 */
#include "config.h"

#include "ts-linux-private.h"
#include "ts-linux-sensparse.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stddef.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---------------------------------------------------------------- helpers */

/* Reads a small attribute; false on any error or when it does not fit (a
 * cut number would parse as another number).  *len excludes the NUL. */
static bool
read_attr (const char *dir, const char *name, char *buf, size_t size, size_t *len)
{
  char path[PATH_MAX];
  ssize_t n;
  int fd;

  if (!ts_linux_path (path, sizeof path, "%s/%s", dir, name))
    return false;
  do
    fd = open (path, O_RDONLY | O_CLOEXEC);
  while (fd < 0 && errno == EINTR);
  if (fd < 0)
    return false;
  do
    n = read (fd, buf, size - 1);
  while (n < 0 && errno == EINTR);
  close (fd);
  if (n < 0 || (size_t) n >= size - 1)
    return false;
  buf[n] = '\0';
  *len = (size_t) n;
  return true;
}

static bool
read_int (const char *dir, const char *name, int64_t *out)
{
  char buf[64];
  size_t len;

  return read_attr (dir, name, buf, sizeof buf, &len)
         && ts_linux_parse_sysfs_int (buf, len, out);
}

/* A milli-unit attribute (m°C, µW, µWh...) as a double in the whole unit;
 * NAN when absent or unreadable. */
static double
read_scaled (const char *dir, const char *name, double scale)
{
  int64_t v;

  return read_int (dir, name, &v) ? (double) v / scale : NAN;
}

/* A text attribute, blanks trimmed at both ends (psutil strips them).
 * False when unreadable; a longer value is cut to fit. */
static bool
read_text (const char *dir, const char *name, char *out, size_t size)
{
  char path[PATH_MAX], buf[256];
  size_t len, start = 0;

  if (!ts_linux_path (path, sizeof path, "%s/%s", dir, name)
      || !ts_linux_read_small (path, buf, sizeof buf))
    return false;
  len = strlen (buf);
  while (start < len && (buf[start] == ' ' || buf[start] == '\t'))
    start++;
  while (len > start && (buf[len - 1] == ' ' || buf[len - 1] == '\t'
                         || buf[len - 1] == '\n' || buf[len - 1] == '\r'))
    len--;
  len -= start;
  if (len >= size)
    len = size - 1;
  memcpy (out, buf + start, len);
  out[len] = '\0';
  return true;
}

static int
compare_u32 (const void *a, const void *b)
{
  uint32_t x = *(const uint32_t *) a, y = *(const uint32_t *) b;

  return (x > y) - (x < y);
}

/* The numbers N of the entries "<prefix>N<suffix>" in dir, ascending.
 * A directory that is not there has none; other errors are errors. */
static bool
list_indices (const char      *dir,
              const char      *prefix,
              const char      *suffix,
              uint32_t       **out,
              size_t          *n_out,
              TsPlatformError *err)
{
  DIR *d = opendir (dir);
  struct dirent *de;
  uint32_t *nums = NULL;
  size_t n = 0, cap = 0;

  *out = NULL;
  *n_out = 0;
  if (d == NULL)
    {
      if (errno == ENOENT || errno == ENOTDIR)
        return true;
      return ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, errno, "opendir", dir);
    }
  while ((de = readdir (d)) != NULL)
    {
      uint32_t v;

      if (!ts_linux_parse_sysfs_index (de->d_name, strlen (de->d_name), prefix, suffix, &v))
        continue;
      if (n == cap)
        {
          size_t new_cap = cap ? cap * 2 : 16;
          uint32_t *bigger = realloc (nums, new_cap * sizeof *nums);

          if (bigger == NULL)
            {
              free (nums);
              closedir (d);
              return ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, ENOMEM, "malloc", dir);
            }
          nums = bigger;
          cap = new_cap;
        }
      nums[n++] = v;
    }
  closedir (d);
  if (n > 1)
    qsort (nums, n, sizeof *nums, compare_u32);
  *out = nums;
  *n_out = n;
  return true;
}

/* A growable array of fixed-size elements. */
typedef struct
{
  char   *data;
  size_t  n, cap, size;
} Vec;

static void *
vec_push (Vec *v)
{
  if (v->n == v->cap)
    {
      size_t new_cap = v->cap ? v->cap * 2 : 16;
      char *bigger = realloc (v->data, new_cap * v->size);

      if (bigger == NULL)
        return NULL;
      v->data = bigger;
      v->cap = new_cap;
    }
  memset (v->data + v->n * v->size, 0, v->size);
  return v->data + v->n++ * v->size;
}

static void
copy_str (char *dst, size_t size, const char *src)
{
  size_t n = strlen (src);

  if (n >= size)
    n = size - 1;
  memcpy (dst, src, n);
  dst[n] = '\0';
}

/* ------------------------------------------------------------------- hwmon */

typedef enum { KIND_TEMP, KIND_FAN } Kind;

/* One sensor "<prefix><index>" in dir; false only when out of memory.
 * Unreadable (EIO, ENODATA from a sleeping device) or garbage input files
 * are skipped, as psutil does. */
static bool
read_hwmon_sensor (Kind kind, const char *dir, const char *chip, const char *prefix,
                   uint32_t index, Vec *v)
{
  char attr[64], sensor[32];
  int64_t raw;

  snprintf (sensor, sizeof sensor, "%s%u", prefix, index);
  snprintf (attr, sizeof attr, "%s_input", sensor);
  if (!read_int (dir, attr, &raw))
    return true;

  if (kind == KIND_TEMP)
    {
      TsTemperature *t = vec_push (v);

      if (t == NULL)
        return false;
      copy_str (t->chip, sizeof t->chip, chip);
      copy_str (t->sensor, sizeof t->sensor, sensor);
      t->current = (double) raw / 1000.0;
      snprintf (attr, sizeof attr, "%s_max", sensor);
      t->high = read_scaled (dir, attr, 1000.0);
      snprintf (attr, sizeof attr, "%s_crit", sensor);
      t->critical = read_scaled (dir, attr, 1000.0);
      snprintf (attr, sizeof attr, "%s_label", sensor);
      if (!read_text (dir, attr, t->label, sizeof t->label))
        t->label[0] = '\0';
    }
  else
    {
      TsFan *f = vec_push (v);

      if (f == NULL)
        return false;
      copy_str (f->chip, sizeof f->chip, chip);
      copy_str (f->sensor, sizeof f->sensor, sensor);
      f->current = (double) raw;
      snprintf (attr, sizeof attr, "%s_label", sensor);
      if (!read_text (dir, attr, f->label, sizeof f->label))
        f->label[0] = '\0';
    }
  return true;
}

/* Reads the "temp" or "fan" sensors of every hwmon device into v.
 * *n_files counts the *_input files seen, read or not: psutil falls back to
 * thermal zones only when hwmon has no temperature file at all. */
static bool
read_hwmon (TsPlatform *self, Kind kind, Vec *v, size_t *n_files, TsPlatformError *err)
{
  const char *prefix = kind == KIND_TEMP ? "temp" : "fan";
  char class_dir[PATH_MAX];
  uint32_t *hwmons = NULL;
  size_t n_hwmons = 0;
  bool ok = true;

  *n_files = 0;
  if (!ts_linux_path (class_dir, sizeof class_dir, "%s/class/hwmon", self->sysfs))
    return ts_platform_error_set (err, TS_PLATFORM_ERR_INVALID_ARGUMENT, ENAMETOOLONG,
                                  "opendir", self->sysfs);
  if (!list_indices (class_dir, "hwmon", "", &hwmons, &n_hwmons, err))
    return false;

  for (size_t h = 0; ok && h < n_hwmons; h++)
    {
      char base[PATH_MAX], dev[PATH_MAX], base_name[64] = "", dev_name[64] = "";
      bool have_base_name, have_dev_name;
      uint32_t *in_base = NULL, *in_dev = NULL;
      size_t n_base = 0, n_dev = 0, i = 0, j = 0;

      if (!ts_linux_path (base, sizeof base, "%s/hwmon%u", class_dir, hwmons[h])
          || !ts_linux_path (dev, sizeof dev, "%s/device", base))
        continue;
      /* Drivers of the old hwmon API keep the attributes (and "name") on
       * the parent device, hwmonN/device/; psutil reads both places and
       * takes "name" from beside the sensor file.  A number present in both
       * is read from hwmonN/ only. */
      if (!list_indices (base, prefix, "_input", &in_base, &n_base, NULL))
        n_base = 0;
      if (!list_indices (dev, prefix, "_input", &in_dev, &n_dev, NULL))
        n_dev = 0;
      have_base_name = read_text (base, "name", base_name, sizeof base_name);
      have_dev_name = n_dev > 0 && read_text (dev, "name", dev_name, sizeof dev_name);
      if (!have_dev_name)
        {
          have_dev_name = have_base_name;
          copy_str (dev_name, sizeof dev_name, base_name);
        }

      while (ok && (i < n_base || j < n_dev))
        {
          bool from_base = j >= n_dev || (i < n_base && in_base[i] <= in_dev[j]);
          uint32_t index = from_base ? in_base[i] : in_dev[j];

          if (from_base)
            {
              if (j < n_dev && in_dev[j] == index)
                j++;
              i++;
            }
          else
            j++;
          (*n_files)++;
          /* Without a chip name the sensor cannot be grouped: psutil skips it. */
          if (from_base ? !have_base_name : !have_dev_name)
            continue;
          ok = read_hwmon_sensor (kind, from_base ? base : dev,
                                  from_base ? base_name : dev_name, prefix, index, v);
        }
      free (in_base);
      free (in_dev);
    }
  free (hwmons);
  if (!ok)
    return ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, ENOMEM, "malloc", class_dir);
  return true;
}

/* --------------------------------------------------------- thermal zones */

static bool
read_thermal (TsPlatform *self, Vec *v, TsPlatformError *err)
{
  char class_dir[PATH_MAX];
  uint32_t *zones = NULL;
  size_t n_zones = 0;

  if (!ts_linux_path (class_dir, sizeof class_dir, "%s/class/thermal", self->sysfs))
    return ts_platform_error_set (err, TS_PLATFORM_ERR_INVALID_ARGUMENT, ENAMETOOLONG,
                                  "opendir", self->sysfs);
  if (!list_indices (class_dir, "thermal_zone", "", &zones, &n_zones, err))
    return false;

  for (size_t z = 0; z < n_zones; z++)
    {
      char dir[PATH_MAX], type[64];
      uint32_t *trips = NULL;
      size_t n_trips = 0;
      TsTemperature *t;
      int64_t raw;

      if (!ts_linux_path (dir, sizeof dir, "%s/thermal_zone%u", class_dir, zones[z]))
        continue;
      if (!read_int (dir, "temp", &raw) || !read_text (dir, "type", type, sizeof type))
        continue;
      t = vec_push (v);
      if (t == NULL)
        {
          free (zones);
          return ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, ENOMEM, "malloc", dir);
        }
      copy_str (t->chip, sizeof t->chip, type);
      snprintf (t->sensor, sizeof t->sensor, "thermal_zone%u", zones[z]);
      t->current = (double) raw / 1000.0;
      t->high = NAN;
      t->critical = NAN;

      /* The first trip point of each type, by number (psutil takes one of
       * them in set order, which is arbitrary). */
      list_indices (dir, "trip_point_", "_type", &trips, &n_trips, NULL);
      for (size_t i = 0; i < n_trips; i++)
        {
          char attr[48], trip_type[32];
          double *slot = NULL;

          snprintf (attr, sizeof attr, "trip_point_%u_type", trips[i]);
          if (!read_text (dir, attr, trip_type, sizeof trip_type))
            continue;
          if (strcmp (trip_type, "critical") == 0)
            slot = &t->critical;
          /* psutil looks for "high", which no kernel writes; the kernel's
           * word for the trip before critical is "hot". */
          else if (strcmp (trip_type, "high") == 0 || strcmp (trip_type, "hot") == 0)
            slot = &t->high;
          if (slot == NULL || !isnan (*slot))
            continue;
          snprintf (attr, sizeof attr, "trip_point_%u_temp", trips[i]);
          *slot = read_scaled (dir, attr, 1000.0);
        }
      free (trips);
    }
  free (zones);
  return true;
}

bool
ts_platform_sensors_temperatures (TsPlatform       *self,
                                  TsTemperature   **out,
                                  size_t           *n_out,
                                  TsPlatformError  *err)
{
  Vec v = { .size = sizeof (TsTemperature) };
  size_t n_files = 0;

  *out = NULL;
  *n_out = 0;
  if (!read_hwmon (self, KIND_TEMP, &v, &n_files, err))
    {
      free (v.data);
      return false;
    }
  if (n_files == 0 && !read_thermal (self, &v, err))
    {
      free (v.data);
      return false;
    }
  *out = (TsTemperature *) v.data;
  *n_out = v.n;
  return true;
}

bool
ts_platform_sensors_fans (TsPlatform       *self,
                          TsFan           **out,
                          size_t           *n_out,
                          TsPlatformError  *err)
{
  Vec v = { .size = sizeof (TsFan) };
  size_t n_files = 0;

  *out = NULL;
  *n_out = 0;
  if (!read_hwmon (self, KIND_FAN, &v, &n_files, err))
    {
      free (v.data);
      return false;
    }
  *out = (TsFan *) v.data;
  *n_out = v.n;
  return true;
}

/* ----------------------------------------------------------------- battery */

/* Raw sysfs units (µWh, µAh, µW, µA) so that ratios are psutil's to the
 * last bit: it divides the integers as read. */
typedef struct
{
  double          percent;
  bool            native_energy;  /* energy_now and energy_full */
  double          e_now, e_full;  /* µWh; NAN unless energy_*, or charge_* times voltage_now */
  double          c_now, c_full;  /* µAh; NAN unless charge_* */
  double          power;          /* µW, >= 0; NAN unless power_now, or current_now times voltage_now */
  double          current;        /* µA, >= 0; NAN unless current_now */
  double          tte;            /* time_to_empty_now, seconds; NAN unless given */
  TsBatteryStatus status;
} Bat;

/* One battery; false when none of energy_*, charge_* or capacity gives its
 * level (psutil then answers None). */
static bool
read_bat (const char *dir, Bat *b)
{
  char text[32];
  double volts, power;
  bool have_c;

  b->e_now = read_scaled (dir, "energy_now", 1.0);
  b->e_full = read_scaled (dir, "energy_full", 1.0);
  b->c_now = read_scaled (dir, "charge_now", 1.0);
  b->c_full = read_scaled (dir, "charge_full", 1.0);
  b->native_energy = !isnan (b->e_now) && !isnan (b->e_full);
  have_c = !isnan (b->c_now) && !isnan (b->c_full);

  /* psutil: energy, else charge, else the kernel's integer capacity. */
  if (b->native_energy)
    b->percent = b->e_full != 0.0 ? 100.0 * b->e_now / b->e_full : 0.0;
  else if (have_c)
    b->percent = b->c_full != 0.0 ? 100.0 * b->c_now / b->c_full : 0.0;
  else
    {
      b->percent = read_scaled (dir, "capacity", 1.0);
      if (isnan (b->percent))
        return false;
    }
  if (!have_c)
    b->c_now = b->c_full = NAN;

  volts = read_scaled (dir, "voltage_now", 1e6);
  if (!(volts > 0.0))
    volts = NAN;
  if (!b->native_energy)
    {
      b->e_now = have_c ? b->c_now * volts : NAN;
      b->e_full = have_c ? b->c_full * volts : NAN;
    }

  /* Some drivers report a negative current or power while discharging:
   * the magnitude is the rate. */
  power = read_scaled (dir, "power_now", 1.0);
  b->current = fabs (read_scaled (dir, "current_now", 1.0));
  b->power = !isnan (power) ? fabs (power) : b->current * volts;
  b->tte = read_scaled (dir, "time_to_empty_now", 1.0);
  if (b->tte < 0)
    b->tte = NAN;

  b->status = TS_BATTERY_STATUS_UNKNOWN;
  if (read_text (dir, "status", text, sizeof text))
    b->status = ts_linux_parse_supply_status (text, strlen (text));
  return true;
}

static int
compare_names (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* The entry names of class/power_supply, sorted; NULL-free on failure. */
static bool
list_supplies (const char *dir, char ***out, size_t *n_out, TsPlatformError *err)
{
  DIR *d = opendir (dir);
  struct dirent *de;
  Vec v = { .size = sizeof (char *) };

  *out = NULL;
  *n_out = 0;
  if (d == NULL)
    {
      if (errno == ENOENT || errno == ENOTDIR)
        return true;
      return ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, errno, "opendir", dir);
    }
  while ((de = readdir (d)) != NULL)
    {
      char **slot;

      if (de->d_name[0] == '.')
        continue;
      slot = vec_push (&v);
      if (slot == NULL || (*slot = strdup (de->d_name)) == NULL)
        {
          if (slot != NULL)
            v.n--;
          for (size_t i = 0; i < v.n; i++)
            free (((char **) v.data)[i]);
          free (v.data);
          closedir (d);
          return ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, ENOMEM, "malloc", dir);
        }
    }
  closedir (d);
  if (v.n > 1)
    qsort (v.data, v.n, sizeof (char *), compare_names);
  *out = (char **) v.data;
  *n_out = v.n;
  return true;
}

/* The sum of one double field over the batteries; NAN when any lacks it. */
static double
sum_field (const Bat *bats, size_t n, size_t offset)
{
  double s = 0;

  for (size_t i = 0; i < n; i++)
    {
      double v;

      memcpy (&v, (const char *) &bats[i] + offset, sizeof v);
      s += v;
    }
  return s;
}

#define SUM_ALL(field) sum_field (bats, n, offsetof (Bat, field))

static void
combine (const Bat *bats, size_t n, bool mains_known, bool mains_online, TsBattery *out)
{
  double e_now = SUM_ALL (e_now), e_full = SUM_ALL (e_full);
  double c_now = SUM_ALL (c_now), c_full = SUM_ALL (c_full);
  double power = SUM_ALL (power), current = SUM_ALL (current);
  bool all_native_energy = true, use_charge;
  bool any[5] = { false };

  for (size_t i = 0; i < n; i++)
    {
      all_native_energy = all_native_energy && bats[i].native_energy;
      any[bats[i].status] = true;
    }
  /* Sum in the unit every battery has: energy as the batteries give it
   * (psutil's first choice), else charge, else energy from charge times
   * voltage; without any, each battery's percentage counts the same. */
  use_charge = !all_native_energy && !isnan (c_now) && !isnan (c_full);

  out->n_batteries = (unsigned) n;
  if (use_charge)
    out->percent = c_full != 0.0 ? 100.0 * c_now / c_full : 0.0;
  else if (!isnan (e_now) && !isnan (e_full))
    out->percent = e_full != 0.0 ? 100.0 * e_now / e_full : 0.0;
  else
    out->percent = SUM_ALL (percent) / (double) n;
  out->energy_now_wh = e_now / 1e6;
  out->energy_full_wh = e_full / 1e6;
  out->power_w = power / 1e6;

  if (any[TS_BATTERY_STATUS_DISCHARGING])
    out->status = TS_BATTERY_STATUS_DISCHARGING;
  else if (any[TS_BATTERY_STATUS_CHARGING])
    out->status = TS_BATTERY_STATUS_CHARGING;
  else if (any[TS_BATTERY_STATUS_NOT_CHARGING])
    out->status = TS_BATTERY_STATUS_NOT_CHARGING;
  else if (any[TS_BATTERY_STATUS_FULL] && !any[TS_BATTERY_STATUS_UNKNOWN])
    out->status = TS_BATTERY_STATUS_FULL;
  else
    out->status = TS_BATTERY_STATUS_UNKNOWN;

  /* The mains supply knows best; without one, the batteries' status.
   * "Not charging" is plugged in too (psutil leaves it None). */
  if (mains_known)
    out->power_plugged = mains_online ? TS_POWER_PLUGGED_YES : TS_POWER_PLUGGED_NO;
  else if (any[TS_BATTERY_STATUS_DISCHARGING])
    out->power_plugged = TS_POWER_PLUGGED_NO;
  else if (any[TS_BATTERY_STATUS_CHARGING] || any[TS_BATTERY_STATUS_FULL]
           || any[TS_BATTERY_STATUS_NOT_CHARGING])
    out->power_plugged = TS_POWER_PLUGGED_YES;
  else
    out->power_plugged = TS_POWER_PLUGGED_UNKNOWN;

  /* psutil: unlimited when plugged in; else what is left over the rate,
   * truncated (unknown when the rate is 0); else time_to_empty_now.  psutil
   * pairs energy_now with current_now when power_now is missing, which
   * mixes units: here energy goes with power and charge with current.  The
   * kernel documents time_to_empty_now in seconds; psutil multiplies it by
   * 60. */
  if (out->power_plugged == TS_POWER_PLUGGED_YES)
    out->secsleft = TS_BATTERY_SECS_UNLIMITED;
  else if (use_charge && !isnan (current))
    out->secsleft = current > 0.0 ? trunc (c_now / current * 3600.0) : TS_BATTERY_SECS_UNKNOWN;
  else if (!isnan (e_now) && !isnan (power))
    out->secsleft = power > 0.0 ? trunc (e_now / power * 3600.0) : TS_BATTERY_SECS_UNKNOWN;
  else if (n == 1 && !isnan (bats[0].tte))
    out->secsleft = trunc (bats[0].tte);
  else
    out->secsleft = TS_BATTERY_SECS_UNKNOWN;
}

bool
ts_platform_sensors_battery (TsPlatform      *self,
                             TsBattery       *out,
                             bool            *present,
                             TsPlatformError *err)
{
  char class_dir[PATH_MAX];
  char **names = NULL;
  size_t n_names = 0, n_bats = 0;
  Bat *bats;
  bool mains_known = false, mains_online = false;

  memset (out, 0, sizeof *out);
  *present = false;
  if (!ts_linux_path (class_dir, sizeof class_dir, "%s/class/power_supply", self->sysfs))
    return ts_platform_error_set (err, TS_PLATFORM_ERR_INVALID_ARGUMENT, ENAMETOOLONG,
                                  "opendir", self->sysfs);
  if (!list_supplies (class_dir, &names, &n_names, err))
    return false;
  bats = calloc (n_names ? n_names : 1, sizeof *bats);
  if (bats == NULL)
    {
      for (size_t i = 0; i < n_names; i++)
        free (names[i]);
      free (names);
      return ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, ENOMEM, "malloc", class_dir);
    }

  for (size_t i = 0; i < n_names; i++)
    {
      char dir[PATH_MAX], type[32] = "", scope[32] = "";
      bool is_battery, is_mains;
      int64_t online;

      if (!ts_linux_path (dir, sizeof dir, "%s/%s", class_dir, names[i]))
        continue;
      if (read_text (dir, "type", type, sizeof type))
        {
          is_battery = strcmp (type, "Battery") == 0;
          is_mains = strcmp (type, "Mains") == 0;
        }
      else
        {
          /* No type (very old kernels): psutil's guess by name. */
          is_battery = strncmp (names[i], "BAT", 3) == 0;
          is_mains = strcmp (names[i], "AC") == 0 || strcmp (names[i], "AC0") == 0;
        }
      /* A wireless mouse or a phone's battery is not the system's. */
      if (is_battery && read_text (dir, "scope", scope, sizeof scope)
          && strcmp (scope, "Device") == 0)
        continue;
      if (is_mains && read_int (dir, "online", &online))
        {
          mains_known = true;
          mains_online = mains_online || online == 1;
        }
      if (is_battery && read_bat (dir, &bats[n_bats]))
        n_bats++;
    }
  for (size_t i = 0; i < n_names; i++)
    free (names[i]);
  free (names);

  if (n_bats > 0)
    {
      combine (bats, n_bats, mains_known, mains_online, out);
      *present = true;
    }
  free (bats);
  return true;
}
