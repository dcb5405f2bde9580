/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pure parts of the Windows layer with known inputs: load average
 * damping, priority and I/O priority translations, FILETIME, command line
 * splitting, UTF-16 to UTF-8, and the error text. */
#include "config.h"

#include "ts-tap.h"
#include "ts-win32.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

static bool
close_to (double a, double b, double tol)
{
  return fabs (a - b) <= tol;
}

static void
test_damping (void)
{
  double avg[3] = { 0, 0, 0 };

  /* One 5 s step from 0 with 1 runnable thread: 1 - e^(-5/period). */
  ts_win32_loadavg_damp (avg, 1.0, 5.0);
  TAP_OK (close_to (avg[0], 1.0 - exp (-5.0 / 60.0), 1e-12), "damp: first step, 1 min = %.6f", avg[0]);
  TAP_OK (close_to (avg[1], 1.0 - exp (-5.0 / 300.0), 1e-12), "damp: first step, 5 min = %.6f", avg[1]);
  TAP_OK (close_to (avg[2], 1.0 - exp (-5.0 / 900.0), 1e-12), "damp: first step, 15 min = %.6f", avg[2]);
  TAP_OK (avg[0] > avg[1] && avg[1] > avg[2], "damp: shorter periods react faster");

  /* A steady load of 2 for an hour converges on 2 in the 1 and 5 minute averages. */
  for (int i = 0; i < 720; i++)
    ts_win32_loadavg_damp (avg, 2.0, 5.0);
  TAP_OK (close_to (avg[0], 2.0, 1e-6) && close_to (avg[1], 2.0, 1e-3), "damp: steady load 2 -> %.4f %.4f %.4f",
          avg[0], avg[1], avg[2]);
  TAP_OK (avg[2] < 2.0 && avg[2] > 1.9, "damp: 15 min still approaching 2 after an hour (%.4f)", avg[2]);

  /* Then idle for one minute: the 1 minute average falls to 2/e. */
  avg[0] = avg[1] = avg[2] = 2.0;
  for (int i = 0; i < 12; i++)
    ts_win32_loadavg_damp (avg, 0.0, 5.0);
  TAP_OK (close_to (avg[0], 2.0 / M_E, 1e-9), "damp: 60 s idle from 2 -> 2/e (%.6f)", avg[0]);
  TAP_OK (close_to (avg[1], 2.0 * exp (-60.0 / 300.0), 1e-9), "damp: 5 min after 60 s idle (%.6f)", avg[1]);

  /* The interval matters: one 60 s step equals twelve 5 s steps. */
  {
    double a[3] = { 3, 3, 3 }, b[3] = { 3, 3, 3 };

    ts_win32_loadavg_damp (a, 1.0, 60.0);
    for (int i = 0; i < 12; i++)
      ts_win32_loadavg_damp (b, 1.0, 5.0);
    TAP_OK (close_to (a[0], b[0], 1e-9) && close_to (a[2], b[2], 1e-9), "damp: step size is accounted for");
  }
}

static void
test_priorities (void)
{
  static const struct { unsigned long pc; int nice; } classes[] = {
    { IDLE_PRIORITY_CLASS, 19 }, { BELOW_NORMAL_PRIORITY_CLASS, 10 },
    { NORMAL_PRIORITY_CLASS, 0 }, { ABOVE_NORMAL_PRIORITY_CLASS, -5 },
    { HIGH_PRIORITY_CLASS, -10 }, { REALTIME_PRIORITY_CLASS, -20 },
  };
  bool round_trip = true, monotonic = true;
  int ioclass = -1, level = -1;

  for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
    {
      if (ts_win32_nice_from_priority_class (classes[i].pc) != classes[i].nice
          || ts_win32_priority_class_from_nice (classes[i].nice) != classes[i].pc)
        round_trip = false;
    }
  TAP_OK (round_trip, "priority classes <-> nice round trip");
  for (int n = -20; n < 19; n++)
    if (ts_win32_nice_from_priority_class (ts_win32_priority_class_from_nice (n))
        > ts_win32_nice_from_priority_class (ts_win32_priority_class_from_nice (n + 1)))
      monotonic = false;
  TAP_OK (monotonic, "a higher nice value never picks a higher priority class");
  TAP_OK (ts_win32_priority_class_from_nice (3) == NORMAL_PRIORITY_CLASS
          && ts_win32_priority_class_from_nice (15) == IDLE_PRIORITY_CLASS
          && ts_win32_priority_class_from_nice (-19) == HIGH_PRIORITY_CLASS,
          "nice bands: 3 normal, 15 idle, -19 high");

  for (int hint = 0; hint <= 3; hint++)
    {
      ts_win32_ionice_from_hint (hint, &ioclass, &level);
      TAP_OK (ts_win32_hint_from_ionice (ioclass, level) == hint,
              "I/O hint %d -> class %d level %d -> back", hint, ioclass, level);
    }
  TAP_OK (ts_win32_hint_from_ionice (0, 0) == 2 && ts_win32_hint_from_ionice (2, 0) == 2
          && ts_win32_hint_from_ionice (2, 6) == 1, "ionice none/best-effort 0 -> normal, best-effort 6 -> low");
}

static void
test_filetime (void)
{
  TAP_OK (ts_win32_filetime_to_epoch (UINT64_C (116444736000000000)) == 0.0, "FILETIME of the epoch is 0");
  TAP_OK (close_to (ts_win32_filetime_to_epoch (UINT64_C (116444736000000000) + UINT64_C (15000000)), 1.5, 1e-9),
          "FILETIME + 1.5 s");
  TAP_OK (close_to (ts_win32_filetime_to_epoch (UINT64_C (133485408000000000)), 1704067200.0, 1e-3),
          "FILETIME of 2024-01-01 00:00 UTC");
  TAP_OK (ts_win32_filetime_to_epoch (5) == 0.0, "FILETIME before 1970 clamps to 0");
}

static bool
args_equal (const char *buf, size_t len, size_t argc, const char *const *want, size_t n_want)
{
  size_t off = 0;

  if (argc != n_want)
    return false;
  for (size_t i = 0; i < n_want; i++)
    {
      size_t n = strlen (want[i]);

      if (off + n + 1 > len || memcmp (buf + off, want[i], n + 1) != 0)
        return false;
      off += n + 1;
    }
  return off == len;
}

static void
check_split (const wchar_t *line, const char *const *want, size_t n_want, const char *label)
{
  char *buf = NULL;
  size_t len = 0, argc = 0;
  bool ok = ts_win32_split_cmdline (line, &buf, &len, &argc);

  TAP_OK (ok && args_equal (buf, len, argc, want, n_want), "split %s (%zu args)", label, argc);
  free (buf);
}

static void
test_split (void)
{
  static const char *const simple[] = { "prog.exe", "a", "b" };
  static const char *const quoted[] = { "C:\\Program Files\\x.exe", "two words", "c" };
  static const char *const escapes[] = { "p", "a\"b", "c\\\\d", "e\\" };
  static const char *const unicode[] = { "p", "\xc3\xa9t\xc3\xa9", "\xe2\x82\xac" };

  check_split (L"prog.exe a  b", simple, 3, "spaces");
  check_split (L"\"C:\\Program Files\\x.exe\" \"two words\" c", quoted, 3, "quotes");
  /* Backslashes before a quote: 2n+1 give n and a literal quote;
   * elsewhere they are literal. */
  check_split (L"p a\\\"b c\\\\d \"e\\\\\"", escapes, 4, "backslashes and quotes");
  check_split (L"p \u00e9t\u00e9 \u20ac", unicode, 3, "non-ASCII to UTF-8");
  check_split (L"", NULL, 0, "empty line");
  check_split (L"   ", NULL, 0, "blank line");
}

static void
test_utf8 (void)
{
  static const wchar_t lone[] = { L'a', 0xD800, L'b' };
  size_t len = 0;
  char *s = ts_win32_utf8 (L"\u00e9\U0001F600", 3, &len);

  TAP_OK (s != NULL && len == 6 && memcmp (s, "\xc3\xa9\xf0\x9f\x98\x80", 7) == 0,
          "UTF-16 with a surrogate pair to UTF-8");
  free (s);
  s = ts_win32_utf8 (lone, 3, &len);
  TAP_OK (s != NULL && len == 5 && memcmp (s, "a\xef\xbf\xbd" "b", 6) == 0,
          "a lone surrogate becomes U+FFFD");
  free (s);
  s = ts_win32_utf8 (L"", 0, &len);
  TAP_OK (s != NULL && len == 0 && s[0] == '\0', "empty string");
  free (s);
}

static void
test_error_text (void)
{
  TsPlatformError err;
  char buf[256];

  ts_platform_error_set (&err, TS_PLATFORM_ERR_ACCESS_DENIED, ERROR_ACCESS_DENIED, "OpenProcess", "pid 412");
  ts_platform_error_format (&err, buf, sizeof buf);
  tap_diag ("%s", buf);
  TAP_OK (strncmp (buf, "OpenProcess(\"pid 412\"): ", 24) == 0 && strstr (buf, "(error 5)") != NULL,
          "error text names the API, the pid and the GetLastError() code");
  ts_platform_error_set (&err, TS_PLATFORM_ERR_NOT_SUPPORTED, 0, "terminal", "pid 7");
  ts_platform_error_format (&err, buf, sizeof buf);
  TAP_OK (strcmp (buf, "terminal(\"pid 7\"): not supported") == 0, "error without a code: %s", buf);
}

int
main (void)
{
  test_damping ();
  test_priorities ();
  test_filetime ();
  test_split ();
  test_utf8 ();
  test_error_text ();
  return tap_done ();
}
