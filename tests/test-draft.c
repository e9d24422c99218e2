/* test-draft.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "jj-document.h"
#include "jj-draft.h"
#include "test-files.h"

static JjDraft *
make_draft (void)
{
  JjDraft *draft = jj_draft_new_skeleton ("关于做好今年工作的讲话");
  g_autoptr(JjDraftCard) own = jj_draft_card_new_own ("这是我自己写的一段话。\n第二段 & <特殊> 字符。");
  g_autoptr(JjDraftCard) borrowed = jj_draft_card_new_borrowed ("坚持以人民为中心的发展思想，扎实推进各项改革。",
                                                                "/speeches/一.txt", "营商环境工作会议讲话",
                                                                "m-1", "一、充分肯定成绩", 120, 143);

  jj_draft_section_append_card (jj_draft_get_section (draft, 1), own);
  jj_draft_section_append_card (jj_draft_get_section (draft, 1), borrowed);
  jj_draft_card_set_text (borrowed, "坚持以群众为中心的发展思想，扎实推进各项改革。");

  return draft;
}

static void
validate (const char *xml,
          gboolean    valid)
{
  g_autofree char *rng = g_build_filename (g_getenv ("JJ_SOURCE_ROOT"), "data", "draft.rng", NULL);
  xmlRelaxNGParserCtxtPtr pctxt = xmlRelaxNGNewParserCtxt (rng);
  xmlRelaxNGPtr schema = xmlRelaxNGParse (pctxt);
  xmlRelaxNGValidCtxtPtr vctxt;
  xmlDocPtr doc;

  g_assert_nonnull (schema);
  vctxt = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (vctxt, NULL, NULL);
  doc = xmlReadMemory (xml, strlen (xml), "draft.xml", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  g_assert_cmpint (xmlRelaxNGValidateDoc (vctxt, doc) == 0, ==, valid);

  xmlFreeDoc (doc);
  xmlRelaxNGFreeValidCtxt (vctxt);
  xmlRelaxNGFree (schema);
  xmlRelaxNGFreeParserCtxt (pctxt);
}

static void
test_skeleton (void)
{
  g_autoptr(JjDraft) draft = jj_draft_new_skeleton ("标题");

  g_assert_cmpstr (jj_draft_get_title (draft), ==, "标题");
  g_assert_cmpuint (jj_draft_get_n_sections (draft), ==, 5);
  g_assert_cmpstr (jj_draft_section_get_heading (jj_draft_get_section (draft, 0)), ==, "同志们：");
  g_assert_cmpuint (jj_draft_section_get_level (jj_draft_get_section (draft, 0)), ==, 0);
  g_assert_cmpstr (jj_draft_section_get_heading (jj_draft_get_section (draft, 3)), ==, "三、");
  g_assert_cmpuint (jj_draft_section_get_level (jj_draft_get_section (draft, 3)), ==, 1);
}

static void
test_changed (void)
{
  g_autoptr(JjDraftCard) card = jj_draft_card_new_borrowed ("一二三四五六七八九十", NULL, NULL, NULL, NULL, 0, 10);
  g_autoptr(JjDraftCard) own = jj_draft_card_new_own ("自己的话");

  g_assert_cmpfloat (jj_draft_card_get_changed (card), ==, 0.0);
  jj_draft_card_set_text (card, "一二三四五六七八九拾");
  g_assert_cmpfloat_with_epsilon (jj_draft_card_get_changed (card), 0.1, 1e-9);
  jj_draft_card_set_text (card, "一二三四五");
  g_assert_cmpfloat_with_epsilon (jj_draft_card_get_changed (card), 0.5, 1e-9);
  jj_draft_card_set_text (card, "完全不同的内容了");
  g_assert_cmpfloat (jj_draft_card_get_changed (card), >=, 0.9);
  jj_draft_card_set_text (own, "改过的自己的话");
  g_assert_cmpfloat (jj_draft_card_get_changed (own), ==, 0.0);
}

/* Saved, validated against data/draft.rng, read back the same. */
static void
test_round_trip (void)
{
  g_autoptr(JjDraft) draft = make_draft ();
  g_autofree char *dir = g_dir_make_tmp ("jj-draft-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "新讲话" JJ_DRAFT_SUFFIX, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JjDraft) loaded = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *again = NULL;
  JjDraftCard *card;

  xml = jj_draft_to_xml (draft, NULL);
  validate (xml, TRUE);
  g_assert_true (jj_draft_save (draft, path, &error));
  g_assert_no_error (error);
  g_assert_true (jj_draft_is_draft_name (path));

  loaded = jj_draft_load (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  again = jj_draft_to_xml (loaded, NULL);
  g_assert_cmpstr (again, ==, xml);

  g_assert_cmpstr (jj_draft_get_title (loaded), ==, "关于做好今年工作的讲话");
  g_assert_cmpuint (jj_draft_section_get_n_cards (jj_draft_get_section (loaded, 1)), ==, 2);
  card = jj_draft_section_get_card (jj_draft_get_section (loaded, 1), 0);
  g_assert_cmpint (jj_draft_card_get_kind (card), ==, JJ_DRAFT_CARD_OWN);
  g_assert_cmpstr (jj_draft_card_get_text (card), ==, "这是我自己写的一段话。\n第二段 & <特殊> 字符。");
  card = jj_draft_section_get_card (jj_draft_get_section (loaded, 1), 1);
  g_assert_cmpint (jj_draft_card_get_kind (card), ==, JJ_DRAFT_CARD_BORROWED);
  g_assert_cmpstr (jj_draft_card_get_quote (card), ==, "坚持以人民为中心的发展思想，扎实推进各项改革。");
  g_assert_cmpstr (jj_draft_card_get_text (card), ==, "坚持以群众为中心的发展思想，扎实推进各项改革。");
  g_assert_cmpstr (jj_draft_card_get_document (card), ==, "/speeches/一.txt");
  g_assert_cmpstr (jj_draft_card_get_document_title (card), ==, "营商环境工作会议讲话");
  g_assert_cmpstr (jj_draft_card_get_mark_id (card), ==, "m-1");
  g_assert_cmpstr (jj_draft_card_get_section (card), ==, "一、充分肯定成绩");
  g_assert_cmpuint (jj_draft_card_get_start (card), ==, 120);
  g_assert_cmpuint (jj_draft_card_get_end (card), ==, 143);
  g_assert_cmpfloat (jj_draft_card_get_changed (card), >, 0.0);

  jj_test_remove_tree (dir);
}

static void
test_schema_rejects (void)
{
  validate ("<draft xmlns=\"" JJ_DRAFT_NAMESPACE "\" version=\"1\"><title/>"
            "<section level=\"1\"><heading/><card kind=\"borrowed\"><text/></card></section></draft>",
            FALSE);
}

/* No DTD, entity or foreign file is honoured; a damaged file is refused
 * with a message. */
static void
test_hostile (void)
{
  const char *inputs[] = {
    "<?xml version=\"1.0\"?><!DOCTYPE draft [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
    "<draft xmlns=\"" JJ_DRAFT_NAMESPACE "\" version=\"1\"><title>&b;</title></draft>",
    "<?xml version=\"1.0\"?><!DOCTYPE draft SYSTEM \"/etc/passwd\">"
    "<draft xmlns=\"" JJ_DRAFT_NAMESPACE "\" version=\"1\"><title>x</title></draft>",
    "<draft version=\"1\"><title>no namespace</title></draft>",
    "<draft xmlns=\"" JJ_DRAFT_NAMESPACE "\" version=\"1\"><title>cut",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JjDraft) draft = jj_draft_new_from_xml (inputs[i], strlen (inputs[i]), &error);

      g_assert_null (draft);
      g_assert_error (error, JJ_DRAFT_ERROR, JJ_DRAFT_ERROR_INVALID);
    }
}

static void
test_markdown (void)
{
  g_autoptr(JjDraft) draft = make_draft ();
  g_autofree char *md = jj_draft_to_markdown (draft);

  g_assert_true (g_str_has_prefix (md, "# 关于做好今年工作的讲话\n\n同志们：\n\n## 一、\n\n这是我自己写的一段话。\n\n"));
  g_assert_nonnull (strstr (md, "坚持以群众为中心的发展思想，扎实推进各项改革。[^1]\n\n"));
  g_assert_nonnull (strstr (md, "\n[^1]: 《营商环境工作会议讲话》，一、充分肯定成绩\n"));
  g_assert_nonnull (strstr (md, "## 三、\n\n（结束语）\n\n"));
}

static void
test_from_outline (void)
{
  const char *text =
    "在全市教育工作会议上的讲话\n"
    "同志们：\n"
    "今天召开会议，我讲三点意见。\n"
    "一、充分认识教育工作的重要意义\n"
    "教育是国之大计。\n"
    "二、突出抓好重点任务\n"
    "（一）深化教学改革\n"
    "要深化改革。\n"
    "（二）加强教师队伍建设\n"
    "要建设队伍。\n"
    "三、切实加强组织领导\n"
    "各级各部门要高度重视。\n";
  g_autoptr(JjDocument) document = jj_document_new_from_text (text, -1);
  g_autoptr(JjDraft) draft = jj_draft_new_from_outline (document);
  g_autoptr(GString) headings = g_string_new (NULL);

  for (guint i = 0; i < jj_draft_get_n_sections (draft); i++)
    {
      JjDraftSection *section = jj_draft_get_section (draft, i);

      g_string_append_printf (headings, "%u %s\n", jj_draft_section_get_level (section),
                              jj_draft_section_get_heading (section));
    }
  g_assert_cmpstr (jj_draft_get_title (draft), ==, "在全市教育工作会议上的讲话");
  g_assert_cmpstr (headings->str, ==,
                   "0 同志们：\n"
                   "1 一、充分认识教育工作的重要意义\n"
                   "1 二、突出抓好重点任务\n"
                   "2 （一）深化教学改革\n"
                   "2 （二）加强教师队伍建设\n"
                   "1 三、切实加强组织领导\n");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/draft/skeleton", test_skeleton);
  g_test_add_func ("/draft/changed", test_changed);
  g_test_add_func ("/draft/round-trip", test_round_trip);
  g_test_add_func ("/draft/schema-rejects", test_schema_rejects);
  g_test_add_func ("/draft/hostile", test_hostile);
  g_test_add_func ("/draft/markdown", test_markdown);
  g_test_add_func ("/draft/from-outline", test_from_outline);

  return g_test_run ();
}
