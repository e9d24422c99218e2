/* test-sidecar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "jj-atomic-file.h"
#include "jj-sidecar.h"
#include "test-slowdown.h"

#define FP "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

static JjSidecar *
make_sidecar (guint n)
{
  JjSidecar *sidecar = jj_sidecar_new ();

  sidecar->fingerprint = g_strdup (FP);
  sidecar->length = 1234;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *quote = g_strdup_printf ("第%u段 <&> \"引\" 'x'\n次行", i);
      JjMark *mark = jj_mark_new (i % 2 ? "golden" : "borrow");
      const char *tags[] = { "城市", "治理 & 文明", NULL };

      jj_mark_set_range (mark, i * 10, i * 10 + 7);
      jj_mark_set_quote (mark, quote);
      jj_mark_set_context (mark, " 前文\n", "后文 ");
      jj_mark_set_section (mark, "二、加强治理 › 一要坚持");
      jj_mark_set_tags (mark, tags);
      jj_mark_set_note (mark, i % 3 ? "  批注：<b>\n第二行 " : "");
      jj_mark_set_author (mark, "读者");
      if (i % 4 == 0)
        jj_mark_set_color (mark, "#aabbcc");
      g_ptr_array_add (sidecar->marks, mark);
    }

  return sidecar;
}

static void
assert_marks_equal (JjMark *a,
                    JjMark *b)
{
  g_assert_cmpstr (jj_mark_get_id (a), ==, jj_mark_get_id (b));
  g_assert_cmpstr (jj_mark_get_kind (a), ==, jj_mark_get_kind (b));
  g_assert_cmpstr (jj_mark_get_own_color (a), ==, jj_mark_get_own_color (b));
  g_assert_true (g_strv_equal (jj_mark_get_tags (a), jj_mark_get_tags (b)));
  g_assert_cmpstr (jj_mark_get_note (a), ==, jj_mark_get_note (b));
  g_assert_cmpstr (jj_mark_get_author (a), ==, jj_mark_get_author (b));
  g_assert_true (g_date_time_equal (jj_mark_get_created (a), jj_mark_get_created (b)));
  g_assert_true (g_date_time_equal (jj_mark_get_modified (a), jj_mark_get_modified (b)));
  g_assert_cmpuint (jj_mark_get_start (a), ==, jj_mark_get_start (b));
  g_assert_cmpuint (jj_mark_get_end (a), ==, jj_mark_get_end (b));
  g_assert_cmpstr (jj_mark_get_quote (a), ==, jj_mark_get_quote (b));
  g_assert_cmpstr (jj_mark_get_prefix (a), ==, jj_mark_get_prefix (b));
  g_assert_cmpstr (jj_mark_get_suffix (a), ==, jj_mark_get_suffix (b));
  g_assert_cmpstr (jj_mark_get_section (a), ==, jj_mark_get_section (b));
  g_assert_cmpint (jj_mark_get_deleted (a), ==, jj_mark_get_deleted (b));
}

static void
test_round_trip (void)
{
  g_autoptr(JjSidecar) sidecar = make_sidecar (20);
  g_autoptr(JjSidecar) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *xml2 = NULL;
  JjMark *tomb = jj_mark_new ("borrow");
  gsize len;

  jj_mark_set_deleted (tomb, TRUE);
  g_ptr_array_add (sidecar->marks, tomb);

  xml = jj_sidecar_to_xml (sidecar, &len);
  g_assert_cmpuint (strlen (xml), ==, len);
  g_assert_true (g_str_has_prefix (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<jiejian "));
  g_assert_nonnull (strstr (xml, " xmlns=\"https://jiejian.org/ns/sidecar/1\""));
  g_assert_nonnull (strstr (xml, " version=\"1\""));
  g_assert_nonnull (strstr (xml, "\n  <mark "));
  g_assert_nonnull (strstr (xml, "\n    <target "));
  g_assert_nonnull (strstr (xml, "<quote>第0段 &lt;&amp;&gt; &quot;引&quot; 'x'\n次行</quote>"));

  back = jj_sidecar_parse (xml, len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->fingerprint, ==, FP);
  g_assert_cmpuint (back->length, ==, 1234);
  g_assert_cmpuint (back->n_malformed, ==, 0);
  g_assert_cmpuint (back->marks->len, ==, sidecar->marks->len);
  for (guint i = 0; i < back->marks->len; i++)
    assert_marks_equal (g_ptr_array_index (sidecar->marks, i), g_ptr_array_index (back->marks, i));
  g_assert_true (jj_mark_get_deleted (g_ptr_array_index (back->marks, 20)));

  xml2 = jj_sidecar_to_xml (back, NULL);
  g_assert_cmpstr (xml, ==, xml2);
}

static void
test_control_characters (void)
{
  g_autoptr(JjSidecar) sidecar = make_sidecar (1);
  g_autoptr(JjSidecar) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  JjMark *mark = g_ptr_array_index (sidecar->marks, 0);

  jj_mark_set_quote (mark, "甲\001乙\t丙");
  xml = jj_sidecar_to_xml (sidecar, NULL);
  back = jj_sidecar_parse (xml, strlen (xml), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jj_mark_get_quote (g_ptr_array_index (back->marks, 0)), ==, "甲\uFFFD乙\t丙");
}

static void
validate (const char *xml)
{
  g_autofree char *rng = NULL;
  xmlRelaxNGParserCtxtPtr pctxt;
  xmlRelaxNGPtr schema;
  xmlRelaxNGValidCtxtPtr vctxt;
  xmlDocPtr doc;
  int ret;

  if (g_getenv ("JJ_SOURCE_ROOT") == NULL)
    {
      g_test_skip ("JJ_SOURCE_ROOT is not set");
      return;
    }

  rng = g_build_filename (g_getenv ("JJ_SOURCE_ROOT"), "data", "sidecar.rng", NULL);
  pctxt = xmlRelaxNGNewParserCtxt (rng);
  schema = xmlRelaxNGParse (pctxt);
  g_assert_nonnull (schema);
  vctxt = xmlRelaxNGNewValidCtxt (schema);
  doc = xmlReadMemory (xml, strlen (xml), "sidecar.xml", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  ret = xmlRelaxNGValidateDoc (vctxt, doc);
  g_assert_cmpint (ret, ==, 0);

  xmlFreeDoc (doc);
  xmlRelaxNGFreeValidCtxt (vctxt);
  xmlRelaxNGFree (schema);
  xmlRelaxNGFreeParserCtxt (pctxt);
}

static void
test_schema (void)
{
  g_autoptr(JjSidecar) sidecar = make_sidecar (5);
  g_autoptr(JjSidecar) empty = jj_sidecar_new ();
  g_autofree char *xml = NULL;
  g_autofree char *empty_xml = NULL;
  JjMark *tomb = jj_mark_new ("borrow");

  jj_mark_set_deleted (tomb, TRUE);
  g_ptr_array_add (sidecar->marks, tomb);
  xml = jj_sidecar_to_xml (sidecar, NULL);
  validate (xml);

  empty_xml = jj_sidecar_to_xml (empty, NULL);
  validate (empty_xml);
}

static void
test_schema_rejects (void)
{
  g_autofree char *rng = NULL;
  xmlRelaxNGParserCtxtPtr pctxt;
  xmlRelaxNGPtr schema;
  xmlRelaxNGValidCtxtPtr vctxt;
  xmlDocPtr doc;
  const char *bad =
    "<jiejian xmlns=\"https://jiejian.org/ns/sidecar/1\" version=\"1\">"
    "<document fingerprint=\"\" length=\"0\"/><mark id=\"x\" kind=\"borrow\"/></jiejian>";

  if (g_getenv ("JJ_SOURCE_ROOT") == NULL)
    {
      g_test_skip ("JJ_SOURCE_ROOT is not set");
      return;
    }

  rng = g_build_filename (g_getenv ("JJ_SOURCE_ROOT"), "data", "sidecar.rng", NULL);
  pctxt = xmlRelaxNGNewParserCtxt (rng);
  schema = xmlRelaxNGParse (pctxt);
  vctxt = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (vctxt, NULL, NULL);
  doc = xmlReadMemory (bad, strlen (bad), "bad.xml", NULL, XML_PARSE_NONET);
  g_assert_cmpint (xmlRelaxNGValidateDoc (vctxt, doc), !=, 0);

  xmlFreeDoc (doc);
  xmlRelaxNGFreeValidCtxt (vctxt);
  xmlRelaxNGFree (schema);
  xmlRelaxNGFreeParserCtxt (pctxt);
}

static const char *newer =
  "<?xml version=\"1.0\"?>\n"
  "<jiejian xmlns=\"https://jiejian.org/ns/sidecar/1\" xmlns:f=\"urn:future\" version=\"2\" f:flag=\"on\">\n"
  "  <document fingerprint=\"" FP "\" length=\"10\"/>\n"
  "  <mark id=\"6f1c1d3e-1111-4222-8333-944455556666\" kind=\"borrow\" created=\"2026-01-02T03:04:05Z\""
  " modified=\"2026-01-02T03:04:06Z\" rating=\"5\">\n"
  "    <target start=\"2\" end=\"4\" f:anchor=\"x\"><prefix>甲乙</prefix><quote>丙丁</quote><suffix>戊</suffix><f:hint>h</f:hint></target>\n"
  "    <tag>一</tag>\n"
  "    <link href=\"https://example.org\"/>\n"
  "  </mark>\n"
  "  <mark kind=\"borrow\"><target start=\"1\" end=\"2\"><quote>broken: no id</quote></target></mark>\n"
  "  <mark id=\"7f1c1d3e-1111-4222-8333-944455556666\" kind=\"fact\" created=\"2026-01-02T03:04:05Z\""
  " modified=\"2026-01-02T03:04:05Z\">\n"
  "    <target start=\"x\" end=\"-3\"><quote>数据</quote></target>\n"
  "  </mark>\n"
  "  <collection name=\"新\"><item/></collection>\n"
  "</jiejian>\n";

static void
test_newer_version_kept (void)
{
  g_autoptr(JjSidecar) sidecar = NULL;
  g_autoptr(JjSidecar) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  JjMark *mark;

  sidecar = jj_sidecar_parse (newer, strlen (newer), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sidecar->version, ==, 2);
  g_assert_cmpuint (sidecar->marks->len, ==, 2);
  g_assert_cmpuint (sidecar->n_malformed, ==, 1);
  mark = g_ptr_array_index (sidecar->marks, 0);
  g_assert_cmpstr (jj_mark_get_quote (mark), ==, "丙丁");
  g_assert_cmpuint (jj_mark_get_start (mark), ==, 2);
  mark = g_ptr_array_index (sidecar->marks, 1);
  g_assert_cmpuint (jj_mark_get_start (mark), ==, 0);
  g_assert_cmpstr (jj_mark_get_quote (mark), ==, "数据");

  xml = jj_sidecar_to_xml (sidecar, NULL);
  g_assert_nonnull (strstr (xml, "rating=\"5\""));
  g_assert_nonnull (strstr (xml, "href=\"https://example.org\"/>"));
  g_assert_nonnull (strstr (xml, ">h</f:hint>"));
  g_assert_nonnull (strstr (xml, ":anchor=\"x\""));
  g_assert_nonnull (strstr (xml, ":flag=\"on\""));
  g_assert_nonnull (strstr (xml, "<collection "));
  g_assert_nonnull (strstr (xml, "<item/></collection>"));
  g_assert_nonnull (strstr (xml, "<f:hint xmlns:f=\"urn:future\">h</f:hint>"));
  g_assert_nonnull (strstr (xml, "broken: no id"));
  g_assert_nonnull (strstr (xml, "version=\"2\""));

  again = jj_sidecar_parse (xml, strlen (xml), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->marks->len, ==, 2);
  g_assert_cmpuint (again->n_malformed, ==, 1);
}

static void
assert_refused (const char *data,
                gsize       len,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JjSidecar) sidecar = NULL;
  gint64 t0 = g_get_monotonic_time ();

  sidecar = jj_sidecar_parse (data, len, &error);
  g_assert_null (sidecar);
  g_assert_nonnull (error);
  g_assert_cmpuint (error->domain, ==, JJ_SIDECAR_ERROR);
  if (code >= 0)
    g_assert_cmpint (error->code, ==, code);
  g_assert_cmpuint (strlen (error->message), >, 20);
  g_test_message ("%s", error->message);
  g_assert_cmpint (g_get_monotonic_time () - t0, <, jj_test_usec (20));
}

static void
test_hostile (void)
{
  const char *xxe =
    "<?xml version=\"1.0\"?>\n<!DOCTYPE jiejian [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
    "<jiejian xmlns=\"https://jiejian.org/ns/sidecar/1\" version=\"1\"><document fingerprint=\"\" length=\"0\"/>"
    "<mark id=\"a\" kind=\"borrow\" created=\"2026-01-01T00:00:00Z\"><target start=\"0\" end=\"1\"><quote>&x;</quote></target></mark></jiejian>";
  const char *laughs =
    "<?xml version=\"1.0\"?>\n<!DOCTYPE jiejian [\n"
    " <!ENTITY a \"lollollollollollollollollollol\">\n"
    " <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
    " <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
    " <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
    " <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
    " <!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
    " <!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n"
    " <!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">\n"
    " <!ENTITY i \"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">\n"
    "]>\n<jiejian xmlns=\"https://jiejian.org/ns/sidecar/1\" version=\"1\"><note>&i;</note></jiejian>";
  g_autoptr(JjSidecar) good = make_sidecar (3);
  g_autofree char *xml = jj_sidecar_to_xml (good, NULL);
  g_autofree char *bad_utf8 = g_strdup (xml);
  GString *huge;
  char *q;

  assert_refused (xxe, strlen (xxe), JJ_SIDECAR_ERROR_UNSAFE);
  assert_refused (laughs, strlen (laughs), -1);

  q = strstr (bad_utf8, "第");
  q[1] = (char)0xff;
  assert_refused (bad_utf8, strlen (bad_utf8), JJ_SIDECAR_ERROR_MALFORMED);

  assert_refused (xml, strlen (xml) * 2 / 3, JJ_SIDECAR_ERROR_MALFORMED);
  assert_refused ("", 0, JJ_SIDECAR_ERROR_MALFORMED);
  assert_refused ("<html/>", 7, JJ_SIDECAR_ERROR_NOT_SIDECAR);

  huge = g_string_new ("<jiejian xmlns=\"https://jiejian.org/ns/sidecar/1\" version=\"1\"><document fingerprint=\"");
  for (guint i = 0; i < 50 * 1024 * 1024 / 16; i++)
    g_string_append (huge, "0123456789abcdef");
  g_string_append (huge, "\" length=\"0\"/></jiejian>");
  assert_refused (huge->str, huge->len, JJ_SIDECAR_ERROR_MALFORMED);
  g_string_free (huge, TRUE);
}

static void
test_atomic_backup (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jj-sidecar-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "a.txt.jiejian.xml", NULL);
  g_autofree char *bak = jj_atomic_file_dup_backup_path (path);
  g_autoptr(JjSidecar) one = make_sidecar (1);
  g_autoptr(JjSidecar) two = make_sidecar (2);
  g_autoptr(JjSidecar) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = NULL;
  guint n_files = 0;

  g_assert_true (jj_sidecar_save (one, path, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (bak, G_FILE_TEST_EXISTS));
  g_assert_true (jj_sidecar_save (two, path, &error));
  g_assert_no_error (error);

  back = jj_sidecar_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->marks->len, ==, 2);
  g_clear_pointer (&back, jj_sidecar_free);
  back = jj_sidecar_load (bak, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->marks->len, ==, 1);

  d = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (d) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 2);

  g_unlink (path);
  g_unlink (bak);
  g_rmdir (dir);
}

/* A link is never read through; the identity given is that of the very
 * file read, even when the path names another file right after. */
static void
test_load_nofollow (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jj-sidecar-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "a.txt.jiejian.xml", NULL);
  g_autofree char *link = g_build_filename (dir, "b.txt.jiejian.xml", NULL);
  g_autofree char *other = g_build_filename (dir, "other.xml", NULL);
  g_autoptr(JjSidecar) one = make_sidecar (1);
  g_autoptr(JjSidecar) two = make_sidecar (2);
  g_autoptr(JjSidecar) back = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf identity;
  GStatBuf now;

  g_assert_true (jj_sidecar_save (one, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (symlink (path, link), ==, 0);
  back = jj_sidecar_load (link, &error);
  g_assert_null (back);
  g_assert_error (error, JJ_SIDECAR_ERROR, JJ_SIDECAR_ERROR_UNSAFE);
  g_assert_nonnull (strstr (error->message, "symbolic link"));
  g_clear_error (&error);

  back = jj_sidecar_load_full (path, &identity, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &now), ==, 0);
  g_assert_cmpuint (identity.st_ino, ==, now.st_ino);
  g_assert_cmpint (identity.st_size, ==, now.st_size);
  g_clear_pointer (&back, jj_sidecar_free);

  /* Replaced: the path is another file; what was read is not it. */
  g_assert_true (jj_sidecar_save (two, other, &error));
  g_assert_cmpint (g_rename (other, path), ==, 0);
  g_assert_cmpint (g_stat (path, &now), ==, 0);
  g_assert_cmpuint (identity.st_ino, !=, now.st_ino);

  g_unlink (link);
  g_unlink (path);
  g_unlink (other);
  g_rmdir (dir);
}

static JjSidecar *
load_written (const char  *dir,
              const char  *data,
              gssize       length,
              GError     **error)
{
  g_autofree char *path = g_build_filename (dir, "written.jiejian.xml", NULL);

  g_assert_true (g_file_set_contents (path, data, length, NULL));

  return jj_sidecar_load (path, error);
}

/* Loading from a file streams it through the parser; what it gives must
 * be what parsing the whole text gives, in every case.
 */
static void
test_load_streamed (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jj-sidecar-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "a.txt.jiejian.xml", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo.jiejian.xml", NULL);
  g_autofree char *written = g_build_filename (dir, "written.jiejian.xml", NULL);
  g_autofree char *backup = jj_atomic_file_dup_backup_path (path);
  g_autoptr(JjSidecar) many = make_sidecar (3000);
  g_autoptr(JjSidecar) parsed = NULL;
  g_autoptr(JjSidecar) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  gsize length;
  gint64 t0;

  g_assert_true (jj_sidecar_save (many, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &xml, &length, NULL));
  g_assert_cmpuint (length, >, 4 * 64 * 1024);

  parsed = jj_sidecar_parse (xml, length, &error);
  g_assert_no_error (error);
  loaded = jj_sidecar_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->marks->len, ==, 3000);
  g_assert_cmpuint (parsed->marks->len, ==, 3000);
  g_assert_cmpstr (loaded->fingerprint, ==, FP);
  g_assert_cmpuint (loaded->length, ==, 1234);
  for (guint i = 0; i < 3000; i++)
    {
      assert_marks_equal (g_ptr_array_index (loaded->marks, i), g_ptr_array_index (parsed->marks, i));
      assert_marks_equal (g_ptr_array_index (loaded->marks, i), g_ptr_array_index (many->marks, i));
    }
  g_clear_pointer (&loaded, jj_sidecar_free);

  /* What this version does not know is read as a tree and kept. */
  loaded = load_written (dir, newer, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->version, ==, 2);
  g_assert_cmpuint (loaded->marks->len, ==, 2);
  g_assert_cmpuint (loaded->n_malformed, ==, 1);
  g_clear_pointer (&loaded, jj_sidecar_free);

  /* Cut short, in the middle of a later piece. */
  loaded = load_written (dir, xml, length * 3 / 4, &error);
  g_assert_null (loaded);
  g_assert_error (error, JJ_SIDECAR_ERROR, JJ_SIDECAR_ERROR_MALFORMED);
  g_clear_error (&error);

  loaded = load_written (dir, "", 0, &error);
  g_assert_null (loaded);
  g_assert_error (error, JJ_SIDECAR_ERROR, JJ_SIDECAR_ERROR_MALFORMED);
  g_clear_error (&error);

  loaded = jj_sidecar_load (dir, &error);
  g_assert_null (loaded);
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* A FIFO nobody writes to is refused at once, not waited on. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  t0 = g_get_monotonic_time ();
  loaded = jj_sidecar_load (fifo, &error);
  g_assert_null (loaded);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED);
  g_assert_cmpint (g_get_monotonic_time () - t0, <, G_USEC_PER_SEC);
  g_clear_error (&error);

  g_unlink (fifo);
  g_unlink (path);
  g_unlink (backup);
  g_unlink (written);
  g_rmdir (dir);
}

/* The speech's details: written, validated, read back by both parsers. */
static void
test_speech (void)
{
  g_autoptr(JjSidecar) sidecar = make_sidecar (2);
  g_autoptr(JjSidecar) back = NULL;
  g_autoptr(JjSidecar) tree = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;

  sidecar->speech = jj_speech_info_new ();
  jj_speech_info_set_title (sidecar->speech, "在全区工作会议上的讲话");
  jj_speech_info_set_speaker (sidecar->speech, "王建平");
  g_assert_true (jj_speech_info_set_date (sidecar->speech, "2018-09-03"));
  jj_speech_info_set_occasion (sidecar->speech, "全区工作会议");
  xml = jj_sidecar_to_xml (sidecar, NULL);
  g_assert_nonnull (strstr (xml, "<speech title=\"在全区工作会议上的讲话\" speaker=\"王建平\" date=\"2018-09-03\""));
  validate (xml);

  /* Streamed from a file (the fast path) and parsed as a tree. */
  dir = g_dir_make_tmp ("jj-sidecar-speech-XXXXXX", NULL);
  path = g_build_filename (dir, "a.txt.jiejian.xml", NULL);
  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
  back = jj_sidecar_load (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back->speech);
  g_assert_true (jj_speech_info_equal (back->speech, sidecar->speech));
  g_assert_cmpuint (back->marks->len, ==, 2);
  g_remove (path);
  g_rmdir (dir);

  /* A foreign attribute sends the reading to the tree parser. */
  {
    g_auto(GStrv) parts = g_strsplit (xml, "<speech ", 2);
    g_autofree char *changed = g_strconcat (parts[0], "<speech xmlns:f=\"urn:x\" f:x=\"1\" ", parts[1], NULL);

    tree = jj_sidecar_parse (changed, strlen (changed), &error);
    g_assert_no_error (error);
    g_assert_nonnull (tree->speech);
    g_assert_true (jj_speech_info_equal (tree->speech, sidecar->speech));
  }

  /* None: no element. */
  g_clear_object (&sidecar->speech);
  g_free (xml);
  xml = jj_sidecar_to_xml (sidecar, NULL);
  g_assert_null (strstr (xml, "<speech"));
}

int
main (int   argc,
      char *argv[])
{
  xmlInitParser ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sidecar/round-trip", test_round_trip);
  g_test_add_func ("/sidecar/control-characters", test_control_characters);
  g_test_add_func ("/sidecar/schema", test_schema);
  g_test_add_func ("/sidecar/speech", test_speech);
  g_test_add_func ("/sidecar/schema-rejects", test_schema_rejects);
  g_test_add_func ("/sidecar/newer-version-kept", test_newer_version_kept);
  g_test_add_func ("/sidecar/hostile", test_hostile);
  g_test_add_func ("/sidecar/atomic-backup", test_atomic_backup);
  g_test_add_func ("/sidecar/load-nofollow", test_load_nofollow);
  g_test_add_func ("/sidecar/load-streamed", test_load_streamed);

  return g_test_run ();
}
