/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The per-process /proc parsers on byte strings, edge cases first. */
#include "config.h"

#define G_LOG_DOMAIN "test-parse"

#include <glib.h>
#include <string.h>

#include "ts-linux-parse.h"

/* A string literal and its length without the terminating NUL, so literals
 * with embedded NULs keep all their bytes. */
#define B(s) (s), (sizeof (s) - 1)

#define KB(n) ((guint64) (n) * 1024)

/* A line of a real kthreadd and of a real python3 (values edited). */
static const char stat_kthreadd[] =
  "2 (kthreadd) S 0 0 0 0 -1 2129984 0 0 0 0 3 17 0 0 20 0 1 0 14 0 0 "
  "18446744073709551615 0 0 0 0 0 0 0 2147483647 0 1 0 0 17 3 0 0 0 0 0 0 0 "
  "0 0 0 0 0 0\n";

static const char stat_python[] =
  "1042 (python3) S 1010 1042 1010 34819 1042 4194304 18234 0 12 0 1234 567 "
  "89 12 25 5 3 0 123456 165330944 2252 18446744073709551615 4321280 7148169 "
  "140734314385472 0 0 0 0 16781312 2 1 0 0 17 1 0 0 42 0 0 9723336 11027064 "
  "866435072 140734314389254 140734314389436 140734314389436 140734314389479 "
  "0\n";

static gboolean
cpu_isset (const guint64 set[TS_CPU_SET_WORDS], guint cpu)
{
  return (set[cpu / 64] >> (cpu % 64)) & 1;
}

static guint
cpu_count (const guint64 set[TS_CPU_SET_WORDS])
{
  guint n = 0;

  for (guint i = 0; i < TS_CPU_SET_WORDS * 64; i++)
    n += cpu_isset (set, i);
  return n;
}

/* ------------------------------------------------------------------ stat */

static void
test_stat_kthreadd (void)
{
  TsLinuxStat st;

  g_assert_true (ts_linux_parse_stat (B (stat_kthreadd), &st));
  g_assert_cmpmem (st.comm, st.comm_len, "kthreadd", 8);
  g_assert_cmpint (st.state, ==, 'S');
  g_assert_cmpint (st.ppid, ==, 0);
  g_assert_cmpuint (st.tty_nr, ==, 0);
  g_assert_cmphex (st.flags, ==, 2129984);
  g_assert_true (st.flags & 0x00200000); /* PF_KTHREAD */
  g_assert_cmpuint (st.utime, ==, 3);
  g_assert_cmpuint (st.stime, ==, 17);
  g_assert_cmpint (st.cutime, ==, 0);
  g_assert_cmpint (st.cstime, ==, 0);
  g_assert_cmpint (st.priority, ==, 20);
  g_assert_cmpint (st.nice, ==, 0);
  g_assert_cmpint (st.num_threads, ==, 1);
  g_assert_cmpuint (st.starttime, ==, 14);
  g_assert_cmpint (st.processor, ==, 3);
  g_assert_cmpuint (st.blkio_ticks, ==, 0);
}

static void
test_stat_full (void)
{
  TsLinuxStat st;

  g_assert_true (ts_linux_parse_stat (B (stat_python), &st));
  g_assert_cmpmem (st.comm, st.comm_len, "python3", 7);
  g_assert_cmpint (st.state, ==, 'S');
  g_assert_cmpint (st.ppid, ==, 1010);
  g_assert_cmpuint (st.tty_nr, ==, 34819);
  g_assert_cmphex (st.flags, ==, 4194304);
  g_assert_cmpuint (st.utime, ==, 1234);
  g_assert_cmpuint (st.stime, ==, 567);
  g_assert_cmpint (st.cutime, ==, 89);
  g_assert_cmpint (st.cstime, ==, 12);
  g_assert_cmpint (st.priority, ==, 25);
  g_assert_cmpint (st.nice, ==, 5);
  g_assert_cmpint (st.num_threads, ==, 3);
  g_assert_cmpuint (st.starttime, ==, 123456);
  g_assert_cmpint (st.processor, ==, 1);
  g_assert_cmpuint (st.blkio_ticks, ==, 42);
}

static void
test_stat_no_newline (void)
{
  TsLinuxStat st;
  /* Ends right after delayacct_blkio_ticks (field 42), no newline. */
  static const char line[] =
    "9 (x) R 1 9 9 0 -1 0 0 0 0 0 5 6 0 0 20 0 1 0 77 0 0 0 0 0 0 0 0 0 0 0 "
    "0 0 0 0 17 2 0 0 42";

  g_assert_true (ts_linux_parse_stat (B (line), &st));
  g_assert_cmpuint (st.starttime, ==, 77);
  g_assert_cmpint (st.processor, ==, 2);
  g_assert_cmpuint (st.blkio_ticks, ==, 42);
}

static void
test_stat_not_terminated (void)
{
  TsLinuxStat st;
  /* The buffer goes on past len: the parser must stop at len, so the last
   * field is 42, not 4299. */
  static const char line[] =
    "9 (x) R 1 9 9 0 -1 0 0 0 0 0 5 6 0 0 20 0 1 0 77 0 0 0 0 0 0 0 0 0 0 0 "
    "0 0 0 0 17 2 0 0 4299 1 2 3";
  size_t len = strlen (line) - strlen ("99 1 2 3");

  g_assert_true (ts_linux_parse_stat (line, len, &st));
  g_assert_cmpuint (st.blkio_ticks, ==, 42);

  /* Cut inside comm: no closing parenthesis within len. */
  g_assert_false (ts_linux_parse_stat (line, 4, &st));
}

static void
test_stat_weird_comm (void)
{
  TsLinuxStat st;
  /* comm "a) R 9 (\xff b)": the last ')' ends it, not the first. */
  static const char line[] =
    "777 (a) R 9 (\xff b)) R 1042 777 1010 34819 777 4194304 120 0 0 0 250 50 "
    "0 0 20 0 1 0 250000 10407936 230 18446744073709551615 1 1 1 0 0 0 0 0 "
    "65536 1 0 0 17 2 0 0 0 0 0 1 1 1 1 1 1 1 0\n";

  g_assert_true (ts_linux_parse_stat (B (line), &st));
  g_assert_cmpmem (st.comm, st.comm_len, "a) R 9 (\xff b)", 12);
  g_assert_cmpint (st.state, ==, 'R');
  g_assert_cmpint (st.ppid, ==, 1042);
  g_assert_cmpuint (st.tty_nr, ==, 34819);
  g_assert_cmpuint (st.utime, ==, 250);
  g_assert_cmpuint (st.starttime, ==, 250000);
  g_assert_cmpint (st.processor, ==, 2);
}

static void
test_stat_comm_parens_only (void)
{
  TsLinuxStat st;
  static const char empty_comm[] =
    "5 () S 1 5 5 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 8 0 0 0 0 0 0 0 0 0 0 0 0 "
    "0 0 0 17 0 0 0 0\n";
  static const char paren_comm[] =
    "5 ()) S 1 5 5 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 8 0 0 0 0 0 0 0 0 0 0 0 0 "
    "0 0 0 17 0 0 0 0\n";
  static const char open_comm[] =
    "5 (() S 1 5 5 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 8 0 0 0 0 0 0 0 0 0 0 0 0 "
    "0 0 0 17 0 0 0 0\n";

  g_assert_true (ts_linux_parse_stat (B (empty_comm), &st));
  g_assert_cmpuint (st.comm_len, ==, 0);
  g_assert_cmpuint (st.starttime, ==, 8);

  g_assert_true (ts_linux_parse_stat (B (paren_comm), &st));
  g_assert_cmpmem (st.comm, st.comm_len, ")", 1);
  g_assert_cmpint (st.state, ==, 'S');

  g_assert_true (ts_linux_parse_stat (B (open_comm), &st));
  g_assert_cmpmem (st.comm, st.comm_len, "(", 1);
}

static void
test_stat_nul_in_comm (void)
{
  TsLinuxStat st;
  /* NUL bytes are just bytes: strchr/strrchr would stop at the first. */
  static const char line[] =
    "6 (a\0b) S 1 6 6 0 -1 0 0 0 0 0 4 5 0 0 20 0 1 0 99 0 0 0 0 0 0 0 0 0 0 "
    "0 0 0 0 0 17 1 0 0 0\n";

  g_assert_true (ts_linux_parse_stat (B (line), &st));
  g_assert_cmpmem (st.comm, st.comm_len, "a\0b", 3);
  g_assert_cmpuint (st.utime, ==, 4);
  g_assert_cmpuint (st.starttime, ==, 99);
}

static void
test_stat_overlong_comm (void)
{
  TsLinuxStat st;
  GString *line = g_string_new ("7 (");
  gboolean ok;

  /* 100 bytes: more than the kernel ever writes (64) and than comm holds. */
  for (int i = 0; i < 100; i++)
    g_string_append_c (line, 'a' + i % 26);
  g_string_append (line, ") S 1 7 7 0 -1 0 0 0 0 0 4 5 0 0 20 0 1 0 99 0 0 0 0 0 0 "
                         "0 0 0 0 0 0 0 0 0 17 1 0 0 0\n");

  ok = ts_linux_parse_stat (line->str, line->len, &st);
  /* Cut to what fits, and the fields after it are still found. */
  g_assert_true (ok);
  g_assert_cmpuint (st.comm_len, ==, sizeof st.comm - 1);
  g_assert_cmpmem (st.comm, st.comm_len, line->str + 3, sizeof st.comm - 1);
  g_assert_cmpint (st.comm[sizeof st.comm - 1], ==, '\0');
  g_assert_cmpint (st.state, ==, 'S');
  g_assert_cmpuint (st.starttime, ==, 99);
  g_string_free (line, TRUE);
}

static void
test_stat_truncated (void)
{
  TsLinuxStat st;
  /* Cut before starttime (field 22): not enough to identify the process. */
  static const char before_start[] =
    "6001 (truncated) S 1 6001 6001 0 -1 4194560 120 0 0 0 3 1";
  /* Through field 30: starttime present, processor and blkio absent. */
  static const char before_cpu[] =
    "6002 (shortfiles) D 1 6002 6002 0 -1 4194304 120 0 0 0 11 22 -3 -4 39 19 "
    "1 0 700000 4096 230 18446744073709551615 94629188001792 94629188090409 "
    "140726340468288 0 0";

  g_assert_false (ts_linux_parse_stat (B (before_start), &st));

  g_assert_true (ts_linux_parse_stat (B (before_cpu), &st));
  g_assert_cmpint (st.state, ==, 'D');
  g_assert_cmpuint (st.utime, ==, 11);
  g_assert_cmpuint (st.stime, ==, 22);
  g_assert_cmpint (st.cutime, ==, -3);
  g_assert_cmpint (st.cstime, ==, -4);
  g_assert_cmpint (st.priority, ==, 39);
  g_assert_cmpint (st.nice, ==, 19);
  g_assert_cmpuint (st.starttime, ==, 700000);
  g_assert_cmpint (st.processor, ==, -1);
  g_assert_cmpuint (st.blkio_ticks, ==, 0);

  g_assert_false (ts_linux_parse_stat (B ("1 (x)"), &st));
  g_assert_false (ts_linux_parse_stat (B ("1 (x) "), &st));
  g_assert_false (ts_linux_parse_stat (B ("1 (x) S"), &st));
  g_assert_false (ts_linux_parse_stat (B ("1 (x"), &st));
}

static void
test_stat_garbage (void)
{
  TsLinuxStat st;

  g_assert_false (ts_linux_parse_stat (B (""), &st));
  g_assert_false (ts_linux_parse_stat (NULL, 0, &st));
  g_assert_false (ts_linux_parse_stat (B ("\n"), &st));
  g_assert_false (ts_linux_parse_stat (B ("\0\0\0\0\0\0\0\0"), &st));
  g_assert_false (ts_linux_parse_stat (B ("garbage"), &st));
  g_assert_false (ts_linux_parse_stat (B ("1 x) S 1 1 1"), &st));
  /* A letter where ppid belongs. */
  g_assert_false (ts_linux_parse_stat (B ("1 (x) S abc 1 1 0 -1 0 0 0 0 0 0 0 0 0 "
                                          "20 0 1 0 5 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 "
                                          "17 0 0 0 0\n"), &st));
  /* A letter where starttime belongs. */
  g_assert_false (ts_linux_parse_stat (B ("1 (x) S 1 1 1 0 -1 0 0 0 0 0 0 0 0 0 "
                                          "20 0 1 0 five 0 0 0 0 0 0 0 0 0 0 0 0 0 0 "
                                          "0 17 0 0 0 0\n"), &st));
}

static void
test_stat_huge_and_negative (void)
{
  TsLinuxStat st;
  /* utime/stime/starttime at UINT64_MAX, an RT thread's priority (-51) and
   * the lowest nice. */
  static const char huge[] =
    "3 (irq/9-acpi) S 2 0 0 0 -1 2129984 0 0 0 0 18446744073709551615 "
    "18446744073709551614 -9223372036854775808 9223372036854775807 -51 -20 1 0 "
    "18446744073709551615 0 0 18446744073709551615 0 0 0 0 0 0 0 2147483647 0 1 "
    "0 0 17 0 50 1 18446744073709551615 0 0 0 0 0 0 0 0 0 0\n";
  static const char overflow[] =
    "3 (x) S 2 0 0 0 -1 0 0 0 0 0 18446744073709551616 0 0 0 20 0 1 0 5 0 0 0 "
    "0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0\n";
  static const char negative_unsigned[] =
    "3 (x) S 2 0 0 0 -1 0 0 0 0 0 -5 0 0 0 20 0 1 0 5 0 0 0 "
    "0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0\n";

  g_assert_true (ts_linux_parse_stat (B (huge), &st));
  g_assert_cmpmem (st.comm, st.comm_len, "irq/9-acpi", 10);
  g_assert_cmpuint (st.utime, ==, G_MAXUINT64);
  g_assert_cmpuint (st.stime, ==, G_MAXUINT64 - 1);
  g_assert_cmpint (st.cutime, ==, G_MININT64);
  g_assert_cmpint (st.cstime, ==, G_MAXINT64);
  g_assert_cmpint (st.priority, ==, -51);
  g_assert_cmpint (st.nice, ==, -20);
  g_assert_cmpuint (st.starttime, ==, G_MAXUINT64);
  g_assert_cmpuint (st.blkio_ticks, ==, G_MAXUINT64);

  /* Past 64 bits: saturated, never wrapped to a small number. */
  g_assert_true (ts_linux_parse_stat (B (overflow), &st));
  g_assert_cmpuint (st.utime, ==, G_MAXUINT64);
  g_assert_cmpuint (st.starttime, ==, 5);
  /* A minus sign on a counter is garbage. */
  g_assert_false (ts_linux_parse_stat (B (negative_unsigned), &st));
}

/* ---------------------------------------------------------------- status */

static const char status_python[] =
  "Name:\tpython3\n"
  "Umask:\t0022\n"
  "State:\tS (sleeping)\n"
  "Tgid:\t1042\n"
  "Ngid:\t0\n"
  "Pid:\t1042\n"
  "PPid:\t1010\n"
  "TracerPid:\t0\n"
  "Uid:\t1000\t1001\t1002\t1003\n"
  "Gid:\t100\t101\t102\t103\n"
  "FDSize:\t256\n"
  "Groups:\t4 24 27 100 1000 \n"
  "NStgid:\t1042\n"
  "NSpid:\t1042\n"
  "NSpgid:\t1042\n"
  "NSsid:\t1010\n"
  "Kthread:\t0\n"
  "VmPeak:\t  226976 kB\n"
  "VmSize:\t  161456 kB\n"
  "VmLck:\t       0 kB\n"
  "VmPin:\t       0 kB\n"
  "VmHWM:\t    9136 kB\n"
  "VmRSS:\t    9008 kB\n"
  "RssAnon:\t    3468 kB\n"
  "RssFile:\t    5412 kB\n"
  "RssShmem:\t     128 kB\n"
  "VmData:\t   21448 kB\n"
  "VmStk:\t     132 kB\n"
  "VmExe:\t    2764 kB\n"
  "VmLib:\t    2180 kB\n"
  "VmPTE:\t      80 kB\n"
  "VmSwap:\t     256 kB\n"
  "HugetlbPages:\t       0 kB\n"
  "CoreDumping:\t0\n"
  "THP_enabled:\t1\n"
  "Threads:\t3\n"
  "SigQ:\t0/63441\n"
  "SigPnd:\t0000000000000000\n"
  "ShdPnd:\t0000000000000000\n"
  "SigBlk:\t0000000000000000\n"
  "SigIgn:\t0000000001001000\n"
  "SigCgt:\t0000000100000002\n"
  "CapInh:\t0000000000000000\n"
  "CapPrm:\t0000000000000000\n"
  "CapEff:\t0000000000000000\n"
  "CapBnd:\t000001ffffffffff\n"
  "CapAmb:\t0000000000000000\n"
  "NoNewPrivs:\t0\n"
  "Seccomp:\t0\n"
  "Seccomp_filters:\t0\n"
  "Speculation_Store_Bypass:\tthread vulnerable\n"
  "SpeculationIndirectBranch:\tconditional enabled\n"
  "Cpus_allowed:\t27\n"
  "Cpus_allowed_list:\t0-2,5\n"
  "Mems_allowed:\t00000000,00000001\n"
  "Mems_allowed_list:\t0\n"
  "voluntary_ctxt_switches:\t1517\n"
  "nonvoluntary_ctxt_switches:\t42\n";

static void
test_status_full (void)
{
  TsLinuxStatus s;
  const guint32 all = TS_LINUX_STATUS_HAVE_UIDS | TS_LINUX_STATUS_HAVE_GIDS |
                      TS_LINUX_STATUS_HAVE_THREADS | TS_LINUX_STATUS_HAVE_CTXT |
                      TS_LINUX_STATUS_HAVE_RSS | TS_LINUX_STATUS_HAVE_SWAP |
                      TS_LINUX_STATUS_HAVE_CPUS | TS_LINUX_STATUS_HAVE_NAME |
                      TS_LINUX_STATUS_HAVE_TGID;

  g_assert_true (ts_linux_parse_status (B (status_python), &s));
  g_assert_cmphex (s.have, ==, all);
  g_assert_cmpuint (s.uids[0], ==, 1000);
  g_assert_cmpuint (s.uids[1], ==, 1001);
  g_assert_cmpuint (s.uids[2], ==, 1002);
  g_assert_cmpuint (s.gids[0], ==, 100);
  g_assert_cmpuint (s.gids[1], ==, 101);
  g_assert_cmpuint (s.gids[2], ==, 102);
  g_assert_cmpint (s.threads, ==, 3);
  g_assert_cmpuint (s.ctx_voluntary, ==, 1517);
  g_assert_cmpuint (s.ctx_involuntary, ==, 42);
  g_assert_cmpuint (s.rss_anon, ==, KB (3468));
  g_assert_cmpuint (s.rss_file, ==, KB (5412));
  g_assert_cmpuint (s.rss_shmem, ==, KB (128));
  g_assert_cmpuint (s.vm_swap, ==, KB (256));
  g_assert_cmpstr (s.name, ==, "python3");
  g_assert_cmpint (s.tgid, ==, 1042);
  g_assert_cmphex (s.cpus_allowed[0], ==, 0x27);
  for (int i = 1; i < TS_CPU_SET_WORDS; i++)
    g_assert_cmphex (s.cpus_allowed[i], ==, 0);
}

static void
test_status_few_lines (void)
{
  TsLinuxStatus s;

  /* A status of a kernel thread or a zombie has no memory lines. */
  g_assert_true (ts_linux_parse_status (B ("Name:\tshortfiles\nUmask:\t0022\n"
                                           "State:\tD (disk sleep)\nTgid:\t6002\n"), &s));
  g_assert_cmphex (s.have, ==, TS_LINUX_STATUS_HAVE_NAME | TS_LINUX_STATUS_HAVE_TGID);
  g_assert_cmpstr (s.name, ==, "shortfiles");
  g_assert_cmpint (s.tgid, ==, 6002);

  /* No trailing newline on the last line. */
  g_assert_true (ts_linux_parse_status (B ("Threads:\t7"), &s));
  g_assert_cmphex (s.have, ==, TS_LINUX_STATUS_HAVE_THREADS);
  g_assert_cmpint (s.threads, ==, 7);

  /* Only one of the two context-switch lines: not both, so not CTXT. */
  g_assert_true (ts_linux_parse_status (B ("Threads:\t2\nvoluntary_ctxt_switches:\t5\n"), &s));
  g_assert_false (s.have & TS_LINUX_STATUS_HAVE_CTXT);
}

static void
test_status_name_escapes (void)
{
  TsLinuxStatus s;

  /* The kernel writes '\n' as "\\n" and '\\' as "\\\\"; other bytes raw. */
  g_assert_true (ts_linux_parse_status (B ("Name:\ta\\nb\\\\c \xff)\nTgid:\t3\n"), &s));
  g_assert_true (s.have & TS_LINUX_STATUS_HAVE_NAME);
  g_assert_cmpstr (s.name, ==, "a\nb\\c \xff)");
}

static void
test_status_garbage (void)
{
  TsLinuxStatus s;

  g_assert_false (ts_linux_parse_status (B (""), &s));
  g_assert_false (ts_linux_parse_status (NULL, 0, &s));
  g_assert_false (ts_linux_parse_status (B ("garbage"), &s));
  g_assert_false (ts_linux_parse_status (B ("this is not\na status file\n\0\1\2\n"), &s));
  g_assert_false (ts_linux_parse_status (B ("\0\0\0\0"), &s));
  /* A key must start its line. */
  g_assert_false (ts_linux_parse_status (B ("xThreads:\t4\n"), &s));
}

static void
test_status_nul_and_cut (void)
{
  TsLinuxStatus s;
  static const char cut[] = "Name:\tx\nThreads:\t12\nUid:\t1\t2\t3\t4\nGid:\t5";
  /* A NUL in the middle: the lines after it are still lines. */
  g_assert_true (ts_linux_parse_status (B ("Name:\tx\n\0\nThreads:\t4\n"), &s));
  g_assert_true (s.have & TS_LINUX_STATUS_HAVE_NAME);
  g_assert_true (s.have & TS_LINUX_STATUS_HAVE_THREADS);
  g_assert_cmpint (s.threads, ==, 4);

  /* The buffer ends in the middle of "Threads:\t12": stop at len. */
  g_assert_true (ts_linux_parse_status (cut, strlen ("Name:\tx\nThreads:\t1"), &s));
  g_assert_cmpint (s.threads, ==, 1);
  g_assert_false (s.have & TS_LINUX_STATUS_HAVE_UIDS);

  /* Whatever a cut Uid/Gid line gives, it must not crash. */
  ts_linux_parse_status (B (cut), &s);
  ts_linux_parse_status (B ("Uid:\t\nGid:\n"), &s);
  ts_linux_parse_status (B ("Cpus_allowed_list:\tgarbage\n"), &s);
  ts_linux_parse_status (B ("RssAnon:\n"), &s);
}

/* ----------------------------------------------------------------- statm */

static void
test_statm (void)
{
  guint64 p[7];

  g_assert_true (ts_linux_parse_statm (B ("40364 2252 1385 691 0 5395 0\n"), p));
  g_assert_cmpuint (p[0], ==, 40364);
  g_assert_cmpuint (p[1], ==, 2252);
  g_assert_cmpuint (p[2], ==, 1385);
  g_assert_cmpuint (p[3], ==, 691);
  g_assert_cmpuint (p[4], ==, 0);
  g_assert_cmpuint (p[5], ==, 5395);
  g_assert_cmpuint (p[6], ==, 0);

  g_assert_true (ts_linux_parse_statm (B ("1 2 3 4 5 6 7"), p));
  g_assert_cmpuint (p[6], ==, 7);

  g_assert_true (ts_linux_parse_statm (B ("18446744073709551615 0 0 0 0 0 0\n"), p));
  g_assert_cmpuint (p[0], ==, G_MAXUINT64);
  /* Past 64 bits: saturated. */
  g_assert_true (ts_linux_parse_statm (B ("99999999999999999999999 0 0 0 0 0 0\n"), p));
  g_assert_cmpuint (p[0], ==, G_MAXUINT64);

  g_assert_true (ts_linux_parse_statm (B ("0 0 0 0 0 0 0\n"), p));
  g_assert_cmpuint (p[0], ==, 0);

  /* Stop at len: "1 2 3 4 5 6 7" read as far as "1 2 3 4 5 6 7" minus "89". */
  g_assert_true (ts_linux_parse_statm ("1 2 3 4 5 6 789", strlen ("1 2 3 4 5 6 7"), p));
  g_assert_cmpuint (p[6], ==, 7);
}

static void
test_statm_bad (void)
{
  guint64 p[7];

  g_assert_false (ts_linux_parse_statm (B (""), p));
  g_assert_false (ts_linux_parse_statm (NULL, 0, p));
  g_assert_false (ts_linux_parse_statm (B ("\n"), p));
  g_assert_false (ts_linux_parse_statm (B ("abc def ghi jkl mno pqr stu\n"), p));
  g_assert_false (ts_linux_parse_statm (B ("1 2 3\n"), p));
  g_assert_false (ts_linux_parse_statm (B ("1 2 3 4 5 6\n"), p));
  g_assert_false (ts_linux_parse_statm (B ("-1 2 3 4 5 6 7\n"), p));
  g_assert_false (ts_linux_parse_statm (B ("1 2 3 x 5 6 7\n"), p));
  g_assert_false (ts_linux_parse_statm (B ("1\0002 3 4 5 6 7\n"), p));
}

/* -------------------------------------------------------------------- io */

static void
test_io (void)
{
  TsLinuxIo io;
  static const char full[] =
    "rchar: 296081\nwchar: 10240\nsyscr: 47\nsyscw: 5\nread_bytes: 8192\n"
    "write_bytes: 4096\ncancelled_write_bytes: 512\n";
  static const char shuffled[] =
    "write_bytes: 6\nsyscw: 4\nrchar: 1\nread_bytes: 5\nwchar: 2\nsyscr: 3";

  g_assert_true (ts_linux_parse_io (B (full), &io));
  g_assert_cmpuint (io.rchar, ==, 296081);
  g_assert_cmpuint (io.wchar, ==, 10240);
  g_assert_cmpuint (io.syscr, ==, 47);
  g_assert_cmpuint (io.syscw, ==, 5);
  g_assert_cmpuint (io.read_bytes, ==, 8192);
  g_assert_cmpuint (io.write_bytes, ==, 4096);

  /* Any order, no cancelled_write_bytes, no trailing newline. */
  g_assert_true (ts_linux_parse_io (B (shuffled), &io));
  g_assert_cmpuint (io.rchar, ==, 1);
  g_assert_cmpuint (io.wchar, ==, 2);
  g_assert_cmpuint (io.syscr, ==, 3);
  g_assert_cmpuint (io.syscw, ==, 4);
  g_assert_cmpuint (io.read_bytes, ==, 5);
  g_assert_cmpuint (io.write_bytes, ==, 6);

  g_assert_true (ts_linux_parse_io (B ("rchar: 18446744073709551615\nwchar: 0\nsyscr: 0\n"
                                       "syscw: 0\nread_bytes: 0\nwrite_bytes: 0\n"), &io));
  g_assert_cmpuint (io.rchar, ==, G_MAXUINT64);
}

static void
test_io_bad (void)
{
  TsLinuxIo io;

  g_assert_false (ts_linux_parse_io (B (""), &io));
  g_assert_false (ts_linux_parse_io (NULL, 0, &io));
  g_assert_false (ts_linux_parse_io (B ("garbage\n"), &io));
  /* write_bytes missing. */
  g_assert_false (ts_linux_parse_io (B ("rchar: 1\nwchar: 2\nsyscr: 3\nsyscw: 4\n"
                                        "read_bytes: 5\n"), &io));
  /* cancelled_write_bytes is not write_bytes. */
  g_assert_false (ts_linux_parse_io (B ("rchar: 1\nwchar: 2\nsyscr: 3\nsyscw: 4\n"
                                        "read_bytes: 5\ncancelled_write_bytes: 6\n"), &io));
  g_assert_false (ts_linux_parse_io (B ("rchar: lots\nwchar: 2\nsyscr: 3\nsyscw: 4\n"
                                        "read_bytes: 5\nwrite_bytes: 6\n"), &io));
}

/* ----------------------------------------------------------------- smaps */

static const char smaps_rollup[] =
  "00400000-7fff42d12000 ---p 00000000 00:00 0                              [rollup]\n"
  "Rss:                9008 kB\n"
  "Pss:                7283 kB\n"
  "Pss_Dirty:          3468 kB\n"
  "Pss_Anon:           3468 kB\n"
  "Pss_File:           3815 kB\n"
  "Pss_Shmem:             0 kB\n"
  "Shared_Clean:       2188 kB\n"
  "Shared_Dirty:          0 kB\n"
  "Private_Clean:      3352 kB\n"
  "Private_Dirty:      3468 kB\n"
  "Referenced:         9008 kB\n"
  "Anonymous:          3468 kB\n"
  "KSM:                   0 kB\n"
  "LazyFree:              0 kB\n"
  "AnonHugePages:         0 kB\n"
  "ShmemPmdMapped:        0 kB\n"
  "FilePmdMapped:         0 kB\n"
  "Shared_Hugetlb:        0 kB\n"
  "Private_Hugetlb:       0 kB\n"
  "Swap:                256 kB\n"
  "SwapPss:             200 kB\n"
  "Locked:                0 kB\n";

static void
test_smaps_rollup (void)
{
  guint64 uss = 1, pss = 1, swap = 1;

  g_assert_true (ts_linux_parse_smaps (B (smaps_rollup), &uss, &pss, &swap));
  g_assert_cmpuint (uss, ==, KB (3352 + 3468));
  g_assert_cmpuint (pss, ==, KB (7283));
  g_assert_cmpuint (swap, ==, KB (256));
}

static void
test_smaps_summed (void)
{
  guint64 uss, pss, swap;
  static const char smaps[] =
    "5581a0e00000-5581a0e32000 r--p 00000000 08:01 1311 /usr/sbin/oldkernel\n"
    "Size:                200 kB\n"
    "Rss:                 200 kB\n"
    "Pss:                 120 kB\n"
    "Pss_Dirty:             0 kB\n"
    "Shared_Clean:        160 kB\n"
    "Private_Clean:        40 kB\n"
    "Private_Dirty:         0 kB\n"
    "Swap:                  0 kB\n"
    "SwapPss:               0 kB\n"
    "VmFlags: rd mr mw me dw sd\n"
    "5581a1a21000-5581a1a42000 rw-p 00000000 00:00 0 [heap]\n"
    "Pss:                 100 kB\n"
    "Pss_Dirty:           100 kB\n"
    "Pss_Anon:            100 kB\n"
    "Private_Clean:         0 kB\n"
    "Private_Dirty:       100 kB\n"
    "Swap:                 48 kB\n"
    "SwapPss:              48 kB\n"
    "VmFlags: rd wr mr mw me ac sd\n"
    /* A mapping whose name looks like a key. */
    "7f1c2a000000-7f1c2a400000 rw-s 00000000 00:01 2048 /memfd:Private_Dirty: 999 kB (deleted)\n"
    "Pss:                   0 kB\n"
    "Private_Clean:         0 kB\n"
    "Private_Dirty:         0 kB\n"
    "Private_Hugetlb:    2048 kB\n"
    "Swap:                  0 kB\n"
    "VmFlags: rd wr sh mr mw me ms ht sd\n"
    "7ffd4e5d7000-7ffd4e5f8000 rw-p 00000000 00:00 0 [stack]\n"
    "Pss:                  24 kB\n"
    "Private_Clean:         0 kB\n"
    "Private_Dirty:        24 kB\n"
    "Swap:                 16 kB\n"
    "SwapPss:               8 kB\n"
    "VmFlags: rd wr mr mw me gd ac";

  g_assert_true (ts_linux_parse_smaps (B (smaps), &uss, &pss, &swap));
  g_assert_cmpuint (pss, ==, KB (120 + 100 + 0 + 24));
  g_assert_cmpuint (uss, ==, KB (40 + 100 + 2048 + 24));
  g_assert_cmpuint (swap, ==, KB (48 + 16));
}

static void
test_smaps_bad (void)
{
  guint64 uss, pss, swap;

  g_assert_false (ts_linux_parse_smaps (B ("garbage\n"), &uss, &pss, &swap));
  g_assert_false (ts_linux_parse_smaps (B ("\0\xff garbage\nPss: lots kB\n"), &uss, &pss, &swap));
  /* Must not crash on cut lines. */
  ts_linux_parse_smaps (B ("Pss:"), &uss, &pss, &swap);
  ts_linux_parse_smaps (B ("Pss:      12"), &uss, &pss, &swap);
  ts_linux_parse_smaps (B ("Private_Dirty:  18446744073709551615 kB\n"
                           "Private_Dirty:  18446744073709551615 kB\n"), &uss, &pss, &swap);
}

/* -------------------------------------------------------------- cpu list */

static void
test_cpu_list (void)
{
  guint64 set[TS_CPU_SET_WORDS];

  g_assert_true (ts_linux_parse_cpu_list (B ("0-3,8,10-11"), set));
  g_assert_cmphex (set[0], ==, 0xd0f);
  g_assert_cmpuint (cpu_count (set), ==, 7);

  g_assert_true (ts_linux_parse_cpu_list (B ("0\n"), set));
  g_assert_cmphex (set[0], ==, 1);
  g_assert_cmpuint (cpu_count (set), ==, 1);

  g_assert_true (ts_linux_parse_cpu_list (B ("0-1023"), set));
  for (int i = 0; i < TS_CPU_SET_WORDS; i++)
    g_assert_cmphex (set[i], ==, G_MAXUINT64);

  g_assert_true (ts_linux_parse_cpu_list (B ("63-64,1023"), set));
  g_assert_cmphex (set[0], ==, G_GUINT64_CONSTANT (1) << 63);
  g_assert_cmphex (set[1], ==, 1);
  g_assert_cmphex (set[15], ==, G_GUINT64_CONSTANT (1) << 63);
  g_assert_cmpuint (cpu_count (set), ==, 3);

  /* A previous content of set does not leak through. */
  g_assert_true (ts_linux_parse_cpu_list (B ("5"), set));
  g_assert_cmpuint (cpu_count (set), ==, 1);
  g_assert_true (cpu_isset (set, 5));

  /* Stops at len. */
  g_assert_true (ts_linux_parse_cpu_list ("2,3", 1, set));
  g_assert_cmpuint (cpu_count (set), ==, 1);
  g_assert_true (cpu_isset (set, 2));
}

static void
test_cpu_list_bad (void)
{
  guint64 set[TS_CPU_SET_WORDS];

  g_assert_false (ts_linux_parse_cpu_list (B (""), set));
  g_assert_false (ts_linux_parse_cpu_list (NULL, 0, set));
  g_assert_false (ts_linux_parse_cpu_list (B ("garbage"), set));
  g_assert_false (ts_linux_parse_cpu_list (B ("0-"), set));
  g_assert_false (ts_linux_parse_cpu_list (B ("-3"), set));
  g_assert_false (ts_linux_parse_cpu_list (B ("3-1"), set));
  g_assert_false (ts_linux_parse_cpu_list (B ("1,,2"), set));
  g_assert_false (ts_linux_parse_cpu_list (B ("1,x"), set));
  g_assert_false (ts_linux_parse_cpu_list (B ("0\0001"), set));
}

static void
test_cpu_list_beyond_1024 (void)
{
  guint64 set[TS_CPU_SET_WORDS];

  /* CPUs past the set: kept what fits, the rest cannot be represented.
   * A machine with more than 1024 CPUs is real, so this is not garbage. */
  g_assert_true (ts_linux_parse_cpu_list (B ("1020-1030"), set));
  g_assert_cmpuint (cpu_count (set), ==, 4);
  g_assert_true (cpu_isset (set, 1020));
  g_assert_true (cpu_isset (set, 1023));

  g_assert_true (ts_linux_parse_cpu_list (B ("0,1024,4095"), set));
  g_assert_cmpuint (cpu_count (set), ==, 1);
  g_assert_true (cpu_isset (set, 0));

  /* Only CPUs past the set: a valid list that the set cannot hold. */
  g_assert_true (ts_linux_parse_cpu_list (B ("1024"), set));
  g_assert_cmpuint (cpu_count (set), ==, 0);
  g_assert_true (ts_linux_parse_cpu_list (B ("99999999999999999999999"), set));
  g_assert_cmpuint (cpu_count (set), ==, 0);

  /* A huge range must not loop for minutes. */
  g_assert_true (ts_linux_parse_cpu_list (B ("0-4294967295"), set));
  for (int i = 0; i < TS_CPU_SET_WORDS; i++)
    g_assert_cmphex (set[i], ==, G_MAXUINT64);
}

/* --------------------------------------------------------- count_entries */

static void
test_count_entries (void)
{
  g_assert_cmpuint (ts_linux_count_entries (B ("")), ==, 0);
  g_assert_cmpuint (ts_linux_count_entries (NULL, 0), ==, 0);
  g_assert_cmpuint (ts_linux_count_entries (B ("a\0")), ==, 1);
  g_assert_cmpuint (ts_linux_count_entries (B ("a")), ==, 1);
  g_assert_cmpuint (ts_linux_count_entries (B ("a\0b\0")), ==, 2);
  g_assert_cmpuint (ts_linux_count_entries (B ("a\0b")), ==, 2);
  g_assert_cmpuint (ts_linux_count_entries (B ("\0")), ==, 1);
  g_assert_cmpuint (ts_linux_count_entries (B ("a\0\0")), ==, 2);
  g_assert_cmpuint (ts_linux_count_entries (B ("python3\0-m\0http.server\0--bind\0" "127.0.0.1\0")), ==, 5);
  g_assert_cmpuint (ts_linux_count_entries (B ("nginx: worker process")), ==, 1);
}

/* ----------------------------------------------------------- tty drivers */

static const char tty_drivers[] =
  "/dev/tty             /dev/tty        5       0 system:/dev/tty\n"
  "/dev/console         /dev/console    5       1 system:console\n"
  "/dev/ptmx            /dev/ptmx       5       2 system\n"
  "/dev/vc/0            /dev/vc/0       4       0 system:vtmaster\n"
  "serial               /dev/ttyS       4 64-95 serial\n"
  "pty_slave            /dev/pts      136 0-1048575 pty:slave\n"
  "pty_master           /dev/ptm      128 0-1048575 pty:master\n"
  "unknown              /dev/tty        4 1-63 console\n";

/* The kernel's new_encode_dev(), as stat's tty_nr holds it. */
static guint64
tty_nr (guint major, guint minor)
{
  return (minor & 0xff) | (major << 8) | ((guint64) (minor & ~0xffu) << 12);
}

static void
test_tty_drivers (void)
{
  char out[64];

  g_assert_cmpuint (tty_nr (136, 3), ==, 34819);

  g_assert_true (ts_linux_parse_tty_drivers (B (tty_drivers), tty_nr (136, 3), out, sizeof out));
  g_assert_cmpstr (out, ==, "/dev/pts/3");
  g_assert_true (ts_linux_parse_tty_drivers (B (tty_drivers), tty_nr (136, 0), out, sizeof out));
  g_assert_cmpstr (out, ==, "/dev/pts/0");
  /* A minor past 255 is split across tty_nr. */
  g_assert_true (ts_linux_parse_tty_drivers (B (tty_drivers), tty_nr (136, 300), out, sizeof out));
  g_assert_cmpstr (out, ==, "/dev/pts/300");
  g_assert_true (ts_linux_parse_tty_drivers (B (tty_drivers), tty_nr (136, 1048575), out, sizeof out));
  g_assert_cmpstr (out, ==, "/dev/pts/1048575");

  /* A single-minor driver is the device itself. */
  g_assert_true (ts_linux_parse_tty_drivers (B (tty_drivers), tty_nr (5, 1), out, sizeof out));
  g_assert_cmpstr (out, ==, "/dev/console");
  g_assert_true (ts_linux_parse_tty_drivers (B (tty_drivers), tty_nr (5, 0), out, sizeof out));
  g_assert_cmpstr (out, ==, "/dev/tty");

  /* Virtual consoles: tty1 is (4, 1). */
  g_assert_true (ts_linux_parse_tty_drivers (B (tty_drivers), tty_nr (4, 1), out, sizeof out));
  g_assert_cmpstr (out, ==, "/dev/tty1");
  g_assert_true (ts_linux_parse_tty_drivers (B (tty_drivers), tty_nr (4, 63), out, sizeof out));
  g_assert_cmpstr (out, ==, "/dev/tty63");
}

static void
test_tty_drivers_serial (void)
{
  char out[64];

  /* ttyS0 is (4, 64): the number counts from the driver's first minor.
   * (Virtual consoles are the exception: the vt driver numbers from 1.) */
  g_assert_true (ts_linux_parse_tty_drivers (B (tty_drivers), tty_nr (4, 64), out, sizeof out));
  g_assert_cmpstr (out, ==, "/dev/ttyS0");
  g_assert_true (ts_linux_parse_tty_drivers (B (tty_drivers), tty_nr (4, 65), out, sizeof out));
  g_assert_cmpstr (out, ==, "/dev/ttyS1");
  /* devices.txt: (4, 64..255) are ttyS0..ttyS191, whatever range the
   * serial driver registered. */
  g_assert_true (ts_linux_parse_tty_drivers (B (tty_drivers), tty_nr (4, 255), out, sizeof out));
  g_assert_cmpstr (out, ==, "/dev/ttyS191");
}

static void
test_tty_drivers_bad (void)
{
  char out[64];
  char tiny[5];

  g_assert_false (ts_linux_parse_tty_drivers (B (tty_drivers), 0, out, sizeof out));
  g_assert_false (ts_linux_parse_tty_drivers (B (tty_drivers), tty_nr (200, 0), out, sizeof out));
  /* Devices outside the fixed rules need a drivers table that has them. */
  g_assert_false (ts_linux_parse_tty_drivers (B (""), tty_nr (5, 1), out, sizeof out));
  g_assert_false (ts_linux_parse_tty_drivers (NULL, 0, tty_nr (5, 1), out, sizeof out));
  g_assert_false (ts_linux_parse_tty_drivers (B ("garbage\n\0\xff\n"), tty_nr (5, 1), out, sizeof out));
  g_assert_false (ts_linux_parse_tty_drivers (B ("/dev/console /dev/console 5 x system:console\n"),
                                              tty_nr (5, 1), out, sizeof out));
  g_assert_false (ts_linux_parse_tty_drivers (B ("/dev/console /dev/console"), tty_nr (5, 1),
                                              out, sizeof out));
  /* "/dev/pts/3" does not fit in 5 bytes: no half name. */
  g_assert_false (ts_linux_parse_tty_drivers (B (tty_drivers), tty_nr (136, 3), tiny, sizeof tiny));
  /* A cut last line without newline still counts. */
  g_assert_true (ts_linux_parse_tty_drivers (B ("/dev/console /dev/console 5 1 system:console"),
                                             tty_nr (5, 1), out, sizeof out));
  g_assert_cmpstr (out, ==, "/dev/console");
  /* A driver of its own with a range: numbered from the range's start. */
  g_assert_true (ts_linux_parse_tty_drivers (B ("ttyUSB /dev/ttyUSB 188 0-511 serial\n"),
                                             tty_nr (188, 2), out, sizeof out));
  g_assert_cmpstr (out, ==, "/dev/ttyUSB2");

  /* ptys and virtual consoles follow fixed rules: no table needed. */
  g_assert_true (ts_linux_parse_tty_drivers (B (""), tty_nr (136, 3), out, sizeof out));
  g_assert_cmpstr (out, ==, "/dev/pts/3");
}

static void
test_fdinfo (void)
{
  static const char good[] = "pos:\t4096\nflags:\t02100002\nmnt_id:\t25\nino:\t77\n";
  static const char cut[] = "pos:\t12\nfla";
  static const char bad[] = "pos:\t-5\nflags:\t9\nflags:\n";
  int64_t pos;
  int32_t flags;

  g_assert_true (ts_linux_parse_fdinfo (good, strlen (good), &pos, &flags));
  g_assert_cmpint (pos, ==, 4096);
  g_assert_cmpint (flags, ==, 02100002);
  g_assert_true (ts_linux_parse_fdinfo (cut, strlen (cut), &pos, &flags));
  g_assert_cmpint (pos, ==, 12);
  g_assert_cmpint (flags, ==, -1);
  /* A negative position and a non-octal digit are refused. */
  g_assert_false (ts_linux_parse_fdinfo (bad, strlen (bad), &pos, &flags));
  g_assert_cmpint (pos, ==, -1);
  g_assert_cmpint (flags, ==, -1);
  g_assert_false (ts_linux_parse_fdinfo ("", 0, &pos, &flags));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/parse/stat/kthreadd", test_stat_kthreadd);
  g_test_add_func ("/parse/stat/full", test_stat_full);
  g_test_add_func ("/parse/stat/no-newline", test_stat_no_newline);
  g_test_add_func ("/parse/stat/not-terminated", test_stat_not_terminated);
  g_test_add_func ("/parse/stat/weird-comm", test_stat_weird_comm);
  g_test_add_func ("/parse/stat/comm-parens-only", test_stat_comm_parens_only);
  g_test_add_func ("/parse/stat/nul-in-comm", test_stat_nul_in_comm);
  g_test_add_func ("/parse/stat/overlong-comm", test_stat_overlong_comm);
  g_test_add_func ("/parse/stat/truncated", test_stat_truncated);
  g_test_add_func ("/parse/stat/garbage", test_stat_garbage);
  g_test_add_func ("/parse/stat/huge-and-negative", test_stat_huge_and_negative);
  g_test_add_func ("/parse/status/full", test_status_full);
  g_test_add_func ("/parse/status/few-lines", test_status_few_lines);
  g_test_add_func ("/parse/status/name-escapes", test_status_name_escapes);
  g_test_add_func ("/parse/status/garbage", test_status_garbage);
  g_test_add_func ("/parse/status/nul-and-cut", test_status_nul_and_cut);
  g_test_add_func ("/parse/statm/good", test_statm);
  g_test_add_func ("/parse/statm/bad", test_statm_bad);
  g_test_add_func ("/parse/io/good", test_io);
  g_test_add_func ("/parse/io/bad", test_io_bad);
  g_test_add_func ("/parse/smaps/rollup", test_smaps_rollup);
  g_test_add_func ("/parse/smaps/summed", test_smaps_summed);
  g_test_add_func ("/parse/smaps/bad", test_smaps_bad);
  g_test_add_func ("/parse/cpu-list/good", test_cpu_list);
  g_test_add_func ("/parse/cpu-list/bad", test_cpu_list_bad);
  g_test_add_func ("/parse/cpu-list/beyond-1024", test_cpu_list_beyond_1024);
  g_test_add_func ("/parse/count-entries", test_count_entries);
  g_test_add_func ("/parse/tty-drivers/good", test_tty_drivers);
  g_test_add_func ("/parse/tty-drivers/serial", test_tty_drivers_serial);
  g_test_add_func ("/parse/tty-drivers/bad", test_tty_drivers_bad);
  g_test_add_func ("/parse/fdinfo", test_fdinfo);

  return g_test_run ();
}
