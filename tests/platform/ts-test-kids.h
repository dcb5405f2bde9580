/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Children for the live tests: see ts-test-kids.c. */
#pragma once

#include <glib.h>
#include <sys/types.h>

G_BEGIN_DECLS

/* Installs the cleanup (atexit, SIGABRT, SIGTERM, SIGINT, SIGHUP, SIGSEGV,
 * SIGBUS, SIGFPE, SIGTRAP) and makes this process a child subreaper, so
 * grandchildren orphaned by a dying child are reaped here too. */
void ts_test_kids_init     (void);
/* Records a PID to SIGKILL on cleanup (children, and grandchildren we know). */
void ts_test_kids_add      (pid_t pid);
void ts_test_kids_forget   (pid_t pid);
/* SIGKILL everything recorded, then reap every child until none is left.
 * Async-signal-safe. */
void ts_test_kids_kill_all (void);
/* waitpid (pid, options) retrying on EINTR; asserts it returned pid; forgets
 * the PID unless options ask for stop/continue events.  Returns the status. */
int  ts_test_reap          (pid_t pid, int options);

typedef struct
{
  GPid   pid;
  int    in;   /* the child's stdin */
  int    out;  /* the child's stdout */
  char   buf[4096];
  size_t have;
} TsTestChild;

typedef struct
{
  const char        *name;     /* --name: comm via PR_SET_NAME */
  int                threads;  /* --threads: threads in all */
  const char *const *extra;    /* argv after "--" */
  const char        *argv0;    /* argv[0] other than the path */
  char             **envp;     /* NULL: a small default */
  const char        *cwd;      /* NULL: ours */
} TsTestChildOptions;

/* $TS_TEST_CHILD, else ts-test-child next to the running test. */
const char  *ts_test_child_path      (void);
/* Spawns ts-test-child and waits for its "ready PID" line. */
TsTestChild *ts_test_child_spawn     (const TsTestChildOptions *opt);
void         ts_test_child_send      (TsTestChild *c, const char *line);
/* The next answer line; fails the test after 30 s of silence. */
char        *ts_test_child_read_line (TsTestChild *c);
char        *ts_test_child_cmd       (TsTestChild *c, const char *line);
/* Fails the test unless the answer is "ok..." or "pong". */
void         ts_test_child_cmd_ok    (TsTestChild *c, const char *line);
/* Closes its stdin (it exits on EOF), reaps it, frees c; the wait status. */
int          ts_test_child_finish    (TsTestChild *c);

G_END_DECLS
