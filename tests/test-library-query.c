/* test-library-query.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "jj-library-query.h"
#include "jj-passage.h"

static JjPassage *
make_passage (const char *id,
              const char *document,
              const char *title,
              const char *kind,
              const char *quote,
              const char *note,
              const char *tag,
              int         day,
              guint       start)
{
  JjPassage *passage = jj_passage_new (id);
  g_autoptr(GDateTime) created = g_date_time_new_utc (2024, 3, day, 9, 0, 0);
  const char *tags[] = { tag, NULL };

  jj_passage_set_document_path (passage, document);
  jj_passage_set_document_title (passage, title);
  jj_passage_set_kind (passage, kind);
  jj_passage_set_quote (passage, quote);
  jj_passage_set_note (passage, note);
  jj_passage_set_tags (passage, tags);
  jj_passage_set_created (passage, created);
  jj_passage_set_range (passage, start, start + g_utf8_strlen (quote, -1));
  if (g_str_equal (id, "a"))
    jj_passage_set_section (passage, "一、总体要求");

  return passage;
}

static GPtrArray *
make_passages (void)
{
  GPtrArray *passages = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (passages, make_passage ("a", "/d/one.txt", "在全市经济工作会议上的讲话", "borrow",
                                           "坚持以人民为中心的发展思想", "开头可用", "经济", 1, 40));
  g_ptr_array_add (passages, make_passage ("b", "/d/one.txt", "在全市经济工作会议上的讲话", "golden",
                                           "发展是第一要务，人才是第一资源", NULL, "人才", 5, 10));
  g_ptr_array_add (passages, make_passage ("c", "/d/two.txt", "關於鄉村振興的報告", "fact",
                                           "全縣糧食產量連續五年穩定在十億斤以上", "數據要核實", "乡村", 3, 0));
  g_ptr_array_add (passages, make_passage ("d", "/d/three.txt", "Opening Speech", "borrow",
                                           "Ｗe must keep the ＧDP growth steady", NULL, NULL, 7, 5));
  g_ptr_array_add (passages, make_passage ("e", "/d/two.txt", "關於鄉村振興的報告", "future-kind",
                                           "农业强国", NULL, "乡村", 2, 90));

  return passages;
}

static char *
run_ids (JjLibraryQuery *query,
         GPtrArray      *passages)
{
  g_autoptr(GPtrArray) result = jj_library_query_run (query, (JjPassage **)passages->pdata, passages->len);
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < result->len; i++)
    g_string_append (str, jj_passage_get_id (g_ptr_array_index (result, i)));

  return g_string_free (str, FALSE);
}

#define assert_ids(query, passages, expected) \
  G_STMT_START { \
    g_autofree char *ids_ = run_ids (query, passages); \
    g_assert_cmpstr (ids_, ==, expected); \
  } G_STMT_END

static void
test_fold (void)
{
  g_autofree char *simplified = jj_library_query_fold ("鄉村振興");
  g_autofree char *ascii = jj_library_query_fold ("ＧＤＰ Growth");

  g_assert_cmpstr (simplified, ==, "乡村振兴");
  g_assert_cmpstr (ascii, ==, "gdp growth");
}

static void
test_search (void)
{
  g_autoptr(GPtrArray) passages = make_passages ();
  g_autoptr(JjLibraryQuery) query = jj_library_query_new ();

  /* No criteria: everything, newest first. */
  assert_ids (query, passages, "dbcea");

  jj_library_query_set_text (query, "发展");
  assert_ids (query, passages, "ba");

  /* Traditional query, simplified text, and the reverse. */
  jj_library_query_set_text (query, "發展");
  assert_ids (query, passages, "ba");
  jj_library_query_set_text (query, "粮食产量");
  assert_ids (query, passages, "c");

  /* Notes are searched too; the speech's title is not: it would find
   * every passage of the speech, nothing in them to show why. */
  jj_library_query_set_text (query, "核实");
  assert_ids (query, passages, "c");
  jj_library_query_set_text (query, "经济工作");
  assert_ids (query, passages, "");

  /* Tags, with or without #, and sections. */
  jj_library_query_set_text (query, "人才");
  assert_ids (query, passages, "b");
  jj_library_query_set_text (query, "乡村");
  assert_ids (query, passages, "ce");
  jj_library_query_set_text (query, "#乡村");
  assert_ids (query, passages, "ce");
  jj_library_query_set_text (query, "＃经济");
  assert_ids (query, passages, "a");
  jj_library_query_set_text (query, "总体要求");
  assert_ids (query, passages, "a");

  /* Case and width are ignored; all words must occur. */
  jj_library_query_set_text (query, "gdp WE");
  assert_ids (query, passages, "d");
  jj_library_query_set_text (query, "发展 人才");
  assert_ids (query, passages, "b");
  jj_library_query_set_text (query, "不存在的词");
  assert_ids (query, passages, "");

  jj_library_query_set_text (query, "  ");
  assert_ids (query, passages, "dbcea");
}

static void
count_changes (JjLibraryQuery *query,
               guint          *changes)
{
  (*changes)++;
}

static void
test_filters (void)
{
  g_autoptr(GPtrArray) passages = make_passages ();
  g_autoptr(JjLibraryQuery) query = jj_library_query_new ();
  g_autoptr(GDateTime) since = g_date_time_new_utc (2024, 3, 2, 0, 0, 0);
  g_autoptr(GDateTime) until = g_date_time_new_utc (2024, 3, 5, 0, 0, 0);
  guint changes = 0;

  g_signal_connect (query, "changed", G_CALLBACK (count_changes), &changes);

  jj_library_query_set_kind (query, "borrow");
  assert_ids (query, passages, "da");
  jj_library_query_set_kind (query, NULL);

  jj_library_query_set_tag (query, "乡村");
  assert_ids (query, passages, "ce");
  jj_library_query_set_tag (query, "");

  jj_library_query_set_document (query, "/d/one.txt");
  assert_ids (query, passages, "ba");
  jj_library_query_set_document (query, NULL);

  /* since inclusive, until exclusive */
  jj_library_query_set_date_range (query, since, until);
  assert_ids (query, passages, "ce");
  jj_library_query_set_date_range (query, NULL, NULL);

  g_assert_cmpuint (changes, ==, 8);
}

static void
test_sort (void)
{
  g_autoptr(GPtrArray) passages = make_passages ();
  g_autoptr(JjLibraryQuery) query = jj_library_query_new ();

  jj_library_query_set_sort (query, JJ_LIBRARY_SORT_DOCUMENT);
  /* Titles in code point order; text order inside a document. */
  assert_ids (query, passages, "dbace");
  jj_library_query_set_sort (query, JJ_LIBRARY_SORT_KIND);
  /* borrow, golden, fact, then unknown kinds last */
  assert_ids (query, passages, "dabce");
}

static void
test_passage (void)
{
  g_autoptr(JjPassage) passage = jj_passage_new ("id-1");
  const char *tags[] = { "甲", "乙", NULL };
  g_autofree char *quote = NULL;

  g_assert_cmpstr (jj_passage_get_quote (passage), ==, "");
  g_assert_nonnull (jj_passage_get_tags (passage));
  g_assert_null (jj_passage_get_tags (passage)[0]);
  g_assert_false (jj_passage_has_tag (passage, "甲"));

  jj_passage_set_tags (passage, tags);
  g_assert_true (jj_passage_has_tag (passage, "乙"));
  g_assert_cmpuint (jj_passage_get_document_status (passage), ==, JJ_DOCUMENT_STATUS_PRESENT);

  jj_passage_set_quote (passage, "旧");
  /* Quote, note, tags and section, one to a line. */
  g_assert_cmpstr (jj_library_query_ensure_search_key (passage), ==, "旧\n\n甲\n乙\n");
  /* Changing the text drops the stale key. */
  jj_passage_set_quote (passage, "新");
  g_assert_null (jj_passage_get_search_key (passage));
  g_object_get (passage, "quote", &quote, NULL);
  g_assert_cmpstr (quote, ==, "新");
}

/* The parts of a row's text that the search words match, highlighted. */
static void
test_markup (void)
{
  g_autoptr(JjLibraryQuery) query = jj_library_query_new ();
  g_autofree char *quote = NULL;
  g_autofree char *traditional = NULL;
  g_autofree char *none = NULL;

  jj_library_query_set_text (query, "发展 #人才");
  quote = jj_library_query_markup (query, "发展是第一要务，人才<是>第一资源");
  g_assert_cmpstr (quote, ==,
                   "<b><span background=\"#f8e45c80\">发展</span></b>是第一要务，"
                   "<b><span background=\"#f8e45c80\">人才</span></b>&lt;是&gt;第一资源");

  /* A simplified query marks traditional text where it matched. */
  traditional = jj_library_query_markup (query, "經濟發展");
  g_assert_cmpstr (traditional, ==, "經濟<b><span background=\"#f8e45c80\">發展</span></b>");

  jj_library_query_set_text (query, NULL);
  none = jj_library_query_markup (query, "a&b");
  g_assert_cmpstr (none, ==, "a&amp;b");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/library-query/passage", test_passage);
  g_test_add_func ("/library-query/fold", test_fold);
  g_test_add_func ("/library-query/search", test_search);
  g_test_add_func ("/library-query/filters", test_filters);
  g_test_add_func ("/library-query/sort", test_sort);
  g_test_add_func ("/library-query/markup", test_markup);

  return g_test_run ();
}
