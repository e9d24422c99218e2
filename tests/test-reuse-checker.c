/* test-reuse-checker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "jj-reuse-checker.h"
#include "jj-text-index.h"
#include "test-slowdown.h"

static const char *source_a =
  "同志们：今天我们召开全市营商环境工作会议，主要任务是总结去年工作，部署今年任务。"
  "一、充分肯定过去一年取得的成绩。过去一年，全市上下坚持以人民为中心的发展思想，"
  "扎实推进各项改革，经济运行稳中向好，营商环境持续改善，群众满意度不断提升。";

static const char *source_b =
  "各位代表：过去五年，我们坚持稳中求进工作总基调，推动高质量发展取得新进展，"
  "城乡居民收入稳步增长，生态环境明显改善，社会大局和谐稳定。";

static JjReuseChecker *
make_checker (void)
{
  JjReuseChecker *checker = jj_reuse_checker_new ();

  g_assert_cmpuint (jj_reuse_checker_add_source (checker, "a", source_a), ==, 0);
  g_assert_cmpuint (jj_reuse_checker_add_source (checker, "b", source_b), ==, 1);

  return checker;
}

static guint
char_offset (const char *text,
             const char *needle)
{
  const char *found = strstr (text, needle);

  g_assert_nonnull (found);
  return g_utf8_pointer_to_offset (text, found);
}

static char *
display_range (const char *text,
               guint       start,
               guint       end)
{
  const char *p = g_utf8_offset_to_pointer (text, start);
  const char *q = g_utf8_offset_to_pointer (text, end);

  return g_strndup (p, q - p);
}

/* A stretch copied with other punctuation, in traditional characters and
 * full-width digits, is found with the offsets of both texts. */
static void
test_verbatim (void)
{
  g_autoptr(JjReuseChecker) checker = make_checker ();
  const char *draft = "新的一年，我们要乘势而上。全市上下堅持以人民為中心的發展思想。扎实推进各项改革!明年再见。";
  g_autoptr(GArray) stretches = NULL;
  g_autoptr(GArray) shares = NULL;
  g_autofree char *in_draft = NULL;
  g_autofree char *in_source = NULL;
  const JjReuseStretch *s;
  double total = 0;

  stretches = jj_reuse_checker_check (checker, draft, &shares, &total, NULL, NULL);
  g_assert_nonnull (stretches);
  g_assert_cmpuint (stretches->len, ==, 1);
  s = &g_array_index (stretches, JjReuseStretch, 0);
  g_assert_cmpint (s->kind, ==, JJ_REUSE_VERBATIM);
  g_assert_cmpuint (s->source, ==, 0);
  in_draft = display_range (draft, s->draft_start, s->draft_end);
  g_assert_cmpstr (in_draft, ==, "全市上下堅持以人民為中心的發展思想。扎实推进各项改革");
  in_source = display_range (source_a, s->source_start, s->source_end);
  g_assert_cmpstr (in_source, ==, "全市上下坚持以人民为中心的发展思想，扎实推进各项改革");
  g_assert_cmpuint (s->length, ==, 25);

  g_assert_cmpuint (shares->len, ==, 1);
  g_assert_cmpuint (g_array_index (shares, JjReuseShare, 0).n_chars, ==, 25);
  g_assert_cmpfloat_with_epsilon (total, 25.0 / 40.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (shares, JjReuseShare, 0).share, total, 1e-9);
}

/* Twelve characters in common are not reported; thirteen are. */
static void
test_min_length (void)
{
  g_autoptr(JjReuseChecker) checker = make_checker ();
  g_autoptr(GArray) twelve = NULL;
  g_autoptr(GArray) thirteen = NULL;

  twelve = jj_reuse_checker_check (checker, "春天来了。推动高质量发展取得新进展了吗", NULL, NULL, NULL, NULL);
  g_assert_cmpuint (twelve->len, ==, 0);
  thirteen = jj_reuse_checker_check (checker, "春天来了。，推动高质量发展取得新进展，城了吗", NULL, NULL, NULL, NULL);
  g_assert_cmpuint (thirteen->len, ==, 1);
  g_assert_cmpuint (g_array_index (thirteen, JjReuseStretch, 0).length, ==, 13);

  jj_reuse_checker_set_min_length (checker, 20);
  g_clear_pointer (&thirteen, g_array_unref);
  thirteen = jj_reuse_checker_check (checker, "春天来了。，推动高质量发展取得新进展，城了吗", NULL, NULL, NULL, NULL);
  g_assert_cmpuint (thirteen->len, ==, 0);
}

/* One character changed, one added, two left out: near, flagged apart. */
static void
test_near (void)
{
  g_autoptr(JjReuseChecker) checker = make_checker ();
  const char *drafts[] = {
    "开头。全市上下坚持以群众为中心的发展思想，扎实推进各项改革，结尾",
    "开头。全市上下坚持以人民为中心的新发展思想，扎实推进各项改革，结尾",
    "开头。全市上下坚持以人民为中心发展思想，扎实推进各项改革，结尾",
  };

  for (guint i = 0; i < G_N_ELEMENTS (drafts); i++)
    {
      g_autoptr(GArray) stretches = jj_reuse_checker_check (checker, drafts[i], NULL, NULL, NULL, NULL);
      const JjReuseStretch *s;

      g_assert_cmpuint (stretches->len, ==, 1);
      s = &g_array_index (stretches, JjReuseStretch, 0);
      g_assert_cmpint (s->kind, ==, JJ_REUSE_NEAR);
      g_assert_cmpuint (s->source, ==, 0);
      g_assert_cmpuint (s->draft_start, ==, char_offset (drafts[i], "全市"));
      g_assert_cmpuint (s->draft_end, ==, char_offset (drafts[i], "，结尾"));
      g_assert_cmpuint (s->source_start, ==, char_offset (source_a, "全市上下"));
      g_assert_cmpuint (s->source_end, ==, char_offset (source_a, "，经济运行"));
    }
}

/* When two sources hold the same words, the longer match keeps them and the
 * shares add up to the whole. */
static void
test_longest_wins (void)
{
  g_autoptr(JjReuseChecker) checker = jj_reuse_checker_new ();
  g_autoptr(GArray) stretches = NULL;
  g_autoptr(GArray) shares = NULL;
  double total = 0;

  jj_reuse_checker_add_source (checker, "short", "甲乙丙。推动高质量发展取得新进展。丁戊");
  jj_reuse_checker_add_source (checker, "long", "推动高质量发展取得新进展，城乡居民收入稳步增长");
  stretches = jj_reuse_checker_check (checker, "推动高质量发展取得新进展城乡居民收入稳步增长", &shares, &total, NULL, NULL);
  g_assert_cmpuint (stretches->len, ==, 1);
  g_assert_cmpuint (g_array_index (stretches, JjReuseStretch, 0).source, ==, 1);
  g_assert_cmpstr (jj_reuse_checker_get_source_name (checker, 1), ==, "long");
  g_assert_cmpfloat_with_epsilon (total, 1.0, 1e-9);
  g_assert_cmpuint (shares->len, ==, 1);
}

/* Inputs built to be quadratic: one character repeated, a short period. */
static void
test_repetitive (void)
{
  g_autoptr(JjReuseChecker) checker = jj_reuse_checker_new ();
  g_autoptr(GString) source = g_string_new (NULL);
  g_autoptr(GString) periodic = g_string_new (NULL);
  g_autoptr(GString) draft = g_string_new (NULL);
  g_autoptr(GArray) stretches = NULL;
  gint64 start;

  for (guint i = 0; i < 300000; i++)
    g_string_append (source, "的");
  for (guint i = 0; i < 3000; i++)
    g_string_append (periodic, "改革发展稳定");
  for (guint i = 0; i < 5000; i++)
    g_string_append (draft, i % 2 ? "的" : "改革发展稳定");
  jj_reuse_checker_add_source (checker, "same", source->str);
  jj_reuse_checker_add_source (checker, "periodic", periodic->str);

  start = g_get_monotonic_time ();
  stretches = jj_reuse_checker_check (checker, draft->str, NULL, NULL, NULL, NULL);
  g_assert_nonnull (stretches);
  g_assert_cmpint (g_get_monotonic_time () - start, <, jj_test_usec (2.0));
}

static void
test_cancel (void)
{
  g_autoptr(JjReuseChecker) checker = make_checker ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  GArray *stretches;

  g_cancellable_cancel (cancellable);
  stretches = jj_reuse_checker_check (checker, source_b, NULL, NULL, cancellable, &error);
  g_assert_null (stretches);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Synthetic drafts: stretches of known corpus speeches, some with a
 * character changed, between new text. */

typedef struct
{
  guint       draft_start, draft_end;
  guint       source;
  JjReuseKind kind;
  guint       length;
} Planted;

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char **
load_corpus (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "corpus-dev", "raw", NULL);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_strdup (name));
  g_dir_close (d);
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      char *contents = NULL;

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_ptr_array_add (texts, contents);
    }
  g_ptr_array_add (texts, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&texts), FALSE);
}

static void
append_new_text (GString *draft,
                 GRand   *rand,
                 guint    n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0 && g_rand_int_range (rand, 0, 12) == 0)
        g_string_append (draft, "，");
      else
        g_string_append_unichar (draft, g_rand_int_range (rand, 0x4E00, 0x9FA6));
    }
}

static gboolean
stretch_is_planted (const JjReuseStretch *s,
                    const Planted        *p,
                    const char           *draft,
                    char                **corpus)
{
  g_autofree char *draft_part = NULL;
  g_autofree char *source_part = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (ABS ((gint) s->draft_start - (gint) p->draft_start) > 2
      || ABS ((gint) s->draft_end - (gint) p->draft_end) > 2
      || s->kind != p->kind)
    return FALSE;
  if (s->source == p->source)
    return TRUE;
  /* Another speech may hold the same words; then they must be the same. */
  if (s->kind != JJ_REUSE_VERBATIM)
    return FALSE;
  draft_part = display_range (draft, s->draft_start, s->draft_end);
  source_part = display_range (corpus[s->source], s->source_start, s->source_end);
  a = jj_reuse_fold (draft_part, NULL);
  b = jj_reuse_fold (source_part, NULL);

  return g_str_equal (a, b);
}

static void
test_synthetic_drafts (void)
{
  g_auto(GStrv) corpus = load_corpus ();
  g_autoptr(JjReuseChecker) checker = jj_reuse_checker_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261203);
  guint n_sources = g_strv_length (corpus);
  guint reported = 0, correct = 0, planted_total = 0, found = 0;
  double worst_share_error = 0;

  g_assert_cmpuint (n_sources, >=, 10);
  for (guint i = 0; i < n_sources; i++)
    {
      g_autofree char *name = g_strdup_printf ("%02u", i + 1);

      jj_reuse_checker_add_source (checker, name, corpus[i]);
    }

  for (guint round = 0; round < 40; round++)
    {
      g_autoptr(GString) draft = g_string_new (NULL);
      g_autoptr(GArray) planted = g_array_new (FALSE, FALSE, sizeof (Planted));
      g_autoptr(GArray) stretches = NULL;
      g_autoptr(GArray) shares = NULL;
      g_autofree char *folded = NULL;
      guint n_pieces = g_rand_int_range (rand, 2, 7);
      guint draft_chars = 0, planted_chars = 0;
      double total = 0;

      for (guint piece = 0; piece < n_pieces; piece++)
        {
          guint source = g_rand_int_range (rand, 0, n_sources);
          g_autoptr(GArray) offsets = NULL;
          g_autofree char *key = jj_reuse_fold (corpus[source], &offsets);
          guint n_key = g_utf8_strlen (key, -1);
          guint length = g_rand_int_range (rand, 13, 160);
          guint b = g_rand_int_range (rand, 0, n_key - length);
          guint start = g_array_index (offsets, guint, b);
          guint end = g_array_index (offsets, guint, b + length - 1) + 1;
          g_autofree char *text = display_range (corpus[source], start, end);
          Planted p;

          append_new_text (draft, rand, g_rand_int_range (rand, 15, 120));
          g_string_append (draft, "。");
          p.draft_start = g_utf8_strlen (draft->str, -1);
          p.source = source;
          p.length = length;
          p.kind = JJ_REUSE_VERBATIM;
          if (length >= 20 && g_rand_int_range (rand, 0, 3) == 0)
            {
              /* One character in the middle changed, for another. */
              guint middle = length / 2;
              g_autofree char *left = display_range (corpus[source], start, g_array_index (offsets, guint, b + middle));
              g_autofree char *right = display_range (corpus[source], g_array_index (offsets, guint, b + middle) + 1, end);
              gunichar original = g_utf8_get_char (g_utf8_offset_to_pointer (corpus[source], g_array_index (offsets, guint, b + middle)));
              gunichar other;

              do
                other = g_rand_int_range (rand, 0x4E00, 0x9FA6);
              while (other == original);
              g_string_append (draft, left);
              g_string_append_unichar (draft, other);
              g_string_append (draft, right);
              p.kind = JJ_REUSE_NEAR;
            }
          else
            g_string_append (draft, text);
          p.draft_end = g_utf8_strlen (draft->str, -1);
          g_string_append (draft, "。");
          g_array_append_val (planted, p);
          planted_chars += length;
        }
      append_new_text (draft, rand, 40);

      stretches = jj_reuse_checker_check (checker, draft->str, &shares, &total, NULL, NULL);
      folded = jj_reuse_fold (draft->str, NULL);
      draft_chars = g_utf8_strlen (folded, -1);

      reported += stretches->len;
      planted_total += planted->len;
      for (guint s = 0; s < stretches->len; s++)
        for (guint p = 0; p < planted->len; p++)
          if (stretch_is_planted (&g_array_index (stretches, JjReuseStretch, s),
                                  &g_array_index (planted, Planted, p), draft->str, corpus))
            {
              correct++;
              break;
            }
      for (guint p = 0; p < planted->len; p++)
        for (guint s = 0; s < stretches->len; s++)
          if (stretch_is_planted (&g_array_index (stretches, JjReuseStretch, s),
                                  &g_array_index (planted, Planted, p), draft->str, corpus))
            {
              found++;
              break;
            }
      worst_share_error = MAX (worst_share_error, ABS (total - (double) planted_chars / draft_chars));
    }

  g_test_message ("reported %u, correct %u; planted %u, found %u; worst total share error %.4f",
                  reported, correct, planted_total, found, worst_share_error);
  g_assert_cmpuint (planted_total, >=, 100);
  g_assert_cmpfloat ((double) correct / reported, >=, 0.99);
  g_assert_cmpfloat ((double) found / planted_total, >=, 0.99);
  g_assert_cmpfloat (worst_share_error, <=, 0.01);
}

/* Speeches read back from the full-text index give the same offsets as
 * their texts: paragraphs rebuilt at their places, the draft itself left
 * out, titles kept. */
static void
test_index_sources (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jj-reuse-index-XXXXXX", &error);
  g_autofree char *db = NULL;
  g_autofree char *text_a = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(JjTextIndex) index = NULL;
  g_autoptr(JjReuseChecker) checker = jj_reuse_checker_new ();
  g_autoptr(GArray) stretches = NULL;
  g_autoptr(GArray) shares = NULL;
  g_autofree char *draft = NULL;
  const char *copied = "扎实推进各项改革，经济运行稳中向好，营商环境持续改善";
  const JjReuseStretch *s;
  double total = 0;
  guint n_added = 0;

  g_assert_no_error (error);
  db = g_build_filename (dir, "index.sqlite", NULL);
  file = g_file_new_for_path (db);
  index = jj_text_index_new (file);
  g_assert_true (jj_text_index_open (index, &error));
  g_assert_no_error (error);

  /* Source a in three paragraphs, so that offsets cross newlines. */
  text_a = g_strdup_printf ("营商环境工作会议上的讲话\n同志们：\n%s", source_a);
  g_assert_true (jj_text_index_add_text (index, "/speeches/a.txt", "营商环境", 0, "fa", 0,
                                         text_a, NULL, &error));
  g_assert_true (jj_text_index_add_text (index, "/speeches/b.txt", "代表", 0, "fb", 0,
                                         source_b, NULL, &error));
  g_assert_true (jj_text_index_add_text (index, "/drafts/self.txt", "自己", 0, "fc", 0,
                                         copied, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (jj_reuse_checker_add_index (checker, index, "/drafts/self.txt", &n_added, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 2);
  g_assert_cmpuint (jj_reuse_checker_get_n_sources (checker), ==, 2);

  draft = g_strdup_printf ("我们自己写的开头。%s。结尾也是新写的。", copied);
  stretches = jj_reuse_checker_check (checker, draft, &shares, &total, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stretches->len, ==, 1);
  s = &g_array_index (stretches, JjReuseStretch, 0);
  g_assert_cmpstr (jj_reuse_checker_get_source_name (checker, s->source), ==, "/speeches/a.txt");
  g_assert_cmpstr (jj_reuse_checker_get_source_title (checker, s->source), ==, "营商环境");
  g_assert_cmpuint (s->kind, ==, JJ_REUSE_VERBATIM);
  g_assert_cmpuint (s->draft_start, ==, char_offset (draft, copied));
  g_assert_cmpuint (s->source_start, ==, char_offset (text_a, copied));
  g_assert_cmpuint (s->source_end - s->source_start, ==, g_utf8_strlen (copied, -1));
  g_assert_cmpuint (shares->len, ==, 1);
  g_assert_cmpfloat (total, >, 0.4);

  g_clear_object (&index);
  g_unlink (db);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
}

/* Offsets in a source stay right across a long run of characters that do
 * not count (a rule of dashes, blank lines), however far apart. */
static void
test_far_offsets (void)
{
  g_autoptr(JjReuseChecker) checker = jj_reuse_checker_new ();
  g_autoptr(GString) source = g_string_new ("前言几句");
  g_autoptr(GArray) stretches = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *draft = NULL;
  const char *copied = "要把农村人居环境整治作为重中之重一件接着一件办";
  const char *later = "坚持以人民为中心的发展思想扎实推进各项改革";
  const JjReuseStretch *s;

  for (guint i = 0; i < 300; i++)
    g_string_append (source, i % 2 ? "—" : "\n");
  g_string_append (source, copied);
  g_string_append (source, "。");
  for (guint i = 0; i < 1000; i++)
    g_string_append (source, "　");
  g_string_append (source, "后面的话。");
  g_string_append (source, later);
  g_string_append (source, "。");
  jj_reuse_checker_add_source (checker, "far", source->str);

  draft = g_strdup_printf ("新写的开头。%s。中间新写的。%s。", copied, later);
  stretches = jj_reuse_checker_check (checker, draft, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stretches->len, ==, 2);
  s = &g_array_index (stretches, JjReuseStretch, 0);
  g_assert_cmpuint (s->source_start, ==, char_offset (source->str, copied));
  g_assert_cmpuint (s->source_end, ==, s->source_start + g_utf8_strlen (copied, -1));
  s = &g_array_index (stretches, JjReuseStretch, 1);
  g_assert_cmpuint (s->source_start, ==, char_offset (source->str, later));
  g_assert_cmpuint (s->source_end, ==, s->source_start + g_utf8_strlen (later, -1));
}

static void
remove_index_files (const char *dir,
                    const char *db)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db, suffixes[i], NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* What a check reports, by the sources' names: the same from two
 * checkers whatever the numbers of their sources. */
static char *
describe_check (JjReuseChecker *checker,
                const char     *draft,
                const char     *skip_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) shares = NULL;
  g_autoptr(GArray) stretches = NULL;
  GString *out = g_string_new (NULL);
  double total = 0;

  stretches = jj_reuse_checker_check_except (checker, draft, skip_name, &shares, &total, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < stretches->len; i++)
    {
      const JjReuseStretch *s = &g_array_index (stretches, JjReuseStretch, i);

      g_string_append_printf (out, "%u-%u %s %u-%u %u %s\n", s->draft_start, s->draft_end,
                              jj_reuse_checker_get_source_name (checker, s->source),
                              s->source_start, s->source_end, s->length,
                              s->kind == JJ_REUSE_NEAR ? "near" : "verbatim");
    }
  for (guint i = 0; i < shares->len; i++)
    {
      const JjReuseShare *share = &g_array_index (shares, JjReuseShare, i);

      g_string_append_printf (out, "share %s %u %.6f\n",
                              jj_reuse_checker_get_source_name (checker, share->source),
                              share->n_chars, share->share);
    }
  g_string_append_printf (out, "total %.6f\n", total);

  return g_string_free (out, FALSE);
}

static char *
describe_fresh (JjTextIndex *index,
                const char  *draft,
                const char  *skip_name)
{
  g_autoptr(JjReuseChecker) fresh = jj_reuse_checker_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (jj_reuse_checker_add_index (fresh, index, skip_name, NULL, NULL, &error));
  g_assert_no_error (error);
  return describe_check (fresh, draft, NULL);
}

/* A checker kept from one check to the next reads again only the speeches
 * the index changed, and reports what a checker made anew from the index
 * reports: a changed speech with its new text, a removed one no more. */
static void
test_index_sync (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jj-reuse-sync-XXXXXX", &error);
  g_autofree char *db = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(JjTextIndex) index = NULL;
  g_autoptr(JjReuseChecker) kept = jj_reuse_checker_new ();
  g_autofree char *draft = NULL;
  g_autofree char *before = NULL;
  g_autofree char *fresh_before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *fresh_after = NULL;
  g_autofree char *skipped = NULL;
  g_autofree char *fresh_skipped = NULL;
  const char *from_a = "扎实推进各项改革，经济运行稳中向好，营商环境持续改善";
  const char *from_b = "推动高质量发展取得新进展，城乡居民收入稳步增长";
  const char *source_c = "在全县乡村振兴推进会上的讲话。要把农村人居环境整治作为重中之重，一件接着一件办。";
  const char *from_c = "要把农村人居环境整治作为重中之重";
  const char *source_b2 = "各位代表：过去五年，我们坚持稳中求进工作总基调，社会大局和谐稳定。";
  guint n_read = G_MAXUINT;

  g_assert_no_error (error);
  db = g_build_filename (dir, "index.sqlite", NULL);
  file = g_file_new_for_path (db);
  index = jj_text_index_new (file);
  g_assert_true (jj_text_index_open (index, &error));
  g_assert_true (jj_text_index_add_text (index, "/speeches/a.txt", "营商环境", 0, "fa", 0, source_a, NULL, &error));
  g_assert_true (jj_text_index_add_text (index, "/speeches/b.txt", "代表", 0, "fb", 0, source_b, NULL, &error));
  g_assert_true (jj_text_index_add_text (index, "/speeches/c.txt", "乡村", 0, "fc", 0, source_c, NULL, &error));
  g_assert_no_error (error);

  draft = g_strdup_printf ("新写的开头。%s。中间也是新的话。%s。再写几句。%s。结尾。", from_a, from_b, from_c);

  g_assert_true (jj_reuse_checker_sync_index (kept, index, &n_read, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_read, ==, 3);
  g_assert_cmpuint (jj_reuse_checker_get_n_sources (kept), ==, 3);
  before = describe_check (kept, draft, NULL);
  fresh_before = describe_fresh (index, draft, NULL);
  g_assert_cmpstr (before, ==, fresh_before);
  g_assert_nonnull (strstr (before, "/speeches/a.txt"));
  g_assert_nonnull (strstr (before, "/speeches/b.txt"));
  g_assert_nonnull (strstr (before, "/speeches/c.txt"));

  /* Nothing changed: nothing is read. */
  g_assert_true (jj_reuse_checker_sync_index (kept, index, &n_read, NULL, &error));
  g_assert_cmpuint (n_read, ==, 0);
  g_assert_cmpuint (jj_reuse_checker_get_n_sources (kept), ==, 3);

  /* b loses the words the draft took, c goes, and d holds a's words too:
   * a tie the sources' names settle the same way in both checkers. */
  g_assert_true (jj_text_index_add_text (index, "/speeches/b.txt", "代表", 0, "fb2", 0, source_b2, NULL, &error));
  g_assert_true (jj_text_index_remove (index, "/speeches/c.txt", &error));
  g_assert_true (jj_text_index_add_text (index, "/speeches/0.txt", "复制", 0, "fd", 0, source_a, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (jj_reuse_checker_sync_index (kept, index, &n_read, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_read, ==, 2);
  g_assert_cmpuint (jj_reuse_checker_get_n_sources (kept), ==, 3);
  g_assert_cmpuint (jj_reuse_checker_find_source (kept, "/speeches/c.txt"), ==, G_MAXUINT);
  after = describe_check (kept, draft, NULL);
  fresh_after = describe_fresh (index, draft, NULL);
  g_test_message ("before:\n%safter:\n%s", before, after);
  g_assert_cmpstr (after, ==, fresh_after);
  g_assert_null (strstr (after, "/speeches/b.txt"));
  g_assert_null (strstr (after, "/speeches/c.txt"));
  g_assert_null (strstr (after, "/speeches/a.txt"));
  g_assert_nonnull (strstr (after, "/speeches/0.txt"));
  g_assert_cmpstr (after, !=, before);

  /* A source left out of one check only. */
  skipped = describe_check (kept, draft, "/speeches/0.txt");
  fresh_skipped = describe_fresh (index, draft, "/speeches/0.txt");
  g_assert_cmpstr (skipped, ==, fresh_skipped);
  g_assert_nonnull (strstr (skipped, "/speeches/a.txt"));
  g_assert_cmpuint (jj_reuse_checker_get_n_sources (kept), ==, 3);

  g_clear_object (&index);
  remove_index_files (dir, db);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reuse-checker/verbatim", test_verbatim);
  g_test_add_func ("/reuse-checker/min-length", test_min_length);
  g_test_add_func ("/reuse-checker/near", test_near);
  g_test_add_func ("/reuse-checker/longest-wins", test_longest_wins);
  g_test_add_func ("/reuse-checker/repetitive", test_repetitive);
  g_test_add_func ("/reuse-checker/cancel", test_cancel);
  g_test_add_func ("/reuse-checker/index-sources", test_index_sources);
  g_test_add_func ("/reuse-checker/index-sync", test_index_sync);
  g_test_add_func ("/reuse-checker/far-offsets", test_far_offsets);
  g_test_add_func ("/reuse-checker/synthetic-drafts", test_synthetic_drafts);

  return g_test_run ();
}
