/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * sleepers: N idle processes for the process-reader benchmark.
 *
 *   sleepers N PIDFILE
 *
 * Forks N children that block in pause().  The parent stays alive as their
 * keeper: it writes its own PID on the first line of PIDFILE and the
 * children's PIDs after it (written to PIDFILE.tmp, then renamed, so a reader
 * never sees half a file), and then waits.  On SIGTERM, SIGINT or SIGHUP it
 * kills the children by PID, reaps them and exits.  Each child also has
 * PR_SET_PDEATHSIG(SIGKILL), so if the keeper is killed with SIGKILL the
 * children still go with it.
 *
 * Tear down: kill -TERM "$(head -n1 PIDFILE)".
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t stop;

static void
on_signal (int sig)
{
  (void) sig;
  stop = 1;
}

static void
kill_all (pid_t *kids, long n)
{
  for (long i = 0; i < n; i++)
    if (kids[i] > 0)
      kill (kids[i], SIGKILL);
  for (long i = 0; i < n; i++)
    if (kids[i] > 0)
      while (waitpid (kids[i], NULL, 0) < 0 && errno == EINTR)
        ;
}

int
main (int argc, char **argv)
{
  if (argc != 3)
    {
      fprintf (stderr, "usage: %s N PIDFILE\n", argv[0]);
      return 2;
    }

  char *end;
  long n = strtol (argv[1], &end, 10);
  if (*end != '\0' || n < 0 || n > 100000)
    {
      fprintf (stderr, "sleepers: bad count '%s'\n", argv[1]);
      return 2;
    }

  pid_t *kids = calloc ((size_t) (n ? n : 1), sizeof *kids);
  if (!kids)
    return 1;

  /* Block the stop signals until the handlers are in place and every child
   * exists, so a teardown during start-up still reaps everybody. */
  sigset_t block, old;
  sigemptyset (&block);
  sigaddset (&block, SIGTERM);
  sigaddset (&block, SIGINT);
  sigaddset (&block, SIGHUP);
  sigprocmask (SIG_BLOCK, &block, &old);

  struct sigaction sa = { 0 };
  sa.sa_handler = on_signal;
  sigemptyset (&sa.sa_mask);
  sigaction (SIGTERM, &sa, NULL);
  sigaction (SIGINT, &sa, NULL);
  sigaction (SIGHUP, &sa, NULL);

  pid_t keeper = getpid ();
  for (long i = 0; i < n; i++)
    {
      pid_t pid = fork ();
      if (pid < 0)
        {
          fprintf (stderr, "sleepers: fork #%ld: %s\n", i, strerror (errno));
          kill_all (kids, i);
          return 1;
        }
      if (pid == 0)
        {
          prctl (PR_SET_PDEATHSIG, SIGKILL);
          if (getppid () != keeper) /* the keeper died before prctl */
            _exit (0);
          signal (SIGTERM, SIG_DFL);
          signal (SIGINT, SIG_DFL);
          signal (SIGHUP, SIG_DFL);
          sigprocmask (SIG_SETMASK, &old, NULL);
          for (;;)
            pause ();
        }
      kids[i] = pid;
    }

  char tmp[4096];
  snprintf (tmp, sizeof tmp, "%s.tmp", argv[2]);
  FILE *f = fopen (tmp, "w");
  if (!f)
    {
      fprintf (stderr, "sleepers: %s: %s\n", tmp, strerror (errno));
      kill_all (kids, n);
      return 1;
    }
  fprintf (f, "%ld\n", (long) keeper);
  for (long i = 0; i < n; i++)
    fprintf (f, "%ld\n", (long) kids[i]);
  if (fclose (f) != 0 || rename (tmp, argv[2]) != 0)
    {
      fprintf (stderr, "sleepers: writing %s: %s\n", argv[2], strerror (errno));
      kill_all (kids, n);
      return 1;
    }

  /* Wait for a stop signal; sigsuspend unblocks them atomically. */
  sigset_t wait_mask = old;
  sigdelset (&wait_mask, SIGTERM);
  sigdelset (&wait_mask, SIGINT);
  sigdelset (&wait_mask, SIGHUP);
  while (!stop)
    sigsuspend (&wait_mask);

  kill_all (kids, n);
  unlink (argv[2]);
  free (kids);
  return 0;
}
