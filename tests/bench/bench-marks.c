/* bench-marks.c — figures for marks: sidecar load and save, re-anchoring
 *
 * Usage: bench-marks [CORPUS-RAW-DIR]   (default: tests/data/corpus-dev/raw)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <stdio.h>
#include <sys/resource.h>
#include <time.h>
#include <string.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "anchor-scenarios.h"
#include "jj-anchor.h"
#include "jj-mark-store.h"
#include "jj-sidecar.h"

#define N_STORE_MARKS 10000
#define N_ANCHOR_MARKS 1000
#define TEXT_CHARS 1000000

/* CPU time of this process: the machine may be shared, and wall-clock
 * figures then say more about the neighbours than about the code.
 */
static gint64
cpu_usec (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static long
minor_faults (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_minflt;
}

static gint64 wall0;

static gint64
start_clock (void)
{
  wall0 = g_get_monotonic_time ();
  return cpu_usec ();
}

static double last_wall;

static double
ms_since (gint64 t0)
{
  last_wall = (g_get_monotonic_time () - wall0) / 1000.0;
  return (cpu_usec () - t0) / 1000.0;
}

/* About @n characters of speech text: the corpus, each copy with its
 * paragraphs in another order so that the copies are not identical.
 */
static char *
make_text (char  **texts,
           guint   n)
{
  GString *out = g_string_new (NULL);
  GRand *rand = g_rand_new_with_seed (3);
  guint chars = 0;

  while (chars < n)
    {
      for (guint i = 0; texts[i] != NULL && chars < n; i++)
        {
          g_auto(GStrv) paras = g_strsplit (texts[i], "\n", -1);
          guint np = g_strv_length (paras);

          for (guint k = np; k > 1; k--)
            {
              guint j = g_rand_int_range (rand, 0, k);
              char *tmp = paras[k - 1];

              paras[k - 1] = paras[j];
              paras[j] = tmp;
            }
          for (guint k = 0; k < np && chars < n; k++)
            {
              if (out->len > 0)
                {
                  g_string_append_c (out, '\n');
                  chars++;
                }
              g_string_append (out, paras[k]);
              chars += g_utf8_strlen (paras[k], -1);
            }
        }
    }

  g_rand_free (rand);

  return g_string_free (out, FALSE);
}

static void
bench_store (const char *text)
{
  g_autofree char *dir = g_dir_make_tmp ("jj-bench-XXXXXX", NULL);
  g_autofree char *doc = g_build_filename (dir, "speech.txt", NULL);
  g_autofree char *sidecar = g_strconcat (doc, ".jiejian.xml", NULL);
  g_autofree char *backup = g_strconcat (sidecar, ".bak", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (doc);
  g_autoptr(JjMarkStore) store = jj_mark_store_new (file);
  g_autoptr(JjMarkStore) again = jj_mark_store_new (file);
  g_autoptr(JjSidecar) parsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  guint len = g_utf8_strlen (text, -1);
  GRand *rand = g_rand_new_with_seed (11);
  gsize xml_len = 0;
  gint64 t0;
  double save1, save2, load, parse, serialize, tree, save1_wall, save2_wall, load_wall, fingerprint_ms;
  g_autofree char *fingerprint = NULL;
  long faults;

  /* The reader computes the fingerprint once, when it imports the
   * document, and hands it to the store.
   */
  t0 = start_clock ();
  fingerprint = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  fingerprint_ms = ms_since (t0);

  jj_mark_store_load (store, text, fingerprint, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_STORE_MARKS; i++)
    {
      guint start = g_rand_int_range (rand, 0, len - 100);
      JjMark *mark = jj_mark_store_add_range (store, start, start + g_rand_int_range (rand, 5, 80), "borrow", "二、… › 一要…");

      jj_mark_set_note (mark, "批注");
    }

  t0 = start_clock ();
  jj_mark_store_save (store, &error);
  save1 = ms_since (t0);
  save1_wall = last_wall;
  g_assert_no_error (error);

  t0 = start_clock ();
  jj_mark_store_save (store, &error);
  save2 = ms_since (t0);
  g_assert_no_error (error);
  save2_wall = last_wall;

  t0 = start_clock ();
  faults = minor_faults ();
  jj_mark_store_load (again, text, fingerprint, &error);
  load = ms_since (t0);
  load_wall = last_wall;
  faults = minor_faults () - faults;
  g_assert_no_error (error);
  g_assert (g_list_model_get_n_items (jj_mark_store_get_marks (again)) == N_STORE_MARKS);

  g_file_get_contents (sidecar, &xml, &xml_len, NULL);
  t0 = start_clock ();
  parsed = jj_sidecar_parse (xml, xml_len, &error);
  parse = ms_since (t0);
  t0 = start_clock ();
  g_free (jj_sidecar_to_xml (parsed, NULL));
  serialize = ms_since (t0);

  t0 = start_clock ();
  xmlFreeDoc (xmlReadMemory (xml, xml_len, "sidecar.xml", NULL, XML_PARSE_NONET));
  tree = ms_since (t0);

  printf ("(times are CPU time of this process; the save adds waiting for the disk)\n");
  printf ("sidecar of %u marks: %.1f MB\n", N_STORE_MARKS, xml_len / 1e6);
  printf ("  save (merge check, XML, atomic write with fsync): %.1f ms first, %.1f ms again\n", save1, save2);
  printf ("  load (read, parse, check every mark in a %u-character text): %.1f ms, %ld page faults\n", len, load, faults);
  printf ("  wall clock: first save %.1f ms, load %.1f ms\n", save1_wall, load_wall);
  printf ("  (SHA-256 fingerprint of the text, computed once at import: %.1f ms)\n", fingerprint_ms);
  printf ("  of which parse %.1f ms; serialize alone %.1f ms\n", parse, serialize);
  printf ("  second save, wall clock with fsync: %.1f ms\n", save2_wall);
  printf ("  for scale, libxml2 parsing the file into a tree, nothing else: %.1f ms\n", tree);

  g_unlink (sidecar);
  g_unlink (backup);
  g_rmdir (dir);
  g_rand_free (rand);
}

static void
bench_anchor (const char *text)
{
  g_autoptr(GPtrArray) marks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) edited_marks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JjAnchorText) old_text = jj_anchor_text_new (text, -1);
  g_autoptr(JjAnchorText) anchor = NULL;
  g_autoptr(GString) edited = g_string_new (NULL);
  guint len = jj_anchor_text_get_length (old_text);
  GRand *rand = g_rand_new_with_seed (5);
  guint counts[3] = { 0, };
  guint counts_edited[3] = { 0, };
  const char *p = text;
  gint64 t0;
  double t_prepare, t_exact, t_approx;

  for (guint i = 0; i < N_ANCHOR_MARKS; i++)
    {
      guint start = g_rand_int_range (rand, 100, len - 200);
      guint end = start + g_rand_int_range (rand, 8, 60);
      JjMark *mark = jj_mark_new ("borrow");
      g_autofree char *quote = jj_anchor_text_dup_range (old_text, start, end);
      g_autofree char *prefix = jj_anchor_text_dup_range (old_text, start - 32, start);
      g_autofree char *suffix = jj_anchor_text_dup_range (old_text, end, end + 32);

      jj_mark_set_range (mark, start, end);
      jj_mark_set_quote (mark, quote);
      jj_mark_set_context (mark, prefix, suffix);
      g_ptr_array_add (marks, mark);

      /* The same mark, its quote as it was before an edit, so that only
       * the approximate search can find it.
       */
      mark = jj_mark_new ("borrow");
      {
        g_autofree gunichar *ucs = g_utf8_to_ucs4_fast (quote, -1, NULL);
        g_autofree char *changed = NULL;

        ucs[(end - start) / 2] = 0x4E00;
        changed = g_ucs4_to_utf8 (ucs, end - start, NULL, NULL, NULL);
        jj_mark_set_range (mark, start, end);
        jj_mark_set_quote (mark, changed);
        jj_mark_set_context (mark, prefix, suffix);
      }
      g_ptr_array_add (edited_marks, mark);
    }

  /* Every position shifts: an insertion every 20,000 characters. */
  for (guint i = 0; *p != '\0'; i++)
    {
      const char *next = g_utf8_next_char (p);

      if (i % 20000 == 10)
        g_string_append (edited, "（插入的一句话。）");
      g_string_append_len (edited, p, next - p);
      p = next;
    }

  t0 = start_clock ();
  anchor = jj_anchor_text_new (edited->str, edited->len);
  t_prepare = ms_since (t0);

  t0 = start_clock ();
  for (guint i = 0; i < marks->len; i++)
    counts[jj_anchor_mark (anchor, g_ptr_array_index (marks, i), len)]++;
  t_exact = ms_since (t0);

  t0 = start_clock ();
  for (guint i = 0; i < edited_marks->len; i++)
    counts_edited[jj_anchor_mark (anchor, g_ptr_array_index (edited_marks, i), len)]++;
  t_approx = ms_since (t0);

  printf ("re-anchoring %u marks in %u characters (every position shifted):\n", N_ANCHOR_MARKS, jj_anchor_text_get_length (anchor));
  printf ("  text preparation %.1f ms\n", t_prepare);
  printf ("  intact quotes: %.1f ms (+ index build) — %u placed, %u moved, %u orphans\n",
          t_exact, counts[0], counts[1], counts[2]);
  printf ("  quotes changed, found by approximate search: %.1f ms — %u placed, %u moved, %u orphans\n",
          t_approx, counts_edited[0], counts_edited[1], counts_edited[2]);

  g_rand_free (rand);
}

static void
print_count (const char          *name,
             const ScenarioCount *c)
{
  printf ("  %-16s %5u marks: %6.2f %% exactly right, %u within 2 characters, %u wrong, %u orphans\n",
          name, c->n, c->n ? 100.0 * c->right / c->n : 0.0, c->near, c->wrong, c->orphan);
}

static void
bench_accuracy (char **texts)
{
  AnchorStats stats = { 0, };

  for (guint i = 0; texts[i] != NULL; i++)
    anchor_scenarios_run (texts[i], 1000 + i, 50, &stats);

  printf ("re-anchoring accuracy on synthetic edits of %u corpus speeches:\n", g_strv_length (texts));
  for (Scenario s = 0; s < N_SCENARIOS; s++)
    print_count (scenario_name (s), &stats.by_scenario[s]);
  print_count ("all intact", &stats.intact);
  print_count ("all edited", &stats.edited);
  printf ("  time re-anchoring: %.1f ms\n", stats.usec / 1000.0);
}

int
main (int   argc,
      char *argv[])
{
  g_auto(GStrv) texts = NULL;
  g_autofree char *text = NULL;

  setlocale (LC_ALL, "");
  xmlInitParser ();

  texts = anchor_scenarios_load_corpus (argc > 1 ? argv[1] : JJ_TEST_DATA_DIR "/corpus-dev/raw");
  if (texts == NULL)
    {
      g_printerr ("bench-marks: no speeches in the given folder\n");
      return 1;
    }

  text = make_text (texts, TEXT_CHARS);
  bench_store (text);
  bench_anchor (text);
  bench_accuracy (texts);

  return 0;
}
