/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * timerun: runs a command several times and prints median wall and CPU time.
 *
 *   timerun [-n RUNS] [-w WARMUP] -- COMMAND [ARGS...]
 *
 * The command's stdout and stderr go to /dev/null.  Wall time is
 * CLOCK_MONOTONIC around fork..wait4; CPU time is the child's rusage from
 * wait4 (user + system, including its own children).  Prints one line:
 *
 *   runs=N wall_median_ms=… wall_min_ms=… wall_max_ms=… cpu_median_ms=… user_median_ms=… sys_median_ms=…
 *
 * Exits 1 if any run fails.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now_ms (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec * 1e3 + (double) ts.tv_nsec / 1e6;
}

static double
tv_ms (struct timeval tv)
{
  return (double) tv.tv_sec * 1e3 + (double) tv.tv_usec / 1e3;
}

static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *v, int n)
{
  qsort (v, (size_t) n, sizeof *v, cmp_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static int
run_once (char **cmd, double *wall, double *user, double *sys)
{
  double t0 = now_ms ();
  pid_t pid = fork ();
  if (pid < 0)
    return -1;
  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);
      dup2 (null, 1);
      dup2 (null, 2);
      execvp (cmd[0], cmd);
      _exit (127);
    }
  int status;
  struct rusage ru;
  if (wait4 (pid, &status, 0, &ru) < 0)
    return -1;
  *wall = now_ms () - t0;
  *user = tv_ms (ru.ru_utime);
  *sys = tv_ms (ru.ru_stime);
  return WIFEXITED (status) && WEXITSTATUS (status) == 0 ? 0 : -1;
}

int
main (int argc, char **argv)
{
  int runs = 10, warmup = 2, i;
  for (i = 1; i < argc; i++)
    {
      if (!strcmp (argv[i], "-n") && i + 1 < argc)
        runs = atoi (argv[++i]);
      else if (!strcmp (argv[i], "-w") && i + 1 < argc)
        warmup = atoi (argv[++i]);
      else if (!strcmp (argv[i], "--"))
        {
          i++;
          break;
        }
      else
        break;
    }
  if (i >= argc || runs < 1 || runs > 1000 || warmup < 0)
    {
      fprintf (stderr, "usage: %s [-n RUNS] [-w WARMUP] -- COMMAND [ARGS...]\n", argv[0]);
      return 2;
    }
  char **cmd = argv + i;

  double *wall = calloc ((size_t) runs, sizeof *wall);
  double *user = calloc ((size_t) runs, sizeof *user);
  double *sys = calloc ((size_t) runs, sizeof *sys);
  double *cpu = calloc ((size_t) runs, sizeof *cpu);
  double w, u, s;
  for (int r = 0; r < warmup; r++)
    if (run_once (cmd, &w, &u, &s) < 0)
      {
        fprintf (stderr, "timerun: %s failed\n", cmd[0]);
        return 1;
      }
  for (int r = 0; r < runs; r++)
    {
      if (run_once (cmd, &wall[r], &user[r], &sys[r]) < 0)
        {
          fprintf (stderr, "timerun: %s failed\n", cmd[0]);
          return 1;
        }
      cpu[r] = user[r] + sys[r];
    }
  double wmed = median (wall, runs);
  printf ("runs=%d wall_median_ms=%.2f wall_min_ms=%.2f wall_max_ms=%.2f cpu_median_ms=%.2f user_median_ms=%.2f sys_median_ms=%.2f\n",
          runs, wmed, wall[0], wall[runs - 1], median (cpu, runs), median (user, runs), median (sys, runs));
  return 0;
}
