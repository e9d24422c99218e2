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
#include "jj-zip.h"
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

static char *
read_part (JjZip      *zip,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  char *part = jj_zip_read (zip, name, JJ_ZIP_MAX_ENTRY_SIZE, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (part);
  return part;
}

/* The parts of the official layout, read back from the .docx. */
static void
test_docx_layout (void)
{
  g_autoptr(JjDraft) draft = make_draft ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = jj_draft_to_docx (draft, &error);
  g_autoptr(JjZip) zip = NULL;
  g_autofree char *document = NULL;
  g_autofree char *styles = NULL;
  g_autofree char *odd = NULL;
  g_autofree char *even = NULL;
  g_autofree char *settings = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *rels = NULL;
  gsize size;
  const char *data;

  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  zip = jj_zip_new (data, size, &error);
  g_assert_no_error (error);

  document = read_part (zip, "word/document.xml");
  g_assert_nonnull (strstr (document, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
  g_assert_nonnull (strstr (document, "<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1588\""));
  g_assert_nonnull (strstr (document, "<w:docGrid w:type=\"lines\" w:linePitch=\"579\"/>"));
  g_assert_nonnull (strstr (document, "<w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t xml:space=\"preserve\">关于做好今年工作的讲话</w:t>"));
  g_assert_nonnull (strstr (document, "<w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">一、</w:t>"));
  g_assert_nonnull (strstr (document, "1. 《营商环境工作会议讲话》，一、充分肯定成绩"));

  styles = read_part (zip, "word/styles.xml");
  g_assert_nonnull (strstr (styles, "w:eastAsia=\"仿宋_GB2312\""));
  g_assert_nonnull (strstr (styles, "w:eastAsia=\"方正小标宋简体\""));
  g_assert_nonnull (strstr (styles, "w:eastAsia=\"黑体\""));
  g_assert_nonnull (strstr (styles, "w:eastAsia=\"楷体_GB2312\""));
  g_assert_nonnull (strstr (styles, "<w:sz w:val=\"44\"/>"));
  g_assert_nonnull (strstr (styles, "<w:sz w:val=\"32\"/>"));

  odd = read_part (zip, "word/footer1.xml");
  even = read_part (zip, "word/footer2.xml");
  g_assert_nonnull (strstr (odd, "<w:jc w:val=\"right\"/>"));
  g_assert_nonnull (strstr (even, "<w:jc w:val=\"left\"/>"));
  g_assert_nonnull (strstr (odd, "w:instr=\" PAGE \""));
  g_assert_nonnull (strstr (odd, "— </w:t>"));
  g_assert_nonnull (strstr (odd, "<w:sz w:val=\"28\"/>"));
  settings = read_part (zip, "word/settings.xml");
  g_assert_nonnull (strstr (settings, "<w:evenAndOddHeaders/>"));
  fonts = read_part (zip, "word/fontTable.xml");
  g_assert_nonnull (strstr (fonts, "<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"/>"));
  rels = read_part (zip, "word/_rels/document.xml.rels");
  g_assert_nonnull (strstr (rels, "Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\""));
  g_assert_nonnull (strstr (rels, "Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer2.xml\""));
}

/* LibreOffice lays the manuscript out on A4 with the official margins, 22
 * body lines a full page and at most 28 characters a line. */
static void
test_docx_pdf (void)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autoptr(JjDraft) draft = jj_draft_new ("关于做好今年工作的讲话");
  g_autoptr(JjDraftSection) section = jj_draft_section_new ("一、总体要求", 1);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(JjDraftCard) card = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *docx = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *profile_arg = NULL;
  g_autofree char *info = NULL;
  g_autofree char *bbox = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) page_lines = g_hash_table_new (NULL, NULL);
  guint max_chars = 0, full_page_lines = 0;
  int status = 0;

  if (soffice == NULL || pdftotext == NULL || pdfinfo == NULL)
    {
      g_test_skip ("LibreOffice (soffice) or poppler-utils is not installed");
      return;
    }

  /* Three pages of body text without punctuation, so that no line is cut
   * short by the rules that keep punctuation off a line's start. */
  for (guint i = 0; i < 3 * 22 * 28; i++)
    g_string_append_unichar (body, 0x4E00 + (i * 7919) % 0x5000);
  card = jj_draft_card_new_own (body->str);
  jj_draft_section_append_card (section, card);
  jj_draft_insert_section (draft, 0, section);

  dir = g_dir_make_tmp ("jj-draft-pdf-XXXXXX", &error);
  g_assert_no_error (error);
  docx = g_build_filename (dir, "draft.docx", NULL);
  pdf = g_build_filename (dir, "draft.pdf", NULL);
  profile_arg = g_strdup_printf ("-env:UserInstallation=file://%s/profile", dir);
  bytes = jj_draft_to_docx (draft, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (docx, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  {
    const char *argv[] = { soffice, profile_arg, "--headless", "--convert-to", "pdf", "--outdir", dir, docx, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, NULL, NULL, &status, &error));
    g_assert_no_error (error);
  }
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));

  {
    const char *argv[] = { pdfinfo, pdf, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &info, NULL, &status, &error));
  }
  /* A4: 595.28 x 841.89 pt. */
  g_assert_nonnull (strstr (info, "595.304 x 841.89 pts (A4)"));

  {
    const char *argv[] = { pdftotext, "-bbox", pdf, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &bbox, NULL, &status, &error));
  }

  /* pdftotext -bbox gives a word per CJK run; group them by page and line
   * (their yMin), and count the characters of each line and where the body
   * starts and ends. */
  {
    double min_x = 1e9, max_x = 0, min_y = 1e9;
    guint page = 0;
    g_autoptr(GHashTable) line_chars = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    lines = g_strsplit (bbox, "\n", -1);
    for (guint i = 0; lines[i] != NULL; i++)
      {
        double x0, y0, x1, y1;
        const char *word;

        if (strstr (lines[i], "<page ") != NULL)
          page++;
        if (strstr (lines[i], "<word ") == NULL)
          continue;
        g_assert_cmpint (sscanf (strstr (lines[i], "xMin="), "xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"",
                                 &x0, &y0, &x1, &y1), ==, 4);
        word = strchr (lines[i], '>') + 1;
        if (g_str_has_prefix (word, "—") || g_ascii_isdigit (*word))
          continue;  /* the page number */
        /* The text area: 37 mm (104.9 pt) from the top, 35 mm from the bottom. */
        if (g_utf8_get_char (word) < 0x4E00 || y0 < 104.9 - 10 || y0 > 841.9 - 99.2)
          continue;
        {
          g_autofree char *key = g_strdup_printf ("%u:%.0f", page, y0);
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (line_chars, key));
          g_autofree char *text = g_strndup (word, strstr (word, "</word>") - word);

          n += g_utf8_strlen (text, -1);
          g_hash_table_insert (line_chars, g_steal_pointer (&key), GUINT_TO_POINTER (n));
          max_chars = MAX (max_chars, n);
          g_hash_table_insert (page_lines, GUINT_TO_POINTER (page),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (page_lines, GUINT_TO_POINTER (page))) + (n == g_utf8_strlen (text, -1))));
          min_x = MIN (min_x, x0);
          max_x = MAX (max_x, x1);
          min_y = MIN (min_y, y0);
        }
      }
    /* Left margin 28 mm = 79.4 pt, right 26 mm: the text ends by 521.6 pt. */
    g_test_message ("body: x %.1f–%.1f pt, first line at %.1f pt, %u characters at most a line",
                    min_x, max_x, min_y, max_chars);
    g_assert_cmpfloat (min_x, >=, 79.4 - 2);
    g_assert_cmpfloat (min_x, <=, 79.4 + 2 + 32);  /* the first line is indented */
    g_assert_cmpfloat (max_x, <=, 595.3 - 73.7 + 2);
  }
  g_assert_cmpuint (max_chars, <=, 28);
  g_assert_cmpuint (max_chars, >=, 27);
  /* Page 2 is full of body text. */
  full_page_lines = GPOINTER_TO_UINT (g_hash_table_lookup (page_lines, GUINT_TO_POINTER (2)));
  g_assert_cmpuint (full_page_lines, ==, 22);

  jj_test_remove_tree (dir);
}

static char *
card_texts (JjDraft *draft)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < jj_draft_get_n_sections (draft); i++)
    {
      JjDraftSection *section = jj_draft_get_section (draft, i);

      g_string_append_printf (out, "%s%s:", i > 0 ? "|" : "", jj_draft_section_get_heading (section));
      for (guint j = 0; j < jj_draft_section_get_n_cards (section); j++)
        g_string_append_printf (out, "%s%s", j > 0 ? "," : "",
                                jj_draft_card_get_text (jj_draft_section_get_card (section, j)));
    }

  return g_string_free (out, FALSE);
}

static void
append_own (JjDraftSection *section,
            const char     *text)
{
  g_autoptr(JjDraftCard) card = jj_draft_card_new_own (text);

  jj_draft_section_append_card (section, card);
}

static void
test_move_and_split (void)
{
  g_autoptr(JjDraft) draft = jj_draft_new ("题目");
  g_autoptr(JjDraftSection) one = jj_draft_section_new ("一", 1);
  g_autoptr(JjDraftSection) two = jj_draft_section_new ("二", 1);
  g_autoptr(JjDraftCard) borrowed = NULL;
  char *texts;
  JjDraftCard *half;

  jj_draft_insert_section (draft, 0, one);
  jj_draft_insert_section (draft, 1, two);
  append_own (one, "甲");
  append_own (one, "乙");
  append_own (two, "丙");

  g_assert_true (jj_draft_move_card (draft, 0, 0, 0, 1));
  texts = card_texts (draft);
  g_assert_cmpstr (texts, ==, "一:乙,甲|二:丙");
  g_free (texts);

  /* Across sections, to the end of the target. */
  g_assert_true (jj_draft_move_card (draft, 0, 1, 1, 1));
  texts = card_texts (draft);
  g_assert_cmpstr (texts, ==, "一:乙|二:丙,甲");
  g_free (texts);

  g_assert_false (jj_draft_move_card (draft, 0, 1, 1, 0));
  g_assert_false (jj_draft_move_card (draft, 0, 0, 1, 3));
  g_assert_false (jj_draft_move_card (draft, 0, 0, 2, 0));
  g_assert_false (jj_draft_move_card (draft, 1, 1, 1, 2));
  texts = card_texts (draft);
  g_assert_cmpstr (texts, ==, "一:乙|二:丙,甲");
  g_free (texts);

  g_assert_true (jj_draft_move_section (draft, 1, 0));
  texts = card_texts (draft);
  g_assert_cmpstr (texts, ==, "二:丙,甲|一:乙");
  g_free (texts);
  g_assert_false (jj_draft_move_section (draft, 0, 2));

  /* An unchanged borrowed passage splits its quote and range too. */
  borrowed = jj_draft_card_new_borrowed ("春眠不觉晓处处闻啼鸟", "/tmp/a.txt", "甲文", "m1", "一、", 100, 110);
  jj_draft_section_insert_card (one, 0, borrowed);
  g_assert_true (jj_draft_split_card (draft, 1, 0, 5));
  texts = card_texts (draft);
  g_assert_cmpstr (texts, ==, "二:丙,甲|一:春眠不觉晓,处处闻啼鸟,乙");
  g_free (texts);
  half = jj_draft_section_get_card (one, 1);
  g_assert_cmpint (jj_draft_card_get_kind (half), ==, JJ_DRAFT_CARD_BORROWED);
  g_assert_cmpstr (jj_draft_card_get_quote (half), ==, "处处闻啼鸟");
  g_assert_cmpuint (jj_draft_card_get_start (half), ==, 105);
  g_assert_cmpuint (jj_draft_card_get_end (half), ==, 110);
  g_assert_cmpstr (jj_draft_card_get_mark_id (half), ==, "m1");
  g_assert_cmpfloat (jj_draft_card_get_changed (half), ==, 0.0);

  /* A changed one keeps the whole quote on both halves. */
  jj_draft_card_set_text (half, "处处闻鸟啼声");
  g_assert_true (jj_draft_split_card (draft, 1, 1, 4));
  g_assert_cmpstr (jj_draft_card_get_text (jj_draft_section_get_card (one, 1)), ==, "处处闻鸟");
  g_assert_cmpstr (jj_draft_card_get_text (jj_draft_section_get_card (one, 2)), ==, "啼声");
  g_assert_cmpstr (jj_draft_card_get_quote (jj_draft_section_get_card (one, 2)), ==, "处处闻啼鸟");
  g_assert_cmpfloat (jj_draft_card_get_changed (jj_draft_section_get_card (one, 2)), >, 0.5);

  /* Nothing on one side: no split. */
  g_assert_false (jj_draft_split_card (draft, 1, 0, 0));
  g_assert_false (jj_draft_split_card (draft, 1, 0, 5));
  g_assert_cmpuint (jj_draft_section_get_n_cards (one), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/draft/skeleton", test_skeleton);
  g_test_add_func ("/draft/move-and-split", test_move_and_split);
  g_test_add_func ("/draft/changed", test_changed);
  g_test_add_func ("/draft/round-trip", test_round_trip);
  g_test_add_func ("/draft/schema-rejects", test_schema_rejects);
  g_test_add_func ("/draft/hostile", test_hostile);
  g_test_add_func ("/draft/markdown", test_markdown);
  g_test_add_func ("/draft/from-outline", test_from_outline);
  g_test_add_func ("/draft/docx-layout", test_docx_layout);
  g_test_add_func ("/draft/docx-pdf", test_docx_pdf);

  return g_test_run ();
}
