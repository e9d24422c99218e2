/* bench-outline.c — throughput of the outline detector
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-outline [--builtin | FILE…]
 *
 * Repeats the given speeches (by default the corpus in tests/data/corpus-dev;
 * with --builtin, or when that is missing, a built-in speech) to 5 MB of paragraphed text and to the same text as one
 * run-on line, and prints the detector's throughput at 1.25, 2.5 and 5 MB,
 * so that growth that is not linear shows.
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "jj-outline.h"

#define TARGET_BYTES (5 * 1000 * 1000)
#define ROUNDS       10

static const char builtin[] =
  "关于做好下半年工作的讲话\n同志们：\n今天我们召开会议，我讲三点意见。\n"
  "一、要牢牢把握新形势\n从总体来看，形势逼人。一是“新一轮”。今年是起始之年。二是“新复检”。"
  "今年复检时间更紧，批次更多，第一次检查过的城市仍有可能被检查。三是“新面孔”。\n"
  "二、要切实提高新认识\n各地要统一思想。一要坚持以群众为中心。二要坚持以典范为目标。"
  "三要坚持以问题为导向。全年投资1.5亿元。\n"
  "三、要严格落实新要求\n（一）加强组织领导\n1.健全工作机制。要明确分工。2.压实工作责任。\n"
  "（二）强化督查考核\n一方面，要吃透标准。另一方面，要用好成果。\n"
  "同志们，让我们共同努力！\n";

static void
append_file (GString    *out,
             const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return;
  g_string_append_len (out, contents, len);
  if (len > 0 && contents[len - 1] != '\n')
    g_string_append_c (out, '\n');
}

static GString *
load_seed (int    argc,
           char **argv)
{
  GString *seed = g_string_new (NULL);
  gboolean builtin_only = argc > 1 && g_str_equal (argv[1], "--builtin");

  for (int i = 1; i < argc && !builtin_only; i++)
    append_file (seed, argv[i]);

  if (seed->len == 0 && !builtin_only)
    {
      const char *dir = JJ_TEST_DATA_DIR "/corpus-dev/raw";
      g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
      const char *name;

      while (d != NULL && (name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);

          if (g_str_has_suffix (name, ".txt"))
            append_file (seed, path);
        }
    }

  if (seed->len == 0)
    g_string_append (seed, builtin);

  return seed;
}

/* Best of ROUNDS, in wall-clock and in CPU seconds: on a loaded machine
 * the CPU time is the fairer figure.
 */
static void
measure (const char *text,
         gsize       len,
         guint      *n_entries,
         double     *wall,
         double     *cpu)
{
  *wall = G_MAXDOUBLE;
  *cpu = G_MAXDOUBLE;

  for (guint r = 0; r < ROUNDS; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      clock_t c0 = clock ();
      g_autoptr(JjOutline) outline = jj_outline_detect (text, len, NULL, 0);
      double secs = (g_get_monotonic_time () - t0) / 1e6;
      double cpu_secs = (double)(clock () - c0) / CLOCKS_PER_SEC;

      *wall = MIN (*wall, secs);
      *cpu = MIN (*cpu, cpu_secs);
      *n_entries = jj_outline_get_n_entries (outline);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GString) seed = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GString) runon = NULL;
  const gsize sizes[] = { TARGET_BYTES / 4, TARGET_BYTES / 2, TARGET_BYTES };

  setlocale (LC_ALL, "");

  seed = load_seed (argc, argv);
  text = g_string_sized_new (TARGET_BYTES + seed->len);
  while (text->len < TARGET_BYTES)
    g_string_append_len (text, seed->str, seed->len);
  /* whole characters only */
  while (text->len > TARGET_BYTES && (text->str[TARGET_BYTES] & 0xC0) == 0x80)
    g_string_truncate (text, text->len - 1);
  g_string_truncate (text, TARGET_BYTES);
  while (text->len > 0 && (text->str[text->len - 1] & 0x80) != 0
         && !g_utf8_validate (text->str, text->len, NULL))
    g_string_truncate (text, text->len - 1);

  runon = g_string_new_len (text->str, text->len);
  g_string_replace (runon, "\n", "", 0);

  printf ("form\tbytes\tseconds\tMB/s\tcpu-seconds\tcpu-MB/s\tentries\n");
  for (guint form = 0; form < 2; form++)
    {
      GString *t = form == 0 ? text : runon;

      for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
        {
          gsize len = MIN (sizes[k], t->len);
          guint n_entries = 0;
          double secs, cpu;

          while (len > 0 && (t->str[len] & 0xC0) == 0x80)
            len--;
          measure (t->str, len, &n_entries, &secs, &cpu);
          printf ("%s\t%" G_GSIZE_FORMAT "\t%.4f\t%.1f\t%.4f\t%.1f\t%u\n",
                  form == 0 ? "paragraphed" : "run-on", len, secs, len / 1e6 / secs,
                  cpu, len / 1e6 / MAX (cpu, 1e-6), n_entries);
        }
    }

  return 0;
}
