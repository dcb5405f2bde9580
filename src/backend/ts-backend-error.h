/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ts-platform.h"

G_BEGIN_DECLS

#define TS_BACKEND_ERROR (ts_backend_error_quark ())

typedef enum
{
  TS_BACKEND_ERROR_NO_SUCH_PROCESS,
  TS_BACKEND_ERROR_ACCESS_DENIED,
  TS_BACKEND_ERROR_ZOMBIE,
  TS_BACKEND_ERROR_NOT_SUPPORTED,
  TS_BACKEND_ERROR_OS_ERROR,
  TS_BACKEND_ERROR_PARSE,
  TS_BACKEND_ERROR_INVALID_ARGUMENT,
} TsBackendError;

GQuark ts_backend_error_quark (void);

/* Sets *error from a platform error, with its full text as the message. */
void   ts_backend_error_set_from_platform (GError                **error,
                                           const TsPlatformError  *err);
/* The text of a platform error, newly allocated. */
char  *ts_backend_error_to_string (const TsPlatformError *err);

G_END_DECLS
