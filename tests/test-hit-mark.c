/* test-hit-mark.c — marking the sentence of a full-text hit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "jj-hit-mark.h"
#include "jj-mark-store.h"
#include "test-files.h"

static const char *text =
  "在全市文明城市创建工作推进会上的讲话\n"
  "同志们：\n"
  "一、充分认识创建工作的重要意义\n"
  "创建文明城市是提升城市品质的重要抓手。这是惠及全体市民的民生工程！\n"
  "二、突出重点，扎实推进各项任务\n"
  "要坚持以人民为中心，把群众满意作为检验创建成效的根本标准。群众说“好”才是真的好。\n"
  "　　各级各部门要切实履行职责\n";

static char *
sentence_of (const char *hit)
{
  const char *found = strstr (text, hit);
  guint start, s, e;

  g_assert_nonnull (found);
  start = g_utf8_pointer_to_offset (text, found);
  jj_hit_mark_sentence_bounds (text, start, start + g_utf8_strlen (hit, -1), &s, &e);
  return g_utf8_substring (text, s, e);
}

static void
test_sentence_bounds (void)
{
  struct { const char *hit; const char *sentence; } cases[] = {
    { "重要抓手", "创建文明城市是提升城市品质的重要抓手。" },
    { "民生工程", "这是惠及全体市民的民生工程！" },
    { "以人民为中心", "要坚持以人民为中心，把群众满意作为检验创建成效的根本标准。" },
    { "才是真", "群众说“好”才是真的好。" },
    /* A line without a sentence end is one sentence; its indent is not. */
    { "切实履行", "各级各部门要切实履行职责" },
    { "扎实推进", "二、突出重点，扎实推进各项任务" },
    /* A hit over two sentences marks both. */
    { "抓手。这是", "创建文明城市是提升城市品质的重要抓手。这是惠及全体市民的民生工程！" },
    /* A hit that is a whole sentence stays one. */
    { "群众说“好”才是真的好。", "群众说“好”才是真的好。" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *sentence = sentence_of (cases[i].hit);

      g_assert_cmpstr (sentence, ==, cases[i].sentence);
    }
}

static guint
count_marks (GFile       *file,
             const char  *sentence)
{
  g_autoptr(JjMarkStore) store = jj_mark_store_new (file);
  g_autoptr(GError) error = NULL;
  GListModel *marks;
  guint n = 0;

  jj_mark_store_set_read_only (store, TRUE);
  g_assert_true (jj_mark_store_load (store, text, NULL, &error));
  g_assert_no_error (error);
  marks = jj_mark_store_get_marks (store);
  for (guint i = 0; i < g_list_model_get_n_items (marks); i++)
    {
      g_autoptr(JjMark) mark = g_list_model_get_item (marks, i);

      if (sentence == NULL || g_strcmp0 (jj_mark_get_quote (mark), sentence) == 0)
        n++;
    }
  return n;
}

static void
test_add (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jj-hit-mark-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "讲话.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *sentence = NULL;
  const char *wanted = "要坚持以人民为中心，把群众满意作为检验创建成效的根本标准。";
  guint start = g_utf8_pointer_to_offset (text, strstr (text, "以人民为中心"));
  gboolean already = TRUE;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));

  /* A mark already there stays. */
  {
    g_autoptr(JjMarkStore) store = jj_mark_store_new (file);
    guint s = g_utf8_pointer_to_offset (text, strstr (text, "民生工程"));

    g_assert_true (jj_mark_store_load (store, text, NULL, &error));
    g_assert_nonnull (jj_mark_store_add_range (store, s, s + 4, "golden", NULL));
    g_assert_true (jj_mark_store_save (store, &error));
    g_assert_no_error (error);
  }

  g_assert_true (jj_hit_mark_add (file, start, start + 6, "以人民为中心", "golden", "王五",
                                  &sentence, &already, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (already);
  g_assert_cmpstr (sentence, ==, wanted);
  g_assert_cmpuint (count_marks (file, NULL), ==, 2);
  g_assert_cmpuint (count_marks (file, wanted), ==, 1);
  {
    g_autoptr(JjMarkStore) store = jj_mark_store_new (file);
    g_autoptr(JjMark) mark = NULL;

    jj_mark_store_set_read_only (store, TRUE);
    g_assert_true (jj_mark_store_load (store, text, NULL, &error));
    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(JjMark) m = g_list_model_get_item (jj_mark_store_get_marks (store), i);

        if (g_strcmp0 (jj_mark_get_quote (m), wanted) == 0)
          mark = g_object_ref (m);
      }
    g_assert_nonnull (mark);
    g_assert_cmpstr (jj_mark_get_kind (mark), ==, "golden");
    g_assert_cmpstr (jj_mark_get_author (mark), ==, "王五");
    g_assert_cmpstr (jj_mark_get_section (mark), ==, "二、突出重点，扎实推进各项任务");
  }

  /* The same sentence again, from another hit in it: no second mark. */
  start = g_utf8_pointer_to_offset (text, strstr (text, "根本标准"));
  g_assert_true (jj_hit_mark_add (file, start, start + 4, "根本标准", "golden", NULL,
                                  NULL, &already, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (already);
  g_assert_cmpuint (count_marks (file, NULL), ==, 2);

  /* A hit that no longer says what the speech says is refused, whole. */
  g_assert_false (jj_hit_mark_add (file, start, start + 4, "高质量发展", "golden", NULL,
                                   NULL, NULL, NULL, &error));
  g_assert_error (error, JJ_HIT_MARK_ERROR, JJ_HIT_MARK_ERROR_CHANGED);
  g_clear_error (&error);
  g_assert_false (jj_hit_mark_add (file, start, 100000, NULL, "golden", NULL,
                                   NULL, NULL, NULL, &error));
  g_assert_error (error, JJ_HIT_MARK_ERROR, JJ_HIT_MARK_ERROR_CHANGED);
  g_clear_error (&error);
  g_assert_cmpuint (count_marks (file, NULL), ==, 2);

  /* A speech that is gone says so. */
  {
    g_autofree char *gone_path = g_build_filename (dir, "没有.txt", NULL);
    g_autoptr(GFile) gone = g_file_new_for_path (gone_path);

    g_assert_false (jj_hit_mark_add (gone, 0, 2, NULL, "golden", NULL, NULL, NULL, NULL, &error));
    g_assert_nonnull (error);
    g_assert_cmpstr (error->message, !=, "");
    g_clear_error (&error);
  }

  jj_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hit-mark/sentence-bounds", test_sentence_bounds);
  g_test_add_func ("/hit-mark/add", test_add);

  return g_test_run ();
}
