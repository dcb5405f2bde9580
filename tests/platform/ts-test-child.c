/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ts-test-child: a process whose state the live tests control.
 *
 *   ts-test-child [--name COMM] [--threads N] [-- ARGS...]
 *
 * Sets its comm with PR_SET_NAME, starts N-1 extra threads (N in all, each
 * blocked in pause()), then writes "ready PID\n" on stdout and serves one
 * command a line from stdin, answering one line on stdout.  Everything after
 * "--" is ignored, so a test can put any bytes in argv.  EOF on stdin ends it
 * (the test closing its end, or the test dying), and PR_SET_PDEATHSIG kills
 * it if its parent dies first.
 *
 * Commands (answer "ok ..." or "err TEXT"):
 *   ping                  pong
 *   tids                  ok TID... (every thread, main first)
 *   alloc BYTES           malloc + memset: private, touched memory
 *   shared BYTES          mmap MAP_SHARED|MAP_ANONYMOUS, untouched, then fork
 *                         a grandchild that shares it; answers "ok GPID"
 *   touch-self            write every page of the shared region
 *   touch-child           make the grandchild write every page of it
 *   write BYTES           one write() of BYTES to /dev/null
 *   read BYTES            one read() of BYTES from /dev/zero
 *   spin MS               burn MS milliseconds of CPU in this thread
 *   nap MS                nanosleep MS milliseconds (a sure voluntary switch)
 *   nice N                setpriority (PRIO_PROCESS, 0, N)
 *   ionice CLASS VALUE    ioprio_set for the process
 *   affinity CPU          pin the main thread to one CPU
 *   exit CODE             _exit (CODE) (the grandchild is killed and reaped first)
 *
 * The command path uses read()/write() directly, no stdio, so the I/O
 * counters a test sees move only by what the test asked for and the command
 * and answer lines themselves.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sched.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_THREADS 64

static pid_t            tids[MAX_THREADS];
static int              n_threads = 1;
static pthread_barrier_t started;

/* Kept here so the compiler cannot drop the malloc+memset as dead stores. */
static char  *volatile allocations[256];
static int             n_allocations;

static char   *shared_region;
static size_t  shared_len;
static pid_t   grandchild = -1;
static int     grandchild_cmd = -1; /* write end: one byte = "touch" */
static int     grandchild_ack = -1; /* read end: one byte = "done" */

static void
say (const char *fmt, ...) __attribute__ ((format (printf, 1, 2)));

static void
say (const char *fmt, ...)
{
  char buf[1024];
  va_list ap;
  int n;

  va_start (ap, fmt);
  n = vsnprintf (buf, sizeof buf - 1, fmt, ap);
  va_end (ap);
  if (n < 0)
    n = 0;
  if ((size_t) n > sizeof buf - 2)
    n = sizeof buf - 2;
  buf[n++] = '\n';
  /* One write: the test reads the answer as one line. */
  for (int off = 0; off < n;)
    {
      ssize_t w = write (STDOUT_FILENO, buf + off, (size_t) (n - off));
      if (w < 0 && errno == EINTR)
        continue;
      if (w <= 0)
        _exit (3);
      off += (int) w;
    }
}

static void *
thread_main (void *data)
{
  int index = (int) (intptr_t) data;

  tids[index] = (pid_t) syscall (SYS_gettid);
  pthread_barrier_wait (&started);
  for (;;)
    pause ();
  return NULL;
}

static void
touch (char *p, size_t len, char value)
{
  long page = sysconf (_SC_PAGESIZE);

  for (size_t off = 0; off < len; off += (size_t) page)
    ((volatile char *) p)[off] = value;
}

static void
stop_grandchild (void)
{
  if (grandchild <= 0)
    return;
  kill (grandchild, SIGKILL);
  while (waitpid (grandchild, NULL, 0) < 0 && errno == EINTR)
    ;
  grandchild = -1;
}

static void
grandchild_main (int cmd, int ack)
{
  char c;

  for (;;)
    {
      ssize_t r = read (cmd, &c, 1);
      if (r < 0 && errno == EINTR)
        continue;
      if (r <= 0)
        _exit (0);
      touch (shared_region, shared_len, 'g');
      if (write (ack, "d", 1) != 1)
        _exit (3);
    }
}

static bool
start_shared (size_t len, const char **why)
{
  int to_gc[2], from_gc[2];
  pid_t parent = getpid ();
  pid_t pid;

  if (shared_region != NULL)
    {
      *why = "already shared";
      return false;
    }
  shared_region = mmap (NULL, len, PROT_READ | PROT_WRITE,
                        MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (shared_region == MAP_FAILED)
    {
      shared_region = NULL;
      *why = "mmap";
      return false;
    }
  shared_len = len;
  if (pipe2 (to_gc, O_CLOEXEC) < 0 || pipe2 (from_gc, O_CLOEXEC) < 0)
    {
      *why = "pipe";
      return false;
    }

  pid = fork ();
  if (pid < 0)
    {
      *why = "fork";
      return false;
    }
  if (pid == 0)
    {
      int devnull;

      prctl (PR_SET_PDEATHSIG, SIGKILL);
      if (getppid () != parent)
        _exit (0);
      /* Hold none of the test's pipes: the test sees EOF when we are gone. */
      devnull = open ("/dev/null", O_RDWR);
      dup2 (devnull, STDIN_FILENO);
      dup2 (devnull, STDOUT_FILENO);
      close (to_gc[1]);
      close (from_gc[0]);
      grandchild_main (to_gc[0], from_gc[1]);
    }
  close (to_gc[0]);
  close (from_gc[1]);
  grandchild = pid;
  grandchild_cmd = to_gc[1];
  grandchild_ack = from_gc[0];
  return true;
}

static double
thread_cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

static void
command (char *line)
{
  char *arg = strchr (line, ' ');
  unsigned long long n = 0;

  if (arg != NULL)
    {
      *arg++ = '\0';
      n = strtoull (arg, NULL, 10);
    }

  if (strcmp (line, "ping") == 0)
    say ("pong");
  else if (strcmp (line, "tids") == 0)
    {
      char buf[MAX_THREADS * 12 + 8];
      size_t off = (size_t) snprintf (buf, sizeof buf, "ok");

      for (int i = 0; i < n_threads; i++)
        off += (size_t) snprintf (buf + off, sizeof buf - off, " %d", (int) tids[i]);
      say ("%s", buf);
    }
  else if (strcmp (line, "alloc") == 0)
    {
      char *p = n_allocations < 256 ? malloc (n) : NULL;

      if (p == NULL)
        say ("err malloc");
      else
        {
          /* Not zero: a zero-filled page could be deduplicated. */
          memset (p, 0x5a, n);
          allocations[n_allocations++] = p; /* kept until we exit */
          say ("ok");
        }
    }
  else if (strcmp (line, "shared") == 0)
    {
      const char *why = "";

      if (start_shared (n, &why))
        say ("ok %d", (int) grandchild);
      else
        say ("err %s: %s", why, strerror (errno));
    }
  else if (strcmp (line, "touch-self") == 0)
    {
      if (shared_region == NULL)
        say ("err no region");
      else
        {
          touch (shared_region, shared_len, 's');
          say ("ok");
        }
    }
  else if (strcmp (line, "touch-child") == 0)
    {
      char c;

      if (grandchild <= 0 || write (grandchild_cmd, "t", 1) != 1
          || read (grandchild_ack, &c, 1) != 1)
        say ("err grandchild");
      else
        say ("ok");
    }
  else if (strcmp (line, "write") == 0 || strcmp (line, "read") == 0)
    {
      bool is_write = line[0] == 'w';
      int fd = open (is_write ? "/dev/null" : "/dev/zero", is_write ? O_WRONLY : O_RDONLY);
      char *buf = calloc (1, n > 0 ? n : 1);
      ssize_t r;

      if (fd < 0 || buf == NULL)
        {
          say ("err open");
          free (buf);
          if (fd >= 0)
            close (fd);
          return;
        }
      r = is_write ? write (fd, buf, n) : read (fd, buf, n);
      close (fd);
      free (buf);
      if (r != (ssize_t) n)
        say ("err short %zd", r);
      else
        say ("ok");
    }
  else if (strcmp (line, "spin") == 0)
    {
      double until = thread_cpu_seconds () + (double) n / 1000.0;
      volatile unsigned long x = 0;

      while (thread_cpu_seconds () < until)
        x++;
      say ("ok");
    }
  else if (strcmp (line, "nap") == 0)
    {
      struct timespec ts = { .tv_sec = (time_t) (n / 1000), .tv_nsec = (long) (n % 1000) * 1000000L };

      while (nanosleep (&ts, &ts) < 0 && errno == EINTR)
        ;
      say ("ok");
    }
  else if (strcmp (line, "nice") == 0)
    {
      if (setpriority (PRIO_PROCESS, 0, atoi (arg)) < 0)
        say ("err setpriority: %s", strerror (errno));
      else
        say ("ok");
    }
  else if (strcmp (line, "ionice") == 0)
    {
      int klass = 0, value = 0;

      if (arg == NULL || sscanf (arg, "%d %d", &klass, &value) != 2)
        say ("err usage");
      /* 1 = IOPRIO_WHO_PROCESS; class in the top 3 of 16 bits. */
      else if (syscall (SYS_ioprio_set, 1, 0, (klass << 13) | value) < 0)
        say ("err ioprio_set: %s", strerror (errno));
      else
        say ("ok");
    }
  else if (strcmp (line, "affinity") == 0)
    {
      cpu_set_t set;

      CPU_ZERO (&set);
      CPU_SET ((int) n, &set);
      if (sched_setaffinity (0, sizeof set, &set) < 0)
        say ("err sched_setaffinity: %s", strerror (errno));
      else
        say ("ok");
    }
  else if (strcmp (line, "exit") == 0)
    {
      stop_grandchild ();
      _exit ((int) n);
    }
  else
    say ("err unknown command");
}

int
main (int argc, char **argv)
{
  const char *name = NULL;
  char buf[4096];
  size_t have = 0;

  sigset_t none;

  /* A test may spawn us with signals blocked; the signal tests need them. */
  sigemptyset (&none);
  sigprocmask (SIG_SETMASK, &none, NULL);
  prctl (PR_SET_PDEATHSIG, SIGKILL);
  /* The parent may have died before the line above: stdin then gives EOF
   * below and we leave anyway. */

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--") == 0)
        break;
      else if (strcmp (argv[i], "--name") == 0 && i + 1 < argc)
        name = argv[++i];
      else if (strcmp (argv[i], "--threads") == 0 && i + 1 < argc)
        {
          n_threads = atoi (argv[++i]);
          if (n_threads < 1 || n_threads > MAX_THREADS)
            {
              fprintf (stderr, "ts-test-child: --threads 1..%d\n", MAX_THREADS);
              return 2;
            }
        }
      else
        {
          fprintf (stderr, "ts-test-child: unknown option %s\n", argv[i]);
          return 2;
        }
    }

  if (name != NULL && prctl (PR_SET_NAME, name) < 0)
    {
      perror ("ts-test-child: PR_SET_NAME");
      return 1;
    }

  tids[0] = getpid ();
  if (n_threads > 1)
    {
      pthread_barrier_init (&started, NULL, (unsigned) n_threads);
      for (int i = 1; i < n_threads; i++)
        {
          pthread_t t;
          int rc = pthread_create (&t, NULL, thread_main, (void *) (intptr_t) i);

          if (rc != 0)
            {
              fprintf (stderr, "ts-test-child: pthread_create: %s\n", strerror (rc));
              return 1;
            }
        }
      /* Every thread has written its TID and exists in /proc/PID/task. */
      pthread_barrier_wait (&started);
    }

  say ("ready %d", (int) getpid ());

  for (;;)
    {
      char *nl;
      ssize_t r = read (STDIN_FILENO, buf + have, sizeof buf - 1 - have);

      if (r < 0 && errno == EINTR)
        continue;
      if (r <= 0)
        break;
      have += (size_t) r;
      buf[have] = '\0';
      while ((nl = memchr (buf, '\n', have)) != NULL)
        {
          size_t used = (size_t) (nl - buf) + 1;

          *nl = '\0';
          command (buf);
          memmove (buf, buf + used, have - used);
          have -= used;
          buf[have] = '\0';
        }
      if (have == sizeof buf - 1)
        have = 0; /* a line too long: drop it */
    }

  stop_grandchild ();
  return 0;
}
