/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Children for the ui tests: this test binary run again with
 * TS_UI_KID_FLAG, so each child has a fresh address space (the memory test
 * compares like with like), a name of its own set with PR_SET_NAME, and
 * PR_SET_PDEATHSIG so none outlives the test.  Every child is recorded and
 * killed and reaped by ts_ui_kids_kill_all, which runs at exit and on a
 * fatal signal too (a failed assertion aborts).
 */
#pragma once

#include <glib.h>
#include <sys/types.h>

G_BEGIN_DECLS

#define TS_UI_KID_FLAG  "--ts-ui-child"
#define TS_UI_HOG_BYTES ((size_t) 64 << 20)

typedef struct
{
  pid_t pid;
  char  name[16];   /* its comm: unique to this test run */
} TsUiKid;

/* main() calls it when argv[1] is TS_UI_KID_FLAG: argv[2] mode, argv[3]
 * name, argv[4] the descriptor to write one byte to once ready. */
int      ts_ui_kid_main      (const char *mode,
                              const char *name,
                              int         ready_fd);
/* Installs the cleanup at exit and on fatal signals. */
void     ts_ui_kids_init     (void);
/* SIGKILLs and reaps every recorded child.  Async-signal-safe. */
void     ts_ui_kids_kill_all (void);
/* mode: "sleep" (blocked in pause), "spin" (a busy loop), "hog"
 * (TS_UI_HOG_BYTES written, then pause) or "grow" (writes TS_UI_HOG_BYTES
 * more on SIGUSR1, then pauses).  Returns once the child has its
 * name (and its memory). */
TsUiKid  ts_ui_kid_spawn     (const char *mode);
/* Waits for the child to exit, iterating the main loop meanwhile; fails
 * after 10 s.  Returns the wait status. */
int      ts_ui_kid_reap      (pid_t       pid);
/* Not exited yet (a stopped child counts as alive). */
gboolean ts_ui_kid_alive     (pid_t       pid);

G_END_DECLS
