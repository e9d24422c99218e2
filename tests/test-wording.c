/* test-wording.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "jj-text-fold.h"
#include "jj-text-index.h"
#include "jj-wording.h"

/* Invented speeches: the phrase, its variants and near misses. */
static const struct
{
  const char *name;
  gint64      year;
  const char *text;
} speeches[] = {
  { "a", 2019, "在甲会议上的讲话\n一、总体要求\n坚持以人民为中心的发展思想。始终以人民为中心。\n推动高质量发展，实现高质量发展。\n" },
  { "b", 2021, "在乙会议上的讲话\n坚持以群众为中心，做到以人民群众为中心。\n推动高水平发展。\n以人民为本，以中心城市为依托。\n" },
  { "c", 2021, "在丙会议上的讲话\n要以人民为中心，也要以人为中心。\n高质量地发展产业。\n" },
  { "d", 2022, "在丁會議上的講話\nＡＢ，堅持以人民為中心。\n" },
};

static JjTextIndex *
make_index (char **root_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("jj-wording-XXXXXX", &error);
  g_autofree char *path = g_build_filename (root, "index.sqlite", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JjTextIndex) index = jj_text_index_new (file);

  g_assert_no_error (error);
  g_assert_true (jj_text_index_open (index, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (speeches); i++)
    {
      g_autoptr(GDateTime) date = g_date_time_new_utc (speeches[i].year, 6, 1, 0, 0, 0);
      g_autofree char *title = g_strndup (speeches[i].text, strchr (speeches[i].text, '\n') - speeches[i].text);

      g_assert_true (jj_text_index_add_text (index, speeches[i].name, title,
                                             g_date_time_to_unix (date), "", 0,
                                             speeches[i].text, NULL, &error));
      g_assert_no_error (error);
    }

  *root_out = g_steal_pointer (&root);
  return g_steal_pointer (&index);
}

static void
remove_index (JjTextIndex *index,
              char        *root)
{
  g_autofree char *path = g_strdup (g_file_peek_path (jj_text_index_get_file (index)));
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_object_unref (index);
  g_remove (path);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (root);
  g_free (root);
}

static JjWordingVariant *
find_variant (GPtrArray  *variants,
              const char *text)
{
  for (guint i = 0; i < variants->len; i++)
    {
      JjWordingVariant *variant = g_ptr_array_index (variants, i);

      if (g_str_equal (variant->text, text))
        return variant;
    }
  return NULL;
}

/* Each hit covers the variant's text in its speech. */
static void
check_offsets (JjWordingVariant *variant)
{
  for (guint i = 0; i < variant->hits->len; i++)
    {
      JjTextHit *hit = g_ptr_array_index (variant->hits, i);
      g_autofree char *found = NULL;
      g_autofree char *folded = NULL;

      for (guint s = 0; s < G_N_ELEMENTS (speeches); s++)
        {
          if (g_str_equal (speeches[s].name, hit->path))
            found = g_utf8_substring (speeches[s].text, hit->start, hit->end);
        }
      g_assert_nonnull (found);
      folded = jj_text_fold (found, -1);
      g_assert_cmpstr (folded, ==, variant->text);
    }
}

static void
test_people (void)
{
  g_autofree char *root = NULL;
  JjTextIndex *index = make_index (&root);
  g_autoptr(GPtrArray) variants = NULL;
  g_autoptr(GError) error = NULL;
  JjWordingVariant *exact, *v;

  variants = jj_wording_compare (index, "以人民为中心", &error);
  g_assert_no_error (error);
  g_assert_nonnull (variants);

  exact = g_ptr_array_index (variants, 0);
  g_assert_cmpstr (exact->text, ==, "以人民为中心");
  g_assert_cmpuint (exact->errors, ==, 0);
  g_assert_cmpuint (exact->hits->len, ==, 4);
  check_offsets (exact);
  g_assert_cmpuint (exact->documents->len, ==, 3);
  g_assert_cmpstr (g_array_index (exact->documents, JjWordingDocumentCount, 0).path, ==, "a");
  g_assert_cmpuint (g_array_index (exact->documents, JjWordingDocumentCount, 0).count, ==, 2);
  g_assert_cmpstr (g_array_index (exact->documents, JjWordingDocumentCount, 1).path, ==, "c");
  g_assert_cmpuint (g_array_index (exact->documents, JjWordingDocumentCount, 1).count, ==, 1);
  g_assert_cmpstr (g_array_index (exact->documents, JjWordingDocumentCount, 2).path, ==, "d");
  g_assert_cmpuint (exact->years->len, ==, 3);
  g_assert_cmpint (g_array_index (exact->years, JjWordingYearCount, 0).year, ==, 2019);
  g_assert_cmpuint (g_array_index (exact->years, JjWordingYearCount, 0).count, ==, 2);
  g_assert_cmpint (g_array_index (exact->years, JjWordingYearCount, 1).year, ==, 2021);
  g_assert_cmpuint (g_array_index (exact->years, JjWordingYearCount, 1).count, ==, 1);
  g_assert_cmpint (g_array_index (exact->years, JjWordingYearCount, 2).year, ==, 2022);

  v = find_variant (variants, "以群众为中心");
  g_assert_nonnull (v);
  g_assert_cmpuint (v->errors, ==, 2);
  g_assert_cmpuint (v->hits->len, ==, 1);
  check_offsets (v);

  v = find_variant (variants, "以人民群众为中心");
  g_assert_nonnull (v);
  g_assert_cmpuint (v->errors, ==, 2);
  check_offsets (v);

  v = find_variant (variants, "以人为中心");
  g_assert_nonnull (v);
  g_assert_cmpuint (v->errors, ==, 1);
  check_offsets (v);

  /* Not variants: a different end, a different frame. */
  g_assert_null (find_variant (variants, "以人民为本"));
  g_assert_cmpuint (variants->len, ==, 4);

  remove_index (index, g_steal_pointer (&root));
}

static void
test_quality (void)
{
  g_autofree char *root = NULL;
  JjTextIndex *index = make_index (&root);
  g_autoptr(GPtrArray) variants = NULL;
  g_autoptr(GError) error = NULL;
  JjWordingVariant *exact, *v;

  /* Typed in traditional characters: compared folded. */
  variants = jj_wording_compare (index, "高質量發展", &error);
  g_assert_no_error (error);

  exact = g_ptr_array_index (variants, 0);
  g_assert_cmpstr (exact->text, ==, "高质量发展");
  g_assert_cmpuint (exact->hits->len, ==, 2);
  check_offsets (exact);

  v = find_variant (variants, "高水平发展");
  g_assert_nonnull (v);
  g_assert_cmpuint (v->errors, ==, 2);
  g_assert_cmpint (g_array_index (v->years, JjWordingYearCount, 0).year, ==, 2021);
  check_offsets (v);

  v = find_variant (variants, "高质量地发展");
  g_assert_nonnull (v);
  g_assert_cmpuint (v->errors, ==, 1);
  g_assert_cmpuint (variants->len, ==, 3);

  g_clear_pointer (&variants, g_ptr_array_unref);
  variants = jj_wording_compare (index, "中央企业", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (variants->len, ==, 1);
  g_assert_cmpuint (((JjWordingVariant *)g_ptr_array_index (variants, 0))->hits->len, ==, 0);

  g_assert_null (jj_wording_compare (index, "。", &error));
  g_assert_error (error, JJ_TEXT_INDEX_ERROR, JJ_TEXT_INDEX_ERROR_QUERY);

  remove_index (index, g_steal_pointer (&root));
}

/* Among many speeches where only a few paragraphs hold a variant, and
 * many hold some of the phrase's pairs: a character replaced and a word
 * put in are found, in their speech and at their place.
 */
static const char * const fillers[] = {
  "人民生活水平不断提高", "城市中心区域持续改善", "为民办事要有实效",
  "各项工作稳步推进", "发展的成果由人民共享", "以人为本加强管理",
};

static void
test_among_many (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("jj-wording-XXXXXX", &error);
  g_autofree char *db = g_build_filename (root, "index.sqlite", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (db);
  JjTextIndex *index = jj_text_index_new (file);
  g_autoptr(GPtrArray) variants = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  static const struct
  {
    guint       speech;
    const char *wording;
    guint       errors;
  } planted[] = {
    { 7, "以人民为核心", 1 },       /* one character replaced */
    { 123, "以广大人民为中心", 2 },  /* a word put in after the first character */
    { 124, "以人民为中心", 0 },
    { 250, "以人民为中心", 0 },
    { 399, "以人民大众为中心", 2 },  /* a word put in in the middle */
  };
  guint n_exact = 0;

  g_assert_no_error (error);
  g_assert_true (jj_text_index_open (index, &error));
  g_assert_no_error (error);
  g_assert_true (jj_text_index_begin_batch (index, &error));
  for (guint i = 0; i < 400; i++)
    {
      GString *text = g_string_new (NULL);
      g_autofree char *name = g_strdup_printf ("%03u", i);

      g_string_append_printf (text, "第%u次会议上的讲话\n", i);
      for (guint p = 0; p < 6; p++)
        {
          for (guint f = 0; f < 4; f++)
            {
              g_string_append (text, fillers[(i * 7 + p * 3 + f) % G_N_ELEMENTS (fillers)]);
              g_string_append (text, "，");
            }
          for (guint k = 0; k < G_N_ELEMENTS (planted); k++)
            {
              if (planted[k].speech == i && p == 3)
                g_string_append_printf (text, "坚持%s。", planted[k].wording);
            }
          g_string_append (text, "要抓好落实。\n");
        }
      g_assert_true (jj_text_index_add_text (index, name, name, 0, "", 0, text->str, NULL, &error));
      g_assert_no_error (error);
      g_ptr_array_add (texts, g_string_free (text, FALSE));
    }
  g_assert_true (jj_text_index_end_batch (index, &error));
  g_assert_no_error (error);

  variants = jj_wording_compare (index, "以人民为中心", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((JjWordingVariant *)g_ptr_array_index (variants, 0))->text, ==, "以人民为中心");

  for (guint k = 0; k < G_N_ELEMENTS (planted); k++)
    {
      JjWordingVariant *v = find_variant (variants, planted[k].wording);
      const char *text = g_ptr_array_index (texts, planted[k].speech);
      const char *at = strstr (text, planted[k].wording);
      g_autofree char *name = g_strdup_printf ("%03u", planted[k].speech);
      gboolean found = FALSE;

      g_assert_nonnull (v);
      g_assert_cmpuint (v->errors, ==, planted[k].errors);
      n_exact += planted[k].errors == 0;
      for (guint h = 0; h < v->hits->len; h++)
        {
          JjTextHit *hit = g_ptr_array_index (v->hits, h);

          if (g_str_equal (hit->path, name))
            {
              g_assert_cmpuint (hit->start, ==, g_utf8_pointer_to_offset (text, at));
              g_assert_cmpuint (hit->end - hit->start, ==, g_utf8_strlen (planted[k].wording, -1));
              found = TRUE;
            }
        }
      g_assert_true (found);
    }

  /* Nothing else: the fillers hold pairs of the phrase, never a variant. */
  g_assert_cmpuint (variants->len, ==, 4);
  g_assert_cmpuint (((JjWordingVariant *)g_ptr_array_index (variants, 0))->hits->len, ==, n_exact);
  for (guint v = 0; v < variants->len; v++)
    {
      JjWordingVariant *variant = g_ptr_array_index (variants, v);

      g_assert_cmpuint (variant->n_hits, ==, variant->hits->len);
    }

  g_object_unref (index);
  remove_index (jj_text_index_new (file), g_steal_pointer (&root));
}

/* Keeping a few hits of each wording counts every one all the same. */
static void
test_bounded (void)
{
  g_autofree char *root = NULL;
  JjTextIndex *index = make_index (&root);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) bounded = NULL;
  g_autoptr(GError) error = NULL;

  all = jj_wording_compare (index, "以人民为中心", &error);
  g_assert_no_error (error);
  bounded = jj_wording_compare_bounded (index, "以人民为中心", 1, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (all->len, ==, bounded->len);
  for (guint i = 0; i < all->len; i++)
    {
      JjWordingVariant *a = g_ptr_array_index (all, i);
      JjWordingVariant *b = g_ptr_array_index (bounded, i);
      JjTextHit *first_a, *first_b;

      g_assert_cmpstr (a->text, ==, b->text);
      g_assert_cmpuint (a->n_hits, ==, a->hits->len);
      g_assert_cmpuint (b->n_hits, ==, a->n_hits);
      g_assert_cmpuint (b->hits->len, ==, 1);
      first_a = g_ptr_array_index (a->hits, 0);
      first_b = g_ptr_array_index (b->hits, 0);
      g_assert_cmpstr (first_a->path, ==, first_b->path);
      g_assert_cmpuint (first_a->start, ==, first_b->start);
      g_assert_cmpstr (first_a->context, ==, first_b->context);

      g_assert_cmpuint (a->documents->len, ==, b->documents->len);
      for (guint d = 0; d < a->documents->len; d++)
        {
          g_assert_cmpstr (g_array_index (a->documents, JjWordingDocumentCount, d).path, ==,
                           g_array_index (b->documents, JjWordingDocumentCount, d).path);
          g_assert_cmpuint (g_array_index (a->documents, JjWordingDocumentCount, d).count, ==,
                            g_array_index (b->documents, JjWordingDocumentCount, d).count);
        }
      g_assert_cmpuint (a->years->len, ==, b->years->len);
      for (guint y = 0; y < a->years->len; y++)
        g_assert_cmpuint (g_array_index (a->years, JjWordingYearCount, y).count, ==,
                          g_array_index (b->years, JjWordingYearCount, y).count);
    }
  /* The phrase itself: 4 hits in 3 speeches, one kept. */
  g_assert_cmpuint (((JjWordingVariant *)g_ptr_array_index (bounded, 0))->n_hits, ==, 4);

  remove_index (index, g_steal_pointer (&root));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/wording/people", test_people);
  g_test_add_func ("/wording/quality", test_quality);
  g_test_add_func ("/wording/among-many", test_among_many);
  g_test_add_func ("/wording/bounded", test_bounded);

  return g_test_run ();
}
