/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ts-win32.h: what the Windows platform layer adds to ts-platform.h.
 *
 * The contract speaks Linux where Windows has no word of its own; these are
 * the translations, as pure functions so tests can check them with known
 * inputs.  No GLib.
 */
#pragma once

#include "ts-platform.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ts_platform_send_signal takes the Linux signal numbers (mingw's
 * <signal.h> has no SIGKILL, SIGSTOP or SIGCONT): SIGTERM and SIGKILL
 * terminate the process (TerminateProcess, exit code 1 as psutil), SIGSTOP
 * suspends all its threads (NtSuspendProcess), SIGCONT resumes them
 * (NtResumeProcess).  Anything else is INVALID_ARGUMENT. */
#define TS_WIN32_SIGKILL 9
#define TS_WIN32_SIGTERM 15
#define TS_WIN32_SIGCONT 18
#define TS_WIN32_SIGSTOP 19

/* Priority classes as nice values, so the contract's set_nice and
 * TsProcSample.nice keep one meaning: IDLE 19, BELOW_NORMAL 10, NORMAL 0,
 * ABOVE_NORMAL -5, HIGH -10, REALTIME -20.  A nice value picks the class
 * whose band holds it: 15..19 IDLE, 5..14 BELOW_NORMAL, -4..4 NORMAL,
 * -9..-5 ABOVE_NORMAL, -19..-10 HIGH, -20 REALTIME.  0 for a class it does
 * not know. */
int          ts_win32_nice_from_priority_class (unsigned long priority_class);
unsigned long ts_win32_priority_class_from_nice (int nice);

/* I/O priority hints (0 very low, 1 low, 2 normal, 3 high) in the contract's
 * ionice terms: very low = (3 idle, 0), low = (2 best-effort, 7),
 * normal = (2, 4), high = (1 realtime, 0).  Class 0 ("none") and
 * best-effort levels 0..4 set normal, 5..7 low. */
void ts_win32_ionice_from_hint (int hint, int *ioclass, int *level);
int  ts_win32_hint_from_ionice (int ioclass, int level);

/* FILETIME ticks (100 ns since 1601-01-01) to seconds since the epoch. */
double ts_win32_filetime_to_epoch (uint64_t ticks);

/* The load average emulation.  Every TS_WIN32_LOADAVG_INTERVAL seconds a
 * sampler counts the threads that are ready to run or running (the
 * processor queue plus the CPUs' current threads, which is what Unix's run
 * queue counts) and damps it into the 1, 5 and 15 minute averages the way
 * the Unix kernel does: avg = avg * e^(-interval/period) + n * (1 - e^(...)).
 * ts_win32_loadavg_damp is that step, pure. */
#define TS_WIN32_LOADAVG_INTERVAL 5.0
void ts_win32_loadavg_damp (double avg[3], double runnable, double interval_s);

/* The sampler starts with the first ts_platform_loadavg call (the averages
 * read 0 until it has sampled) and stops in ts_platform_free.  Tests shorten
 * the interval; 0 restores the default.  Call before the first loadavg. */
void ts_win32_loadavg_set_interval (TsPlatform *self, double seconds);
/* Samples taken so far (tests). */
uint64_t ts_win32_loadavg_samples (TsPlatform *self);

/* Whether SeDebugPrivilege could be enabled for this process (an elevated
 * administrator); without it other users' processes are mostly denied. */
bool ts_win32_has_debug_privilege (const TsPlatform *self);

/* Splits a Windows command line with CommandLineToArgvW's rules into
 * NUL-terminated UTF-8 arguments back to back (malloc'd).  An empty line is
 * zero arguments.  false on a conversion failure. */
bool ts_win32_split_cmdline (const wchar_t *line,
                             char         **out,
                             size_t        *len,
                             size_t        *argc);

/* UTF-16 to malloc'd UTF-8 (n wide chars, not necessarily NUL-terminated;
 * lone surrogates become U+FFFD).  NULL on allocation failure. */
char *ts_win32_utf8 (const wchar_t *w, size_t n, size_t *len_out);

#ifdef __cplusplus
}
#endif
