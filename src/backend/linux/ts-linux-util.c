/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ts-linux-private.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

bool
ts_linux_path (char *buf, size_t len, const char *fmt, ...)
{
  va_list ap;
  int n;

  va_start (ap, fmt);
  n = vsnprintf (buf, len, fmt, ap);
  va_end (ap);
  return n >= 0 && (size_t) n < len;
}

bool
ts_linux_pread_all (int              fd,
                    const char      *path,
                    bool             short_is_eof,
                    char           **out,
                    size_t          *len,
                    TsPlatformError *err)
{
  /* Most /proc files fit in one page; grow for smaps, environ, cmdline. */
  size_t cap = 4096;
  size_t used = 0;
  char *buf = malloc (cap);

  if (buf == NULL)
    return ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, ENOMEM, "malloc", path);

  for (;;)
    {
      ssize_t n;

      if (cap - used < 2)
        {
          char *bigger;

          if (cap > (size_t) 256 * 1024 * 1024)
            {
              free (buf);
              return ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, EFBIG, "read", path);
            }
          bigger = realloc (buf, cap * 2);
          if (bigger == NULL)
            {
              free (buf);
              return ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, ENOMEM, "realloc", path);
            }
          buf = bigger;
          cap *= 2;
        }

      n = pread (fd, buf + used, cap - used - 1, (off_t) used);
      if (n < 0)
        {
          int e = errno;

          if (e == EINTR)
            continue;
          free (buf);
          return ts_platform_error_from_errno (err, e, "read", path);
        }
      if (n == 0)
        break;
      used += (size_t) n;
      if (short_is_eof && used < cap - 1)
        break;
    }

  buf[used] = '\0';
  *out = buf;
  *len = used;
  return true;
}

bool
ts_linux_read_path (const char      *path,
                    char           **out,
                    size_t          *len,
                    TsPlatformError *err)
{
  int fd;
  bool ok;

  do
    fd = open (path, O_RDONLY | O_CLOEXEC);
  while (fd < 0 && errno == EINTR);
  if (fd < 0)
    return ts_platform_error_from_errno (err, errno, "open", path);

  ok = ts_linux_pread_all (fd, path, false, out, len, err);
  close (fd);
  return ok;
}

bool
ts_linux_read_small (const char *path, char *buf, size_t len)
{
  int fd;
  ssize_t n;

  if (len == 0)
    return false;
  fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return false;
  do
    n = read (fd, buf, len - 1);
  while (n < 0 && errno == EINTR);
  close (fd);
  if (n < 0)
    return false;
  buf[n] = '\0';
  while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
    buf[--n] = '\0';
  return true;
}
