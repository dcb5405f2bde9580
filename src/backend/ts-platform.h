/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ts-platform.h: the platform contract.
 *
 * Plain C11 plus the OS API: no GLib here, so the same code cross-compiles
 * with mingw-w64, runs under wine and can be fuzzed in isolation.  Nothing in
 * this layer prints, aborts or exits.  Values are raw cumulative counters in
 * the units the OS keeps them (bytes, seconds as doubles, counts); rates,
 * percentages and wrap handling belong to the GObject layer.
 *
 * Strings are bytes as the OS gives them: never assume UTF-8.
 *
 * A TsPlatform context is used by one thread at a time.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#ifdef _WIN32
/* mingw's <stdlib.h> makes `environ` a macro, which would rename the
 * TsProcSample member: include it here, once, then drop the macro. */
#include <stdlib.h>
#undef environ
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ errors */

typedef enum
{
  TS_PLATFORM_OK = 0,
  TS_PLATFORM_ERR_NO_SUCH_PROCESS,
  TS_PLATFORM_ERR_ACCESS_DENIED,
  TS_PLATFORM_ERR_ZOMBIE,
  TS_PLATFORM_ERR_NOT_SUPPORTED,
  TS_PLATFORM_ERR_OS_ERROR,
  TS_PLATFORM_ERR_PARSE, /* the file was read but its contents made no sense */
  TS_PLATFORM_ERR_INVALID_ARGUMENT,
} TsPlatformErrorKind;

/* Names the call that failed: `open("/proc/412/environ"): Permission denied (EACCES)`. */
typedef struct
{
  TsPlatformErrorKind kind;
  int                 os_errno;   /* errno, or GetLastError() on Windows; 0 if none */
  char                call[32];   /* "open", "read", "readlink", "pidfd_open", "parse" ... */
  char                path[224];  /* the path, or "pid 412" */
} TsPlatformError;

void        ts_platform_error_clear  (TsPlatformError *err);
/* Fills err; returns false so callers can `return ts_platform_error_set (...)`. */
bool        ts_platform_error_set    (TsPlatformError     *err,
                                      TsPlatformErrorKind  kind,
                                      int                  os_errno,
                                      const char          *call,
                                      const char          *path);
/* Maps an errno from a failed call to a kind (ENOENT/ESRCH -> no such process,
 * EACCES/EPERM -> access denied, otherwise OS error) and fills err. */
bool        ts_platform_error_from_errno (TsPlatformError *err,
                                          int              os_errno,
                                          const char      *call,
                                          const char      *path);
/* Writes the text form into buf (always NUL-terminated); returns buf. */
char       *ts_platform_error_format (const TsPlatformError *err,
                                      char                  *buf,
                                      size_t                 len);
const char *ts_platform_error_kind_name (TsPlatformErrorKind kind);
/* "EACCES" for EACCES; "E<n>" for numbers it does not know. */
const char *ts_platform_errno_name   (int os_errno, char *buf, size_t len);

/* ----------------------------------------------------------------- context */

typedef struct TsPlatform TsPlatform;

/* procfs_root/sysfs_root: NULL means "/proc" and "/sys".  With another root
 * (a fixture tree) the calls that cannot come from files (ioprio_get,
 * kill) answer NOT_SUPPORTED.  Raises RLIMIT_NOFILE's soft limit to the hard
 * one so per-process descriptors can be kept open. */
TsPlatform *ts_platform_new          (const char      *procfs_root,
                                      const char      *sysfs_root,
                                      TsPlatformError *err);
void        ts_platform_free         (TsPlatform *self);
const char *ts_platform_procfs_root  (const TsPlatform *self);
const char *ts_platform_sysfs_root   (const TsPlatform *self);
/* Keep per-process descriptors open between reads (default: on for the live
 * /proc, off for any other root).  Off, each read opens, reads and closes
 * like a naive reader: bench/ compares the two. */
void        ts_platform_set_keep_fds (TsPlatform *self, bool keep);
/* Number of descriptors currently kept open (tests, bench). */
size_t      ts_platform_kept_fds     (const TsPlatform *self);

/* -------------------------------------------------------------- processes */

typedef int32_t TsPid;

typedef enum
{
  TS_PROC_STATUS_UNKNOWN = 0,
  TS_PROC_STATUS_RUNNING,      /* R */
  TS_PROC_STATUS_SLEEPING,     /* S */
  TS_PROC_STATUS_DISK_SLEEP,   /* D */
  TS_PROC_STATUS_STOPPED,      /* T */
  TS_PROC_STATUS_TRACING_STOP, /* t */
  TS_PROC_STATUS_ZOMBIE,       /* Z */
  TS_PROC_STATUS_DEAD,         /* X, x */
  TS_PROC_STATUS_WAKE_KILL,    /* K */
  TS_PROC_STATUS_WAKING,       /* W */
  TS_PROC_STATUS_IDLE,         /* I */
  TS_PROC_STATUS_PARKED,       /* P */
} TsProcStatus;

/* psutil's names: "running", "sleeping", "disk-sleep", ... */
const char *ts_proc_status_name (TsProcStatus status);

/* The `wanted` mask: one bit a field.  The reader maps fields to the kernel
 * sources they come from and reads each source at most once a call. */
typedef enum
{
  TS_PF_PPID             = 1u << 0,
  TS_PF_NAME             = 1u << 1,
  TS_PF_EXE              = 1u << 2,
  TS_PF_CMDLINE          = 1u << 3,
  TS_PF_CWD              = 1u << 4,
  TS_PF_STATUS           = 1u << 5,
  TS_PF_UIDS             = 1u << 6,
  TS_PF_GIDS             = 1u << 7,
  TS_PF_TERMINAL         = 1u << 8,
  TS_PF_CREATE_TIME      = 1u << 9,
  TS_PF_CPU_TIMES        = 1u << 10,
  TS_PF_NUM_THREADS      = 1u << 11,
  TS_PF_NUM_CTX_SWITCHES = 1u << 12,
  TS_PF_NICE             = 1u << 13,
  TS_PF_IONICE           = 1u << 14,
  TS_PF_CPU_NUM          = 1u << 15,
  TS_PF_CPU_AFFINITY     = 1u << 16,
  TS_PF_MEMORY_INFO      = 1u << 17, /* statm: rss vms shared text lib data dirty */
  TS_PF_MEMORY_FULL      = 1u << 18, /* smaps_rollup (or smaps): uss pss swap */
  TS_PF_IO_COUNTERS      = 1u << 19,
  TS_PF_ENVIRON          = 1u << 20,
  TS_PF_THREADS          = 1u << 21,
  TS_PF_RSS_ANON         = 1u << 22, /* status: RssAnon/RssFile/RssShmem/VmSwap, the cheap USS estimate */
} TsProcField;

#define TS_PF_ALL ((uint32_t) ((1u << 23) - 1))
#define TS_PF_N_FIELDS 23

/* psutil's name of a single field bit ("ppid", "memory_full_info", ...), NULL otherwise. */
const char *ts_proc_field_name (TsProcField field);

typedef struct
{
  int32_t id;
  double  user;   /* seconds */
  double  system; /* seconds */
  char    name[64]; /* the thread's comm, bytes as the kernel gives them */
  char    status_char;
  int32_t cpu_num; /* CPU it last ran on, -1 unknown */
} TsThreadTimes;

#define TS_CPU_SET_WORDS 16 /* 1024 CPUs */

typedef struct
{
  uint32_t       valid;        /* TsProcField bits that were filled */
  uint32_t       wanted;       /* what was asked for */

  /* Identity; always filled on success (stat is always read). */
  TsPid          pid;
  uint64_t       start_ticks;  /* stat field 22: clock ticks after boot */
  bool           kernel_thread; /* no user space: no exe, no cmdline, no memory map */

  TsPid          ppid;
  char           name[256];    /* comm, or argv[0]'s basename when comm is cut at 15 bytes */
  char          *exe;          /* readlink target, may end in " (deleted)"; "" for kernel threads */
  char          *cmdline;      /* argv, each NUL-terminated, back to back */
  size_t         cmdline_len;  /* bytes in cmdline */
  size_t         cmdline_argc;
  char          *cwd;
  TsProcStatus   status;
  char           status_char;
  uint32_t       uids[3];      /* real, effective, saved */
  uint32_t       gids[3];
  uint64_t       tty_nr;       /* 0: no terminal */
  double         create_time;  /* seconds since the epoch */
  double         cpu_user, cpu_system, cpu_children_user, cpu_children_system, cpu_iowait; /* seconds */
  int32_t        num_threads;
  uint64_t       ctx_voluntary, ctx_involuntary;
  int32_t        nice;
  int32_t        ionice_class; /* 0 none, 1 realtime, 2 best-effort, 3 idle */
  int32_t        ionice_value;
  int32_t        cpu_num;
  uint64_t       cpu_affinity[TS_CPU_SET_WORDS];
  /* memory_info, bytes */
  uint64_t       rss, vms, shared, text, lib, data, dirty;
  /* memory_full_info, bytes */
  uint64_t       uss, pss, swap;
  /* from status, bytes (TS_PF_RSS_ANON) */
  uint64_t       rss_anon, rss_file, rss_shmem, vm_swap;
  /* io_counters */
  uint64_t       read_count, write_count, read_bytes, write_bytes, read_chars, write_chars;
  /* environ: NAME=VALUE entries, each NUL-terminated, back to back, as the kernel gives them */
  char          *environ;
  size_t         environ_len;
  TsThreadTimes *threads;
  size_t         n_threads;

  /* Why a wanted field is missing: indexed by the bit number of the field. */
  TsPlatformError errors[TS_PF_N_FIELDS];
} TsProcSample;

void ts_proc_sample_init  (TsProcSample *sample);
/* Frees the strings and arrays, keeps nothing; the sample can be reused. */
void ts_proc_sample_clear (TsProcSample *sample);
/* The error of a wanted field that is not valid, or NULL. */
const TsPlatformError *ts_proc_sample_field_error (const TsProcSample *sample,
                                                   TsProcField         field);

/* Every PID in procfs, ascending, malloc'd into *pids_out (free() it).
 * Also forgets the kept descriptors of PIDs that are gone. */
bool ts_platform_list_pids (TsPlatform       *self,
                            TsPid           **pids_out,
                            size_t           *n_out,
                            TsPlatformError  *err);

/* The oneshot read.  Returns false (with err) only when the process is gone
 * (NO_SUCH_PROCESS) or stat itself cannot be read; a field that fails clears
 * its bit in sample->valid and records its error in sample->errors.
 * sample is cleared first. */
bool ts_platform_read_process (TsPlatform      *self,
                               TsPid            pid,
                               uint32_t         wanted,
                               TsProcSample    *sample,
                               TsPlatformError *err);

/* /dev name of a tty_nr ("/dev/pts/3"), from <procfs>/tty/drivers; false if unknown. */
bool ts_platform_terminal_name (TsPlatform *self,
                                uint64_t    tty_nr,
                                char       *buf,
                                size_t      len);

/* User name of a uid (the OS user database); false if none, buf gets the number. */
bool ts_platform_user_name (uint32_t uid, char *buf, size_t len);

/* Signals a process only if it is still the one with this start time
 * (pidfd_open + pidfd_send_signal on Linux, so a reused PID is never hit). */
bool ts_platform_send_signal (TsPlatform      *self,
                              TsPid            pid,
                              uint64_t         start_ticks,
                              int              signum,
                              TsPlatformError *err);

/* Change a process's nice value (-20..19), I/O priority (class 0 none,
 * 1 realtime, 2 best-effort, 3 idle; level 0..7) or CPU affinity, with the
 * same identity check as ts_platform_send_signal.  These calls have no
 * pidfd form: the check and the call are microseconds apart; a PID is
 * reused in between only if the PID space wraps in that time, or a
 * privileged process picks PIDs (ns_last_pid, clone3 set_tid). */
bool ts_platform_set_nice     (TsPlatform      *self,
                               TsPid            pid,
                               uint64_t         start_ticks,
                               int              nice,
                               TsPlatformError *err);
bool ts_platform_set_ionice   (TsPlatform      *self,
                               TsPid            pid,
                               uint64_t         start_ticks,
                               int              ioclass,
                               int              level,
                               TsPlatformError *err);
bool ts_platform_set_affinity (TsPlatform      *self,
                               TsPid            pid,
                               uint64_t         start_ticks,
                               const uint64_t   cpus[TS_CPU_SET_WORDS],
                               TsPlatformError *err);

/* ------------------------------------------------------------- open files */

typedef enum
{
  TS_FD_OTHER = 0,  /* anything else the kernel names ("[eventpoll]"...) */
  TS_FD_FILE,       /* a path in the file system */
  TS_FD_SOCKET,     /* "socket:[inode]" */
  TS_FD_PIPE,       /* "pipe:[inode]" */
  TS_FD_ANON_INODE, /* "anon_inode:[eventfd]", "anon_inode:inotify" ... */
} TsFdKind;

typedef struct
{
  int32_t  fd;
  TsFdKind kind;
  char    *target;   /* the link's target, bytes as the kernel gives them */
  int32_t  flags;    /* open(2) flags from fdinfo, -1 when unknown */
  int64_t  position; /* file offset from fdinfo, -1 when unknown */
} TsOpenFile;

/* Every descriptor of a process, ascending by fd; a descriptor closed while
 * we list them is left out.  ACCESS_DENIED for another user's process. */
bool ts_platform_open_files (TsPlatform      *self,
                             TsPid            pid,
                             TsOpenFile     **out,
                             size_t          *n_out,
                             TsPlatformError *err);
void ts_open_files_free     (TsOpenFile *files, size_t n);
/* psutil's mode letters for open flags: "r", "w", "a", "r+", "a+"; "" when unknown. */
const char *ts_open_file_mode (int32_t flags);

/* ------------------------------------------------------------------ system */

typedef struct
{
  /* seconds */
  double user, nice, system, idle, iowait, irq, softirq, steal, guest, guest_nice;
} TsCpuTimes;

typedef struct
{
  TsCpuTimes  total;
  TsCpuTimes *per_cpu;
  size_t      n_cpu;
} TsCpuTimesAll;

bool ts_platform_cpu_times (TsPlatform *self, TsCpuTimesAll *out, TsPlatformError *err);
void ts_cpu_times_all_clear (TsCpuTimesAll *all);

/* logical: CPUs the OS lists; physical: distinct cores (0 if unknown). */
bool ts_platform_cpu_count (TsPlatform *self, int *logical, int *physical, TsPlatformError *err);

typedef struct
{
  double current, min, max; /* MHz; min/max 0 when unknown */
} TsCpuFreq;

/* Per CPU from sysfs cpufreq, else from /proc/cpuinfo "cpu MHz" (min/max 0).
 * NOT_SUPPORTED when neither has it. */
bool ts_platform_cpu_freq (TsPlatform *self, TsCpuFreq **out, size_t *n_out, TsPlatformError *err);

/* The CPU's model name ("Intel(R) Core(TM) i5-7200U CPU @ 2.50GHz") into buf,
 * always NUL-terminated, bytes as the OS gives them.  Linux: <procfs>/cpuinfo
 * "model name" (or the key older ARM, MIPS or PowerPC kernels use);
 * NOT_SUPPORTED when the file has none. */
bool ts_platform_cpu_model (TsPlatform *self, char *buf, size_t len, TsPlatformError *err);

typedef struct
{
  /* bytes; psutil's fields and formulas */
  uint64_t total, available, used, free, active, inactive, buffers, cached, shared, slab;
  double   percent;
} TsVirtualMemory;

bool ts_platform_virtual_memory (TsPlatform *self, TsVirtualMemory *out, TsPlatformError *err);

typedef struct
{
  uint64_t total, used, free, sin, sout; /* bytes; sin/sout cumulative */
  double   percent;
} TsSwapMemory;

bool ts_platform_swap_memory (TsPlatform *self, TsSwapMemory *out, TsPlatformError *err);

/* Both at once, for a sampler that wants both every tick: on Linux one read
 * of meminfo instead of two.  On failure err names the first that failed;
 * call the two readers alone to know each one's error. */
bool ts_platform_memory (TsPlatform      *self,
                         TsVirtualMemory *vm,
                         TsSwapMemory    *swap,
                         TsPlatformError *err);

bool ts_platform_loadavg (TsPlatform *self, double out[3], TsPlatformError *err);

/* Seconds since the epoch. */
bool ts_platform_boot_time (TsPlatform *self, double *out, TsPlatformError *err);

typedef struct
{
  char     name[64];
  bool     is_partition;
  char     parent[64];     /* the disk of a partition, "" otherwise */
  uint64_t read_count, write_count;
  uint64_t read_bytes, write_bytes;
  uint64_t read_time_ms, write_time_ms;   /* as the kernel counts them */
  uint64_t read_merged_count, write_merged_count;
  uint64_t busy_time_ms;                  /* io_ticks: time the device had I/O in flight */
} TsDiskIo;

bool ts_platform_disk_io (TsPlatform *self, TsDiskIo **out, size_t *n_out, TsPlatformError *err);

typedef struct
{
  char     name[64];
  uint64_t bytes_sent, bytes_recv, packets_sent, packets_recv;
  uint64_t errin, errout, dropin, dropout;
} TsNetIo;

bool ts_platform_net_io (TsPlatform *self, TsNetIo **out, size_t *n_out, TsPlatformError *err);

/* ----------------------------------------------------------------- sensors */

/* Linux reads <sysfs>/class/hwmon/hwmonN/ (and its device/ directory, where
 * older drivers keep their files), else <sysfs>/class/thermal/thermal_zoneN
 * when hwmon offers no temperature at all; <sysfs>/class/power_supply/ for
 * the battery.  A sensor whose value cannot be read or parsed (EIO, ENODATA,
 * "N/A", an empty file) is left out; it never fails the call.  No sensor at
 * all is an empty list and success. */

typedef struct
{
  char   chip[64];    /* the hwmon "name" ("coretemp", "nvme") or the thermal zone "type" */
  char   label[64];   /* temp*_label; "" when the driver gives none (as psutil) */
  char   sensor[32];  /* the attribute it came from ("temp3", "thermal_zone0"): names unlabelled sensors */
  double current;     /* degrees Celsius */
  double high;        /* temp*_max or a "high" trip point; NAN when absent */
  double critical;    /* temp*_crit or a "critical" trip point; NAN when absent */
} TsTemperature;

typedef struct
{
  char   chip[64];
  char   label[64];   /* fan*_label; "" when absent */
  char   sensor[32];  /* "fan2" */
  double current;     /* RPM */
} TsFan;

/* psutil's POWER_TIME_UNKNOWN and POWER_TIME_UNLIMITED. */
#define TS_BATTERY_SECS_UNKNOWN   (-1.0)
#define TS_BATTERY_SECS_UNLIMITED (-2.0)

typedef enum
{
  TS_POWER_PLUGGED_UNKNOWN = 0,
  TS_POWER_PLUGGED_YES,
  TS_POWER_PLUGGED_NO,
} TsPowerPlugged;

typedef enum
{
  TS_BATTERY_STATUS_UNKNOWN = 0,
  TS_BATTERY_STATUS_CHARGING,
  TS_BATTERY_STATUS_DISCHARGING,
  TS_BATTERY_STATUS_FULL,
  TS_BATTERY_STATUS_NOT_CHARGING, /* plugged in, held below full (a charge threshold) */
} TsBatteryStatus;

/* All system batteries together (power supplies of type "Battery", not
 * those of scope "Device" such as a wireless mouse's). */
typedef struct
{
  double          percent;         /* 0..100, may pass 100 on a battery that misreports its full charge (as psutil) */
  double          secsleft;        /* seconds, or TS_BATTERY_SECS_UNKNOWN / _UNLIMITED (plugged in) */
  TsPowerPlugged  power_plugged;
  TsBatteryStatus status;
  double          power_w;         /* charge or discharge rate, watts, >= 0; NAN when unknown */
  double          energy_now_wh;   /* NAN unless known for every battery */
  double          energy_full_wh;  /* NAN unless known for every battery */
  unsigned        n_batteries;
} TsBattery;

/* The kernel's status words in lower case: "charging", "discharging", "full",
 * "not charging", "unknown". */
const char *ts_battery_status_name (TsBatteryStatus status);

/* *out is malloc'd (free() it; NULL when *n_out is 0).  Ordered by hwmon
 * (or thermal zone) number, then by sensor number. */
bool ts_platform_sensors_temperatures (TsPlatform       *self,
                                       TsTemperature   **out,
                                       size_t           *n_out,
                                       TsPlatformError  *err);
bool ts_platform_sensors_fans         (TsPlatform       *self,
                                       TsFan           **out,
                                       size_t           *n_out,
                                       TsPlatformError  *err);
/* *present is false (and *out zeroed) when there is no battery whose charge
 * can be read; that is success. */
bool ts_platform_sensors_battery      (TsPlatform       *self,
                                       TsBattery        *out,
                                       bool             *present,
                                       TsPlatformError  *err);

#ifdef __cplusplus
}
#endif
