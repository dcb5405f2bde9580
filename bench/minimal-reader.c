/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * minimal-reader: the naive baseline for the process-reader benchmark.
 *
 * For every numeric directory in /proc: open/read/close stat, status, statm,
 * cmdline, io and smaps_rollup, readlink exe and cwd, pull out the numbers a
 * process list shows, and print one JSON object per process.  No caching, no
 * kept descriptors, no dirfd tricks: a path is formatted and opened for each
 * file, every pass.  This is the cost a careful reader has to beat.
 *
 *   minimal-reader [--set cli|full|fast] [--usernames] > out.json
 *
 * --set cli  (default) stat, status, statm, cmdline, smaps_rollup: the files
 *            `taskscope-cli processes --json --memory-full` reads
 * --set full the same plus io and the exe/cwd readlinks
 * --set fast stat, status, statm, cmdline (the app's fast tick)
 * --usernames  also getpwuid_r() every process's uid, with no cache, the way
 *              the CLI and psutil fill "username"
 *
 * bench-repeat.c includes this file with MINIMAL_READER_NO_MAIN defined to run
 * the same loop many times in one process.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct
{
  int                pid, ppid;
  char               state;
  char               name[64];
  unsigned long long utime, stime, cutime, cstime, starttime;
  long               nice, num_threads;
  int                processor;
  unsigned long long tty_nr;
  unsigned           uids[3], gids[3];
  unsigned long long ctx_vol, ctx_invol;
  unsigned long long rss_anon, rss_file, rss_shmem, vm_swap; /* kB */
  unsigned long long statm[7];                               /* pages */
  int                have_status, have_statm, have_io, have_smaps, have_links;
  unsigned long long rchar, wchar, syscr, syscw, read_bytes, write_bytes;
  unsigned long long smaps_rss, pss, private_clean, private_dirty, private_hugetlb, swap; /* kB */
  char               cmdline[16384];
  size_t             cmdline_len;
  char               exe[4096];
  char               cwd[4096];
  char               user[64];
} MiniProc;

/* open/read/close into buf (NUL-terminated); the length, or -1. */
static ssize_t
mini_slurp (const char *path, char *buf, size_t size)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return -1;
  ssize_t n;
  /* One read: procfs hands over the whole file when the buffer is big
   * enough; anything longer than the buffer is cut, as a naive reader would. */
  while ((n = read (fd, buf, size - 1)) < 0 && errno == EINTR)
    ;
  if (n < 0)
    {
      close (fd);
      return -1;
    }
  size_t off = (size_t) n;
  close (fd);
  buf[off] = '\0';
  return (ssize_t) off;
}

static unsigned long long
mini_status_field (const char *buf, const char *key)
{
  const char *p = strstr (buf, key);
  if (!p)
    return 0;
  return strtoull (p + strlen (key), NULL, 10);
}

/* Reads one process; 0 on success, -1 when stat could not be read (gone). */
enum
{
  MINI_LINKS = 1 << 0, /* readlink exe and cwd */
  MINI_IO    = 1 << 1, /* io */
  MINI_SMAPS = 1 << 2, /* smaps_rollup */
  MINI_USERS = 1 << 3, /* getpwuid_r for every process, no cache */
};

/* The file sets: what `taskscope-cli processes --json --memory-full` reads,
 * everything, and the app's fast tick (no smaps_rollup). */
#define MINI_SET_CLI  (MINI_SMAPS)
#define MINI_SET_FULL (MINI_SMAPS | MINI_IO | MINI_LINKS)
#define MINI_SET_FAST 0

static int
mini_read_proc (int pid, MiniProc *p, int flags)
{
  char path[64];
  char buf[8192];
  ssize_t n;

  memset (p, 0, offsetof (MiniProc, cmdline));
  p->cmdline_len = 0;
  p->exe[0] = p->cwd[0] = p->user[0] = '\0';
  p->pid = pid;

  snprintf (path, sizeof path, "/proc/%d/stat", pid);
  if ((n = mini_slurp (path, buf, sizeof buf)) <= 0)
    return -1;
  char *open_paren = strchr (buf, '(');
  char *close_paren = strrchr (buf, ')');
  if (!open_paren || !close_paren || close_paren < open_paren)
    return -1;
  size_t name_len = (size_t) (close_paren - open_paren - 1);
  if (name_len >= sizeof p->name)
    name_len = sizeof p->name - 1;
  memcpy (p->name, open_paren + 1, name_len);
  p->name[name_len] = '\0';
  long priority;
  sscanf (close_paren + 2,
          "%c %d %*d %*d %llu %*d %*u %*u %*u %*u %*u %llu %llu %llu %llu %ld %ld %ld %*d %llu"
          " %*u %*d %*u %*u %*u %*u %*u %*u %*u %*u %*u %*u %*u %*u %*u %*d %d",
          &p->state, &p->ppid, &p->tty_nr, &p->utime, &p->stime, &p->cutime, &p->cstime,
          &priority, &p->nice, &p->num_threads, &p->starttime, &p->processor);

  snprintf (path, sizeof path, "/proc/%d/status", pid);
  if (mini_slurp (path, buf, sizeof buf) > 0)
    {
      const char *u = strstr (buf, "\nUid:");
      const char *g = strstr (buf, "\nGid:");
      if (u)
        sscanf (u + 5, "%u %u %u", &p->uids[0], &p->uids[1], &p->uids[2]);
      if (g)
        sscanf (g + 5, "%u %u %u", &p->gids[0], &p->gids[1], &p->gids[2]);
      p->rss_anon = mini_status_field (buf, "\nRssAnon:");
      p->rss_file = mini_status_field (buf, "\nRssFile:");
      p->rss_shmem = mini_status_field (buf, "\nRssShmem:");
      p->vm_swap = mini_status_field (buf, "\nVmSwap:");
      p->ctx_vol = mini_status_field (buf, "\nvoluntary_ctxt_switches:");
      p->ctx_invol = mini_status_field (buf, "\nnonvoluntary_ctxt_switches:");
      p->have_status = 1;
    }

  snprintf (path, sizeof path, "/proc/%d/statm", pid);
  if (mini_slurp (path, buf, sizeof buf) > 0)
    p->have_statm = sscanf (buf, "%llu %llu %llu %llu %llu %llu %llu",
                            &p->statm[0], &p->statm[1], &p->statm[2], &p->statm[3],
                            &p->statm[4], &p->statm[5], &p->statm[6]) == 7;

  snprintf (path, sizeof path, "/proc/%d/cmdline", pid);
  n = mini_slurp (path, p->cmdline, sizeof p->cmdline);
  p->cmdline_len = n > 0 ? (size_t) n : 0;

  snprintf (path, sizeof path, "/proc/%d/io", pid);
  if ((flags & MINI_IO) && mini_slurp (path, buf, sizeof buf) > 0)
    p->have_io = sscanf (buf, "rchar: %llu wchar: %llu syscr: %llu syscw: %llu"
                         " read_bytes: %llu write_bytes: %llu",
                         &p->rchar, &p->wchar, &p->syscr, &p->syscw,
                         &p->read_bytes, &p->write_bytes) == 6;

  snprintf (path, sizeof path, "/proc/%d/smaps_rollup", pid);
  if ((flags & MINI_SMAPS) && mini_slurp (path, buf, sizeof buf) > 0)
    {
      /* Line by line, the keys a psutil-style memory_full_info needs. */
      for (char *line = strchr (buf, '\n'); line && line[1]; line = strchr (line + 1, '\n'))
        {
          char *l = line + 1;
          if (!strncmp (l, "Rss:", 4))
            p->smaps_rss = strtoull (l + 4, NULL, 10);
          else if (!strncmp (l, "Pss:", 4))
            p->pss = strtoull (l + 4, NULL, 10);
          else if (!strncmp (l, "Private_Clean:", 14))
            p->private_clean = strtoull (l + 14, NULL, 10);
          else if (!strncmp (l, "Private_Dirty:", 14))
            p->private_dirty = strtoull (l + 14, NULL, 10);
          else if (!strncmp (l, "Private_Hugetlb:", 16))
            p->private_hugetlb = strtoull (l + 16, NULL, 10);
          else if (!strncmp (l, "Swap:", 5))
            p->swap = strtoull (l + 5, NULL, 10);
        }
      p->have_smaps = 1;
    }

  if ((flags & MINI_USERS) && p->have_status)
    {
      struct passwd pw, *res = NULL;
      char scratch[4096];
      if (getpwuid_r (p->uids[0], &pw, scratch, sizeof scratch, &res) == 0 && res)
        snprintf (p->user, sizeof p->user, "%s", res->pw_name);
      else
        snprintf (p->user, sizeof p->user, "%u", p->uids[0]);
    }

  if (flags & MINI_LINKS)
    {
      p->have_links = 1;
      snprintf (path, sizeof path, "/proc/%d/exe", pid);
      n = readlink (path, p->exe, sizeof p->exe - 1);
      p->exe[n > 0 ? n : 0] = '\0';
      snprintf (path, sizeof path, "/proc/%d/cwd", pid);
      n = readlink (path, p->cwd, sizeof p->cwd - 1);
      p->cwd[n > 0 ? n : 0] = '\0';
    }
  return 0;
}

static void
mini_put_string (FILE *out, const char *s, size_t len)
{
  fputc ('"', out);
  for (size_t i = 0; i < len; i++)
    {
      unsigned char c = (unsigned char) s[i];
      if (c == '"' || c == '\\')
        {
          fputc ('\\', out);
          fputc (c, out);
        }
      else if (c < 0x20)
        fprintf (out, "\\u%04x", c);
      else
        fputc (c, out);
    }
  fputc ('"', out);
}

static void
mini_print_json (FILE *out, const MiniProc *p, long ticks, double boot_time, long page, int first)
{
  fprintf (out, "%s\n{\"pid\":%d,\"ppid\":%d,\"name\":", first ? "" : ",", p->pid, p->ppid);
  mini_put_string (out, p->name, strlen (p->name));
  fprintf (out, ",\"status\":\"%c\",\"terminal\":%llu,\"create_time\":%.2f,"
           "\"cpu_times\":{\"user\":%.2f,\"system\":%.2f,\"children_user\":%.2f,\"children_system\":%.2f},"
           "\"nice\":%ld,\"num_threads\":%ld,\"cpu_num\":%d,",
           p->state, p->tty_nr, boot_time + (double) p->starttime / (double) ticks,
           (double) p->utime / (double) ticks, (double) p->stime / (double) ticks,
           (double) p->cutime / (double) ticks, (double) p->cstime / (double) ticks,
           p->nice, p->num_threads, p->processor);
  if (p->user[0])
    {
      fputs ("\"username\":", out);
      mini_put_string (out, p->user, strlen (p->user));
      fputc (',', out);
    }
  if (p->have_status)
    fprintf (out, "\"uids\":[%u,%u,%u],\"gids\":[%u,%u,%u],"
             "\"num_ctx_switches\":{\"voluntary\":%llu,\"involuntary\":%llu},",
             p->uids[0], p->uids[1], p->uids[2], p->gids[0], p->gids[1], p->gids[2],
             p->ctx_vol, p->ctx_invol);
  if (p->have_statm)
    fprintf (out, "\"memory_info\":{\"rss\":%llu,\"vms\":%llu,\"shared\":%llu,\"text\":%llu,"
             "\"lib\":%llu,\"data\":%llu,\"dirty\":%llu},",
             p->statm[1] * page, p->statm[0] * page, p->statm[2] * page, p->statm[3] * page,
             p->statm[4] * page, p->statm[5] * page, p->statm[6] * page);
  if (p->have_smaps)
    fprintf (out, "\"memory_full_info\":{\"uss\":%llu,\"pss\":%llu,\"swap\":%llu},",
             (p->private_clean + p->private_dirty + p->private_hugetlb) * 1024,
             p->pss * 1024, p->swap * 1024);
  if (p->have_io)
    fprintf (out, "\"io_counters\":{\"read_count\":%llu,\"write_count\":%llu,\"read_bytes\":%llu,"
             "\"write_bytes\":%llu,\"read_chars\":%llu,\"write_chars\":%llu},",
             p->syscr, p->syscw, p->read_bytes, p->write_bytes, p->rchar, p->wchar);
  if (p->have_links)
    {
      fputs ("\"exe\":", out);
      mini_put_string (out, p->exe, strlen (p->exe));
      fputs (",\"cwd\":", out);
      mini_put_string (out, p->cwd, strlen (p->cwd));
      fputc (',', out);
    }
  fputs ("\"cmdline\":[", out);
  size_t start = 0;
  int first_arg = 1;
  size_t len = p->cmdline_len;
  while (len > 0 && p->cmdline[len - 1] == '\0')
    len--;
  for (size_t i = 0; i <= len && len > 0; i++)
    if (i == len || p->cmdline[i] == '\0')
      {
        if (!first_arg)
          fputc (',', out);
        mini_put_string (out, p->cmdline + start, i - start);
        first_arg = 0;
        start = i + 1;
      }
  fputs ("]}", out);
}

static int
mini_is_pid (const char *s)
{
  if (!*s)
    return 0;
  for (; *s; s++)
    if (!isdigit ((unsigned char) *s))
      return 0;
  return 1;
}

static double
mini_boot_time (void)
{
  static char buf[65536];
  if (mini_slurp ("/proc/stat", buf, sizeof buf) <= 0)
    return 0;
  return (double) mini_status_field (buf, "\nbtime ");
}

/* One pass over /proc.  With out, prints a JSON array; either way folds the
 * numbers into *checksum so the compiler cannot drop the work.  Returns the
 * number of processes read. */
static long
mini_pass (FILE *out, int flags, unsigned long long *checksum)
{
  static MiniProc proc;
  static long ticks, page;
  static double boot_time;
  if (!ticks)
    {
      ticks = sysconf (_SC_CLK_TCK);
      page = sysconf (_SC_PAGESIZE);
      boot_time = mini_boot_time ();
    }

  DIR *dir = opendir ("/proc");
  if (!dir)
    return -1;
  long count = 0;
  if (out)
    fputc ('[', out);
  struct dirent *de;
  while ((de = readdir (dir)))
    {
      if (!mini_is_pid (de->d_name))
        continue;
      if (mini_read_proc (atoi (de->d_name), &proc, flags) < 0)
        continue;
      if (out)
        mini_print_json (out, &proc, ticks, boot_time, page, count == 0);
      *checksum += (unsigned long long) proc.ppid + proc.utime + proc.statm[1] + proc.pss
                   + proc.private_dirty + proc.rchar + proc.rss_anon + proc.cmdline_len
                   + (unsigned char) proc.name[0] + (unsigned char) proc.exe[0];
      count++;
    }
  closedir (dir);
  if (out)
    fputs ("\n]\n", out);
  return count;
}

#ifndef MINIMAL_READER_NO_MAIN
int
main (int argc, char **argv)
{
  int flags = MINI_SET_CLI;
  for (int i = 1; i < argc; i++)
    {
      if (!strcmp (argv[i], "--set") && i + 1 < argc && !strcmp (argv[i + 1], "cli"))
        flags = (flags & MINI_USERS) | MINI_SET_CLI, i++;
      else if (!strcmp (argv[i], "--set") && i + 1 < argc && !strcmp (argv[i + 1], "full"))
        flags = (flags & MINI_USERS) | MINI_SET_FULL, i++;
      else if (!strcmp (argv[i], "--set") && i + 1 < argc && !strcmp (argv[i + 1], "fast"))
        flags = (flags & MINI_USERS) | MINI_SET_FAST, i++;
      else if (!strcmp (argv[i], "--usernames"))
        flags |= MINI_USERS;
      else
        {
          fprintf (stderr, "usage: %s [--set cli|full|fast] [--usernames]\n", argv[0]);
          return 2;
        }
    }
  static char outbuf[1 << 16];
  setvbuf (stdout, outbuf, _IOFBF, sizeof outbuf);
  unsigned long long checksum = 0;
  long n = mini_pass (stdout, flags, &checksum);
  if (n < 0)
    {
      perror ("minimal-reader: /proc");
      return 1;
    }
  fprintf (stderr, "minimal-reader: %ld processes\n", n);
  return 0;
}
#endif
