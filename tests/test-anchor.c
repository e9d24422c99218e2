/* test-anchor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "anchor-scenarios.h"
#include "jj-anchor.h"

static const char *speech =
  "同志们：\n"
  "今天召开全市文明城市创建工作推进会，主要任务是总结前一阶段工作，部署下一步任务。\n"
  "一、充分认识创建工作的重要意义\n"
  "创建文明城市是提升城市品质的重要抓手，是惠及全体市民的民生工程。\n"
  "二、突出重点，扎实推进各项任务\n"
  "要坚持以人民为中心，把群众满意作为检验创建成效的根本标准。\n"
  "三、加强领导，确保创建工作取得实效\n"
  "各级各部门要切实履行职责，形成齐抓共管的工作格局。";

static JjMark *
mark_on (const char *text,
         const char *quote)
{
  JjMark *mark = jj_mark_new ("borrow");
  const char *p = g_strstr_len (text, -1, quote);
  guint start;

  g_assert_nonnull (p);
  start = g_utf8_pointer_to_offset (text, p);
  g_assert_true (jj_mark_set_target_from_text (mark, text, start, start + g_utf8_strlen (quote, -1)));

  return mark;
}

static char *
replace (const char *text,
         const char *from,
         const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, -1);

  return g_strjoinv (to, parts);
}

static void
test_unchanged (void)
{
  g_autoptr(JjAnchorText) anchor = jj_anchor_text_new (speech, -1);
  g_autoptr(JjMark) mark = mark_on (speech, "把群众满意作为检验创建成效的根本标准");
  guint start = jj_mark_get_start (mark);

  g_assert_cmpint (jj_anchor_mark (anchor, mark, jj_anchor_text_get_length (anchor)), ==, JJ_MARK_STATUS_PLACED);
  g_assert_cmpuint (jj_mark_get_start (mark), ==, start);
}

static void
test_moved (void)
{
  g_autoptr(JjMark) mark = mark_on (speech, "把群众满意作为检验创建成效的根本标准");
  g_autofree char *edited = replace (speech, "同志们：\n", "同志们，朋友们：\n首先，我代表市委向大家表示感谢。\n");
  g_autoptr(JjAnchorText) anchor = jj_anchor_text_new (edited, -1);
  g_autofree char *now = NULL;

  g_assert_cmpint (jj_anchor_mark (anchor, mark, g_utf8_strlen (speech, -1)), ==, JJ_MARK_STATUS_MOVED);
  now = jj_anchor_text_dup_range (anchor, jj_mark_get_start (mark), jj_mark_get_end (mark));
  g_assert_cmpstr (now, ==, "把群众满意作为检验创建成效的根本标准");
}

static void
test_repeated_quote_ranked_by_context (void)
{
  const char *text = "一要抓落实，这是关键。二要重创新，抓落实是根本。三要强保障，抓落实靠大家。";
  g_autoptr(JjMark) mark = mark_on (text, "重创新，抓落实是根本");
  g_autoptr(JjMark) short_mark = jj_mark_new ("golden");
  g_autofree char *edited = g_strconcat ("开篇。", text, NULL);
  g_autoptr(JjAnchorText) anchor = jj_anchor_text_new (edited, -1);

  /* The second of three “抓落实”. */
  g_assert_true (jj_mark_set_target_from_text (short_mark, text, 17, 20));
  g_assert_cmpint (jj_anchor_mark (anchor, short_mark, g_utf8_strlen (text, -1)), ==, JJ_MARK_STATUS_MOVED);
  g_assert_cmpstr (jj_mark_get_quote (short_mark), ==, "抓落实");
  g_assert_cmpuint (jj_mark_get_start (short_mark), ==, 20);

  g_assert_cmpint (jj_anchor_mark (anchor, mark, g_utf8_strlen (text, -1)), ==, JJ_MARK_STATUS_MOVED);
  g_assert_cmpuint (jj_mark_get_start (mark), ==, 16);
}

static void
test_edited_quote (void)
{
  g_autoptr(JjMark) mark = mark_on (speech, "创建文明城市是提升城市品质的重要抓手，是惠及全体市民的民生工程");
  g_autofree char *edited = replace (speech, "提升城市品质", "提高城市品质");
  g_autoptr(JjAnchorText) anchor = jj_anchor_text_new (edited, -1);

  g_assert_cmpint (jj_anchor_mark (anchor, mark, g_utf8_strlen (speech, -1)), ==, JJ_MARK_STATUS_MOVED);
  g_assert_cmpstr (jj_mark_get_quote (mark), ==, "创建文明城市是提高城市品质的重要抓手，是惠及全体市民的民生工程");
}

static void
test_vanished_is_orphan (void)
{
  g_autoptr(JjMark) mark = mark_on (speech, "各级各部门要切实履行职责，形成齐抓共管的工作格局。");
  g_autofree char *edited = replace (speech, "各级各部门要切实履行职责，形成齐抓共管的工作格局。", "会后请认真抓好贯彻。");
  g_autoptr(JjAnchorText) anchor = jj_anchor_text_new (edited, -1);
  guint start = jj_mark_get_start (mark);

  g_assert_cmpint (jj_anchor_mark (anchor, mark, g_utf8_strlen (speech, -1)), ==, JJ_MARK_STATUS_ORPHAN);
  g_assert_cmpuint (jj_mark_get_start (mark), ==, start);
  g_assert_cmpstr (jj_mark_get_quote (mark), ==, "各级各部门要切实履行职责，形成齐抓共管的工作格局。");
}

static void
print_stats (const AnchorStats *stats)
{
  for (Scenario s = 0; s < N_SCENARIOS; s++)
    {
      const ScenarioCount *c = &stats->by_scenario[s];

      g_test_message ("%-16s %4u marks: %4u right, %u within 2 characters, %u wrong, %u orphans",
                      scenario_name (s), c->n, c->right, c->near, c->wrong, c->orphan);
    }
}

static void
test_corpus_accuracy (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "corpus-dev", "raw", NULL);
  g_auto(GStrv) texts = anchor_scenarios_load_corpus (dir);
  AnchorStats stats = { 0, };
  double intact_rate, edited_rate;

  g_assert_nonnull (texts);

  for (guint i = 0; texts[i] != NULL; i++)
    anchor_scenarios_run (texts[i], 1000 + i, 40, &stats);

  print_stats (&stats);
  intact_rate = (double)stats.intact.right / stats.intact.n;
  edited_rate = (double)stats.edited.right / stats.edited.n;
  g_test_message ("intact quotes: %.2f %% right; edited quotes: %.2f %% right; wrong: %u",
                  100 * intact_rate, 100 * edited_rate, stats.intact.wrong + stats.edited.wrong);

  /* An intact quote has one right place; an edited one may gain or lose a
   * character at a boundary, which is not a wrong place.
   */

  g_assert_cmpuint (stats.intact.n, >=, 1000);
  g_assert_cmpuint (stats.edited.n, >=, 200);
  g_assert_cmpfloat (intact_rate, >=, 0.99);
  g_assert_cmpfloat (edited_rate, >=, 0.95);
  g_assert_cmpuint (stats.intact.wrong + stats.intact.near, ==, 0);
  g_assert_cmpuint (stats.edited.wrong, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/anchor/unchanged", test_unchanged);
  g_test_add_func ("/anchor/moved", test_moved);
  g_test_add_func ("/anchor/repeated-quote", test_repeated_quote_ranked_by_context);
  g_test_add_func ("/anchor/edited-quote", test_edited_quote);
  g_test_add_func ("/anchor/vanished-is-orphan", test_vanished_is_orphan);
  g_test_add_func ("/anchor/corpus-accuracy", test_corpus_accuracy);

  return g_test_run ();
}
