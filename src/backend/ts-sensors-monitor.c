/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ts-sensors-monitor"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ts-backend-error.h"
#include "ts-sensors-monitor.h"

#define DEFAULT_SPAN (60 * G_USEC_PER_SEC)

typedef struct
{
  char      *key;
  char      *chip;
  char      *label;
  char      *display;  /* label or attribute, valid UTF-8 */
  double     current, high, critical;
  TsHistory *history;
} Item;

/* What both temperatures and fans are turned into before the update. */
typedef struct
{
  const char *chip, *label, *sensor;
  double      current, high, critical;
  size_t      order;  /* position in the platform's list: the tie-break */
} Reading;

struct _TsSensorsMonitor
{
  GObject     parent_instance;

  TsPlatform *platform;
  gint64      span;
  GPtrArray  *temps;   /* Item* */
  GPtrArray  *fans;    /* Item* */
  gboolean    battery_present;
  TsBattery   battery;
  TsHistory  *battery_history;
  GError     *last_error;
};

G_DEFINE_FINAL_TYPE (TsSensorsMonitor, ts_sensors_monitor, G_TYPE_OBJECT)

enum
{
  CHANGED,
  SENSORS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
item_free (gpointer data)
{
  Item *item = data;

  if (item == NULL)
    return;
  g_free (item->key);
  g_free (item->chip);
  g_free (item->label);
  g_free (item->display);
  g_clear_object (&item->history);
  g_free (item);
}

static void
ts_sensors_monitor_finalize (GObject *object)
{
  TsSensorsMonitor *self = TS_SENSORS_MONITOR (object);

  g_clear_pointer (&self->temps, g_ptr_array_unref);
  g_clear_pointer (&self->fans, g_ptr_array_unref);
  g_clear_object (&self->battery_history);
  g_clear_error (&self->last_error);
  g_clear_pointer (&self->platform, ts_platform_free);

  G_OBJECT_CLASS (ts_sensors_monitor_parent_class)->finalize (object);
}

static void
ts_sensors_monitor_class_init (TsSensorsMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ts_sensors_monitor_finalize;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SENSORS_CHANGED] =
    g_signal_new ("sensors-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ts_sensors_monitor_init (TsSensorsMonitor *self)
{
  self->span = DEFAULT_SPAN;
  self->temps = g_ptr_array_new_with_free_func (item_free);
  self->fans = g_ptr_array_new_with_free_func (item_free);
  self->battery_history = ts_history_new (2, self->span);
}

TsSensorsMonitor *
ts_sensors_monitor_new (const char *sysfs_root, GError **error)
{
  TsSensorsMonitor *self;
  TsPlatformError err;
  TsPlatform *platform;

  ts_platform_error_clear (&err);
  platform = ts_platform_new (NULL, sysfs_root, &err);
  if (platform == NULL)
    {
      ts_backend_error_set_from_platform (error, &err);
      return NULL;
    }
  /* Sensors are read by path each time: no descriptors to keep. */
  ts_platform_set_keep_fds (platform, false);
  self = g_object_new (TS_TYPE_SENSORS_MONITOR, NULL);
  self->platform = platform;
  return self;
}

gint64
ts_sensors_monitor_get_span (TsSensorsMonitor *self)
{
  g_return_val_if_fail (TS_IS_SENSORS_MONITOR (self), 0);
  return self->span;
}

void
ts_sensors_monitor_set_span (TsSensorsMonitor *self, gint64 span_us)
{
  g_return_if_fail (TS_IS_SENSORS_MONITOR (self));
  g_return_if_fail (span_us > 0);

  if (self->span == span_us)
    return;
  self->span = span_us;
  for (guint i = 0; i < self->temps->len; i++)
    ts_history_set_span (((Item *) g_ptr_array_index (self->temps, i))->history, span_us);
  for (guint i = 0; i < self->fans->len; i++)
    ts_history_set_span (((Item *) g_ptr_array_index (self->fans, i))->history, span_us);
  ts_history_set_span (self->battery_history, span_us);
}

const GError *
ts_sensors_monitor_get_last_error (TsSensorsMonitor *self)
{
  g_return_val_if_fail (TS_IS_SENSORS_MONITOR (self), NULL);
  return self->last_error;
}

/* ----------------------------------------------------------------- update */

static int
compare_readings (const void *a, const void *b)
{
  const Reading *x = a, *y = b;
  int c = strcmp (x->chip, y->chip);

  if (c != 0)
    return c;
  return (x->order > y->order) - (x->order < y->order);
}

/* Replaces *items with one item per reading, in chip order, keeping the
 * items (and histories) of the sensors seen before.  TRUE when the list of
 * keys differs from the previous one. */
static gboolean
update_items (TsSensorsMonitor *self,
              GPtrArray       **items,
              Reading          *readings,
              size_t            n,
              gint64            now_us)
{
  g_autoptr(GHashTable) old = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *fresh = g_ptr_array_new_full ((guint) n, item_free);
  gboolean changed = FALSE;

  if (n > 1)
    qsort (readings, n, sizeof *readings, compare_readings);

  /* key -> index + 1 in the old array */
  for (guint i = 0; i < (*items)->len; i++)
    {
      Item *item = g_ptr_array_index (*items, i);

      g_hash_table_insert (old, item->key, GUINT_TO_POINTER (i + 1));
    }

  for (size_t i = 0; i < n; i++)
    {
      const Reading *r = &readings[i];
      g_autofree char *base = g_strdup_printf ("%s\x1f%s\x1f%s", r->chip, r->sensor, r->label);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (seen, base));
      g_autofree char *key = g_strdup_printf ("%s\x1f%u", base, count);
      guint old_index = GPOINTER_TO_UINT (g_hash_table_lookup (old, key));
      Item *item;

      g_hash_table_insert (seen, g_steal_pointer (&base), GUINT_TO_POINTER (count + 1));
      if (old_index > 0)
        {
          /* Taken out of the old array, which frees what is left. */
          item = g_ptr_array_index (*items, old_index - 1);
          (*items)->pdata[old_index - 1] = NULL;
          g_hash_table_remove (old, key);
          if (old_index - 1 != fresh->len)
            changed = TRUE;
        }
      else
        {
          changed = TRUE;
          item = g_new0 (Item, 1);
          item->key = g_steal_pointer (&key);
          item->chip = g_strdup (r->chip);
          item->label = g_strdup (r->label);
          item->display = g_utf8_make_valid (r->label[0] != '\0' ? r->label : r->sensor, -1);
          item->history = ts_history_new (1, self->span);
        }
      item->current = r->current;
      item->high = r->high;
      item->critical = r->critical;
      ts_history_push (item->history, now_us, &r->current);

      g_ptr_array_add (fresh, item);
    }
  if (fresh->len != (*items)->len)
    changed = TRUE;

  /* What is left in the old array are the sensors that went away. */
  g_ptr_array_unref (*items);
  *items = fresh;
  return changed;
}

static void
note_error (TsSensorsMonitor *self, const char *what, const TsPlatformError *err)
{
  g_autoptr(GError) error = NULL;

  ts_backend_error_set_from_platform (&error, err);
  g_debug ("%s: %s", what, error->message);
  if (self->last_error == NULL)
    self->last_error = g_steal_pointer (&error);
}

void
ts_sensors_monitor_sample (TsSensorsMonitor *self, gint64 now_us)
{
  TsPlatformError err;
  TsTemperature *temps = NULL;
  TsFan *fans = NULL;
  size_t n = 0;
  gboolean sensors_changed = FALSE;
  TsBattery bat;
  bool present = false;

  g_return_if_fail (TS_IS_SENSORS_MONITOR (self));

  g_clear_error (&self->last_error);

  ts_platform_error_clear (&err);
  if (ts_platform_sensors_temperatures (self->platform, &temps, &n, &err))
    {
      g_autofree Reading *r = g_new0 (Reading, MAX (n, 1));

      for (size_t i = 0; i < n; i++)
        r[i] = (Reading) { temps[i].chip, temps[i].label, temps[i].sensor,
                           temps[i].current, temps[i].high, temps[i].critical, i };
      sensors_changed |= update_items (self, &self->temps, r, n, now_us);
      free (temps);
    }
  else
    note_error (self, "temperatures", &err);

  ts_platform_error_clear (&err);
  if (ts_platform_sensors_fans (self->platform, &fans, &n, &err))
    {
      g_autofree Reading *r = g_new0 (Reading, MAX (n, 1));

      for (size_t i = 0; i < n; i++)
        r[i] = (Reading) { fans[i].chip, fans[i].label, fans[i].sensor,
                           fans[i].current, NAN, NAN, i };
      sensors_changed |= update_items (self, &self->fans, r, n, now_us);
      free (fans);
    }
  else
    note_error (self, "fans", &err);

  ts_platform_error_clear (&err);
  if (ts_platform_sensors_battery (self->platform, &bat, &present, &err))
    {
      if ((gboolean) present != self->battery_present)
        {
          sensors_changed = TRUE;
          self->battery_present = present;
          ts_history_clear (self->battery_history);
        }
      self->battery = bat;
      if (present)
        {
          double v[2] = { bat.percent, bat.power_w };

          ts_history_push (self->battery_history, now_us, v);
        }
    }
  else
    note_error (self, "battery", &err);

  if (sensors_changed)
    g_signal_emit (self, signals[SENSORS_CHANGED], 0);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ------------------------------------------------------------- accessors */

static Item *
get_item (GPtrArray *items, guint i)
{
  g_return_val_if_fail (i < items->len, NULL);
  return g_ptr_array_index (items, i);
}

#define TEMP(self, i, field, fallback)                                  \
  G_STMT_START {                                                        \
    Item *item_;                                                        \
    g_return_val_if_fail (TS_IS_SENSORS_MONITOR (self), fallback);      \
    item_ = get_item ((self)->temps, i);                                \
    return item_ != NULL ? item_->field : fallback;                     \
  } G_STMT_END

#define FAN(self, i, field, fallback)                                   \
  G_STMT_START {                                                        \
    Item *item_;                                                        \
    g_return_val_if_fail (TS_IS_SENSORS_MONITOR (self), fallback);      \
    item_ = get_item ((self)->fans, i);                                 \
    return item_ != NULL ? item_->field : fallback;                     \
  } G_STMT_END

guint
ts_sensors_monitor_get_n_temperatures (TsSensorsMonitor *self)
{
  g_return_val_if_fail (TS_IS_SENSORS_MONITOR (self), 0);
  return self->temps->len;
}

const char *
ts_sensors_monitor_get_temperature_chip (TsSensorsMonitor *self, guint i)
{
  TEMP (self, i, chip, NULL);
}

const char *
ts_sensors_monitor_get_temperature_label (TsSensorsMonitor *self, guint i)
{
  TEMP (self, i, label, NULL);
}

const char *
ts_sensors_monitor_get_temperature_display_label (TsSensorsMonitor *self, guint i)
{
  TEMP (self, i, display, NULL);
}

double
ts_sensors_monitor_get_temperature_current (TsSensorsMonitor *self, guint i)
{
  TEMP (self, i, current, NAN);
}

double
ts_sensors_monitor_get_temperature_high (TsSensorsMonitor *self, guint i)
{
  TEMP (self, i, high, NAN);
}

double
ts_sensors_monitor_get_temperature_critical (TsSensorsMonitor *self, guint i)
{
  TEMP (self, i, critical, NAN);
}

TsHistory *
ts_sensors_monitor_get_temperature_history (TsSensorsMonitor *self, guint i)
{
  TEMP (self, i, history, NULL);
}

guint
ts_sensors_monitor_get_n_fans (TsSensorsMonitor *self)
{
  g_return_val_if_fail (TS_IS_SENSORS_MONITOR (self), 0);
  return self->fans->len;
}

const char *
ts_sensors_monitor_get_fan_chip (TsSensorsMonitor *self, guint i)
{
  FAN (self, i, chip, NULL);
}

const char *
ts_sensors_monitor_get_fan_label (TsSensorsMonitor *self, guint i)
{
  FAN (self, i, label, NULL);
}

const char *
ts_sensors_monitor_get_fan_display_label (TsSensorsMonitor *self, guint i)
{
  FAN (self, i, display, NULL);
}

double
ts_sensors_monitor_get_fan_current (TsSensorsMonitor *self, guint i)
{
  FAN (self, i, current, NAN);
}

TsHistory *
ts_sensors_monitor_get_fan_history (TsSensorsMonitor *self, guint i)
{
  FAN (self, i, history, NULL);
}

gboolean
ts_sensors_monitor_get_battery (TsSensorsMonitor *self, TsBattery *out)
{
  g_return_val_if_fail (TS_IS_SENSORS_MONITOR (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!self->battery_present)
    {
      memset (out, 0, sizeof *out);
      return FALSE;
    }
  *out = self->battery;
  return TRUE;
}

TsHistory *
ts_sensors_monitor_get_battery_history (TsSensorsMonitor *self)
{
  g_return_val_if_fail (TS_IS_SENSORS_MONITOR (self), NULL);
  return self->battery_history;
}
