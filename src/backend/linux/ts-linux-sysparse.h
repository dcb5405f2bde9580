/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Parsers for system-wide /proc files.  Pure functions over a buffer: no I/O,
 * no allocation, no GLib, so each can be fuzzed alone (fuzz/).  The buffer
 * need not be NUL-terminated and may hold any bytes; nothing is read past
 * buf + len.  Lines that make no sense are skipped; a parser returns false
 * when what it must have is missing.
 *
 * Parsers that return a list write at most `max` entries into the caller's
 * array and report in *n_out how many they found, which may be more than
 * `max`: size the array by counting lines (ts_linux_count_lines) first.
 */
#pragma once

#include "ts-platform.h"

/* Number of lines in buf (a last line without '\n' counts): an upper bound
 * for the list parsers below. */
size_t ts_linux_count_lines (const char *buf, size_t len);

/* ------------------------------------------------------------- /proc/stat */

/* user nice system idle iowait irq softirq steal guest guest_nice */
#define TS_LINUX_CPU_FIELDS 10

typedef struct
{
  int32_t  cpu;                        /* N of "cpuN"; -1 for the "cpu" total */
  uint32_t n_fields;                   /* fields the kernel gave (4..10); the rest are 0 */
  uint64_t ticks[TS_LINUX_CPU_FIELDS]; /* USER_HZ clock ticks */
} TsLinuxCpuTicks;

typedef struct
{
  TsLinuxCpuTicks total;
  bool            have_btime;
  uint64_t        btime;   /* seconds since the epoch */
  size_t          n_cpu;   /* "cpuN" lines, in the order the file has them */
} TsLinuxProcStat;

/* Fills out->total and the first max_cpu "cpuN" lines into per_cpu (may be
 * NULL when max_cpu is 0).  False when the "cpu" total line is missing or any
 * cpu line has fewer than 4 numbers or a non-number among its first ten (a
 * truncated file): per-CPU lists with a hole would be misleading.  btime is
 * looked for in any case; a missing one only leaves have_btime false. */
bool ts_linux_parse_proc_stat (const char      *buf,
                               size_t           len,
                               TsLinuxProcStat *out,
                               TsLinuxCpuTicks *per_cpu,
                               size_t           max_cpu);

/* ---------------------------------------------------------- /proc/meminfo */

/* The keys psutil 5.9 reads, plus what its MemAvailable fallback needs. */
typedef enum
{
  TS_LINUX_MEM_TOTAL = 0,     /* MemTotal */
  TS_LINUX_MEM_FREE,          /* MemFree */
  TS_LINUX_MEM_AVAILABLE,     /* MemAvailable (kernel 3.14+) */
  TS_LINUX_MEM_BUFFERS,       /* Buffers */
  TS_LINUX_MEM_CACHED,        /* Cached */
  TS_LINUX_MEM_SRECLAIMABLE,  /* SReclaimable */
  TS_LINUX_MEM_SHMEM,         /* Shmem */
  TS_LINUX_MEM_MEMSHARED,     /* MemShared (2.4) */
  TS_LINUX_MEM_ACTIVE,        /* Active */
  TS_LINUX_MEM_INACTIVE,      /* Inactive */
  TS_LINUX_MEM_INACT_DIRTY,   /* Inact_dirty (old RHEL) */
  TS_LINUX_MEM_INACT_CLEAN,   /* Inact_clean */
  TS_LINUX_MEM_INACT_LAUNDRY, /* Inact_laundry */
  TS_LINUX_MEM_SLAB,          /* Slab */
  TS_LINUX_MEM_ACTIVE_FILE,   /* Active(file) */
  TS_LINUX_MEM_INACTIVE_FILE, /* Inactive(file) */
  TS_LINUX_MEM_SWAP_TOTAL,    /* SwapTotal */
  TS_LINUX_MEM_SWAP_FREE,     /* SwapFree */
  TS_LINUX_MEM_N_KEYS
} TsLinuxMemKey;

typedef struct
{
  uint32_t have;                          /* 1u << TsLinuxMemKey for each key found */
  uint64_t bytes[TS_LINUX_MEM_N_KEYS];    /* the kB value * 1024, like psutil; saturates */
} TsLinuxMeminfo;

#define TS_LINUX_MEMINFO_HAS(m, key) (((m)->have & (1u << (key))) != 0)

/* False only when no known key was found at all. */
bool ts_linux_parse_meminfo (const char *buf, size_t len, TsLinuxMeminfo *out);

/* ----------------------------------------------------------- /proc/vmstat */

/* pswpin/pswpout (pages swapped in/out since boot).  False unless both. */
bool ts_linux_parse_vmstat_swap (const char *buf,
                                 size_t      len,
                                 uint64_t   *pswpin,
                                 uint64_t   *pswpout);

/* --------------------------------------------------------- /proc/zoneinfo */

/* The sum of every zone's "low" watermark, in pages: psutil's fallback for
 * MemAvailable on kernels before 3.14.  False when there is none. */
bool ts_linux_parse_zoneinfo_low (const char *buf, size_t len, uint64_t *low_pages);

/* ---------------------------------------------------------- /proc/loadavg */

/* The first three fields.  The decimal point is always '.', whatever the locale. */
bool ts_linux_parse_loadavg (const char *buf, size_t len, double out[3]);

/* -------------------------------------------------------- /proc/diskstats */

typedef struct
{
  char     name[64];          /* bytes as-is; a line whose name does not fit is skipped */
  uint32_t major, minor;
  uint32_t n_stats;           /* counters on the line: 4 (2.6 partition), 11, 15 or 17 */
  uint64_t reads, reads_merged, read_sectors, read_ms;
  uint64_t writes, writes_merged, write_sectors, write_ms;
  uint64_t in_flight, io_ticks_ms, weighted_ms;
  uint64_t discards, discards_merged, discard_sectors, discard_ms; /* 4.18+, else 0 */
  uint64_t flushes, flush_ms;                                      /* 5.5+, else 0 */
} TsLinuxDiskStat;

/* Accepts psutil's variants: 14 fields (2.6+), 18 (4.18+), 20 (5.5+), more
 * (future kernels: the extra ones are ignored), 15 (2.4: the name is the
 * 4th field) and 7 (2.6 partitions: reads, read sectors, writes, write
 * sectors).  Other lines are skipped.  False when the buffer had lines but
 * none of them could be read. */
bool ts_linux_parse_diskstats (const char      *buf,
                               size_t           len,
                               TsLinuxDiskStat *out,
                               size_t           max,
                               size_t          *n_out);

/* ---------------------------------------------------------- /proc/net/dev */

typedef struct
{
  char     name[64];          /* text before the last ':' on the line, blanks trimmed */
  uint64_t rx_bytes, rx_packets, rx_errs, rx_drop, rx_fifo, rx_frame, rx_compressed, rx_multicast;
  uint64_t tx_bytes, tx_packets, tx_errs, tx_drop, tx_fifo, tx_colls, tx_carrier, tx_compressed;
} TsLinuxNetDev;

/* Lines without ':' (the two headers) are ignored; an interface line needs
 * 16 numbers after the colon, which may follow it without a space
 * ("eth0:123456").  False when interface lines were there but none could
 * be read. */
bool ts_linux_parse_net_dev (const char    *buf,
                             size_t         len,
                             TsLinuxNetDev *out,
                             size_t         max,
                             size_t        *n_out);

/* ---------------------------------------------------------- /proc/cpuinfo */

typedef struct
{
  int32_t processor;    /* "processor", -1 when absent */
  int32_t physical_id;  /* "physical id", -1 when absent */
  int32_t core_id;      /* "core id", -1 when absent */
  double  mhz;          /* "cpu MHz", < 0 when absent */
} TsLinuxCpuinfo;

/* One entry per processor block, in file order.  A block ends at a blank line
 * or when a key it already has comes again; blocks without any of the four
 * keys are not listed.  False when there is no block at all. */
bool ts_linux_parse_cpuinfo (const char     *buf,
                             size_t          len,
                             TsLinuxCpuinfo *out,
                             size_t          max,
                             size_t         *n_out);

/* The CPU's model name into out (always NUL-terminated, cut to out_len - 1
 * bytes, bytes as-is): the first non-empty "model name", else old ARM's
 * "Processor", MIPS's "cpu model" or PowerPC's "cpu", in that order of
 * preference.  False when none is there. */
bool ts_linux_parse_cpuinfo_model (const char *buf,
                                   size_t      len,
                                   char       *out,
                                   size_t      out_len);
