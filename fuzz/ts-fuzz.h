/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Shared by the libFuzzer targets in this directory.  Each target copies the
 * input into a buffer of exactly its size, so AddressSanitizer reports any
 * read past the end (the parsers take (buf, len) and must not need a NUL),
 * and checks cheap invariants of the result with TS_FUZZ_CHECK.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* A failed invariant is a crash for libFuzzer: it saves the input. */
#define TS_FUZZ_CHECK(cond)                                               \
  do                                                                      \
    {                                                                     \
      if (!(cond))                                                        \
        {                                                                 \
          fprintf (stderr, "%s:%d: invariant failed: %s\n",               \
                   __FILE__, __LINE__, #cond);                            \
          __builtin_trap ();                                              \
        }                                                                 \
    }                                                                     \
  while (0)

/* malloc of exactly n bytes (ASan's malloc (0) is a valid pointer with no
 * accessible byte); n may be 0. */
static inline void *
ts_fuzz_alloc (size_t n)
{
  void *p = malloc (n);

  if (p == NULL && n > 0)
    abort ();
  return p;
}

/* An exactly-sized copy of the input. */
static inline char *
ts_fuzz_dup (const uint8_t *data, size_t size)
{
  char *buf = ts_fuzz_alloc (size);

  if (size > 0)
    memcpy (buf, data, size);
  return buf;
}

/* Whether the input holds a string anywhere (for "true implies the key was
 * there" checks). */
static inline bool
ts_fuzz_contains (const char *buf, size_t len, const char *needle)
{
  return memmem (buf, len, needle, strlen (needle)) != NULL;
}

static inline size_t
ts_fuzz_count_byte (const char *buf, size_t len, char byte)
{
  size_t n = 0;

  for (size_t i = 0; i < len; i++)
    if (buf[i] == byte)
      n++;
  return n;
}

/* A name field: NUL-terminated inside its array. */
static inline bool
ts_fuzz_terminated (const char *field, size_t field_size)
{
  return memchr (field, '\0', field_size) != NULL;
}
