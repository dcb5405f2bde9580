/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Windows platform layer: the load average Windows does not keep.
 *
 * psutil (5.6.2) registers a wait on a PDH counter ("Processor Queue
 * Length") that fires every 5 seconds.  Here a plain thread waits on a stop
 * event with a 5 second timeout and counts the runnable threads itself in
 * a SystemProcessInformation snapshot (ready, standby or running: the
 * processor queue plus the threads on the CPUs, which is what the Unix
 * run queue counts), so it needs neither PDH nor its English counter
 * names.  The averages are damped as the Unix kernel does.  No GLib. */
#include "config.h"

#include "ts-win32-private.h"

#include <math.h>
#include <stdlib.h>

struct TsWin32LoadAvg
{
  SRWLOCK  lock;
  double   avg[3];
  uint64_t samples;
  double   interval;
  HANDLE   stop;
  HANDLE   thread;
  DWORD    thread_id;
};

void
ts_win32_loadavg_damp (double avg[3], double runnable, double interval_s)
{
  static const double periods[3] = { 60.0, 300.0, 900.0 };

  for (int i = 0; i < 3; i++)
    {
      double decay = exp (-interval_s / periods[i]);

      avg[i] = avg[i] * decay + runnable * (1.0 - decay);
    }
}

typedef struct
{
  DWORD  self_tid;
  double runnable;
} CountData;

static bool
count_cb (const TsSystemProcessInfo *rec, void *data)
{
  CountData *cd = data;

  /* The idle process's threads "run" whenever a CPU is idle. */
  if (rec->UniqueProcessId == 0)
    return true;
  for (ULONG i = 0; i < rec->NumberOfThreads; i++)
    {
      const TsSystemThreadInfo *t = &rec->Threads[i];

      if ((DWORD) (uintptr_t) t->ClientId.UniqueThread == cd->self_tid)
        continue;
      if (t->ThreadState == TS_THREAD_STATE_READY || t->ThreadState == TS_THREAD_STATE_RUNNING
          || t->ThreadState == TS_THREAD_STATE_STANDBY)
        cd->runnable += 1.0;
    }
  return true;
}

static void
sample (TsWin32LoadAvg *la)
{
  CountData cd = { GetCurrentThreadId (), 0.0 };
  TsPlatformError err;
  void *buf;
  size_t size;

  /* A failed snapshot skips the sample rather than counting 0. */
  if (!ts_win32_query_processes (&buf, &size, &err))
    return;
  ts_win32_snapshot_foreach (buf, size, count_cb, &cd);
  free (buf);
  AcquireSRWLockExclusive (&la->lock);
  ts_win32_loadavg_damp (la->avg, cd.runnable, la->interval);
  la->samples++;
  ReleaseSRWLockExclusive (&la->lock);
}

static DWORD WINAPI
sampler_main (LPVOID data)
{
  TsWin32LoadAvg *la = data;
  DWORD ms = (DWORD) (la->interval * 1000.0);

  if (ms == 0)
    ms = 1;
  do
    sample (la);
  while (WaitForSingleObject (la->stop, ms) == WAIT_TIMEOUT);
  return 0;
}

void
ts_win32_loadavg_free (TsWin32LoadAvg *la)
{
  if (la == NULL)
    return;
  SetEvent (la->stop);
  WaitForSingleObject (la->thread, INFINITE);
  CloseHandle (la->thread);
  CloseHandle (la->stop);
  free (la);
}

void
ts_win32_loadavg_set_interval (TsPlatform *self, double seconds)
{
  self->loadavg_interval = seconds > 0 ? seconds : 0;
}

uint64_t
ts_win32_loadavg_samples (TsPlatform *self)
{
  uint64_t n;

  if (self->loadavg == NULL)
    return 0;
  AcquireSRWLockShared (&self->loadavg->lock);
  n = self->loadavg->samples;
  ReleaseSRWLockShared (&self->loadavg->lock);
  return n;
}

bool
ts_platform_loadavg (TsPlatform *self, double out[3], TsPlatformError *err)
{
  TsWin32LoadAvg *la = self->loadavg;

  ts_platform_error_clear (err);
  if (la == NULL)
    {
      la = calloc (1, sizeof *la);
      if (la == NULL)
        return ts_platform_error_set (err, TS_PLATFORM_ERR_OS_ERROR, ERROR_NOT_ENOUGH_MEMORY,
                                      "calloc", "load average");
      InitializeSRWLock (&la->lock);
      la->interval = self->loadavg_interval > 0 ? self->loadavg_interval : TS_WIN32_LOADAVG_INTERVAL;
      la->stop = CreateEventW (NULL, TRUE, FALSE, NULL);
      if (la->stop == NULL)
        {
          free (la);
          return ts_win32_last_error (err, "CreateEventW", "load average");
        }
      la->thread = CreateThread (NULL, 64 * 1024, sampler_main, la,
                                 STACK_SIZE_PARAM_IS_A_RESERVATION, &la->thread_id);
      if (la->thread == NULL)
        {
          CloseHandle (la->stop);
          free (la);
          return ts_win32_last_error (err, "CreateThread", "load average");
        }
      self->loadavg = la;
    }
  AcquireSRWLockShared (&la->lock);
  out[0] = la->avg[0];
  out[1] = la->avg[1];
  out[2] = la->avg[2];
  ReleaseSRWLockShared (&la->lock);
  return true;
}
