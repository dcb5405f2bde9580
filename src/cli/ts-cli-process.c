/* SPDX-License-Identifier: GPL-3.0-or-later */
/* taskscope-cli processes, process, environ, mem. */
#define G_LOG_DOMAIN "taskscope-cli"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ts-cli.h"

/* psutil's attribute names and the platform fields each needs. */
static const struct
{
  const char *name;
  uint32_t    fields;
} attrs[] = {
  { "pid",              0 },
  { "ppid",             TS_PF_PPID },
  { "name",             TS_PF_NAME },
  { "exe",              TS_PF_EXE },
  { "cmdline",          TS_PF_CMDLINE },
  { "cwd",              TS_PF_CWD },
  { "status",           TS_PF_STATUS },
  { "username",         TS_PF_UIDS },
  { "uids",             TS_PF_UIDS },
  { "gids",             TS_PF_GIDS },
  { "terminal",         TS_PF_TERMINAL },
  { "create_time",      TS_PF_CREATE_TIME },
  { "cpu_times",        TS_PF_CPU_TIMES },
  { "num_threads",      TS_PF_NUM_THREADS },
  { "num_ctx_switches", TS_PF_NUM_CTX_SWITCHES },
  { "nice",             TS_PF_NICE },
  { "ionice",           TS_PF_IONICE },
  { "cpu_num",          TS_PF_CPU_NUM },
  { "cpu_affinity",     TS_PF_CPU_AFFINITY },
  { "memory_info",      TS_PF_MEMORY_INFO },
  { "memory_full_info", TS_PF_MEMORY_INFO | TS_PF_MEMORY_FULL },
  { "io_counters",      TS_PF_IO_COUNTERS },
  { "environ",          TS_PF_ENVIRON },
  { "threads",          TS_PF_THREADS },
};

static int
attr_index (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (attrs); i++)
    if (strcmp (attrs[i].name, name) == 0)
      return (int) i;
  return -1;
}

/* cmdline as psutil splits it: NUL-separated, unless a process rewrote its
 * title with spaces (setproctitle), which reads as one space-separated string. */
static GPtrArray *
split_cmdline (const TsProcSample *s)
{
  GPtrArray *args = g_ptr_array_new_with_free_func (g_free);
  const char *data = s->cmdline;
  gsize len = s->cmdline_len;
  gsize start = 0;
  char sep;

  if (data == NULL || len == 0)
    return args;
  sep = data[len - 1] == '\0' ? '\0' : ' ';
  if (data[len - 1] == sep)
    len--;
  if (sep == '\0' && memchr (data, '\0', len) == NULL && memchr (data, ' ', len) != NULL)
    sep = ' ';
  for (gsize i = 0; i <= len; i++)
    if (i == len || data[i] == sep)
      {
        g_ptr_array_add (args, ts_cli_utf8 (data + start, (gssize) (i - start)));
        start = i + 1;
      }
  return args;
}

static char *
cmdline_text (const TsProcSample *s)
{
  g_autoptr(GPtrArray) args = split_cmdline (s);

  g_ptr_array_add (args, NULL);
  return g_strjoinv (" ", (char **) args->pdata);
}

static JsonNode *
cpu_set_node (const uint64_t set[TS_CPU_SET_WORDS])
{
  JsonArray *arr = json_array_new ();

  for (int cpu = 0; cpu < TS_CPU_SET_WORDS * 64; cpu++)
    if (set[cpu / 64] & (UINT64_C (1) << (cpu % 64)))
      json_array_add_int_element (arr, cpu);
  return json_node_init_array (json_node_alloc (), arr);
}

static void
add_id_triple (JsonBuilder *b, const uint32_t v[3])
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "real");
  json_builder_add_int_value (b, v[0]);
  json_builder_set_member_name (b, "effective");
  json_builder_add_int_value (b, v[1]);
  json_builder_set_member_name (b, "saved");
  json_builder_add_int_value (b, v[2]);
  json_builder_end_object (b);
}

static void
add_u64 (JsonBuilder *b, const char *name, guint64 v)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, (gint64) MIN (v, (guint64) G_MAXINT64));
}

static void
add_double (JsonBuilder *b, const char *name, double v)
{
  json_builder_set_member_name (b, name);
  json_builder_add_double_value (b, v);
}

/* Entries without '=' are kept, with a null value: nothing is dropped. */
static JsonNode *
environ_node (const TsProcSample *s)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const char *p = s->environ, *end = s->environ + s->environ_len;

  json_builder_begin_object (b);
  while (p != NULL && p < end)
    {
      const char *nul = memchr (p, '\0', (gsize) (end - p));
      const char *entry_end = nul != NULL ? nul : end;
      const char *eq = memchr (p, '=', (gsize) (entry_end - p));

      if (entry_end > p)
        {
          g_autofree char *key = ts_cli_utf8 (p, (eq != NULL ? eq : entry_end) - p);

          json_builder_set_member_name (b, key);
          if (eq != NULL)
            {
              g_autofree char *value = ts_cli_utf8 (eq + 1, entry_end - eq - 1);
              json_builder_add_string_value (b, value);
            }
          else
            json_builder_add_null_value (b);
        }
      p = entry_end + 1;
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
add_memory_info (JsonBuilder *b, const TsProcSample *s)
{
  add_u64 (b, "rss", s->rss);
  add_u64 (b, "vms", s->vms);
  add_u64 (b, "shared", s->shared);
  add_u64 (b, "text", s->text);
  add_u64 (b, "lib", s->lib);
  add_u64 (b, "data", s->data);
  add_u64 (b, "dirty", s->dirty);
}

/* One attribute's value; FALSE when its fields are not valid. */
static gboolean
add_attr_value (TsCli *cli, JsonBuilder *b, int a, const TsProcSample *s)
{
  const char *name = attrs[a].name;
  char buf[256];

  if ((s->valid & attrs[a].fields) != attrs[a].fields)
    return FALSE;

  if (strcmp (name, "pid") == 0)
    json_builder_add_int_value (b, s->pid);
  else if (strcmp (name, "ppid") == 0)
    json_builder_add_int_value (b, s->ppid);
  else if (strcmp (name, "name") == 0)
    {
      g_autofree char *v = ts_cli_utf8 (s->name, -1);
      json_builder_add_string_value (b, v);
    }
  else if (strcmp (name, "exe") == 0 || strcmp (name, "cwd") == 0)
    {
      g_autofree char *v = ts_cli_utf8 (name[0] == 'e' ? s->exe : s->cwd, -1);
      json_builder_add_string_value (b, v);
    }
  else if (strcmp (name, "cmdline") == 0)
    {
      g_autoptr(GPtrArray) args = split_cmdline (s);

      json_builder_begin_array (b);
      for (guint i = 0; i < args->len; i++)
        json_builder_add_string_value (b, g_ptr_array_index (args, i));
      json_builder_end_array (b);
    }
  else if (strcmp (name, "status") == 0)
    json_builder_add_string_value (b, ts_proc_status_name (s->status));
  else if (strcmp (name, "username") == 0)
    {
      json_builder_add_string_value (b, ts_cli_user_name (cli, s->uids[0]));
    }
  else if (strcmp (name, "uids") == 0 || strcmp (name, "gids") == 0)
    add_id_triple (b, name[0] == 'u' ? s->uids : s->gids);
  else if (strcmp (name, "terminal") == 0)
    {
      if (s->tty_nr != 0 && ts_platform_terminal_name (cli->platform, s->tty_nr, buf, sizeof buf))
        {
          g_autofree char *v = ts_cli_utf8 (buf, -1);
          json_builder_add_string_value (b, v);
        }
      else
        json_builder_add_null_value (b);
    }
  else if (strcmp (name, "create_time") == 0)
    json_builder_add_double_value (b, s->create_time);
  else if (strcmp (name, "cpu_times") == 0)
    {
      json_builder_begin_object (b);
      add_double (b, "user", s->cpu_user);
      add_double (b, "system", s->cpu_system);
      add_double (b, "children_user", s->cpu_children_user);
      add_double (b, "children_system", s->cpu_children_system);
      add_double (b, "iowait", s->cpu_iowait);
      json_builder_end_object (b);
    }
  else if (strcmp (name, "num_threads") == 0)
    json_builder_add_int_value (b, s->num_threads);
  else if (strcmp (name, "num_ctx_switches") == 0)
    {
      json_builder_begin_object (b);
      add_u64 (b, "voluntary", s->ctx_voluntary);
      add_u64 (b, "involuntary", s->ctx_involuntary);
      json_builder_end_object (b);
    }
  else if (strcmp (name, "nice") == 0)
    json_builder_add_int_value (b, s->nice);
  else if (strcmp (name, "ionice") == 0)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "ioclass");
      json_builder_add_int_value (b, s->ionice_class);
      json_builder_set_member_name (b, "value");
      json_builder_add_int_value (b, s->ionice_value);
      json_builder_end_object (b);
    }
  else if (strcmp (name, "cpu_num") == 0)
    json_builder_add_int_value (b, s->cpu_num);
  else if (strcmp (name, "cpu_affinity") == 0)
    json_builder_add_value (b, cpu_set_node (s->cpu_affinity));
  else if (strcmp (name, "memory_info") == 0)
    {
      json_builder_begin_object (b);
      add_memory_info (b, s);
      json_builder_end_object (b);
    }
  else if (strcmp (name, "memory_full_info") == 0)
    {
      json_builder_begin_object (b);
      add_memory_info (b, s);
      add_u64 (b, "uss", s->uss);
      add_u64 (b, "pss", s->pss);
      add_u64 (b, "swap", s->swap);
      json_builder_end_object (b);
    }
  else if (strcmp (name, "io_counters") == 0)
    {
      json_builder_begin_object (b);
      add_u64 (b, "read_count", s->read_count);
      add_u64 (b, "write_count", s->write_count);
      add_u64 (b, "read_bytes", s->read_bytes);
      add_u64 (b, "write_bytes", s->write_bytes);
      add_u64 (b, "read_chars", s->read_chars);
      add_u64 (b, "write_chars", s->write_chars);
      json_builder_end_object (b);
    }
  else if (strcmp (name, "environ") == 0)
    json_builder_add_value (b, environ_node (s));
  else if (strcmp (name, "threads") == 0)
    {
      json_builder_begin_array (b);
      for (gsize i = 0; i < s->n_threads; i++)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_int_value (b, s->threads[i].id);
          add_double (b, "user_time", s->threads[i].user);
          add_double (b, "system_time", s->threads[i].system);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  else
    return FALSE;
  return TRUE;
}

/* The first field of an attribute that failed, for its error text. */
static const TsPlatformError *
attr_error (const TsProcSample *s, int a)
{
  for (int i = 0; i < TS_PF_N_FIELDS; i++)
    if ((attrs[a].fields & (1u << i)) && !(s->valid & (1u << i)))
      return ts_proc_sample_field_error (s, (TsProcField) (1u << i));
  return NULL;
}

static void
add_process_members (TsCli *cli, JsonBuilder *b, const TsProcSample *s, const int *sel, gsize n_sel)
{
  g_autoptr(GPtrArray) failed = g_ptr_array_new ();

  for (gsize k = 0; k < n_sel; k++)
    {
      json_builder_set_member_name (b, attrs[sel[k]].name);
      if (!add_attr_value (cli, b, sel[k], s))
        {
          json_builder_add_null_value (b);
          g_ptr_array_add (failed, GINT_TO_POINTER (sel[k] + 1));
        }
    }

  if (failed->len > 0)
    {
      json_builder_set_member_name (b, "errors");
      json_builder_begin_object (b);
      for (guint k = 0; k < failed->len; k++)
        {
          int a = GPOINTER_TO_INT (g_ptr_array_index (failed, k)) - 1;
          const TsPlatformError *e = attr_error (s, a);
          char text[512];
          g_autofree char *valid = NULL;

          json_builder_set_member_name (b, attrs[a].name);
          ts_platform_error_format (e, text, sizeof text);
          valid = ts_cli_utf8 (text, -1);
          json_builder_add_string_value (b, valid);
        }
      json_builder_end_object (b);
    }
}

static uint32_t
fields_of (const int *sel, gsize n_sel)
{
  uint32_t f = 0;

  for (gsize k = 0; k < n_sel; k++)
    f |= attrs[sel[k]].fields;
  return f;
}

/* ------------------------------------------------------------- processes */

static const char *default_attrs[] = {
  "pid", "ppid", "name", "username", "status", "create_time", "cpu_times",
  "num_threads", "memory_info", "cmdline",
};

static int
usage_processes (void)
{
  return ts_cli_fail (2, "usage: taskscope-cli processes [--json] [--attrs a,b,c] [--memory-full]");
}

int
ts_cli_cmd_processes (TsCli *cli, int argc, char **argv)
{
  g_autofree int *sel = g_new0 (int, G_N_ELEMENTS (attrs) + 1);
  gsize n_sel = 0;
  gboolean memory_full = FALSE, custom = FALSE;
  g_autofree TsPid *pids = NULL;
  size_t n_pids = 0;
  TsPlatformError err;
  TsProcSample sample;
  uint32_t wanted;

  for (int i = 1; i < argc; i++)
    {
      const char *list = NULL;

      if (strcmp (argv[i], "--json") == 0)
        continue;
      else if (strcmp (argv[i], "--memory-full") == 0)
        memory_full = TRUE;
      else if (strcmp (argv[i], "--attrs") == 0 && i + 1 < argc)
        list = argv[++i];
      else if (g_str_has_prefix (argv[i], "--attrs="))
        list = argv[i] + strlen ("--attrs=");
      else
        return usage_processes ();

      if (list != NULL)
        {
          g_auto(GStrv) names = g_strsplit (list, ",", -1);

          custom = TRUE;
          for (int k = 0; names[k] != NULL; k++)
            {
              int a = attr_index (g_strstrip (names[k]));
              gboolean dup = FALSE;

              if (a < 0)
                return ts_cli_fail (2, "unknown attribute '%s'", names[k]);
              for (gsize j = 0; j < n_sel; j++)
                dup |= sel[j] == a;
              if (!dup)
                sel[n_sel++] = a;
            }
        }
    }

  if (!custom)
    for (gsize k = 0; k < G_N_ELEMENTS (default_attrs); k++)
      sel[n_sel++] = attr_index (default_attrs[k]);
  if (memory_full && attr_index ("memory_full_info") >= 0)
    {
      int a = attr_index ("memory_full_info");
      gboolean have = FALSE;

      for (gsize j = 0; j < n_sel; j++)
        have |= sel[j] == a;
      if (!have)
        sel[n_sel++] = a;
    }
  wanted = fields_of (sel, n_sel);

  if (!ts_platform_list_pids (cli->platform, &pids, &n_pids, &err))
    return ts_cli_fail_platform ("cannot list processes", &err);

  ts_proc_sample_init (&sample);

  if (cli->json)
    {
      /* One object at a time, written as it is read: the whole tree for
       * 2000 processes cost a quarter of the run in allocations and page
       * faults (bench/README.md). */
      g_autoptr(JsonGenerator) gen = json_generator_new ();
      gboolean first = TRUE;

      json_generator_set_pretty (gen, TRUE);
      json_generator_set_indent (gen, 2);
      fputs ("[", stdout);
      for (size_t i = 0; i < n_pids; i++)
        {
          g_autoptr(JsonBuilder) b = NULL;
          g_autoptr(JsonNode) node = NULL;
          g_autofree char *text = NULL;

          /* A process that exits while we list is not an error: skip it. */
          if (!ts_platform_read_process (cli->platform, pids[i], wanted, &sample, &err))
            continue;
          b = json_builder_new ();
          json_builder_begin_object (b);
          add_process_members (cli, b, &sample, sel, n_sel);
          json_builder_end_object (b);
          node = json_builder_get_root (b);
          json_generator_set_root (gen, node);
          text = json_generator_to_data (gen, NULL);
          fputs (first ? "\n" : ",\n", stdout);
          fputs (text, stdout);
          first = FALSE;
        }
      fputs (first ? "]\n" : "\n]\n", stdout);
      ts_proc_sample_clear (&sample);
      return 0;
    }

  {
    g_autoptr(TsCliTable) t = ts_cli_table_new (">PID", ">PPID", "USER", "STATE", ">THR",
                                                memory_full ? ">USS" : ">RSS", "NAME", "COMMAND", NULL);

    wanted |= TS_PF_PPID | TS_PF_UIDS | TS_PF_STATUS | TS_PF_NUM_THREADS | TS_PF_NAME
              | TS_PF_CMDLINE | TS_PF_MEMORY_INFO;
    for (size_t i = 0; i < n_pids; i++)
      {
        guint64 mem;
        gboolean have_mem;

        if (!ts_platform_read_process (cli->platform, pids[i], wanted, &sample, &err))
          continue;
        have_mem = memory_full ? (sample.valid & TS_PF_MEMORY_FULL) != 0
                               : (sample.valid & TS_PF_MEMORY_INFO) != 0;
        mem = memory_full ? sample.uss : sample.rss;
        ts_cli_table_add_row (t,
                              g_strdup_printf ("%d", sample.pid),
                              g_strdup_printf ("%d", sample.ppid),
                              (sample.valid & TS_PF_UIDS) ? g_strdup (ts_cli_user_name (cli, sample.uids[0])) : g_strdup ("?"),
                              g_strdup (ts_proc_status_name (sample.status)),
                              g_strdup_printf ("%d", sample.num_threads),
                              have_mem ? ts_cli_format_bytes (mem) : g_strdup ("-"),
                              ts_cli_utf8 (sample.name, -1),
                              (sample.valid & TS_PF_CMDLINE) ? cmdline_text (&sample) : g_strdup ("?"));
      }
    ts_proc_sample_clear (&sample);
    ts_cli_table_print (t);
  }
  return 0;
}

/* --------------------------------------------------------------- process */

static GArray *
parents_of (TsCli *cli, const TsProcSample *s)
{
  GArray *chain = g_array_new (FALSE, FALSE, sizeof (TsPid));
  TsProcSample p;
  TsPid ppid = s->ppid;

  ts_proc_sample_init (&p);
  /* Guard against a cycle in a doctored tree as well as PID 0's absence. */
  while (ppid > 0 && chain->len < 4096)
    {
      g_array_append_val (chain, ppid);
      if (!ts_platform_read_process (cli->platform, ppid, TS_PF_PPID, &p, NULL) || p.ppid == ppid)
        break;
      ppid = p.ppid;
    }
  ts_proc_sample_clear (&p);
  return chain;
}

static GArray *
children_of (TsCli *cli, TsPid pid)
{
  GArray *kids = g_array_new (FALSE, FALSE, sizeof (TsPid));
  g_autofree TsPid *pids = NULL;
  size_t n = 0;
  TsProcSample p;

  if (!ts_platform_list_pids (cli->platform, &pids, &n, NULL))
    return kids;
  ts_proc_sample_init (&p);
  for (size_t i = 0; i < n; i++)
    if (ts_platform_read_process (cli->platform, pids[i], TS_PF_PPID, &p, NULL) && p.ppid == pid && p.pid != pid)
      g_array_append_val (kids, pids[i]);
  ts_proc_sample_clear (&p);
  return kids;
}

static JsonNode *
pid_list_node (GArray *pids)
{
  JsonArray *arr = json_array_new ();

  for (guint i = 0; i < pids->len; i++)
    json_array_add_int_element (arr, g_array_index (pids, TsPid, i));
  return json_node_init_array (json_node_alloc (), arr);
}

static char *
pid_list_text (GArray *pids)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < pids->len; i++)
    g_string_append_printf (s, "%s%d", i > 0 ? " " : "", g_array_index (pids, TsPid, i));
  return g_string_free (s, FALSE);
}

static int
read_one (TsCli *cli, int argc, char **argv, const char *usage, uint32_t wanted, TsProcSample *s)
{
  TsPlatformError err;
  TsPid pid = 0;
  const char *arg = NULL;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--json") == 0)
        continue;
      if (arg != NULL)
        return ts_cli_fail (2, "usage: %s", usage);
      arg = argv[i];
    }
  if (arg == NULL || !ts_cli_parse_pid (arg, &pid))
    return ts_cli_fail (2, "usage: %s", usage);

  if (!ts_platform_read_process (cli->platform, pid, wanted, s, &err))
    {
      char text[512];
      g_autofree char *valid = NULL;

      ts_platform_error_format (&err, text, sizeof text);
      valid = ts_cli_utf8 (text, -1);
      if (err.kind == TS_PLATFORM_ERR_NO_SUCH_PROCESS)
        return ts_cli_fail (1, "no such process: %d (%s)", pid, valid);
      return ts_cli_fail (1, "cannot read process %d: %s", pid, valid);
    }
  return 0;
}

int
ts_cli_cmd_process (TsCli *cli, int argc, char **argv)
{
  g_autofree int *sel = g_new0 (int, G_N_ELEMENTS (attrs));
  g_autoptr(GArray) parents = NULL;
  g_autoptr(GArray) children = NULL;
  TsProcSample s;
  int status;

  for (gsize a = 0; a < G_N_ELEMENTS (attrs); a++)
    sel[a] = (int) a;

  ts_proc_sample_init (&s);
  status = read_one (cli, argc, argv, "taskscope-cli process PID [--json]", TS_PF_ALL, &s);
  if (status != 0)
    return status;

  parents = parents_of (cli, &s);
  children = children_of (cli, s.pid);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      add_process_members (cli, b, &s, sel, G_N_ELEMENTS (attrs));
      json_builder_set_member_name (b, "parents");
      json_builder_add_value (b, pid_list_node (parents));
      json_builder_set_member_name (b, "children");
      json_builder_add_value (b, pid_list_node (children));
      json_builder_end_object (b);
      ts_cli_print_json (json_builder_get_root (b));
    }
  else
    {
      /* People get the same attributes as flat "name: value" lines; nested
       * values are printed as their JSON text, which stays readable. */
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonGenerator) gen = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *p_text = pid_list_text (parents);
      g_autofree char *c_text = pid_list_text (children);
      JsonObject *obj;
      JsonObject *errors;

      json_builder_begin_object (b);
      add_process_members (cli, b, &s, sel, G_N_ELEMENTS (attrs));
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      obj = json_node_get_object (root);
      errors = json_object_has_member (obj, "errors") ? json_object_get_object_member (obj, "errors") : NULL;

      for (gsize a = 0; a < G_N_ELEMENTS (attrs); a++)
        {
          JsonNode *v = json_object_get_member (obj, attrs[a].name);
          g_autofree char *text = NULL;

          if (strcmp (attrs[a].name, "environ") == 0 || strcmp (attrs[a].name, "threads") == 0)
            continue;
          if (v == NULL || JSON_NODE_HOLDS_NULL (v))
            {
              const char *e = errors != NULL && json_object_has_member (errors, attrs[a].name)
                              ? json_object_get_string_member (errors, attrs[a].name) : NULL;
              printf ("%-17s %s\n", attrs[a].name, e != NULL ? e : "-");
              continue;
            }
          if (JSON_NODE_HOLDS_VALUE (v) && json_node_get_value_type (v) == G_TYPE_STRING)
            text = g_strdup (json_node_get_string (v));
          else
            {
              json_generator_set_root (gen, v);
              text = json_generator_to_data (gen, NULL);
            }
          printf ("%-17s %s\n", attrs[a].name, text);
        }
      if (s.valid & TS_PF_THREADS)
        printf ("%-17s %zu\n", "threads", s.n_threads);
      else
        printf ("%-17s -\n", "threads");
      printf ("%-17s %s\n", "environ", (s.valid & TS_PF_ENVIRON)
              ? "(taskscope-cli environ PID)" : "-");
      printf ("%-17s %s\n", "parents", p_text);
      printf ("%-17s %s\n", "children", c_text);
    }
  ts_proc_sample_clear (&s);
  return 0;
}

/* --------------------------------------------------------------- environ */

int
ts_cli_cmd_environ (TsCli *cli, int argc, char **argv)
{
  TsProcSample s;
  int status;

  ts_proc_sample_init (&s);
  status = read_one (cli, argc, argv, "taskscope-cli environ PID [--json]", TS_PF_ENVIRON, &s);
  if (status != 0)
    return status;

  if (!(s.valid & TS_PF_ENVIRON))
    {
      status = ts_cli_fail_platform ("cannot read the environment",
                                     ts_proc_sample_field_error (&s, TS_PF_ENVIRON));
      ts_proc_sample_clear (&s);
      return status;
    }

  if (cli->json)
    ts_cli_print_json (environ_node (&s));
  else
    {
      /* Bytes as the process has them: a shell can read them back. */
      const char *p = s.environ, *end = s.environ + s.environ_len;

      while (p != NULL && p < end)
        {
          const char *nul = memchr (p, '\0', (gsize) (end - p));
          const char *entry_end = nul != NULL ? nul : end;

          if (entry_end > p)
            {
              fwrite (p, 1, (gsize) (entry_end - p), stdout);
              fputc ('\n', stdout);
            }
          p = entry_end + 1;
        }
    }
  ts_proc_sample_clear (&s);
  return 0;
}

/* ------------------------------------------------------------------- mem */

typedef struct
{
  TsPid    pid;
  uint32_t uid;
  char    *cmd;
  guint64  uss, pss, swap, rss;
} MemRow;

static int
cmp_uss (gconstpointer a, gconstpointer b)
{
  const MemRow *x = a, *y = b;

  if (x->uss != y->uss)
    return x->uss < y->uss ? -1 : 1;
  return (x->pid > y->pid) - (x->pid < y->pid);
}

static void
mem_row_clear (gpointer p)
{
  g_free (((MemRow *) p)->cmd);
}

int
ts_cli_cmd_mem (TsCli *cli, int argc, char **argv)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (MemRow));
  g_autofree TsPid *pids = NULL;
  size_t n_pids = 0, denied = 0;
  TsPlatformError err;
  TsProcSample s;
  const uint32_t wanted = TS_PF_NAME | TS_PF_CMDLINE | TS_PF_UIDS | TS_PF_MEMORY_INFO | TS_PF_MEMORY_FULL;

  for (int i = 1; i < argc; i++)
    if (strcmp (argv[i], "--json") != 0)
      return ts_cli_fail (2, "usage: taskscope-cli mem [--json]");

  g_array_set_clear_func (rows, mem_row_clear);
  if (!ts_platform_list_pids (cli->platform, &pids, &n_pids, &err))
    return ts_cli_fail_platform ("cannot list processes", &err);

  ts_proc_sample_init (&s);
  for (size_t i = 0; i < n_pids; i++)
    {
      MemRow row = { 0 };

      if (!ts_platform_read_process (cli->platform, pids[i], wanted, &s, &err))
        continue;
      if (!(s.valid & TS_PF_MEMORY_FULL) || !(s.valid & TS_PF_MEMORY_INFO))
        {
          denied++;
          continue;
        }
      /* Kernel threads own no memory: like smem, leave them out. */
      if (s.rss == 0 && s.uss == 0)
        continue;
      row.pid = s.pid;
      row.uid = s.uids[0];
      row.cmd = (s.valid & TS_PF_CMDLINE) && s.cmdline_len > 0 ? cmdline_text (&s) : ts_cli_utf8 (s.name, -1);
      row.uss = s.uss;
      row.pss = s.pss;
      row.swap = s.swap;
      row.rss = s.rss;
      g_array_append_val (rows, row);
    }
  ts_proc_sample_clear (&s);
  g_array_sort (rows, cmp_uss);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = rows->len; i-- > 0;)
        {
          MemRow *r = &g_array_index (rows, MemRow, i);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "pid");
          json_builder_add_int_value (b, r->pid);
          json_builder_set_member_name (b, "username");
          json_builder_add_string_value (b, ts_cli_user_name (cli, r->uid));
          json_builder_set_member_name (b, "cmdline");
          json_builder_add_string_value (b, r->cmd);
          add_u64 (b, "uss", r->uss);
          add_u64 (b, "pss", r->pss);
          add_u64 (b, "swap", r->swap);
          add_u64 (b, "rss", r->rss);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      ts_cli_print_json (json_builder_get_root (b));
    }
  else
    {
      g_autoptr(TsCliTable) t = ts_cli_table_new (">PID", "User", "Command", ">USS", ">PSS", ">Swap", ">RSS", NULL);
      guint64 tot_uss = 0, tot_pss = 0, tot_swap = 0, tot_rss = 0;

      for (guint i = rows->len; i-- > 0;)
        {
          MemRow *r = &g_array_index (rows, MemRow, i);
          g_autofree char *cmd = NULL;

          cmd = g_utf8_strlen (r->cmd, -1) > 60 ? g_strdup_printf ("%.*s…", (int) (g_utf8_offset_to_pointer (r->cmd, 59) - r->cmd), r->cmd)
                                                : g_strdup (r->cmd);
          ts_cli_table_add_row (t, g_strdup_printf ("%d", r->pid), g_strdup (ts_cli_user_name (cli, r->uid)), g_steal_pointer (&cmd),
                                ts_cli_format_bytes (r->uss), ts_cli_format_bytes (r->pss),
                                ts_cli_format_bytes (r->swap), ts_cli_format_bytes (r->rss));
          tot_uss += r->uss;
          tot_pss += r->pss;
          tot_swap += r->swap;
          tot_rss += r->rss;
        }
      ts_cli_table_add_row (t, g_strdup (""), g_strdup (""), g_strdup_printf ("total (%u processes)", rows->len),
                            ts_cli_format_bytes (tot_uss), ts_cli_format_bytes (tot_pss),
                            ts_cli_format_bytes (tot_swap), ts_cli_format_bytes (tot_rss));
      ts_cli_table_print (t);
      if (denied > 0)
        printf ("\n%zu processes not shown: their memory maps are not readable by this user.\n", denied);
    }
  return 0;
}
