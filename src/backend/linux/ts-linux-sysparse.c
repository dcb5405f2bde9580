/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Parsers for system-wide /proc files.  Every access goes through a
 * (pointer, length) pair, so a buffer cut anywhere, or full of NULs, is
 * read no further than its end.  Numbers are parsed by hand: strtoull and
 * strtod need a NUL-terminated string, and strtod follows LC_NUMERIC,
 * while the kernel always writes '.'.
 */
#include "config.h"

#include "ts-linux-sysparse.h"

#include <string.h>

/* ---------------------------------------------------------------- helpers */

typedef struct
{
  const char *p;
  size_t      n;
} Span;

static bool
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* Cuts the next line (without its '\n') off *rest; false at the end. */
static bool
next_line (Span *rest, Span *line)
{
  const char *nl;

  if (rest->n == 0)
    return false;
  nl = memchr (rest->p, '\n', rest->n);
  line->p = rest->p;
  if (nl == NULL)
    {
      line->n = rest->n;
      rest->p += rest->n;
      rest->n = 0;
    }
  else
    {
      line->n = (size_t) (nl - rest->p);
      rest->p = nl + 1;
      rest->n -= line->n + 1;
    }
  return true;
}

/* Cuts the next blank-separated token off *rest; false when none is left. */
static bool
next_token (Span *rest, Span *tok)
{
  size_t i = 0;

  while (i < rest->n && is_blank (rest->p[i]))
    i++;
  if (i == rest->n)
    {
      rest->p += rest->n;
      rest->n = 0;
      return false;
    }
  tok->p = rest->p + i;
  while (i < rest->n && !is_blank (rest->p[i]))
    i++;
  tok->n = (size_t) (rest->p + i - tok->p);
  rest->p += i;
  rest->n -= i;
  return true;
}

static Span
trim (Span s)
{
  while (s.n > 0 && is_blank (s.p[0]))
    {
      s.p++;
      s.n--;
    }
  while (s.n > 0 && is_blank (s.p[s.n - 1]))
    s.n--;
  return s;
}

static bool
span_eq (Span s, const char *lit)
{
  size_t n = strlen (lit);

  return s.n == n && memcmp (s.p, lit, n) == 0;
}

static bool
span_eq_ascii_nocase (Span s, const char *lit)
{
  size_t n = strlen (lit);

  if (s.n != n)
    return false;
  for (size_t i = 0; i < n; i++)
    {
      char a = s.p[i], b = lit[i];

      if (a >= 'A' && a <= 'Z')
        a = (char) (a - 'A' + 'a');
      if (b >= 'A' && b <= 'Z')
        b = (char) (b - 'A' + 'a');
      if (a != b)
        return false;
    }
  return true;
}

static bool
is_line_blank (Span line)
{
  return trim (line).n == 0;
}

/* Decimal digits only; saturates at UINT64_MAX rather than wrapping. */
static bool
parse_u64 (Span s, uint64_t *out)
{
  uint64_t v = 0;

  if (s.n == 0)
    return false;
  for (size_t i = 0; i < s.n; i++)
    {
      unsigned d;

      if (s.p[i] < '0' || s.p[i] > '9')
        return false;
      d = (unsigned) (s.p[i] - '0');
      if (v > (UINT64_MAX - d) / 10)
        v = UINT64_MAX;
      else
        v = v * 10 + d;
    }
  *out = v;
  return true;
}

static bool
parse_u32 (Span s, uint32_t *out)
{
  uint64_t v;

  if (!parse_u64 (s, &v) || v > UINT32_MAX)
    return false;
  *out = (uint32_t) v;
  return true;
}

static bool
parse_i32_nonneg (Span s, int32_t *out)
{
  uint64_t v;

  if (!parse_u64 (s, &v) || v > INT32_MAX)
    return false;
  *out = (int32_t) v;
  return true;
}

static uint64_t
mul_sat (uint64_t a, uint64_t b)
{
  if (a != 0 && b > UINT64_MAX / a)
    return UINT64_MAX;
  return a * b;
}

static uint64_t
add_sat (uint64_t a, uint64_t b)
{
  return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

/* "123", "123.", "123.456", ".5": the kernel's fixed-point output.  With up to
 * 15 significant digits the result equals strtod's: one division of two
 * exactly representable numbers rounds correctly. */
static bool
parse_decimal (Span s, double *out)
{
  static const double pow10[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  };
  uint64_t mant = 0;
  int exp10 = 0;
  size_t digits = 0;
  bool dot = false;
  double v;

  for (size_t i = 0; i < s.n; i++)
    {
      char c = s.p[i];

      if (c == '.' && !dot)
        {
          dot = true;
          continue;
        }
      if (c < '0' || c > '9')
        return false;
      digits++;
      if (mant <= (UINT64_MAX - 9) / 10)
        {
          mant = mant * 10 + (uint64_t) (c - '0');
          if (dot)
            exp10--;
        }
      else if (!dot && exp10 < 1000)
        exp10++;     /* an integer part too long to keep: drop its digits' precision, not its scale */
    }
  if (digits == 0)
    return false;

  v = (double) mant;
  if (exp10 < 0)
    {
      int e = -exp10;

      while (e > 22)
        {
          v /= 1e22;
          e -= 22;
        }
      v /= pow10[e];
    }
  else
    {
      int e = exp10;

      while (e > 22)
        {
          v *= 1e22;
          e -= 22;
        }
      v *= pow10[e];
    }
  *out = v;
  return true;
}

/* Copies a name into a fixed field; false if it is empty or does not fit. */
static bool
copy_name (char *dst, size_t dst_len, Span name)
{
  if (name.n == 0 || name.n >= dst_len)
    return false;
  memcpy (dst, name.p, name.n);
  dst[name.n] = '\0';
  return true;
}

size_t
ts_linux_count_lines (const char *buf, size_t len)
{
  size_t n = 0;

  if (buf == NULL)
    return 0;
  for (size_t i = 0; i < len; i++)
    if (buf[i] == '\n')
      n++;
  if (len > 0 && buf[len - 1] != '\n')
    n++;
  return n;
}

/* ------------------------------------------------------------- /proc/stat */

/* "cpu" -> -1, "cpuN" -> N, anything else -> -2. */
static int64_t
cpu_label (Span tok)
{
  uint64_t v;

  if (tok.n < 3 || memcmp (tok.p, "cpu", 3) != 0)
    return -2;
  if (tok.n == 3)
    return -1;
  tok.p += 3;
  tok.n -= 3;
  if (!parse_u64 (tok, &v) || v > INT32_MAX)
    return -2;
  return (int64_t) v;
}

static bool
parse_cpu_fields (Span rest, int32_t cpu, TsLinuxCpuTicks *out)
{
  Span tok;
  uint32_t n = 0;

  memset (out, 0, sizeof *out);
  out->cpu = cpu;
  while (n < TS_LINUX_CPU_FIELDS && next_token (&rest, &tok))
    {
      if (!parse_u64 (tok, &out->ticks[n]))
        return false;
      n++;
    }
  out->n_fields = n;
  /* user nice system idle have been there since 2.4. */
  return n >= 4;
}

bool
ts_linux_parse_proc_stat (const char      *buf,
                          size_t           len,
                          TsLinuxProcStat *out,
                          TsLinuxCpuTicks *per_cpu,
                          size_t           max_cpu)
{
  Span rest = { buf, buf != NULL ? len : 0 };
  Span line;
  bool have_total = false;
  bool bad = false;

  memset (out, 0, sizeof *out);
  out->total.cpu = -1;

  while (next_line (&rest, &line))
    {
      Span tok;
      int64_t label;

      if (!next_token (&line, &tok))
        continue;

      if (span_eq (tok, "btime"))
        {
          Span val;

          if (!out->have_btime && next_token (&line, &val) && parse_u64 (val, &out->btime))
            out->have_btime = true;
          continue;
        }

      label = cpu_label (tok);
      if (label == -2)
        continue;
      if (label == -1)
        {
          if (have_total)
            continue;
          if (parse_cpu_fields (line, -1, &out->total))
            have_total = true;
          else
            bad = true;
        }
      else
        {
          TsLinuxCpuTicks scratch;
          TsLinuxCpuTicks *dst = out->n_cpu < max_cpu && per_cpu != NULL
                                 ? &per_cpu[out->n_cpu] : &scratch;

          /* Keep going after a bad line: btime may still be readable. */
          if (parse_cpu_fields (line, (int32_t) label, dst))
            out->n_cpu++;
          else
            bad = true;
        }
    }

  return have_total && !bad;
}

/* ---------------------------------------------------------- /proc/meminfo */

static const char *const meminfo_keys[TS_LINUX_MEM_N_KEYS] = {
  [TS_LINUX_MEM_TOTAL] = "MemTotal",
  [TS_LINUX_MEM_FREE] = "MemFree",
  [TS_LINUX_MEM_AVAILABLE] = "MemAvailable",
  [TS_LINUX_MEM_BUFFERS] = "Buffers",
  [TS_LINUX_MEM_CACHED] = "Cached",
  [TS_LINUX_MEM_SRECLAIMABLE] = "SReclaimable",
  [TS_LINUX_MEM_SHMEM] = "Shmem",
  [TS_LINUX_MEM_MEMSHARED] = "MemShared",
  [TS_LINUX_MEM_ACTIVE] = "Active",
  [TS_LINUX_MEM_INACTIVE] = "Inactive",
  [TS_LINUX_MEM_INACT_DIRTY] = "Inact_dirty",
  [TS_LINUX_MEM_INACT_CLEAN] = "Inact_clean",
  [TS_LINUX_MEM_INACT_LAUNDRY] = "Inact_laundry",
  [TS_LINUX_MEM_SLAB] = "Slab",
  [TS_LINUX_MEM_ACTIVE_FILE] = "Active(file)",
  [TS_LINUX_MEM_INACTIVE_FILE] = "Inactive(file)",
  [TS_LINUX_MEM_SWAP_TOTAL] = "SwapTotal",
  [TS_LINUX_MEM_SWAP_FREE] = "SwapFree",
};

bool
ts_linux_parse_meminfo (const char *buf, size_t len, TsLinuxMeminfo *out)
{
  Span rest = { buf, buf != NULL ? len : 0 };
  Span line;

  memset (out, 0, sizeof *out);

  while (next_line (&rest, &line))
    {
      Span key, val;
      uint64_t kb;

      /* "Key:   value kB"; the key is the first word, colon included. */
      if (!next_token (&line, &key) || key.n < 2 || key.p[key.n - 1] != ':')
        continue;
      key.n--;
      if (!next_token (&line, &val) || !parse_u64 (val, &kb))
        continue;

      for (int k = 0; k < TS_LINUX_MEM_N_KEYS; k++)
        if (span_eq (key, meminfo_keys[k]))
          {
            /* Like psutil, a later duplicate wins; every value is kB. */
            out->bytes[k] = mul_sat (kb, 1024);
            out->have |= 1u << k;
            break;
          }
    }

  return out->have != 0;
}

/* ----------------------------------------------------------- /proc/vmstat */

bool
ts_linux_parse_vmstat_swap (const char *buf,
                            size_t      len,
                            uint64_t   *pswpin,
                            uint64_t   *pswpout)
{
  Span rest = { buf, buf != NULL ? len : 0 };
  Span line;
  bool have_in = false, have_out = false;

  *pswpin = 0;
  *pswpout = 0;
  while ((!have_in || !have_out) && next_line (&rest, &line))
    {
      Span key, val;

      if (!next_token (&line, &key) || !next_token (&line, &val))
        continue;
      if (!have_in && span_eq (key, "pswpin"))
        have_in = parse_u64 (val, pswpin);
      else if (!have_out && span_eq (key, "pswpout"))
        have_out = parse_u64 (val, pswpout);
    }
  if (!have_in || !have_out)
    {
      *pswpin = 0;
      *pswpout = 0;
      return false;
    }
  return true;
}

/* --------------------------------------------------------- /proc/zoneinfo */

bool
ts_linux_parse_zoneinfo_low (const char *buf, size_t len, uint64_t *low_pages)
{
  Span rest = { buf, buf != NULL ? len : 0 };
  Span line;
  bool found = false;
  uint64_t sum = 0;

  while (next_line (&rest, &line))
    {
      Span key, val;
      uint64_t v;

      if (!next_token (&line, &key) || !span_eq (key, "low"))
        continue;
      if (!next_token (&line, &val) || !parse_u64 (val, &v))
        continue;
      sum = add_sat (sum, v);
      found = true;
    }
  *low_pages = sum;
  return found;
}

/* ---------------------------------------------------------- /proc/loadavg */

bool
ts_linux_parse_loadavg (const char *buf, size_t len, double out[3])
{
  Span rest = { buf, buf != NULL ? len : 0 };
  Span line;
  double v[3];

  out[0] = out[1] = out[2] = 0.0;
  if (!next_line (&rest, &line))
    return false;
  for (int i = 0; i < 3; i++)
    {
      Span tok;

      if (!next_token (&line, &tok) || !parse_decimal (tok, &v[i]))
        return false;
    }
  out[0] = v[0];
  out[1] = v[1];
  out[2] = v[2];
  return true;
}

/* -------------------------------------------------------- /proc/diskstats */

#define DISK_MAX_TOKENS 20

static bool
parse_disk_line (Span line, TsLinuxDiskStat *d)
{
  Span tok[DISK_MAX_TOKENS];
  size_t n = 0;
  Span t;
  uint64_t v[17];
  size_t first_counter, n_counters;
  Span name;

  while (next_token (&line, &t))
    {
      if (n < DISK_MAX_TOKENS)
        tok[n] = t;
      n++;
    }

  memset (d, 0, sizeof *d);
  if (n < 3 || !parse_u32 (tok[0], &d->major) || !parse_u32 (tok[1], &d->minor))
    return false;

  if (n == 15)
    {
      /* 2.4: major minor #blocks name, then the counters; psutil takes
       * reads from the 3rd field and ignores the last. */
      uint64_t reads;

      if (!parse_u64 (tok[2], &reads))
        return false;
      name = tok[3];
      for (size_t i = 0; i < 10; i++)
        if (!parse_u64 (tok[4 + i], &v[1 + i]))
          return false;
      v[0] = reads;
      n_counters = 11;
      v[11] = v[12] = v[13] = v[14] = v[15] = v[16] = 0;
      /* v: reads, merged, rsect, rtime, writes, wmerged, wsect, wtime, inflight, ticks, weighted */
      goto fill;
    }

  name = tok[2];
  first_counter = 3;
  if (n == 7)
    {
      uint64_t p[4];

      for (size_t i = 0; i < 4; i++)
        if (!parse_u64 (tok[3 + i], &p[i]))
          return false;
      memset (v, 0, sizeof v);
      v[0] = p[0];  /* reads */
      v[2] = p[1];  /* read sectors */
      v[4] = p[2];  /* writes */
      v[6] = p[3];  /* write sectors */
      n_counters = 4;
      goto fill;
    }
  if (n == 14)
    n_counters = 11;
  else if (n == 18 || n == 19)
    n_counters = 15;
  else if (n >= 20)
    n_counters = 17;
  else
    return false;

  memset (v, 0, sizeof v);
  for (size_t i = 0; i < n_counters; i++)
    if (!parse_u64 (tok[first_counter + i], &v[i]))
      return false;

fill:
  if (!copy_name (d->name, sizeof d->name, name))
    return false;
  d->n_stats = (uint32_t) n_counters;
  d->reads = v[0];
  d->reads_merged = v[1];
  d->read_sectors = v[2];
  d->read_ms = v[3];
  d->writes = v[4];
  d->writes_merged = v[5];
  d->write_sectors = v[6];
  d->write_ms = v[7];
  d->in_flight = v[8];
  d->io_ticks_ms = v[9];
  d->weighted_ms = v[10];
  d->discards = v[11];
  d->discards_merged = v[12];
  d->discard_sectors = v[13];
  d->discard_ms = v[14];
  d->flushes = v[15];
  d->flush_ms = v[16];
  return true;
}

bool
ts_linux_parse_diskstats (const char      *buf,
                          size_t           len,
                          TsLinuxDiskStat *out,
                          size_t           max,
                          size_t          *n_out)
{
  Span rest = { buf, buf != NULL ? len : 0 };
  Span line;
  size_t n_ok = 0, n_bad = 0;

  while (next_line (&rest, &line))
    {
      TsLinuxDiskStat scratch;
      TsLinuxDiskStat *dst = n_ok < max && out != NULL ? &out[n_ok] : &scratch;

      if (is_line_blank (line))
        continue;
      if (parse_disk_line (line, dst))
        n_ok++;
      else
        n_bad++;
    }
  *n_out = n_ok;
  return n_ok > 0 || n_bad == 0;
}

/* ---------------------------------------------------------- /proc/net/dev */

static bool
parse_net_line (Span line, const char *colon, TsLinuxNetDev *d)
{
  Span name = { line.p, (size_t) (colon - line.p) };
  Span rest = { colon + 1, line.n - (size_t) (colon + 1 - line.p) };
  uint64_t v[16];

  memset (d, 0, sizeof *d);
  if (!copy_name (d->name, sizeof d->name, trim (name)))
    return false;
  for (size_t i = 0; i < 16; i++)
    {
      Span tok;

      if (!next_token (&rest, &tok) || !parse_u64 (tok, &v[i]))
        return false;
    }

  d->rx_bytes = v[0];
  d->rx_packets = v[1];
  d->rx_errs = v[2];
  d->rx_drop = v[3];
  d->rx_fifo = v[4];
  d->rx_frame = v[5];
  d->rx_compressed = v[6];
  d->rx_multicast = v[7];
  d->tx_bytes = v[8];
  d->tx_packets = v[9];
  d->tx_errs = v[10];
  d->tx_drop = v[11];
  d->tx_fifo = v[12];
  d->tx_colls = v[13];
  d->tx_carrier = v[14];
  d->tx_compressed = v[15];
  return true;
}

bool
ts_linux_parse_net_dev (const char    *buf,
                        size_t         len,
                        TsLinuxNetDev *out,
                        size_t         max,
                        size_t        *n_out)
{
  Span rest = { buf, buf != NULL ? len : 0 };
  Span line;
  size_t n_ok = 0, n_bad = 0;

  while (next_line (&rest, &line))
    {
      const char *colon = NULL;
      TsLinuxNetDev scratch;
      TsLinuxNetDev *dst = n_ok < max && out != NULL ? &out[n_ok] : &scratch;

      /* The counters never hold a ':', so the last one ends the name. */
      for (size_t i = line.n; i > 0; i--)
        if (line.p[i - 1] == ':')
          {
            colon = line.p + i - 1;
            break;
          }
      if (colon == NULL)
        continue;
      if (parse_net_line (line, colon, dst))
        n_ok++;
      else
        n_bad++;
    }
  *n_out = n_ok;
  return n_ok > 0 || n_bad == 0;
}

/* ---------------------------------------------------------- /proc/cpuinfo */

enum
{
  CI_PROCESSOR = 1u << 0,
  CI_PHYSICAL  = 1u << 1,
  CI_CORE      = 1u << 2,
  CI_MHZ       = 1u << 3,
};

static void
cpuinfo_reset (TsLinuxCpuinfo *c)
{
  c->processor = -1;
  c->physical_id = -1;
  c->core_id = -1;
  c->mhz = -1.0;
}

bool
ts_linux_parse_cpuinfo (const char     *buf,
                        size_t          len,
                        TsLinuxCpuinfo *out,
                        size_t          max,
                        size_t         *n_out)
{
  Span rest = { buf, buf != NULL ? len : 0 };
  Span line;
  TsLinuxCpuinfo cur;
  unsigned have = 0;  /* keys set in cur; 0 means no block is open */
  size_t n = 0;

  cpuinfo_reset (&cur);

  while (next_line (&rest, &line))
    {
      const char *colon;
      Span key, val;
      unsigned bit;

      if (is_line_blank (line))
        {
          if (have != 0)
            {
              if (n < max && out != NULL)
                out[n] = cur;
              n++;
            }
          have = 0;
          cpuinfo_reset (&cur);
          continue;
        }

      colon = memchr (line.p, ':', line.n);
      if (colon == NULL)
        continue;
      key = trim ((Span) { line.p, (size_t) (colon - line.p) });
      val = trim ((Span) { colon + 1, line.n - (size_t) (colon + 1 - line.p) });

      /* Case matters for "processor": old ARM kernels head the file with
       * "Processor : ARMv7 ...", which is no CPU number. */
      if (span_eq (key, "processor"))
        bit = CI_PROCESSOR;
      else if (span_eq (key, "physical id"))
        bit = CI_PHYSICAL;
      else if (span_eq (key, "core id"))
        bit = CI_CORE;
      else if (span_eq_ascii_nocase (key, "cpu MHz"))
        bit = CI_MHZ;
      else
        continue;

      if (have & bit)
        {
          /* A key coming again means a new block without a blank line. */
          if (n < max && out != NULL)
            out[n] = cur;
          n++;
          have = 0;
          cpuinfo_reset (&cur);
        }
      have |= bit;

      switch (bit)
        {
        case CI_PROCESSOR:
          if (!parse_i32_nonneg (val, &cur.processor))
            cur.processor = -1;
          break;
        case CI_PHYSICAL:
          if (!parse_i32_nonneg (val, &cur.physical_id))
            cur.physical_id = -1;
          break;
        case CI_CORE:
          if (!parse_i32_nonneg (val, &cur.core_id))
            cur.core_id = -1;
          break;
        case CI_MHZ:
        default:
          if (!parse_decimal (val, &cur.mhz))
            cur.mhz = -1.0;
          break;
        }
    }

  if (have != 0)
    {
      if (n < max && out != NULL)
        out[n] = cur;
      n++;
    }
  *n_out = n;
  return n > 0;
}

/* Keys naming the CPU, best first: x86 and newer ARM kernels write "model
 * name"; old ARM heads the file with "Processor", MIPS has "cpu model" and
 * PowerPC a bare "cpu". */
static const char *const model_keys[] = { "model name", "Processor", "cpu model", "cpu" };

bool
ts_linux_parse_cpuinfo_model (const char *buf,
                              size_t      len,
                              char       *out,
                              size_t      out_len)
{
  Span rest = { buf, buf != NULL ? len : 0 };
  Span line, best = { NULL, 0 };
  size_t best_rank = sizeof model_keys / sizeof model_keys[0];
  size_t n = 0;

  if (out == NULL || out_len == 0)
    return false;
  out[0] = '\0';

  while (best_rank > 0 && next_line (&rest, &line))
    {
      const char *colon = memchr (line.p, ':', line.n);
      Span key, val;

      if (colon == NULL)
        continue;
      key = trim ((Span) { line.p, (size_t) (colon - line.p) });
      val = trim ((Span) { colon + 1, line.n - (size_t) (colon + 1 - line.p) });
      if (val.n == 0)
        continue;
      for (size_t k = 0; k < best_rank; k++)
        if (span_eq (key, model_keys[k]))
          {
            best = val;
            best_rank = k;
            break;
          }
    }
  if (best.p == NULL)
    return false;

  /* A NUL in the value would end the string anyway. */
  while (n < best.n && n + 1 < out_len && best.p[n] != '\0')
    {
      out[n] = best.p[n];
      n++;
    }
  out[n] = '\0';
  return n > 0;
}
