/* test-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <archive.h>
#include <archive_entry.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <glib/gstdio.h>
#include <string.h>

#include "jj-docx-writer.h"
#include "jj-exporter.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

static JjPassage *
make_passage (const char *id,
              const char *path,
              const char *title,
              const char *section,
              const char *quote,
              const char *note,
              guint       start)
{
  JjPassage *passage = jj_passage_new (id);
  g_autoptr(GDateTime) created = g_date_time_new_utc (2024, 3, 5, 9, 0, 0);

  jj_passage_set_document_path (passage, path);
  jj_passage_set_document_title (passage, title);
  jj_passage_set_section (passage, section);
  jj_passage_set_quote (passage, quote);
  jj_passage_set_note (passage, note);
  jj_passage_set_kind (passage, g_str_equal (id, "4") ? "fact" : "borrow");
  if (g_str_equal (id, "1"))
    jj_passage_set_tags (passage, (const char *[]) { "党建", "测评", NULL });
  /* The day it was marked: no citation shows it. */
  jj_passage_set_created (passage, created);
  if (g_str_equal (path, "/d/a.txt"))
    {
      jj_passage_set_speaker (passage, "王某");
      jj_passage_set_speech_date (passage, "2018-09-03");
    }
  jj_passage_set_range (passage, start, start + 4);

  return passage;
}

/* Out of text order on purpose: the export groups documents in the order
 * they first come, and passages in text order.
 */
static GPtrArray *
make_passages (void)
{
  GPtrArray *passages = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (passages, make_passage ("2", "/d/a.txt", "甲讲话", "二、重点任务",
                                           "第二段\t带制表符\x01控制字符", "要核实", 300));
  g_ptr_array_add (passages, make_passage ("3", "/d/b.txt", "乙讲话", "一、总体要求",
                                           "第三段<原文>&符号", NULL, 50));
  g_ptr_array_add (passages, make_passage ("1", "/d/a.txt", "甲讲话", "一、形势",
                                           "第一段原文", "开头用", 20));
  g_ptr_array_add (passages, make_passage ("4", "/d/a.txt", "甲讲话", "二、重点任务",
                                           "第四段*强调*", NULL, 400));

  return passages;
}

/* The paragraphs of the export of make_passages(), with their styles. */
static const char * const expected[][2] = {
  { "Title", "素材" },
  { "Heading1", "甲讲话" },
  { "Heading2", "一、形势" },
  { "Quote", "第一段原文" },
  { "Source", "——《甲讲话》，王某，2018年9月3日，一、形势" },
  { "Note", "Kind: Borrow  #党建 #测评" },
  { "Note", "Note: 开头用" },
  { "Heading2", "二、重点任务" },
  { "Quote", "第二段\t带制表符控制字符" },
  { "Source", "——《甲讲话》，王某，2018年9月3日，二、重点任务" },
  { "Note", "Kind: Borrow" },
  { "Note", "Note: 要核实" },
  { "Quote", "第四段*强调*" },
  { "Source", "——《甲讲话》，王某，2018年9月3日，二、重点任务" },
  { "Note", "Kind: Fact or case" },
  { "Heading1", "乙讲话" },
  { "Heading2", "一、总体要求" },
  { "Quote", "第三段<原文>&符号" },
  { "Source", "——《乙讲话》，一、总体要求" },
  { "Note", "Kind: Borrow" },
};

static void
test_text (void)
{
  g_autoptr(GPtrArray) passages = make_passages ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  bytes = jj_exporter_passages_to_bytes ((JjPassage **)passages->pdata, passages->len,
                                         "素材", JJ_EXPORT_FORMAT_TXT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_bytes_get_data (bytes, NULL), ==,
                   "素材\n\n"
                   "甲讲话\n\n"
                   "一、形势\n\n"
                   "第一段原文\n——《甲讲话》，王某，2018年9月3日，一、形势\nKind: Borrow  #党建 #测评\nNote: 开头用\n\n"
                   "二、重点任务\n\n"
                   "第二段\t带制表符\x01控制字符\n——《甲讲话》，王某，2018年9月3日，二、重点任务\nKind: Borrow\nNote: 要核实\n\n"
                   "第四段*强调*\n——《甲讲话》，王某，2018年9月3日，二、重点任务\nKind: Fact or case\n\n"
                   "乙讲话\n\n"
                   "一、总体要求\n\n"
                   "第三段<原文>&符号\n——《乙讲话》，一、总体要求\nKind: Borrow\n");
}

/* A team's passages name who marked each; one writer's do not. */
static void
test_authors (void)
{
  g_autoptr(GPtrArray) passages = make_passages ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) one = NULL;
  g_autoptr(GBytes) team = NULL;

  for (guint i = 0; i < passages->len; i++)
    jj_passage_set_author (passages->pdata[i], "张三");
  one = jj_exporter_passages_to_bytes ((JjPassage **)passages->pdata, passages->len,
                                       "素材", JJ_EXPORT_FORMAT_TXT, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (g_bytes_get_data (one, NULL), "Marked by"));

  jj_passage_set_author (passages->pdata[1], "李四");
  team = jj_exporter_passages_to_bytes ((JjPassage **)passages->pdata, passages->len,
                                        "素材", JJ_EXPORT_FORMAT_TXT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (g_bytes_get_data (team, NULL),
                            "第一段原文\n——《甲讲话》，王某，2018年9月3日，一、形势\nKind: Borrow  #党建 #测评  Marked by 张三\n"));
  g_assert_nonnull (strstr (g_bytes_get_data (team, NULL),
                            "第三段<原文>&符号\n——《乙讲话》，一、总体要求\nKind: Borrow  Marked by 李四\n"));
}

static void
test_markdown (void)
{
  g_autoptr(GPtrArray) passages = make_passages ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *md;

  bytes = jj_exporter_passages_to_bytes ((JjPassage **)passages->pdata, passages->len,
                                         "素材", JJ_EXPORT_FORMAT_MD, &error);
  g_assert_no_error (error);
  md = g_bytes_get_data (bytes, NULL);
  g_assert_true (g_str_has_prefix (md, "# 素材\n\n## 甲讲话\n\n### 一、形势\n\n> 第一段原文\n\n——《甲讲话》"));
  g_assert_nonnull (strstr (md, "> 第四段\\*强调\\*\n"));
  g_assert_nonnull (strstr (md, "> 第三段\\<原文>&符号\n"));
  g_assert_nonnull (strstr (md, "\n*Note: 要核实*\n"));
  g_assert_nonnull (strstr (md, "\n*Kind: Borrow  #党建 #测评*\n"));
  g_assert_true (strstr (md, "## 甲讲话") < strstr (md, "## 乙讲话"));
}

typedef struct
{
  GHashTable *parts;  /* name → GBytes */
  GPtrArray  *order;
} Zip;

static void
zip_clear (Zip *zip)
{
  g_clear_pointer (&zip->parts, g_hash_table_unref);
  g_clear_pointer (&zip->order, g_ptr_array_unref);
}

static void
read_zip (GBytes *bytes,
          Zip    *zip)
{
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  gsize size;
  const void *data = g_bytes_get_data (bytes, &size);

  zip->parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_bytes_unref);
  zip->order = g_ptr_array_new_with_free_func (g_free);

  archive_read_support_format_zip (archive);
  g_assert_cmpint (archive_read_open_memory (archive, data, size), ==, ARCHIVE_OK);
  while (archive_read_next_header (archive, &entry) == ARCHIVE_OK)
    {
      g_autoptr(GByteArray) contents = g_byte_array_new ();
      char buffer[4096];
      la_ssize_t n;

      while ((n = archive_read_data (archive, buffer, sizeof buffer)) > 0)
        g_byte_array_append (contents, (guint8 *)buffer, n);
      g_assert_cmpint (n, ==, 0);

      g_ptr_array_add (zip->order, g_strdup (archive_entry_pathname (entry)));
      g_hash_table_insert (zip->parts, g_strdup (archive_entry_pathname (entry)),
                           g_byte_array_free_to_bytes (g_steal_pointer (&contents)));
    }
  archive_read_free (archive);
}

static xmlDoc *
parse_part (Zip        *zip,
            const char *name)
{
  GBytes *bytes = g_hash_table_lookup (zip->parts, name);
  xmlDoc *doc;
  gsize size;
  const char *data;

  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, &size);
  doc = xmlReadMemory (data, size, name, "UTF-8", XML_PARSE_NONET);
  if (doc == NULL)
    g_error ("%s is not well-formed XML", name);
  return doc;
}

static void
check_relationships (Zip        *zip,
                     const char *rels_name,
                     const char *base)
{
  g_autoptr(xmlDoc) doc = parse_part (zip, rels_name);
  guint n = 0;

  for (xmlNode *node = xmlDocGetRootElement (doc)->children; node != NULL; node = node->next)
    {
      g_autofree char *target = NULL;
      g_autofree char *path = NULL;
      xmlChar *value;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      g_assert_cmpstr ((const char *)node->name, ==, "Relationship");
      value = xmlGetProp (node, (const xmlChar *)"Target");
      target = g_strdup ((const char *)value);
      xmlFree (value);
      path = g_strconcat (base, target, NULL);
      g_assert_true (g_hash_table_contains (zip->parts, path));
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

static void
collect_paragraphs (xmlNode   *node,
                    GPtrArray *paragraphs,
                    GPtrArray *styles)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;

      if (g_str_equal ((const char *)node->name, "p"))
        {
          GString *text = g_string_new (NULL);
          char *style = g_strdup ("");

          for (xmlNode *child = node->children; child != NULL; child = child->next)
            {
              if (g_str_equal ((const char *)child->name, "pPr"))
                {
                  for (xmlNode *ppr = child->children; ppr != NULL; ppr = ppr->next)
                    if (g_str_equal ((const char *)ppr->name, "pStyle"))
                      {
                        xmlChar *val = xmlGetNsProp (ppr, (const xmlChar *)"val", (const xmlChar *)NS_W);

                        g_free (style);
                        style = g_strdup ((const char *)val);
                        xmlFree (val);
                      }
                }
              else if (g_str_equal ((const char *)child->name, "r"))
                {
                  for (xmlNode *r = child->children; r != NULL; r = r->next)
                    {
                      if (g_str_equal ((const char *)r->name, "t"))
                        {
                          xmlChar *content = xmlNodeGetContent (r);

                          g_string_append (text, (const char *)content);
                          xmlFree (content);
                        }
                      else if (g_str_equal ((const char *)r->name, "tab"))
                        g_string_append_c (text, '\t');
                    }
                }
            }
          g_ptr_array_add (paragraphs, g_string_free (text, FALSE));
          g_ptr_array_add (styles, style);
        }
      else
        collect_paragraphs (node->children, paragraphs, styles);
    }
}

static void
test_docx_structure (void)
{
  static const char * const expected_parts[] = {
    "[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels",
    "word/document.xml", "word/styles.xml", "docProps/core.xml",
  };
  g_autoptr(GPtrArray) passages = make_passages ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) styles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(xmlDoc) content_types = NULL;
  g_autoptr(xmlDoc) document = NULL;
  g_autoptr(xmlDoc) styles_doc = NULL;
  g_autoptr(xmlDoc) core = NULL;
  g_autofree char *styles_xml = NULL;
  Zip zip = { 0 };
  GBytes *styles_bytes;

  bytes = jj_exporter_passages_to_bytes ((JjPassage **)passages->pdata, passages->len,
                                         "素材", JJ_EXPORT_FORMAT_DOCX, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  read_zip (bytes, &zip);
  g_assert_cmpuint (zip.order->len, ==, G_N_ELEMENTS (expected_parts));
  g_assert_cmpstr (g_ptr_array_index (zip.order, 0), ==, "[Content_Types].xml");
  for (guint i = 0; i < G_N_ELEMENTS (expected_parts); i++)
    g_assert_true (g_hash_table_contains (zip.parts, expected_parts[i]));

  /* Every part is well-formed; every override names a part that exists. */
  content_types = parse_part (&zip, "[Content_Types].xml");
  for (xmlNode *node = xmlDocGetRootElement (content_types)->children; node != NULL; node = node->next)
    {
      xmlChar *name;

      if (node->type != XML_ELEMENT_NODE || !g_str_equal ((const char *)node->name, "Override"))
        continue;
      name = xmlGetProp (node, (const xmlChar *)"PartName");
      g_assert_true (g_hash_table_contains (zip.parts, (const char *)name + 1));
      xmlFree (name);
    }
  check_relationships (&zip, "_rels/.rels", "");
  check_relationships (&zip, "word/_rels/document.xml.rels", "word/");
  core = parse_part (&zip, "docProps/core.xml");
  styles_doc = parse_part (&zip, "word/styles.xml");

  /* Headings are Word heading styles; Chinese text has Chinese fonts. */
  styles_bytes = g_hash_table_lookup (zip.parts, "word/styles.xml");
  styles_xml = g_strndup (g_bytes_get_data (styles_bytes, NULL), g_bytes_get_size (styles_bytes));
  g_assert_nonnull (strstr (styles_xml, "w:styleId=\"Heading1\""));
  g_assert_nonnull (strstr (styles_xml, "w:styleId=\"Heading2\""));
  g_assert_nonnull (strstr (styles_xml, "w:styleId=\"Heading3\""));
  g_assert_nonnull (strstr (styles_xml, "<w:name w:val=\"heading 1\"/>"));
  g_assert_nonnull (strstr (styles_xml, "w:eastAsia=\"宋体\""));
  g_assert_nonnull (strstr (styles_xml, "w:eastAsia=\"黑体\""));

  /* The text, in order, each paragraph in its style. */
  document = parse_part (&zip, "word/document.xml");
  collect_paragraphs (xmlDocGetRootElement (document), paragraphs, styles);
  g_assert_cmpuint (paragraphs->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (g_ptr_array_index (styles, i), ==, expected[i][0]);
      g_assert_cmpstr (g_ptr_array_index (paragraphs, i), ==, expected[i][1]);
    }

  zip_clear (&zip);
}

static const JjHeadingLine heading_lines[] = {
  { 1, "一、要牢牢把握新形势" },
  { 2, "（一）认清大局" },
  { 2, "（二）把握机遇" },
  { 1, "二、扎实推进重点工作" },
  { 3, "一是抓项目" },
};

static void
test_outline (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) md = NULL;
  g_autoptr(GBytes) txt = NULL;
  g_autoptr(GBytes) docx = NULL;
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) styles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(xmlDoc) document = NULL;
  g_autofree char *clipboard = NULL;
  Zip zip = { 0 };

  clipboard = jj_exporter_outline_to_text (heading_lines, G_N_ELEMENTS (heading_lines));
  g_assert_cmpstr (clipboard, ==,
                   "一、要牢牢把握新形势\n（一）认清大局\n（二）把握机遇\n二、扎实推进重点工作\n一是抓项目\n");

  txt = jj_exporter_outline_to_bytes ("讲话", heading_lines, 2, JJ_EXPORT_FORMAT_TXT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_bytes_get_data (txt, NULL), ==, "讲话\n\n一、要牢牢把握新形势\n（一）认清大局\n");

  md = jj_exporter_outline_to_bytes ("讲话", heading_lines, G_N_ELEMENTS (heading_lines), JJ_EXPORT_FORMAT_MD, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_bytes_get_data (md, NULL), ==,
                   "# 讲话\n\n## 一、要牢牢把握新形势\n\n### （一）认清大局\n\n### （二）把握机遇\n\n"
                   "## 二、扎实推进重点工作\n\n#### 一是抓项目\n");

  docx = jj_exporter_outline_to_bytes (NULL, heading_lines, G_N_ELEMENTS (heading_lines), JJ_EXPORT_FORMAT_DOCX, &error);
  g_assert_no_error (error);
  read_zip (docx, &zip);
  document = parse_part (&zip, "word/document.xml");
  collect_paragraphs (xmlDocGetRootElement (document), paragraphs, styles);
  g_assert_cmpuint (paragraphs->len, ==, G_N_ELEMENTS (heading_lines));
  g_assert_cmpstr (g_ptr_array_index (styles, 1), ==, "Heading2");
  g_assert_cmpstr (g_ptr_array_index (styles, 4), ==, "Heading3");
  g_assert_cmpstr (g_ptr_array_index (paragraphs, 4), ==, "一是抓项目");
  zip_clear (&zip);
}

static void
test_outline_from_speech (void)
{
  const char *text =
    "关于做好当前工作的讲话\n同志们：\n一、提高思想认识\n今天的会议很重要。\n"
    "（一）认清当前形势\n我们面临很多挑战。\n二、狠抓工作落实\n"
    "一是要抓项目建设，推动项目落地。二是要抓招商引资。\n谢谢大家！";
  g_autoptr(JjOutline) outline = jj_outline_detect (text, -1, NULL, 0);
  g_autofree JjHeadingLine *lines = NULL;
  g_autofree char *skeleton = NULL;
  guint n_lines = 0;

  lines = jj_exporter_dup_outline_lines (outline, &n_lines);
  skeleton = jj_exporter_outline_to_text (lines, n_lines);
  /* Title, salutation and closing are not part of the skeleton. */
  g_assert_cmpstr (skeleton, ==,
                   "一、提高思想认识\n（一）认清当前形势\n二、狠抓工作落实\n一是要抓项目建设\n二是要抓招商引资\n");
  g_assert_cmpuint (n_lines, ==, 5);
  g_assert_cmpuint (lines[0].level, ==, 1);
  g_assert_cmpuint (lines[1].level, ==, 2);
  g_assert_cmpuint (lines[2].level, ==, 1);
}

static void
test_save (void)
{
  g_autoptr(GPtrArray) passages = make_passages ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jj-export-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);
  path = g_build_filename (dir, "out.docx", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (jj_exporter_save_passages ((JjPassage **)passages->pdata, passages->len, NULL,
                                            JJ_EXPORT_FORMAT_DOCX, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (length > 4 && memcmp (contents, "PK\x03\x04", 4) == 0);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
delete_recursively (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        delete_recursively (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* LibreOffice reads the file as Word would: the text comes out in order. */
static void
test_docx_libreoffice (void)
{
  g_autoptr(GPtrArray) passages = make_passages ();
  g_autoptr(GError) error = NULL;
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *dir = NULL;
  g_autofree char *docx = NULL;
  g_autofree char *txt = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *profile_arg = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GString) lines = NULL;
  int status = 0;

  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice (soffice) is not installed");
      return;
    }

  dir = g_dir_make_tmp ("jj-export-lo-XXXXXX", &error);
  g_assert_no_error (error);
  docx = g_build_filename (dir, "passages.docx", NULL);
  txt = g_build_filename (dir, "passages.txt", NULL);
  profile = g_build_filename (dir, "profile", NULL);
  profile_arg = g_strconcat ("-env:UserInstallation=file://", profile, NULL);
  file = g_file_new_for_path (docx);
  g_assert_true (jj_exporter_save_passages ((JjPassage **)passages->pdata, passages->len, "素材",
                                            JJ_EXPORT_FORMAT_DOCX, file, NULL, &error));
  g_assert_no_error (error);

  {
    const char *argv[] = { soffice, profile_arg, "--headless", "--convert-to", "txt:Text (encoded):UTF8",
                           "--outdir", dir, docx, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, NULL, NULL, &status, &error));
    g_assert_no_error (error);
  }
  g_assert_true (g_file_get_contents (txt, &text, NULL, &error));
  g_assert_no_error (error);

  /* Exactly our paragraphs, in order (LibreOffice adds a byte-order mark). */
  lines = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_string_append_printf (lines, "%s%s", i > 0 ? "\n" : "", expected[i][1]);
  g_strchomp (text);
  g_assert_cmpstr (g_str_has_prefix (text, "\xef\xbb\xbf") ? text + 3 : text, ==, lines->str);

  delete_recursively (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);
  xmlInitParser ();

  g_test_add_func ("/export/text", test_text);
  g_test_add_func ("/export/markdown", test_markdown);
  g_test_add_func ("/export/authors", test_authors);
  g_test_add_func ("/export/docx-structure", test_docx_structure);
  g_test_add_func ("/export/outline", test_outline);
  g_test_add_func ("/export/outline-from-speech", test_outline_from_speech);
  g_test_add_func ("/export/save", test_save);
  g_test_add_func ("/export/docx-libreoffice", test_docx_libreoffice);

  return g_test_run ();
}
