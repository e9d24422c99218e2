/* bench-text-index.c — index and search the full text of a library of speeches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-text-index [N_SPEECHES]   (default 2,000; the goal is set for 10,000)
 *
 * The speeches (about 10,000 characters each) are made of the sentences of
 * the sample speech and the fixtures in tests/data, shuffled, with
 * characters changed and stock phrases and their variants put in.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include "jj-document.h"
#include "jj-outline.h"
#include "jj-text-index-private.h"
#include "jj-text-index.h"
#include "jj-wording.h"

#define SPEECH_CHARS 10000
#define N_QUERIES 60
#define N_FILE_SPEECHES 200
#define BOUNDED_HITS 100

static const char * const sources[] = {
  "data/samples/civilized-city-speech.webpage.txt",
  "tests/data/page-utf8.html",
  "tests/data/page-gbk.html",
  "tests/data/numbered-lo.docx",
  "tests/data/numbered-lo.odt",
  "tests/data/handmade-numbered.docx",
};

static const char * const stock[] = {
  "坚持以人民为中心的发展思想", "坚持以群众为中心", "以人民群众为中心",
  "推动高质量发展", "推动高水平发展", "实现更高质量发展",
  "营商环境就是生产力", "全面从严治党永远在路上", "乡村振兴要因地制宜",
};

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* CPU time of this thread, which a machine shared with other work
 * inflates less than the wall clock. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
process_cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

#define IN_FLIGHT 8

typedef struct
{
  GPtrArray   *texts;
  GAsyncQueue *ready;   /* JjTextIndexPrepared, in order */
  GAsyncQueue *slots;   /* bounds how many wait */
  double       cpu;
} Producer;

static gpointer
produce (gpointer data)
{
  Producer *producer = data;
  double start = cpu_ms ();

  for (guint i = 0; i < producer->texts->len; i++)
    {
      const char *text = g_ptr_array_index (producer->texts, i);
      g_autofree char *path = g_strdup_printf ("/speeches/%05u.txt", i);
      g_autoptr(JjOutline) outline = jj_outline_detect (text, -1, NULL, 0);

      g_async_queue_pop (producer->slots);
      g_async_queue_push (producer->ready,
                          jj_text_index_prepare_text (path, NULL, 0, "", 0, text, outline));
    }
  producer->cpu = cpu_ms () - start;
  return NULL;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double da = *(const double *)a, db = *(const double *)b;

  return (da > db) - (da < db);
}

static GPtrArray *
load_sentences (const char *root)
{
  GPtrArray *sentences = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autofree char *path = g_build_filename (root, sources[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(JjDocument) document = jj_document_load (file, JJ_LOAD_DEFAULT, NULL, NULL);
      const char *p;

      if (document == NULL)
        continue;
      p = jj_document_get_text (document);
      while (*p != '\0')
        {
          const char *end = p;

          while (*end != '\0' && *end != '\n' && !g_str_has_prefix (end, "。")
                 && !g_str_has_prefix (end, "！") && !g_str_has_prefix (end, "？"))
            end = g_utf8_next_char (end);
          if (*end != '\0' && *end != '\n')
            end = g_utf8_next_char (end);
          if (g_utf8_strlen (p, end - p) >= 8)
            g_ptr_array_add (sentences, g_strndup (p, end - p));
          p = *end == '\n' ? end + 1 : end;
        }
    }
  return sentences;
}

/* A sentence with a few characters changed to others of the sentence pool. */
static void
append_varied (GString        *out,
               const char     *sentence,
               GRand          *rand,
               const gunichar *alphabet,
               glong           n_alphabet)
{
  for (const char *p = sentence; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c > 0x3000 && g_rand_int_range (rand, 0, 40) == 0)
        {
          c = alphabet[g_rand_int_range (rand, 0, n_alphabet)];
          if (!g_unichar_isalpha (c))
            c = g_utf8_get_char (p);
        }
      g_string_append_unichar (out, c);
    }
}

static char *
make_speech (guint           i,
             GPtrArray      *sentences,
             const gunichar *alphabet,
             glong           n_alphabet)
{
  GRand *rand = g_rand_new_with_seed (i * 7919 + 1);
  GString *text = g_string_new (NULL);
  guint chars = 0;
  guint heading = 0;
  static const char * const numerals[] = { "一", "二", "三", "四", "五", "六", "七", "八" };

  g_string_append_printf (text, "在第%u次全市工作会议上的讲话\n%u年%u月%u日\n同志们：\n",
                          i + 1, 2015 + i % 10, 1 + i % 12, 1 + (i / 12) % 28);
  while (chars < SPEECH_CHARS)
    {
      guint n = g_rand_int_range (rand, 2, 8);

      if (g_rand_int_range (rand, 0, 6) == 0 && heading < G_N_ELEMENTS (numerals))
        g_string_append_printf (text, "%s、要在第%u项工作上下功夫\n", numerals[heading++], i % 97);
      for (guint s = 0; s < n; s++)
        {
          const char *sentence = g_ptr_array_index (sentences, g_rand_int_range (rand, 0, sentences->len));
          gsize before = text->len;

          if (g_rand_int_range (rand, 0, 8) == 0)
            {
              g_string_append (text, stock[g_rand_int_range (rand, 0, G_N_ELEMENTS (stock))]);
              g_string_append (text, "，");
            }
          append_varied (text, sentence, rand, alphabet, n_alphabet);
          chars += g_utf8_strlen (text->str + before, text->len - before);
        }
      g_string_append_c (text, '\n');
    }
  g_string_append (text, "谢谢大家。");

  g_rand_free (rand);
  return g_string_free (text, FALSE);
}

static void
print_percentiles (const char *label,
                   double     *times,
                   double     *cpu,
                   guint       n,
                   guint       total_hits)
{
  qsort (times, n, sizeof (double), compare_doubles);
  qsort (cpu, n, sizeof (double), compare_doubles);
  printf ("  %-22s p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms;  CPU p50 %6.2f p95 %6.2f ms  (%u queries, %.1f hits each)\n",
          label, times[n / 2], times[(n * 95) / 100], times[n - 1], cpu[n / 2], cpu[(n * 95) / 100],
          n, (double)total_hits / n);
}

static void
bench_queries (JjTextIndex *index,
               GPtrArray   *texts,
               guint        length)
{
  GRand *rand = g_rand_new_with_seed (length);
  double times[N_QUERIES];
  double cpu[N_QUERIES];
  guint total = 0;
  g_autofree char *label = g_strdup_printf ("%u-character queries", length);

  for (guint q = 0; q < N_QUERIES; q++)
    {
      const char *text = g_ptr_array_index (texts, g_rand_int_range (rand, 0, texts->len));
      glong n = g_utf8_strlen (text, -1);
      g_autofree char *query = NULL;
      g_autoptr(GPtrArray) hits = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start;
      double cpu_start;
      gboolean ok = FALSE;

      /* A query of Chinese characters only, taken from a speech. */
      while (!ok)
        {
          glong at = g_rand_int_range (rand, 0, n - length);

          g_free (query);
          query = g_utf8_substring (text, at, at + length);
          ok = TRUE;
          for (const char *p = query; *p != '\0'; p = g_utf8_next_char (p))
            ok = ok && g_utf8_get_char (p) >= 0x4e00 && g_utf8_get_char (p) <= 0x9fff;
        }

      start = g_get_monotonic_time ();
      cpu_start = cpu_ms ();
      hits = jj_text_index_search (index, query, 100, &error);
      times[q] = ms_since (start);
      cpu[q] = cpu_ms () - cpu_start;
      g_assert_no_error (error);
      total += hits->len;
    }

  print_percentiles (label, times, cpu, N_QUERIES, total);
  g_rand_free (rand);
}

static char *
random_phrase (GRand     *rand,
               GPtrArray *texts,
               guint      length)
{
  const char *text = g_ptr_array_index (texts, g_rand_int_range (rand, 0, texts->len));
  glong n = g_utf8_strlen (text, -1);
  char *phrase = NULL;
  gboolean ok = FALSE;

  while (!ok)
    {
      glong at = g_rand_int_range (rand, 0, n - length);

      g_free (phrase);
      phrase = g_utf8_substring (text, at, at + length);
      ok = TRUE;
      for (const char *p = phrase; *p != '\0'; p = g_utf8_next_char (p))
        ok = ok && g_utf8_get_char (p) >= 0x4e00 && g_utf8_get_char (p) <= 0x9fff;
    }
  return phrase;
}

static void
dump_hits (FILE      *out,
           GPtrArray *hits)
{
  for (guint h = 0; h < hits->len; h++)
    {
      JjTextHit *hit = g_ptr_array_index (hits, h);

      fprintf (out, "%s\t%u\t%u\t%s\t%s\t%u\t%u\n", hit->path, hit->start, hit->end,
               hit->section, hit->context, hit->context_hit_start, hit->context_hit_end);
    }
}

/* Search and wording results, to compare two versions of the code. */
static void
dump_results (JjTextIndex *index,
              GPtrArray   *texts,
              const char  *path)
{
  static const guint lengths[] = { 1, 2, 3, 4, 8 };
  static const char * const phrases[] = { "以人民为中心", "高质量发展", "营商环境", "全面从严治党", "乡村振兴" };
  GRand *rand = g_rand_new_with_seed (2023);
  FILE *out = fopen (path, "w");

  for (guint q = 0; q < 50; q++)
    {
      g_autofree char *query = random_phrase (rand, texts, lengths[q % G_N_ELEMENTS (lengths)]);
      g_autoptr(GPtrArray) hits = jj_text_index_search (index, query, q % 2 == 0 ? 100 : 0, NULL);

      fprintf (out, "search %s: %u hits\n", query, hits->len);
      dump_hits (out, hits);
    }
  for (guint q = 0; q < 25; q++)
    {
      g_autofree char *phrase = q < G_N_ELEMENTS (phrases) ? g_strdup (phrases[q])
                                : random_phrase (rand, texts, g_rand_int_range (rand, 3, 9));
      g_autoptr(GPtrArray) variants = jj_wording_compare (index, phrase, NULL);
      g_autoptr(GPtrArray) bounded = jj_wording_compare_bounded (index, phrase, 5, NULL);

      /* The bounded comparison keeps the first hits and counts them all. */
      g_assert_cmpuint (bounded->len, ==, variants->len);
      for (guint v = 0; v < variants->len; v++)
        {
          JjWordingVariant *a = g_ptr_array_index (variants, v);
          JjWordingVariant *b = g_ptr_array_index (bounded, v);

          g_assert_cmpstr (a->text, ==, b->text);
          g_assert_cmpuint (a->n_hits, ==, b->n_hits);
          g_assert_cmpuint (b->hits->len, ==, MIN (5, a->hits->len));
          g_assert_cmpuint (a->documents->len, ==, b->documents->len);
          for (guint h = 0; h < b->hits->len; h++)
            {
              JjTextHit *ha = g_ptr_array_index (a->hits, h);
              JjTextHit *hb = g_ptr_array_index (b->hits, h);

              g_assert_cmpstr (ha->path, ==, hb->path);
              g_assert_cmpuint (ha->start, ==, hb->start);
              g_assert_cmpuint (ha->end, ==, hb->end);
              g_assert_cmpstr (ha->context, ==, hb->context);
            }
        }

      fprintf (out, "wording %s: %u variants\n", phrase, variants->len);
      for (guint v = 0; v < variants->len; v++)
        {
          JjWordingVariant *variant = g_ptr_array_index (variants, v);

          fprintf (out, "variant %s %u: %u hits, %u documents, %u years\n", variant->text, variant->errors,
                   variant->hits->len, variant->documents->len, variant->years->len);
          dump_hits (out, variant->hits);
          for (guint d = 0; d < variant->documents->len; d++)
            {
              JjWordingDocumentCount *count = &g_array_index (variant->documents, JjWordingDocumentCount, d);

              fprintf (out, "document %s %u\n", count->path, count->count);
            }
          for (guint y = 0; y < variant->years->len; y++)
            fprintf (out, "year %d %u\n", g_array_index (variant->years, JjWordingYearCount, y).year,
                     g_array_index (variant->years, JjWordingYearCount, y).count);
        }
    }
  fclose (out);
  g_rand_free (rand);
}

static gboolean
count_paragraph (const JjTextIndexParagraph *paragraph,
                 gpointer                    user_data)
{
  (*(guint *)user_data)++;
  return TRUE;
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size : 0;
}

int
main (int   argc,
      char *argv[])
{
  const char *root = g_getenv ("JJ_SOURCE_ROOT");
  guint n_speeches = argc > 1 ? (guint)atoi (argv[1]) : 2000;
  gboolean only_index = argc > 2 && strcmp (argv[2], "--index-only") == 0;
  gboolean only_wording = argc > 2 && strcmp (argv[2], "--wording-only") == 0;
  const char *dump = argc > 3 && strcmp (argv[2], "--dump") == 0 ? argv[3] : NULL;
  g_autoptr(GPtrArray) sentences = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) alphabet = g_string_new (NULL);
  g_autofree char *dir = g_dir_make_tmp ("jj-bench-text-index-XXXXXX", NULL);
  g_autofree char *db_path = g_getenv ("JJ_BENCH_DB") != NULL ? g_strdup (g_getenv ("JJ_BENCH_DB"))
                             : g_build_filename (dir, "text-index.sqlite", NULL);
  g_autoptr(GFile) db_file = g_file_new_for_path (db_path);
  g_autoptr(JjTextIndex) index = NULL;
  g_autoptr(GPtrArray) file_paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree gunichar *alphabet_chars = NULL;
  glong n_alphabet = 0;
  gsize text_bytes = 0;
  guint64 text_chars = 0;
  double index_ms, index_cpu;
  gint64 start;

  if (root == NULL)
    root = ".";

  sentences = load_sentences (root);
  if (sentences->len < 20)
    g_error ("Run from the source folder or set JJ_SOURCE_ROOT: only %u sentences found", sentences->len);
  for (guint i = 0; i < sentences->len; i++)
    g_string_append (alphabet, g_ptr_array_index (sentences, i));

  start = g_get_monotonic_time ();
  alphabet_chars = g_utf8_to_ucs4_fast (alphabet->str, -1, &n_alphabet);
  for (guint i = 0; i < n_speeches; i++)
    {
      char *text = make_speech (i, sentences, alphabet_chars, n_alphabet);

      text_bytes += strlen (text);
      text_chars += g_utf8_strlen (text, -1);
      g_ptr_array_add (texts, text);
    }
  printf ("%u speeches from %u sentences: %.1f M characters, %.1f MB of UTF-8 (generated in %.1f s)\n",
          n_speeches, sentences->len, text_chars / 1e6, text_bytes / 1e6, ms_since (start) / 1000);

  index = jj_text_index_new (db_file);
  if (!jj_text_index_open (index, &error))
    g_error ("%s", error->message);

  /* First index: the outline (for section paths) and the folding in one
   * thread, the database in this one, as jj_text_index_update() does it.
   * With JJ_BENCH_DB set to an index of as many speeches, that one is used.
   */
  if (jj_text_index_get_n_documents (index) == n_speeches)
    printf ("using the index %s\n", db_path);
  else
  {
    Producer producer = { texts, g_async_queue_new (), g_async_queue_new (), 0 };
    GThread *thread;
    double process_cpu = process_cpu_ms ();
    double writer_cpu;
    gsize batch = 0;
    /* Smaller batches make a small library's index of as many segments
     * as a large one's. */
    gsize batch_bytes = g_getenv ("JJ_BENCH_BATCH_BYTES") != NULL
                        ? g_ascii_strtoull (g_getenv ("JJ_BENCH_BATCH_BYTES"), NULL, 10) : 16 * 1024 * 1024;

    for (guint i = 0; i < IN_FLIGHT; i++)
      g_async_queue_push (producer.slots, GUINT_TO_POINTER (1));
    start = g_get_monotonic_time ();
    index_cpu = cpu_ms ();
    thread = g_thread_new ("prepare", produce, &producer);
    jj_text_index_begin_batch (index, NULL);
    for (guint i = 0; i < n_speeches; i++)
      {
        JjTextIndexPrepared *prepared = g_async_queue_pop (producer.ready);

        batch += jj_text_index_prepared_get_size (prepared);
        if (!jj_text_index_add_prepared (index, prepared, &error))
          g_error ("%s", error->message);
        jj_text_index_prepared_free (prepared);
        g_async_queue_push (producer.slots, GUINT_TO_POINTER (1));
        if (batch >= batch_bytes)
          {
            jj_text_index_end_batch (index, NULL);
            jj_text_index_begin_batch (index, NULL);
            batch = 0;
          }
      }
    if (!jj_text_index_end_batch (index, &error))
      g_error ("%s", error->message);
    g_thread_join (thread);
    index_ms = ms_since (start);
    writer_cpu = cpu_ms () - index_cpu;
    process_cpu = process_cpu_ms () - process_cpu;
    printf ("first index: %.1f s wall, %.1f MB/s of UTF-8 text (%.1f M characters/s); CPU %.1f s, %.1f MB/s"
            " (writing thread %.1f s, %.1f MB/s; outline and folding thread %.1f s, %.1f MB/s)\n",
            index_ms / 1000, text_bytes / 1e6 / (index_ms / 1000), text_chars / 1e6 / (index_ms / 1000),
            process_cpu / 1000, text_bytes / 1e6 / (process_cpu / 1000),
            writer_cpu / 1000, text_bytes / 1e6 / (writer_cpu / 1000),
            producer.cpu / 1000, text_bytes / 1e6 / (producer.cpu / 1000));
    printf ("  on 2 free cores (the busier thread bounds it): %.1f MB/s\n",
            text_bytes / 1e6 / (MAX (writer_cpu, producer.cpu) / 1000));
    g_async_queue_unref (producer.ready);
    g_async_queue_unref (producer.slots);
  }

  g_clear_object (&index);
  index = jj_text_index_new (db_file);
  jj_text_index_open (index, NULL);
  printf ("index size: %.1f MB for %.1f MB of text: %.2f×\n",
          file_size (db_path) / 1e6, text_bytes / 1e6, (double)file_size (db_path) / text_bytes);
  if (only_index)
    goto out;
  if (dump != NULL)
    {
      dump_results (index, texts, dump);
      goto out;
    }
  if (only_wording)
    goto wording;

  /* Re-index of one changed speech, as text. */
  {
    double times[10];

    for (guint r = 0; r < G_N_ELEMENTS (times); r++)
      {
        const char *text = g_ptr_array_index (texts, r * 7);
        g_autofree char *changed = g_strconcat (text, "\n补充一句新的话。", NULL);
        g_autofree char *path = g_strdup_printf ("/speeches/%05u.txt", r * 7);
        g_autoptr(JjOutline) outline = NULL;

        start = g_get_monotonic_time ();
        outline = jj_outline_detect (changed, -1, NULL, 0);
        if (!jj_text_index_add_text (index, path, NULL, 0, "", 0, changed, outline, &error))
          g_error ("%s", error->message);
        times[r] = ms_since (start);
      }
    qsort (times, G_N_ELEMENTS (times), sizeof (double), compare_doubles);
    printf ("re-index of one changed speech (outline + index): median %.1f ms, max %.1f ms\n",
            times[G_N_ELEMENTS (times) / 2], times[G_N_ELEMENTS (times) - 1]);
  }

  /* Through files: import, cleaning and outline included. */
  {
    g_autofree char *files_dir = g_build_filename (dir, "speeches", NULL);
    g_autofree char *files_db = g_build_filename (dir, "files.sqlite", NULL);
    g_autoptr(GFile) files_db_file = g_file_new_for_path (files_db);
    g_autoptr(JjTextIndex) files_index = jj_text_index_new (files_db_file);
    gsize bytes = 0;
    double ms;
    const char *changed;

    g_mkdir_with_parents (files_dir, 0700);
    for (guint i = 0; i < MIN (n_speeches, N_FILE_SPEECHES); i++)
      {
        g_autofree char *name = g_strdup_printf ("%05u.txt", i);
        char *path = g_build_filename (files_dir, name, NULL);

        g_file_set_contents (path, g_ptr_array_index (texts, i), -1, NULL);
        bytes += strlen (g_ptr_array_index (texts, i));
        g_ptr_array_add (file_paths, path);
      }
    g_ptr_array_add (file_paths, NULL);
    jj_text_index_open (files_index, NULL);
    start = g_get_monotonic_time ();
    if (!jj_text_index_update (files_index, (const char * const *)file_paths->pdata, NULL, NULL, NULL, &error))
      g_error ("%s", error->message);
    ms = ms_since (start);
    printf ("first index of %u files (import included): %.1f MB/s\n",
            file_paths->len - 1, bytes / 1e6 / (ms / 1000));

    changed = g_ptr_array_index (file_paths, 3);
    {
      g_autofree char *text = g_strconcat (g_ptr_array_index (texts, 3), "\n补充一句新的话。", NULL);

      g_file_set_contents (changed, text, -1, NULL);
    }
    start = g_get_monotonic_time ();
    jj_text_index_update (files_index, (const char * const *)file_paths->pdata, NULL, NULL, NULL, NULL);
    printf ("update after one file changed (stat of %u, import and index of one): %.1f ms\n",
            file_paths->len - 1, ms_since (start));
    start = g_get_monotonic_time ();
    jj_text_index_update (files_index, (const char * const *)file_paths->pdata, NULL, NULL, NULL, NULL);
    printf ("update with nothing changed: %.1f ms\n", ms_since (start));
  }

  printf ("queries, first 100 hits with context:\n");
  bench_queries (index, texts, 1);
  bench_queries (index, texts, 2);
  bench_queries (index, texts, 4);
  bench_queries (index, texts, 8);

wording:
  printf ("wording comparison (every hit with its context, then at most %u hits kept of each wording,"
          " every occurrence counted; CPU of all threads):\n", BOUNDED_HITS);
  for (guint bounded = 0; bounded < 2; bounded++)
  for (guint i = 0; i < 3; i++)
    {
      const char *phrases[] = { "以人民为中心", "高质量发展", "营商环境" };
      g_autoptr(GPtrArray) variants = NULL;
      guint n_hits = 0, n_kept = 0;
      double ms, cpu;

      start = g_get_monotonic_time ();
      cpu = process_cpu_ms ();
      variants = jj_wording_compare_bounded (index, phrases[i], bounded ? BOUNDED_HITS : 0, &error);
      ms = ms_since (start);
      cpu = process_cpu_ms () - cpu;
      g_assert_no_error (error);
      for (guint v = 0; v < variants->len; v++)
        {
          n_hits += ((JjWordingVariant *)g_ptr_array_index (variants, v))->n_hits;
          n_kept += ((JjWordingVariant *)g_ptr_array_index (variants, v))->hits->len;
        }
      printf ("  %-7s %-12s %7.1f ms (CPU %7.1f ms), %u variants, %u hits, %u kept\n",
              bounded ? "bounded" : "all", phrases[i], ms, cpu, variants->len, n_hits, n_kept);
    }
  {
    /* What the candidates alone cost: the paragraphs holding 中心. */
    guint n = 0;

    start = g_get_monotonic_time ();
    jj_text_index_foreach_match (index, "\"中心\"", count_paragraph, &n, NULL);
    printf ("  (reading the %u paragraphs with 中心: %.1f ms)\n", n, ms_since (start));
  }
  for (guint bounded = 0; bounded < 2; bounded++)
  {
    /* Phrases of 4 to 8 Chinese characters taken from the speeches. */
    GRand *rand = g_rand_new_with_seed (42);
    double times[20], cpu[20];
    guint total = 0;

    for (guint q = 0; q < G_N_ELEMENTS (times); q++)
      {
        g_autofree char *phrase = random_phrase (rand, texts, g_rand_int_range (rand, 4, 9));
        g_autoptr(GPtrArray) variants = NULL;
        double cpu_start;

        start = g_get_monotonic_time ();
        cpu_start = process_cpu_ms ();
        variants = jj_wording_compare_bounded (index, phrase, bounded ? BOUNDED_HITS : 0, &error);
        times[q] = ms_since (start);
        cpu[q] = process_cpu_ms () - cpu_start;
        g_assert_no_error (error);
        for (guint v = 0; v < variants->len; v++)
          total += ((JjWordingVariant *)g_ptr_array_index (variants, v))->n_hits;
      }
    print_percentiles (bounded ? "phrases, bounded" : "phrases from speeches", times, cpu, G_N_ELEMENTS (times), total);
    g_rand_free (rand);
  }

out:
  g_clear_object (&index);
  {
    g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", dir);

    if (system (rm) != 0)
      g_printerr ("Could not remove %s\n", dir);
  }
  return 0;
}
