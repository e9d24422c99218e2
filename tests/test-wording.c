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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/wording/people", test_people);
  g_test_add_func ("/wording/quality", test_quality);

  return g_test_run ();
}
