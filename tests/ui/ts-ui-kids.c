/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Children for the ui tests: see ts-ui-kids.h. */
#define G_LOG_DOMAIN "ts-ui-kids"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ts-ui-kids.h"

static volatile unsigned long spin_counter;
static volatile sig_atomic_t grow_now;

static void
grow_handler (int sig)
{
  (void) sig;
  grow_now = 1;
}

/* Runs in the re-executed binary: nothing but syscalls. */
int
ts_ui_kid_main (const char *mode, const char *name, int ready_fd)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
  if (getppid () == 1)
    _exit (1);
  prctl (PR_SET_NAME, name);

  if (strcmp (mode, "hog") == 0)
    {
      char *p = mmap (NULL, TS_UI_HOG_BYTES, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

      if (p == MAP_FAILED)
        _exit (2);
      /* Touch every page: untouched anonymous memory costs nothing. */
      memset (p, 0x5a, TS_UI_HOG_BYTES);
    }

  if (strcmp (mode, "grow") == 0)
    {
      struct sigaction sa = { 0 };

      sa.sa_handler = grow_handler;
      sigaction (SIGUSR1, &sa, NULL);
    }

  if (write (ready_fd, "r", 1) != 1)
    _exit (3);
  close (ready_fd);

  if (strcmp (mode, "grow") == 0)
    {
      while (!grow_now)
        pause ();
      {
        char *p = mmap (NULL, TS_UI_HOG_BYTES, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

        if (p == MAP_FAILED)
          _exit (2);
        memset (p, 0x5a, TS_UI_HOG_BYTES);
      }
    }

  if (strcmp (mode, "spin") == 0)
    for (;;)
      spin_counter++;
  for (;;)
    pause ();
}

/* ------------------------------------------------- children of the test */

#define MAX_KIDS 64

static volatile pid_t kids[MAX_KIDS];

static void
kids_add (pid_t pid)
{
  for (guint i = 0; i < MAX_KIDS; i++)
    if (kids[i] == 0)
      {
        kids[i] = pid;
        return;
      }
  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
  g_error ("more than %d children at once", MAX_KIDS);
}

static void
kids_forget (pid_t pid)
{
  for (guint i = 0; i < MAX_KIDS; i++)
    if (kids[i] == pid)
      kids[i] = 0;
}

void
ts_ui_kids_kill_all (void)
{
  for (guint i = 0; i < MAX_KIDS; i++)
    {
      pid_t pid = kids[i];

      if (pid <= 0)
        continue;
      kill (pid, SIGKILL);
      while (waitpid (pid, NULL, 0) < 0 && errno == EINTR)
        ;
      kids[i] = 0;
    }
}

static void
fatal_signal_handler (int signum)
{
  ts_ui_kids_kill_all ();
  signal (signum, SIG_DFL);
  raise (signum);
}

void
ts_ui_kids_init (void)
{
  static const int fatal[] = { SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGTRAP, SIGTERM, SIGINT, SIGHUP };

  for (guint i = 0; i < G_N_ELEMENTS (fatal); i++)
    signal (fatal[i], fatal_signal_handler);
  atexit (ts_ui_kids_kill_all);
}

TsUiKid
ts_ui_kid_spawn (const char *mode)
{
  static guint counter;
  TsUiKid kid = { 0 };
  char fd_arg[16];
  char *argv[6];
  int fds[2];
  struct pollfd pfd;
  char byte;
  int r;

  g_snprintf (kid.name, sizeof kid.name, "tsu%d%c%u", (int) getpid (), mode[0], ++counter);
  g_assert_cmpint (pipe2 (fds, O_CLOEXEC), ==, 0);
  g_snprintf (fd_arg, sizeof fd_arg, "%d", fds[1]);
  argv[0] = kid.name;
  argv[1] = (char *) TS_UI_KID_FLAG;
  argv[2] = (char *) mode;
  argv[3] = kid.name;
  argv[4] = fd_arg;
  argv[5] = NULL;

  kid.pid = fork ();
  g_assert_cmpint (kid.pid, >=, 0);
  if (kid.pid == 0)
    {
      /* Only async-signal-safe calls between fork and exec: the test has
       * threads (GTask workers, GDBus). */
      prctl (PR_SET_PDEATHSIG, SIGKILL);
      fcntl (fds[1], F_SETFD, 0);
      execv ("/proc/self/exe", argv);
      _exit (127);
    }
  kids_add (kid.pid);
  close (fds[1]);

  pfd.fd = fds[0];
  pfd.events = POLLIN;
  do
    r = poll (&pfd, 1, 10000);
  while (r < 0 && errno == EINTR);
  if (r != 1 || read (fds[0], &byte, 1) != 1)
    g_error ("child %s (PID %d, %s) did not get ready within 10 s", kid.name, (int) kid.pid, mode);
  close (fds[0]);
  g_test_message ("child %s: PID %d (%s)", kid.name, (int) kid.pid, mode);
  return kid;
}

int
ts_ui_kid_reap (pid_t pid)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  int status = 0;

  for (;;)
    {
      pid_t r = waitpid (pid, &status, WNOHANG);

      if (r == pid)
        break;
      if (r < 0 && errno != EINTR)
        g_error ("waitpid(%d): %s", (int) pid, g_strerror (errno));
      if (g_get_monotonic_time () > deadline)
        g_error ("child %d did not exit within 10 s", (int) pid);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (10000);
    }
  kids_forget (pid);
  return status;
}

gboolean
ts_ui_kid_alive (pid_t pid)
{
  int status;

  return waitpid (pid, &status, WNOHANG) == 0;
}
