/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * taskscope-helper: acts on one process the user does not own.  The window
 * runs it through pkexec (polkit) only after a direct call was refused, so it
 * runs as root: it does one thing per run, trusts nothing but its argv, reads
 * no environment and starts no other program.
 *
 *   taskscope-helper signal   PID START_TICKS SIGNAL     (HUP INT QUIT TERM KILL STOP CONT USR1 USR2 ABRT)
 *   taskscope-helper nice     PID START_TICKS NICE       (-20..19)
 *   taskscope-helper ionice   PID START_TICKS CLASS LEVEL (class 0..3, level 0..7)
 *   taskscope-helper affinity PID START_TICKS CPULIST    (e.g. 0-3,6)
 *
 * START_TICKS is field 22 of /proc/PID/stat as the caller saw it: a PID that
 * now names another process is refused.
 *
 * Exit status (see exit_code below): 0 done; 1 the call failed; 2 bad usage;
 * 3 the process is gone or its PID names another process; 4 permission denied.
 * One line on stderr says why.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ts-platform.h"

enum
{
  EXIT_DONE = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
  EXIT_GONE = 3,
  EXIT_DENIED = 4,
};

/* The signals the window offers; nothing else is sent with root's rights. */
static const struct
{
  const char *name;
  int         signum;
} allowed_signals[] = {
  { "HUP", SIGHUP },   { "INT", SIGINT },   { "QUIT", SIGQUIT }, { "TERM", SIGTERM },
  { "KILL", SIGKILL }, { "STOP", SIGSTOP }, { "CONT", SIGCONT }, { "USR1", SIGUSR1 },
  { "USR2", SIGUSR2 }, { "ABRT", SIGABRT },
};

static int
usage (const char *why)
{
  fprintf (stderr,
           "taskscope-helper: %s\n"
           "usage: taskscope-helper signal   PID START_TICKS SIGNAL\n"
           "       taskscope-helper nice     PID START_TICKS NICE\n"
           "       taskscope-helper ionice   PID START_TICKS CLASS LEVEL\n"
           "       taskscope-helper affinity PID START_TICKS CPULIST\n",
           why);
  return EXIT_USAGE;
}

/* Decimal only: an optional '-' when min < 0, then digits without leading
 * zeros; no spaces, no '+', no hex; in [min, max].  min and max stay well
 * inside 12 digits, so a longer number is out of range anyway. */
static bool
parse_int (const char *s, long long min, long long max, long long *out)
{
  const char *p = s;
  long long v = 0;
  size_t digits = 0;

  if (*p == '-' && min < 0)
    p++;
  if (*p < '0' || *p > '9' || (p[0] == '0' && p[1] != '\0') || (p != s && p[0] == '0'))
    return false;
  for (; *p != '\0'; p++, digits++)
    {
      if (*p < '0' || *p > '9' || digits >= 12)
        return false;
      v = v * 10 + (*p - '0');
    }
  if (*s == '-')
    v = -v;
  if (v < min || v > max)
    return false;
  *out = v;
  return true;
}

static bool
parse_u64 (const char *s, uint64_t *out)
{
  uint64_t v = 0;

  if (*s < '0' || *s > '9' || (s[0] == '0' && s[1] != '\0'))
    return false;
  for (; *s != '\0'; s++)
    {
      if (*s < '0' || *s > '9' || v > (UINT64_MAX - (uint64_t) (*s - '0')) / 10)
        return false;
      v = v * 10 + (uint64_t) (*s - '0');
    }
  *out = v;
  return true;
}

/* "0-3,6": ranges and single CPUs, ascending or not, at least one CPU. */
static bool
parse_cpu_list (const char *s, uint64_t set[TS_CPU_SET_WORDS])
{
  const long long max = TS_CPU_SET_WORDS * 64 - 1;
  char item[32];

  memset (set, 0, sizeof (uint64_t) * TS_CPU_SET_WORDS);
  if (*s == '\0')
    return false;
  while (*s != '\0')
    {
      const char *comma = strchr (s, ',');
      size_t len = comma != NULL ? (size_t) (comma - s) : strlen (s);
      char *dash;
      long long lo, hi;

      if (len == 0 || len >= sizeof item)
        return false;
      memcpy (item, s, len);
      item[len] = '\0';
      dash = strchr (item, '-');
      if (dash != NULL)
        {
          *dash = '\0';
          if (!parse_int (item, 0, max, &lo) || !parse_int (dash + 1, 0, max, &hi) || hi < lo)
            return false;
        }
      else
        {
          if (!parse_int (item, 0, max, &lo))
            return false;
          hi = lo;
        }
      for (long long cpu = lo; cpu <= hi; cpu++)
        set[cpu / 64] |= UINT64_C (1) << (cpu % 64);
      s += len;
      if (*s == ',')
        {
          s++;
          if (*s == '\0')
            return false;
        }
    }
  return true;
}

static int
exit_code (const TsPlatformError *err)
{
  switch (err->kind)
    {
    case TS_PLATFORM_ERR_NO_SUCH_PROCESS:
    case TS_PLATFORM_ERR_ZOMBIE:
      return EXIT_GONE;
    case TS_PLATFORM_ERR_ACCESS_DENIED:
      return EXIT_DENIED;
    case TS_PLATFORM_OK:
    case TS_PLATFORM_ERR_NOT_SUPPORTED:
    case TS_PLATFORM_ERR_OS_ERROR:
    case TS_PLATFORM_ERR_PARSE:
    case TS_PLATFORM_ERR_INVALID_ARGUMENT:
    default:
      return EXIT_FAILED;
    }
}

int
main (int argc, char **argv)
{
  const char *op;
  long long pid;
  uint64_t start;
  TsPlatformError err;
  TsPlatform *platform;
  bool ok;
  int want_args;
  long long a = 0, b = 0;
  int signum = 0;
  uint64_t cpus[TS_CPU_SET_WORDS];

  if (argc < 2)
    return usage ("no operation");
  op = argv[1];
  if (strcmp (op, "signal") == 0 || strcmp (op, "nice") == 0 || strcmp (op, "affinity") == 0)
    want_args = 5;
  else if (strcmp (op, "ionice") == 0)
    want_args = 6;
  else
    return usage ("unknown operation");
  if (argc != want_args)
    return usage (argc < want_args ? "too few arguments" : "too many arguments");

  /* PID 0 and negatives would mean process groups to kill(2)-style calls. */
  if (!parse_int (argv[2], 1, INT32_MAX, &pid))
    return usage ("PID must be a positive decimal number");
  if (!parse_u64 (argv[3], &start))
    return usage ("START_TICKS must be a decimal number");

  if (strcmp (op, "signal") == 0)
    {
      for (size_t i = 0; i < sizeof allowed_signals / sizeof allowed_signals[0]; i++)
        if (strcmp (argv[4], allowed_signals[i].name) == 0)
          signum = allowed_signals[i].signum;
      if (signum == 0)
        return usage ("SIGNAL must be one of HUP INT QUIT TERM KILL STOP CONT USR1 USR2 ABRT");
    }
  else if (strcmp (op, "nice") == 0)
    {
      if (!parse_int (argv[4], -20, 19, &a))
        return usage ("NICE must be a number from -20 to 19");
    }
  else if (strcmp (op, "ionice") == 0)
    {
      if (!parse_int (argv[4], 0, 3, &a))
        return usage ("CLASS must be 0 (none), 1 (realtime), 2 (best effort) or 3 (idle)");
      if (!parse_int (argv[5], 0, 7, &b))
        return usage ("LEVEL must be a number from 0 to 7");
    }
  else if (!parse_cpu_list (argv[4], cpus))
    return usage ("CPULIST must be CPU numbers and ranges, e.g. 0-3,6");

  platform = ts_platform_new (NULL, NULL, &err);
  if (platform == NULL)
    ok = false;
  else if (strcmp (op, "signal") == 0)
    ok = ts_platform_send_signal (platform, (TsPid) pid, start, signum, &err);
  else if (strcmp (op, "nice") == 0)
    ok = ts_platform_set_nice (platform, (TsPid) pid, start, (int) a, &err);
  else if (strcmp (op, "ionice") == 0)
    ok = ts_platform_set_ionice (platform, (TsPid) pid, start, (int) a, (int) b, &err);
  else
    ok = ts_platform_set_affinity (platform, (TsPid) pid, start, cpus, &err);
  if (platform != NULL)
    ts_platform_free (platform);

  if (!ok && err.kind == TS_PLATFORM_ERR_NO_SUCH_PROCESS && strcmp (err.call, "start time") == 0)
    {
      fprintf (stderr, "taskscope-helper: PID %lld is no longer the process you chose "
               "(its start time is not %llu)\n", pid, (unsigned long long) start);
      return EXIT_GONE;
    }
  if (!ok)
    {
      char text[512];

      fprintf (stderr, "taskscope-helper: %s\n", ts_platform_error_format (&err, text, sizeof text));
      return exit_code (&err);
    }
  return EXIT_DONE;
}
