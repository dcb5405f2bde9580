/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Open files of a process: the links in /proc/PID/fd and their fdinfo. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ts-linux-parse.h"
#include "ts-linux-private.h"

static TsFdKind
kind_of (const char *target)
{
  if (target[0] == '/')
    return TS_FD_FILE;
  if (strncmp (target, "socket:[", 8) == 0)
    return TS_FD_SOCKET;
  if (strncmp (target, "pipe:[", 6) == 0)
    return TS_FD_PIPE;
  if (strncmp (target, "anon_inode:", 11) == 0)
    return TS_FD_ANON_INODE;
  return TS_FD_OTHER;
}

static int
compare_fd (const void *a, const void *b)
{
  const TsOpenFile *x = a, *y = b;

  return (x->fd > y->fd) - (x->fd < y->fd);
}

static bool
parse_fd_name (const char *name, int32_t *fd)
{
  char *end;
  long v;

  if (name[0] < '0' || name[0] > '9')
    return false;
  errno = 0;
  v = strtol (name, &end, 10);
  if (errno != 0 || *end != '\0' || v < 0 || v > INT32_MAX)
    return false;
  *fd = (int32_t) v;
  return true;
}

bool
ts_platform_open_files (TsPlatform      *self,
                        TsPid            pid,
                        TsOpenFile     **out,
                        size_t          *n_out,
                        TsPlatformError *err)
{
  char dir_path[PATH_MAX], pid_path[PATH_MAX];
  TsOpenFile *files = NULL;
  size_t n = 0, cap = 0;
  struct dirent *de;
  DIR *dir;

  *out = NULL;
  *n_out = 0;
  if (!ts_linux_path (pid_path, sizeof pid_path, "%s/%d", self->procfs, (int) pid)
      || !ts_linux_path (dir_path, sizeof dir_path, "%s/fd", pid_path))
    return ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, ENAMETOOLONG, "open", pid_path);

  dir = opendir (dir_path);
  if (dir == NULL)
    {
      int e = errno;

      ts_platform_error_from_errno (err, e, "opendir", dir_path);
      /* fd/ missing while the process is there: an odd tree, not a gone process. */
      if (e == ENOENT && access (pid_path, F_OK) == 0)
        err->kind = TS_PLATFORM_ERR_OS_ERROR;
      return false;
    }

  while ((de = readdir (dir)) != NULL)
    {
      char link_path[PATH_MAX], info_path[PATH_MAX], target[PATH_MAX];
      char info[512];
      ssize_t len;
      int32_t fd;

      if (!parse_fd_name (de->d_name, &fd))
        continue;
      if (!ts_linux_path (link_path, sizeof link_path, "%s/%s", dir_path, de->d_name))
        continue;
      len = readlink (link_path, target, sizeof target - 1);
      if (len < 0)
        continue; /* closed while we list them */
      target[len] = '\0';

      if (n == cap)
        {
          size_t new_cap = cap == 0 ? 32 : cap * 2;
          TsOpenFile *bigger = realloc (files, new_cap * sizeof *bigger);

          if (bigger == NULL)
            {
              closedir (dir);
              ts_open_files_free (files, n);
              return ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, ENOMEM, "realloc", dir_path);
            }
          files = bigger;
          cap = new_cap;
        }
      files[n].fd = fd;
      files[n].kind = kind_of (target);
      files[n].target = strdup (target);
      files[n].flags = -1;
      files[n].position = -1;
      if (files[n].target == NULL)
        continue;
      if (ts_linux_path (info_path, sizeof info_path, "%s/fdinfo/%s", pid_path, de->d_name)
          && ts_linux_read_small (info_path, info, sizeof info))
        ts_linux_parse_fdinfo (info, strlen (info), &files[n].position, &files[n].flags);
      n++;
    }
  closedir (dir);

  if (n > 1)
    qsort (files, n, sizeof *files, compare_fd);
  *out = files;
  *n_out = n;
  return true;
}

void
ts_open_files_free (TsOpenFile *files,
                    size_t      n)
{
  for (size_t i = 0; i < n; i++)
    free (files[i].target);
  free (files);
}

const char *
ts_open_file_mode (int32_t flags)
{
  if (flags < 0)
    return "";
  switch (flags & O_ACCMODE)
    {
    case O_RDONLY:
      return "r";
    case O_WRONLY:
      return (flags & O_APPEND) ? "a" : "w";
    case O_RDWR:
      return (flags & O_APPEND) ? "a+" : "r+";
    default:
      return "";
    }
}
