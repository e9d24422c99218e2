/* test-print-layout.c — what a printed page shows of a document and its marks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "jj-document.h"
#include "jj-mark.h"
#include "jj-print-layout.h"

static const char speech[] =
  "关于做好年度工作的讲话\n"
  "同志们：\n"
  "今天召开会议，主要任务是部署工作。\n"
  "一、提高认识\n"
  "各级各部门要提高认识。要抓好落实。\n"
  "二、狠抓落实\n"
  "要狠抓落实，确保见到实效。";

static JjMark *
add_mark (GListStore *marks,
          const char *text,
          guint       start,
          guint       end,
          const char *kind,
          const char *note)
{
  g_autoptr(JjMark) mark = jj_mark_new (kind);

  g_assert_true (jj_mark_set_target_from_text (mark, text, start, end));
  jj_mark_set_note (mark, note);
  g_list_store_append (marks, mark);

  return mark;
}

static guint
offset_of (const char *haystack,
           const char *needle)
{
  const char *found = strstr (haystack, needle);

  g_assert_nonnull (found);
  return g_utf8_pointer_to_offset (haystack, found);
}

static char *
span_text (const JjPrintBlock *block,
           const JjPrintSpan  *span)
{
  return g_strndup (block->text + span->start, span->end - span->start);
}

static void
test_blocks (void)
{
  g_autoptr(JjDocument) document = jj_document_new_from_text (speech, -1);
  const char *text = jj_document_get_text (document);
  g_autoptr(GPtrArray) blocks = NULL;
  JjPrintBlock *block;
  guint n_bold = 0;

  blocks = jj_print_layout_build (text, jj_document_get_title (document) != NULL,
                                  jj_document_get_outline (document), NULL);
  g_assert_cmpuint (blocks->len, ==, 7);

  block = g_ptr_array_index (blocks, 0);
  g_assert_cmpint (block->kind, ==, JJ_PRINT_BLOCK_TITLE);
  g_assert_cmpstr (block->text, ==, "关于做好年度工作的讲话");
  g_assert_cmpuint (block->bold->len, ==, 0);

  block = g_ptr_array_index (blocks, 3);
  g_assert_cmpint (block->kind, ==, JJ_PRINT_BLOCK_PARAGRAPH);
  g_assert_cmpstr (block->text, ==, "一、提高认识");
  g_assert_cmpuint (block->bold->len, ==, 1);
  {
    g_autofree char *bold = span_text (block, &g_array_index (block->bold, JjPrintSpan, 0));

    g_assert_cmpstr (bold, ==, "一、提高认识");
  }

  for (guint i = 0; i < blocks->len; i++)
    {
      block = g_ptr_array_index (blocks, i);
      n_bold += block->bold->len;
      g_assert_cmpuint (block->highlights->len, ==, 0);
      g_assert_cmpuint (block->notes->len, ==, 0);
    }
  g_assert_cmpuint (n_bold, ==, 2);
}

static void
test_highlights (void)
{
  g_autoptr(JjDocument) document = jj_document_new_from_text (speech, -1);
  const char *text = jj_document_get_text (document);
  g_autoptr(GListStore) marks = g_list_store_new (JJ_TYPE_MARK);
  g_autoptr(GPtrArray) blocks = NULL;
  const JjPrintBlock *block;
  const JjPrintSpan *span;
  JjMark *across;
  guint start;

  /* Added out of document order: notes are numbered by position. */
  start = offset_of (text, "要狠抓落实");
  add_mark (marks, text, start, start + 5, "golden", "可用于结尾");
  start = offset_of (text, "要抓好落实");
  across = add_mark (marks, text, start, offset_of (text, "二、狠抓落实") + 2, "borrow", "跨段落");
  jj_mark_set_color (across, "#123456");
  start = offset_of (text, "部署工作");
  add_mark (marks, text, start, start + 4, "fact", NULL);

  blocks = jj_print_layout_build (text, TRUE, jj_document_get_outline (document),
                                  G_LIST_MODEL (marks));

  block = g_ptr_array_index (blocks, 2);
  g_assert_cmpuint (block->highlights->len, ==, 1);
  span = &g_array_index (block->highlights, JjPrintSpan, 0);
  {
    g_autofree char *s = span_text (block, span);

    g_assert_cmpstr (s, ==, "部署工作");
  }
  g_assert_cmpstr (span->color, ==, "#ffa348");
  g_assert_cmpuint (span->note, ==, 0);
  g_assert_cmpuint (block->notes->len, ==, 0);

  /* A mark over two paragraphs is highlighted in both, its note under the last. */
  block = g_ptr_array_index (blocks, 4);
  g_assert_cmpuint (block->highlights->len, ==, 1);
  span = &g_array_index (block->highlights, JjPrintSpan, 0);
  {
    g_autofree char *s = span_text (block, span);

    g_assert_cmpstr (s, ==, "要抓好落实。");
  }
  g_assert_cmpstr (span->color, ==, "#123456");
  g_assert_cmpuint (span->note, ==, 1);
  g_assert_cmpuint (block->notes->len, ==, 0);

  block = g_ptr_array_index (blocks, 5);
  g_assert_cmpuint (block->highlights->len, ==, 1);
  span = &g_array_index (block->highlights, JjPrintSpan, 0);
  {
    g_autofree char *s = span_text (block, span);

    g_assert_cmpstr (s, ==, "二、");
  }
  g_assert_cmpuint (block->notes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (block->notes, 0), ==, "[1] “要抓好落实。\n二、”: 跨段落");

  block = g_ptr_array_index (blocks, 6);
  g_assert_cmpuint (block->highlights->len, ==, 1);
  g_assert_cmpuint (block->notes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (block->notes, 0), ==, "[2] “要狠抓落实”: 可用于结尾");
}

static void
test_skipped_marks (void)
{
  const char *text = "标题\n第一段文字。";
  g_autoptr(GListStore) marks = g_list_store_new (JJ_TYPE_MARK);
  g_autoptr(GPtrArray) blocks = NULL;
  JjMark *orphan;
  JjMark *deleted;
  JjMark *beyond;
  const JjPrintBlock *block;

  orphan = add_mark (marks, text, 3, 5, "borrow", "orphan");
  jj_mark_set_status (orphan, JJ_MARK_STATUS_ORPHAN);
  deleted = add_mark (marks, text, 3, 5, "borrow", "deleted");
  jj_mark_set_deleted (deleted, TRUE);
  beyond = add_mark (marks, text, 3, 9, "doubt", "长");
  jj_mark_set_range (beyond, 5, 400);

  blocks = jj_print_layout_build (text, FALSE, NULL, G_LIST_MODEL (marks));
  g_assert_cmpuint (blocks->len, ==, 2);
  g_assert_cmpint (((JjPrintBlock *)g_ptr_array_index (blocks, 0))->kind, ==, JJ_PRINT_BLOCK_PARAGRAPH);
  block = g_ptr_array_index (blocks, 1);
  g_assert_cmpuint (block->highlights->len, ==, 1);
  g_assert_cmpuint (g_array_index (block->highlights, JjPrintSpan, 0).start, ==, strlen ("第一"));
  g_assert_cmpuint (g_array_index (block->highlights, JjPrintSpan, 0).end, ==, strlen (block->text));
  g_assert_cmpuint (block->notes->len, ==, 1);
}

static void
test_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "samples",
                                                "civilized-city-speech.webpage.txt", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(JjDocument) document = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GError) error = NULL;
  guint n_bold = 0;

  file = g_file_new_for_path (path);
  document = jj_document_load (file, JJ_LOAD_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  blocks = jj_print_layout_build (jj_document_get_text (document), TRUE,
                                  jj_document_get_outline (document), NULL);
  g_assert_cmpstr (((JjPrintBlock *)g_ptr_array_index (blocks, 0))->text, ==,
                   jj_document_get_title (document));
  for (guint i = 0; i < blocks->len; i++)
    n_bold += ((JjPrintBlock *)g_ptr_array_index (blocks, i))->bold->len;
  g_assert_cmpuint (n_bold, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/print-layout/blocks", test_blocks);
  g_test_add_func ("/print-layout/highlights", test_highlights);
  g_test_add_func ("/print-layout/skipped-marks", test_skipped_marks);
  g_test_add_func ("/print-layout/sample", test_sample);

  return g_test_run ();
}
