/* test-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <glib/gstdio.h>

#include "jj-document.h"

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
  g_autoptr(GFile) empty_file = g_file_new_for_path (empty);
  g_autoptr(GFile) dir_file = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  JjDocument *doc;

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));

  doc = jj_document_load (empty_file, JJ_LOAD_DEFAULT, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_EMPTY);
  g_clear_error (&error);

  doc = jj_document_load (dir_file, JJ_LOAD_DEFAULT, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, JJ_DOCUMENT_ERROR, JJ_DOCUMENT_ERROR_NOT_REGULAR);

  g_unlink (empty);
  g_rmdir (dir);
}

static void
test_load_sample (void)
{
  const char *shared = g_getenv ("JJ_SHARED_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(JjDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  path = g_build_filename (shared ? shared : "", "samples", "civilized-city-speech.txt", NULL);
  if (shared == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/samples is not available");
      return;
    }

  file = g_file_new_for_path (path);
  doc = jj_document_load (file, JJ_LOAD_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jj_document_get_title (doc), ==, "全国文明城市建设工作培训会议讲话");
  g_assert_true (g_str_has_prefix (jj_document_get_text (doc),
                                   "全国文明城市建设工作培训会议讲话\n同志们：\n在首轮"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/paragraphs", test_paragraphs_from_text);
  g_test_add_func ("/document/fingerprint", test_fingerprint);
  g_test_add_func ("/document/refuses-bad-files", test_refuses_bad_files);
  g_test_add_func ("/document/load-sample", test_load_sample);

  return g_test_run ();
}
