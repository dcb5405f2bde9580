/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-thread-item"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ts-thread-item.h"

struct _TsThreadItem
{
  GObject  parent_instance;

  int      tid;
  char    *name;
  char     state_char;
  int      cpu;
  double   user, system;
  double   cpu_percent;

  double   prev_total;  /* user + system at the previous read */
  gint64   prev_time;
};

G_DEFINE_FINAL_TYPE (TsThreadItem, ts_thread_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_TID,
  PROP_NAME,
  PROP_STATE,
  PROP_CPU,
  PROP_USER_TIME,
  PROP_SYSTEM_TIME,
  PROP_CPU_PERCENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* psutil's names for the letters of /proc/<pid>/task/<tid>/stat. */
static const struct
{
  char        letter;
  const char *name;
  const char *label;
} states[] = {
  { 'R', "running",      N_("Running") },
  { 'S', "sleeping",     N_("Sleeping") },
  { 'D', "disk-sleep",   N_("Disk Sleep") },
  { 'T', "stopped",      N_("Stopped") },
  { 't', "tracing-stop", N_("Tracing Stop") },
  { 'Z', "zombie",       N_("Zombie") },
  { 'X', "dead",         N_("Dead") },
  { 'x', "dead",         N_("Dead") },
  { 'K', "wake-kill",    N_("Wake Kill") },
  { 'W', "waking",       N_("Waking") },
  { 'P', "parked",       N_("Parked") },
  { 'I', "idle",         N_("Idle") },
};

static void
ts_thread_item_finalize (GObject *object)
{
  TsThreadItem *self = TS_THREAD_ITEM (object);

  g_free (self->name);
  G_OBJECT_CLASS (ts_thread_item_parent_class)->finalize (object);
}

static void
ts_thread_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TsThreadItem *self = TS_THREAD_ITEM (object);

  switch (prop_id)
    {
    case PROP_TID:
      g_value_set_int (value, self->tid);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_STATE:
      g_value_set_string (value, ts_thread_item_get_state (self));
      break;
    case PROP_CPU:
      g_value_set_int (value, self->cpu);
      break;
    case PROP_USER_TIME:
      g_value_set_double (value, self->user);
      break;
    case PROP_SYSTEM_TIME:
      g_value_set_double (value, self->system);
      break;
    case PROP_CPU_PERCENT:
      g_value_set_double (value, self->cpu_percent);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_thread_item_class_init (TsThreadItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ts_thread_item_finalize;
  object_class->get_property = ts_thread_item_get_property;

  properties[PROP_TID] = g_param_spec_int ("tid", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_STATE] = g_param_spec_string ("state", NULL, NULL, NULL, flags);
  properties[PROP_CPU] = g_param_spec_int ("cpu", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_USER_TIME] = g_param_spec_double ("user-time", NULL, NULL, 0, G_MAXDOUBLE, 0, flags);
  properties[PROP_SYSTEM_TIME] = g_param_spec_double ("system-time", NULL, NULL, 0, G_MAXDOUBLE, 0, flags);
  properties[PROP_CPU_PERCENT] = g_param_spec_double ("cpu-percent", NULL, NULL, -1, G_MAXDOUBLE, -1, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ts_thread_item_init (TsThreadItem *self)
{
  self->cpu = -1;
  self->cpu_percent = -1;
}

static void
set_times (TsThreadItem *self, const TsThreadTimes *t, gint64 now)
{
  self->prev_total = t->user + t->system;
  self->prev_time = now;
}

TsThreadItem *
ts_thread_item_new (const TsThreadTimes *thread,
                    gint64               now)
{
  TsThreadItem *self;

  g_return_val_if_fail (thread != NULL, NULL);

  self = g_object_new (TS_TYPE_THREAD_ITEM, NULL);
  self->tid = thread->id;
  self->name = g_utf8_make_valid (thread->name, strnlen (thread->name, sizeof thread->name));
  self->state_char = thread->status_char;
  self->cpu = thread->cpu_num;
  self->user = thread->user;
  self->system = thread->system;
  set_times (self, thread, now);
  return self;
}

void
ts_thread_item_update (TsThreadItem        *self,
                       const TsThreadTimes *thread,
                       gint64               now)
{
  g_autofree char *name = NULL;
  double total, percent = -1;

  g_return_if_fail (TS_IS_THREAD_ITEM (self));
  g_return_if_fail (thread != NULL);

  total = thread->user + thread->system;
  if (now > self->prev_time)
    /* Times are kept in clock ticks: a thread re-read sooner than a tick
     * shows 0, which is right.  A counter never goes back; if it seems to,
     * say 0 rather than a negative share. */
    percent = MAX (0.0, total - self->prev_total) * 100.0 * G_USEC_PER_SEC
              / (double) (now - self->prev_time);

  g_object_freeze_notify (G_OBJECT (self));
  name = g_utf8_make_valid (thread->name, strnlen (thread->name, sizeof thread->name));
  if (strcmp (name, self->name) != 0)
    {
      g_free (self->name);
      self->name = g_steal_pointer (&name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
    }
  if (self->state_char != thread->status_char)
    {
      self->state_char = thread->status_char;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  if (self->cpu != thread->cpu_num)
    {
      self->cpu = thread->cpu_num;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CPU]);
    }
  if (self->user != thread->user)
    {
      self->user = thread->user;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER_TIME]);
    }
  if (self->system != thread->system)
    {
      self->system = thread->system;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYSTEM_TIME]);
    }
  if (percent >= 0 && self->cpu_percent != percent)
    {
      self->cpu_percent = percent;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CPU_PERCENT]);
    }
  set_times (self, thread, now);
  g_object_thaw_notify (G_OBJECT (self));
}

int
ts_thread_item_get_tid (TsThreadItem *self)
{
  g_return_val_if_fail (TS_IS_THREAD_ITEM (self), 0);
  return self->tid;
}

const char *
ts_thread_item_get_name (TsThreadItem *self)
{
  g_return_val_if_fail (TS_IS_THREAD_ITEM (self), NULL);
  return self->name;
}

char
ts_thread_item_get_state_char (TsThreadItem *self)
{
  g_return_val_if_fail (TS_IS_THREAD_ITEM (self), 0);
  return self->state_char;
}

const char *
ts_thread_item_get_state (TsThreadItem *self)
{
  g_return_val_if_fail (TS_IS_THREAD_ITEM (self), "");

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    if (states[i].letter == self->state_char)
      return states[i].name;
  return "";
}

int
ts_thread_item_get_cpu (TsThreadItem *self)
{
  g_return_val_if_fail (TS_IS_THREAD_ITEM (self), -1);
  return self->cpu;
}

double
ts_thread_item_get_user_time (TsThreadItem *self)
{
  g_return_val_if_fail (TS_IS_THREAD_ITEM (self), 0);
  return self->user;
}

double
ts_thread_item_get_system_time (TsThreadItem *self)
{
  g_return_val_if_fail (TS_IS_THREAD_ITEM (self), 0);
  return self->system;
}

double
ts_thread_item_get_cpu_percent (TsThreadItem *self)
{
  g_return_val_if_fail (TS_IS_THREAD_ITEM (self), -1);
  return self->cpu_percent;
}

char *
ts_thread_state_dup_label (char state_char)
{
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    if (states[i].letter == state_char)
      return g_strdup (_(states[i].label));
  if (g_ascii_isprint (state_char))
    return g_strdup_printf ("%c", state_char);
  return g_strdup ("");
}

char *
ts_format_cpu_time (double seconds)
{
  guint64 cs, s, m, h;

  if (!(seconds >= 0 && seconds < 1e15))
    return g_strdup ("—");
  cs = (guint64) (seconds * 100.0 + 0.5);
  s = cs / 100;
  m = s / 60;
  h = m / 60;
  if (h > 0)
    return g_strdup_printf ("%" G_GUINT64_FORMAT ":%02u:%02u", h, (guint) (m % 60), (guint) (s % 60));
  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%02u.%02u", m, (guint) (s % 60), (guint) (cs % 100));
}
