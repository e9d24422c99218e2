/* test-print.c — exporting a speech with its marks as PDF, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>
#include <libxml/parser.h>
#include <string.h>
#include <glib/gstdio.h>

#include "jj-document.h"
#include "jj-mark.h"
#include "jj-print-operation.h"

static JjDocument *
load_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "samples",
                                                "civilized-city-speech.webpage.txt", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  JjDocument *document;

  file = g_file_new_for_path (path);
  document = jj_document_load (file, JJ_LOAD_DEFAULT, NULL, &error);
  g_assert_no_error (error);

  return document;
}

static void
add_mark (GListStore *marks,
          const char *text,
          const char *phrase,
          const char *kind,
          const char *note)
{
  g_autoptr(JjMark) mark = jj_mark_new (kind);
  const char *found = strstr (text, phrase);
  guint start;

  g_assert_nonnull (found);
  start = g_utf8_pointer_to_offset (text, found);
  g_assert_true (jj_mark_set_target_from_text (mark, text, start, start + g_utf8_strlen (phrase, -1)));
  jj_mark_set_note (mark, note);
  g_list_store_append (marks, mark);
}

/* pdftotext breaks lines where the page does: compare without white space. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static void
test_export_pdf (void)
{
  g_autoptr(JjDocument) document = load_sample ();
  g_autoptr(GListStore) marks = g_list_store_new (JJ_TYPE_MARK);
  g_autoptr(JjPrintOperation) operation = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *pdftotext = NULL;
  const char *text;
  gsize length;

  text = jj_document_get_text (document);
  add_mark (marks, text, "以优异成绩通过本轮复检", "golden", "结尾可以借用");
  add_mark (marks, text, "要坚持以群众为中心", "outline", NULL);

  dir = g_dir_make_tmp ("jiejian-print-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "speech.pdf", NULL);
  file = g_file_new_for_path (path);

  operation = jj_print_operation_new (document, jj_document_get_outline (document),
                                      G_LIST_MODEL (marks));
  g_assert_true (jj_print_operation_export_pdf (operation, NULL, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jj_print_operation_get_n_pages_laid_out (operation), >=, 2);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (memcmp (contents, "%PDF", 4) == 0);

  pdftotext = g_find_program_in_path ("pdftotext");
  if (pdftotext != NULL)
    {
      const char *argv[] = { pdftotext, "-enc", "UTF-8", path, "-", NULL };
      g_autofree char *out = NULL;
      g_autofree char *squeezed = NULL;
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &out, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      squeezed = squeeze (out);
      g_assert_nonnull (strstr (squeezed, jj_document_get_title (document)));
      g_assert_nonnull (strstr (squeezed, "以优异成绩通过本轮复检"));
      g_assert_nonnull (strstr (squeezed, "结尾可以借用"));
    }
  else
    g_test_message ("pdftotext is not installed: the text of the PDF is not checked");

  g_unlink (path);
  g_rmdir (dir);
}

/* A paragraph longer than a page is split between pages, line by line. */
static void
test_long_paragraph (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(JjDocument) document = NULL;
  g_autoptr(JjPrintOperation) operation = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  for (guint i = 0; i < 600; i++)
    g_string_append (text, "要强化责任担当，层层压实责任，确保各项任务落到实处。");
  document = jj_document_new_from_text (text->str, text->len);

  dir = g_dir_make_tmp ("jiejian-print-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "long.pdf", NULL);
  file = g_file_new_for_path (path);

  operation = jj_print_operation_new (document, NULL, NULL);
  jj_print_operation_set_font (operation, "Sans", 14);
  g_assert_true (jj_print_operation_export_pdf (operation, NULL, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jj_print_operation_get_n_pages_laid_out (operation), >=, 5);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_export_error (void)
{
  g_autoptr(JjDocument) document = jj_document_new_from_text ("标题\n正文。", -1);
  g_autoptr(JjPrintOperation) operation = jj_print_operation_new (document, NULL, NULL);
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-folder/jiejian/speech.pdf");
  g_autoptr(GError) error = NULL;

  g_assert_false (jj_print_operation_export_pdf (operation, NULL, file, &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  xmlInitParser ();
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/print/export-pdf", test_export_pdf);
  g_test_add_func ("/print/long-paragraph", test_long_paragraph);
  g_test_add_func ("/print/export-error", test_export_error);

  return g_test_run ();
}
