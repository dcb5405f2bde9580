/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A tiny TAP writer for the win32 suite (no GLib on mingw here). */
#pragma once

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

static int tap_count, tap_failures;

static inline void __attribute__ ((format (gnu_printf, 4, 5)))
tap_ok_at (bool ok, const char *file, int line, const char *fmt, ...)
{
  va_list ap;

  tap_count++;
  printf ("%s %d - ", ok ? "ok" : "not ok", tap_count);
  va_start (ap, fmt);
  vprintf (fmt, ap);
  va_end (ap);
  printf ("\n");
  if (!ok)
    {
      tap_failures++;
      printf ("# failed at %s:%d\n", file, line);
    }
  fflush (stdout);
}

#define TAP_OK(cond, ...) tap_ok_at ((cond), __FILE__, __LINE__, __VA_ARGS__)

/* A check that cannot run here, with the reason; counts as a skip. */
static inline void __attribute__ ((format (gnu_printf, 2, 3)))
tap_skip (const char *what, const char *fmt, ...)
{
  va_list ap;

  tap_count++;
  printf ("ok %d - %s # SKIP ", tap_count, what);
  va_start (ap, fmt);
  vprintf (fmt, ap);
  va_end (ap);
  printf ("\n");
  fflush (stdout);
}

static inline void __attribute__ ((format (gnu_printf, 1, 2)))
tap_diag (const char *fmt, ...)
{
  va_list ap;

  printf ("# ");
  va_start (ap, fmt);
  vprintf (fmt, ap);
  va_end (ap);
  printf ("\n");
  fflush (stdout);
}

static inline int
tap_done (void)
{
  printf ("1..%d\n", tap_count);
  return tap_failures > 0 ? 1 : 0;
}
