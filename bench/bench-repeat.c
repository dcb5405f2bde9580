/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench-repeat: per-pass cost of reading every process, K passes in one
 * process (the app's case: one long-lived reader ticking every second).
 *
 * Contestants, each run for K timed passes after one warm-up pass:
 *   minimal    the naive open/read/close loop of minimal-reader.c
 *   ts-nokeep  ts_platform_read_process with ts_platform_set_keep_fds (false)
 *   ts-keep    the same with keep_fds true (descriptors kept, pread each pass)
 *
 * The `wanted` mask and the minimal reader's files, by --set:
 *   cli   (default) what `taskscope-cli processes --json --memory-full`
 *         asks for: PPID NAME UIDS STATUS CREATE_TIME CPU_TIMES NUM_THREADS
 *         MEMORY_INFO CMDLINE MEMORY_FULL -> stat status statm cmdline
 *         smaps_rollup
 *   full  TS_PF_ALL minus ENVIRON, THREADS (task/ walk), IONICE (ioprio_get)
 *         and CPU_AFFINITY (sched_getaffinity), which the minimal reader
 *         does not do -> the cli files plus io and the exe/cwd readlinks
 *   fast  cli minus MEMORY_FULL plus RSS_ANON: the app's every-second tick
 *         -> stat status statm cmdline
 * User names are not looked up (the app caches them above this layer).
 *
 * Rounds: the three contestants run one after another, R times; the report
 * gives the median round.  "free ms" is ts_platform_free (closing the kept
 * descriptors); "slab KiB" is how much /proc/meminfo's Slab dropped during
 * that free, i.e. roughly the kernel memory the kept descriptors pinned
 * (struct file, seq_file and its buffer); noisy, read it as an order of
 * magnitude.  Wall time from CLOCK_MONOTONIC, CPU time (user,
 * system) from getrusage (RUSAGE_SELF).
 *
 *   bench-repeat [-k PASSES] [-r ROUNDS] [--set cli|full|fast]
 */
#define _GNU_SOURCE
#define MINIMAL_READER_NO_MAIN
#include "minimal-reader.c"

#include <sys/resource.h>
#include <time.h>

#include "ts-platform.h"

typedef struct
{
  double wall_ms, user_ms, sys_ms; /* per pass */
  double first_wall_ms;            /* the warm-up pass */
  long   procs;
  size_t kept_fds;
  double free_ms;                  /* ts_platform_free: closing the kept descriptors */
  double kernel_kib;               /* Slab released by that free (seq_file buffers, files) */
} Result;

/* Slab from /proc/meminfo, KiB: what kept descriptors pin in the kernel. */
static long
slab_kib (void)
{
  char buf[8192];
  if (mini_slurp ("/proc/meminfo", buf, sizeof buf) <= 0)
    return 0;
  return (long) mini_status_field (buf, "\nSlab:");
}

static double
now_ms (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec * 1e3 + (double) ts.tv_nsec / 1e6;
}

static void
cpu_ms (double *user, double *sys)
{
  struct rusage ru;
  getrusage (RUSAGE_SELF, &ru);
  *user = (double) ru.ru_utime.tv_sec * 1e3 + (double) ru.ru_utime.tv_usec / 1e3;
  *sys = (double) ru.ru_stime.tv_sec * 1e3 + (double) ru.ru_stime.tv_usec / 1e3;
}

static unsigned long long checksum;

static long
ts_pass (TsPlatform *ctx, uint32_t wanted, TsProcSample *sample)
{
  TsPid *pids = NULL;
  size_t n = 0;
  TsPlatformError err;
  if (!ts_platform_list_pids (ctx, &pids, &n, &err))
    {
      char buf[512];
      fprintf (stderr, "bench-repeat: list_pids: %s\n", ts_platform_error_format (&err, buf, sizeof buf));
      exit (1);
    }
  long count = 0;
  for (size_t i = 0; i < n; i++)
    {
      if (!ts_platform_read_process (ctx, pids[i], wanted, sample, &err))
        continue;
      checksum += (unsigned long long) sample->ppid + (unsigned long long) (sample->cpu_user * 100)
                  + sample->rss + sample->pss + sample->uss + sample->read_chars + sample->rss_anon
                  + sample->cmdline_len + (unsigned char) sample->name[0]
                  + (sample->exe ? (unsigned char) sample->exe[0] : 0u);
      count++;
    }
  free (pids);
  return count;
}

typedef enum { MODE_MINIMAL, MODE_TS_NOKEEP, MODE_TS_KEEP, N_MODES } Mode;
static const char *mode_names[N_MODES] = { "minimal", "ts-nokeep", "ts-keep" };

static Result
run_mode (Mode mode, int passes, int flags, uint32_t wanted)
{
  Result r = { 0 };
  TsPlatform *ctx = NULL;
  TsProcSample sample;
  ts_proc_sample_init (&sample);

  if (mode != MODE_MINIMAL)
    {
      TsPlatformError err;
      ctx = ts_platform_new (NULL, NULL, &err);
      if (!ctx)
        {
          char buf[512];
          fprintf (stderr, "bench-repeat: ts_platform_new: %s\n", ts_platform_error_format (&err, buf, sizeof buf));
          exit (1);
        }
      ts_platform_set_keep_fds (ctx, mode == MODE_TS_KEEP);
    }

  double t0 = now_ms ();
  if (mode == MODE_MINIMAL)
    r.procs = mini_pass (NULL, flags, &checksum);
  else
    r.procs = ts_pass (ctx, wanted, &sample);
  r.first_wall_ms = now_ms () - t0;

  double u0, s0, u1, s1;
  cpu_ms (&u0, &s0);
  t0 = now_ms ();
  for (int i = 0; i < passes; i++)
    {
      if (mode == MODE_MINIMAL)
        r.procs = mini_pass (NULL, flags, &checksum);
      else
        r.procs = ts_pass (ctx, wanted, &sample);
    }
  double t1 = now_ms ();
  cpu_ms (&u1, &s1);
  r.wall_ms = (t1 - t0) / passes;
  r.user_ms = (u1 - u0) / passes;
  r.sys_ms = (s1 - s0) / passes;

  if (ctx)
    {
      r.kept_fds = ts_platform_kept_fds (ctx);
      ts_proc_sample_clear (&sample);
      long slab0 = slab_kib ();
      t0 = now_ms ();
      ts_platform_free (ctx);
      r.free_ms = now_ms () - t0;
      r.kernel_kib = (double) (slab0 - slab_kib ());
    }
  return r;
}

static int
cmp_wall (const void *a, const void *b)
{
  double x = ((const Result *) a)->wall_ms, y = ((const Result *) b)->wall_ms;
  return (x > y) - (x < y);
}

int
main (int argc, char **argv)
{
  int passes = 20, rounds = 3;
  const char *set = "cli";
  const uint32_t cli_mask = TS_PF_PPID | TS_PF_NAME | TS_PF_UIDS | TS_PF_STATUS | TS_PF_CREATE_TIME
                            | TS_PF_CPU_TIMES | TS_PF_NUM_THREADS | TS_PF_MEMORY_INFO | TS_PF_CMDLINE
                            | TS_PF_MEMORY_FULL;

  for (int i = 1; i < argc; i++)
    {
      if (!strcmp (argv[i], "-k") && i + 1 < argc)
        passes = atoi (argv[++i]);
      else if (!strcmp (argv[i], "-r") && i + 1 < argc)
        rounds = atoi (argv[++i]);
      else if (!strcmp (argv[i], "--set") && i + 1 < argc)
        set = argv[++i];
      else
        {
          fprintf (stderr, "usage: %s [-k PASSES] [-r ROUNDS] [--set cli|full|fast]\n", argv[0]);
          return 2;
        }
    }
  if (passes < 1 || rounds < 1 || rounds > 64)
    return 2;

  int flags;
  uint32_t wanted;
  if (!strcmp (set, "cli"))
    {
      flags = MINI_SET_CLI;
      wanted = cli_mask;
    }
  else if (!strcmp (set, "full"))
    {
      flags = MINI_SET_FULL;
      wanted = TS_PF_ALL & ~(uint32_t) (TS_PF_ENVIRON | TS_PF_THREADS | TS_PF_IONICE | TS_PF_CPU_AFFINITY);
    }
  else if (!strcmp (set, "fast"))
    {
      flags = MINI_SET_FAST;
      wanted = (cli_mask & ~(uint32_t) TS_PF_MEMORY_FULL) | TS_PF_RSS_ANON;
    }
  else
    {
      fprintf (stderr, "bench-repeat: unknown set '%s'\n", set);
      return 2;
    }

  Result results[N_MODES][64];
  for (int round = 0; round < rounds; round++)
    for (int m = 0; m < N_MODES; m++)
      results[m][round] = run_mode ((Mode) m, passes, flags, wanted);

  printf ("bench-repeat: set %s, wanted=0x%06x, %d rounds x %d passes (median round)\n",
          set, wanted, rounds, passes);
  printf ("%-10s %7s %12s %12s %9s %9s %12s %9s %8s %10s\n",
          "contestant", "procs", "wall ms/pass", "cpu ms/pass", "user ms", "sys ms", "1st pass ms",
          "kept fds", "free ms", "slab KiB");
  double minimal_wall = 0, minimal_cpu = 0;
  for (int m = 0; m < N_MODES; m++)
    {
      qsort (results[m], (size_t) rounds, sizeof (Result), cmp_wall);
      Result *r = &results[m][rounds / 2];
      double cpu = r->user_ms + r->sys_ms;
      if (m == MODE_MINIMAL)
        {
          minimal_wall = r->wall_ms;
          minimal_cpu = cpu;
        }
      printf ("%-10s %7ld %12.2f %12.2f %9.2f %9.2f %12.2f %9zu %8.2f %10.0f", mode_names[m], r->procs,
              r->wall_ms, cpu, r->user_ms, r->sys_ms, r->first_wall_ms, r->kept_fds, r->free_ms,
              r->kernel_kib);
      if (m != MODE_MINIMAL)
        printf ("   %.2fx wall, %.2fx cpu of minimal", r->wall_ms / minimal_wall, cpu / minimal_cpu);
      printf ("\n");
    }
  fprintf (stderr, "(checksum %llu)\n", checksum);
  return 0;
}
