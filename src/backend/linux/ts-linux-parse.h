/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Parsers for per-process /proc files.  Pure functions over a buffer: no
 * I/O, no allocation, no GLib, so each can be fuzzed alone (fuzz/).  Every
 * parser accepts any bytes (not NUL-terminated, truncated, garbage) and
 * returns false when the fields it must have are missing.
 */
#pragma once

#include "ts-platform.h"

typedef struct
{
  char     comm[64];      /* between the first '(' and the last ')', bytes as-is */
  size_t   comm_len;
  char     state;
  int32_t  ppid;
  uint64_t tty_nr;
  uint64_t flags;          /* PF_* bits; PF_KTHREAD = 0x00200000 */
  uint64_t utime, stime;  /* clock ticks */
  int64_t  cutime, cstime;
  int64_t  priority, nice;
  int64_t  num_threads;
  uint64_t starttime;     /* clock ticks after boot */
  int32_t  processor;     /* -1 when the line is too short to have it */
  uint64_t blkio_ticks;   /* delayacct_blkio_ticks, 0 when absent */
} TsLinuxStat;

bool ts_linux_parse_stat (const char *buf, size_t len, TsLinuxStat *out);

typedef struct
{
  uint32_t have;          /* TS_LINUX_STATUS_HAVE_* bits */
  uint32_t uids[3];
  uint32_t gids[3];
  int64_t  threads;
  uint64_t ctx_voluntary, ctx_involuntary;
  uint64_t rss_anon, rss_file, rss_shmem, vm_swap; /* bytes */
  uint64_t cpus_allowed[TS_CPU_SET_WORDS];
  char     name[64];      /* Name:, with the kernel's escapes (\n, \\) undone */
  int32_t  tgid;
} TsLinuxStatus;

enum
{
  TS_LINUX_STATUS_HAVE_UIDS    = 1u << 0,
  TS_LINUX_STATUS_HAVE_GIDS    = 1u << 1,
  TS_LINUX_STATUS_HAVE_THREADS = 1u << 2,
  TS_LINUX_STATUS_HAVE_CTXT    = 1u << 3,
  TS_LINUX_STATUS_HAVE_RSS     = 1u << 4, /* RssAnon, RssFile, RssShmem */
  TS_LINUX_STATUS_HAVE_SWAP    = 1u << 5,
  TS_LINUX_STATUS_HAVE_CPUS    = 1u << 6,
  TS_LINUX_STATUS_HAVE_NAME    = 1u << 7,
  TS_LINUX_STATUS_HAVE_TGID    = 1u << 8,
};

/* Fills what it finds; false only when no known key was found at all. */
bool ts_linux_parse_status (const char *buf, size_t len, TsLinuxStatus *out);

/* statm: size resident shared text lib data dt, in pages. */
bool ts_linux_parse_statm (const char *buf, size_t len, uint64_t pages[7]);

typedef struct
{
  uint64_t rchar, wchar, syscr, syscw, read_bytes, write_bytes;
} TsLinuxIo;

bool ts_linux_parse_io (const char *buf, size_t len, TsLinuxIo *out);

/* smaps_rollup or the whole smaps (the same keys, summed): uss is
 * Private_Clean + Private_Dirty + Private_Hugetlb, pss, swap. Bytes. */
bool ts_linux_parse_smaps (const char *buf, size_t len,
                           uint64_t *uss, uint64_t *pss, uint64_t *swap);

/* "0-3,8,10-11" into a CPU bit set; false on garbage. */
bool ts_linux_parse_cpu_list (const char *buf, size_t len,
                              uint64_t set[TS_CPU_SET_WORDS]);

/* "3 4 1 0 ..." a cmdline/environ blob: counts NUL-terminated entries
 * (a last entry without NUL counts too). */
size_t ts_linux_count_entries (const char *buf, size_t len);

/* /proc/tty/drivers: finds the device path prefix for tty_nr and writes the
 * /dev name ("/dev/pts/3", "/dev/tty1"). */
bool ts_linux_parse_tty_drivers (const char *buf, size_t len, uint64_t tty_nr,
                                 char *out, size_t out_len);

/* /proc/PID/fdinfo/FD: "pos:" and "flags:" (octal).  Fields not found stay
 * -1; false only when neither is there. */
bool ts_linux_parse_fdinfo (const char *buf, size_t len, int64_t *pos, int32_t *flags);
