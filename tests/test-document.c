/* test-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "jj-document.h"
#include "jj-legacy-doc.h"
#include "test-slowdown.h"

static char *
sample_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "samples", name, NULL);
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static JjDocument *
load_path (const char   *path,
           JjLoadFlags   flags,
           GError      **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return jj_document_load (file, flags, NULL, error);
}

static JjDocument *
load_sample (const char  *name,
             JjLoadFlags  flags)
{
  g_autofree char *path = sample_path (name);
  g_autoptr(GError) error = NULL;
  JjDocument *doc;

  doc = load_path (path, flags, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);

  return doc;
}

static guint
max_paragraph_length (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint max = 0;

  for (guint i = 0; lines[i]; i++)
    max = MAX (max, (guint)g_utf8_strlen (lines[i], -1));

  return max;
}

/* The display text model of DESIGN.md */
static void
assert_display_text (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  g_assert_null (strchr (text, '\r'));
  for (guint i = 0; lines[i]; i++)
    {
      const char *l = lines[i];
      gunichar first;
      gunichar last;

      g_assert_cmpstr (l, !=, "");
      first = g_utf8_get_char (l);
      last = g_utf8_get_char (g_utf8_prev_char (l + strlen (l)));
      g_assert_false (first == ' ' || first == 0x3000 || first == 0xA0 || first == '\t');
      g_assert_false (last == ' ' || last == 0x3000 || last == 0xA0 || last == '\t');
    }
}

static void
test_paragraphs_from_text (void)
{
  g_autoptr(JjDocument) doc = NULL;

  doc = jj_document_new_from_text ("标题\r\n\r\n\u3000\u3000第一段。  \n\n  第二段。\n", -1);
  g_assert_cmpstr (jj_document_get_text (doc), ==, "标题\n第一段。\n第二段。");
  g_assert_cmpuint (jj_document_get_length (doc), ==, 12);
  g_assert_cmpstr (jj_document_get_title (doc), ==, "标题");

  {
    g_autofree char *range = jj_document_dup_range (doc, 3, 7);
    g_assert_cmpstr (range, ==, "第一段。");
  }

  /* "第" is at 8 in the source: after "标题\r\n\r\n\u3000\u3000" */
  g_assert_cmpuint (jj_document_to_source_offset (doc, 3), ==, 8);
  g_assert_cmpuint (jj_document_to_source_offset (doc, 0), ==, 0);
  g_assert_null (jj_document_get_notices (doc)[0]);
}

static void
test_fingerprint (void)
{
  g_autoptr(JjDocument) a = jj_document_new_from_text ("甲\n乙", -1);
  g_autoptr(JjDocument) b = jj_document_new_from_text ("\u3000甲\n\n乙\n", -1);
  g_autoptr(JjDocument) c = jj_document_new_from_text ("甲\n丙", -1);
  g_autofree char *fa = jj_document_dup_fingerprint (a);
  g_autofree char *fb = jj_document_dup_fingerprint (b);
  g_autofree char *fc = jj_document_dup_fingerprint (c);

  g_assert_cmpuint (strlen (fa), ==, 64);
  g_assert_cmpstr (fa, ==, fb);
  g_assert_cmpstr (fa, !=, fc);
}

static void
test_refuses_bad_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jj-test-XXXXXX", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.txt", NULL);
  g_autofree char *bom = g_build_filename (dir, "bom.txt", NULL);
  g_autoptr(GFile) empty_file = g_file_new_for_path (empty);
  g_autoptr(GFile) dir_file = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  JjDocument *doc;

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_set_contents (bom, "\xEF\xBB\xBF \n\u3000\n", -1, NULL));

  doc = jj_document_load (empty_file, JJ_LOAD_DEFAULT, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_EMPTY);
  g_clear_error (&error);

  doc = load_path (bom, JJ_LOAD_DEFAULT, &error);
  g_assert_null (doc);
  g_assert_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_EMPTY);
  g_clear_error (&error);

  doc = jj_document_load (dir_file, JJ_LOAD_DEFAULT, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_NOT_REGULAR);

  g_unlink (empty);
  g_unlink (bom);
  g_rmdir (dir);
}

static void
test_load_sample (void)
{
  g_autoptr(JjDocument) doc = load_sample ("civilized-city-speech.txt", JJ_LOAD_DEFAULT);


  g_assert_cmpstr (jj_document_get_title (doc), ==, "全国文明城市建设工作培训会议讲话");
  g_assert_true (g_str_has_prefix (jj_document_get_text (doc),
                                   "全国文明城市建设工作培训会议讲话\n同志们：\n在首轮"));
  g_assert_cmpstr (jj_document_get_encoding (doc), ==, "UTF-8");
  g_assert_cmpstr (jj_document_get_format (doc), ==, "text");
  g_assert_false (jj_document_get_was_traditional (doc));
  g_assert_null (jj_document_get_original_text (doc));
  g_assert_null (jj_document_get_notices (doc)[0]);
  assert_display_text (jj_document_get_text (doc));
}

/* Every encoding of the sample reads as the same text. */
static void
test_sample_encodings (void)
{
  const struct { const char *name; const char *encoding; const char *format; } samples[] = {
    { "civilized-city-speech.gb18030.txt", "GB18030", "text" },
    { "civilized-city-speech.utf16.txt", "UTF-16LE", "text" },
    { "civilized-city-speech.docx", "UTF-8", "docx" },
  };
  g_autoptr(JjDocument) reference = load_sample ("civilized-city-speech.txt", JJ_LOAD_DEFAULT);


  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr(JjDocument) doc = load_sample (samples[i].name, JJ_LOAD_DEFAULT);

      g_test_message ("%s", samples[i].name);
      g_assert_nonnull (doc);
      g_assert_cmpstr (jj_document_get_encoding (doc), ==, samples[i].encoding);
      g_assert_cmpstr (jj_document_get_format (doc), ==, samples[i].format);
      g_assert_cmpstr (jj_document_get_title (doc), ==, "全国文明城市建设工作培训会议讲话");
      g_assert_cmpstr (jj_document_get_text (doc), ==, jj_document_get_text (reference));
    }
}

static void
test_sample_docx_hints (void)
{
  g_autoptr(JjDocument) doc = load_sample ("civilized-city-speech.docx", JJ_LOAD_DEFAULT);
  const JjParagraphHint *hints;
  guint n_hints = 0;
  guint n_headings = 0;


  hints = jj_document_get_hints (doc, &n_hints);
  g_assert_cmpuint (n_hints, >, 0);
  for (guint i = 0; i < n_hints; i++)
    {
      g_autofree char *para = jj_document_dup_range (doc, hints[i].start, hints[i].end);

      g_assert_cmpuint (hints[i].start, <, hints[i].end);
      g_assert_cmpuint (hints[i].end, <=, jj_document_get_length (doc));
      /* the sample's headings are bold runs, its title bold and centered */
      if (hints[i].flags & JJ_PARAGRAPH_BOLD)
        {
          if (hints[i].start == 0)
            g_assert_true (hints[i].flags & JJ_PARAGRAPH_CENTERED);
          else
            {
              n_headings++;
              g_assert_true (g_str_has_suffix (para, "新形势") || g_str_has_suffix (para, "新认识") ||
                             g_str_has_suffix (para, "新要求"));
            }
        }
    }
  g_assert_cmpuint (n_headings, ==, 3);
}

/* The web page copy: boilerplate, pinyin, traditional characters and
 * run-on text; it must come out as the clean UTF-8 sample does.
 */
static void
test_sample_webpage (void)
{
  g_autoptr(JjDocument) doc = load_sample ("civilized-city-speech.webpage.txt", JJ_LOAD_DEFAULT);
  g_autoptr(JjDocument) reference = load_sample ("civilized-city-speech.txt", JJ_LOAD_DEFAULT);
  const char * const *notices;
  const char *text;
  const char *original;
  g_auto(GStrv) got = NULL;
  g_auto(GStrv) want = NULL;
  guint same = 0;
  guint diff_chars = 0;


  text = jj_document_get_text (doc);
  assert_display_text (text);
  g_assert_cmpstr (jj_document_get_title (doc), ==, "全国文明城市建设工作培训会议讲话");
  g_assert_true (g_str_has_prefix (text, "全国文明城市建设工作培训会议讲话\n同志们：\n在首轮"));
  g_assert_true (g_str_has_suffix (text, "引领力的“文明**”。"));
  g_assert_null (strstr (text, "docx"));
  g_assert_null (strstr (text, "(sh"));
  g_assert_null (strstr (text, "温馨提示"));
  g_assert_null (strstr (text, "借鉴"));
  g_assert_null (strstr (text, "供参考"));
  g_assert_cmpuint (max_paragraph_length (text), <=, 600);
  g_assert_true (jj_document_get_was_traditional (doc));

  /* the original keeps the traditional characters, character for character */
  original = jj_document_get_original_text (doc);
  g_assert_nonnull (original);
  g_assert_cmpuint (g_utf8_strlen (original, -1), ==, jj_document_get_length (doc));
  g_assert_true (g_str_has_prefix (original, "全國文明城市建設工作培訓會議講話\n同志們：\n"));

  notices = jj_document_get_notices (doc);
  g_assert_cmpuint (g_strv_length ((char **)notices), >=, 4);

  /* Paragraph by paragraph against the clean sample, then as a whole */
  got = g_strsplit (text, "\n", -1);
  want = g_strsplit (jj_document_get_text (reference), "\n", -1);
  for (guint i = 0; want[i]; i++)
    for (guint j = 0; got[j]; j++)
      if (g_str_equal (want[i], got[j]))
        {
          same++;
          break;
        }
  diff_chars = ABS ((gint)jj_document_get_length (doc) - (gint)jj_document_get_length (reference));
  g_test_message ("web page: %u of %u paragraphs identical to the UTF-8 sample, %u vs %u paragraphs, "
                  "length differs by %u",
                  same, g_strv_length (want), g_strv_length (got), g_strv_length (want), diff_chars);
  g_assert_cmpuint (same, ==, g_strv_length (want));
  g_assert_cmpstr (text, ==, jj_document_get_text (reference));
}

static void
test_webpage_keep_traditional (void)
{
  g_autoptr(JjDocument) doc = load_sample ("civilized-city-speech.webpage.txt", JJ_LOAD_KEEP_TRADITIONAL);


  g_assert_cmpstr (jj_document_get_title (doc), ==, "全國文明城市建設工作培訓會議講話");
  g_assert_true (jj_document_get_was_traditional (doc));
  g_assert_null (jj_document_get_original_text (doc));
  g_assert_null (strstr (jj_document_get_text (doc), "温馨"));
  g_assert_null (strstr (jj_document_get_text (doc), "溫馨"));
}

static void
test_webpage_no_clean (void)
{
  g_autoptr(JjDocument) doc = load_sample ("civilized-city-speech.webpage.txt", JJ_LOAD_NO_CLEAN);


  g_assert_nonnull (strstr (jj_document_get_text (doc), "docx"));
  g_assert_nonnull (strstr (jj_document_get_text (doc), "(shè)"));
}

/* Display offsets lead back to the same characters in the source. */
static void
test_source_map (void)
{
  g_autoptr(JjDocument) doc = load_sample ("civilized-city-speech.webpage.txt", JJ_LOAD_KEEP_TRADITIONAL);
  const char *text;
  const char *source;
  g_autofree gunichar *t = NULL;
  g_autofree gunichar *s = NULL;
  glong n_t = 0;
  glong n_s = 0;
  guint checked = 0;


  text = jj_document_get_text (doc);
  source = jj_document_get_source_text (doc);
  t = g_utf8_to_ucs4_fast (text, -1, &n_t);
  s = g_utf8_to_ucs4_fast (source, -1, &n_s);

  for (glong i = 0; i < n_t; i++)
    {
      guint o = jj_document_to_source_offset (doc, i);

      g_assert_cmpuint (o, <, n_s);
      if (t[i] == '\n' || t[i] == 0xFF0C || t[i] == 0xFF1A || t[i] == 0xFF1B)
        continue;
      g_assert_cmpuint (t[i], ==, s[o]);
      checked++;
    }
  g_assert_cmpuint (checked, >, 1500);

  /* and they move forward */
  for (glong i = 1; i < n_t; i++)
    g_assert_cmpuint (jj_document_to_source_offset (doc, i), >=, jj_document_to_source_offset (doc, i - 1));
}

static void
test_docx_numbering (void)
{
  const char *names[] = { "numbered-lo.docx", "handmade-numbered.docx", "numbered-lo.odt" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = data_path (names[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(JjDocument) doc = load_path (path, JJ_LOAD_DEFAULT, &error);
      const JjParagraphHint *hints;
      guint n_hints = 0;
      gboolean found_numbered_heading = FALSE;

      g_test_message ("%s", names[i]);
      g_assert_no_error (error);
      g_assert_cmpstr (jj_document_get_text (doc), ==,
                       "关于做好秋季防汛工作的讲话\n"
                       "同志们：\n"
                       "今天召开会议，部署秋季防汛工作。\n"
                       "一、提高思想认识\n"
                       "（一）压实各级责任\n"
                       "各地要层层落实责任。\n"
                       "（二）加强监测预警\n"
                       "二、抓好重点任务\n"
                       "（一）排查隐患\n"
                       "1.水库要逐一检查\n"
                       "2.堤防要逐段巡查\n"
                       "甲.做好物资储备\n"
                       "乙.落实值班制度\n"
                       "附：\t值班表\n"
                       "另行印发");
      g_assert_cmpstr (jj_document_get_title (doc), ==, "关于做好秋季防汛工作的讲话");

      hints = jj_document_get_hints (doc, &n_hints);
      g_assert_cmpuint (n_hints, >=, 9);
      for (guint k = 0; k < n_hints; k++)
        {
          g_autofree char *para = jj_document_dup_range (doc, hints[k].start, hints[k].end);

          if (g_str_equal (para, "一、提高思想认识"))
            {
              g_assert_cmpint (hints[k].outline_level, ==, 0);
              g_assert_true (hints[k].flags & JJ_PARAGRAPH_HEADING_STYLE);
              g_assert_true (hints[k].flags & JJ_PARAGRAPH_NUMBERED);
              found_numbered_heading = TRUE;
            }
          if (g_str_equal (para, "（一）压实各级责任"))
            g_assert_cmpint (hints[k].outline_level, ==, 1);
          if (g_str_equal (para, "关于做好秋季防汛工作的讲话"))
            {
              g_assert_true (hints[k].flags & JJ_PARAGRAPH_BOLD);
              g_assert_true (hints[k].flags & JJ_PARAGRAPH_CENTERED);
            }
          if (g_str_equal (para, "甲.做好物资储备"))
            g_assert_true (hints[k].flags & JJ_PARAGRAPH_BOLD);
          if (g_str_equal (para, "今天召开会议，部署秋季防汛工作。"))
            g_assert_false (hints[k].flags & JJ_PARAGRAPH_BOLD);
        }
      g_assert_true (found_numbered_heading);
    }
}

static void
test_html (void)
{
  const char *names[] = { "page-utf8.html", "page-gbk.html" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = data_path (names[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(JjDocument) doc = load_path (path, JJ_LOAD_DEFAULT, &error);
      const JjParagraphHint *hints;
      guint n_hints = 0;

      g_assert_no_error (error);
      g_assert_cmpstr (jj_document_get_format (doc), ==, "html");
      g_assert_cmpstr (jj_document_get_encoding (doc), ==, i == 0 ? "UTF-8" : "GB18030");
      g_assert_cmpstr (jj_document_get_text (doc), ==,
                       "在春季植树活动动员会上的讲话\n"
                       "同志们：\n"
                       "今天，我们召开动员会，部署春季植树工作。\n"
                       "一、统一思想\n"
                       "植树造林是长远大计。\n"
                       "要抓好落实\u00A0，确保成效。\n"
                       "第二行文字。\n"
                       "苗木调配\n"
                       "技术指导");
      hints = jj_document_get_hints (doc, &n_hints);
      g_assert_cmpuint (n_hints, ==, 3);
      g_assert_cmpint (hints[0].outline_level, ==, 0);
      g_assert_cmpint (hints[1].outline_level, ==, 1);
      g_assert_true (hints[2].flags & JJ_PARAGRAPH_BOLD);
    }
}

static void
test_markdown (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JjDocument) doc = NULL;
  const char *md =
    "# 在表彰大会上的讲话\n\n"
    "同志们：\n\n"
    "## 一、**充分肯定**成绩\n\n"
    "过去一年，*各项工作*取得[明显成效](http://example.org)。\n"
    "> 引文一句。\n"
    "- 列表一项\n"
    "---\n"
    "“**”同志代表发言。\n";
  const JjParagraphHint *hints;
  guint n_hints = 0;

  bytes = g_bytes_new_static (md, strlen (md));
  doc = jj_document_new_from_bytes (bytes, "speech.md", JJ_LOAD_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jj_document_get_format (doc), ==, "markdown");
  g_assert_cmpstr (jj_document_get_text (doc), ==,
                   "在表彰大会上的讲话\n同志们：\n一、充分肯定成绩\n"
                   "过去一年，各项工作取得明显成效。\n引文一句。\n列表一项\n“**”同志代表发言。");
  hints = jj_document_get_hints (doc, &n_hints);
  g_assert_cmpuint (n_hints, ==, 2);
  g_assert_cmpint (hints[1].outline_level, ==, 1);
}

static void
test_invalid_bytes_notice (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JjDocument) doc = NULL;
  /* valid UTF-8 around one stray byte: damaged UTF-8, not GB18030 */
  const char data[] = "会议讲话\n同志们：今天召开会议，研究部署工作。\xFF会议要求各地抓好落实，确保各项任务落到实处。";

  bytes = g_bytes_new_static (data, sizeof data - 1);
  doc = jj_document_new_from_bytes (bytes, "damaged.txt", JJ_LOAD_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jj_document_get_encoding (doc), ==, "UTF-8");
  g_assert_nonnull (strstr (jj_document_get_text (doc), "工作。\xEF\xBF\xBD会议"));
  g_assert_nonnull (jj_document_get_notices (doc)[0]);
  g_assert_nonnull (strstr (jj_document_get_notices (doc)[0], "1 invalid"));
}

static void
test_random_binary (void)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  JjDocument *doc;

  for (guint i = 0; i < 256 * 1024; i++)
    {
      guint8 b = g_rand_int_range (rand, 0, 256);
      g_byte_array_append (data, &b, 1);
    }
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&data));

  doc = jj_document_new_from_bytes (bytes, "noise.txt", JJ_LOAD_DEFAULT, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_BINARY);
  g_clear_error (&error);

  /* the same bytes called a Word file */
  doc = jj_document_new_from_bytes (bytes, "noise.docx", JJ_LOAD_DEFAULT, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT);
}

static void
test_huge_text (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jj-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.txt", NULL);
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();
  JjDocument *doc;
  int fd;

  /* 100 MB, sparse: the size alone must be enough to refuse it */
  fd = g_open (path, O_CREAT | O_WRONLY, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 100 * 1024 * 1024), ==, 0);
  close (fd);

  doc = load_path (path, JJ_LOAD_DEFAULT, &error);
  g_assert_null (doc);
  g_assert_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_TOO_LARGE);
  g_assert_cmpint (g_get_monotonic_time () - t0, <, jj_test_usec (3));

  g_unlink (path);
  g_rmdir (dir);
}

/* A package written at test time: @names and @contents pairs. */
static GBytes *
make_zip (const char * const *names,
          const char * const *contents,
          guint               n)
{
  struct archive *a = archive_write_new ();
  gsize size = 16 * 1024 * 1024;
  char *buf = g_malloc (size);
  size_t used = 0;

  archive_write_set_format_zip (a);
  g_assert_cmpint (archive_write_open_memory (a, buf, size, &used), ==, ARCHIVE_OK);
  for (guint i = 0; i < n; i++)
    {
      struct archive_entry *e = archive_entry_new ();
      gsize len = strlen (contents[i]);

      archive_entry_set_pathname (e, names[i]);
      archive_entry_set_filetype (e, AE_IFREG);
      archive_entry_set_perm (e, 0644);
      archive_entry_set_size (e, len);
      archive_write_header (a, e);
      archive_write_data (a, contents[i], len);
      archive_entry_free (e);
    }
  archive_write_close (a);
  archive_write_free (a);

  return g_bytes_new_take (g_realloc (buf, MAX (used, 1)), used);
}

#define DOCX_RELS \
  "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" \
  "<Relationship Id=\"r1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" " \
  "Target=\"word/document.xml\"/></Relationships>"

static void
test_zip_slip (void)
{
  const char *names[] = { "[Content_Types].xml", "_rels/.rels", "../../evil.xml", "word/document.xml" };
  const char *contents[] = { "<Types/>", DOCX_RELS, "x",
                             "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                             "<w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>" };
  g_autoptr(GBytes) zip = make_zip (names, contents, 4);
  g_autoptr(GError) error = NULL;
  JjDocument *doc;

  doc = jj_document_new_from_bytes (zip, "slip.docx", JJ_LOAD_DEFAULT, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "unsafe"));
}

static void
test_entity_attack (void)
{
  const char *names[] = { "[Content_Types].xml", "_rels/.rels", "word/document.xml" };
  const char *laughs =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
    "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
    "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
    "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
    "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
    "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
    "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
    "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
    "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
    "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">"
    "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:body><w:p><w:r><w:t>&lol9;&xxe;</w:t></w:r></w:p></w:body></w:document>";
  const char *contents[] = { "<Types/>", DOCX_RELS, laughs };
  g_autoptr(GBytes) zip = make_zip (names, contents, 3);
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();
  JjDocument *doc;

  doc = jj_document_new_from_bytes (zip, "lol.docx", JJ_LOAD_DEFAULT, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT);
  g_assert_cmpint (g_get_monotonic_time () - t0, <, jj_test_usec (2));
}

/* The HTML parser reads no DTD: declared entities stay unexpanded. */
static void
test_html_entity_attack (void)
{
  g_autoptr(GString) page = g_string_new ("<!DOCTYPE html [<!ENTITY a0 \"lol\">");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JjDocument) doc = NULL;

  for (guint i = 1; i < 10; i++)
    {
      g_string_append_printf (page, "<!ENTITY a%u \"", i);
      for (guint k = 0; k < 10; k++)
        g_string_append_printf (page, "&a%u;", i - 1);
      g_string_append (page, "\">");
    }
  g_string_append (page, "<!ENTITY x SYSTEM \"file:///etc/passwd\">]><html><body><p>正文&a9;&x;</p></body></html>");
  bytes = g_bytes_new (page->str, page->len);

  doc = jj_document_new_from_bytes (bytes, "lol.html", JJ_LOAD_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jj_document_get_length (doc), <, 4 * page->len);
  g_assert_null (strstr (jj_document_get_text (doc), "root:"));
}

static void
test_truncated_and_corrupt_docx (void)
{
  g_autofree char *path = data_path ("numbered-lo.docx");
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));

  /* cut anywhere */
  for (gsize cut = 16; cut < len; cut += len / 7)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (data, cut);
      g_autoptr(GError) error = NULL;
      g_autoptr(JjDocument) doc = jj_document_new_from_bytes (bytes, "cut.docx", JJ_LOAD_DEFAULT, NULL, &error);

      if (doc == NULL)
        g_assert_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT);
    }

  /* bytes flipped in the compressed data: an error or some text, never a crash */
  for (guint k = 0; k < 20; k++)
    {
      g_autofree char *copy = g_memdup2 (data, len);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JjDocument) doc = NULL;

      for (gsize i = 100 + k * 37; i < len; i += 211)
        copy[i] ^= 0x5A;
      bytes = g_bytes_new (copy, len);
      doc = jj_document_new_from_bytes (bytes, "flipped.docx", JJ_LOAD_DEFAULT, NULL, &error);
      g_assert_true ((doc == NULL) == (error != NULL));
    }
}

static void
test_zip_bomb (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jj-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bomb.docx", NULL);
  g_autoptr(GError) error = NULL;
  struct archive *a = archive_write_new ();
  struct archive_entry *e;
  g_autofree char *chunk = g_malloc (1024 * 1024);
  const char *head = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>";
  gint64 t0;
  JjDocument *doc;

  /* document.xml inflates to 200 MB of spaces and claims no size */
  memset (chunk, ' ', 1024 * 1024);
  archive_write_set_format_zip (a);
  archive_write_set_options (a, "zip:compression-level=1");
  g_assert_cmpint (archive_write_open_filename (a, path), ==, ARCHIVE_OK);

  e = archive_entry_new ();
  archive_entry_set_pathname (e, "_rels/.rels");
  archive_entry_set_filetype (e, AE_IFREG);
  archive_entry_set_perm (e, 0644);
  archive_entry_set_size (e, strlen (DOCX_RELS));
  archive_write_header (a, e);
  archive_write_data (a, DOCX_RELS, strlen (DOCX_RELS));
  archive_entry_free (e);

  e = archive_entry_new ();
  archive_entry_set_pathname (e, "word/document.xml");
  archive_entry_set_filetype (e, AE_IFREG);
  archive_entry_set_perm (e, 0644);
  archive_write_header (a, e);
  archive_write_data (a, head, strlen (head));
  for (guint i = 0; i < 200; i++)
    archive_write_data (a, chunk, 1024 * 1024);
  archive_entry_free (e);
  archive_write_close (a);
  archive_write_free (a);

  t0 = g_get_monotonic_time ();
  doc = load_path (path, JJ_LOAD_DEFAULT, &error);
  g_assert_null (doc);
  g_assert_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_TOO_LARGE);
  g_test_message ("zip bomb refused in %.2f s", (g_get_monotonic_time () - t0) / 1e6);
  g_assert_cmpint (g_get_monotonic_time () - t0, <, jj_test_usec (5));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_legacy_doc (void)
{
  g_autofree char *path = data_path ("numbered-lo.doc");
  g_autoptr(GError) error = NULL;
  g_autoptr(JjDocument) doc = NULL;

  if (!jj_legacy_doc_can_convert ())
    {
      g_test_skip ("LibreOffice is not installed");
      return;
    }

  doc = load_path (path, JJ_LOAD_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jj_document_get_format (doc), ==, "doc");
  g_assert_true (g_str_has_prefix (jj_document_get_text (doc),
                                   "关于做好秋季防汛工作的讲话\n同志们：\n今天召开会议，部署秋季防汛工作。\n一、提高思想认识\n"));
}

static void
test_legacy_doc_without_converter (void)
{
  g_autofree char *path = data_path ("numbered-lo.doc");
  g_autoptr(GError) error = NULL;
  JjDocument *doc;

  g_setenv ("JJ_SOFFICE", "/nonexistent/soffice", TRUE);
  doc = load_path (path, JJ_LOAD_DEFAULT, &error);
  g_unsetenv ("JJ_SOFFICE");

  g_assert_null (doc);
  g_assert_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_NEEDS_CONVERTER);
  g_assert_nonnull (strstr (error->message, "LibreOffice"));
  g_assert_nonnull (strstr (error->message, ".docx"));
}

/* A converter that hangs is stopped. */
static void
test_legacy_doc_timeout (void)
{
  g_autofree char *path = data_path ("numbered-lo.doc");
  g_autofree char *dir = g_dir_make_tmp ("jj-test-XXXXXX", NULL);
  g_autofree char *fake = g_build_filename (dir, "soffice", NULL);
  g_autoptr(GError) error = NULL;
  gint64 t0;
  JjDocument *doc;

  g_assert_true (g_file_set_contents (fake, "#!/bin/sh\nexec sleep 30\n", -1, NULL));
  g_assert_cmpint (g_chmod (fake, 0755), ==, 0);

  g_setenv ("JJ_SOFFICE", fake, TRUE);
  g_setenv ("JJ_SOFFICE_TIMEOUT", "1", TRUE);
  t0 = g_get_monotonic_time ();
  doc = load_path (path, JJ_LOAD_DEFAULT, &error);
  g_unsetenv ("JJ_SOFFICE");
  g_unsetenv ("JJ_SOFFICE_TIMEOUT");

  g_assert_null (doc);
  g_assert_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_CORRUPT);
  g_assert_cmpint (g_get_monotonic_time () - t0, <, jj_test_usec (10));

  g_unlink (fake);
  g_rmdir (dir);
}

/* Run-on text without the sample's help: corpus documents stored as one line. */
static void
test_runon_corpus (void)
{
  const char *docs[] = { "11", "12", "08" };

  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      g_autofree char *name = g_strconcat (docs[i], ".txt", NULL);
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "corpus-dev", "runon", name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(JjDocument) doc = NULL;
      g_auto(GStrv) lines = NULL;

      doc = load_path (path, JJ_LOAD_DEFAULT, &error);
      g_assert_no_error (error);
      assert_display_text (jj_document_get_text (doc));
      g_assert_cmpuint (max_paragraph_length (jj_document_get_text (doc)), <=, 600);
      lines = g_strsplit (jj_document_get_text (doc), "\n", -1);
      g_assert_cmpuint (g_strv_length (lines), >=, 8);
      if (i == 0)
        g_assert_true (g_strv_contains ((const char * const *)lines, "同志们："));
    }
}

typedef struct
{
  GArray       *stages;
  GArray       *fractions;
  GAsyncResult *result;
  guint         n_before_result;
  GThread      *caller;
} ProgressLog;

static void
log_progress (JjLoadStage  stage,
              double       fraction,
              gpointer     user_data)
{
  ProgressLog *log = user_data;

  /* In the caller's thread, never in the loading one. */
  g_assert_true (g_thread_self () == log->caller);
  g_assert_null (log->result);
  g_array_append_val (log->stages, stage);
  g_array_append_val (log->fractions, fraction);
}

static void
log_result (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  ProgressLog *log = user_data;

  log->n_before_result = log->stages->len;
  log->result = g_object_ref (result);
}

static JjDocument *
load_logged (const char    *path,
             ProgressLog   *log,
             gboolean       cancel,
             GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  JjDocument *doc;

  log->stages = g_array_new (FALSE, FALSE, sizeof (JjLoadStage));
  log->fractions = g_array_new (FALSE, FALSE, sizeof (double));
  log->result = NULL;
  log->caller = g_thread_self ();

  jj_document_load_async (file, JJ_LOAD_DEFAULT, cancellable, log_progress, log, log_result, log);
  if (cancel)
    g_cancellable_cancel (cancellable);
  while (log->result == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* Anything still queued would come now. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  doc = jj_document_load_finish (log->result, error);
  g_clear_object (&log->result);
  return doc;
}

static void
check_progress (ProgressLog *log,
                gboolean     converted)
{
  gboolean seen[JJ_LOAD_STAGE_OUTLINE + 1] = { FALSE, };
  guint n = log->stages->len;

  g_assert_cmpuint (n, >=, 4);
  g_assert_cmpuint (log->n_before_result, ==, n);
  g_assert_cmpint (g_array_index (log->stages, JjLoadStage, 0), ==, JJ_LOAD_STAGE_READING);
  g_assert_cmpfloat (g_array_index (log->fractions, double, 0), ==, 0.0);
  for (guint i = 0; i < n; i++)
    {
      JjLoadStage stage = g_array_index (log->stages, JjLoadStage, i);
      double fraction = g_array_index (log->fractions, double, i);

      seen[stage] = TRUE;
      g_assert_cmpfloat (fraction, >=, 0.0);
      g_assert_cmpfloat (fraction, <=, 1.0);
      if (i > 0)
        {
          g_assert_cmpint (stage, >=, g_array_index (log->stages, JjLoadStage, i - 1));
          g_assert_cmpfloat (fraction, >=, g_array_index (log->fractions, double, i - 1));
        }
    }
  g_assert_true (seen[JJ_LOAD_STAGE_CLEANING]);
  g_assert_cmpint (seen[JJ_LOAD_STAGE_CONVERTING], ==, converted);
  g_assert_cmpint (g_array_index (log->stages, JjLoadStage, n - 1), ==, JJ_LOAD_STAGE_OUTLINE);
  g_assert_cmpfloat (g_array_index (log->fractions, double, n - 1), ==, 1.0);
}

static void
clear_log (ProgressLog *log)
{
  g_array_unref (log->stages);
  g_array_unref (log->fractions);
}

/* Opening reports its stages in order, all of them before it ends, and
 * nothing once cancelled. */
static void
test_load_progress (void)
{
  g_autofree char *docx = data_path ("numbered-lo.docx");
  g_autofree char *doc_path = data_path ("numbered-lo.doc");
  g_autoptr(GError) error = NULL;
  ProgressLog log;
  JjDocument *doc;

  doc = load_logged (docx, &log, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  check_progress (&log, FALSE);
  g_test_message ("%u progress reports for a .docx", log.stages->len);
  g_object_unref (doc);
  clear_log (&log);

  doc = load_logged (docx, &log, TRUE, &error);
  g_assert_cmpuint (log.stages->len, ==, 0);
  g_clear_object (&doc);
  g_clear_error (&error);
  clear_log (&log);

  if (!jj_legacy_doc_can_convert ())
    {
      g_test_message ("LibreOffice is not installed: .doc conversion progress not checked");
      return;
    }
  doc = load_logged (doc_path, &log, FALSE, &error);
  g_assert_no_error (error);
  check_progress (&log, TRUE);
  g_object_unref (doc);
  clear_log (&log);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  xmlInitParser ();

  g_test_add_func ("/document/paragraphs", test_paragraphs_from_text);
  g_test_add_func ("/document/fingerprint", test_fingerprint);
  g_test_add_func ("/document/refuses-bad-files", test_refuses_bad_files);
  g_test_add_func ("/document/load-sample", test_load_sample);
  g_test_add_func ("/document/sample-encodings", test_sample_encodings);
  g_test_add_func ("/document/sample-docx-hints", test_sample_docx_hints);
  g_test_add_func ("/document/sample-webpage", test_sample_webpage);
  g_test_add_func ("/document/webpage-keep-traditional", test_webpage_keep_traditional);
  g_test_add_func ("/document/webpage-no-clean", test_webpage_no_clean);
  g_test_add_func ("/document/source-map", test_source_map);
  g_test_add_func ("/document/numbering", test_docx_numbering);
  g_test_add_func ("/document/html", test_html);
  g_test_add_func ("/document/markdown", test_markdown);
  g_test_add_func ("/document/invalid-bytes", test_invalid_bytes_notice);
  g_test_add_func ("/document/hostile/random-binary", test_random_binary);
  g_test_add_func ("/document/hostile/huge-text", test_huge_text);
  g_test_add_func ("/document/hostile/zip-slip", test_zip_slip);
  g_test_add_func ("/document/hostile/entities", test_entity_attack);
  g_test_add_func ("/document/hostile/html-entities", test_html_entity_attack);
  g_test_add_func ("/document/hostile/truncated-docx", test_truncated_and_corrupt_docx);
  g_test_add_func ("/document/hostile/zip-bomb", test_zip_bomb);
  g_test_add_func ("/document/doc", test_legacy_doc);
  g_test_add_func ("/document/doc-without-converter", test_legacy_doc_without_converter);
  g_test_add_func ("/document/doc-timeout", test_legacy_doc_timeout);
  g_test_add_func ("/document/runon-corpus", test_runon_corpus);
  g_test_add_func ("/document/load-progress", test_load_progress);

  return g_test_run ();
}
