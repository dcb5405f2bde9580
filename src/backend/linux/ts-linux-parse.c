/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ts-linux-parse.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A cursor over bytes that need not be NUL-terminated. */
typedef struct
{
  const char *p;
  const char *end;
} Cursor;

static void
skip_spaces (Cursor *c)
{
  while (c->p < c->end && (*c->p == ' ' || *c->p == '\t'))
    c->p++;
}

/* Parses an unsigned decimal, saturating rather than wrapping. */
static bool
read_u64 (Cursor *c, uint64_t *out)
{
  uint64_t v = 0;
  const char *start;

  skip_spaces (c);
  start = c->p;
  while (c->p < c->end && *c->p >= '0' && *c->p <= '9')
    {
      unsigned d = (unsigned) (*c->p - '0');

      if (v > (UINT64_MAX - d) / 10)
        v = UINT64_MAX;
      else
        v = v * 10 + d;
      c->p++;
    }
  if (c->p == start)
    return false;
  *out = v;
  return true;
}

static bool
read_i64 (Cursor *c, int64_t *out)
{
  bool neg = false;
  uint64_t v;

  skip_spaces (c);
  if (c->p < c->end && (*c->p == '-' || *c->p == '+'))
    {
      neg = *c->p == '-';
      c->p++;
    }
  if (!read_u64 (c, &v))
    return false;
  if (neg)
    *out = v > (uint64_t) INT64_MAX ? INT64_MIN : -(int64_t) v;
  else
    *out = v > (uint64_t) INT64_MAX ? INT64_MAX : (int64_t) v;
  return true;
}

/* Skips one space-separated token. */
static bool
skip_token (Cursor *c)
{
  const char *start;

  skip_spaces (c);
  start = c->p;
  while (c->p < c->end && *c->p != ' ' && *c->p != '\n' && *c->p != '\t')
    c->p++;
  return c->p > start;
}

bool
ts_linux_parse_stat (const char *buf, size_t len, TsLinuxStat *out)
{
  const char *open_paren, *close_paren = NULL;
  Cursor c;
  uint64_t u;
  int64_t i;

  memset (out, 0, sizeof *out);
  out->processor = -1;

  if (buf == NULL || len == 0)
    return false;

  /* comm can hold anything, ')' and spaces included: it runs from the first
   * '(' to the last ')'. */
  open_paren = memchr (buf, '(', len);
  if (open_paren == NULL)
    return false;
  for (const char *p = buf + len; p > open_paren; p--)
    if (p[-1] == ')')
      {
        close_paren = p - 1;
        break;
      }
  if (close_paren == NULL || close_paren == open_paren)
    return false;

  out->comm_len = (size_t) (close_paren - open_paren - 1);
  if (out->comm_len >= sizeof out->comm)
    out->comm_len = sizeof out->comm - 1;
  memcpy (out->comm, open_paren + 1, out->comm_len);
  out->comm[out->comm_len] = '\0';

  c.p = close_paren + 1;
  c.end = buf + len;

  /* Field 3: state */
  skip_spaces (&c);
  if (c.p >= c.end)
    return false;
  out->state = *c.p++;

  /* 4 ppid */
  if (!read_i64 (&c, &i))
    return false;
  out->ppid = (int32_t) i;
  /* 5 pgrp, 6 session */
  if (!skip_token (&c) || !skip_token (&c))
    return false;
  /* 7 tty_nr */
  if (!read_i64 (&c, &i))
    return false;
  out->tty_nr = (uint64_t) (uint32_t) i;
  /* 8 tpgid, 9 flags */
  if (!skip_token (&c) || !read_u64 (&c, &out->flags))
    return false;
  /* 10 minflt, 11 cminflt, 12 majflt, 13 cmajflt */
  for (int k = 0; k < 4; k++)
    if (!skip_token (&c))
      return false;
  /* 14 utime, 15 stime */
  if (!read_u64 (&c, &out->utime) || !read_u64 (&c, &out->stime))
    return false;
  /* 16 cutime, 17 cstime, 18 priority, 19 nice, 20 num_threads */
  if (!read_i64 (&c, &out->cutime) || !read_i64 (&c, &out->cstime)
      || !read_i64 (&c, &out->priority) || !read_i64 (&c, &out->nice)
      || !read_i64 (&c, &out->num_threads))
    return false;
  /* 21 itrealvalue */
  if (!skip_token (&c))
    return false;
  /* 22 starttime */
  if (!read_u64 (&c, &out->starttime))
    return false;

  /* What follows is optional: old kernels and truncated reads stop early. */
  /* 23 vsize .. 38 exit_signal: 16 fields, then 39 processor */
  for (int k = 23; k <= 38; k++)
    if (!skip_token (&c))
      return true;
  if (read_i64 (&c, &i))
    out->processor = (int32_t) i;
  else
    return true;
  /* 40 rt_priority, 41 policy, 42 delayacct_blkio_ticks */
  if (skip_token (&c) && skip_token (&c) && read_u64 (&c, &u))
    out->blkio_ticks = u;
  return true;
}

/* Finds the value after "Key:" on a line; keys are matched whole. */
static bool
line_key (const char *line, const char *end, const char *key, Cursor *value)
{
  size_t klen = strlen (key);

  if ((size_t) (end - line) <= klen || memcmp (line, key, klen) != 0 || line[klen] != ':')
    return false;
  value->p = line + klen + 1;
  value->end = end;
  return true;
}

static bool
read_kb (Cursor *c, uint64_t *bytes)
{
  uint64_t kb;

  if (!read_u64 (c, &kb))
    return false;
  *bytes = kb > UINT64_MAX / 1024 ? UINT64_MAX : kb * 1024;
  return true;
}

static bool
read_id_triple (Cursor *c, uint32_t out[3])
{
  for (int k = 0; k < 3; k++)
    {
      uint64_t v;

      if (!read_u64 (c, &v))
        return false;
      out[k] = (uint32_t) v;
    }
  return true;
}

static void
unescape_name (const char *p, const char *end, char *out, size_t out_len)
{
  size_t n = 0;

  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  while (p < end && n + 1 < out_len)
    {
      char ch = *p++;

      if (ch == '\\' && p < end)
        {
          char e = *p++;
          ch = e == 'n' ? '\n' : e;
        }
      out[n++] = ch;
    }
  out[n] = '\0';
}

bool
ts_linux_parse_status (const char *buf, size_t len, TsLinuxStatus *out)
{
  const char *p, *end;
  uint32_t rss_keys = 0;
  /* Both context switch lines, or neither: they end the file, and a cut
   * read that lost the last one must not report a false 0. */
  uint32_t ctxt_keys = 0;

  memset (out, 0, sizeof *out);
  if (buf == NULL)
    return false;

  p = buf;
  end = buf + len;
  while (p < end)
    {
      const char *nl = memchr (p, '\n', (size_t) (end - p));
      const char *line_end = nl != NULL ? nl : end;
      Cursor v;
      uint64_t n;
      int64_t s;

      switch (*p)
        {
        case 'N':
          if (line_key (p, line_end, "Name", &v))
            {
              unescape_name (v.p, v.end, out->name, sizeof out->name);
              out->have |= TS_LINUX_STATUS_HAVE_NAME;
            }
          break;
        case 'T':
          if (line_key (p, line_end, "Threads", &v) && read_i64 (&v, &s))
            {
              out->threads = s;
              out->have |= TS_LINUX_STATUS_HAVE_THREADS;
            }
          else if (line_key (p, line_end, "Tgid", &v) && read_i64 (&v, &s))
            {
              out->tgid = (int32_t) s;
              out->have |= TS_LINUX_STATUS_HAVE_TGID;
            }
          break;
        case 'U':
          if (line_key (p, line_end, "Uid", &v) && read_id_triple (&v, out->uids))
            out->have |= TS_LINUX_STATUS_HAVE_UIDS;
          break;
        case 'G':
          if (line_key (p, line_end, "Gid", &v) && read_id_triple (&v, out->gids))
            out->have |= TS_LINUX_STATUS_HAVE_GIDS;
          break;
        case 'R':
          if (line_key (p, line_end, "RssAnon", &v) && read_kb (&v, &out->rss_anon))
            rss_keys |= 1;
          else if (line_key (p, line_end, "RssFile", &v) && read_kb (&v, &out->rss_file))
            rss_keys |= 2;
          else if (line_key (p, line_end, "RssShmem", &v) && read_kb (&v, &out->rss_shmem))
            rss_keys |= 4;
          break;
        case 'V':
          if (line_key (p, line_end, "VmSwap", &v) && read_kb (&v, &out->vm_swap))
            out->have |= TS_LINUX_STATUS_HAVE_SWAP;
          break;
        case 'C':
          if (line_key (p, line_end, "Cpus_allowed_list", &v))
            {
              skip_spaces (&v);
              if (ts_linux_parse_cpu_list (v.p, (size_t) (v.end - v.p), out->cpus_allowed))
                out->have |= TS_LINUX_STATUS_HAVE_CPUS;
            }
          break;
        case 'v':
          if (line_key (p, line_end, "voluntary_ctxt_switches", &v) && read_u64 (&v, &n))
            {
              out->ctx_voluntary = n;
              ctxt_keys |= 1;
            }
          break;
        case 'n':
          if (line_key (p, line_end, "nonvoluntary_ctxt_switches", &v) && read_u64 (&v, &n))
            {
              out->ctx_involuntary = n;
              ctxt_keys |= 2;
            }
          break;
        default:
          break;
        }

      if (nl == NULL)
        break;
      p = nl + 1;
    }

  if (rss_keys == 7)
    out->have |= TS_LINUX_STATUS_HAVE_RSS;
  if (ctxt_keys == 3)
    out->have |= TS_LINUX_STATUS_HAVE_CTXT;
  return out->have != 0;
}

bool
ts_linux_parse_statm (const char *buf, size_t len, uint64_t pages[7])
{
  Cursor c;

  memset (pages, 0, 7 * sizeof pages[0]);
  if (buf == NULL)
    return false;
  c.p = buf;
  c.end = buf + len;
  for (int k = 0; k < 7; k++)
    if (!read_u64 (&c, &pages[k]))
      return false;
  return true;
}

bool
ts_linux_parse_io (const char *buf, size_t len, TsLinuxIo *out)
{
  static const char *keys[] = { "rchar", "wchar", "syscr", "syscw", "read_bytes", "write_bytes" };
  uint64_t *fields[] = { &out->rchar, &out->wchar, &out->syscr, &out->syscw,
                         &out->read_bytes, &out->write_bytes };
  unsigned found = 0;
  const char *p, *end;

  memset (out, 0, sizeof *out);
  if (buf == NULL)
    return false;

  p = buf;
  end = buf + len;
  while (p < end)
    {
      const char *nl = memchr (p, '\n', (size_t) (end - p));
      const char *line_end = nl != NULL ? nl : end;

      for (unsigned k = 0; k < 6; k++)
        {
          Cursor v;

          if (line_key (p, line_end, keys[k], &v) && read_u64 (&v, fields[k]))
            found |= 1u << k;
        }
      if (nl == NULL)
        break;
      p = nl + 1;
    }
  return found == 0x3f;
}

bool
ts_linux_parse_smaps (const char *buf, size_t len,
                      uint64_t *uss, uint64_t *pss, uint64_t *swap)
{
  const char *p, *end;
  bool seen_pss = false;

  *uss = *pss = *swap = 0;
  if (buf == NULL)
    return false;

  p = buf;
  end = buf + len;
  while (p < end)
    {
      const char *nl = memchr (p, '\n', (size_t) (end - p));
      const char *line_end = nl != NULL ? nl : end;
      Cursor v;
      uint64_t b;

      /* Only lines that start with a capital and hold "Key:" count;
       * mapping header lines start with a hex address. */
      switch (*p)
        {
        case 'P':
          if (line_key (p, line_end, "Pss", &v) && read_kb (&v, &b))
            {
              *pss += b;
              seen_pss = true;
            }
          else if ((line_key (p, line_end, "Private_Clean", &v)
                    || line_key (p, line_end, "Private_Dirty", &v)
                    || line_key (p, line_end, "Private_Hugetlb", &v))
                   && read_kb (&v, &b))
            *uss += b;
          break;
        case 'S':
          if (line_key (p, line_end, "Swap", &v) && read_kb (&v, &b))
            *swap += b;
          break;
        default:
          break;
        }

      if (nl == NULL)
        break;
      p = nl + 1;
    }
  return seen_pss;
}

bool
ts_linux_parse_cpu_list (const char *buf, size_t len, uint64_t set[TS_CPU_SET_WORDS])
{
  Cursor c;
  bool any = false;

  memset (set, 0, TS_CPU_SET_WORDS * sizeof set[0]);
  if (buf == NULL)
    return false;
  c.p = buf;
  c.end = buf + len;

  for (;;)
    {
      uint64_t lo, hi;

      skip_spaces (&c);
      if (c.p >= c.end || *c.p == '\n')
        break;
      if (!read_u64 (&c, &lo))
        return false;
      hi = lo;
      if (c.p < c.end && *c.p == '-')
        {
          c.p++;
          if (!read_u64 (&c, &hi) || hi < lo)
            return false;
        }
      /* CPUs past the set's size are dropped, not an error. */
      for (uint64_t cpu = lo; cpu <= hi && cpu < TS_CPU_SET_WORDS * 64; cpu++)
        set[cpu / 64] |= UINT64_C (1) << (cpu % 64);
      any = true;
      if (c.p < c.end && *c.p == ',')
        {
          c.p++;
          continue;
        }
      skip_spaces (&c);
      if (c.p < c.end && *c.p != '\n')
        return false;
      break;
    }
  return any;
}

size_t
ts_linux_count_entries (const char *buf, size_t len)
{
  size_t n = 0;

  if (buf == NULL)
    return 0;
  for (size_t i = 0; i < len; i++)
    if (buf[i] == '\0')
      n++;
  if (len > 0 && buf[len - 1] != '\0')
    n++;
  return n;
}

bool
ts_linux_parse_tty_drivers (const char *buf, size_t len, uint64_t tty_nr,
                            char *out, size_t out_len)
{
  /* tty_nr is new_encode_dev(): major in bits 8-19, minor in bits 0-7 and 20-31. */
  uint64_t major = (tty_nr >> 8) & 0xfff;
  uint64_t minor = (tty_nr & 0xff) | ((tty_nr >> 12) & 0xfff00);
  const char *p, *end;
  int n = -1;

  if (out_len == 0 || tty_nr == 0)
    return false;

  /* The kernel names these devices by rules the drivers file does not spell
   * out (the virtual consoles start at 1, ptys live in a directory). */
  if (major >= 136 && major <= 143)
    n = snprintf (out, out_len, "/dev/pts/%llu", (unsigned long long) ((major - 136) * 256 + minor));
  else if (major == 4 && minor < 64)
    n = snprintf (out, out_len, "/dev/tty%llu", (unsigned long long) minor);
  else if (major == 4)
    n = snprintf (out, out_len, "/dev/ttyS%llu", (unsigned long long) (minor - 64));
  if (n >= 0)
    return (size_t) n < out_len;

  if (buf == NULL)
    return false;
  p = buf;
  end = buf + len;

  /* Lines: "driver-name  /dev/prefix  major  minor-range  type" */
  while (p < end)
    {
      const char *nl = memchr (p, '\n', (size_t) (end - p));
      const char *line_end = nl != NULL ? nl : end;
      Cursor c = { p, line_end };
      const char *dev_start;
      size_t dev_len;
      uint64_t maj, lo, hi;

      if (!skip_token (&c))
        goto next;
      skip_spaces (&c);
      dev_start = c.p;
      if (!skip_token (&c))
        goto next;
      dev_len = (size_t) (c.p - dev_start);
      if (!read_u64 (&c, &maj) || !read_u64 (&c, &lo))
        goto next;
      hi = lo;
      if (c.p < c.end && *c.p == '-')
        {
          c.p++;
          if (!read_u64 (&c, &hi))
            hi = lo;
        }
      if (maj == major && minor >= lo && minor <= hi)
        {
          /* A one-device driver (/dev/console) is its own name; a range
           * numbers its devices from the start of the range. */
          if (lo == hi)
            n = snprintf (out, out_len, "%.*s", (int) dev_len, dev_start);
          else
            n = snprintf (out, out_len, "%.*s%llu", (int) dev_len, dev_start,
                          (unsigned long long) (minor - lo));
          return n > 0 && (size_t) n < out_len;
        }
    next:
      if (nl == NULL)
        break;
      p = nl + 1;
    }
  return false;
}

bool
ts_linux_parse_fdinfo (const char *buf,
                       size_t      len,
                       int64_t    *pos,
                       int32_t    *flags)
{
  const char *p = buf, *end = buf + len;

  *pos = -1;
  *flags = -1;
  while (p < end)
    {
      const char *eol = memchr (p, '\n', (size_t) (end - p));
      const char *line_end = eol != NULL ? eol : end;
      char num[32];
      size_t n;
      const char *v;
      bool is_pos = (size_t) (line_end - p) > 4 && memcmp (p, "pos:", 4) == 0;
      bool is_flags = (size_t) (line_end - p) > 6 && memcmp (p, "flags:", 6) == 0;

      if (is_pos || is_flags)
        {
          v = p + (is_pos ? 4 : 6);
          while (v < line_end && (*v == ' ' || *v == '\t'))
            v++;
          n = (size_t) (line_end - v);
          if (n > 0 && n < sizeof num)
            {
              char *tail;

              memcpy (num, v, n);
              num[n] = '\0';
              errno = 0;
              if (is_pos)
                {
                  long long x = strtoll (num, &tail, 10);
                  if (errno == 0 && *tail == '\0' && x >= 0)
                    *pos = (int64_t) x;
                }
              else
                {
                  unsigned long x = strtoul (num, &tail, 8);
                  if (errno == 0 && *tail == '\0' && num[0] != '-' && x <= 0x7fffffffUL)
                    *flags = (int32_t) x;
                }
            }
        }
      p = line_end + 1;
    }
  return *pos >= 0 || *flags >= 0;
}
