/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-backend"

#include "config.h"

#include "ts-backend-error.h"

G_DEFINE_QUARK (ts-backend-error-quark, ts_backend_error)

static TsBackendError
code_from_kind (TsPlatformErrorKind kind)
{
  switch (kind)
    {
    case TS_PLATFORM_ERR_NO_SUCH_PROCESS: return TS_BACKEND_ERROR_NO_SUCH_PROCESS;
    case TS_PLATFORM_ERR_ACCESS_DENIED: return TS_BACKEND_ERROR_ACCESS_DENIED;
    case TS_PLATFORM_ERR_ZOMBIE: return TS_BACKEND_ERROR_ZOMBIE;
    case TS_PLATFORM_ERR_NOT_SUPPORTED: return TS_BACKEND_ERROR_NOT_SUPPORTED;
    case TS_PLATFORM_ERR_PARSE: return TS_BACKEND_ERROR_PARSE;
    case TS_PLATFORM_ERR_INVALID_ARGUMENT: return TS_BACKEND_ERROR_INVALID_ARGUMENT;
    case TS_PLATFORM_OK:
    case TS_PLATFORM_ERR_OS_ERROR:
    default:
      return TS_BACKEND_ERROR_OS_ERROR;
    }
}

char *
ts_backend_error_to_string (const TsPlatformError *err)
{
  char buf[512];

  ts_platform_error_format (err, buf, sizeof buf);
  /* Paths are bytes; a message must be UTF-8. */
  return g_utf8_make_valid (buf, -1);
}

void
ts_backend_error_set_from_platform (GError                **error,
                                    const TsPlatformError  *err)
{
  g_autofree char *text = NULL;

  g_return_if_fail (err != NULL);

  text = ts_backend_error_to_string (err);
  g_set_error_literal (error, TS_BACKEND_ERROR, code_from_kind (err->kind), text);
}
