/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * stamp-exec: write the CLOCK_MONOTONIC time in microseconds to FILE, then
 * exec COMMAND in the same process (same PID), for bench/gui.sh's "launch"
 * time.  g_get_monotonic_time() and bench/xframes use the same clock.
 *
 *   stamp-exec FILE COMMAND [ARG...]
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <time.h>
#include <unistd.h>

int
main (int argc, char **argv)
{
  struct timespec ts;
  FILE *f;

  if (argc < 3)
    {
      fprintf (stderr, "usage: %s FILE COMMAND [ARG...]\n", argv[0]);
      return 2;
    }
  if ((f = fopen (argv[1], "w")) == NULL)
    {
      perror (argv[1]);
      return 1;
    }
  clock_gettime (CLOCK_MONOTONIC, &ts);
  fprintf (f, "%lld\n", (long long) ts.tv_sec * 1000000 + ts.tv_nsec / 1000);
  fclose (f);
  execvp (argv[2], argv + 2);
  perror (argv[2]);
  return 127;
}
