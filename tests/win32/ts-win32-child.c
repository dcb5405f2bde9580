/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The child the win32 tests start: `ts-win32-child wait SECONDS [args...]`
 * waits that long (at most) and exits 0; the tests read its command line,
 * working directory and environment back, and suspend, resume and end it. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <windows.h>

int
main (int argc, char **argv)
{
  int secs = 30;

  if (argc >= 3 && strcmp (argv[1], "wait") == 0)
    secs = atoi (argv[2]);
  if (secs < 0 || secs > 600)
    secs = 30;
  Sleep ((DWORD) secs * 1000);
  return 0;
}
