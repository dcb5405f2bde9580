/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Linux context: roots, constants and the per-process descriptor cache. */
#include "config.h"

#include "ts-linux-private.h"
#include "ts-linux-cache.h"
#include "ts-linux-sysparse.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

static char *
dup_root (const char *root, const char *fallback)
{
  const char *r = root != NULL && root[0] != '\0' ? root : fallback;
  size_t n = strlen (r);
  char *copy;

  while (n > 1 && r[n - 1] == '/')
    n--;
  copy = malloc (n + 1);
  if (copy != NULL)
    {
      memcpy (copy, r, n);
      copy[n] = '\0';
    }
  return copy;
}

/* Keeping one descriptor per file per process needs far more than the
 * usual soft limit of 1024; the hard limit is ours to take. */
static size_t
raise_nofile_limit (void)
{
  struct rlimit rl;

  if (getrlimit (RLIMIT_NOFILE, &rl) != 0)
    return 0;
  if (rl.rlim_cur < rl.rlim_max)
    {
      struct rlimit want = { rl.rlim_max, rl.rlim_max };

      if (setrlimit (RLIMIT_NOFILE, &want) == 0)
        rl.rlim_cur = rl.rlim_max;
    }
  if (rl.rlim_cur == RLIM_INFINITY)
    return 1u << 20;
  return (size_t) rl.rlim_cur;
}

TsPlatform *
ts_platform_new (const char      *procfs_root,
                 const char      *sysfs_root,
                 TsPlatformError *err)
{
  TsPlatform *self = calloc (1, sizeof *self);
  size_t limit;

  ts_platform_error_clear (err);
  if (self == NULL)
    {
      ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, ENOMEM, "calloc", "TsPlatform");
      return NULL;
    }

  self->procfs = dup_root (procfs_root, "/proc");
  self->sysfs = dup_root (sysfs_root, "/sys");
  self->cache = ts_fd_cache_new ();
  if (self->procfs == NULL || self->sysfs == NULL || self->cache == NULL)
    {
      ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, ENOMEM, "malloc", "TsPlatform");
      ts_platform_free (self);
      return NULL;
    }

  self->real_procfs = strcmp (self->procfs, "/proc") == 0;
  self->clk_tck = sysconf (_SC_CLK_TCK);
  if (self->clk_tck <= 0)
    self->clk_tck = 100;
  self->page_size = sysconf (_SC_PAGESIZE);
  if (self->page_size <= 0)
    self->page_size = 4096;
  /* Kept descriptors are safe on procfs only: there a read after the
   * process exits fails with ESRCH.  A fixture tree is ordinary files, which
   * a test may replace (a new inode) while we hold the old one. */
  self->keep_fds = self->real_procfs;

  /* Leave room for everything else the process opens (the GUI, sockets). */
  limit = raise_nofile_limit ();
  self->max_kept_fds = limit > 512 ? limit - 256 : 0;

  /* create_time needs btime; a tree without it still lists processes. */
  if (!ts_platform_boot_time (self, &self->boot_time, NULL))
    self->boot_time = 0;

  return self;
}

void
ts_platform_free (TsPlatform *self)
{
  if (self == NULL)
    return;
  if (self->cache != NULL)
    ts_fd_cache_free (self->cache);
  free (self->procfs);
  free (self->sysfs);
  free (self);
}

const char *
ts_platform_procfs_root (const TsPlatform *self)
{
  return self->procfs;
}

const char *
ts_platform_sysfs_root (const TsPlatform *self)
{
  return self->sysfs;
}

void
ts_platform_set_keep_fds (TsPlatform *self, bool keep)
{
  self->keep_fds = keep;
  if (!keep)
    ts_fd_cache_close_all (self->cache);
}

size_t
ts_platform_kept_fds (const TsPlatform *self)
{
  return ts_fd_cache_n_fds (self->cache);
}

/* ------------------------------------------------------------ the cache */

struct TsFdCache
{
  TsFdEntry *slots;   /* open addressing, linear probing; pid 0 = empty */
  size_t     cap;     /* power of two */
  size_t     used;
  size_t     n_fds;
};

TsFdCache *
ts_fd_cache_new (void)
{
  TsFdCache *cache = calloc (1, sizeof *cache);

  if (cache == NULL)
    return NULL;
  cache->cap = 256;
  cache->slots = calloc (cache->cap, sizeof *cache->slots);
  if (cache->slots == NULL)
    {
      free (cache);
      return NULL;
    }
  return cache;
}

static void
entry_close (TsFdCache *cache, TsFdEntry *e)
{
  for (int k = 0; k < TS_KEPT_N; k++)
    if (e->fds[k] > 0)
      {
        close (e->fds[k] - 1);
        e->fds[k] = 0;
        cache->n_fds--;
      }
}

void
ts_fd_cache_close_all (TsFdCache *cache)
{
  for (size_t i = 0; i < cache->cap; i++)
    if (cache->slots[i].pid != 0)
      entry_close (cache, &cache->slots[i]);
}

void
ts_fd_cache_free (TsFdCache *cache)
{
  ts_fd_cache_close_all (cache);
  free (cache->slots);
  free (cache);
}

size_t
ts_fd_cache_n_fds (const TsFdCache *cache)
{
  return cache->n_fds;
}

static size_t
hash_pid (TsPid pid, size_t cap)
{
  return ((uint32_t) pid * 2654435761u) & (cap - 1);
}

static bool
rehash (TsFdCache *cache, size_t new_cap)
{
  TsFdEntry *slots = calloc (new_cap, sizeof *slots);

  if (slots == NULL)
    return false;
  for (size_t i = 0; i < cache->cap; i++)
    {
      TsFdEntry *e = &cache->slots[i];
      size_t j;

      if (e->pid == 0)
        continue;
      for (j = hash_pid (e->pid, new_cap); slots[j].pid != 0; j = (j + 1) & (new_cap - 1))
        ;
      slots[j] = *e;
    }
  free (cache->slots);
  cache->slots = slots;
  cache->cap = new_cap;
  return true;
}

TsFdEntry *
ts_fd_cache_lookup (TsFdCache *cache, TsPid pid, bool create)
{
  size_t i;

  if (pid <= 0)
    return NULL;
  for (i = hash_pid (pid, cache->cap); cache->slots[i].pid != 0; i = (i + 1) & (cache->cap - 1))
    if (cache->slots[i].pid == pid)
      return &cache->slots[i];
  if (!create)
    return NULL;

  if ((cache->used + 1) * 2 > cache->cap)
    {
      if (!rehash (cache, cache->cap * 2))
        return NULL;
      for (i = hash_pid (pid, cache->cap); cache->slots[i].pid != 0; i = (i + 1) & (cache->cap - 1))
        ;
    }
  memset (&cache->slots[i], 0, sizeof cache->slots[i]);
  cache->slots[i].pid = pid;
  cache->used++;
  return &cache->slots[i];
}

void
ts_fd_cache_note_open (TsFdCache *cache)
{
  cache->n_fds++;
}

void
ts_fd_cache_forget (TsFdCache *cache, TsFdEntry *entry)
{
  entry_close (cache, entry);
}

static int
cmp_pid (const void *a, const void *b)
{
  TsPid x = *(const TsPid *) a, y = *(const TsPid *) b;

  return (x > y) - (x < y);
}

void
ts_fd_cache_sweep (TsFdCache *cache, const TsPid *sorted_pids, size_t n)
{
  size_t removed = 0;

  for (size_t i = 0; i < cache->cap; i++)
    {
      TsFdEntry *e = &cache->slots[i];

      if (e->pid == 0)
        continue;
      if (bsearch (&e->pid, sorted_pids, n, sizeof *sorted_pids, cmp_pid) == NULL)
        {
          entry_close (cache, e);
          e->pid = 0;
          removed++;
        }
    }
  /* Linear probing cannot leave holes in a chain: rebuild when we removed any. */
  if (removed > 0)
    {
      cache->used -= removed;
      rehash (cache, cache->cap);
    }
}
