/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ts-process-details.h"

G_BEGIN_DECLS

#define TS_TYPE_MEMORY_PAGE (ts_memory_page_get_type ())

G_DECLARE_FINAL_TYPE (TsMemoryPage, ts_memory_page, TS, MEMORY_PAGE, AdwBin)

/* The Memory page of the details window: what the process really costs,
 * explained; a breakdown bar (USS, shared part of RSS, swap), a history of
 * USS and PSS, and every memory value with its share of total memory
 * (psutil's memory_percent(memtype=...)). */

GtkWidget  *ts_memory_page_new         (void);
void        ts_memory_page_set_details (TsMemoryPage     *self,
                                        TsProcessDetails *details);
/* The text shown for a value ("uss", "pss", "rss"...; "percent-uss"...), for tests. */
const char *ts_memory_page_get_text    (TsMemoryPage     *self,
                                        const char       *key);

G_END_DECLS
