/* bench-reuse.c — the reuse check of a draft against a large library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-reuse [N-SPEECHES] [DRAFT-CHARS] [--index [INDEX-FILE]]   (default 10000 and 5000)
 *
 * Builds N speeches of about 10,000 characters each from the paragraphs of
 * the development corpus, each with its own order and every 40th character
 * replaced by another of the corpus, so that no two are the same. A draft is assembled from
 * stretches of 13 to 160 characters of known speeches, a third of them with
 * a character changed, between new text. Prints the time to add the
 * speeches, the time of the check (median of 5), precision and recall of
 * the reported stretches and the share error. With --index, the speeches
 * also go into a full-text index in a temporary folder and are read back
 * from it, as the app's reuse check does: the time to read them and to
 * check again, and whether the stretches are the same; then the same for
 * a checker kept in step with the index, as the app keeps one: its first
 * check, which reads every speech, the next ones, and one after a speech
 * is indexed anew. An INDEX-FILE is kept from one run to the next and
 * filled a minute at a time, so that each run stays short. With BENCH_FILES=N,
 * the time the app adds to a check to bring the index up to date with a
 * library of N files that did not change.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/resource.h>

#include "jj-reuse-checker.h"
#include "jj-text-index.h"
#include "jj-text-index-private.h"

static GPtrArray *
load_paragraphs (void)
{
  const char *dir = JJ_TEST_DATA_DIR "/corpus-dev/raw";
  GPtrArray *paragraphs = g_ptr_array_new_with_free_func (g_free);
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    g_error ("No corpus in %s", dir);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      g_auto(GStrv) lines = NULL;

      if (!g_file_get_contents (path, &contents, NULL, NULL))
        continue;
      lines = g_strsplit (contents, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        if (g_utf8_strlen (lines[i], -1) >= 20)
          g_ptr_array_add (paragraphs, g_strdup (lines[i]));
    }
  g_dir_close (d);

  return paragraphs;
}

/* New characters are drawn from those of the corpus, so that the texts stay
 * simplified Chinese as imported speeches are. */
static GArray *pool;

static gunichar
random_char (GRand *rand)
{
  return g_array_index (pool, gunichar, g_rand_int_range (rand, 0, pool->len));
}

static void
make_pool (GPtrArray *paragraphs)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  pool = g_array_new (FALSE, FALSE, sizeof (gunichar));
  for (guint i = 0; i < paragraphs->len; i++)
    for (const char *c = g_ptr_array_index (paragraphs, i); *c != '\0'; c = g_utf8_next_char (c))
      {
        gunichar u = g_utf8_get_char (c);

        if (u >= 0x4E00 && u <= 0x9FFF && g_hash_table_add (seen, GUINT_TO_POINTER (u)))
          g_array_append_val (pool, u);
      }
}

static char *
make_speech (GPtrArray *paragraphs,
             GRand     *rand,
             guint      target)
{
  GString *speech = g_string_new (NULL);
  guint n = 0;

  while (n < target)
    {
      const char *p = g_ptr_array_index (paragraphs, g_rand_int_range (rand, 0, paragraphs->len));
      guint i = 0;

      for (const char *c = p; *c != '\0'; c = g_utf8_next_char (c), i++)
        {
          if (i % 40 == 39)
            g_string_append_unichar (speech, random_char (rand));
          else
            g_string_append_unichar (speech, g_utf8_get_char (c));
        }
      g_string_append_c (speech, '\n');
      n += i;
    }

  return g_string_free (speech, FALSE);
}

typedef struct
{
  guint start, end, source;
  gboolean near;
} Planted;

static char *
range (const char *text,
       guint       start,
       guint       end)
{
  const char *p = g_utf8_offset_to_pointer (text, start);

  return g_strndup (p, g_utf8_offset_to_pointer (p, end - start) - p);
}

/* Seconds of processor time the process used, all threads. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static gboolean
count_paragraph (const JjTextIndexParagraph *paragraph,
                 gpointer                    user_data)
{
  g_hash_table_add (user_data, g_strdup (paragraph->path));
  return TRUE;
}

static gint
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  guint n_speeches = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 10000;
  guint draft_target = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 5000;
  g_autoptr(GPtrArray) paragraphs = load_paragraphs ();
  g_autoptr(GPtrArray) speeches = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JjReuseChecker) checker = jj_reuse_checker_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GString) draft = g_string_new (NULL);
  g_autoptr(GArray) planted = g_array_new (FALSE, FALSE, sizeof (Planted));
  g_autoptr(GArray) stretches = NULL;
  g_autofree char *folded = NULL;
  double times[5];
  double total = 0;
  guint64 chars = 0;
  guint planted_chars = 0, correct = 0, found = 0;
  gint64 start;

  setlocale (LC_ALL, "");
  make_pool (paragraphs);

  for (guint i = 0; i < n_speeches; i++)
    {
      char *speech = make_speech (paragraphs, rand, 10000);

      chars += g_utf8_strlen (speech, -1);
      g_ptr_array_add (speeches, speech);
    }

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n_speeches; i++)
    {
      g_autofree char *name = g_strdup_printf ("speech-%05u", i);

      jj_reuse_checker_add_source (checker, name, g_ptr_array_index (speeches, i));
    }
  g_print ("library: %u speeches, %.1f M characters, added in %.2f s\n",
           n_speeches, chars / 1e6, (g_get_monotonic_time () - start) / 1e6);

  while (g_utf8_strlen (draft->str, -1) < draft_target)
    {
      guint source = g_rand_int_range (rand, 0, n_speeches);
      const char *text = g_ptr_array_index (speeches, source);
      guint n = g_utf8_strlen (text, -1);
      guint length = g_rand_int_range (rand, 16, 160);
      guint at = g_rand_int_range (rand, 0, n - length);
      g_autofree char *piece = NULL;
      g_autofree char *key = NULL;
      Planted p;

      /* A stretch starts and ends with a character that counts. */
      while (length > 0 && !g_unichar_isalnum (g_utf8_get_char (g_utf8_offset_to_pointer (text, at))))
        at++, length--;
      while (length > 0 && !g_unichar_isalnum (g_utf8_get_char (g_utf8_offset_to_pointer (text, at + length - 1))))
        length--;
      piece = range (text, at, at + length);
      key = jj_reuse_fold (piece, NULL);
      if (g_utf8_strlen (key, -1) < 13 || strchr (piece, '\n') != NULL)
        continue;

      for (guint i = g_rand_int_range (rand, 20, 120); i > 0; i--)
        g_string_append_unichar (draft, random_char (rand));
      g_string_append (draft, "。");
      p.start = g_utf8_strlen (draft->str, -1);
      p.source = source;
      p.near = g_utf8_strlen (key, -1) >= 20 && g_rand_int_range (rand, 0, 3) == 0
               && g_unichar_isalnum (g_utf8_get_char (g_utf8_offset_to_pointer (piece, length / 2)));
      if (p.near)
        {
          char *middle = g_utf8_offset_to_pointer (piece, length / 2);

          g_string_append_len (draft, piece, middle - piece);
          g_string_append (draft, "某");
          g_string_append (draft, g_utf8_next_char (middle));
        }
      else
        g_string_append (draft, piece);
      p.end = p.start + length;
      g_string_append (draft, "。");
      g_array_append_val (planted, p);
      planted_chars += g_utf8_strlen (key, -1);
    }

  for (guint r = 0; r < G_N_ELEMENTS (times); r++)
    {
      g_clear_pointer (&stretches, g_array_unref);
      start = g_get_monotonic_time ();
      stretches = jj_reuse_checker_check (checker, draft->str, NULL, &total, NULL, NULL);
      times[r] = (g_get_monotonic_time () - start) / 1e6;
    }
  qsort (times, G_N_ELEMENTS (times), sizeof (double), compare_doubles);

  for (guint s = 0; s < stretches->len; s++)
    {
      const JjReuseStretch *x = &g_array_index (stretches, JjReuseStretch, s);

      for (guint p = 0; p < planted->len; p++)
        {
          const Planted *y = &g_array_index (planted, Planted, p);

          if (ABS ((gint) x->draft_start - (gint) y->start) <= 2 && ABS ((gint) x->draft_end - (gint) y->end) <= 2
              && (x->kind == JJ_REUSE_NEAR) == y->near)
            {
              correct++;
              break;
            }
        }
    }
  for (guint p = 0; p < planted->len; p++)
    {
      const Planted *y = &g_array_index (planted, Planted, p);

      for (guint s = 0; s < stretches->len; s++)
        {
          const JjReuseStretch *x = &g_array_index (stretches, JjReuseStretch, s);

          if (ABS ((gint) x->draft_start - (gint) y->start) <= 2 && ABS ((gint) x->draft_end - (gint) y->end) <= 2
              && (x->kind == JJ_REUSE_NEAR) == y->near)
            {
              found++;
              break;
            }
        }
      if (g_getenv ("BENCH_DEBUG"))
        {
          g_autofree char *piece = range (draft->str, y->start, y->end);

          g_print ("planted %u-%u near=%d src=%u %s\n", y->start, y->end, y->near, y->source, piece);
          for (guint s = 0; s < stretches->len; s++)
            {
              const JjReuseStretch *x = &g_array_index (stretches, JjReuseStretch, s);

              if (x->draft_end > y->start && x->draft_start < y->end)
                g_print ("  got %u-%u kind=%d src=%u\n", x->draft_start, x->draft_end, x->kind, x->source);
            }
        }
    }
  folded = jj_reuse_fold (draft->str, NULL);

  g_print ("draft: %ld characters, %u planted stretches (%u characters)\n",
           g_utf8_strlen (draft->str, -1), planted->len, planted_chars);
  g_print ("check: median %.3f s (min %.3f, max %.3f) of %zu runs\n",
           times[2], times[0], times[4], G_N_ELEMENTS (times));
  g_print ("stretches: %u reported, %u right (precision %.3f); %u of %u planted found (recall %.3f)\n",
           stretches->len, correct, stretches->len ? (double) correct / stretches->len : 1.0,
           found, planted->len, (double) found / planted->len);
  g_print ("share: reported %.4f, planted %.4f\n",
           total, (double) planted_chars / g_utf8_strlen (folded, -1));

  if (argc > 3 && g_str_equal (argv[3], "--index"))
    {
      const char *keep = argc > 4 ? argv[4] : NULL;
      g_autofree char *dir = keep == NULL ? g_dir_make_tmp ("bench-reuse-XXXXXX", NULL) : NULL;
      g_autofree char *db = keep == NULL ? g_build_filename (dir, "index.sqlite", NULL) : g_strdup (keep);
      g_autoptr(GFile) file = g_file_new_for_path (db);
      g_autoptr(JjTextIndex) index = jj_text_index_new (file);
      g_autoptr(JjReuseChecker) from_index = jj_reuse_checker_new ();
      g_autoptr(JjReuseChecker) kept = jj_reuse_checker_new ();
      g_autoptr(GArray) again = NULL;
      g_autoptr(GArray) synced = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GHashTable) indexed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_auto(GStrv) paths = NULL;
      static const char * const db_suffixes[] = { "", "-wal", "-shm" };
      double warm[3], first_sync, first_check, changed, cpu;
      guint same = 0, n_read = 0, n_new = 0;

      if (!jj_text_index_open (index, &error) || !jj_text_index_begin_batch (index, &error))
        g_error ("%s", error->message);
      paths = jj_text_index_dup_paths (index);
      for (guint i = 0; paths[i] != NULL; i++)
        g_hash_table_add (indexed, g_strdup (paths[i]));
      start = g_get_monotonic_time ();
      for (guint i = 0; i < n_speeches; i++)
        {
          g_autofree char *name = g_strdup_printf ("speech-%05u", i);

          if (g_hash_table_contains (indexed, name))
            continue;
          if (!jj_text_index_add_text (index, name, name, 0, name, 0, g_ptr_array_index (speeches, i), NULL, &error))
            g_error ("%s", error->message);
          n_new++;
          /* A kept index is filled over several short runs. */
          if (keep != NULL && g_get_monotonic_time () - start > 60 * G_USEC_PER_SEC)
            break;
        }
      if (!jj_text_index_end_batch (index, &error))
        g_error ("%s", error->message);
      g_print ("index: %u speeches indexed in %.2f s (%u already there)\n", n_new,
               (g_get_monotonic_time () - start) / 1e6, g_hash_table_size (indexed));
      if (jj_text_index_get_n_documents (index) != n_speeches)
        {
          g_print ("index: %u of %u speeches indexed; run again to index the rest\n",
                   jj_text_index_get_n_documents (index), n_speeches);
          return 0;
        }

      /* The old way: every speech read back at each check. */
      start = g_get_monotonic_time ();
      if (!jj_reuse_checker_add_index (from_index, index, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
      g_print ("index: %u speeches read back and added in %.2f s\n",
               jj_reuse_checker_get_n_sources (from_index), (g_get_monotonic_time () - start) / 1e6);

      start = g_get_monotonic_time ();
      again = jj_reuse_checker_check (from_index, draft->str, NULL, NULL, NULL, NULL);
      g_print ("index: check in %.3f s\n", (g_get_monotonic_time () - start) / 1e6);
      for (guint s = 0; s < MIN (again->len, stretches->len); s++)
        {
          const JjReuseStretch *x = &g_array_index (stretches, JjReuseStretch, s);
          const JjReuseStretch *y = &g_array_index (again, JjReuseStretch, s);

          if (x->draft_start == y->draft_start && x->draft_end == y->draft_end &&
              x->source_start == y->source_start && x->source_end == y->source_end && x->kind == y->kind &&
              g_str_equal (jj_reuse_checker_get_source_name (checker, x->source),
                           jj_reuse_checker_get_source_name (from_index, y->source)))
            same++;
        }
      g_print ("index: %u of %u stretches the same as from the texts (%u found)\n",
               same, stretches->len, again->len);
      g_clear_object (&from_index);

      /* The app's way: a checker kept in step with the index. */
      cpu = cpu_seconds ();
      start = g_get_monotonic_time ();
      if (!jj_reuse_checker_sync_index (kept, index, &n_read, NULL, &error))
        g_error ("%s", error->message);
      first_sync = (g_get_monotonic_time () - start) / 1e6;
      cpu = cpu_seconds () - cpu;
      start = g_get_monotonic_time ();
      synced = jj_reuse_checker_check (kept, draft->str, NULL, NULL, NULL, NULL);
      first_check = (g_get_monotonic_time () - start) / 1e6;
      g_print ("kept: first check %.2f s (%u speeches read in %.2f s using %.2f s of processor time, check %.3f s)\n",
               first_sync + first_check, n_read, first_sync, cpu, first_check);

      for (guint r = 0; r < G_N_ELEMENTS (warm); r++)
        {
          g_clear_pointer (&synced, g_array_unref);
          start = g_get_monotonic_time ();
          if (!jj_reuse_checker_sync_index (kept, index, &n_read, NULL, &error))
            g_error ("%s", error->message);
          synced = jj_reuse_checker_check (kept, draft->str, NULL, NULL, NULL, NULL);
          warm[r] = (g_get_monotonic_time () - start) / 1e6;
        }
      qsort (warm, G_N_ELEMENTS (warm), sizeof (double), compare_doubles);
      g_print ("kept: warm check, index unchanged: median %.3f s (min %.3f, max %.3f) of %zu, %u speeches read\n",
               warm[1], warm[0], warm[2], G_N_ELEMENTS (warm), n_read);

      same = 0;
      for (guint s = 0; s < MIN (synced->len, stretches->len); s++)
        {
          const JjReuseStretch *x = &g_array_index (stretches, JjReuseStretch, s);
          const JjReuseStretch *y = &g_array_index (synced, JjReuseStretch, s);

          if (x->draft_start == y->draft_start && x->draft_end == y->draft_end &&
              x->source_start == y->source_start && x->source_end == y->source_end && x->kind == y->kind &&
              g_str_equal (jj_reuse_checker_get_source_name (checker, x->source),
                           jj_reuse_checker_get_source_name (kept, y->source)))
            same++;
        }
      g_print ("kept: %u of %u stretches the same as from the texts (%u found)\n",
               same, stretches->len, synced->len);

      /* One speech indexed anew, then as it was. */
      {
        g_autofree char *changed_text = g_strconcat ("新的一段。", g_ptr_array_index (speeches, 0), NULL);

        if (!jj_text_index_add_text (index, "speech-00000", "speech-00000", 0, "changed", 0, changed_text, NULL, &error))
          g_error ("%s", error->message);
        start = g_get_monotonic_time ();
        if (!jj_reuse_checker_sync_index (kept, index, &n_read, NULL, &error))
          g_error ("%s", error->message);
        g_clear_pointer (&synced, g_array_unref);
        synced = jj_reuse_checker_check (kept, draft->str, NULL, NULL, NULL, NULL);
        changed = (g_get_monotonic_time () - start) / 1e6;
        g_print ("kept: check after one speech changed %.3f s (%u speech read)\n", changed, n_read);
        if (!jj_text_index_add_text (index, "speech-00000", "speech-00000", 0, "speech-00000", 0,
                                     g_ptr_array_index (speeches, 0), NULL, &error))
          g_error ("%s", error->message);
      }

      /* The other way: the draft's 8-grams looked up in the FTS5 index, one
       * every 6 characters (a 13-character stretch holds one), for the
       * speeches to compare with. */
      if (g_getenv ("BENCH_FTS") != NULL)
        {
          g_autoptr(GHashTable) candidates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_autofree gunichar *key = g_utf8_to_ucs4 (folded, -1, NULL, NULL, NULL);
          glong n_key = g_utf8_strlen (folded, -1);
          guint n_queries = 0;
          gint64 budget = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

          start = g_get_monotonic_time ();
          for (glong i = 0; i + 8 <= n_key && g_get_monotonic_time () < budget; i += 6)
            {
              g_autofree char *gram = g_ucs4_to_utf8 (key + i, 8, NULL, NULL, NULL);
              g_autofree char *match = jj_text_index_match_for_phrase (gram);

              if (!jj_text_index_foreach_match (index, match, count_paragraph, candidates, &error))
                g_error ("%s", error->message);
              n_queries++;
            }
          g_print ("fts: %u of %ld 8-gram queries in %.2f s, %u candidate speeches\n",
                   n_queries, (n_key - 8) / 6 + 1, (g_get_monotonic_time () - start) / 1e6,
                   g_hash_table_size (candidates));
        }

      g_clear_object (&index);
      if (keep == NULL)
        {
          for (guint i = 0; i < G_N_ELEMENTS (db_suffixes); i++)
            {
              g_autofree char *path = g_strconcat (db, db_suffixes[i], NULL);

              g_unlink (path);
            }
          g_rmdir (dir);
        }
    }

  /* What the app adds to each check: bringing the index up to date with
   * a library of N files none of which changed (short files: only their
   * number counts here). */
  if (g_getenv ("BENCH_FILES") != NULL)
    {
      guint n_files = (guint) g_ascii_strtoull (g_getenv ("BENCH_FILES"), NULL, 10);
      g_autofree char *dir = g_dir_make_tmp ("bench-reuse-files-XXXXXX", NULL);
      g_autofree char *db = g_build_filename (dir, "index.sqlite", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (db);
      g_autoptr(JjTextIndex) index = jj_text_index_new (file);
      g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;
      g_autofree char *rm = NULL;
      double update_times[3];

      for (guint i = 0; i < n_files; i++)
        {
          char *path = g_strdup_printf ("%s/%05u.txt", dir, i);
          g_autofree char *text = g_strdup_printf ("第%u次会议上的讲话\n同志们：今天研究第%u项工作。", i, i);

          g_file_set_contents (path, text, -1, NULL);
          g_ptr_array_add (paths, path);
        }
      g_ptr_array_add (paths, NULL);
      if (!jj_text_index_open (index, &error) ||
          !jj_text_index_update (index, (const char * const *) paths->pdata, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
      for (guint r = 0; r < G_N_ELEMENTS (update_times); r++)
        {
          start = g_get_monotonic_time ();
          if (!jj_text_index_update (index, (const char * const *) paths->pdata, NULL, NULL, NULL, &error))
            g_error ("%s", error->message);
          update_times[r] = (g_get_monotonic_time () - start) / 1e6;
        }
      qsort (update_times, G_N_ELEMENTS (update_times), sizeof (double), compare_doubles);
      g_print ("files: index brought up to date with %u unchanged files: median %.3f s (min %.3f, max %.3f)\n",
               n_files, update_times[1], update_times[0], update_times[2]);
      g_clear_object (&index);
      rm = g_strdup_printf ("rm -rf '%s'", dir);
      if (system (rm) != 0)
        g_printerr ("Could not remove %s\n", dir);
    }

  return 0;
}
